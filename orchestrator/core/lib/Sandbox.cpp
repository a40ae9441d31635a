//===- Sandbox.cpp - run a program isolated by bubblewrap -----------------===//
//
// fork → rlimits → (as root: drop to a throwaway uid, so RLIMIT_NPROC binds) → exec bwrap, which
// builds the namespaces and mounts. The parent feeds stdin, drains stdout/stderr with a cap, reads
// bwrap's JSON status for the child's real exit code, and kills the whole group at the deadline.
//
//===----------------------------------------------------------------------===//
#include "semcom/Core/Sandbox.h"

#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

#include <cerrno>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace llvm;

namespace semcom {
namespace core {

const char *sandboxDescription() {
  return "The program runs under bubblewrap with:\n"
         "  - its own user, PID, network, IPC, UTS and cgroup namespaces: it sees only its own\n"
         "    processes and its own loopback; the host's network and loopback are unreachable\n"
         "  - an unprivileged user (as root, a throwaway uid outside too), no capabilities,\n"
         "    no nested user namespaces, a new session\n"
         "  - /usr read-only and nothing else of the host filesystem (no home, no project, no\n"
         "    .semcom/, no /etc secrets); a fresh size-capped scratch directory as the working\n"
         "    directory and a private /tmp, both discarded afterwards\n"
         "  - an empty environment (PATH, HOME, TMPDIR, LANG only)\n"
         "  - rlimits: CPU seconds, address space, file size, open files, processes; no core dumps\n"
         "  - a wall-clock timeout that kills everything it started (exit status 124)\n"
         "  - stdout and stderr captured up to a cap\n";
}

namespace {

using Clock = std::chrono::steady_clock;

Error failure(std::error_code EC, const Twine &Message) {
  return createStringError(EC, "%s", Message.str().c_str());
}
Error failure(std::errc EC, const Twine &Message) {
  return failure(std::make_error_code(EC), Message);
}

/// A pipe whose ends close themselves.
struct Pipe {
  int Read = -1, Write = -1;
  Error open() {
    int Fds[2];
    if (::pipe2(Fds, O_CLOEXEC) != 0)
      return errorCodeToError(std::error_code(errno, std::generic_category()));
    Read = Fds[0];
    Write = Fds[1];
    return Error::success();
  }
  static void closeFd(int &Fd) {
    if (Fd >= 0)
      ::close(Fd);
    Fd = -1;
  }
  ~Pipe() {
    closeFd(Read);
    closeFd(Write);
  }
};

/// Processes currently owned by Uid (so RLIMIT_NPROC can be set relative to them).
unsigned countProcessesOf(uid_t Uid) {
  unsigned N = 0;
  if (DIR *D = ::opendir("/proc")) {
    while (dirent *E = ::readdir(D)) {
      if (!isDigit(E->d_name[0]))
        continue;
      struct stat St;
      std::string Path = std::string("/proc/") + E->d_name;
      if (::stat(Path.c_str(), &St) == 0 && St.st_uid == Uid)
        ++N;
    }
    ::closedir(D);
  }
  return N;
}

/// A uid no account uses, different per run so that concurrent sandboxes do not share a process
/// count. Only used when Semcom runs as root.
uid_t throwawayUid() {
  static unsigned Counter = 0;
  return 200000 + (static_cast<unsigned>(::getpid()) * 131 + Counter++) % 100000;
}

std::string signalName(int Sig) {
  switch (Sig) {
  case SIGSEGV: return "SIGSEGV (segmentation fault)";
  case SIGBUS: return "SIGBUS (bus error)";
  case SIGFPE: return "SIGFPE (arithmetic error)";
  case SIGILL: return "SIGILL (illegal instruction)";
  case SIGABRT: return "SIGABRT (abort)";
  case SIGKILL: return "SIGKILL";
  case SIGXCPU: return "SIGXCPU (CPU time limit)";
  case SIGXFSZ: return "SIGXFSZ (file size limit)";
  case SIGPIPE: return "SIGPIPE (broken pipe)";
  case SIGTERM: return "SIGTERM";
  default: return "signal " + std::to_string(Sig);
  }
}

Expected<std::string> resolveProgram(StringRef Program) {
  if (Program.empty())
    return failure(std::errc::invalid_argument, "no program given");
  SmallString<256> Path;
  if (Program.contains('/')) {
    if (std::error_code EC = sys::fs::real_path(Program, Path))
      return failure(EC, Program + ": " + EC.message());
  } else {
    auto Found = sys::findProgramByName(Program, {"/usr/bin", "/usr/sbin"});
    if (!Found)
      return failure(Found.getError(),
                               Program + ": not found in /usr/bin or /usr/sbin "
                                         "(give a path for programs elsewhere)");
    Path = *Found;
  }
  if (!sys::fs::can_execute(Path))
    return failure(std::errc::permission_denied, Path + ": not executable");
  return std::string(Path);
}

/// Whether a user who is neither the owner nor in the group can run Path: the file readable and
/// executable by others and every folder above it searchable by others.
bool runnableByOthers(StringRef Path) {
  struct stat St;
  if (::stat(Path.str().c_str(), &St) != 0 || (St.st_mode & (S_IROTH | S_IXOTH)) != (S_IROTH | S_IXOTH))
    return false;
  for (StringRef Dir = sys::path::parent_path(Path); !Dir.empty() && Dir != "/";
       Dir = sys::path::parent_path(Dir))
    if (::stat(Dir.str().c_str(), &St) != 0 || !(St.st_mode & S_IXOTH))
      return false;
  return true;
}

void setLimit(int Resource, rlim_t Value) {
  struct rlimit L = {Value, Value};
  ::setrlimit(Resource, &L);
}

/// Everything between fork and exec: async-signal-safe calls only, no allocation.
[[noreturn]] void childExec(const SandboxOptions &O, int In, int Out, int Err,
                            const std::vector<char *> &Args, const std::vector<char *> &Env,
                            bool DropToUid, uid_t Uid, rlim_t NProc, const char *WorkDir,
                            int ErrorPipe, int StatusFd) {
  ::setpgid(0, 0);
  ::dup2(In, 0);
  ::dup2(Out, 1);
  ::dup2(Err, 2);
  // bwrap reads its status fd as 3; stdio first, since any pipe end may itself be fd 3.
  if (StatusFd >= 0) {
    if (StatusFd == 3)
      ::fcntl(3, F_SETFD, 0);
    else
      ::dup2(StatusFd, 3);
  }
  setLimit(RLIMIT_CORE, 0);
  setLimit(RLIMIT_CPU, static_cast<rlim_t>(std::ceil(O.TimeoutSeconds)) + 1);
  setLimit(RLIMIT_AS, static_cast<rlim_t>(O.MemoryMB) << 20);
  setLimit(RLIMIT_FSIZE, static_cast<rlim_t>(O.ScratchMB) << 20);
  setLimit(RLIMIT_NOFILE, O.MaxOpenFiles);
  if (DropToUid) {
    if (::setgroups(0, nullptr) != 0 || ::setgid(Uid) != 0 || ::setuid(Uid) != 0) {
      int E = errno;
      (void)!::write(ErrorPipe, &E, sizeof E);
      ::_exit(127);
    }
  }
  setLimit(RLIMIT_NPROC, NProc);
  if (WorkDir && ::chdir(WorkDir) != 0) {
    int E = errno;
    (void)!::write(ErrorPipe, &E, sizeof E);
    ::_exit(127);
  }
  ::execve(Args[0], Args.data(), Env.data());
  int E = errno;
  (void)!::write(ErrorPipe, &E, sizeof E);
  ::_exit(127);
}

/// Reads "exit-code" and "child-pid" out of bwrap's --json-status-fd stream.
void scanStatus(StringRef Json, int &ExitCode, bool &Started) {
  if (Json.contains("\"child-pid\""))
    Started = true;
  size_t At = Json.find("\"exit-code\"");
  if (At == StringRef::npos)
    return;
  StringRef Rest = Json.drop_front(At + strlen("\"exit-code\"")).ltrim(" :\t\n");
  unsigned long long V;
  if (!consumeUnsignedInteger(Rest, 10, V))
    ExitCode = static_cast<int>(V);
}

} // namespace

Expected<SandboxResult> runSandboxed(const SandboxOptions &O) {
  if (O.Argv.empty())
    return failure(std::errc::invalid_argument, "no program given");
  auto Program = resolveProgram(O.Argv[0]);
  if (!Program)
    return Program.takeError();

  bool IsRoot = ::geteuid() == 0;
  uid_t Uid = IsRoot ? throwawayUid() : ::getuid();
  rlim_t NProc = O.MaxProcesses + (IsRoot ? 0 : countProcessesOf(Uid));

  std::vector<std::string> Env = {"PATH=/usr/bin:/bin", "HOME=/scratch", "TMPDIR=/tmp",
                                  "LANG=C.UTF-8"};
  for (const std::string &E : O.Environment)
    Env.push_back(E);

  // The unsafe mode still gets a private scratch directory on disk, removed afterwards.
  SmallString<128> ScratchDir;
  std::vector<std::string> Args;
  int ProgramFd = -1;
  auto CloseProgramFd = llvm::make_scope_exit([&] { Pipe::closeFd(ProgramFd); });
  if (O.UnsafeNoSandbox) {
    if (std::error_code EC = sys::fs::createUniqueDirectory("semcom-scratch", ScratchDir))
      return failure(EC, "cannot create a scratch directory: " + EC.message());
    Args.push_back(*Program);
    Args.insert(Args.end(), O.Argv.begin() + 1, O.Argv.end());
    for (std::string &E : Env)
      if (StringRef(E).starts_with("HOME="))
        E = "HOME=" + std::string(ScratchDir);
  } else {
    auto Bwrap = sys::findProgramByName("bwrap");
    if (!Bwrap)
      return failure(
          std::errc::no_such_file_or_directory,
          "bubblewrap (bwrap) is not installed: run scripts/setup.sh or `apt-get install "
          "bubblewrap`; generated code never runs unsandboxed unless you pass "
          "--unsafe-no-sandbox");
    std::string Size = std::to_string(O.ScratchMB << 20);
    Args = {*Bwrap, "--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent", "--new-session",
            "--ro-bind", "/usr", "/usr"};
    for (const char *Dir : {"/bin", "/lib", "/lib32", "/lib64", "/libx32", "/sbin"}) {
      SmallString<64> Target;
      if (!sys::fs::is_symlink_file(Dir)) {
        if (sys::fs::is_directory(Dir))
          Args.insert(Args.end(), {"--ro-bind", Dir, Dir});
        continue;
      }
      if (!sys::fs::real_path(Dir, Target))
        Args.insert(Args.end(), {"--symlink", std::string(Target), Dir});
    }
    Args.insert(Args.end(), {"--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache",
                             "--proc", "/proc", "--dev", "/dev",
                             "--size", Size, "--tmpfs", "/tmp",
                             "--size", Size, "--tmpfs", "/scratch", "--chdir", "/scratch"});
    // Only /scratch and /tmp stay writable; the rest of the root is bwrap's tmpfs, made read-only
    // below once everything is mounted.
    // As root the sandbox runs as a throwaway uid, which cannot reach a program under a private
    // folder (a 0700 temporary directory, say); then bwrap copies it in from a descriptor opened
    // here, so callers never need world-readable copies of what they run.
    if (!StringRef(*Program).starts_with("/usr/")) {
      if (IsRoot && !runnableByOthers(*Program)) {
        // Above the descriptors the child rearranges (stdio and bwrap's status fd 3); inherited
        // by bwrap, closed here on return.
        int Fd = ::open(Program->c_str(), O_RDONLY | O_CLOEXEC);
        ProgramFd = Fd < 0 ? -1 : ::fcntl(Fd, F_DUPFD, 10);
        if (Fd >= 0)
          ::close(Fd);
        if (ProgramFd < 0)
          return failure(std::error_code(errno, std::generic_category()),
                         *Program + ": cannot open");
        Args.insert(Args.end(),
                    {"--perms", "0555", "--ro-bind-data", std::to_string(ProgramFd), *Program});
      } else {
        Args.insert(Args.end(), {"--ro-bind", *Program, *Program});
      }
    }
    for (const std::string &P : O.ReadOnlyPaths) {
      SmallString<256> Real;
      if (std::error_code EC = sys::fs::real_path(P, Real))
        return failure(EC, P + ": " + EC.message());
      Args.insert(Args.end(), {"--ro-bind", std::string(Real), std::string(Real)});
    }
    Args.insert(Args.end(), {"--remount-ro", "/", "--json-status-fd", "3", "--"});
    Args.push_back(*Program);
    Args.insert(Args.end(), O.Argv.begin() + 1, O.Argv.end());
    // bwrap itself gets the minimal environment; the program gets it through bwrap.
  }

  Pipe In, Out, Err, Status, ExecError;
  for (Pipe *P : {&In, &Out, &Err, &Status, &ExecError})
    if (Error E = P->open())
      return E;

  std::vector<char *> ArgPtrs, EnvPtrs;
  for (std::string &A : Args)
    ArgPtrs.push_back(A.data());
  ArgPtrs.push_back(nullptr);
  for (std::string &E : Env)
    EnvPtrs.push_back(E.data());
  EnvPtrs.push_back(nullptr);

  auto Start = Clock::now();
  pid_t Pid = ::fork();
  if (Pid < 0)
    return failure(std::error_code(errno, std::generic_category()), "fork failed");
  if (Pid == 0) {
    childExec(O, In.Read, Out.Write, Err.Write, ArgPtrs, EnvPtrs, IsRoot && !O.UnsafeNoSandbox,
              Uid, NProc, O.UnsafeNoSandbox ? ScratchDir.c_str() : nullptr, ExecError.Write,
              O.UnsafeNoSandbox ? -1 : Status.Write);
  }
  ::setpgid(Pid, Pid); // also in the child; whichever runs first wins the race harmlessly
  Pipe::closeFd(In.Read);
  Pipe::closeFd(Out.Write);
  Pipe::closeFd(Err.Write);
  Pipe::closeFd(Status.Write);
  Pipe::closeFd(ExecError.Write);

  SandboxResult R;
  std::string StatusText;
  size_t StdinOffset = 0;
  if (O.Stdin.empty())
    Pipe::closeFd(In.Write);
  else
    ::fcntl(In.Write, F_SETFL, O_NONBLOCK);

  auto Deadline = Start + std::chrono::duration<double>(O.TimeoutSeconds);
  auto Drain = [&](int &Fd, std::string &Into, bool &Truncated, uint64_t Cap) {
    char Chunk[65536];
    ssize_t N = ::read(Fd, Chunk, sizeof Chunk);
    if (N <= 0) {
      if (N == 0 || (errno != EINTR && errno != EAGAIN))
        Pipe::closeFd(Fd);
      return;
    }
    size_t Room = Into.size() < Cap ? Cap - Into.size() : 0;
    Into.append(Chunk, std::min<size_t>(Room, N));
    if (static_cast<size_t>(N) > Room)
      Truncated = true;
  };
  bool Killed = false;
  while (Out.Read >= 0 || Err.Read >= 0 || Status.Read >= 0) {
    auto Now = Clock::now();
    if (Now >= Deadline && !Killed) {
      ::kill(-Pid, SIGKILL);
      ::kill(Pid, SIGKILL);
      R.TimedOut = Killed = true;
    }
    int WaitMs = Killed ? 1000
                        : static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                               Deadline - Now)
                                               .count()) +
                              1;
    struct pollfd Fds[4];
    int N = 0;
    int *Owners[4];
    for (int *Fd : {&Out.Read, &Err.Read, &Status.Read})
      if (*Fd >= 0) {
        Fds[N] = {*Fd, POLLIN, 0};
        Owners[N++] = Fd;
      }
    if (In.Write >= 0) {
      Fds[N] = {In.Write, POLLOUT, 0};
      Owners[N++] = &In.Write;
    }
    int Ready = ::poll(Fds, N, std::min(WaitMs, 1000));
    if (Ready < 0 && errno != EINTR)
      break;
    if (Killed && Ready == 0)
      break; // the group is dead; a grandchild that escaped the group cannot keep us here
    for (int I = 0; I < N; ++I) {
      if (!Fds[I].revents)
        continue;
      int *Fd = Owners[I];
      if (Fd == &In.Write) {
        ssize_t W = ::write(In.Write, O.Stdin.data() + StdinOffset, O.Stdin.size() - StdinOffset);
        if (W > 0)
          StdinOffset += W;
        if ((W < 0 && errno != EAGAIN && errno != EINTR) || StdinOffset == O.Stdin.size())
          Pipe::closeFd(In.Write);
      } else if (Fd == &Out.Read) {
        Drain(Out.Read, R.Stdout, R.StdoutTruncated, O.OutputCapBytes);
      } else if (Fd == &Err.Read) {
        Drain(Err.Read, R.Stderr, R.StderrTruncated, O.OutputCapBytes);
      } else {
        bool Unused = false;
        Drain(Status.Read, StatusText, Unused, 1 << 16);
      }
    }
  }
  Pipe::closeFd(In.Write);

  int WaitStatus = 0;
  while (::waitpid(Pid, &WaitStatus, 0) < 0 && errno == EINTR) {
  }
  ::kill(-Pid, SIGKILL); // anything left in the group
  R.WallSeconds = std::chrono::duration<double>(Clock::now() - Start).count();
  if (!ScratchDir.empty())
    sys::fs::remove_directories(ScratchDir);

  int ExecErrno = 0;
  if (::read(ExecError.Read, &ExecErrno, sizeof ExecErrno) == sizeof ExecErrno)
    return failure(std::error_code(ExecErrno, std::generic_category()),
                             "cannot start " + Args[0] + ": " + std::strerror(ExecErrno));

  if (R.TimedOut) {
    R.ExitStatus = 124;
    R.Signal = SIGKILL;
    R.Reason = "timed out after " + formatv("{0:f1}", O.TimeoutSeconds).str() +
               " s; everything it started was killed";
    return R;
  }

  int Code;
  if (O.UnsafeNoSandbox) {
    Code = WIFEXITED(WaitStatus) ? WEXITSTATUS(WaitStatus) : 128 + WTERMSIG(WaitStatus);
  } else {
    bool Started = false;
    int ChildCode = -1;
    scanStatus(StatusText, ChildCode, Started);
    if (!Started)
      return failure(
          std::errc::operation_not_permitted,
          "the sandbox could not be set up (bwrap: " + StringRef(R.Stderr).trim() +
              "); if this kernel refuses user namespaces, generated code can only run with "
              "--unsafe-no-sandbox");
    Code = ChildCode >= 0 ? ChildCode
                          : (WIFEXITED(WaitStatus) ? WEXITSTATUS(WaitStatus)
                                                   : 128 + WTERMSIG(WaitStatus));
  }
  R.ExitStatus = Code;
  if (Code > 128 && Code < 128 + 65) {
    R.Signal = Code - 128;
    R.Reason = "killed by " + signalName(R.Signal);
  } else {
    R.Reason = "exited with " + std::to_string(Code);
  }
  return R;
}

} // namespace core
} // namespace semcom
