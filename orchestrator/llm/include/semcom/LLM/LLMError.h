//===- LLMError.h - what went wrong talking to a model ------------------===//
//
// One error type for every provider so the retry layer can decide from the kind and HTTP status
// alone, and callers can tell a refusal or a budget stop from a broken connection.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_LLM_LLMERROR_H
#define SEMCOM_LLM_LLMERROR_H

#include "llvm/Support/Error.h"

#include <optional>
#include <string>

namespace semcom {
namespace llm {

enum class ErrorKind {
  Config,    ///< nothing or something invalid configured
  Resolve,   ///< the base URL's host does not resolve
  Connect,   ///< connection refused or reset, partial body
  Timeout,   ///< the request or command took longer than allowed
  Http,      ///< the server answered with an error status
  Malformed, ///< the answer is not the JSON the protocol promises
  TooLarge,  ///< the answer exceeds the size limit
  Truncated, ///< the answer stopped at max_tokens and could not be completed
  Refusal,   ///< the model declined to answer
  CacheMiss, ///< offline mode and nothing recorded for this request
  Budget,    ///< a --max-calls/--max-tokens/--max-cost limit was reached
  Command,   ///< the command provider's command failed
};

class LLMError : public llvm::ErrorInfo<LLMError> {
public:
  static char ID;
  LLMError(ErrorKind Kind, std::string Message, int HttpStatus = 0,
           std::optional<double> RetryAfterSeconds = std::nullopt)
      : Kind(Kind), Message(std::move(Message)), HttpStatus(HttpStatus),
        RetryAfterSeconds(RetryAfterSeconds) {}

  void log(llvm::raw_ostream &OS) const override { OS << Message; }
  std::error_code convertToErrorCode() const override { return llvm::inconvertibleErrorCode(); }

  /// Connection errors, timeouts, 408, 409, 429, 5xx and 529; nothing else.
  bool isRetryable() const;

  ErrorKind Kind;
  std::string Message;
  int HttpStatus;
  std::optional<double> RetryAfterSeconds; ///< from retry-after or rate-limit reset headers
};

inline llvm::Error makeLLMError(ErrorKind Kind, const llvm::Twine &Message, int HttpStatus = 0,
                                std::optional<double> RetryAfter = std::nullopt) {
  return llvm::make_error<LLMError>(Kind, Message.str(), HttpStatus, RetryAfter);
}

llvm::StringRef errorKindName(ErrorKind K);

/// The kind of an LLMError inside E, or nullopt for any other error; E is left as it was.
std::optional<ErrorKind> errorKindOf(llvm::Error &E);

} // namespace llm
} // namespace semcom

#endif
