//===- HostStandIns.cpp - host stand-ins for the runtime functions the IR HTTP modules call ---===//
//
// runtime/http.ll and runtime/html.ll call a handful of runtime functions (mem_alloc,
// copy_bytes, …); on the host they are libc calls, so the unit tests and the fuzzer
// (test/fuzz/run-http-fuzz.sh) exercise the parser without linking the libc-free runtime.
//
//===----------------------------------------------------------------------===//
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

extern "C" {
void *mem_alloc(int64_t Size) { return std::malloc(static_cast<size_t>(Size)); }
void mem_free(void *P) { std::free(P); }
void *mem_realloc(void *P, int64_t Size) {
  return std::realloc(P, static_cast<size_t>(Size));
}
int64_t str_len(const char *S) { return static_cast<int64_t>(std::strlen(S)); }
int64_t format_i64(int64_t Value, char *Out, int64_t OutSize) {
  char Digits[24];
  int N = std::snprintf(Digits, sizeof Digits, "%lld", static_cast<long long>(Value));
  if (N > OutSize)
    return -1;
  std::memcpy(Out, Digits, static_cast<size_t>(N));
  return N;
}
// memmove: the runtime's copy_bytes makes no promise about overlap, so neither may its stand-in.
void copy_bytes(void *Dst, const void *Src, int64_t N) {
  std::memmove(Dst, Src, static_cast<size_t>(N));
}
}
