//===- ProgramRun.cpp - run a program's checks in the sandbox -------------===//
//
// Command-line checks run the program itself in the sandbox, once per check. Servers cannot be
// reached from outside the sandbox (it has its own loopback), so Semcom runs itself inside it as
// `semcom probe`: the probe starts the server once per check, waits until its port listens (read
// from /proc/net, so the wait costs the server no connection), talks to it with a plain-socket
// client written here, and kills it. The verdicts are computed by this code, never by a model.
//
//===----------------------------------------------------------------------===//
#include "semcom/Core/ProgramChecks.h"

#include "semcom/Core/Sandbox.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace llvm;

namespace semcom {
namespace core {

namespace {

using Clock = std::chrono::steady_clock;

Error runError(const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), "%s", Message.str().c_str());
}

std::string tail(StringRef S, size_t N = 300) {
  S = S.trim();
  return (S.size() > N ? S.take_back(N) : S).str();
}

std::string exitText(int Status) {
  if (Status > 128 && Status < 128 + 65) {
    const char *Name = ::strsignal(Status - 128);
    return formatv("killed by signal {0} ({1})", Status - 128, Name ? Name : "?").str();
  }
  return "exit " + std::to_string(Status);
}

// --- cli ---

std::string cliWant(const ProgramCheck &Ch) {
  std::vector<std::string> W;
  if (Ch.Stdout)
    W.push_back("stdout " + quoteBytes(*Ch.Stdout));
  for (const std::string &S : Ch.StdoutContains)
    W.push_back("stdout containing " + quoteBytes(S));
  W.push_back("exit " + std::to_string(Ch.Exit.value_or(0)));
  return join(W, ", ");
}

CheckOutcome judgeCli(const ProgramCheck &Ch, const SandboxResult &R) {
  CheckOutcome O;
  O.Index = Ch.Index;
  O.Name = Ch.Name;
  O.Want = cliWant(Ch);
  O.RawStdout = R.Stdout;
  O.RawExit = R.ExitStatus;
  O.Got = "stdout " + quoteBytes(R.Stdout) + ", " + exitText(R.ExitStatus);
  if (!R.Stderr.empty() && R.ExitStatus != 0)
    O.Got += ", stderr " + quoteBytes(tail(R.Stderr, 200));
  if (R.TimedOut)
    O.Reason = R.Reason;
  else if (R.Signal)
    O.Reason = R.Reason;
  else if (R.StdoutTruncated)
    O.Reason = "its output exceeded the capture limit";
  bool Pass = O.Reason.empty() && R.ExitStatus == Ch.Exit.value_or(0);
  if (Ch.Stdout && R.Stdout != *Ch.Stdout)
    Pass = false;
  for (const std::string &S : Ch.StdoutContains)
    if (!StringRef(R.Stdout).contains(S))
      Pass = false;
  O.Passed = Pass;
  return O;
}

// --- the probe's client ---

using Deadline = Clock::time_point;

Deadline after(double Seconds) {
  return Clock::now() +
         std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(Seconds));
}

int msLeft(Deadline D) {
  auto Ms = std::chrono::duration_cast<std::chrono::milliseconds>(D - Clock::now()).count();
  return Ms < 0 ? 0 : static_cast<int>(Ms);
}

/// A connected non-blocking socket to 127.0.0.1:Port, or -1 with Why set.
int connectLoopback(int Port, Deadline D, std::string &Why) {
  int Fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (Fd < 0) {
    Why = std::string("socket: ") + std::strerror(errno);
    return -1;
  }
  sockaddr_in A{};
  A.sin_family = AF_INET;
  A.sin_port = htons(static_cast<uint16_t>(Port));
  A.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(Fd, reinterpret_cast<sockaddr *>(&A), sizeof A) != 0 && errno != EINPROGRESS) {
    Why = std::string("connect: ") + std::strerror(errno);
    ::close(Fd);
    return -1;
  }
  pollfd P{Fd, POLLOUT, 0};
  int Err = 0;
  socklen_t Len = sizeof Err;
  if (::poll(&P, 1, msLeft(D)) != 1 || ::getsockopt(Fd, SOL_SOCKET, SO_ERROR, &Err, &Len) != 0 ||
      Err != 0) {
    Why = std::string("connect: ") + (Err ? std::strerror(Err) : "timed out");
    ::close(Fd);
    return -1;
  }
  return Fd;
}

/// Sends all of Data; false (Why set) on error or deadline.
bool sendAll(int Fd, StringRef Data, Deadline D, std::string &Why) {
  size_t Off = 0;
  while (Off < Data.size()) {
    ssize_t N = ::send(Fd, Data.data() + Off, Data.size() - Off, MSG_NOSIGNAL);
    if (N > 0) {
      Off += N;
      continue;
    }
    if (N < 0 && errno != EAGAIN && errno != EINTR) {
      Why = std::string("send: ") + std::strerror(errno);
      return false;
    }
    pollfd P{Fd, POLLOUT, 0};
    if (::poll(&P, 1, msLeft(D)) != 1) {
      Why = formatv("send: timed out after {0} of {1} bytes", Off, Data.size()).str();
      return false;
    }
  }
  return true;
}

/// Reads until Done(bytes so far) says so, EOF, an error or the deadline. Returns why it stopped:
/// "" when Done, else "eof", "timeout" or an error.
std::string recvUntil(int Fd, std::string &Into, Deadline D,
                      const std::function<bool(const std::string &)> &Done, size_t Cap) {
  while (!Done(Into)) {
    if (Into.size() >= Cap)
      return "more than " + std::to_string(Cap) + " bytes";
    char Buf[65536];
    ssize_t N = ::recv(Fd, Buf, std::min(sizeof Buf, Cap - Into.size()), 0);
    if (N > 0) {
      Into.append(Buf, N);
      continue;
    }
    if (N == 0)
      return "eof";
    if (errno != EAGAIN && errno != EINTR)
      return std::string("recv: ") + std::strerror(errno);
    pollfd P{Fd, POLLIN, 0};
    int Left = msLeft(D);
    if (Left == 0 || ::poll(&P, 1, Left) == 0)
      return "timeout";
  }
  return "";
}

/// Whether something listens on TCP Port in this network namespace (IPv4 or IPv6).
bool portListening(int Port) {
  for (const char *File : {"/proc/net/tcp", "/proc/net/tcp6"}) {
    auto Buf = MemoryBuffer::getFileAsStream(File);
    if (!Buf)
      continue;
    SmallVector<StringRef, 0> Lines;
    (*Buf)->getBuffer().split(Lines, '\n');
    for (StringRef L : ArrayRef<StringRef>(Lines).drop_front()) {
      SmallVector<StringRef, 6> F;
      L.trim().split(F, ' ', -1, false);
      if (F.size() < 4 || F[3] != "0A")
        continue;
      StringRef PortHex = F[1].rsplit(':').second;
      unsigned P;
      if (!PortHex.getAsInteger(16, P) && static_cast<int>(P) == Port)
        return true;
    }
  }
  return false;
}

struct Server {
  pid_t Pid = -1;
  int Status = 0;
  bool Exited = false;
  std::string LogPath;

  std::string log() const {
    auto B = MemoryBuffer::getFileAsStream(LogPath);
    return B ? tail((*B)->getBuffer(), 300) : "";
  }
  bool poll() {
    if (Exited || Pid < 0)
      return Exited;
    int S = 0;
    if (::waitpid(Pid, &S, WNOHANG) == Pid) {
      Exited = true;
      Status = WIFEXITED(S) ? WEXITSTATUS(S) : 128 + WTERMSIG(S);
    }
    return Exited;
  }
  void stop() {
    if (Pid < 0)
      return;
    if (!poll()) {
      ::kill(-Pid, SIGKILL);
      ::kill(Pid, SIGKILL);
      int S;
      while (::waitpid(Pid, &S, 0) < 0 && errno == EINTR) {
      }
    } else {
      ::kill(-Pid, SIGKILL);
    }
    Pid = -1;
  }
};

/// Starts Argv with stdin from /dev/null and its output in LogPath.
std::string startServer(const std::vector<std::string> &Argv, Server &S) {
  std::vector<char *> Ptrs;
  std::vector<std::string> Copy = Argv;
  for (std::string &A : Copy)
    Ptrs.push_back(A.data());
  Ptrs.push_back(nullptr);
  int Log = ::open(S.LogPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  int Null = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  pid_t Pid = ::fork();
  if (Pid < 0)
    return std::string("fork: ") + std::strerror(errno);
  if (Pid == 0) {
    ::setpgid(0, 0);
    ::signal(SIGPIPE, SIG_DFL);
    if (Null >= 0)
      ::dup2(Null, 0);
    if (Log >= 0) {
      ::dup2(Log, 1);
      ::dup2(Log, 2);
    }
    ::execv(Ptrs[0], Ptrs.data());
    ::_exit(127);
  }
  ::setpgid(Pid, Pid);
  if (Log >= 0)
    ::close(Log);
  if (Null >= 0)
    ::close(Null);
  S.Pid = Pid;
  return "";
}

std::string lower(StringRef S) { return S.lower(); }

/// Sends Send while reading until Want bytes came back, both at once, so a server that echoes
/// while it reads never blocks on a client that is still sending (inputs of megabytes). Returns
/// why it stopped early ("" when done).
std::string exchange(int Fd, StringRef Send, size_t Want, std::string &Got, Deadline D) {
  size_t Off = 0;
  while (Off < Send.size() || Got.size() < Want) {
    pollfd P{Fd, 0, 0};
    if (Off < Send.size())
      P.events |= POLLOUT;
    if (Got.size() < Want)
      P.events |= POLLIN;
    int R = ::poll(&P, 1, msLeft(D));
    if (R == 0)
      return "timeout";
    if (R < 0) {
      if (errno == EINTR)
        continue;
      return std::string("poll: ") + std::strerror(errno);
    }
    if (P.revents & POLLIN) {
      char Buf[65536];
      ssize_t N = ::recv(Fd, Buf, std::min(sizeof Buf, Want - Got.size()), 0);
      if (N > 0)
        Got.append(Buf, N);
      else if (N == 0)
        return "eof";
      else if (errno != EAGAIN && errno != EINTR)
        return std::string("recv: ") + std::strerror(errno);
    } else if (P.revents & (POLLHUP | POLLERR)) {
      return "eof";
    }
    if ((P.revents & POLLOUT) && Off < Send.size()) {
      ssize_t N = ::send(Fd, Send.data() + Off, Send.size() - Off, MSG_NOSIGNAL);
      if (N > 0)
        Off += N;
      else if (N < 0 && errno != EAGAIN && errno != EINTR)
        return std::string("send: ") + std::strerror(errno);
    }
  }
  return "";
}

/// One TCP check: the exchanges in order on one connection.
void tcpCheck(const ProgramCheck &Ch, int Port, Deadline D, CheckOutcome &O) {
  std::string Why;
  int Fd = connectLoopback(Port, D, Why);
  if (Fd < 0) {
    O.Reason = Why;
    O.Got = "no connection";
    O.Want = "a connection";
    return;
  }
  O.Passed = true;
  for (size_t I = 0; I < Ch.Exchanges.size(); ++I) {
    const Exchange &X = Ch.Exchanges[I];
    std::string Got;
    std::string Stop = exchange(Fd, X.Send, X.Expect.size(), Got, D);
    if (Stop.empty() && Got == X.Expect)
      continue;
    O.Passed = false;
    O.Got = formatv("exchange {0}: sent {1}, got {2}", I + 1, quoteBytes(X.Send), quoteBytes(Got))
                .str();
    O.Want = formatv("exchange {0}: {1}", I + 1, quoteBytes(X.Expect)).str();
    if (!Stop.empty())
      O.Reason = Stop == "timeout" ? "no (complete) answer before the timeout"
                 : Stop == "eof"   ? "the server closed the connection"
                                   : Stop;
    break;
  }
  if (O.Passed) {
    O.Got = formatv("{0} exchange{1} as expected", Ch.Exchanges.size(),
                    Ch.Exchanges.size() == 1 ? "" : "s")
                .str();
    O.Want = O.Got;
  }
  ::close(Fd);
}

struct HttpResponse {
  int Status = 0;
  std::vector<std::pair<std::string, std::string>> Headers; ///< names lowercased
  std::string Body;
};

/// Decodes a chunked body; false when it is not complete or malformed.
bool dechunk(StringRef In, std::string &Out) {
  Out.clear();
  while (true) {
    size_t LineEnd = In.find("\r\n");
    if (LineEnd == StringRef::npos)
      return false;
    unsigned long long Size;
    if (getAsUnsignedInteger(In.take_front(LineEnd).split(';').first.trim(), 16, Size))
      return false;
    In = In.drop_front(LineEnd + 2);
    if (Size == 0)
      return true;
    if (In.size() < Size + 2)
      return false;
    Out += In.take_front(Size).str();
    In = In.drop_front(Size + 2);
  }
}

/// Parses a whole response; false when it is incomplete (Complete) or not HTTP (Why).
bool parseResponse(const std::string &Raw, bool AtEof, HttpResponse &R, std::string &Why,
                   bool HeadRequest = false) {
  size_t HeadEnd = Raw.find("\r\n\r\n");
  if (HeadEnd == std::string::npos) {
    if (AtEof)
      Why = Raw.empty() ? "no response" : "the response has no complete head";
    return false;
  }
  StringRef Head(Raw.data(), HeadEnd);
  SmallVector<StringRef, 16> Lines;
  Head.split(Lines, "\r\n");
  StringRef StatusLine = Lines[0];
  if (!StatusLine.starts_with("HTTP/1.") || StatusLine.size() < 12 ||
      StatusLine.substr(9, 3).getAsInteger(10, R.Status)) {
    Why = "not an HTTP status line: " + quoteBytes(StatusLine, 80);
    return false;
  }
  R.Headers.clear();
  std::optional<uint64_t> Length;
  bool Chunked = false;
  for (StringRef L : ArrayRef<StringRef>(Lines).drop_front()) {
    auto [Name, Value] = L.split(':');
    std::string N = lower(Name.trim());
    R.Headers.push_back({N, Value.trim().str()});
    uint64_t V;
    if (N == "content-length" && !Value.trim().getAsInteger(10, V))
      Length = V;
    if (N == "transfer-encoding" && StringRef(lower(Value)).contains("chunked"))
      Chunked = true;
  }
  StringRef Body = StringRef(Raw).drop_front(HeadEnd + 4);
  // A response to HEAD has the headers of the GET response and never a body.
  if (HeadRequest || R.Status == 204 || R.Status == 304 || R.Status / 100 == 1) {
    R.Body.clear();
    return true;
  }
  if (Chunked) {
    if (dechunk(Body, R.Body))
      return true;
    if (AtEof)
      Why = "the chunked body is truncated or malformed";
    return false;
  }
  if (Length) {
    if (Body.size() < *Length) {
      if (AtEof)
        Why = formatv("the body ended after {0} of {1} bytes", Body.size(), *Length).str();
      return false;
    }
    R.Body = Body.take_front(*Length).str();
    return true;
  }
  R.Body = Body.str();
  return AtEof;
}

std::string httpWant(const ProgramCheck &Ch) {
  std::vector<std::string> W;
  if (Ch.Status)
    W.push_back("status " + std::to_string(*Ch.Status));
  for (const std::string &S : Ch.BodyContains)
    W.push_back("body containing " + quoteBytes(S));
  for (const auto &H : Ch.HeadersContain)
    W.push_back("header " + H.first + " containing " + quoteBytes(H.second));
  return join(W, ", ");
}

void httpCheck(const ProgramCheck &Ch, int Port, Deadline D, CheckOutcome &O) {
  O.Want = httpWant(Ch);
  std::string Why;
  int Fd = connectLoopback(Port, D, Why);
  if (Fd < 0) {
    O.Reason = Why;
    O.Got = "no connection";
    return;
  }
  std::string Req = Ch.Request.Method + " " + Ch.Request.Path + " HTTP/1.1\r\n";
  bool HasHost = false, HasLength = false, HasConnection = false;
  for (const auto &H : Ch.Request.Headers) {
    std::string N = lower(H.first);
    HasHost |= N == "host";
    HasLength |= N == "content-length";
    HasConnection |= N == "connection";
    Req += H.first + ": " + H.second + "\r\n";
  }
  if (!HasHost)
    Req += "Host: 127.0.0.1:" + std::to_string(Port) + "\r\n";
  if (!HasConnection)
    Req += "Connection: close\r\n";
  if (!HasLength && (!Ch.Request.Body.empty() || Ch.Request.Method == "POST" ||
                     Ch.Request.Method == "PUT"))
    Req += "Content-Length: " + std::to_string(Ch.Request.Body.size()) + "\r\n";
  Req += "\r\n" + Ch.Request.Body;
  std::string Raw;
  HttpResponse R;
  if (!sendAll(Fd, Req, D, Why)) {
    O.Reason = Why;
    O.Got = "the request could not be sent";
    ::close(Fd);
    return;
  }
  std::string Parse;
  std::string Stop = recvUntil(
      Fd, Raw, D,
      [&](const std::string &S) {
        std::string Ignored;
        return parseResponse(S, false, R, Ignored, Ch.Request.Method == "HEAD");
      },
      16u << 20);
  ::close(Fd);
  if (!Stop.empty() && !parseResponse(Raw, true, R, Parse, Ch.Request.Method == "HEAD")) {
    O.Reason = Stop == "timeout" ? "no complete response before the timeout"
               : Parse.empty()   ? Stop
                                 : Parse;
    O.Got = Raw.empty() ? "nothing" : quoteBytes(Raw, 200);
    return;
  }
  bool Pass = !Ch.Status || R.Status == *Ch.Status;
  for (const std::string &S : Ch.BodyContains)
    Pass &= StringRef(R.Body).contains(S);
  for (const auto &Want : Ch.HeadersContain) {
    bool Found = false;
    for (const auto &H : R.Headers)
      Found |= H.first == lower(Want.first) && StringRef(H.second).contains(Want.second);
    Pass &= Found;
  }
  O.Passed = Pass;
  std::string Headers;
  for (const auto &H : R.Headers)
    if (H.first == "content-type" ||
        any_of(Ch.HeadersContain, [&](const auto &W) { return lower(W.first) == H.first; }))
      Headers += ", " + H.first + ": " + quoteBytes(H.second, 80);
  O.Got = formatv("status {0}{1}, body {2}", R.Status, Headers, quoteBytes(R.Body, 200)).str();
}

} // namespace

int runProbe(StringRef Request, raw_ostream &Out, raw_ostream &Err) {
  auto Doc = json::parse(Request);
  if (!Doc) {
    Err << "semcom probe: the request is not JSON: " << toString(Doc.takeError()) << "\n";
    return 2;
  }
  const json::Object *O = Doc->getAsObject();
  const json::Value *ChecksDoc = O ? O->get("checks") : nullptr;
  const json::Array *ServerArgv = O ? O->getArray("server") : nullptr;
  if (!ChecksDoc || !ServerArgv || ServerArgv->empty()) {
    Err << "semcom probe: the request needs \"checks\" and \"server\" (argv)\n";
    return 2;
  }
  auto C = parseProgramChecks(*ChecksDoc);
  if (!C) {
    Err << "semcom probe: " << toString(C.takeError()) << "\n";
    return 2;
  }
  if (C->Kind == ProgramKind::Cli) {
    Err << "semcom probe: only tcp and http programs are probed\n";
    return 2;
  }
  std::vector<std::string> Argv;
  for (const json::Value &V : *ServerArgv)
    Argv.push_back(V.getAsString().value_or("").str());
  ::signal(SIGPIPE, SIG_IGN);

  json::Array Results;
  for (const ProgramCheck &Ch : C->Checks) {
    CheckOutcome Res;
    Res.Index = Ch.Index;
    Res.Name = Ch.Name;
    Server S;
    S.LogPath = "/tmp/semcom-probe-server.log";
    Deadline Listen = after(std::max(5.0, Ch.TimeoutSeconds));
    if (std::string Why = startServer(Argv, S); !Why.empty()) {
      Res.Reason = Why;
    } else {
      while (!portListening(C->Port) && !S.poll() && Clock::now() < Listen)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      if (S.poll())
        Res.Reason = formatv("the server ended ({0}) before listening on port {1}",
                             exitText(S.Status), C->Port)
                         .str();
      else if (!portListening(C->Port))
        Res.Reason = formatv("the server never listened on port {0}", C->Port).str();
      if (!Res.Reason.empty()) {
        if (std::string L = S.log(); !L.empty())
          Res.Reason += "; it printed " + quoteBytes(L, 200);
      } else {
        Deadline D = after(Ch.TimeoutSeconds);
        if (C->Kind == ProgramKind::Tcp)
          tcpCheck(Ch, C->Port, D, Res);
        else
          httpCheck(Ch, C->Port, D, Res);
        // A server that died while answering says more than the missing answer.
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        if (S.poll() && S.Status > 128) {
          Res.Passed = false;
          Res.Reason = "the server was " + exitText(S.Status) +
                       (Res.Reason.empty() ? "" : "; " + Res.Reason);
        }
      }
    }
    S.stop();
    if (Res.Want.empty())
      Res.Want = C->Kind == ProgramKind::Http ? httpWant(Ch) : "the exchanges";
    if (Res.Got.empty())
      Res.Got = "nothing";
    Results.push_back(json::Object{{"index", Res.Index},
                                   {"name", json::fixUTF8(Res.Name)},
                                   {"passed", Res.Passed && Res.Reason.empty()},
                                   {"got", json::fixUTF8(Res.Got)},
                                   {"want", json::fixUTF8(Res.Want)},
                                   {"reason", json::fixUTF8(Res.Reason)}});
  }
  Out << json::Value(json::Object{{"results", std::move(Results)}}) << "\n";
  return 0;
}

namespace {
/// A world-readable copy of the subject in a fresh directory under /tmp (not $TMPDIR, which may be
/// private), removed with this object: the sandbox's user (a throwaway uid, under root) may not
/// enter the directories the subject lives in, and the sandbox sees nothing else of them.
struct SubjectCopy {
  SmallString<128> Dir;
  std::string Path;
  ~SubjectCopy() {
    if (!Dir.empty())
      sys::fs::remove_directories(Dir);
  }
  Error make(StringRef From) {
    if (std::error_code EC = sys::fs::createUniqueDirectory("/tmp/semcom-subject", Dir))
      return runError("cannot create a directory for the program under test: " + EC.message());
    sys::fs::setPermissions(Dir, sys::fs::perms(0755));
    SmallString<256> To(Dir);
    sys::path::append(To, sys::path::filename(From));
    if (std::error_code EC = sys::fs::copy_file(From, To))
      return runError(From + ": " + EC.message());
    sys::fs::setPermissions(To, sys::fs::perms(0755));
    Path = std::string(To);
    return Error::success();
  }
};
} // namespace

Expected<std::vector<CheckOutcome>> runProgramChecks(const ProgramChecks &C,
                                                    const SubjectOptions &SIn) {
  SubjectOptions S = SIn;
  SubjectCopy Copy;
  if (Error E = Copy.make(S.Program))
    return Expected<std::vector<CheckOutcome>>(std::move(E));
  S.Program = Copy.Path;
  std::vector<std::string> Base;
  std::vector<std::string> ReadOnly;
  if (S.Python) {
    Base = {"/usr/bin/python3", S.Program};
    ReadOnly.push_back(S.Program);
  } else {
    Base = {S.Program};
  }
  std::vector<CheckOutcome> Out;
  if (C.Kind == ProgramKind::Cli) {
    for (const ProgramCheck &Ch : C.Checks) {
      SandboxOptions SO;
      SO.Argv = Base;
      SO.Argv.insert(SO.Argv.end(), Ch.Args.begin(), Ch.Args.end());
      SO.Stdin = Ch.Stdin;
      SO.TimeoutSeconds = Ch.TimeoutSeconds;
      SO.MemoryMB = S.MemoryMB;
      SO.MaxProcesses = 16;
      SO.ReadOnlyPaths = ReadOnly;
      SO.UnsafeNoSandbox = S.UnsafeNoSandbox;
      uint64_t Expected = Ch.Stdout ? Ch.Stdout->size() : 0;
      SO.OutputCapBytes = std::max<uint64_t>({4u << 20, Expected + (1u << 20),
                                              2 * Ch.Stdin.size() + (1u << 20)});
      auto R = runSandboxed(SO);
      if (!R)
        return R.takeError();
      Out.push_back(judgeCli(Ch, *R));
    }
    return Out;
  }

  if (S.SemcomExe.empty())
    return runError("servers are checked by `semcom probe` inside the sandbox, but this semcom "
                    "binary's path is unknown");
  json::Array Server;
  for (const std::string &A : Base)
    Server.push_back(A);
  for (const std::string &A : C.ServerArgs)
    Server.push_back(A);
  SandboxOptions SO;
  SO.Argv = {S.SemcomExe, "probe"};
  SO.Stdin = formatv("{0}", json::Value(json::Object{{"checks", programChecksToJSON(C)},
                                                     {"server", std::move(Server)}}))
                 .str();
  double Total = 10;
  for (const ProgramCheck &Ch : C.Checks)
    Total += std::max(5.0, Ch.TimeoutSeconds) + Ch.TimeoutSeconds + 1;
  SO.TimeoutSeconds = Total;
  SO.MemoryMB = std::max<uint64_t>(S.MemoryMB, 2048);
  SO.MaxProcesses = 32;
  if (!S.Python)
    ReadOnly.push_back(S.Program);
  SO.ReadOnlyPaths = ReadOnly;
  SO.UnsafeNoSandbox = S.UnsafeNoSandbox;
  auto R = runSandboxed(SO);
  if (!R)
    return R.takeError();
  if (!R->ok())
    return runError("the probe failed (" + R->Reason + ")" +
                    (R->Stderr.empty() ? "" : ": " + tail(R->Stderr)));
  auto Doc = json::parse(R->Stdout);
  if (!Doc) {
    consumeError(Doc.takeError());
    return runError("the probe printed no result: " + tail(R->Stdout + R->Stderr));
  }
  const json::Object *Obj = Doc->getAsObject();
  const json::Array *Results = Obj ? Obj->getArray("results") : nullptr;
  if (!Results || Results->size() != C.Checks.size())
    return runError("the probe's results do not match the checks");
  for (const json::Value &V : *Results) {
    const json::Object *E = V.getAsObject();
    CheckOutcome O;
    if (E) {
      O.Index = E->getInteger("index").value_or(0);
      O.Name = E->getString("name").value_or("").str();
      O.Passed = E->getBoolean("passed").value_or(false);
      O.Got = E->getString("got").value_or("").str();
      O.Want = E->getString("want").value_or("").str();
      O.Reason = E->getString("reason").value_or("").str();
    }
    Out.push_back(std::move(O));
  }
  return Out;
}

} // namespace core
} // namespace semcom
