//===- Transform.h - @transform: a Python project ported to IR modules ----===//
//
// The Python original is an oracle: Semcom scans it with Python's own parser, has the model plan
// target modules with every signature fixed up front (declarations in the manifest before any
// module exists), creates each module through the pipeline, links a static binary and runs it and
// the Python program on the same inputs, repairing behaviour from the first mismatch.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_TRANSFORM_TRANSFORM_H
#define SEMCOM_TRANSFORM_TRANSFORM_H

#include "semcom/Core/Pipeline.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>
#include <vector>

namespace semcom {
namespace llm {
class Provider;
}
namespace transform {

// --- scan ---

struct PyFunction {
  std::string Name;
  std::string Class; ///< the class of a method, else empty
  unsigned Line = 0;
  std::vector<std::pair<std::string, std::string>> Params; ///< name, annotation
  std::string Returns, Doc;
  std::vector<std::string> Calls;
  std::string Unmappable; ///< why it cannot be ported (eval, exec, yield, …), else empty
  std::string qualifiedName() const { return Class.empty() ? Name : Class + "." + Name; }
};

struct PyFile {
  std::string Path;   ///< relative to the project
  std::string Module; ///< dotted module name
  std::string Source;
  unsigned Lines = 0;
  std::vector<PyFunction> Functions; ///< top-level functions, then methods
  std::vector<std::string> Classes;  ///< "Name(field, field)"
  std::vector<std::string> Imports;  ///< project modules this file imports
  std::vector<std::string> ExternalImports;
  bool HasMain = false; ///< has an `if __name__ == "__main__":` block
};

struct ScanFailure {
  std::string Path, Reason;
};

struct ScanResult {
  std::string Root;
  std::vector<PyFile> Files;       ///< a file after the files it imports
  std::vector<ScanFailure> Failed; ///< files that will not be ported, and why
  /// What the plan prompt shows: per file its functions, classes, imports and calls.
  std::string summary() const;
  const PyFile *mainFile() const;
};

/// The JSON scan.py prints, read into a ScanResult. Malformed JSON is an error.
llvm::Expected<ScanResult> parseScanJSON(llvm::StringRef Json);

/// Runs scan.py on Dir with python3, sandboxed with Dir bound read-only. Errors: Dir is not a
/// directory, has no Python files, or the scanner could not run.
llvm::Expected<ScanResult> scanProject(llvm::StringRef Dir);

// --- plan ---

struct PlannedModule {
  std::string File;                    ///< NAME.ll
  std::vector<std::string> Sources;    ///< Python files it ports
  std::vector<std::string> Signatures; ///< `i64 @f(i64 %x)`
  std::string Intent;                  ///< the plan's words for it
};

struct Refusal {
  std::string Function, Reason;
};

struct TransformPlan {
  std::vector<PlannedModule> Modules;
  std::vector<Refusal> Refused;
};

/// Reads the plan answer (a ```task block of @create steps with `source:`, `define` and
/// `refuse NAME: reason` lines) and checks it against the scan: every source exists and was
/// scanned, no function is defined twice, a program has one @semcom_main.
llvm::Expected<TransformPlan> parsePlanAnswer(llvm::StringRef Answer, const ScanResult &Scan);

// --- the run ---

struct TransformOptions {
  std::string ProjectDir;
  core::PipelineOptions Pipeline;  ///< TreeRoot is where the modules are written
  unsigned MaxBehaviourRounds = 3; ///< differential repair rounds
  std::string BinaryName;          ///< default: the project folder's name
  std::optional<ScanResult> Scan;  ///< a scan of ProjectDir already made; else it is scanned
};

struct CaseResult {
  std::string Name; ///< the sample's file name
  bool Passed = false;
  std::string Mismatch; ///< the first difference, one paragraph
};

struct FunctionStatus {
  std::string File, Function, Module;
  std::string Status; ///< ported | refused | failed
  std::string Detail;
};

struct TransformReport {
  ScanResult Scan;
  std::vector<FunctionStatus> Functions;
  std::vector<core::StepReport> Modules;
  std::string Binary;
  std::vector<CaseResult> Cases;
  unsigned BehaviourRounds = 0;
  unsigned ModelCalls = 0;
  std::string Error; ///< why the port stopped, when it did
  bool ok() const;
  std::string text() const;
  std::string json() const;
};

/// Scans, plans, creates every module, links and tests. An Error is a problem with the input or
/// the run itself (no Python, no plan); a failed module or test is in the report.
llvm::Expected<TransformReport> runTransform(const TransformOptions &Options, llm::Provider &Model,
                                             llvm::raw_ostream &Progress);

} // namespace transform
} // namespace semcom

#endif
