//===- Http.cpp - one JSON POST over libcurl -----------------------------===//
//
// Blocking POST with a size cap; libcurl makes no retries of its own (the easy interface never
// does), so the retry wrapper is the only retry layer. Transport failures become LLMErrors whose
// kind tells the retry wrapper whether trying again can help.
//
//===----------------------------------------------------------------------===//
#include "semcom/LLM/Http.h"
#include "semcom/LLM/LLMError.h"

#include "llvm/ADT/StringExtras.h"

#include <curl/curl.h>

#include <chrono>
#include <cmath>
#include <ctime>
#include <mutex>

using namespace llvm;

namespace semcom {
namespace llm {

namespace {

struct Transfer {
  std::string Body;
  std::map<std::string, std::string> Headers;
  uint64_t MaxBytes;
  bool Overflowed = false;
};

size_t onBody(char *Data, size_t Size, size_t N, void *User) {
  auto *T = static_cast<Transfer *>(User);
  size_t Bytes = Size * N;
  if (T->Body.size() + Bytes > T->MaxBytes) {
    T->Overflowed = true;
    return 0; // makes libcurl stop with CURLE_WRITE_ERROR
  }
  T->Body.append(Data, Bytes);
  return Bytes;
}

size_t onHeader(char *Data, size_t Size, size_t N, void *User) {
  auto *T = static_cast<Transfer *>(User);
  StringRef Line(Data, Size * N);
  if (Line.starts_with("HTTP/"))
    T->Headers.clear(); // a new response (after 100 Continue or a redirect)
  auto [Name, Value] = Line.split(':');
  if (!Value.empty() || Line.contains(':'))
    T->Headers[Name.trim().lower()] = Value.trim().str();
  return Size * N;
}

struct CurlHandle {
  CURL *H = curl_easy_init();
  curl_slist *List = nullptr;
  ~CurlHandle() {
    curl_slist_free_all(List);
    if (H)
      curl_easy_cleanup(H);
  }
};

ErrorKind kindOfCurlCode(CURLcode C) {
  switch (C) {
  case CURLE_COULDNT_RESOLVE_HOST:
  case CURLE_COULDNT_RESOLVE_PROXY:
    return ErrorKind::Resolve;
  case CURLE_OPERATION_TIMEDOUT:
    return ErrorKind::Timeout;
  case CURLE_URL_MALFORMAT:
  case CURLE_UNSUPPORTED_PROTOCOL:
  case CURLE_PEER_FAILED_VERIFICATION:
  case CURLE_SSL_CACERT_BADFILE:
  case CURLE_SSL_CERTPROBLEM:
    return ErrorKind::Config;
  default:
    return ErrorKind::Connect;
  }
}

} // namespace

Expected<HttpResponse> httpPostJSON(StringRef URL,
                                    const std::vector<std::pair<std::string, std::string>> &Headers,
                                    StringRef Body, const HttpOptions &Opts) {
  static std::once_flag Init;
  std::call_once(Init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });

  CurlHandle C;
  if (!C.H)
    return makeLLMError(ErrorKind::Connect, "could not initialise libcurl");
  Transfer T;
  T.MaxBytes = Opts.MaxResponseBytes;
  char ErrBuf[CURL_ERROR_SIZE] = {0};
  std::string URLStr = URL.str();

  C.List = curl_slist_append(C.List, "Content-Type: application/json");
  C.List = curl_slist_append(C.List, "Accept: application/json");
  C.List = curl_slist_append(C.List, "Expect:"); // no 100-continue round trip
  for (const auto &[Name, Value] : Headers)
    C.List = curl_slist_append(C.List, (Name + ": " + Value).c_str());

  curl_easy_setopt(C.H, CURLOPT_URL, URLStr.c_str());
  curl_easy_setopt(C.H, CURLOPT_HTTPHEADER, C.List);
  curl_easy_setopt(C.H, CURLOPT_POST, 1L);
  curl_easy_setopt(C.H, CURLOPT_POSTFIELDS, Body.data());
  curl_easy_setopt(C.H, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(Body.size()));
  curl_easy_setopt(C.H, CURLOPT_WRITEFUNCTION, onBody);
  curl_easy_setopt(C.H, CURLOPT_WRITEDATA, &T);
  curl_easy_setopt(C.H, CURLOPT_HEADERFUNCTION, onHeader);
  curl_easy_setopt(C.H, CURLOPT_HEADERDATA, &T);
  curl_easy_setopt(C.H, CURLOPT_ERRORBUFFER, ErrBuf);
  curl_easy_setopt(C.H, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(C.H, CURLOPT_TIMEOUT_MS, static_cast<long>(Opts.TimeoutSeconds * 1000));
  curl_easy_setopt(C.H, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(Opts.ConnectTimeoutSeconds * 1000));
  curl_easy_setopt(C.H, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(C.H, CURLOPT_PROTOCOLS_STR, "http,https");
  // Loopback servers (tests, local models) never go through a proxy.
  curl_easy_setopt(C.H, CURLOPT_NOPROXY, "localhost,127.0.0.1,::1");

  auto Start = std::chrono::steady_clock::now();
  CURLcode Code = curl_easy_perform(C.H);
  double Seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();

  if (T.Overflowed)
    return makeLLMError(ErrorKind::TooLarge, "POST " + URL + ": response larger than " +
                                                 Twine(Opts.MaxResponseBytes >> 20) +
                                                 " MiB; refusing to read more");
  if (Code != CURLE_OK) {
    std::string Detail = ErrBuf[0] ? ErrBuf : curl_easy_strerror(Code);
    ErrorKind Kind = kindOfCurlCode(Code);
    std::string Hint;
    if (Kind == ErrorKind::Resolve)
      Hint = " (check --base-url or the *_BASE_URL variable)";
    else if (Kind == ErrorKind::Timeout)
      Hint = " (timeout " + std::to_string(static_cast<long>(Opts.TimeoutSeconds)) +
             " s; raise it with --llm-timeout)";
    return makeLLMError(Kind, "POST " + URL + ": " + Detail + Hint);
  }
  HttpResponse R;
  curl_easy_getinfo(C.H, CURLINFO_RESPONSE_CODE, &R.Status);
  R.Headers = std::move(T.Headers);
  R.Body = std::move(T.Body);
  R.Seconds = Seconds;
  return R;
}

namespace {

/// "6m0s", "1.5s", "20ms", "1h2m3s" (OpenAI's x-ratelimit-reset-*).
std::optional<double> parseGoDuration(StringRef S) {
  double Total = 0;
  bool Any = false;
  while (!S.empty()) {
    size_t NumLen = 0;
    while (NumLen < S.size() && (isDigit(S[NumLen]) || S[NumLen] == '.'))
      ++NumLen;
    if (NumLen == 0)
      return std::nullopt;
    double V;
    if (S.take_front(NumLen).getAsDouble(V))
      return std::nullopt;
    S = S.drop_front(NumLen);
    if (S.consume_front("ms"))
      Total += V / 1000;
    else if (S.consume_front("s"))
      Total += V;
    else if (S.consume_front("m"))
      Total += V * 60;
    else if (S.consume_front("h"))
      Total += V * 3600;
    else
      return std::nullopt;
    Any = true;
  }
  return Any ? std::optional<double>(Total) : std::nullopt;
}

/// Seconds from now until an RFC 3339 UTC time like 2026-01-01T00:00:05Z.
std::optional<double> secondsUntilRFC3339(StringRef S) {
  struct tm TM = {};
  std::string Str = S.str();
  const char *End = strptime(Str.c_str(), "%Y-%m-%dT%H:%M:%S", &TM);
  if (!End)
    return std::nullopt;
  time_t At = timegm(&TM);
  return std::max(0.0, std::difftime(At, std::time(nullptr)));
}

std::optional<double> secondsUntilHTTPDate(StringRef S) {
  struct tm TM = {};
  std::string Str = S.str();
  if (!strptime(Str.c_str(), "%a, %d %b %Y %H:%M:%S", &TM))
    return std::nullopt;
  return std::max(0.0, std::difftime(timegm(&TM), std::time(nullptr)));
}

} // namespace

std::optional<double> retryDelayFromHeaders(const std::map<std::string, std::string> &H) {
  auto Get = [&](const char *Name) -> std::optional<StringRef> {
    auto It = H.find(Name);
    if (It == H.end() || It->second.empty())
      return std::nullopt;
    return StringRef(It->second);
  };
  double V;
  if (auto MS = Get("retry-after-ms"); MS && !MS->getAsDouble(V) && V >= 0)
    return V / 1000;
  if (auto RA = Get("retry-after")) {
    if (!RA->getAsDouble(V) && V >= 0)
      return V;
    if (auto D = secondsUntilHTTPDate(*RA))
      return D;
  }
  std::optional<double> Reset;
  auto Consider = [&](std::optional<double> D) {
    if (D && (!Reset || *D > *Reset))
      Reset = D;
  };
  for (const char *Name :
       {"anthropic-ratelimit-requests-reset", "anthropic-ratelimit-tokens-reset",
        "anthropic-ratelimit-input-tokens-reset", "anthropic-ratelimit-output-tokens-reset"})
    if (auto S = Get(Name))
      Consider(secondsUntilRFC3339(*S));
  for (const char *Name : {"x-ratelimit-reset-requests", "x-ratelimit-reset-tokens"})
    if (auto S = Get(Name))
      Consider(parseGoDuration(*S));
  return Reset;
}

} // namespace llm
} // namespace semcom
