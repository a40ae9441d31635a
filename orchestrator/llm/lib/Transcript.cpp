//===- Transcript.cpp - every model call as one JSON line ---------------===//
//
// What was asked, what came back (or what failed), usage, request id, latency
// and retry history, so a run can be audited and replayed (the replay provider
// reads these lines). Secrets are redacted from each line before it is written.
//
//===----------------------------------------------------------------------===//
#include "Serialize.h"
#include "semcom/LLM/LLMError.h"
#include "semcom/LLM/Providers.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <ctime>
#include <mutex>

using namespace llvm;

namespace semcom {
namespace llm {

namespace {

std::string utcNow() {
  std::time_t T = std::time(nullptr);
  struct tm TM;
  gmtime_r(&T, &TM);
  char Buf[32];
  std::strftime(Buf, sizeof Buf, "%Y-%m-%dT%H:%M:%SZ", &TM);
  return Buf;
}

class TranscriptProvider : public Provider {
public:
  TranscriptProvider(std::unique_ptr<Provider> Inner, std::string Path,
                     std::vector<std::string> Secrets)
      : Inner(std::move(Inner)), Path(std::move(Path)),
        Secrets(std::move(Secrets)) {}
  StringRef kind() const override { return Inner->kind(); }
  StringRef model() const override { return Inner->model(); }
  bool supportsPrefill() const override { return Inner->supportsPrefill(); }

  Expected<Response> complete(const Request &R) override {
    auto Start = std::chrono::steady_clock::now();
    Expected<Response> Resp = Inner->complete(R);
    double Seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
            .count();

    rapidjson::StringBuffer Buf;
    json::Writer W(Buf);
    W.StartObject();
    W.Key("time");
    json::str(W, utcNow());
    W.Key("provider");
    json::str(W, Inner->kind());
    W.Key("model");
    json::str(W, Inner->model());
    W.Key("content_key");
    json::str(W, contentKey(R));
    // The response-cache entry this call reads or writes, so a recording can be pruned to the
    // answers its runs use.
    W.Key("cache_key");
    json::str(W, cacheKey(Inner->kind(), Inner->model(), R));
    W.Key("request");
    writeRequest(W, R);
    W.Key("wall_s");
    W.Double(Seconds);
    if (Resp) {
      W.Key("from_cache");
      W.Bool(Resp->FromCache);
      W.Key("request_id");
      json::str(W, Resp->RequestId);
      W.Key("retries");
      W.StartArray();
      for (const std::string &H : Resp->RetryHistory)
        json::str(W, H);
      W.EndArray();
      W.Key("response");
      writeResponse(W, *Resp);
    } else {
      Error E = Resp.takeError();
      std::string Message, Kind = "other";
      E = handleErrors(std::move(E), [&](std::unique_ptr<LLMError> P) -> Error {
        P->Message = redactSecrets(P->Message, Secrets);
        Message = P->Message;
        Kind = errorKindName(P->Kind).str();
        return Error(std::move(P));
      });
      if (Message.empty()) {
        Message = toString(std::move(E));
        E = createStringError(inconvertibleErrorCode(), Message);
      }
      W.Key("error");
      json::str(W, Message);
      W.Key("error_kind");
      json::str(W, Kind);
      Resp = std::move(E);
    }
    W.EndObject();
    append(redactSecrets(std::string(Buf.GetString(), Buf.GetSize()), Secrets));
    return Resp;
  }

private:
  void append(const std::string &Line) {
    std::lock_guard<std::mutex> G(AppendLock);
    std::error_code EC;
    raw_fd_ostream OS(Path, EC, sys::fs::OF_Append | sys::fs::OF_Text);
    if (!EC) {
      OS << Line << "\n";
      OS.close();
      EC = OS.error();
    }
    if (EC && !Warned) {
      WithColor::warning(errs(), "semcom")
          << "cannot write transcript " << Path << ": " << EC.message() << "\n";
      Warned = true;
    }
  }

  std::unique_ptr<Provider> Inner;
  std::string Path;
  std::vector<std::string> Secrets;
  bool Warned = false;
  std::mutex AppendLock;
};

} // namespace

Expected<std::unique_ptr<Provider>>
wrapTranscript(std::unique_ptr<Provider> Inner, std::string Path,
               std::vector<std::string> Secrets) {
  StringRef Parent = sys::path::parent_path(Path);
  if (!Parent.empty())
    if (std::error_code EC = sys::fs::create_directories(Parent))
      return makeLLMError(ErrorKind::Config,
                          "cannot create the transcript folder " + Parent +
                              ": " + EC.message());
  return std::make_unique<TranscriptProvider>(std::move(Inner), std::move(Path),
                                              std::move(Secrets));
}

} // namespace llm
} // namespace semcom
