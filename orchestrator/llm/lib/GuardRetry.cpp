//===- GuardRetry.cpp - completion guard and the one retry layer --------===//
//
// The guard makes sure nothing incomplete is passed on as complete (max_tokens is continued by
// prefill or reported; refusals are errors). The retry layer is the only place that retries:
// transient failures only, honouring the server's retry-after, otherwise jittered capped
// exponential backoff, all within an overall deadline.
//
//===----------------------------------------------------------------------===//
#include "semcom/LLM/LLMError.h"
#include "semcom/LLM/Providers.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

#include <chrono>
#include <cmath>
#include <random>
#include <thread>

using namespace llvm;

namespace semcom {
namespace llm {

namespace {

class CompletionGuard : public Provider {
public:
  CompletionGuard(std::unique_ptr<Provider> Inner, unsigned MaxContinuations)
      : Inner(std::move(Inner)), MaxContinuations(MaxContinuations) {}
  StringRef kind() const override { return Inner->kind(); }
  StringRef model() const override { return Inner->model(); }
  bool supportsPrefill() const override { return Inner->supportsPrefill(); }

  Expected<Response> complete(const Request &R) override {
    Request Cur = R;
    bool CallerPrefilled =
        !R.Messages.empty() && R.Messages.back().Who == Message::Role::Assistant;
    std::string Prefill = CallerPrefilled ? R.Messages.back().Text : std::string();
    std::string SoFar; // what the model wrote in earlier, truncated parts
    Usage Total;
    double Latency = 0;
    std::vector<std::string> History;
    for (unsigned Part = 0;; ++Part) {
      Expected<Response> Resp = Inner->complete(Cur);
      if (!Resp)
        return Resp.takeError();
      Total += Resp->Tokens;
      Latency += Resp->LatencySeconds;
      History.insert(History.end(), Resp->RetryHistory.begin(), Resp->RetryHistory.end());
      if (Resp->Stop == StopReason::Refusal)
        return makeLLMError(ErrorKind::Refusal,
                            "the model refused to answer (" + Resp->StopRaw + ")" +
                                (StringRef(Resp->Text).trim().empty()
                                     ? std::string()
                                     : ": " + StringRef(Resp->Text).trim().take_front(300).str()));
      if (Resp->Stop != StopReason::MaxTokens) {
        Resp->Text = SoFar + Resp->Text;
        Resp->Tokens = Total;
        Resp->LatencySeconds = Latency;
        Resp->Continuations = Part;
        Resp->RetryHistory = std::move(History);
        return Resp;
      }
      std::string Where = "the answer stopped at max_tokens (" + std::to_string(R.MaxTokens) +
                          ", " + Resp->StopRaw + ") after " +
                          std::to_string(SoFar.size() + Resp->Text.size()) + " characters";
      if (!Inner->supportsPrefill())
        return makeLLMError(ErrorKind::Truncated,
                            Where + "; the " + Inner->kind() +
                                " provider cannot continue a partial answer, so it is not used; "
                                "raise the output limit (--max-output-tokens)");
      if (Part >= MaxContinuations)
        return makeLLMError(ErrorKind::Truncated,
                            Where + " and " + std::to_string(Part) +
                                " continuation(s); still incomplete, not used; raise the output "
                                "limit (--max-output-tokens) or --max-continuations");
      if (StringRef(Resp->Text).trim().empty())
        return makeLLMError(ErrorKind::Truncated,
                            Where + " without producing text; raise --max-output-tokens");
      // Continue by prefilling the assistant turn with everything so far. The API rejects a
      // prefill ending in whitespace, so trailing whitespace is dropped (the model re-emits it).
      SoFar = StringRef(SoFar + Resp->Text).rtrim().str();
      Cur = R;
      std::string Assistant = StringRef(Prefill + SoFar).rtrim().str();
      if (CallerPrefilled)
        Cur.Messages.back().Text = Assistant;
      else
        Cur.Messages.push_back({Message::Role::Assistant, Assistant});
    }
  }

private:
  std::unique_ptr<Provider> Inner;
  unsigned MaxContinuations;
};

class RetryingProvider : public Provider {
public:
  RetryingProvider(std::unique_ptr<Provider> Inner, RetryPolicy P)
      : Inner(std::move(Inner)), Policy(std::move(P)), Rng(std::random_device{}()) {
    if (!Policy.Sleep)
      Policy.Sleep = [](double S) {
        std::this_thread::sleep_for(std::chrono::duration<double>(S));
      };
  }
  StringRef kind() const override { return Inner->kind(); }
  StringRef model() const override { return Inner->model(); }
  bool supportsPrefill() const override { return Inner->supportsPrefill(); }

  Expected<Response> complete(const Request &R) override {
    auto Start = std::chrono::steady_clock::now();
    std::vector<std::string> History;
    for (unsigned Attempt = 0;; ++Attempt) {
      Expected<Response> Resp = Inner->complete(R);
      if (Resp) {
        Resp->RetryHistory = std::move(History);
        return Resp;
      }
      std::unique_ptr<LLMError> Failure;
      Error Other = handleErrors(Resp.takeError(), [&](std::unique_ptr<LLMError> E) -> Error {
        Failure = std::move(E);
        return Error::success();
      });
      if (Other)
        return Other;
      auto GiveUp = [&](const Twine &Why) -> Error {
        if (!History.empty())
          Failure->Message += " [" + Why.str() + "; earlier: " + join(History, "; ") + "]";
        else if (!Why.isTriviallyEmpty())
          Failure->Message += " [" + Why.str() + "]";
        return Error(std::move(Failure));
      };
      if (!Failure->isRetryable())
        return History.empty() ? Error(std::move(Failure))
                               : GiveUp("not retryable after " + Twine(Attempt) + " retries");
      if (Attempt >= Policy.MaxRetries)
        return GiveUp("gave up after " + Twine(Attempt + 1) + " attempts");
      double Delay;
      std::string Source;
      if (Failure->RetryAfterSeconds) {
        Delay = *Failure->RetryAfterSeconds;
        Source = "server asked";
      } else {
        double Cap = std::min(Policy.MaxDelaySeconds,
                              Policy.BaseDelaySeconds * std::pow(2.0, Attempt));
        Delay = Cap * std::uniform_real_distribution<double>(0.5, 1.0)(Rng);
        Source = "backoff";
      }
      double Elapsed =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
      if (Elapsed + Delay > Policy.DeadlineSeconds)
        return GiveUp("waiting " + formatv("{0:f1}", Delay).str() +
                      " s more would pass the overall deadline of " +
                      formatv("{0:f0}", Policy.DeadlineSeconds).str() + " s");
      std::string What = Failure->Kind == ErrorKind::Http
                             ? "HTTP " + std::to_string(Failure->HttpStatus)
                             : errorKindName(Failure->Kind).str() + " (" +
                                   StringRef(Failure->Message).take_front(120).str() + ")";
      History.push_back("attempt " + std::to_string(Attempt + 1) + ": " + What +
                        " -> waited " + formatv("{0:f2}", Delay).str() + " s (" + Source + ")");
      Policy.Sleep(Delay);
    }
  }

private:
  std::unique_ptr<Provider> Inner;
  RetryPolicy Policy;
  std::mt19937 Rng;
};

} // namespace

std::unique_ptr<Provider> wrapCompletionGuard(std::unique_ptr<Provider> Inner,
                                              unsigned MaxContinuations) {
  return std::make_unique<CompletionGuard>(std::move(Inner), MaxContinuations);
}

std::unique_ptr<Provider> wrapRetry(std::unique_ptr<Provider> Inner, RetryPolicy Policy) {
  return std::make_unique<RetryingProvider>(std::move(Inner), std::move(Policy));
}

} // namespace llm
} // namespace semcom
