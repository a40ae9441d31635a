//===- CommandProvider.cpp - any program as a model: JSON in, text out ---===//
//
// Lets users plug in any other tool (and lets a person or helper session stand in for a model via
// tools/spool-model.sh): the request goes to the command's stdin as Anthropic-shaped JSON, its stdout
// is the answer. The command runs in its own process group so a timeout kills all of it.
//
//===----------------------------------------------------------------------===//
#include "semcom/LLM/LLMError.h"
#include "semcom/LLM/Providers.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace llvm;

namespace semcom {
namespace llm {

namespace {

/// Blocks SIGPIPE on this thread while writing to a pipe whose reader may have gone, so the write
/// fails with EPIPE instead of the signal ending the process; drops the pending signal afterwards.
class ScopedNoSigpipe {
public:
  ScopedNoSigpipe() {
    sigset_t Pipe;
    sigemptyset(&Pipe);
    sigaddset(&Pipe, SIGPIPE);
    sigset_t Pending;
    sigpending(&Pending);
    WasPending = sigismember(&Pending, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &Pipe, &Old);
  }
  ~ScopedNoSigpipe() {
    if (!WasPending) {
      sigset_t Pipe;
      sigemptyset(&Pipe);
      sigaddset(&Pipe, SIGPIPE);
      struct timespec Zero = {0, 0};
      while (sigtimedwait(&Pipe, nullptr, &Zero) > 0) {
      }
    }
    pthread_sigmask(SIG_SETMASK, &Old, nullptr);
  }

private:
  sigset_t Old;
  bool WasPending = false;
};

std::string tail(const std::string &S, size_t Max = 500) {
  StringRef T = StringRef(S).trim();
  if (T.size() <= Max)
    return T.str();
  return ("…" + T.take_back(Max)).str();
}

class CommandProvider : public Provider {
public:
  explicit CommandProvider(CommandProviderOptions O) : Opts(std::move(O)) {
    if (Opts.Model.empty())
      Opts.Model = "command";
  }
  StringRef kind() const override { return "command"; }
  StringRef model() const override { return Opts.Model; }

  Expected<Response> complete(const Request &R) override {
    std::string Input = anthropicRequestJSON(R, Opts.Model);
    auto Start = std::chrono::steady_clock::now();
    auto Deadline = Start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                std::chrono::duration<double>(Opts.TimeoutSeconds));

    int In[2], Out[2], Err[2];
    if (pipe2(In, O_CLOEXEC) || pipe2(Out, O_CLOEXEC) || pipe2(Err, O_CLOEXEC))
      return makeLLMError(ErrorKind::Command,
                          "command provider: cannot create pipes: " + Twine(strerror(errno)));
    pid_t Pid = fork();
    if (Pid < 0)
      return makeLLMError(ErrorKind::Command,
                          "command provider: cannot fork: " + Twine(strerror(errno)));
    if (Pid == 0) {
      setpgid(0, 0);
      dup2(In[0], 0);
      dup2(Out[1], 1);
      dup2(Err[1], 2);
      execl("/bin/sh", "sh", "-c", Opts.Command.c_str(), static_cast<char *>(nullptr));
      _exit(127);
    }
    setpgid(Pid, Pid); // both sides, so a kill right after fork reaches the group
    close(In[0]);
    close(Out[1]);
    close(Err[1]);
    fcntl(In[1], F_SETFL, O_NONBLOCK);

    ScopedNoSigpipe NoSigpipe;
    std::string Stdout, Stderr;
    size_t Written = 0;
    int InFd = In[1], OutFd = Out[0], ErrFd = Err[0];
    if (Input.empty()) {
      close(InFd);
      InFd = -1;
    }
    bool TimedOut = false, TooLarge = false;
    while (OutFd >= 0 || ErrFd >= 0) {
      auto Now = std::chrono::steady_clock::now();
      if (Now >= Deadline) {
        TimedOut = true;
        break;
      }
      int WaitMs = static_cast<int>(
          std::chrono::duration_cast<std::chrono::milliseconds>(Deadline - Now).count() + 1);
      struct pollfd Fds[3];
      int N = 0;
      if (InFd >= 0)
        Fds[N++] = {InFd, POLLOUT, 0};
      if (OutFd >= 0)
        Fds[N++] = {OutFd, POLLIN, 0};
      if (ErrFd >= 0)
        Fds[N++] = {ErrFd, POLLIN, 0};
      int Ready = poll(Fds, N, WaitMs);
      if (Ready < 0 && errno == EINTR)
        continue;
      for (int I = 0; I < N; ++I) {
        if (!Fds[I].revents)
          continue;
        if (Fds[I].fd == InFd) {
          ssize_t W = write(InFd, Input.data() + Written, Input.size() - Written);
          if (W > 0)
            Written += W;
          if (W < 0 && errno != EAGAIN && errno != EINTR)
            Written = Input.size(); // the command stopped reading; its exit status tells
          if (Written == Input.size()) {
            close(InFd);
            InFd = -1;
          }
          continue;
        }
        int &Fd = Fds[I].fd == OutFd ? OutFd : ErrFd;
        std::string &Buf = Fds[I].fd == OutFd ? Stdout : Stderr;
        char Chunk[65536];
        ssize_t Got = read(Fd, Chunk, sizeof Chunk);
        if (Got > 0) {
          if (Buf.size() + Got > Opts.MaxOutputBytes) {
            TooLarge = true;
            break;
          }
          Buf.append(Chunk, Got);
        } else if (Got == 0 || (errno != EAGAIN && errno != EINTR)) {
          close(Fd);
          Fd = -1;
        }
      }
      if (TooLarge)
        break;
    }
    for (int Fd : {InFd, OutFd, ErrFd})
      if (Fd >= 0)
        close(Fd);

    int Status = 0;
    if (!TimedOut && !TooLarge) {
      // Output closed; give the command until the deadline to exit.
      while (true) {
        pid_t W = waitpid(Pid, &Status, WNOHANG);
        if (W == Pid)
          break;
        if (W < 0 && errno != EINTR) {
          Status = 0;
          break;
        }
        if (std::chrono::steady_clock::now() >= Deadline) {
          TimedOut = true;
          break;
        }
        usleep(2000);
      }
    }
    if (TimedOut || TooLarge) {
      kill(-Pid, SIGKILL);
      kill(Pid, SIGKILL);
      waitpid(Pid, &Status, 0);
      if (TooLarge)
        return makeLLMError(ErrorKind::TooLarge,
                            "command provider: '" + Opts.Command + "' wrote more than " +
                                Twine(Opts.MaxOutputBytes >> 20) + " MiB; stopped it");
      return makeLLMError(ErrorKind::Command,
                          "command provider: '" + Opts.Command + "' did not finish within " +
                              Twine(static_cast<long>(Opts.TimeoutSeconds)) +
                              " s; killed it (raise the limit with --llm-timeout)");
    }
    if (WIFSIGNALED(Status))
      return makeLLMError(ErrorKind::Command, "command provider: '" + Opts.Command +
                                                  "' was killed by signal " +
                                                  Twine(WTERMSIG(Status)) + tailNote(Stderr));
    if (WEXITSTATUS(Status) != 0)
      return makeLLMError(ErrorKind::Command, "command provider: '" + Opts.Command +
                                                  "' exited with status " +
                                                  Twine(WEXITSTATUS(Status)) + tailNote(Stderr));
    if (StringRef(Stdout).trim().empty())
      return makeLLMError(ErrorKind::Command, "command provider: '" + Opts.Command +
                                                  "' exited 0 but printed no answer" +
                                                  tailNote(Stderr));
    Response Resp;
    Resp.Text = std::move(Stdout);
    Resp.Stop = StopReason::EndTurn;
    Resp.StopRaw = "end_turn";
    Resp.Model = Opts.Model;
    Resp.RequestId = "command-" + std::to_string(Pid);
    Resp.LatencySeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
    return Resp;
  }

private:
  static std::string tailNote(const std::string &Stderr) {
    std::string T = tail(Stderr);
    return T.empty() ? std::string() : "; its stderr ends: " + T;
  }

  CommandProviderOptions Opts;
};

} // namespace

std::unique_ptr<Provider> createCommandProvider(CommandProviderOptions Opts) {
  return std::make_unique<CommandProvider>(std::move(Opts));
}

} // namespace llm
} // namespace semcom
