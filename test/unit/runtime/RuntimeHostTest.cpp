//===- RuntimeHostTest.cpp - the runtime's IR functions, called from C++
//----===//
//
// The runtime IR is compiled for this machine and linked into the test, so its
// memory, string, buffer, io and net functions are checked against libc and
// real file descriptors, case by case.
//
//===----------------------------------------------------------------------===//
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <climits>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

extern "C" {
void *mem_alloc(int64_t Size);
void mem_free(void *P);
void *mem_realloc(void *P, int64_t Size);
int64_t mem_capacity(void *P);
void copy_bytes(void *Dst, const void *Src, int64_t N);
void set_bytes(void *Dst, int64_t Byte, int64_t N);
int64_t compare_bytes(const void *A, const void *B, int64_t N);
int64_t str_len(const char *S);
int64_t str_eq(const char *A, const char *B);
int64_t str_find(const char *Hay, int64_t HayLen, const char *Needle,
                 int64_t NeedleLen);
int64_t parse_i64(const char *S, int64_t Len, int64_t *Out);
int64_t format_i64(int64_t Value, char *Out, int64_t OutSize);
void *buf_new(int64_t Capacity);
void buf_free(void *B);
void buf_reset(void *B);
char *buf_data(void *B);
int64_t buf_len(void *B);
int64_t buf_append(void *B, const void *Data, int64_t Len);
int64_t buf_append_str(void *B, const char *S);
int64_t buf_append_byte(void *B, int64_t Byte);
int64_t buf_append_i64(void *B, int64_t Value);
int64_t write_all(int64_t Fd, const void *Data, int64_t Len);
int64_t tcp_listen(int64_t Port, int64_t Backlog);
int64_t tcp_listen6(int64_t Port, int64_t Backlog);
int64_t tcp_accept(int64_t ListenFd);
int64_t sys_close(int64_t Fd);
int64_t sys_getpid();
}

namespace {

bool isAligned16(void *P) { return reinterpret_cast<uintptr_t>(P) % 16 == 0; }

long residentPages() {
  std::ifstream Statm("/proc/self/statm");
  long Size = 0, Resident = 0;
  Statm >> Size >> Resident;
  return Resident;
}

} // namespace

TEST_CASE("mem_alloc gives aligned, writable, disjoint blocks",
          "[runtime][memory]") {
  std::vector<int64_t> Sizes = {0,    1,    8,    15,   16,   17,     100,
                                1000, 4079, 4080, 4081, 5000, 1 << 20};
  std::vector<unsigned char *> Blocks;
  for (int64_t S : Sizes) {
    auto *P = static_cast<unsigned char *>(mem_alloc(S));
    REQUIRE(P != nullptr);
    CHECK(isAligned16(P));
    CHECK(mem_capacity(P) >= S);
    Blocks.push_back(P);
  }
  // Fill every block with its own byte, then check none was overwritten by
  // another.
  for (size_t I = 0; I < Blocks.size(); ++I)
    std::memset(Blocks[I], int(I + 1), Sizes[I]);
  for (size_t I = 0; I < Blocks.size(); ++I)
    for (int64_t J = 0; J < Sizes[I]; ++J)
      REQUIRE(Blocks[I][J] == I + 1);
  for (unsigned char *P : Blocks)
    mem_free(P);
}

TEST_CASE("mem_free recycles small blocks of the same class",
          "[runtime][memory]") {
  void *A = mem_alloc(40);
  mem_free(A);
  CHECK(mem_alloc(33) == A); // 40 and 33 bytes share the 64-byte class
  void *B = mem_alloc(40);
  CHECK(B != A);
  mem_free(A);
  mem_free(B);
}

TEST_CASE("freeing the smallest blocks does not corrupt their neighbours",
          "[runtime][memory]") {
  // A free block stores its next-pointer in its payload; zero-byte requests
  // must still have room.
  std::vector<void *> Blocks;
  for (int I = 0; I < 64; ++I)
    Blocks.push_back(mem_alloc(I % 2 ? 0 : 8));
  for (int I = 0; I < 64; I += 2)
    mem_free(Blocks[I]);
  for (int I = 1; I < 64; I += 2)
    REQUIRE(mem_capacity(Blocks[I]) == 16);
  for (int I = 1; I < 64; I += 2)
    mem_free(Blocks[I]);
  for (int I = 0; I < 64; ++I)
    REQUIRE(mem_alloc(8) != nullptr);
}

TEST_CASE("mem_free ignores null, double frees and foreign pointers",
          "[runtime][memory]") {
  mem_free(nullptr);
  void *A = mem_alloc(100);
  mem_free(A);
  mem_free(
      A); // the cleared magic makes this a no-op, so A is on its free list once
  void *B = mem_alloc(100);
  void *C = mem_alloc(100);
  CHECK(B == A);
  CHECK(C != A);
  alignas(16) unsigned char NotOurs[64] = {};
  mem_free(NotOurs + 16);
  mem_free(B);
  mem_free(C);
}

TEST_CASE("mem_alloc refuses impossible sizes with null", "[runtime][memory]") {
  CHECK(mem_alloc(-1) == nullptr);
  CHECK(mem_alloc(INT64_MAX) == nullptr);
  CHECK(mem_alloc(int64_t(1) << 52) == nullptr); // more than the address space
  void *P = mem_alloc(16);
  CHECK(mem_realloc(P, -1) == nullptr);
  CHECK(mem_capacity(P) >= 16); // P survives a failed realloc
  mem_free(P);
}

TEST_CASE("mem_realloc keeps contents and handles null and zero",
          "[runtime][memory]") {
  auto *P = static_cast<unsigned char *>(mem_realloc(nullptr, 10));
  REQUIRE(P != nullptr);
  for (int I = 0; I < 10; ++I)
    P[I] = static_cast<unsigned char>(I);
  CHECK(mem_realloc(P, 12) == P); // still fits the block
  auto *Q = static_cast<unsigned char *>(mem_realloc(P, 100000));
  REQUIRE(Q != nullptr);
  for (int I = 0; I < 10; ++I)
    REQUIRE(Q[I] == I);
  Q[99999] = 1;
  CHECK(mem_realloc(Q, 0) == nullptr);
}

TEST_CASE("a long alloc/free churn keeps memory flat", "[runtime][memory]") {
  std::mt19937_64 Rng(7);
  std::vector<void *> Live(32, nullptr);
  auto Churn = [&](int Rounds) {
    for (int I = 0; I < Rounds; ++I) {
      size_t Slot = Rng() % Live.size();
      mem_free(Live[Slot]);
      int64_t Size =
          (Rng() % 4 == 0) ? int64_t(Rng() % 200000) : int64_t(Rng() % 3000);
      Live[Slot] = mem_alloc(Size);
      REQUIRE(Live[Slot] != nullptr);
      set_bytes(Live[Slot], I, Size);
    }
  };
  Churn(20000); // reach the steady state
  long Before = residentPages();
  Churn(100000);
  long After = residentPages();
  // Without reuse, 100,000 allocations averaging over 10 KB would need about a
  // gigabyte.
  CHECK(After - Before < 2048); // pages: 8 MB
  for (void *P : Live)
    mem_free(P);
}

TEST_CASE("copy_bytes is memmove, set_bytes is memset, compare_bytes orders",
          "[runtime][bytes]") {
  std::mt19937 Rng(3);
  for (int Trial = 0; Trial < 200; ++Trial) {
    unsigned char Mine[256], Theirs[256];
    for (int I = 0; I < 256; ++I)
      Mine[I] = Theirs[I] = static_cast<unsigned char>(Rng());
    int Dst = Rng() % 128, Src = Rng() % 128, N = Rng() % 128;
    copy_bytes(Mine + Dst, Mine + Src, N);
    std::memmove(Theirs + Dst, Theirs + Src, N);
    REQUIRE(std::memcmp(Mine, Theirs, 256) == 0);
  }
  unsigned char Fill[40];
  set_bytes(Fill, 0x1AB, 40); // the low byte only
  for (unsigned char C : Fill)
    REQUIRE(C == 0xAB);
  CHECK(compare_bytes("abc", "abd", 3) < 0);
  CHECK(compare_bytes("abd", "abc", 3) > 0);
  CHECK(compare_bytes("ab\xff", "ab\x01", 3) > 0); // unsigned, like memcmp
  CHECK(compare_bytes("abc", "abd", 2) == 0);
  CHECK(compare_bytes("x", "y", 0) == 0);
}

TEST_CASE("string helpers", "[runtime][strings]") {
  CHECK(str_len("") == 0);
  CHECK(str_len("semcom") == 6);
  CHECK(str_eq("a", "a") == 1);
  CHECK(str_eq("a", "ab") == 0);
  CHECK(str_eq("ab", "a") == 0);
  CHECK(str_eq("", "") == 1);
  const char *Hay = "GET /index.html HTTP/1.1";
  CHECK(str_find(Hay, 24, "HTTP", 4) == 16);
  CHECK(str_find(Hay, 24, "GET", 3) == 0);
  CHECK(str_find(Hay, 24, "1.1", 3) == 21);
  CHECK(str_find(Hay, 24, "1.2", 3) == -1);
  CHECK(str_find(Hay, 3, "GET ", 4) == -1);
  CHECK(str_find(Hay, 0, "", 0) == 0);
}

TEST_CASE("parse_i64 and format_i64 agree with each other and with libc",
          "[runtime][strings]") {
  int64_t V = 0;
  CHECK(parse_i64("0", 1, &V) == 1);
  CHECK(V == 0);
  CHECK(parse_i64("-12x", 4, &V) == 3);
  CHECK(V == -12);
  CHECK(parse_i64("12345", 3, &V) == 3); // only the given length
  CHECK(V == 123);
  V = 99;
  CHECK(parse_i64("", 0, &V) == -1);
  CHECK(parse_i64("x1", 2, &V) == -1);
  CHECK(parse_i64("-", 1, &V) == -1);
  CHECK(parse_i64("+", 1, &V) == -1);
  CHECK(parse_i64("9223372036854775808", 19, &V) == -1);
  CHECK(parse_i64("-9223372036854775809", 20, &V) == -1);
  CHECK(parse_i64("99999999999999999999", 20, &V) == -1);
  CHECK(V == 99); // untouched on failure
  CHECK(parse_i64("-9223372036854775808", 20, &V) == 20);
  CHECK(V == INT64_MIN);

  char Out[32];
  std::mt19937_64 Rng(11);
  std::vector<int64_t> Values = {0, 1, -1, 9, 10, -10, INT64_MAX, INT64_MIN};
  for (int I = 0; I < 1000; ++I)
    Values.push_back(static_cast<int64_t>(Rng()) >> (Rng() % 64));
  for (int64_t X : Values) {
    std::string Expected = std::to_string(X);
    int64_t N = format_i64(X, Out, sizeof Out);
    REQUIRE(N == int64_t(Expected.size()));
    REQUIRE(std::string(Out, N) == Expected);
    int64_t Back = 0;
    REQUIRE(parse_i64(Out, N, &Back) == N);
    REQUIRE(Back == X);
    // One byte short: nothing fits, nothing is written.
    std::memset(Out, '#', sizeof Out);
    REQUIRE(format_i64(X, Out, N - 1) == -1);
    REQUIRE(Out[0] == '#');
  }
}

TEST_CASE("buffer appends grow and failures are sticky until reset",
          "[runtime][buffer]") {
  void *B = buf_new(0);
  REQUIRE(B != nullptr);
  CHECK(buf_len(B) == 0);
  std::string Expected;
  for (int I = 0; I < 500; ++I) {
    REQUIRE(buf_append_str(B, "<li>") == int64_t(Expected.size() + 4));
    Expected += "<li>";
    REQUIRE(buf_append_i64(B, I - 250) >= 0);
    Expected += std::to_string(I - 250);
    REQUIRE(buf_append_byte(B, '\n') == int64_t(Expected.size() + 1));
    Expected += "\n";
  }
  CHECK(buf_len(B) == int64_t(Expected.size()));
  CHECK(std::string(buf_data(B), buf_len(B)) == Expected);

  CHECK(buf_append_str(B, nullptr) == -1);
  CHECK(buf_append(B, "ok", 2) == -1);
  CHECK(buf_append_i64(B, 5) == -1);
  CHECK(buf_len(B) == -1);
  buf_reset(B);
  CHECK(buf_len(B) == 0);
  CHECK(buf_append(B, "ok", 2) == 2);
  CHECK(std::string(buf_data(B), 2) == "ok");
  buf_free(B);

  CHECK(buf_append(nullptr, "x", 1) == -1);
  CHECK(buf_len(nullptr) == -1);
  CHECK(buf_data(nullptr) == nullptr);
  buf_free(nullptr);
  buf_reset(nullptr);
}

TEST_CASE("write_all writes everything or returns -errno", "[runtime][io]") {
  signal(SIGPIPE, SIG_IGN);
  int Fds[2];
  REQUIRE(pipe(Fds) == 0);
  // Far more than a pipe holds, so write(2) returns short counts while the
  // reader drains it.
  std::string Data(1 << 20, 'x');
  for (size_t I = 0; I < Data.size(); ++I)
    Data[I] = static_cast<char>(I * 131);
  std::string Received;
  std::thread Reader([&] {
    char Chunk[65536];
    ssize_t N;
    while ((N = read(Fds[0], Chunk, sizeof Chunk)) > 0)
      Received.append(Chunk, N);
  });
  CHECK(write_all(Fds[1], Data.data(), Data.size()) == int64_t(Data.size()));
  close(Fds[1]);
  Reader.join();
  CHECK(Received == Data);
  CHECK(write_all(Fds[1], "x", 1) == -EBADF);
  close(Fds[0]);

  REQUIRE(pipe(Fds) == 0);
  close(Fds[0]);
  CHECK(write_all(Fds[1], "x", 1) == -EPIPE);
  close(Fds[1]);
}

TEST_CASE("tcp_listen and tcp_accept serve a loopback client",
          "[runtime][net]") {
  CHECK(tcp_listen(70000, 8) == -EINVAL);
  int64_t Listener = tcp_listen(0, 8); // port 0: the kernel picks a free one
  REQUIRE(Listener >= 0);
  sockaddr_in Addr{};
  socklen_t Len = sizeof Addr;
  REQUIRE(getsockname(int(Listener), reinterpret_cast<sockaddr *>(&Addr),
                      &Len) == 0);
  CHECK(Addr.sin_family == AF_INET);
  CHECK(Addr.sin_addr.s_addr == htonl(INADDR_ANY));
  uint16_t Port = ntohs(Addr.sin_port);
  REQUIRE(Port != 0);

  // The port is taken while the listener lives, SO_REUSEADDR notwithstanding.
  CHECK(tcp_listen(Port, 8) == -EADDRINUSE);

  int Client = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(Client >= 0);
  sockaddr_in To{};
  To.sin_family = AF_INET;
  To.sin_port = htons(Port);
  To.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(connect(Client, reinterpret_cast<sockaddr *>(&To), sizeof To) == 0);
  int64_t Conn = tcp_accept(Listener);
  REQUIRE(Conn >= 0);
  CHECK(write_all(Conn, "pong", 4) == 4);
  char Got[4];
  REQUIRE(read(Client, Got, 4) == 4);
  CHECK(std::string(Got, 4) == "pong");
  close(Client);
  CHECK(sys_close(Conn) == 0);
  CHECK(sys_close(Listener) == 0);
  CHECK(tcp_accept(Listener) == -EBADF);
  CHECK(sys_getpid() == getpid());
}

TEST_CASE("tcp_listen6 is dual-stack", "[runtime][net]") {
  CHECK(tcp_listen6(65536, 8) == -EINVAL);
  int64_t Listener = tcp_listen6(0, 8);
  if (Listener == -EAFNOSUPPORT) {
    WARN("IPv6 is disabled here; tcp_listen6 reported EAFNOSUPPORT as "
         "documented");
    return;
  }
  REQUIRE(Listener >= 0);
  sockaddr_in6 Addr{};
  socklen_t Len = sizeof Addr;
  REQUIRE(getsockname(int(Listener), reinterpret_cast<sockaddr *>(&Addr),
                      &Len) == 0);
  CHECK(Addr.sin6_family == AF_INET6);
  uint16_t Port = ntohs(Addr.sin6_port);
  REQUIRE(Port != 0);
  // An IPv4 client reaches the IPv6 listener.
  int Client = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in To{};
  To.sin_family = AF_INET;
  To.sin_port = htons(Port);
  To.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(connect(Client, reinterpret_cast<sockaddr *>(&To), sizeof To) == 0);
  int64_t Conn = tcp_accept(Listener);
  CHECK(Conn >= 0);
  close(Client);
  sys_close(Conn);
  sys_close(Listener);
}
