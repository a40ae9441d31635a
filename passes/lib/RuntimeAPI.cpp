//===- RuntimeAPI.cpp - the runtime's functions as CONTRACTS.md fixes them -===//
//
// Kept in the order and spelling of CONTRACTS.md so the two can be compared line by line.
//
//===----------------------------------------------------------------------===//
#include "semcom/Fixup/RuntimeAPI.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace semcom {
namespace fixup {

static const RuntimeFunction RuntimeTable[] = {
    {"sys_read", "i64 @sys_read(i64 %fd, ptr %buf, i64 %count)"},
    {"sys_write", "i64 @sys_write(i64 %fd, ptr %buf, i64 %count)"},
    {"sys_openat", "i64 @sys_openat(i64 %dirfd, ptr %path, i64 %flags, i64 %mode)"},
    {"sys_open", "i64 @sys_open(ptr %path, i64 %flags, i64 %mode)"},
    {"sys_close", "i64 @sys_close(i64 %fd)"},
    {"sys_lseek", "i64 @sys_lseek(i64 %fd, i64 %offset, i64 %whence)"},
    {"sys_mmap", "i64 @sys_mmap(ptr %addr, i64 %length, i64 %prot, i64 %flags, i64 %fd, i64 %offset)"},
    {"sys_munmap", "i64 @sys_munmap(ptr %addr, i64 %length)"},
    {"sys_exit", "void @sys_exit(i64 %status)"},
    {"sys_exit_group", "void @sys_exit_group(i64 %status)"},
    {"sys_socket", "i64 @sys_socket(i64 %domain, i64 %type, i64 %protocol)"},
    {"sys_setsockopt", "i64 @sys_setsockopt(i64 %fd, i64 %level, i64 %optname, ptr %optval, i64 %optlen)"},
    {"sys_bind", "i64 @sys_bind(i64 %fd, ptr %addr, i64 %addrlen)"},
    {"sys_listen", "i64 @sys_listen(i64 %fd, i64 %backlog)"},
    {"sys_accept", "i64 @sys_accept(i64 %fd, ptr %addr, ptr %addrlen)"},
    {"sys_accept4", "i64 @sys_accept4(i64 %fd, ptr %addr, ptr %addrlen, i64 %flags)"},
    {"sys_connect", "i64 @sys_connect(i64 %fd, ptr %addr, i64 %addrlen)"},
    {"sys_shutdown", "i64 @sys_shutdown(i64 %fd, i64 %how)"},
    {"sys_getpid", "i64 @sys_getpid()"},
    {"sys_clock_gettime", "i64 @sys_clock_gettime(i64 %clockid, ptr %ts)"},
    {"sys_nanosleep", "i64 @sys_nanosleep(ptr %req, ptr %rem)"},
    {"sys_getrandom", "i64 @sys_getrandom(ptr %buf, i64 %count, i64 %flags)"},
    {"semcom_main", "i64 @semcom_main(i64 %argc, ptr %argv)"},
    {"mem_alloc", "ptr @mem_alloc(i64 %size)"},
    {"mem_free", "void @mem_free(ptr %p)"},
    {"mem_realloc", "ptr @mem_realloc(ptr %p, i64 %size)"},
    {"copy_bytes", "void @copy_bytes(ptr %dst, ptr %src, i64 %n)"},
    {"set_bytes", "void @set_bytes(ptr %dst, i64 %byte, i64 %n)"},
    {"compare_bytes", "i64 @compare_bytes(ptr %a, ptr %b, i64 %n)"},
    {"str_len", "i64 @str_len(ptr %s)"},
    {"str_eq", "i64 @str_eq(ptr %a, ptr %b)"},
    {"str_find", "i64 @str_find(ptr %hay, i64 %hay_len, ptr %needle, i64 %needle_len)"},
    {"parse_i64", "i64 @parse_i64(ptr %s, i64 %len, ptr %out)"},
    {"format_i64", "i64 @format_i64(i64 %value, ptr %out, i64 %out_size)"},
    {"buf_new", "ptr @buf_new(i64 %capacity)"},
    {"buf_free", "void @buf_free(ptr %b)"},
    {"buf_reset", "void @buf_reset(ptr %b)"},
    {"buf_data", "ptr @buf_data(ptr %b)"},
    {"buf_len", "i64 @buf_len(ptr %b)"},
    {"buf_append", "i64 @buf_append(ptr %b, ptr %data, i64 %len)"},
    {"buf_append_str", "i64 @buf_append_str(ptr %b, ptr %s)"},
    {"buf_append_i64", "i64 @buf_append_i64(ptr %b, i64 %value)"},
    {"write_all", "i64 @write_all(i64 %fd, ptr %data, i64 %len)"},
    {"print_str", "i64 @print_str(ptr %s)"},
    {"tcp_listen", "i64 @tcp_listen(i64 %port, i64 %backlog)"},
    {"tcp_accept", "i64 @tcp_accept(i64 %listen_fd)"},
};

ArrayRef<RuntimeFunction> runtimeFunctions() { return RuntimeTable; }

const RuntimeFunction *lookupRuntimeFunction(StringRef Name) {
  for (const RuntimeFunction &F : RuntimeTable)
    if (F.Name == Name)
      return &F;
  return nullptr;
}

static const KnownBufferFunction BufferTable[] = {
    {"write", 1, 2, true},    {"send", 1, 2, true},     {"read", 1, 2, false},
    {"recv", 1, 2, false},    {"memcpy", 0, 2, false},  {"memcpy", 1, 2, false},
    {"memmove", 0, 2, false}, {"memmove", 1, 2, false}, {"memcmp", 0, 2, false},
    {"memcmp", 1, 2, false},  {"strncmp", 0, 2, false}, {"strncmp", 1, 2, false},
};

ArrayRef<KnownBufferFunction> knownBufferFunctions() { return BufferTable; }

} // namespace fixup
} // namespace semcom
