//===- MockLLM.cpp - semcom-mock-llm: a loopback model server for tests --===//
//
// Tests of the model layer must drive the real libcurl path, so this server speaks both wire
// protocols (Anthropic /v1/messages and OpenAI-compatible /chat/completions, plain JSON) on
// 127.0.0.1, answers from a script, records every request, and injects the faults real APIs show:
// any status/body/headers, slow answers, connections reset mid-body, malformed JSON, truncation.
//
//===----------------------------------------------------------------------===//
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <optional>
#include <poll.h>
#include <sstream>
#include <string>
#include <sys/socket.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

const char *Usage = R"(usage: semcom-mock-llm [options]

A loopback HTTP server speaking the Anthropic Messages (POST .../v1/messages) and
OpenAI-compatible (POST .../chat/completions) protocols, for tests. Binds 127.0.0.1.

options:
  --script FILE      what to answer (below); default: every request gets "mock answer"
  --record FILE      append every request received as a JSON line (auth header values redacted)
  --port N           port to bind (default 0: any free port)
  --port-file FILE   write the bound port there (atomically)
  --pid-file FILE    write the serving process id there
  --background       serve from a child process; print the port and return once bound
  --lifetime S       exit after S seconds (default 300), so a forgotten server goes away
  --max-requests N   exit after answering N requests
  --require-key KEY  answer 401 unless x-api-key or "Authorization: Bearer" carries KEY
  --help

script (JSON):
  {"responses": [ENTRY, ...],           served in order, one per request ("times": N repeats)
   "rules": [{"match": "SUBSTRING", ...ENTRY}, ...],   first rule whose substring occurs in the
                                        request body answers it (checked before "responses")
   "default": ENTRY}                    once "responses" is used up (else: 400 "script exhausted")
ENTRY fields (all optional):
  "text": answer text (default "mock answer")   "echo": true answers "echo: " + last user message
  "status": HTTP status (default 200)  "headers": {"retry-after": "1", ...}
  "body": raw body sent verbatim       "message"/"error_type"/"error_shape" ("nested"|"flat"|
                                       "string"): an error body in the protocol's shape
  "truncate": true (max_tokens / length)   "refusal": true   "stop_reason": override
  "usage": {"input": N, "output": N, "cache_write": N, "cache_read": N}
  "delay_ms": N (sleep before answering)   "reset_after": N (send N body bytes, then reset)
  "malformed": true (invalid JSON body)    "body_bytes": N (answer text of N bytes)
)";

struct Options {
  std::string Script, Record, PortFile, PidFile, RequireKey;
  int Port = 0;
  bool Background = false;
  double Lifetime = 300;
  long MaxRequests = -1;
};

rapidjson::Document ScriptDoc;
std::mutex Lock;          // guards the script cursor and the record file
size_t NextResponse = 0;  // index into "responses"
unsigned TimesUsed = 0;   // how often responses[NextResponse] has been served
long Served = 0;
std::atomic<int> Active{0};
Options Opts;

const rapidjson::Value *member(const rapidjson::Value &V, const char *Name) {
  if (!V.IsObject())
    return nullptr;
  auto It = V.FindMember(Name);
  return It == V.MemberEnd() ? nullptr : &It->value;
}
std::string str(const rapidjson::Value &V, const char *Name, const std::string &Default = "") {
  const rapidjson::Value *M = member(V, Name);
  return M && M->IsString() ? std::string(M->GetString(), M->GetStringLength()) : Default;
}
long num(const rapidjson::Value &V, const char *Name, long Default) {
  const rapidjson::Value *M = member(V, Name);
  return M && M->IsNumber() ? static_cast<long>(M->GetDouble()) : Default;
}
bool flag(const rapidjson::Value &V, const char *Name) {
  const rapidjson::Value *M = member(V, Name);
  return M && M->IsBool() && M->GetBool();
}

std::string lower(std::string S) {
  for (char &C : S)
    C = static_cast<char>(tolower(static_cast<unsigned char>(C)));
  return S;
}

struct HttpRequest {
  std::string Method, Path, Body;
  std::vector<std::pair<std::string, std::string>> Headers; // names lower-cased
  std::string header(const std::string &Name) const {
    for (auto &[N, V] : Headers)
      if (N == Name)
        return V;
    return "";
  }
};

bool sendAll(int Fd, const char *Data, size_t Len) {
  while (Len) {
    ssize_t N = send(Fd, Data, Len, MSG_NOSIGNAL);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return false;
    Data += N;
    Len -= N;
  }
  return true;
}

std::optional<HttpRequest> readRequest(int Fd) {
  std::string Buf;
  char Chunk[65536];
  size_t HeaderEnd;
  while ((HeaderEnd = Buf.find("\r\n\r\n")) == std::string::npos) {
    ssize_t N = recv(Fd, Chunk, sizeof Chunk, 0);
    if (N <= 0 || Buf.size() > (1u << 20))
      return std::nullopt;
    Buf.append(Chunk, N);
  }
  HttpRequest R;
  std::istringstream Head(Buf.substr(0, HeaderEnd));
  std::string Line;
  std::getline(Head, Line);
  std::istringstream RL(Line);
  RL >> R.Method >> R.Path;
  size_t ContentLength = 0;
  while (std::getline(Head, Line)) {
    if (!Line.empty() && Line.back() == '\r')
      Line.pop_back();
    size_t Colon = Line.find(':');
    if (Colon == std::string::npos)
      continue;
    std::string Name = lower(Line.substr(0, Colon));
    std::string Value = Line.substr(Colon + 1);
    while (!Value.empty() && Value.front() == ' ')
      Value.erase(0, 1);
    if (Name == "content-length")
      ContentLength = std::strtoul(Value.c_str(), nullptr, 10);
    R.Headers.push_back({Name, Value});
  }
  if (lower(R.header("expect")) == "100-continue")
    sendAll(Fd, "HTTP/1.1 100 Continue\r\n\r\n", 25);
  R.Body = Buf.substr(HeaderEnd + 4);
  while (R.Body.size() < ContentLength) {
    ssize_t N = recv(Fd, Chunk, sizeof Chunk, 0);
    if (N <= 0)
      return std::nullopt;
    R.Body.append(Chunk, N);
  }
  return R;
}

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;
void wstr(Writer &W, const std::string &S) {
  W.String(S.data(), static_cast<rapidjson::SizeType>(S.size()));
}

void record(const HttpRequest &R, long Seq) {
  if (Opts.Record.empty())
    return;
  rapidjson::StringBuffer Buf;
  Writer W(Buf);
  W.StartObject();
  W.Key("n");
  W.Int64(Seq);
  W.Key("method");
  wstr(W, R.Method);
  W.Key("path");
  wstr(W, R.Path);
  W.Key("headers");
  W.StartObject();
  for (auto &[N, V] : R.Headers) {
    wstr(W, N);
    // Keys must never land on disk, not even in a test's recording.
    if (N == "x-api-key" || N == "authorization")
      wstr(W, "[redacted " + std::to_string(V.size()) + " chars]");
    else
      wstr(W, V);
  }
  W.EndObject();
  W.Key("body");
  rapidjson::Document Doc;
  Doc.Parse(R.Body.data(), R.Body.size());
  if (Doc.HasParseError())
    wstr(W, R.Body);
  else
    Doc.Accept(W);
  W.EndObject();
  std::ofstream Out(Opts.Record, std::ios::app);
  Out << std::string(Buf.GetString(), Buf.GetSize()) << "\n";
}

/// The script entry answering this request (nullptr: script exhausted).
const rapidjson::Value *pickEntry(const HttpRequest &R) {
  static rapidjson::Value DefaultEntry(rapidjson::kObjectType);
  if (!ScriptDoc.IsObject())
    return &DefaultEntry;
  if (const rapidjson::Value *Rules = member(ScriptDoc, "rules"); Rules && Rules->IsArray())
    for (const rapidjson::Value &Rule : Rules->GetArray()) {
      std::string Match = str(Rule, "match");
      if (!Match.empty() && R.Body.find(Match) != std::string::npos)
        return &Rule;
    }
  if (const rapidjson::Value *List = member(ScriptDoc, "responses"); List && List->IsArray()) {
    while (NextResponse < List->Size()) {
      const rapidjson::Value &E = (*List)[static_cast<rapidjson::SizeType>(NextResponse)];
      long Times = num(E, "times", 1);
      if (TimesUsed < Times) {
        ++TimesUsed;
        return &E;
      }
      ++NextResponse;
      TimesUsed = 0;
    }
  }
  if (const rapidjson::Value *D = member(ScriptDoc, "default"))
    return D;
  if (!member(ScriptDoc, "responses") && !member(ScriptDoc, "rules"))
    return &DefaultEntry;
  return nullptr;
}

std::string lastUserMessage(const rapidjson::Document &Req) {
  const rapidjson::Value *Msgs = member(Req, "messages");
  std::string Last;
  if (Msgs && Msgs->IsArray())
    for (const rapidjson::Value &M : Msgs->GetArray())
      if (str(M, "role") == "user")
        Last = str(M, "content");
  return Last;
}

std::string statusText(int S) {
  switch (S) {
  case 200: return "OK";
  case 400: return "Bad Request";
  case 401: return "Unauthorized";
  case 403: return "Forbidden";
  case 404: return "Not Found";
  case 408: return "Request Timeout";
  case 409: return "Conflict";
  case 413: return "Payload Too Large";
  case 429: return "Too Many Requests";
  case 500: return "Internal Server Error";
  case 502: return "Bad Gateway";
  case 503: return "Service Unavailable";
  case 529: return "Overloaded";
  default: return "Status";
  }
}

std::string errorBody(bool Anthropic, const std::string &Shape, const std::string &Type,
                      const std::string &Message, int Status) {
  rapidjson::StringBuffer Buf;
  Writer W(Buf);
  W.StartObject();
  if (Shape == "flat") { // vLLM
    W.Key("object");
    W.String("error");
    W.Key("message");
    wstr(W, Message);
    W.Key("type");
    wstr(W, Type);
    W.Key("param");
    W.Null();
    W.Key("code");
    W.Int(Status);
  } else if (Shape == "string") { // Ollama
    W.Key("error");
    wstr(W, Message);
  } else {
    if (Anthropic) {
      W.Key("type");
      W.String("error");
    }
    W.Key("error");
    W.StartObject();
    W.Key("type");
    wstr(W, Type);
    W.Key("message");
    wstr(W, Message);
    W.EndObject();
  }
  W.EndObject();
  return std::string(Buf.GetString(), Buf.GetSize());
}

std::string successBody(bool Anthropic, const rapidjson::Value &E, const rapidjson::Document &Req,
                        long Seq) {
  std::string Text = str(E, "text", "mock answer");
  if (flag(E, "echo"))
    Text = "echo: " + lastUserMessage(Req);
  if (long Bytes = num(E, "body_bytes", 0); Bytes > 0)
    Text.assign(static_cast<size_t>(Bytes), 'a');
  bool Truncate = flag(E, "truncate"), Refusal = flag(E, "refusal");
  const rapidjson::Value *U = member(E, "usage");
  long In = U ? num(*U, "input", 10) : 10, Out = U ? num(*U, "output", 5) : 5;
  long CW = U ? num(*U, "cache_write", 0) : 0, CR = U ? num(*U, "cache_read", 0) : 0;
  std::string Model = str(Req, "model", "mock-model");
  rapidjson::StringBuffer Buf;
  Writer W(Buf);
  W.StartObject();
  if (Anthropic) {
    std::string Stop = str(E, "stop_reason",
                           Truncate ? "max_tokens" : Refusal ? "refusal" : "end_turn");
    W.Key("id");
    wstr(W, "msg_mock_" + std::to_string(Seq));
    W.Key("type");
    W.String("message");
    W.Key("role");
    W.String("assistant");
    W.Key("model");
    wstr(W, Model);
    W.Key("content");
    W.StartArray();
    W.StartObject();
    W.Key("type");
    W.String("text");
    W.Key("text");
    wstr(W, Text);
    W.EndObject();
    W.EndArray();
    W.Key("stop_reason");
    wstr(W, Stop);
    W.Key("stop_sequence");
    W.Null();
    W.Key("usage");
    W.StartObject();
    W.Key("input_tokens");
    W.Int64(In);
    W.Key("output_tokens");
    W.Int64(Out);
    W.Key("cache_creation_input_tokens");
    W.Int64(CW);
    W.Key("cache_read_input_tokens");
    W.Int64(CR);
    W.EndObject();
  } else {
    std::string Finish = str(E, "stop_reason",
                             Truncate ? "length" : Refusal ? "content_filter" : "stop");
    W.Key("id");
    wstr(W, "chatcmpl-mock-" + std::to_string(Seq));
    W.Key("object");
    W.String("chat.completion");
    W.Key("created");
    W.Int64(1700000000);
    W.Key("model");
    wstr(W, Model);
    W.Key("choices");
    W.StartArray();
    W.StartObject();
    W.Key("index");
    W.Int(0);
    W.Key("message");
    W.StartObject();
    W.Key("role");
    W.String("assistant");
    W.Key("content");
    wstr(W, Text);
    W.EndObject();
    W.Key("finish_reason");
    wstr(W, Finish);
    W.EndObject();
    W.EndArray();
    W.Key("usage");
    W.StartObject();
    W.Key("prompt_tokens");
    W.Int64(In + CR);
    W.Key("completion_tokens");
    W.Int64(Out);
    W.Key("total_tokens");
    W.Int64(In + CR + Out);
    W.Key("prompt_tokens_details");
    W.StartObject();
    W.Key("cached_tokens");
    W.Int64(CR);
    W.EndObject();
    W.EndObject();
  }
  W.EndObject();
  return std::string(Buf.GetString(), Buf.GetSize());
}

void resetConnection(int Fd) {
  struct linger L = {1, 0}; // close with RST, not FIN
  setsockopt(Fd, SOL_SOCKET, SO_LINGER, &L, sizeof L);
}

void serve(int Fd) {
  std::optional<HttpRequest> R = readRequest(Fd);
  if (!R) {
    close(Fd);
    --Active;
    return;
  }
  long Seq;
  const rapidjson::Value *Entry;
  {
    std::lock_guard<std::mutex> G(Lock);
    Seq = ++Served;
    record(*R, Seq);
    Entry = pickEntry(*R);
  }
  std::string Path = R->Path.substr(0, R->Path.find('?'));
  auto EndsWith = [&](const std::string &S) {
    return Path.size() >= S.size() && Path.compare(Path.size() - S.size(), S.size(), S) == 0;
  };
  bool Anthropic = EndsWith("/v1/messages"), OpenAI = EndsWith("/chat/completions");
  int Status = 200;
  std::vector<std::pair<std::string, std::string>> Headers;
  std::string Body;
  long ResetAfter = -1;

  rapidjson::Document Req;
  Req.Parse(R->Body.data(), R->Body.size());
  std::string Key = R->header("x-api-key");
  std::string Auth = R->header("authorization");
  if (Auth.rfind("Bearer ", 0) == 0 && Key.empty())
    Key = Auth.substr(7);

  if (R->Method != "POST" || (!Anthropic && !OpenAI)) {
    Status = 404;
    Body = errorBody(true, "nested", "not_found_error",
                     "semcom-mock-llm serves POST .../v1/messages and .../chat/completions, not " +
                         R->Method + " " + Path,
                     404);
  } else if (!Opts.RequireKey.empty() && Key != Opts.RequireKey) {
    Status = 401;
    Body = errorBody(Anthropic, "nested", "authentication_error", "invalid x-api-key", 401);
  } else if (Req.HasParseError() || !Req.IsObject()) {
    Status = 400;
    Body = errorBody(Anthropic, "nested", "invalid_request_error", "request body is not JSON", 400);
  } else if (!Entry) {
    Status = 400;
    Body = errorBody(Anthropic, "nested", "invalid_request_error",
                     "semcom-mock-llm: script exhausted at request " + std::to_string(Seq), 400);
  } else {
    const rapidjson::Value &E = *Entry;
    if (long Delay = num(E, "delay_ms", 0); Delay > 0)
      std::this_thread::sleep_for(std::chrono::milliseconds(Delay));
    Status = static_cast<int>(num(E, "status", 200));
    if (const rapidjson::Value *H = member(E, "headers"); H && H->IsObject())
      for (auto &M : H->GetObject())
        if (M.value.IsString())
          Headers.push_back({M.name.GetString(), M.value.GetString()});
    if (const rapidjson::Value *B = member(E, "body"); B && B->IsString())
      Body = B->GetString();
    else if (flag(E, "malformed"))
      Body = "{\"id\": \"broken\", \"content\": [{\"type\": \"text\", \"text\": \"unterminated";
    else if (Status >= 400)
      Body = errorBody(Anthropic, str(E, "error_shape", "nested"),
                       str(E, "error_type", Status == 429   ? "rate_limit_error"
                                            : Status == 529 ? "overloaded_error"
                                                            : "api_error"),
                       str(E, "message", "mock error " + std::to_string(Status)), Status);
    else
      Body = successBody(Anthropic, E, Req, Seq);
    ResetAfter = num(E, "reset_after", -1);
  }

  std::string Head = "HTTP/1.1 " + std::to_string(Status) + " " + statusText(Status) + "\r\n";
  Head += "Content-Type: application/json\r\nConnection: close\r\n";
  Head += "Content-Length: " + std::to_string(Body.size()) + "\r\n";
  Head += (Anthropic ? "request-id: req_mock_" : "x-request-id: req_mock_") + std::to_string(Seq) +
          "\r\n";
  for (auto &[N, V] : Headers)
    Head += N + ": " + V + "\r\n";
  Head += "\r\n";
  if (sendAll(Fd, Head.data(), Head.size())) {
    if (ResetAfter >= 0) {
      sendAll(Fd, Body.data(), std::min<size_t>(ResetAfter, Body.size()));
      resetConnection(Fd);
    } else {
      sendAll(Fd, Body.data(), Body.size());
      shutdown(Fd, SHUT_WR);
      // Let the client read everything before the socket goes away.
      char Sink[4096];
      struct pollfd P = {Fd, POLLIN, 0};
      while (poll(&P, 1, 2000) > 0 && recv(Fd, Sink, sizeof Sink, 0) > 0) {
      }
    }
  }
  close(Fd);
  --Active;
}

bool writeFileAtomically(const std::string &Path, const std::string &Text) {
  std::string Tmp = Path + ".tmp." + std::to_string(getpid());
  {
    std::ofstream Out(Tmp);
    if (!Out)
      return false;
    Out << Text;
  }
  return rename(Tmp.c_str(), Path.c_str()) == 0;
}

int fail(const std::string &Msg) {
  std::cerr << "semcom-mock-llm: " << Msg << "\n";
  return 2;
}

} // namespace

int main(int argc, char **argv) {
  std::vector<std::string> Args(argv + 1, argv + argc);
  for (size_t I = 0; I < Args.size(); ++I) {
    const std::string &A = Args[I];
    auto Value = [&]() -> std::optional<std::string> {
      if (I + 1 >= Args.size())
        return std::nullopt;
      return Args[++I];
    };
    if (A == "--help" || A == "-h") {
      std::cout << Usage;
      return 0;
    }
    if (A == "--background") {
      Opts.Background = true;
      continue;
    }
    std::optional<std::string> V = Value();
    if (!V)
      return fail(A + " needs a value (see --help)");
    if (A == "--script")
      Opts.Script = *V;
    else if (A == "--record")
      Opts.Record = *V;
    else if (A == "--port-file")
      Opts.PortFile = *V;
    else if (A == "--pid-file")
      Opts.PidFile = *V;
    else if (A == "--require-key")
      Opts.RequireKey = *V;
    else if (A == "--port")
      Opts.Port = std::atoi(V->c_str());
    else if (A == "--lifetime")
      Opts.Lifetime = std::atof(V->c_str());
    else if (A == "--max-requests")
      Opts.MaxRequests = std::atol(V->c_str());
    else
      return fail("unknown option " + A + " (see --help)");
  }
  if (!Opts.Script.empty()) {
    std::ifstream In(Opts.Script);
    if (!In)
      return fail(Opts.Script + ": cannot read the script");
    std::stringstream SS;
    SS << In.rdbuf();
    std::string Text = SS.str();
    ScriptDoc.Parse(Text.data(), Text.size());
    if (ScriptDoc.HasParseError() || !ScriptDoc.IsObject())
      return fail(Opts.Script + ": the script must be a JSON object (see --help)");
  }

  int Listen = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int One = 1;
  setsockopt(Listen, SOL_SOCKET, SO_REUSEADDR, &One, sizeof One);
  sockaddr_in Addr = {};
  Addr.sin_family = AF_INET;
  Addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  Addr.sin_port = htons(static_cast<uint16_t>(Opts.Port));
  if (bind(Listen, reinterpret_cast<sockaddr *>(&Addr), sizeof Addr) || listen(Listen, 64))
    return fail(std::string("cannot listen on 127.0.0.1: ") + strerror(errno));
  socklen_t Len = sizeof Addr;
  getsockname(Listen, reinterpret_cast<sockaddr *>(&Addr), &Len);
  int Port = ntohs(Addr.sin_port);

  if (Opts.Background) {
    pid_t Child = fork();
    if (Child < 0)
      return fail(std::string("cannot fork: ") + strerror(errno));
    if (Child > 0) {
      if (!Opts.PidFile.empty())
        writeFileAtomically(Opts.PidFile, std::to_string(Child) + "\n");
      if (!Opts.PortFile.empty())
        writeFileAtomically(Opts.PortFile, std::to_string(Port) + "\n");
      std::cout << Port << std::endl;
      return 0;
    }
    setsid();
    // Detach from the caller's pipes so `$(semcom-mock-llm --background …)` returns.
    int Null = open("/dev/null", O_RDWR);
    dup2(Null, 0);
    dup2(Null, 1);
    close(Null);
  } else {
    if (!Opts.PidFile.empty())
      writeFileAtomically(Opts.PidFile, std::to_string(getpid()) + "\n");
    if (!Opts.PortFile.empty())
      writeFileAtomically(Opts.PortFile, std::to_string(Port) + "\n");
    std::cout << "semcom-mock-llm: listening on 127.0.0.1:" << Port << std::endl;
  }
  signal(SIGPIPE, SIG_IGN);

  auto Start = std::chrono::steady_clock::now();
  while (true) {
    double Elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
    if (Elapsed >= Opts.Lifetime)
      break;
    {
      std::lock_guard<std::mutex> G(Lock);
      if (Opts.MaxRequests >= 0 && Served >= Opts.MaxRequests)
        break;
    }
    struct pollfd P = {Listen, POLLIN, 0};
    if (poll(&P, 1, 100) <= 0)
      continue;
    int Fd = accept4(Listen, nullptr, nullptr, SOCK_CLOEXEC);
    if (Fd < 0)
      continue;
    ++Active;
    std::thread(serve, Fd).detach();
  }
  // Let answers in flight finish (bounded), then go.
  for (int I = 0; I < 100 && Active > 0; ++I)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  return 0;
}
