//===- Config.h - which model, how, and within what limits --------------===//
//
// Flags > environment > .semcom/config.json, resolved once into an LLMConfig from which the full
// provider stack is built. Every subcommand that asks a model consumes the same flags with
// consumeLLMFlags, so they behave alike.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_LLM_CONFIG_H
#define SEMCOM_LLM_CONFIG_H

#include "semcom/LLM/Providers.h"

#include "llvm/Support/raw_ostream.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace semcom {
namespace llm {

/// What the user said on the command line; unset fields fall through to env and config file.
struct LLMFlags {
  std::optional<std::string> Provider, Model, BaseURL, Command, ReplayFile, CacheDir, Transcript,
      PriceTable, ConfigFile;
  std::optional<uint64_t> MaxCalls, MaxTokens;
  std::optional<double> MaxCost, TimeoutSeconds, RetryBaseSeconds, DeadlineSeconds;
  std::optional<unsigned> Retries, MaxContinuations;
  bool Offline = false, NoCache = false;
};

/// Removes the LLM flags it recognises from Args (both "--flag value" and "--flag=value") and
/// records them in Flags; leaves everything else in order. A recognised flag with a missing or
/// malformed value is an error.
llvm::Error consumeLLMFlags(std::vector<std::string> &Args, LLMFlags &Flags);

/// Help text for the flags consumeLLMFlags understands, for subcommands' --help.
llvm::StringRef llmFlagsHelp();

using GetEnvFn = std::function<std::optional<std::string>(llvm::StringRef)>;
/// The process environment (empty values count as unset).
std::optional<std::string> processEnv(llvm::StringRef Name);

struct LLMConfig {
  std::string Provider; ///< anthropic | openai | command | replay
  std::string Model;
  std::string BaseURL;
  std::string Command;
  std::string ReplayFile;
  std::string ApiKey; ///< from the environment only, never from a file or flag
  std::string CacheDir;
  CacheMode Cache = CacheMode::ReadWrite;
  std::string TranscriptPath; ///< empty: no transcript
  BudgetLimits Budget;
  std::optional<ModelPrice> Price;
  double TimeoutSeconds = 600;
  RetryPolicy Retry;
  unsigned MaxContinuations = 2;
  uint64_t MaxResponseBytes = 16u << 20;
};

/// Resolves Flags against the environment and the config file (Flags.ConfigFile, else
/// SEMCOM_CONFIG, else .semcom/config.json in the current directory, which may be absent).
llvm::Expected<LLMConfig> resolveLLMConfig(const LLMFlags &Flags, const GetEnvFn &GetEnv = processEnv);

/// A provider with every wrapper applied, and the usage it accumulates.
struct LLMSession {
  std::unique_ptr<Provider> Stack;
  std::shared_ptr<UsageStats> Stats;
  LLMConfig Config;
  Provider &provider() { return *Stack; }
};
llvm::Expected<LLMSession> createLLMSession(LLMConfig Config);

} // namespace llm
} // namespace semcom

#endif
