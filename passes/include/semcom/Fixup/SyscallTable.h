//===- SyscallTable.h - Linux syscall numbers the runtime wraps, per target
//-===//
//
// Models write raw syscall numbers, and the numbers differ by architecture (9
// is mmap on x86_64, 222 on aarch64). FixSyscalls maps a number back to the
// runtime wrapper it means.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_FIXUP_SYSCALLTABLE_H
#define SEMCOM_FIXUP_SYSCALLTABLE_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>

namespace semcom {
namespace fixup {

enum class SyscallArch { X86_64, AArch64 };

struct SyscallInfo {
  llvm::StringRef Name;    ///< kernel name, e.g. "write"
  llvm::StringRef Wrapper; ///< runtime wrapper, e.g. "sys_write"
  unsigned NumArgs;        ///< arguments the kernel reads
  unsigned OptionalTail; ///< trailing arguments that may be left out and mean 0
                         ///< (open's mode)
};

/// The wrapper for syscall Number on Arch; nullopt for numbers the runtime does
/// not wrap.
std::optional<SyscallInfo> lookupSyscall(SyscallArch Arch, uint64_t Number);
/// The architecture of a target triple's syscall numbering; nullopt for others.
std::optional<SyscallArch> syscallArchOf(llvm::StringRef Triple);
llvm::StringRef archName(SyscallArch Arch);

} // namespace fixup
} // namespace semcom

#endif
