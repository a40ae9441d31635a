//===- RuntimeAPI.h - the runtime's functions, generated from its IR -===//
//
// The passes need the runtime's signatures even when no manifest is loaded (a
// bare `opt -passes=semcom-fix-syscalls`), and DoesNotUnderstand must know the
// runtime's names. This table is generated from runtime/*.ll; a loaded manifest
// overrides it.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_FIXUP_RUNTIMEAPI_H
#define SEMCOM_FIXUP_RUNTIMEAPI_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace semcom {
namespace fixup {

struct RuntimeFunction {
  llvm::StringRef Name;
  llvm::StringRef Signature; ///< manifest style: `i64 @sys_write(i64 %fd, ptr
                             ///< %buf, i64 %count)`
  llvm::StringRef Module;    ///< the runtime module that defines it, e.g. `io.ll`
};

/// Every public function of the runtime (runtime/*.ll), module by module.
llvm::ArrayRef<RuntimeFunction> runtimeFunctions();
const RuntimeFunction *lookupRuntimeFunction(llvm::StringRef Name);

/// A libc-style function outside the manifest whose (pointer, length) parameter
/// pairs are known: `write(fd, buf, count)` has the pair (1, 2).
struct KnownBufferFunction {
  llvm::StringRef Name;
  unsigned PtrArg, LenArg;
  bool WritesToFD; ///< the buffer goes to a file descriptor (a trailing NUL
                   ///< would be printed)
};
llvm::ArrayRef<KnownBufferFunction> knownBufferFunctions();

} // namespace fixup
} // namespace semcom

#endif
