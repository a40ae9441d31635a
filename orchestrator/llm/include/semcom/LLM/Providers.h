//===- Providers.h - the concrete providers and the wrappers around them -===//
//
// Anthropic Messages, OpenAI-compatible chat completions, a command on stdin/stdout, and replay of a
// recorded transcript; then the layers every provider gets exactly once: completion guard
// (max_tokens/refusal), retry, cache, budget and transcript.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_LLM_PROVIDERS_H
#define SEMCOM_LLM_PROVIDERS_H

#include "semcom/LLM/Http.h"
#include "semcom/LLM/Provider.h"

#include <functional>
#include <memory>
#include <optional>

namespace semcom {
namespace llm {

/// Bumped whenever the way a Request is turned into a prompt changes, so old cache entries miss.
constexpr unsigned PromptFormatVersion = 1;

struct HttpProviderOptions {
  std::string BaseURL; ///< Anthropic: origin without /v1; OpenAI: including /v1
  std::string Model;
  std::string ApiKey; ///< may be empty for local OpenAI-compatible servers
  HttpOptions Http;
};

std::unique_ptr<Provider> createAnthropicProvider(HttpProviderOptions Opts);
std::unique_ptr<Provider> createOpenAIProvider(HttpProviderOptions Opts);

struct CommandProviderOptions {
  std::string Command; ///< run with /bin/sh -c
  std::string Model;   ///< put into the request JSON; "command" if empty
  double TimeoutSeconds = 1000;
  uint64_t MaxOutputBytes = 16u << 20;
};
std::unique_ptr<Provider> createCommandProvider(CommandProviderOptions Opts);

/// Answers from a transcript written by an earlier run (JSON lines with "content_key" and
/// "response"); a request it has no answer for is a CacheMiss error.
llvm::Expected<std::unique_ptr<Provider>> createReplayProvider(llvm::StringRef TranscriptPath);

/// The Anthropic-shaped request JSON (also what the command provider writes on stdin).
std::string anthropicRequestJSON(const Request &R, llvm::StringRef Model);

/// SHA-256 (hex) of the prompt content and sampling parameters, without provider or model; the
/// replay key. cacheKey adds provider kind and model.
std::string contentKey(const Request &R);
std::string cacheKey(llvm::StringRef ProviderKind, llvm::StringRef Model, const Request &R);
std::string sha256Hex(llvm::StringRef Data);

//===-- wrappers ----------------------------------------------------------===//

/// Turns max_tokens into a bounded continuation (prefill, when the provider supports it) or a
/// Truncated error, and a refusal into a Refusal error: nothing incomplete is returned as complete.
std::unique_ptr<Provider> wrapCompletionGuard(std::unique_ptr<Provider> Inner,
                                              unsigned MaxContinuations);

struct RetryPolicy {
  unsigned MaxRetries = 4;
  double BaseDelaySeconds = 1.0;
  double MaxDelaySeconds = 60.0;
  double DeadlineSeconds = 900.0; ///< overall, across all attempts and waits
  /// Replaceable for tests that want to observe waits; defaults to sleeping.
  std::function<void(double)> Sleep;
};
std::unique_ptr<Provider> wrapRetry(std::unique_ptr<Provider> Inner, RetryPolicy Policy);

enum class CacheMode { ReadWrite, Offline, Off };

struct UsageStats {
  uint64_t Calls = 0; ///< answers that reached a provider (not from the cache)
  uint64_t CacheHits = 0;
  uint64_t Failures = 0;
  Usage Tokens;
  double Cost = 0;
  bool CostKnown = true; ///< false once a call was made to a model without a price
  void print(llvm::raw_ostream &OS) const;
};

std::unique_ptr<Provider> wrapCache(std::unique_ptr<Provider> Inner, std::string Dir, CacheMode Mode,
                                    std::shared_ptr<UsageStats> Stats);

struct ModelPrice {
  double InputPerMTok = 0, OutputPerMTok = 0, CacheWritePerMTok = 0, CacheReadPerMTok = 0;
  double cost(const Usage &U) const;
};
/// Parses a price table ({"models": {"name": {"input":…, "output":…, "cache_write":…,
/// "cache_read":…}}}, US dollars per million tokens); Path names the file for errors.
llvm::Expected<std::map<std::string, ModelPrice>> parsePriceTable(llvm::StringRef JSON,
                                                                  llvm::StringRef Path);
/// The table shipped in orchestrator/llm/data/prices.json.
llvm::StringRef builtinPriceTableJSON();
/// Exact name first, then the longest table name that is a prefix of Model (dated model names).
std::optional<ModelPrice> lookupPrice(const std::map<std::string, ModelPrice> &Table,
                                      llvm::StringRef Model);

struct BudgetLimits {
  std::optional<uint64_t> MaxCalls, MaxTokens;
  std::optional<double> MaxCost;
};
std::unique_ptr<Provider> wrapBudget(std::unique_ptr<Provider> Inner, BudgetLimits Limits,
                                     std::optional<ModelPrice> Price,
                                     std::shared_ptr<UsageStats> Stats);

/// Appends one JSON line per call (request, response or error, usage, request id, latency, retry
/// history) to Path. Every occurrence of each string in Secrets is replaced before writing.
llvm::Expected<std::unique_ptr<Provider>> wrapTranscript(std::unique_ptr<Provider> Inner,
                                                         std::string Path,
                                                         std::vector<std::string> Secrets);

/// Replaces every occurrence of each non-empty secret in Text by "[redacted]".
std::string redactSecrets(std::string Text, const std::vector<std::string> &Secrets);

} // namespace llm
} // namespace semcom

#endif
