//===- Http.h - one JSON POST over libcurl -------------------------------===//
//
// The only place that talks to libcurl: a blocking POST with a timeout and a size cap, returning the
// status, lower-cased headers and body, or an LLMError naming a transport failure. Retries are not
// done here (one retry layer wraps every provider).
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_LLM_HTTP_H
#define SEMCOM_LLM_HTTP_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace semcom {
namespace llm {

struct HttpResponse {
  long Status = 0;
  std::map<std::string, std::string> Headers; ///< names lower-cased; last value wins
  std::string Body;
  double Seconds = 0;
};

struct HttpOptions {
  double TimeoutSeconds = 600;
  double ConnectTimeoutSeconds = 30;
  uint64_t MaxResponseBytes = 16u << 20;
};

/// POSTs Body to URL with the given headers. Header values are never put into error messages (they
/// carry API keys).
llvm::Expected<HttpResponse>
httpPostJSON(llvm::StringRef URL, const std::vector<std::pair<std::string, std::string>> &Headers,
             llvm::StringRef Body, const HttpOptions &Opts);

/// Seconds to wait before retrying, from retry-after-ms, retry-after (seconds or HTTP date), or the
/// Anthropic (RFC 3339) and OpenAI (duration like "6m0s") rate-limit reset headers.
std::optional<double> retryDelayFromHeaders(const std::map<std::string, std::string> &Headers);

} // namespace llm
} // namespace semcom

#endif
