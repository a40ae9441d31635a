//===- Pipeline.h - run a task's steps against a tree of IR modules -------===//
//
// The kernel of Semcom: for each step, build a focused prompt (the signatures the step references,
// the runtime API, the module's source), ask the model, validate the answer deterministically,
// repair from diagnostics a bounded number of times, resolve names nobody provides by generating
// them first, and write the module back atomically only once it is valid.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_CORE_PIPELINE_H
#define SEMCOM_CORE_PIPELINE_H

#include "semcom/Core/Task.h"
#include "semcom/Link/Link.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace semcom {
namespace llm {
class Provider;
}
namespace core {

struct PipelineOptions {
  std::string TreeRoot = ".";   ///< the module tree; its manifest lives in TreeRoot/.semcom/
  link::Arch Target = link::Arch::X86_64;
  unsigned MaxRepairRounds = 5; ///< model answers per step after the first
  unsigned MaxMissingPasses = 2;
  unsigned MaxTokens = 16000;   ///< per answer
  unsigned Jobs = 4;            ///< model calls in flight for independent steps (a plan's modules)
  bool DryRun = false;          ///< show what would change; write nothing
  bool Verbose = false;
  std::string RunId;            ///< this run's id (see newRunId); generated when empty
  bool Resume = false;          ///< RunId names an earlier run: skip the steps it completed
  /// Signatures fixed before any step runs (`i64 @f(i64 %x)`), e.g. by @transform's plan: they go
  /// into the manifest as declarations and every module is validated against them.
  std::vector<std::string> PlannedDeclarations;
};

/// A fresh run id: UTC time and process id, e.g. 20261203-094501-4242.
std::string newRunId();

struct StepReport {
  unsigned Index = 0;           ///< 1-based
  std::string Directive, Target;
  std::string Status = "pending"; ///< passed | failed | skipped
  unsigned ModelCalls = 0;      ///< answers asked for (first attempt + repairs)
  unsigned FixDeclaresChanges = 0;
  std::vector<std::string> Diagnostics; ///< of the last attempt, when it failed
  std::string Error;
  double Seconds = 0;
  /// Set just before write-back, so a run killed mid-write can tell on --resume whether the
  /// module on disk is this step's (its hash matches) or must be made again.
  std::string WrittenFile, WrittenHash;
};

struct RunReport {
  std::string RunId, RunDir;
  std::vector<StepReport> Steps;
  unsigned passed() const;
  unsigned failed() const;
  unsigned skipped() const;
  bool ok() const { return failed() == 0; }
};

/// @transform lives in orchestrator/transform, which builds on this library; it installs its
/// runner here so the pipeline runs the directive without a dependency cycle. The runner fills
/// Report (Status, Error, ModelCalls).
using TransformRunner = void (*)(const Step &S, const PipelineOptions &O, llm::Provider &Model,
                                 llvm::raw_ostream &Progress, StepReport &Report);
void setTransformRunner(TransformRunner Runner);

class Pipeline {
public:
  /// Progress lines go to Progress (one per phase, as the seed printed them).
  Pipeline(PipelineOptions Options, llm::Provider &Model, llvm::raw_ostream &Progress);
  ~Pipeline();

  /// Runs every step of the task. An Error is a problem with the run itself (unreadable tree,
  /// unwritable run directory); a failed step is in the report.
  llvm::Expected<RunReport> run(const Task &T, llvm::StringRef TaskText);

private:
  struct Impl;
  std::unique_ptr<Impl> P;
};

} // namespace core
} // namespace semcom

#endif
