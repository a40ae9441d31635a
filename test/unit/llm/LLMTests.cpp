//===- LLMTests.cpp - the model layer against semcom-mock-llm -----------===//
//
// Every HTTP test goes through real libcurl to the real mock server on
// 127.0.0.1: success on both protocols, each injected fault with its retry
// count or error, truncation, refusal, cache, offline replay, budget, the API
// key never reaching disk, the command provider and configuration.
//
//===----------------------------------------------------------------------===//
#include "MockServer.h"

#include "semcom/LLM/Config.h"
#include "semcom/LLM/LLMError.h"
#include "semcom/LLM/Providers.h"

#include <catch2/catch.hpp>
#include <rapidjson/document.h>

#include "llvm/Support/FileSystem.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <thread>

using namespace semcom;
using namespace semcom::llm;
using namespace semcom::test;
using llvm::Expected;

namespace {

const char *TestKey = "sk-ant-test-7f3a9c2e1b";

Request simpleRequest(const std::string &Prompt = "say hi") {
  Request R;
  R.SystemPrefix = "You write LLVM IR.";
  R.System = "Target: x86_64.";
  R.Messages.push_back({Message::Role::User, Prompt});
  R.MaxTokens = 100;
  return R;
}

HttpProviderOptions httpOptions(const MockServer &M, bool OpenAI) {
  HttpProviderOptions O;
  O.BaseURL = OpenAI ? M.url() + "/v1" : M.url();
  O.Model = "mock-model";
  O.ApiKey = TestKey;
  O.Http.TimeoutSeconds = 5;
  return O;
}

std::unique_ptr<Provider> provider(const MockServer &M, bool OpenAI) {
  return OpenAI ? createOpenAIProvider(httpOptions(M, OpenAI))
                : createAnthropicProvider(httpOptions(M, OpenAI));
}

/// Retries with tiny backoff; Waits receives every delay the layer chose
/// (without sleeping).
RetryPolicy fastRetry(std::vector<double> *Waits) {
  RetryPolicy P;
  P.MaxRetries = 3;
  P.BaseDelaySeconds = 0.001;
  P.MaxDelaySeconds = 0.01;
  P.DeadlineSeconds = 60;
  P.Sleep = [Waits](double S) { Waits->push_back(S); };
  return P;
}

struct Failure {
  std::optional<ErrorKind> Kind;
  std::string Message;
};
#define REQUIRE_OK(X)                                                          \
  do {                                                                         \
    auto &&Ref_ = (X);                                                         \
    if (!Ref_)                                                                 \
      FAIL(llvm::toString(Ref_.takeError()));                                  \
  } while (0)

bool failed(Expected<Response> R) {
  if (R)
    return false;
  llvm::consumeError(R.takeError());
  return true;
}

Failure failureOf(Expected<Response> R) {
  REQUIRE(!R);
  llvm::Error E = R.takeError();
  Failure F;
  F.Kind = errorKindOf(E);
  F.Message = llvm::toString(std::move(E));
  return F;
}

rapidjson::Document parse(const std::string &Line) {
  rapidjson::Document D;
  D.Parse(Line.c_str());
  REQUIRE(!D.HasParseError());
  return D;
}

} // namespace

TEST_CASE("anthropic: success over libcurl, request shape and usage",
          "[llm][anthropic]") {
  MockServer M(R"({"responses": [{"text": "define i32 @f() { ret i32 0 }",
                   "usage": {"input": 12, "output": 7, "cache_write": 30, "cache_read": 40}}]})");
  auto P = provider(M, false);
  Expected<Response> R = P->complete(simpleRequest());
  REQUIRE_OK(R);
  CHECK(R->Text == "define i32 @f() { ret i32 0 }");
  CHECK(R->Stop == StopReason::EndTurn);
  CHECK(R->Tokens.Input == 12);
  CHECK(R->Tokens.Output == 7);
  CHECK(R->Tokens.CacheWrite == 30);
  CHECK(R->Tokens.CacheRead == 40);
  CHECK(R->RequestId == "req_mock_1");
  CHECK(R->Model == "mock-model");

  auto Reqs = M.requests();
  REQUIRE(Reqs.size() == 1);
  auto D = parse(Reqs[0]);
  CHECK(std::string(D["path"].GetString()) == "/v1/messages");
  CHECK(std::string(D["headers"]["anthropic-version"].GetString()) ==
        "2023-06-01");
  CHECK(D["headers"].HasMember("x-api-key"));
  const auto &Body = D["body"];
  CHECK(Body["max_tokens"].GetInt() == 100);
  REQUIRE(Body["system"].IsArray());
  REQUIRE(Body["system"].Size() == 2);
  CHECK(std::string(Body["system"][0]["text"].GetString()) ==
        "You write LLVM IR.");
  CHECK(std::string(Body["system"][0]["cache_control"]["type"].GetString()) ==
        "ephemeral");
  CHECK(!Body["system"][1].HasMember("cache_control"));
  CHECK(std::string(Body["messages"][0]["content"].GetString()) == "say hi");
}

TEST_CASE("openai-compatible: success over libcurl, request shape and usage",
          "[llm][openai]") {
  MockServer M(
      R"({"responses": [{"text": "hello", "usage": {"input": 8, "output": 3,
                                                               "cache_read": 2}}]})");
  auto P = provider(M, true);
  Request Req = simpleRequest();
  Req.Temperature = 0.25;
  Req.StopSequences = {"END"};
  Expected<Response> R = P->complete(Req);
  REQUIRE_OK(R);
  CHECK(R->Text == "hello");
  CHECK(R->Tokens.Input == 8);
  CHECK(R->Tokens.CacheRead == 2);
  CHECK(R->Tokens.Output == 3);
  CHECK(R->RequestId == "req_mock_1");

  auto D = parse(M.requests().at(0));
  CHECK(std::string(D["path"].GetString()) == "/v1/chat/completions");
  CHECK(
      std::string(D["headers"]["authorization"].GetString()).find("redacted") !=
      std::string::npos);
  const auto &Body = D["body"];
  CHECK(std::string(Body["messages"][0]["role"].GetString()) == "system");
  CHECK(std::string(Body["messages"][0]["content"].GetString()) ==
        "You write LLVM IR.\n\nTarget: x86_64.");
  CHECK(Body["temperature"].GetDouble() == 0.25);
  CHECK(std::string(Body["stop"][0].GetString()) == "END");
  CHECK(Body["stream"].GetBool() == false);
}

TEST_CASE("retry: transient statuses are retried, then succeed",
          "[llm][retry]") {
  for (int Status : {408, 409, 429, 500, 502, 503, 529}) {
    for (bool OpenAI : {false, true}) {
      INFO("status " << Status << (OpenAI ? " openai" : " anthropic"));
      MockServer M(R"({"responses": [{"status": )" + std::to_string(Status) +
                   R"(, "times": 2}, {"text": "ok"}]})");
      std::vector<double> Waits;
      auto P = wrapRetry(provider(M, OpenAI), fastRetry(&Waits));
      Expected<Response> R = P->complete(simpleRequest());
      REQUIRE_OK(R);
      CHECK(R->Text == "ok");
      CHECK(M.requests().size() == 3);
      CHECK(Waits.size() == 2);
      CHECK(R->RetryHistory.size() == 2);
    }
  }
}

TEST_CASE("retry: client errors are never retried", "[llm][retry]") {
  for (int Status : {400, 401, 403, 404, 413}) {
    INFO("status " << Status);
    MockServer M(
        R"({"responses": [{"status": )" + std::to_string(Status) +
        R"(, "message": "nope"}, {"text": "should not be reached"}]})");
    std::vector<double> Waits;
    auto P = wrapRetry(provider(M, false), fastRetry(&Waits));
    Failure F = failureOf(P->complete(simpleRequest()));
    CHECK(F.Kind == ErrorKind::Http);
    CHECK(F.Message.find("HTTP " + std::to_string(Status)) !=
          std::string::npos);
    CHECK(F.Message.find("nope") != std::string::npos);
    CHECK(M.requests().size() == 1);
    CHECK(Waits.empty());
  }
}

TEST_CASE("retry: 401 names the key variable, never the key",
          "[llm][retry][secrets]") {
  MockServer M("{}", {"--require-key", "the-right-key"});
  std::vector<double> Waits;
  auto P = wrapRetry(provider(M, false), fastRetry(&Waits));
  Failure F = failureOf(P->complete(simpleRequest()));
  CHECK(F.Message.find("HTTP 401") != std::string::npos);
  CHECK(F.Message.find("ANTHROPIC_API_KEY") != std::string::npos);
  CHECK(F.Message.find(TestKey) == std::string::npos);
  CHECK(M.requests().size() == 1);
}

TEST_CASE("retry: gives up after the retry limit with the history",
          "[llm][retry]") {
  MockServer M(R"({"default": {"status": 503}})");
  std::vector<double> Waits;
  auto P = wrapRetry(provider(M, true), fastRetry(&Waits));
  Failure F = failureOf(P->complete(simpleRequest()));
  CHECK(F.Kind == ErrorKind::Http);
  CHECK(F.Message.find("gave up after 4 attempts") != std::string::npos);
  CHECK(M.requests().size() == 4);
  REQUIRE(Waits.size() == 3);
  // Capped exponential backoff with jitter: each wait within [cap/2, cap].
  for (double W : Waits)
    CHECK(W <= 0.01);
  CHECK(Waits[1] >= 0.001); // 2 ms base doubled, jittered down to at most half
}

TEST_CASE("retry: 429 with retry-after: 1 waits about a second",
          "[llm][retry][slow]") {
  MockServer M(
      R"({"responses": [{"status": 429, "headers": {"retry-after": "1"}},
                                 {"text": "after the wait"}]})");
  RetryPolicy Policy;
  Policy.BaseDelaySeconds = 0.001;
  Policy.MaxDelaySeconds =
      0.01; // the server's retry-after wins over the backoff cap
  auto P = wrapRetry(provider(M, false), Policy);
  auto Start = std::chrono::steady_clock::now();
  Expected<Response> R = P->complete(simpleRequest());
  double Took =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count();
  REQUIRE_OK(R);
  CHECK(R->Text == "after the wait");
  CHECK(M.requests().size() == 2);
  CHECK(Took >= 0.9);
  CHECK(Took < 20);
  REQUIRE(R->RetryHistory.size() == 1);
  CHECK(R->RetryHistory[0].find("server asked") != std::string::npos);
}

TEST_CASE("retry: retry-after-ms and rate-limit reset headers are honoured",
          "[llm][retry]") {
  MockServer M(
      R"({"responses": [{"status": 429, "headers": {"retry-after-ms": "250"}},
                                 {"status": 429, "headers": {"x-ratelimit-reset-requests": "1m2s"}},
                                 {"text": "ok"}]})");
  std::vector<double> Waits;
  RetryPolicy Policy = fastRetry(&Waits);
  Policy.DeadlineSeconds = 600;
  auto P = wrapRetry(provider(M, true), Policy);
  REQUIRE_OK(P->complete(simpleRequest()));
  REQUIRE(Waits.size() == 2);
  CHECK(Waits[0] == Approx(0.25));
  CHECK(Waits[1] == Approx(62));
}

TEST_CASE("retry: a wait past the overall deadline fails at once",
          "[llm][retry]") {
  MockServer M(
      R"({"responses": [{"status": 529, "headers": {"retry-after": "100"}},
                                 {"text": "too late"}]})");
  std::vector<double> Waits;
  RetryPolicy Policy = fastRetry(&Waits);
  Policy.DeadlineSeconds = 5;
  auto P = wrapRetry(provider(M, false), Policy);
  Failure F = failureOf(P->complete(simpleRequest()));
  CHECK(F.Message.find("overall deadline") != std::string::npos);
  CHECK(Waits.empty());
  CHECK(M.requests().size() == 1);
}

TEST_CASE("retry: connection reset mid-body is retried", "[llm][retry]") {
  MockServer M(
      R"({"responses": [{"text": "first", "reset_after": 20}, {"text": "second"}]})");
  std::vector<double> Waits;
  auto P = wrapRetry(provider(M, false), fastRetry(&Waits));
  Expected<Response> R = P->complete(simpleRequest());
  REQUIRE_OK(R);
  CHECK(R->Text == "second");
  CHECK(M.requests().size() == 2);
  REQUIRE(R->RetryHistory.size() == 1);
  CHECK(R->RetryHistory[0].find("connect") != std::string::npos);
}

TEST_CASE("retry: an answer slower than the timeout is retried",
          "[llm][retry]") {
  MockServer M(
      R"({"responses": [{"text": "slow", "delay_ms": 1500}, {"text": "fast"}]})");
  std::vector<double> Waits;
  HttpProviderOptions O = httpOptions(M, true);
  O.Http.TimeoutSeconds = 0.3;
  auto P = wrapRetry(createOpenAIProvider(O), fastRetry(&Waits));
  Expected<Response> R = P->complete(simpleRequest());
  REQUIRE_OK(R);
  CHECK(R->Text == "fast");
  REQUIRE(R->RetryHistory.size() == 1);
  CHECK(R->RetryHistory[0].find("timeout") != std::string::npos);
}

TEST_CASE("malformed JSON is a clear error and not retried", "[llm][errors]") {
  for (bool OpenAI : {false, true}) {
    MockServer M(
        R"({"responses": [{"malformed": true}, {"text": "unreached"}]})");
    std::vector<double> Waits;
    auto P = wrapRetry(provider(M, OpenAI), fastRetry(&Waits));
    Failure F = failureOf(P->complete(simpleRequest()));
    CHECK(F.Kind == ErrorKind::Malformed);
    CHECK(F.Message.find("malformed answer") != std::string::npos);
    CHECK(M.requests().size() == 1);
  }
}

TEST_CASE("error bodies: nested, vLLM flat and Ollama string shapes",
          "[llm][errors]") {
  MockServer M(R"({"responses": [
      {"status": 400, "error_shape": "nested", "error_type": "invalid_request_error",
       "message": "nested says no"},
      {"status": 400, "error_shape": "flat", "error_type": "BadRequestError",
       "message": "flat says no"},
      {"status": 404, "error_shape": "string", "message": "model 'x' not found"}]})");
  auto P = provider(M, true);
  Failure A = failureOf(P->complete(simpleRequest()));
  CHECK(A.Message.find("invalid_request_error: nested says no") !=
        std::string::npos);
  Failure B = failureOf(P->complete(simpleRequest()));
  CHECK(B.Message.find("BadRequestError: flat says no") != std::string::npos);
  Failure C = failureOf(P->complete(simpleRequest()));
  CHECK(C.Message.find("model 'x' not found") != std::string::npos);
  CHECK(C.Message.find("check --base-url and --model") != std::string::npos);
}

TEST_CASE("truncation: anthropic continues by prefill, bounded",
          "[llm][truncation]") {
  MockServer M(
      R"({"responses": [{"text": "define i32 @f() {\n", "truncate": true},
                                 {"text": "  ret i32 0\n}"}]})");
  auto P = wrapCompletionGuard(provider(M, false), 2);
  Expected<Response> R = P->complete(simpleRequest());
  REQUIRE_OK(R);
  CHECK(R->Text == "define i32 @f() {  ret i32 0\n}");
  CHECK(R->Continuations == 1);
  CHECK(R->Tokens.Output == 10);
  auto Reqs = M.requests();
  REQUIRE(Reqs.size() == 2);
  auto D = parse(Reqs[1]);
  const auto &Msgs = D["body"]["messages"];
  REQUIRE(Msgs.Size() == 2);
  CHECK(std::string(Msgs[1]["role"].GetString()) == "assistant");
  CHECK(std::string(Msgs[1]["content"].GetString()) == "define i32 @f() {");
}

TEST_CASE("truncation: never returned as complete", "[llm][truncation]") {
  SECTION("anthropic, still truncated after the continuations") {
    MockServer M(R"({"default": {"text": "more ", "truncate": true}})");
    auto P = wrapCompletionGuard(provider(M, false), 2);
    Failure F = failureOf(P->complete(simpleRequest()));
    CHECK(F.Kind == ErrorKind::Truncated);
    CHECK(F.Message.find("max_tokens") != std::string::npos);
    CHECK(M.requests().size() == 3);
  }
  SECTION("openai-compatible finish_reason length") {
    MockServer M(R"({"responses": [{"text": "partial", "truncate": true}]})");
    auto P = wrapCompletionGuard(provider(M, true), 2);
    Failure F = failureOf(P->complete(simpleRequest()));
    CHECK(F.Kind == ErrorKind::Truncated);
    CHECK(F.Message.find("length") != std::string::npos);
    CHECK(F.Message.find("--max-output-tokens") != std::string::npos);
    CHECK(M.requests().size() == 1);
  }
}

TEST_CASE("refusal is surfaced as its own error", "[llm][refusal]") {
  for (bool OpenAI : {false, true}) {
    MockServer M(
        R"({"responses": [{"text": "I can't help with that.", "refusal": true}]})");
    auto P = wrapCompletionGuard(provider(M, OpenAI), 2);
    Failure F = failureOf(P->complete(simpleRequest()));
    CHECK(F.Kind == ErrorKind::Refusal);
    CHECK(F.Message.find("refused") != std::string::npos);
  }
}

namespace {
/// A whole session (all wrappers) against M, configured like a user would.
Expected<LLMSession> sessionFor(const MockServer &M, const TempDir &Work,
                                std::vector<std::string> Args,
                                bool OpenAI = false) {
  std::map<std::string, std::string> Env = {
      {"SEMCOM_PROVIDER", OpenAI ? "openai" : "anthropic"},
      {"SEMCOM_MODEL", "mock-model"},
      {OpenAI ? "OPENAI_BASE_URL" : "ANTHROPIC_BASE_URL",
       OpenAI ? M.url() + "/v1" : M.url()},
      {OpenAI ? "OPENAI_API_KEY" : "ANTHROPIC_API_KEY", TestKey},
      {"SEMCOM_CACHE_DIR", Work.file("cache")},
      {"SEMCOM_RETRY_BASE_MS", "1"},
      {"SEMCOM_CONFIG", Work.file("no-config.json")}};
  LLMFlags Flags;
  Args.push_back("--llm-timeout=5");
  if (llvm::Error E = consumeLLMFlags(Args, Flags))
    return E;
  REQUIRE(Args.empty());
  writeFile(Work.file("no-config.json"), "{}");
  auto C = resolveLLMConfig(
      Flags, [&](llvm::StringRef N) -> std::optional<std::string> {
        auto It = Env.find(N.str());
        return It == Env.end() ? std::nullopt
                               : std::optional<std::string>(It->second);
      });
  if (!C)
    return C.takeError();
  return createLLMSession(std::move(*C));
}
} // namespace

TEST_CASE("cache: a hit makes no request and an offline miss names the request",
          "[llm][cache]") {
  MockServer M(R"({"default": {"echo": true}})");
  TempDir Work;
  auto S = sessionFor(M, Work, {});
  REQUIRE_OK(S);
  Expected<Response> First = S->provider().complete(simpleRequest("cache me"));
  REQUIRE_OK(First);
  CHECK(!First->FromCache);
  Expected<Response> Second = S->provider().complete(simpleRequest("cache me"));
  REQUIRE_OK(Second);
  CHECK(Second->FromCache);
  CHECK(Second->Text == "echo: cache me");
  CHECK(M.requests().size() == 1);
  CHECK(S->Stats->Calls == 1);
  CHECK(S->Stats->CacheHits == 1);

  auto Offline = sessionFor(M, Work, {"--offline"});
  REQUIRE_OK(Offline);
  Expected<Response> Hit =
      Offline->provider().complete(simpleRequest("cache me"));
  REQUIRE_OK(Hit);
  CHECK(Hit->FromCache);
  Failure F = failureOf(
      Offline->provider().complete(simpleRequest("never asked before")));
  CHECK(F.Kind == ErrorKind::CacheMiss);
  CHECK(F.Message.find("offline") != std::string::npos);
  CHECK(F.Message.find("never asked before") != std::string::npos);
  CHECK(F.Message.find("mock-model") != std::string::npos);
  CHECK(M.requests().size() == 1);

  // --no-cache asks again and writes nothing.
  auto NoCache = sessionFor(M, Work, {"--no-cache"});
  REQUIRE_OK(NoCache);
  REQUIRE_OK(NoCache->provider().complete(simpleRequest("cache me")));
  CHECK(M.requests().size() == 2);
}

TEST_CASE("cache: failures leave nothing in the cache",
          "[llm][cache][errors]") {
  MockServer M(R"({"responses": [{"status": 401}, {"malformed": true},
                                 {"text": "x", "truncate": true}, {"body_bytes": 52428800}]})");
  TempDir Work;
  auto S = sessionFor(M, Work, {"--max-continuations", "0"});
  REQUIRE_OK(S);
  for (int I = 0; I < 3; ++I)
    CHECK(
        failed(S->provider().complete(simpleRequest("q" + std::to_string(I)))));
  Failure Big = failureOf(S->provider().complete(simpleRequest("big")));
  CHECK(Big.Kind == ErrorKind::TooLarge);
  CHECK(Big.Message.find("larger than 16 MiB") != std::string::npos);
  CHECK(filesUnder(Work.file("cache")).empty());
}

TEST_CASE("budget: stops cleanly and says what was spent", "[llm][budget]") {
  MockServer M(
      R"({"default": {"echo": true, "usage": {"input": 1000, "output": 500}}})");
  TempDir Work;
  SECTION("--max-calls") {
    auto S = sessionFor(M, Work, {"--max-calls", "2"});
    REQUIRE_OK(S);
    REQUIRE_OK(S->provider().complete(simpleRequest("a")));
    REQUIRE_OK(S->provider().complete(simpleRequest("b")));
    REQUIRE_OK(S->provider().complete(
        simpleRequest("a"))); // a cache hit costs nothing
    Failure F = failureOf(S->provider().complete(simpleRequest("c")));
    CHECK(F.Kind == ErrorKind::Budget);
    CHECK(F.Message.find("--max-calls 2") != std::string::npos);
    CHECK(F.Message.find("spent 2 call(s), 3000 tokens") != std::string::npos);
    CHECK(M.requests().size() == 2);
  }
  SECTION("--max-cost with a price table") {
    writeFile(Work.file("prices.json"),
              R"({"models": {"mock-model": {"input": 1000, "output": 2000}}})");
    auto S = sessionFor(
        M, Work,
        {"--max-cost", "1.5", "--price-table", Work.file("prices.json")});
    REQUIRE_OK(S);
    REQUIRE_OK(S->provider().complete(simpleRequest("a"))); // $1 + $1 = $2
    Failure F = failureOf(S->provider().complete(simpleRequest("b")));
    CHECK(F.Kind == ErrorKind::Budget);
    CHECK(F.Message.find("$2.0000") != std::string::npos);
    CHECK(S->Stats->Cost == Approx(2.0));
  }
  SECTION("--max-cost without a price is refused up front") {
    auto S = sessionFor(M, Work, {"--max-cost", "1"});
    REQUIRE(!S);
    CHECK(llvm::toString(S.takeError())
              .find("needs a price for model 'mock-model'") !=
          std::string::npos);
  }
}

TEST_CASE("the API key never lands on disk or in an error", "[llm][secrets]") {
  // The server echoes the key back in an error body, the worst case for a leak.
  MockServer M(std::string(R"({"responses": [{"text": "fine"},
      {"status": 400, "message": "bad key )") +
               TestKey + R"(", "times": 1},
      {"status": 500, "message": ")" +
               TestKey + R"(", "times": 9}]})");
  TempDir Work;
  auto S =
      sessionFor(M, Work, {"--transcript", Work.file("run/transcript.jsonl")});
  REQUIRE_OK(S);
  REQUIRE_OK(S->provider().complete(simpleRequest("one")));
  Failure F1 = failureOf(S->provider().complete(simpleRequest("two")));
  Failure F2 = failureOf(S->provider().complete(simpleRequest("three")));
  CHECK(F1.Message.find(TestKey) == std::string::npos);
  CHECK(F1.Message.find("[redacted]") != std::string::npos);
  CHECK(F2.Message.find(TestKey) == std::string::npos);

  std::vector<std::string> Files = filesUnder(Work.path());
  std::vector<std::string> MockFiles = filesUnder(M.dir().path());
  Files.insert(Files.end(), MockFiles.begin(), MockFiles.end());
  CHECK(Files.size() >=
        4); // cache entry, transcript, recorded requests, script
  for (const std::string &File : Files) {
    if (File == M.dir().file("script.json"))
      continue; // the test wrote the key there itself
    INFO(File);
    CHECK(readFile(File).find(TestKey) == std::string::npos);
  }
  std::string Transcript = readFile(Work.file("run/transcript.jsonl"));
  CHECK(std::count(Transcript.begin(), Transcript.end(), '\n') == 3);
  CHECK(Transcript.find("\"request_id\":\"req_mock_1\"") != std::string::npos);
  CHECK(Transcript.find("\"error_kind\":\"http\"") != std::string::npos);
}

TEST_CASE("replay: answers from an earlier transcript, misses are errors",
          "[llm][replay]") {
  MockServer M(R"({"default": {"echo": true}})");
  TempDir Work;
  auto S =
      sessionFor(M, Work, {"--transcript", Work.file("t.jsonl"), "--no-cache"});
  REQUIRE_OK(S);
  REQUIRE_OK(S->provider().complete(simpleRequest("recorded")));
  auto Replay = createReplayProvider(Work.file("t.jsonl"));
  REQUIRE_OK(Replay);
  Expected<Response> R = (*Replay)->complete(simpleRequest("recorded"));
  REQUIRE_OK(R);
  CHECK(R->Text == "echo: recorded");
  CHECK(R->FromCache); // labelled as a replay, never as a fresh answer
  Failure F = failureOf((*Replay)->complete(simpleRequest("not recorded")));
  CHECK(F.Kind == ErrorKind::CacheMiss);
  CHECK(F.Message.find("not recorded") != std::string::npos);
}

TEST_CASE("bad input: unresolvable host, unknown provider, garbage config",
          "[llm][config]") {
  TempDir Work;
  auto EnvOf = [](std::map<std::string, std::string> Env) {
    return [Env](llvm::StringRef N) -> std::optional<std::string> {
      auto It = Env.find(N.str());
      return It == Env.end() ? std::nullopt
                             : std::optional<std::string>(It->second);
    };
  };
  std::string NoConfig = Work.file("empty.json");
  writeFile(NoConfig, "{}");

  SECTION("a host that does not resolve fails once, clearly") {
    HttpProviderOptions O;
    O.BaseURL = "http://no-such-host.invalid";
    O.Model = "m";
    std::vector<double> Waits;
    auto P = wrapRetry(createAnthropicProvider(O), fastRetry(&Waits));
    Failure F = failureOf(P->complete(simpleRequest()));
    CHECK(F.Kind == ErrorKind::Resolve);
    CHECK(F.Message.find("no-such-host.invalid") != std::string::npos);
    CHECK(F.Message.find("--base-url") != std::string::npos);
    CHECK(Waits.empty());
  }
  SECTION("nothing configured explains every provider") {
    LLMFlags Flags;
    Flags.ConfigFile = std::nullopt;
    auto C = resolveLLMConfig(Flags, EnvOf({{"SEMCOM_CONFIG", NoConfig}}));
    REQUIRE(!C);
    std::string Msg = llvm::toString(C.takeError());
    for (const char *Needle :
         {"ANTHROPIC_API_KEY", "--provider openai", "OPENAI_BASE_URL",
          "--llm-command", "--provider replay", ".semcom/config.json"})
      CHECK(Msg.find(Needle) != std::string::npos);
  }
  SECTION("unknown provider") {
    std::vector<std::string> Args = {"--provider", "gemini"};
    LLMFlags Flags;
    REQUIRE(!consumeLLMFlags(Args, Flags));
    auto C = resolveLLMConfig(Flags, EnvOf({{"SEMCOM_CONFIG", NoConfig}}));
    REQUIRE(!C);
    CHECK(llvm::toString(C.takeError()).find("unknown provider 'gemini'") !=
          std::string::npos);
  }
  SECTION("garbage config file gives file:line:col") {
    writeFile(Work.file("bad.json"),
              "{\n  \"provider\": \"openai\",\n  oops\n}\n");
    auto C = resolveLLMConfig(
        LLMFlags(), EnvOf({{"SEMCOM_CONFIG", Work.file("bad.json")}}));
    REQUIRE(!C);
    CHECK(llvm::toString(C.takeError()).find("bad.json:3:3: invalid JSON") !=
          std::string::npos);
  }
  SECTION("unknown keys and keys in files are refused") {
    writeFile(Work.file("c.json"), R"({"provider": "openai", "api_key": "x"})");
    auto C = resolveLLMConfig(LLMFlags(),
                              EnvOf({{"SEMCOM_CONFIG", Work.file("c.json")}}));
    REQUIRE(!C);
    CHECK(llvm::toString(C.takeError()).find("never read from files") !=
          std::string::npos);
    writeFile(Work.file("d.json"), R"({"provider": "openai", "modle": "x"})");
    C = resolveLLMConfig(LLMFlags(),
                         EnvOf({{"SEMCOM_CONFIG", Work.file("d.json")}}));
    REQUIRE(!C);
    CHECK(llvm::toString(C.takeError()).find("unknown key \"modle\"") !=
          std::string::npos);
  }
  SECTION("flags beat environment beat config file") {
    writeFile(
        Work.file("cfg.json"),
        R"({"provider": "openai", "model": "file-model", "base_url": "http://file/v1",
                  "max_calls": 7})");
    auto Env = EnvOf({{"SEMCOM_CONFIG", Work.file("cfg.json")},
                      {"SEMCOM_MODEL", "env-model"}});
    std::vector<std::string> Args = {"ask", "--base-url=http://flag/v1",
                                     "hello", "--offline"};
    LLMFlags Flags;
    REQUIRE(!consumeLLMFlags(Args, Flags));
    CHECK(Args == std::vector<std::string>{"ask", "hello"});
    auto C = resolveLLMConfig(Flags, Env);
    REQUIRE_OK(C);
    CHECK(C->Provider == "openai");
    CHECK(C->Model == "env-model");
    CHECK(C->BaseURL == "http://flag/v1");
    CHECK(C->Budget.MaxCalls == 7u);
    CHECK(C->Cache == CacheMode::Offline);
  }
  SECTION("flag values are checked") {
    std::vector<std::string> Args = {"--max-calls", "many"};
    LLMFlags Flags;
    llvm::Error E = consumeLLMFlags(Args, Flags);
    REQUIRE(static_cast<bool>(E));
    CHECK(
        llvm::toString(std::move(E)).find("--max-calls needs a whole number") !=
        std::string::npos);
  }
}

TEST_CASE("command provider: JSON on stdin, answer on stdout",
          "[llm][command]") {
  TempDir Work;
  std::string Script = Work.file("model.sh");
  writeFile(Script, "#!/bin/sh\ncat > \"$(dirname \"$0\")/stdin.json\"\n"
                    "echo 'define void @f() {'\necho '  ret void'\necho '}'\n");
  CommandProviderOptions O;
  O.Command = "sh " + Script;
  O.TimeoutSeconds = 10;
  auto P = createCommandProvider(O);
  Expected<Response> R = P->complete(simpleRequest("write f"));
  REQUIRE_OK(R);
  CHECK(R->Text == "define void @f() {\n  ret void\n}\n");
  auto D = parse(readFile(Work.file("stdin.json")));
  CHECK(std::string(D["messages"][0]["content"].GetString()) == "write f");
  CHECK(std::string(D["system"][0]["text"].GetString()) ==
        "You write LLVM IR.");
  CHECK(D["max_tokens"].GetInt() == 100);

  SECTION("non-zero exit is an error carrying stderr") {
    O.Command = "echo 'model unavailable' >&2; exit 3";
    Failure F = failureOf(createCommandProvider(O)->complete(simpleRequest()));
    CHECK(F.Kind == ErrorKind::Command);
    CHECK(F.Message.find("exited with status 3") != std::string::npos);
    CHECK(F.Message.find("model unavailable") != std::string::npos);
  }
  SECTION("a command that hangs is killed at the timeout") {
    O.Command = "sleep 30";
    O.TimeoutSeconds = 0.5;
    auto Start = std::chrono::steady_clock::now();
    Failure F = failureOf(createCommandProvider(O)->complete(simpleRequest()));
    CHECK(F.Message.find("did not finish within") != std::string::npos);
    CHECK(std::chrono::steady_clock::now() - Start < std::chrono::seconds(10));
  }
  SECTION(
      "no output is an error, and a command that ignores stdin still works") {
    O.Command = "true";
    Failure F = failureOf(createCommandProvider(O)->complete(simpleRequest()));
    CHECK(F.Message.find("printed no answer") != std::string::npos);
    O.Command = "echo fine";
    Request Big = simpleRequest(std::string(1 << 20, 'x'));
    Expected<Response> R2 = createCommandProvider(O)->complete(Big);
    REQUIRE_OK(R2);
    CHECK(R2->Text == "fine\n");
  }
}

TEST_CASE("command provider works with tools/spool-model.sh",
          "[llm][command]") {
  // The stand-in for a real model on this project's machines; elsewhere there
  // is nothing to test.
  const char *Spool = "/work/shared/tools/spool-model.sh";
  if (!llvm::sys::fs::exists(Spool)) {
    WARN("spool-model.sh is not on this machine");
    return;
  }
  TempDir Work;
  std::string Dir = Work.file("spool");
  llvm::sys::fs::create_directories(Dir);
  writeFile(Dir + "/resp-1.txt",
            "answered by the spool\n"); // the answer is ready at once
  CommandProviderOptions O;
  O.Command = "SPOOL='" + Dir + "' SPOOL_WAIT_S=5 " + Spool;
  O.TimeoutSeconds = 20;
  Expected<Response> R =
      createCommandProvider(O)->complete(simpleRequest("via spool"));
  REQUIRE_OK(R);
  CHECK(R->Text == "answered by the spool\n");
  auto D = parse(readFile(Dir + "/req-1.json"));
  CHECK(std::string(D["messages"][0]["content"].GetString()) == "via spool");
}

TEST_CASE("retry delays from headers", "[llm][retry]") {
  using H = std::map<std::string, std::string>;
  CHECK(retryDelayFromHeaders(H{{"retry-after", "3"}}) == 3.0);
  CHECK(retryDelayFromHeaders(
            H{{"retry-after-ms", "1500"}, {"retry-after", "9"}}) == 1.5);
  CHECK(retryDelayFromHeaders(H{{"x-ratelimit-reset-tokens", "6m0s"}}) ==
        360.0);
  CHECK(retryDelayFromHeaders(H{{"x-ratelimit-reset-requests", "20ms"}}) ==
        Approx(0.02));
  CHECK(!retryDelayFromHeaders(H{{"x-ratelimit-reset-requests", "soon"}}));
  // A reset time in the past means "now".
  CHECK(retryDelayFromHeaders(H{{"anthropic-ratelimit-requests-reset",
                                 "2001-01-01T00:00:00Z"}}) == 0.0);
  std::optional<double> Future = retryDelayFromHeaders(
      H{{"anthropic-ratelimit-tokens-reset", "2999-01-01T00:00:00Z"}});
  REQUIRE(Future);
  CHECK(*Future > 1e9);
  // Rate-limit headers ride on every answer; only a 429 makes them a reason to
  // wait.
  CHECK(!retryDelayFromHeaders(
      H{{"anthropic-ratelimit-tokens-reset", "2999-01-01T00:00:00Z"}},
      /*RateLimited=*/false));
  CHECK(retryDelayFromHeaders(H{{"retry-after", "2"}}, /*RateLimited=*/false) ==
        2.0);
}

TEST_CASE("retry: a 503 carrying rate-limit headers still backs off briefly",
          "[llm][retry]") {
  MockServer M(R"({"responses": [{"status": 503, "headers":
                     {"anthropic-ratelimit-requests-reset": "2999-01-01T00:00:00Z"}},
                                 {"text": "ok"}]})");
  std::vector<double> Waits;
  auto P = wrapRetry(provider(M, false), fastRetry(&Waits));
  REQUIRE_OK(P->complete(simpleRequest()));
  REQUIRE(Waits.size() == 1);
  CHECK(Waits[0] <= 0.01);
}

TEST_CASE("retry: x-should-retry: false is obeyed", "[llm][retry]") {
  MockServer M(
      R"({"responses": [{"status": 500, "headers": {"x-should-retry": "false"}},
                                 {"text": "unreached"}]})");
  std::vector<double> Waits;
  auto P = wrapRetry(provider(M, false), fastRetry(&Waits));
  Failure F = failureOf(P->complete(simpleRequest()));
  CHECK(F.Message.find("HTTP 500") != std::string::npos);
  CHECK(M.requests().size() == 1);
}

TEST_CASE("one session serves several threads", "[llm][threads]") {
  MockServer M(R"({"default": {"echo": true, "delay_ms": 50}})");
  TempDir Work;
  auto S = sessionFor(M, Work, {"--transcript", Work.file("t.jsonl")});
  REQUIRE_OK(S);
  std::vector<std::thread> Threads;
  std::vector<std::string> Answers(8);
  for (int I = 0; I < 8; ++I)
    Threads.emplace_back([&, I] {
      Expected<Response> R =
          S->provider().complete(simpleRequest("t" + std::to_string(I)));
      Answers[I] = R ? R->Text : llvm::toString(R.takeError());
    });
  for (std::thread &T : Threads)
    T.join();
  for (int I = 0; I < 8; ++I)
    CHECK(Answers[I] == "echo: t" + std::to_string(I));
  CHECK(S->Stats->Calls == 8);
  std::string Transcript = readFile(Work.file("t.jsonl"));
  CHECK(std::count(Transcript.begin(), Transcript.end(), '\n') == 8);
}
