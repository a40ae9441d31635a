//===- Cache.cpp - response cache and offline replay --------------------===//
//
// Runs are reproducible and repeat runs cheap because every complete answer is stored under the
// SHA-256 of everything that determined it. Entries are written atomically (temp file + rename), so
// an interrupted run never leaves a half-written entry that a later run would trust.
//
//===----------------------------------------------------------------------===//
#include "Serialize.h"
#include "semcom/LLM/LLMError.h"
#include "semcom/LLM/Providers.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace semcom {
namespace llm {

namespace {

class CachingProvider : public Provider {
public:
  CachingProvider(std::unique_ptr<Provider> Inner, std::string Dir, CacheMode Mode,
                  std::shared_ptr<UsageStats> Stats)
      : Inner(std::move(Inner)), Dir(std::move(Dir)), Mode(Mode), Stats(std::move(Stats)) {}
  StringRef kind() const override { return Inner->kind(); }
  StringRef model() const override { return Inner->model(); }
  bool supportsPrefill() const override { return Inner->supportsPrefill(); }

  Expected<Response> complete(const Request &R) override {
    std::string Key = cacheKey(Inner->kind(), Inner->model(), R);
    SmallString<256> Path(Dir);
    sys::path::append(Path, StringRef(Key).take_front(2), Key + ".json");

    if (auto Buf = MemoryBuffer::getFile(Path)) {
      rapidjson::Document Doc;
      Error E = json::parse(Doc, (*Buf)->getBuffer(), Path);
      const rapidjson::Value *Resp = E ? nullptr : json::member(Doc, "response");
      if (Resp) {
        Expected<Response> Hit = readResponse(*Resp, Path);
        if (Hit) {
          Hit->FromCache = true;
          if (Stats)
            ++Stats->CacheHits;
          return Hit;
        }
        consumeError(Hit.takeError());
      }
      consumeError(std::move(E));
      if (Mode == CacheMode::Offline)
        return makeLLMError(ErrorKind::CacheMiss,
                            "offline: the cache entry " + Path + " is unreadable; delete it");
      // In read-write mode a damaged entry is simply replaced.
    }
    if (Mode == CacheMode::Offline)
      return makeLLMError(ErrorKind::CacheMiss,
                          "offline: no cached answer in " + Dir + " for " + Inner->kind() +
                              " model '" + Inner->model() + "' asked " + describeRequest(R) +
                              " [key " + StringRef(Key).take_front(16) +
                              "]; run once without --offline to record it");

    Expected<Response> Resp = Inner->complete(R);
    if (!Resp)
      return Resp;
    if (Error E = store(Path, Key, R, *Resp))
      WithColor::warning(errs(), "semcom") << "response not cached: " << toString(std::move(E))
                                           << "\n";
    return Resp;
  }

private:
  Error store(StringRef Path, StringRef Key, const Request &R, const Response &Resp) {
    if (std::error_code EC = sys::fs::create_directories(sys::path::parent_path(Path)))
      return createStringError(EC, "cannot create %s: %s",
                               sys::path::parent_path(Path).str().c_str(),
                               EC.message().c_str());
    rapidjson::StringBuffer Buf;
    json::Writer W(Buf);
    W.StartObject();
    W.Key("version");
    W.Uint(1);
    W.Key("key");
    json::str(W, Key);
    W.Key("provider");
    json::str(W, Inner->kind());
    W.Key("model");
    json::str(W, Inner->model());
    W.Key("prompt_format");
    W.Uint(PromptFormatVersion);
    W.Key("request");
    writeRequest(W, R);
    W.Key("response");
    writeResponse(W, Resp);
    W.EndObject();
    // writeToOutput writes a temporary beside Path and renames it into place.
    return writeToOutput(Path, [&](raw_ostream &OS) {
      OS << StringRef(Buf.GetString(), Buf.GetSize()) << "\n";
      return Error::success();
    });
  }

  std::unique_ptr<Provider> Inner;
  std::string Dir;
  CacheMode Mode;
  std::shared_ptr<UsageStats> Stats;
};

} // namespace

std::unique_ptr<Provider> wrapCache(std::unique_ptr<Provider> Inner, std::string Dir,
                                    CacheMode Mode, std::shared_ptr<UsageStats> Stats) {
  if (Mode == CacheMode::Off)
    return Inner;
  return std::make_unique<CachingProvider>(std::move(Inner), std::move(Dir), Mode,
                                           std::move(Stats));
}

} // namespace llm
} // namespace semcom
