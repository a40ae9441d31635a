//===- Common.cpp - errors, keys and usage shared by every provider -----===//
//
// The pieces no single provider owns: the error type's retry rule, the SHA-256
// cache and replay keys, secret redaction and the usage summary.
//
//===----------------------------------------------------------------------===//
#include "JSONUtil.h"
#include "semcom/LLM/LLMError.h"
#include "semcom/LLM/Providers.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <mbedtls/sha256.h>

using namespace llvm;

namespace semcom {
namespace llm {

char LLMError::ID = 0;

Provider::~Provider() = default;

bool LLMError::isRetryable() const {
  if (ServerSaidNoRetry)
    return false;
  switch (Kind) {
  case ErrorKind::Connect:
  case ErrorKind::Timeout:
    return true;
  case ErrorKind::Http:
    return HttpStatus == 408 || HttpStatus == 409 || HttpStatus == 429 ||
           (HttpStatus >= 500 && HttpStatus <= 599);
  default:
    return false;
  }
}

StringRef errorKindName(ErrorKind K) {
  static const char *const Names[] = {
      "config",    "resolve",   "connect", "timeout",    "http",   "malformed",
      "too_large", "truncated", "refusal", "cache_miss", "budget", "command"};
  return Names[static_cast<int>(K)];
}

std::optional<ErrorKind> errorKindOf(Error &E) {
  std::optional<ErrorKind> Kind;
  E = handleErrors(std::move(E), [&](std::unique_ptr<LLMError> P) -> Error {
    Kind = P->Kind;
    return Error(std::move(P));
  });
  return Kind;
}

StringRef stopReasonName(StopReason R) {
  switch (R) {
  case StopReason::EndTurn:
    return "end_turn";
  case StopReason::StopSequence:
    return "stop_sequence";
  case StopReason::MaxTokens:
    return "max_tokens";
  case StopReason::Refusal:
    return "refusal";
  case StopReason::Other:
    return "other";
  }
  return "other";
}

std::optional<StopReason> parseStopReasonName(StringRef Name) {
  for (StopReason R :
       {StopReason::EndTurn, StopReason::StopSequence, StopReason::MaxTokens,
        StopReason::Refusal, StopReason::Other})
    if (stopReasonName(R) == Name)
      return R;
  return std::nullopt;
}

std::string sha256Hex(StringRef Data) {
  unsigned char Digest[32];
  mbedtls_sha256_ret(reinterpret_cast<const unsigned char *>(Data.data()),
                     Data.size(), Digest,
                     /*is224=*/0);
  std::string Hex;
  raw_string_ostream OS(Hex);
  for (unsigned char C : Digest)
    OS << format_hex_no_prefix(C, 2);
  return OS.str();
}

/// The canonical JSON of everything that determines the answer, minus provider
/// and model.
static void writeContent(json::Writer &W, const Request &R) {
  W.Key("format");
  W.Uint(PromptFormatVersion);
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
  W.Key("temperature");
  if (R.Temperature)
    W.Double(*R.Temperature);
  else
    W.Null();
  W.Key("stop");
  W.StartArray();
  for (const std::string &S : R.StopSequences)
    json::str(W, S);
  W.EndArray();
}

std::string contentKey(const Request &R) {
  rapidjson::StringBuffer Buf;
  json::Writer W(Buf);
  W.StartObject();
  writeContent(W, R);
  W.EndObject();
  return sha256Hex(StringRef(Buf.GetString(), Buf.GetSize()));
}

std::string cacheKey(StringRef ProviderKind, StringRef Model,
                     const Request &R) {
  rapidjson::StringBuffer Buf;
  json::Writer W(Buf);
  W.StartObject();
  W.Key("provider");
  json::str(W, ProviderKind);
  W.Key("model");
  json::str(W, Model);
  writeContent(W, R);
  W.EndObject();
  return sha256Hex(StringRef(Buf.GetString(), Buf.GetSize()));
}

std::string redactSecrets(std::string Text,
                          const std::vector<std::string> &Secrets) {
  for (const std::string &S : Secrets) {
    // Real keys are dozens of characters; replacing every occurrence of a short
    // test key like "k" would garble the text without protecting anything.
    if (S.size() < 8)
      continue;
    size_t Pos = 0;
    while ((Pos = Text.find(S, Pos)) != std::string::npos) {
      Text.replace(Pos, S.size(), "[redacted]");
      Pos += 10;
    }
  }
  return Text;
}

void UsageStats::print(raw_ostream &OS) const {
  std::lock_guard<std::mutex> G(Lock);
  OS << "usage: " << Calls << (Calls == 1 ? " call" : " calls") << ", "
     << CacheHits << (CacheHits == 1 ? " cache hit" : " cache hits");
  if (Failures)
    OS << ", " << Failures << " failed";
  OS << "; tokens in " << Tokens.Input << ", out " << Tokens.Output
     << ", cache write " << Tokens.CacheWrite << ", cache read "
     << Tokens.CacheRead << "; estimated cost ";
  if (CostKnown)
    OS << format("$%.4f", Cost);
  else
    OS << format("$%.4f", Cost)
       << " (incomplete: a model without a price in the table)";
  OS << "\n";
}

} // namespace llm
} // namespace semcom
