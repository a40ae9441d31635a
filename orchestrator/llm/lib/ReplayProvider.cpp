//===- ReplayProvider.cpp - answers from an earlier run's transcript -----===//
//
// Makes a recorded run (say, one answered by a person through the command provider) reproducible
// under any provider setting: requests are matched by content key, independent of provider and
// model, and a request that was never recorded is an error, never a guess.
//
//===----------------------------------------------------------------------===//
#include "Serialize.h"
#include "semcom/LLM/LLMError.h"
#include "semcom/LLM/Providers.h"

#include "llvm/Support/MemoryBuffer.h"

#include <map>

using namespace llvm;

namespace semcom {
namespace llm {

namespace {

class ReplayProvider : public Provider {
public:
  ReplayProvider(std::string Path, std::map<std::string, Response> Answers)
      : Path(std::move(Path)), Answers(std::move(Answers)) {}
  StringRef kind() const override { return "replay"; }
  StringRef model() const override { return "replay"; }

  Expected<Response> complete(const Request &R) override {
    std::string Key = contentKey(R);
    auto It = Answers.find(Key);
    if (It == Answers.end())
      return makeLLMError(ErrorKind::CacheMiss, "replay: " + Path +
                                                    " has no recorded answer for " +
                                                    describeRequest(R) + " [key " +
                                                    StringRef(Key).take_front(16) + "]");
    Response Out = It->second;
    Out.LatencySeconds = 0;
    return Out;
  }

private:
  std::string Path;
  std::map<std::string, Response> Answers;
};

} // namespace

Expected<std::unique_ptr<Provider>> createReplayProvider(StringRef Path) {
  auto Buf = MemoryBuffer::getFile(Path);
  if (!Buf)
    return makeLLMError(ErrorKind::Config, "replay: cannot read " + Path + ": " +
                                               Buf.getError().message());
  std::map<std::string, Response> Answers;
  StringRef Rest = (*Buf)->getBuffer();
  unsigned LineNo = 0;
  while (!Rest.empty()) {
    auto [Line, Tail] = Rest.split('\n');
    Rest = Tail;
    ++LineNo;
    if (Line.trim().empty())
      continue;
    rapidjson::Document Doc;
    std::string Where = (Path + ":" + Twine(LineNo)).str();
    if (Error E = json::parse(Doc, Line, Where))
      return makeLLMError(ErrorKind::Config, toString(std::move(E)));
    auto Key = json::getString(Doc, "content_key");
    const rapidjson::Value *Resp = json::member(Doc, "response");
    if (!Key || !Resp)
      continue; // errors and other records carry no answer
    Expected<Response> R = readResponse(*Resp, Where);
    if (!R)
      return R.takeError();
    Answers.emplace(*Key, std::move(*R)); // the first answer recorded wins
  }
  return std::make_unique<ReplayProvider>(Path.str(), std::move(Answers));
}

} // namespace llm
} // namespace semcom
