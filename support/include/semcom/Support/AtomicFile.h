//===- AtomicFile.h - write a file so it is the old one or the new one, never a part -===//
//
// Modules, manifests, run records and reports are written this way everywhere in Semcom: a
// temporary on the same file system, fsync, rename over the target, fsync of its directory.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_SUPPORT_ATOMICFILE_H
#define SEMCOM_SUPPORT_ATOMICFILE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace semcom {

/// Writes Contents to Path durably and atomically, creating Path's directory. The temporary goes
/// in TempDir when given (it must be on Path's file system), else beside Path; TempDir keeps a
/// process killed mid-write from leaving a temporary among the files of a tree.
llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Contents,
                                llvm::StringRef TempDir = "");

} // namespace semcom

#endif
