//===- Provider.h - one interface to every language model --------------===//
//
// Every generation and repair step is a model round trip; this is the one shape such a round trip
// has, so retries, caching, budgets and transcripts wrap it once instead of once per vendor.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_LLM_PROVIDER_H
#define SEMCOM_LLM_PROVIDER_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace semcom {
namespace llm {

struct Message {
  enum class Role { User, Assistant };
  Role Who = Role::User;
  std::string Text;
};

struct Request {
  /// The part of the system prompt that stays the same across calls; providers that support
  /// prompt caching mark it cacheable.
  std::string SystemPrefix;
  /// The part of the system prompt that varies per call (may be empty).
  std::string System;
  std::vector<Message> Messages;
  unsigned MaxTokens = 4096;
  std::optional<double> Temperature;
  std::vector<std::string> StopSequences;

  std::string fullSystem() const {
    if (System.empty())
      return SystemPrefix;
    if (SystemPrefix.empty())
      return System;
    return SystemPrefix + "\n\n" + System;
  }
};

enum class StopReason { EndTurn, StopSequence, MaxTokens, Refusal, Other };
llvm::StringRef stopReasonName(StopReason R);
std::optional<StopReason> parseStopReasonName(llvm::StringRef Name);

struct Usage {
  uint64_t Input = 0, Output = 0, CacheWrite = 0, CacheRead = 0;
  Usage &operator+=(const Usage &O) {
    Input += O.Input;
    Output += O.Output;
    CacheWrite += O.CacheWrite;
    CacheRead += O.CacheRead;
    return *this;
  }
  uint64_t total() const { return Input + Output + CacheWrite + CacheRead; }
};

struct Response {
  std::string Text;
  StopReason Stop = StopReason::EndTurn;
  std::string StopRaw; ///< the provider's own word for Stop
  Usage Tokens;
  std::string Model;
  std::string RequestId;
  double LatencySeconds = 0;
  bool FromCache = false;
  unsigned Continuations = 0;          ///< extra calls that continued a truncated answer
  std::vector<std::string> RetryHistory; ///< one line per failed attempt that was retried
};

class Provider {
public:
  virtual ~Provider();
  virtual llvm::Expected<Response> complete(const Request &R) = 0;
  /// "anthropic", "openai", "command", "replay", or a test's own name; part of the cache key.
  virtual llvm::StringRef kind() const = 0;
  virtual llvm::StringRef model() const = 0;
  /// Whether an assistant message at the end of a request is continued (Anthropic prefill), which
  /// is how a max_tokens answer is completed.
  virtual bool supportsPrefill() const { return false; }
};

} // namespace llm
} // namespace semcom

#endif
