//===- HttpProviders.cpp - Anthropic Messages and OpenAI-compatible chat -===//
//
// The two wire protocols nearly every model speaks: Anthropic's Messages API
// and OpenAI's chat completions (which Ollama, llama.cpp's server and vLLM also
// serve). Each turns a Request into one POST and the answer or error body back
// into a Response or an LLMError; retries, continuation and caching happen in
// the wrappers.
//
//===----------------------------------------------------------------------===//
#include "JSONUtil.h"
#include "semcom/LLM/LLMError.h"
#include "semcom/LLM/Providers.h"

#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace semcom {
namespace llm {

std::string anthropicRequestJSON(const Request &R, StringRef Model) {
  rapidjson::StringBuffer Buf;
  json::Writer W(Buf);
  W.StartObject();
  W.Key("model");
  json::str(W, Model);
  W.Key("max_tokens");
  W.Uint(R.MaxTokens);
  if (!R.SystemPrefix.empty() || !R.System.empty()) {
    W.Key("system");
    W.StartArray();
    if (!R.SystemPrefix.empty()) {
      W.StartObject();
      W.Key("type");
      W.String("text");
      W.Key("text");
      json::str(W, R.SystemPrefix);
      // The stable prefix is what repeats across calls; marking it lets the API
      // cache it.
      W.Key("cache_control");
      W.StartObject();
      W.Key("type");
      W.String("ephemeral");
      W.EndObject();
      W.EndObject();
    }
    if (!R.System.empty()) {
      W.StartObject();
      W.Key("type");
      W.String("text");
      W.Key("text");
      json::str(W, R.System);
      W.EndObject();
    }
    W.EndArray();
  }
  W.Key("messages");
  W.StartArray();
  json::messages(W, R.Messages, "content");
  W.EndArray();
  if (R.Temperature) {
    W.Key("temperature");
    W.Double(*R.Temperature);
  }
  json::nonEmptyStrings(W, "stop_sequences", R.StopSequences);
  W.EndObject();
  return std::string(Buf.GetString(), Buf.GetSize());
}

namespace {

std::string joinURL(StringRef Base, StringRef Path) {
  while (Base.ends_with("/"))
    Base = Base.drop_back();
  return (Base + Path).str();
}

std::string clip(StringRef S, size_t Max = 300) {
  S = S.trim();
  if (S.size() <= Max)
    return S.str();
  return (S.take_front(Max) + "…").str();
}

/// An LLMError for a non-2xx answer. Understands Anthropic's and OpenAI's
/// nested
/// {"error":{"type","message"}}, Ollama's {"error":"text"} and vLLM's flat
/// {"object":"error","message","type","code"}.
Error httpStatusError(StringRef Vendor, StringRef URL, const HttpResponse &H,
                      StringRef Key) {
  std::string Type, Msg;
  rapidjson::Document Doc;
  Doc.Parse(H.Body.data(), H.Body.size());
  if (!Doc.HasParseError() && Doc.IsObject()) {
    if (const rapidjson::Value *E = json::member(Doc, "error")) {
      if (E->IsString()) {
        Msg = E->GetString();
      } else if (E->IsObject()) {
        Type = json::getString(*E, "type").value_or("");
        Msg = json::getString(*E, "message").value_or("");
        if (Type.empty())
          Type = json::getString(*E, "code").value_or("");
      }
    } else if (auto M = json::getString(Doc, "message")) {
      Msg = *M;
      Type = json::getString(Doc, "type").value_or("");
    } else if (auto D = json::getString(Doc, "detail")) {
      Msg = *D;
    }
  }
  if (Msg.empty())
    Msg = H.Body.empty() ? "(empty body)" : clip(H.Body);
  std::string Text = (Vendor + " " + URL + " answered HTTP " + Twine(H.Status) +
                      ": " + (Type.empty() ? "" : Type + ": ") + clip(Msg))
                         .str();
  if (H.Status == 401 || H.Status == 403)
    Text += Vendor == "Anthropic" ? " (check ANTHROPIC_API_KEY)"
                                  : " (check OPENAI_API_KEY)";
  if (H.Status == 404)
    Text += " (check --base-url and --model)";
  // A server may echo the key back (say, in an authentication error); it must
  // go no further.
  Text = redactSecrets(std::move(Text), {Key.str()});
  auto E = std::make_unique<LLMError>(
      ErrorKind::Http, std::move(Text), static_cast<int>(H.Status),
      retryDelayFromHeaders(H.Headers, H.Status == 429));
  auto ShouldRetry = H.Headers.find("x-should-retry");
  E->ServerSaidNoRetry =
      ShouldRetry != H.Headers.end() && ShouldRetry->second == "false";
  return Error(std::move(E));
}

Error malformed(StringRef Vendor, StringRef URL, const Twine &Why,
                StringRef Body, StringRef Key) {
  return makeLLMError(
      ErrorKind::Malformed,
      redactSecrets((Vendor + " " + URL + " sent a malformed answer: " + Why +
                     " (body starts: " + clip(Body, 120) + ")")
                        .str(),
                    {Key.str()}));
}

std::string header(const HttpResponse &H, const char *Name) {
  auto It = H.Headers.find(Name);
  return It == H.Headers.end() ? std::string() : It->second;
}

class AnthropicProvider : public Provider {
public:
  explicit AnthropicProvider(HttpProviderOptions O) : Opts(std::move(O)) {}
  StringRef kind() const override { return "anthropic"; }
  StringRef model() const override { return Opts.Model; }
  bool supportsPrefill() const override { return true; }

  Expected<Response> complete(const Request &R) override {
    std::string URL = joinURL(Opts.BaseURL, "/v1/messages");
    std::vector<std::pair<std::string, std::string>> Headers = {
        {"anthropic-version", "2023-06-01"}};
    if (!Opts.ApiKey.empty())
      Headers.push_back({"x-api-key", Opts.ApiKey});
    Expected<HttpResponse> H = httpPostJSON(
        URL, Headers, anthropicRequestJSON(R, Opts.Model), Opts.Http);
    if (!H)
      return H.takeError();
    if (H->Status < 200 || H->Status > 299)
      return httpStatusError("Anthropic", URL, *H, Opts.ApiKey);

    rapidjson::Document Doc;
    if (Error E = json::parse(Doc, H->Body, "response from " + URL)) {
      consumeError(std::move(E));
      return malformed("Anthropic", URL, "not JSON", H->Body, Opts.ApiKey);
    }
    const rapidjson::Value *Content = json::member(Doc, "content");
    if (!Content || !Content->IsArray())
      return malformed("Anthropic", URL, "no \"content\" array", H->Body,
                       Opts.ApiKey);
    Response Out;
    for (const rapidjson::Value &Block : Content->GetArray())
      if (json::getString(Block, "type") == std::optional<std::string>("text"))
        Out.Text += json::getString(Block, "text").value_or("");
    std::string Stop = json::getString(Doc, "stop_reason").value_or("");
    Out.StopRaw = Stop;
    if (Stop == "end_turn")
      Out.Stop = StopReason::EndTurn;
    else if (Stop == "stop_sequence")
      Out.Stop = StopReason::StopSequence;
    else if (Stop == "max_tokens")
      Out.Stop = StopReason::MaxTokens;
    else if (Stop == "refusal")
      Out.Stop = StopReason::Refusal;
    else if (Stop.empty())
      return malformed("Anthropic", URL, "no \"stop_reason\"", H->Body,
                       Opts.ApiKey);
    else
      Out.Stop = StopReason::Other;
    if (const rapidjson::Value *U = json::member(Doc, "usage")) {
      Out.Tokens.Input = json::getUInt(*U, "input_tokens");
      Out.Tokens.Output = json::getUInt(*U, "output_tokens");
      Out.Tokens.CacheWrite = json::getUInt(*U, "cache_creation_input_tokens");
      Out.Tokens.CacheRead = json::getUInt(*U, "cache_read_input_tokens");
    }
    Out.Model = json::getString(Doc, "model").value_or(Opts.Model);
    Out.RequestId = header(*H, "request-id");
    if (Out.RequestId.empty())
      Out.RequestId = json::getString(Doc, "id").value_or("");
    Out.LatencySeconds = H->Seconds;
    return Out;
  }

private:
  HttpProviderOptions Opts;
};

class OpenAIProvider : public Provider {
public:
  explicit OpenAIProvider(HttpProviderOptions O) : Opts(std::move(O)) {}
  StringRef kind() const override { return "openai"; }
  StringRef model() const override { return Opts.Model; }

  Expected<Response> complete(const Request &R) override {
    std::string URL = joinURL(Opts.BaseURL, "/chat/completions");
    std::vector<std::pair<std::string, std::string>> Headers;
    if (!Opts.ApiKey.empty())
      Headers.push_back({"Authorization", "Bearer " + Opts.ApiKey});
    Expected<HttpResponse> H =
        httpPostJSON(URL, Headers, requestJSON(R), Opts.Http);
    if (!H)
      return H.takeError();
    if (H->Status < 200 || H->Status > 299)
      return httpStatusError("OpenAI-compatible server", URL, *H, Opts.ApiKey);

    rapidjson::Document Doc;
    if (Error E = json::parse(Doc, H->Body, "response from " + URL)) {
      consumeError(std::move(E));
      return malformed("OpenAI-compatible server", URL, "not JSON", H->Body,
                       Opts.ApiKey);
    }
    // Some servers answer 200 with an error object.
    if (json::member(Doc, "error") ||
        json::getString(Doc, "object") == std::string("error")) {
      HttpResponse AsError = *H;
      AsError.Status = 500;
      return httpStatusError("OpenAI-compatible server", URL, AsError,
                             Opts.ApiKey);
    }
    const rapidjson::Value *Choices = json::member(Doc, "choices");
    if (!Choices || !Choices->IsArray() || Choices->Empty())
      return malformed("OpenAI-compatible server", URL, "no \"choices\"",
                       H->Body, Opts.ApiKey);
    const rapidjson::Value &Choice = (*Choices)[0];
    const rapidjson::Value *Msg = json::member(Choice, "message");
    if (!Msg || !Msg->IsObject())
      return malformed("OpenAI-compatible server", URL,
                       "no \"message\" in the first choice", H->Body,
                       Opts.ApiKey);
    Response Out;
    Out.Text = json::getString(*Msg, "content").value_or("");
    std::string Finish = json::getString(Choice, "finish_reason").value_or("");
    Out.StopRaw = Finish;
    if (auto Refusal = json::getString(*Msg, "refusal");
        Refusal && !Refusal->empty()) {
      Out.Stop = StopReason::Refusal;
      Out.Text = *Refusal;
    } else if (Finish == "stop" || Finish == "eos" || Finish.empty()) {
      Out.Stop = StopReason::EndTurn;
    } else if (Finish == "length") {
      Out.Stop = StopReason::MaxTokens;
    } else if (Finish == "content_filter") {
      Out.Stop = StopReason::Refusal;
    } else {
      Out.Stop = StopReason::Other;
    }
    if (const rapidjson::Value *U = json::member(Doc, "usage")) {
      uint64_t Prompt = json::getUInt(*U, "prompt_tokens");
      uint64_t Cached = 0;
      if (const rapidjson::Value *D = json::member(*U, "prompt_tokens_details"))
        Cached = json::getUInt(*D, "cached_tokens");
      Out.Tokens.CacheRead = std::min(Cached, Prompt);
      Out.Tokens.Input = Prompt - Out.Tokens.CacheRead;
      Out.Tokens.Output = json::getUInt(*U, "completion_tokens");
    }
    Out.Model = json::getString(Doc, "model").value_or(Opts.Model);
    Out.RequestId = header(*H, "x-request-id");
    if (Out.RequestId.empty())
      Out.RequestId = json::getString(Doc, "id").value_or("");
    Out.LatencySeconds = H->Seconds;
    return Out;
  }

private:
  std::string requestJSON(const Request &R) const {
    rapidjson::StringBuffer Buf;
    json::Writer W(Buf);
    W.StartObject();
    W.Key("model");
    json::str(W, Opts.Model);
    W.Key("messages");
    W.StartArray();
    std::string System = R.fullSystem();
    if (!System.empty()) {
      json::message(W, "system", "content", System);
    }
    json::messages(W, R.Messages, "content");
    W.EndArray();
    // OpenAI's own API wants max_completion_tokens (its reasoning models reject
    // max_tokens); the local servers that copy the protocol know max_tokens.
    W.Key(StringRef(Opts.BaseURL).contains("api.openai.com")
              ? "max_completion_tokens"
              : "max_tokens");
    W.Uint(R.MaxTokens);
    if (R.Temperature) {
      W.Key("temperature");
      W.Double(*R.Temperature);
    }
    json::nonEmptyStrings(W, "stop", R.StopSequences);
    W.Key("stream");
    W.Bool(false);
    W.EndObject();
    return std::string(Buf.GetString(), Buf.GetSize());
  }

  HttpProviderOptions Opts;
};

} // namespace

std::unique_ptr<Provider> createAnthropicProvider(HttpProviderOptions Opts) {
  return std::make_unique<AnthropicProvider>(std::move(Opts));
}
std::unique_ptr<Provider> createOpenAIProvider(HttpProviderOptions Opts) {
  return std::make_unique<OpenAIProvider>(std::move(Opts));
}

} // namespace llm
} // namespace semcom
