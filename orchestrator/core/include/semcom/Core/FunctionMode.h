//===- FunctionMode.h - intent → checked vectors → IR → sandboxed verdict --===//
//
// The semantic loop of `semcom fn` and `@test`. The intent layer writes a spec (signature, contract,
// test vectors); an independent Python reference cross-checks every vector so a wrong expectation is
// disputed instead of blamed on the IR; the meaning compiler writes IR through the same validation
// and repair as the pipeline; a generated harness runs it in the sandbox; failing vectors go back for
// behavioural repair, and a repair that breaks a vector that already passed (an anchor) is rejected.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_CORE_FUNCTIONMODE_H
#define SEMCOM_CORE_FUNCTIONMODE_H

#include "semcom/Core/Harness.h"
#include "semcom/Core/Spec.h"
#include "semcom/Link/Link.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace semcom {
namespace llm {
class Provider;
}
namespace core {

struct FunctionModeOptions {
  std::string RunDir;          ///< where prompts, answers, IR and reports of this run go
  std::string ForcedSignature; ///< --signature: the spec must use exactly this one
  link::Arch Target = link::hostArch();
  unsigned MaxSpecAttempts = 3;      ///< spec answers (first + re-asks when invalid)
  unsigned MaxReferenceAttempts = 2; ///< reference answers when it crashes, hangs or is garbage
  unsigned MaxRepairRounds = 5;      ///< validation repairs per IR answer
  unsigned MaxBehaviourRounds = 3;   ///< behavioural repairs
  unsigned MaxTokens = 16000;
  double TimeoutSeconds = 5;         ///< per sandboxed run of the harness or the reference
  /// Pattern distillation: verified functions leave a pattern here and the most similar ones join
  /// the IR prompt. Empty turns it off (so its effect on IR attempts can be measured).
  std::string PatternDir;
  bool Verbose = false;
};

struct DisputedVector {
  unsigned Index = 0;
  std::string Call, Expected, Reference;
};

struct FunctionReport {
  std::string Test;      ///< the row's label (the intent, shortened, or the @test target)
  std::string Function;  ///< the function's name, once the spec named it
  std::string Signature;
  std::string Status = "failed"; ///< passed | failed
  std::string Error;     ///< why it failed, one paragraph
  unsigned IRAttempts = 0;    ///< IR answers (first, validation repairs, behavioural repairs)
  unsigned ModelCalls = 0;    ///< every call: spec, reference, re-derivation, IR
  unsigned BehaviourRounds = 0;
  unsigned Passed = 0, Checked = 0; ///< vectors passing / vectors kept after the cross-check
  std::vector<DisputedVector> Disputed;   ///< dropped: never used to judge the IR
  std::vector<VectorOutcome> Outcomes;    ///< of the IR kept
  std::vector<std::string> Rejected;      ///< repairs rejected, with the anchors they broke
  std::string IR;        ///< the IR kept (verified when Status is passed)
  std::vector<std::string> PatternsUsed; ///< names of the patterns shown in the IR prompt
  double Seconds = 0;
  bool passed() const { return Status == "passed"; }
};

/// Function mode: one function from an intent. An Error is a problem with the run itself (model
/// unreachable, sandbox missing); everything else, including a spec never valid, is in the report.
llvm::Expected<FunctionReport> runFunctionMode(llvm::StringRef Intent,
                                               const FunctionModeOptions &Options,
                                               llm::Provider &Model, llvm::raw_ostream &Progress);

/// `@test`: vectors for a function of an existing module, the same cross-check, then behavioural
/// repair of that module (the function's IR in the report is the whole module).
llvm::Expected<FunctionReport> runTestMode(llvm::StringRef ModuleText, llvm::StringRef ModuleName,
                                           llvm::StringRef FunctionName, llvm::StringRef Intent,
                                           const FunctionModeOptions &Options,
                                           llm::Provider &Model, llvm::raw_ostream &Progress);

/// A verified function's distilled pattern: what it was for, its signature shape, its IR skeleton.
struct Pattern {
  std::string Name, Intent, Shape, Signature, Skeleton;
};
/// The shape class of a signature, e.g. "string -> buffer", "array(in place) -> void".
std::string signatureShape(const FunctionSignature &Sig, bool ModifiesArray);
/// The IR without comments and blank lines, at most MaxLines lines.
std::string irSkeleton(llvm::StringRef IR, unsigned MaxLines = 80);
/// Patterns in Dir (unreadable files are skipped: patterns are a hint, never a requirement).
std::vector<Pattern> loadPatterns(llvm::StringRef Dir);
llvm::Error savePattern(llvm::StringRef Dir, const Pattern &P);
/// The at most Count patterns most similar to an intent and shape (word overlap, shape bonus).
std::vector<Pattern> similarPatterns(llvm::ArrayRef<Pattern> All, llvm::StringRef Intent,
                                     llvm::StringRef Shape, unsigned Count = 2);

/// The seed-style table: `Test | Function | IR attempts | Tests | Result | Time`, and a total line.
void printReportTable(llvm::ArrayRef<FunctionReport> Reports, llvm::raw_ostream &OS);
/// summary.json and a self-contained report.html in RunDir.
llvm::Error writeReports(llvm::ArrayRef<FunctionReport> Reports, llvm::StringRef RunDir,
                         llvm::StringRef RunId);

} // namespace core
} // namespace semcom

#endif
