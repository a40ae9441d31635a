//===- SyscallTable.cpp - Linux syscall numbers the runtime wraps, per target
//-===//
//
// Numbers from the kernel's arch/x86/entry/syscalls/syscall_64.tbl and the
// generic include/uapi/asm-generic/unistd.h that aarch64 uses (which has no
// open, only openat).
//
//===----------------------------------------------------------------------===//
#include "semcom/Fixup/SyscallTable.h"

#include "llvm/TargetParser/Triple.h"

using namespace llvm;

namespace semcom {
namespace fixup {

namespace {
struct Row {
  uint64_t X86, AArch64; ///< ~0 when the architecture has no such call
  SyscallInfo Info;
};
constexpr uint64_t None = ~uint64_t(0);

const Row Rows[] = {
    {0, 63, {"read", "sys_read", 3, 0}},
    {1, 64, {"write", "sys_write", 3, 0}},
    {2, None, {"open", "sys_open", 3, 1}},
    {257, 56, {"openat", "sys_openat", 4, 1}},
    {3, 57, {"close", "sys_close", 1, 0}},
    {8, 62, {"lseek", "sys_lseek", 3, 0}},
    {9, 222, {"mmap", "sys_mmap", 6, 0}},
    {11, 215, {"munmap", "sys_munmap", 2, 0}},
    {60, 93, {"exit", "sys_exit", 1, 0}},
    {231, 94, {"exit_group", "sys_exit_group", 1, 0}},
    {41, 198, {"socket", "sys_socket", 3, 0}},
    {54, 208, {"setsockopt", "sys_setsockopt", 5, 0}},
    {49, 200, {"bind", "sys_bind", 3, 0}},
    {50, 201, {"listen", "sys_listen", 2, 0}},
    {43, 202, {"accept", "sys_accept", 3, 0}},
    {288, 242, {"accept4", "sys_accept4", 4, 1}},
    {42, 203, {"connect", "sys_connect", 3, 0}},
    {48, 210, {"shutdown", "sys_shutdown", 2, 0}},
    {39, 172, {"getpid", "sys_getpid", 0, 0}},
    {228, 113, {"clock_gettime", "sys_clock_gettime", 2, 0}},
    {35, 101, {"nanosleep", "sys_nanosleep", 2, 0}},
    {318, 278, {"getrandom", "sys_getrandom", 3, 0}},
};
} // namespace

std::optional<SyscallInfo> lookupSyscall(SyscallArch Arch, uint64_t Number) {
  for (const Row &R : Rows)
    if ((Arch == SyscallArch::X86_64 ? R.X86 : R.AArch64) == Number)
      return R.Info;
  return std::nullopt;
}

std::optional<SyscallArch> syscallArchOf(StringRef TripleStr) {
  if (TripleStr.empty())
    return std::nullopt;
  Triple T(TripleStr);
  if (T.getArch() == Triple::x86_64)
    return SyscallArch::X86_64;
  if (T.getArch() == Triple::aarch64)
    return SyscallArch::AArch64;
  return std::nullopt;
}

StringRef archName(SyscallArch Arch) {
  return Arch == SyscallArch::X86_64 ? "x86_64" : "aarch64";
}

} // namespace fixup
} // namespace semcom
