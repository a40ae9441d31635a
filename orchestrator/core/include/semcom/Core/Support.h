//===- Support.h - small pieces every Semcom mode shares ------------------===//
//
// Durable writes and the runtime summary of the system prompt are used by the task pipeline and
// by function mode alike; one copy keeps them from drifting apart.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_CORE_SUPPORT_H
#define SEMCOM_CORE_SUPPORT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>

namespace semcom {
namespace core {

/// All-or-nothing write: a temporary beside Path, fsync, rename, fsync of the directory, so the
/// file is always the old one or the new one, even on SIGKILL. Creates missing directories.
llvm::Error writeDurably(llvm::StringRef Path, llvm::StringRef Contents);

/// The runtime's API as the system prompt lists it (stable, so it sits in the cacheable prefix).
std::string runtimeSummary();

/// The system prompt of every IR-writing call: prompts/system.md plus the runtime summary.
std::string irSystemPrompt(llvm::raw_ostream &Warnings);

} // namespace core
} // namespace semcom

#endif
