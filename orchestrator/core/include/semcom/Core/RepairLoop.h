//===- RepairLoop.h - ask, validate, repair from diagnostics, bounded ----===//
//
// The one loop every IR-writing step runs (task steps, function mode, behavioural repair): an
// answer is validated deterministically; what fails goes back with the repair prompt until it
// validates, the rounds run out, or the model stops making progress (the same answer or the same
// diagnostics twice). Callers say how to ask and what to do with a candidate through hooks.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_CORE_REPAIRLOOP_H
#define SEMCOM_CORE_REPAIRLOOP_H

#include "semcom/Core/Prompts.h"
#include "semcom/Core/Validate.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <functional>
#include <optional>
#include <string>

namespace semcom {
namespace core {

/// Colours a verdict on a terminal (green ok, red failed); plain text anywhere else.
llvm::raw_ostream &verdictColor(llvm::raw_ostream &OS, bool Ok);
llvm::raw_ostream &resetColor(llvm::raw_ostream &OS);

struct RepairLoopHooks {
  /// One model answer to Prompt; Round 0 is the first answer, then one per repair.
  std::function<llvm::Expected<std::string>(const std::string &Prompt, unsigned Round)> Ask;
  /// Just before an answer is validated (e.g. to refresh the manifest query).
  std::function<void(ValidateOptions &)> BeforeValidate;
  /// After validation, before the verdict: may change the candidate (e.g. resolve missing names).
  std::function<void(Candidate &, llvm::StringRef Answer, ValidateOptions &, unsigned Round)>
      Inspect;
  /// A round that failed, with its joined diagnostics.
  std::function<void(const Candidate &, const std::string &Diagnostics, unsigned Round)>
      OnFailure;
};

struct RepairOutcome {
  std::optional<Candidate> Valid; ///< set when an answer validated
  std::optional<Candidate> Best;  ///< otherwise the attempt with the fewest diagnostics
  unsigned Answers = 0;
  std::string Error; ///< a prompt could not be rendered
};

/// Runs the loop. Repair prompts are the "repair" template filled from RepairSlots plus
/// "diagnostics" and "ir". An Error is a failed model call.
llvm::Expected<RepairOutcome> runRepairLoop(std::string Prompt, ValidateOptions VO,
                                            PromptSlots RepairSlots, unsigned MaxRepairRounds,
                                            bool Verbose, llvm::raw_ostream &Out,
                                            const RepairLoopHooks &Hooks);

} // namespace core
} // namespace semcom

#endif
