//===- Support.h - small pieces every Semcom mode shares ------------------===//
//
// Durable writes and the runtime summary of the system prompt are used by the task pipeline and
// by function mode alike; one copy keeps them from drifting apart.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_CORE_SUPPORT_H
#define SEMCOM_CORE_SUPPORT_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>

namespace semcom {
namespace core {

/// All-or-nothing write: a temporary beside Path, fsync, rename, fsync of the directory, so the
/// file is always the old one or the new one, even on SIGKILL. Creates missing directories.
/// TempDir (same file system) holds the temporary, so a kill never leaves one among the modules.
llvm::Error writeDurably(llvm::StringRef Path, llvm::StringRef Contents,
                         llvm::StringRef TempDir = "");

/// Runtime functions, module by module: the core API (stable, in the cacheable system prefix) or,
/// with Http, the HTTP framework (listed only to steps that are about HTTP).
std::string runtimeSummary(bool Http = false);

/// Whether a step's texts are about HTTP (http, html, route, web server, htmx).
bool mentionsHttp(llvm::ArrayRef<llvm::StringRef> Texts);

/// Bytes as a person reads them: "…" with \n, \r, \t, \xNN escapes, shortened past Max bytes.
std::string quoteBytes(llvm::StringRef S, size_t Max = 200);
/// Text safe inside HTML elements and attribute values (< > & ").
std::string htmlEscape(llvm::StringRef S);
/// The code of the first ```python (or ```py, or plain ```) block of a model answer; the whole
/// answer when it has none.
std::string extractPythonBlock(llvm::StringRef Answer);
/// The system prompt of every IR-writing call: prompts/system.md plus the runtime summary.
std::string irSystemPrompt(llvm::raw_ostream &Warnings);

} // namespace core
} // namespace semcom

#endif
