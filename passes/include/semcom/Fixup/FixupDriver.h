//===- FixupDriver.h - pre-parse repair + semcom-fixup in one process -===//
//
// What semcom-fix and the orchestrator both do with a model's answer: repair what does not parse,
// run the semcom-fixup pipeline, and collect every change, remark, error and missing name instead
// of printing them, so each caller reports them its own way.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_FIXUP_FIXUPDRIVER_H
#define SEMCOM_FIXUP_FIXUPDRIVER_H

#include "semcom/Fixup/Config.h"
#include "semcom/Fixup/DoesNotUnderstand.h"

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace llvm {
class Module;
}

namespace semcom {
namespace fixup {

/// One thing the fixup did or reported.
struct FixupChange {
  std::string Kind;    ///< repaired | changed | left | note | warning | error
  std::string Pass;    ///< pre-parse, fix-declares, fix-syscalls, …
  std::string Message;
};

struct FixupReport {
  std::vector<FixupChange> Changes;
  std::vector<std::string> Notes;          ///< `; NOTE:` lines for the written module (fuzzy matches)
  std::vector<std::string> Errors;         ///< the verifier's and the passes' errors
  std::vector<MissingFunction> Missing;    ///< DoesNotUnderstand's names
  unsigned count(llvm::StringRef Pass, llvm::StringRef Kind = "changed") const;
};

/// Runs the semcom-fixup pipeline (fix-syscalls, fix-declares, fix-constants, DNU, verifier) on M,
/// capturing the context's diagnostics for the duration.
FixupReport runFixupPipeline(llvm::Module &M, const FixupConfig &Config);

/// Prints M as the orchestrator writes it: the `; NOTE:` lines first, then the module.
std::string printWithNotes(const llvm::Module &M, const std::vector<std::string> &Notes);

} // namespace fixup
} // namespace semcom

#endif
