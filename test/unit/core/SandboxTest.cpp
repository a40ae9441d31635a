//===- SandboxTest.cpp - generated code at its worst is contained ---------===//
//
// Each test runs the adversary program (Adversary.c) in one mode through the real sandbox and checks
// that the attack failed, that the outcome says why, and that this process carried on.
//
//===----------------------------------------------------------------------===//
#include "semcom/Core/Sandbox.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <dirent.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace semcom::core;

namespace {

SandboxResult runAdversary(std::vector<std::string> Args, SandboxOptions O = {}) {
  O.Argv = {SEMCOM_ADVERSARY};
  O.Argv.insert(O.Argv.end(), Args.begin(), Args.end());
  auto R = runSandboxed(O);
  if (!R)
    FAIL("sandbox could not run: " << llvm::toString(R.takeError()));
  INFO("stdout: " << R->Stdout << "\nstderr: " << R->Stderr << "\nreason: " << R->Reason);
  return std::move(*R);
}

/// Processes anywhere on the machine running the adversary in Mode (tests run in parallel, so
/// other modes may be alive).
unsigned adversariesAlive(llvm::StringRef Mode) {
  unsigned N = 0;
  DIR *D = opendir("/proc");
  while (dirent *E = D ? readdir(D) : nullptr) {
    char Path[300], Target[4096];
    snprintf(Path, sizeof Path, "/proc/%s/exe", E->d_name);
    ssize_t Len = readlink(Path, Target, sizeof Target - 1);
    if (Len <= 0 || !llvm::StringRef(Target, Len).starts_with(SEMCOM_ADVERSARY))
      continue;
    snprintf(Path, sizeof Path, "/proc/%s/cmdline", E->d_name);
    FILE *F = fopen(Path, "r");
    ssize_t Got = F ? fread(Target, 1, sizeof Target, F) : 0;
    if (F)
      fclose(F);
    llvm::StringRef Cmdline(Target, Got > 0 ? Got : 0);
    if (Cmdline.split('\0').second.split('\0').first == Mode)
      ++N;
  }
  if (D)
    closedir(D);
  return N;
}

} // namespace

TEST_CASE("exit status and stdout and stdin pass through", "[sandbox]") {
  SandboxResult R = runAdversary({"nosuchmode"});
  CHECK(R.ExitStatus == 3);
  CHECK(R.Reason == "exited with 3");
  CHECK(R.Stderr == "unknown mode 'nosuchmode'\n");

  SandboxOptions O;
  O.Stdin = std::string("line one\n\0binary\xff\n", 19) + std::string(3 << 20, 'z');
  O.OutputCapBytes = 8 << 20;
  SandboxResult Echo = runAdversary({"echo"}, O);
  CHECK(Echo.ExitStatus == 0);
  CHECK(!Echo.StdoutTruncated);
  CHECK(Echo.Stdout.size() == O.Stdin.size());
  CHECK((Echo.Stdout == O.Stdin));
}

TEST_CASE("a segfault is reported as a signal", "[sandbox]") {
  SandboxResult R = runAdversary({"segfault"});
  CHECK(R.Signal == SIGSEGV);
  CHECK(R.ExitStatus == 128 + SIGSEGV);
  CHECK(R.Reason.find("SIGSEGV") != std::string::npos);
}

TEST_CASE("an endless loop is killed at the deadline", "[sandbox]") {
  SandboxOptions O;
  O.TimeoutSeconds = 1;
  SandboxResult R = runAdversary({"loop"}, O);
  CHECK(R.TimedOut);
  CHECK(R.ExitStatus == 124);
  CHECK(R.Reason.find("timed out") != std::string::npos);
  CHECK(adversariesAlive("loop") == 0);
}

TEST_CASE("allocating 10 GB is refused by the memory limit", "[sandbox]") {
  SandboxOptions O;
  O.MemoryMB = 256;
  SandboxResult R = runAdversary({"alloc"}, O);
  CHECK(R.ExitStatus == 0);
  CHECK(R.Stdout.find("allocation refused") == 0);
}

TEST_CASE("a fork bomb dies with its sandbox", "[sandbox]") {
  SandboxOptions O;
  O.TimeoutSeconds = 2;
  SandboxResult R = runAdversary({"forkbomb"}, O);
  CHECK(R.ExitStatus != 0);
  // The PID namespace dies with its first process; give the kernel a moment to reap.
  for (int I = 0; I < 50 && adversariesAlive("forkbomb"); ++I)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  CHECK(adversariesAlive("forkbomb") == 0);
}

TEST_CASE("writing 1 GB is stopped by the scratch size and file size limits", "[sandbox]") {
  SandboxOptions O;
  O.ScratchMB = 16;
  SandboxResult R = runAdversary({"disk"}, O);
  CHECK(R.ExitStatus == 0);
  CHECK(R.Stdout.find("write refused after 1") == 0); // 16 MB or fewer
}

TEST_CASE("nothing outside the scratch directory can be read or written", "[sandbox]") {
  llvm::SmallString<256> Secret(SEMCOM_BINARY_DIR);
  llvm::sys::path::append(Secret, "sandbox-test-secret.txt");
  {
    FILE *F = fopen(Secret.c_str(), "w");
    REQUIRE(F);
    fputs("secret", F);
    fclose(F);
  }
  llvm::SmallString<256> Escape(SEMCOM_BINARY_DIR);
  llvm::sys::path::append(Escape, "sandbox-escape.txt");
  llvm::sys::fs::remove(Escape);

  SandboxResult R = runAdversary({"escape", std::string(Secret), std::string(Escape)});
  CHECK(R.ExitStatus == 0);
  // The adversary prints each attempt that worked. Only the escape target may appear, and only
  // when this build lives under /tmp: then the sandbox's private /tmp holds that path, and the
  // write lands there, never on the host (checked below).
  std::string Allowed =
      llvm::StringRef(Escape).starts_with("/tmp/") ? "wrote " + std::string(Escape) + "\n" : "";
  CHECK(R.Stdout == Allowed);
  CHECK(!llvm::sys::fs::exists(Escape));
  llvm::sys::fs::remove(Secret);
}

TEST_CASE("the host's loopback cannot be reached", "[sandbox]") {
  int Listener = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  REQUIRE(Listener >= 0);
  sockaddr_in Addr{};
  Addr.sin_family = AF_INET;
  Addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(bind(Listener, reinterpret_cast<sockaddr *>(&Addr), sizeof Addr) == 0);
  REQUIRE(listen(Listener, 4) == 0);
  socklen_t Len = sizeof Addr;
  getsockname(Listener, reinterpret_cast<sockaddr *>(&Addr), &Len);

  SandboxResult R = runAdversary({"connect", std::to_string(ntohs(Addr.sin_port))});
  CHECK(R.ExitStatus == 0);
  CHECK(R.Stderr.find("connect:") == 0);
  CHECK(accept(Listener, nullptr, nullptr) < 0);
  CHECK(errno == EAGAIN);
  close(Listener);
}

TEST_CASE("killing its parent does not reach the caller", "[sandbox]") {
  SandboxResult R = runAdversary({"killparent"});
  // This process is still here to check the result.
  CHECK(R.Reason.size() > 0);
  CHECK(adversariesAlive("killparent") == 0);
}

TEST_CASE("the environment holds no secret", "[sandbox]") {
  setenv("ANTHROPIC_API_KEY", "sk-semcom-test-secret", 1);
  SandboxResult R = runAdversary({"secrets"});
  unsetenv("ANTHROPIC_API_KEY");
  CHECK(R.ExitStatus == 0);
  CHECK(R.Stdout.empty());
}

TEST_CASE("output beyond the cap is dropped and flagged", "[sandbox]") {
  SandboxOptions O;
  O.OutputCapBytes = 1 << 20;
  SandboxResult R = runAdversary({"flood"}, O);
  CHECK(R.ExitStatus == 0);
  CHECK(R.StdoutTruncated);
  CHECK(R.Stdout.size() == (1u << 20));
}

TEST_CASE("a program that does not exist is an error, not a result", "[sandbox][bad-input]") {
  SandboxOptions O;
  O.Argv = {"/nonexistent/program"};
  auto R = runSandboxed(O);
  REQUIRE(!R);
  CHECK(llvm::toString(R.takeError()).find("/nonexistent/program") != std::string::npos);
  O.Argv = {};
  auto Empty = runSandboxed(O);
  REQUIRE(!Empty);
  llvm::consumeError(Empty.takeError());
}
