//===- Serialize.cpp - Requests and Responses as JSON for cache and logs -===//
//
// Shared by the cache, transcript and replay provider so each reads what the
// others write.
//
//===----------------------------------------------------------------------===//
#include "Serialize.h"
#include "semcom/LLM/LLMError.h"

using namespace llvm;

namespace semcom {
namespace llm {

void writeRequest(json::Writer &W, const Request &R) {
  W.StartObject();
  W.Key("system_prefix");
  json::str(W, R.SystemPrefix);
  W.Key("system");
  json::str(W, R.System);
  W.Key("messages");
  W.StartArray();
  json::messages(W, R.Messages, "text");
  W.EndArray();
  W.Key("max_tokens");
  W.Uint(R.MaxTokens);
  if (R.Temperature) {
    W.Key("temperature");
    W.Double(*R.Temperature);
  }
  json::nonEmptyStrings(W, "stop", R.StopSequences);
  W.EndObject();
}

void writeResponse(json::Writer &W, const Response &R) {
  W.StartObject();
  W.Key("text");
  json::str(W, R.Text);
  W.Key("stop_reason");
  json::str(W, stopReasonName(R.Stop));
  W.Key("stop_raw");
  json::str(W, R.StopRaw);
  W.Key("model");
  json::str(W, R.Model);
  W.Key("request_id");
  json::str(W, R.RequestId);
  W.Key("latency_s");
  W.Double(R.LatencySeconds);
  W.Key("continuations");
  W.Uint(R.Continuations);
  W.Key("usage");
  W.StartObject();
  W.Key("input");
  W.Uint64(R.Tokens.Input);
  W.Key("output");
  W.Uint64(R.Tokens.Output);
  W.Key("cache_write");
  W.Uint64(R.Tokens.CacheWrite);
  W.Key("cache_read");
  W.Uint64(R.Tokens.CacheRead);
  W.EndObject();
  W.EndObject();
}

Expected<Response> readResponse(const rapidjson::Value &V, StringRef What) {
  auto Text = json::getString(V, "text");
  auto Stop = json::getString(V, "stop_reason");
  if (!Text || !Stop || !parseStopReasonName(*Stop))
    return makeLLMError(
        ErrorKind::Malformed,
        What +
            ": not a recorded response (needs \"text\" and \"stop_reason\")");
  Response R;
  R.Text = *Text;
  R.Stop = *parseStopReasonName(*Stop);
  R.StopRaw = json::getString(V, "stop_raw").value_or(*Stop);
  R.Model = json::getString(V, "model").value_or("");
  R.RequestId = json::getString(V, "request_id").value_or("");
  R.LatencySeconds = json::getNumber(V, "latency_s").value_or(0);
  R.Continuations = static_cast<unsigned>(json::getUInt(V, "continuations"));
  if (const rapidjson::Value *U = json::member(V, "usage")) {
    R.Tokens.Input = json::getUInt(*U, "input");
    R.Tokens.Output = json::getUInt(*U, "output");
    R.Tokens.CacheWrite = json::getUInt(*U, "cache_write");
    R.Tokens.CacheRead = json::getUInt(*U, "cache_read");
  }
  return R;
}

std::string describeRequest(const Request &R) {
  std::string Last;
  for (const Message &M : R.Messages)
    if (M.Who == Message::Role::User)
      Last = M.Text;
  StringRef S = StringRef(Last).trim();
  std::string Clipped =
      S.size() > 80 ? (S.take_front(80) + "…").str() : S.str();
  for (char &C : Clipped)
    if (C == '\n')
      C = ' ';
  return "\"" + Clipped + "\" (" + std::to_string(R.Messages.size()) +
         " message" + (R.Messages.size() == 1 ? "" : "s") + ", system " +
         std::to_string(R.fullSystem().size()) + " bytes, max_tokens " +
         std::to_string(R.MaxTokens) + ")";
}

} // namespace llm
} // namespace semcom
