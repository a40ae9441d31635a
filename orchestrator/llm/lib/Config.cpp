//===- Config.cpp - flags > environment > .semcom/config.json -----------===//
//
// Resolves which provider, model and limits a run uses, and builds the provider stack with every
// wrapper applied once. API keys come only from the environment, so no config file or flag can
// leak one into a repository.
//
//===----------------------------------------------------------------------===//
#include "JSONUtil.h"
#include "semcom/LLM/Config.h"
#include "semcom/LLM/LLMError.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

#include <cstdlib>

using namespace llvm;

namespace semcom {
namespace llm {

std::optional<std::string> processEnv(StringRef Name) {
  const char *V = std::getenv(Name.str().c_str());
  if (!V || !*V)
    return std::nullopt;
  return std::string(V);
}

StringRef llmFlagsHelp() {
  return R"(model options (flags > environment > .semcom/config.json):
  --provider anthropic|openai|command|replay   (SEMCOM_PROVIDER)
  --model NAME                                 (SEMCOM_MODEL)
  --base-url URL        Anthropic: origin without /v1 (ANTHROPIC_BASE_URL);
                        OpenAI-compatible: including /v1 (OPENAI_BASE_URL)
  --llm-command CMD     command provider: request JSON on stdin, answer on stdout
                        (SEMCOM_LLM_COMMAND)
  --replay FILE         replay provider: answers from an earlier run's transcript
  --offline             answer only from the cache; a miss is an error
  --no-cache            neither read nor write the response cache
  --cache-dir DIR       default .semcom/cache (SEMCOM_CACHE_DIR)
  --transcript FILE     append every call as a JSON line (SEMCOM_TRANSCRIPT)
  --max-calls N, --max-tokens N, --max-cost USD   stop the run when reached
  --price-table FILE    per-model prices for --max-cost (SEMCOM_PRICE_TABLE)
  --llm-timeout SECONDS per request (SEMCOM_LLM_TIMEOUT)
  --retries N, --retry-base-ms MS, --llm-deadline SECONDS, --max-continuations N
  --config FILE         instead of .semcom/config.json (SEMCOM_CONFIG)
API keys come only from ANTHROPIC_API_KEY and OPENAI_API_KEY.
)";
}

namespace {

Error usageError(const Twine &Msg) { return makeLLMError(ErrorKind::Config, Msg); }

template <typename T> Error parseNumber(StringRef Flag, StringRef Text, std::optional<T> &Out) {
  if constexpr (std::is_floating_point_v<T>) {
    double V;
    if (Text.getAsDouble(V) || V < 0)
      return usageError(Flag + " needs a non-negative number, not '" + Text + "'");
    Out = V;
  } else {
    unsigned long long V;
    if (getAsUnsignedInteger(Text, 10, V))
      return usageError(Flag + " needs a whole number, not '" + Text + "'");
    Out = static_cast<T>(V);
  }
  return Error::success();
}

} // namespace

Error consumeLLMFlags(std::vector<std::string> &Args, LLMFlags &F) {
  std::vector<std::string> Rest;
  for (size_t I = 0; I < Args.size(); ++I) {
    StringRef Arg = Args[I];
    if (Arg == "--") { // everything after is positional
      Rest.insert(Rest.end(), Args.begin() + I, Args.end());
      break;
    }
    if (Arg == "--offline") {
      F.Offline = true;
      continue;
    }
    if (Arg == "--no-cache") {
      F.NoCache = true;
      continue;
    }
    auto [Name, Inline] = Arg.split('=');
    bool HasInline = Arg.contains('=');
    static const char *const Valued[] = {
        "--provider",      "--model",          "--base-url",     "--llm-command",
        "--replay",        "--cache-dir",      "--transcript",   "--price-table",
        "--config",        "--max-calls",      "--max-tokens",   "--max-cost",
        "--llm-timeout",   "--retries",        "--retry-base-ms", "--llm-deadline",
        "--max-continuations"};
    if (!is_contained(Valued, Name)) {
      Rest.push_back(Args[I]);
      continue;
    }
    std::string Value;
    if (HasInline) {
      Value = Inline.str();
    } else {
      if (I + 1 >= Args.size())
        return usageError(Name + " needs a value");
      Value = Args[++I];
    }
    if (Value.empty())
      return usageError(Name + " needs a non-empty value");
    Error E = Error::success();
    if (Name == "--provider")
      F.Provider = Value;
    else if (Name == "--model")
      F.Model = Value;
    else if (Name == "--base-url")
      F.BaseURL = Value;
    else if (Name == "--llm-command")
      F.Command = Value;
    else if (Name == "--replay")
      F.ReplayFile = Value;
    else if (Name == "--cache-dir")
      F.CacheDir = Value;
    else if (Name == "--transcript")
      F.Transcript = Value;
    else if (Name == "--price-table")
      F.PriceTable = Value;
    else if (Name == "--config")
      F.ConfigFile = Value;
    else if (Name == "--max-calls")
      E = parseNumber(Name, Value, F.MaxCalls);
    else if (Name == "--max-tokens")
      E = parseNumber(Name, Value, F.MaxTokens);
    else if (Name == "--max-cost")
      E = parseNumber(Name, Value, F.MaxCost);
    else if (Name == "--llm-timeout")
      E = parseNumber(Name, Value, F.TimeoutSeconds);
    else if (Name == "--retries")
      E = parseNumber(Name, Value, F.Retries);
    else if (Name == "--retry-base-ms") {
      std::optional<double> Ms;
      E = parseNumber(Name, Value, Ms);
      if (Ms)
        F.RetryBaseSeconds = *Ms / 1000;
    } else if (Name == "--llm-deadline")
      E = parseNumber(Name, Value, F.DeadlineSeconds);
    else if (Name == "--max-continuations")
      E = parseNumber(Name, Value, F.MaxContinuations);
    if (E)
      return E;
  }
  Args = std::move(Rest);
  return Error::success();
}

namespace {

/// The values .semcom/config.json may set; anything else in the file is an error.
struct FileConfig {
  std::optional<std::string> Provider, Model, BaseURL, Command, ReplayFile, CacheDir, Transcript,
      PriceTable;
  std::optional<uint64_t> MaxCalls, MaxTokens;
  std::optional<double> MaxCost, TimeoutSeconds, DeadlineSeconds;
  std::optional<unsigned> Retries, MaxContinuations;
};

Expected<FileConfig> readConfigFile(StringRef Path, bool MustExist) {
  FileConfig C;
  auto Buf = MemoryBuffer::getFile(Path);
  if (!Buf) {
    if (!MustExist && Buf.getError() == std::errc::no_such_file_or_directory)
      return C;
    return usageError(Path + ": cannot read the config file: " + Buf.getError().message());
  }
  StringRef Text = (*Buf)->getBuffer();
  rapidjson::Document Doc;
  if (Error E = json::parse(Doc, Text, Path))
    return usageError(toString(std::move(E)));
  if (!Doc.IsObject())
    return usageError(Path + ":1:1: the config file must be a JSON object, e.g. "
                             "{\"provider\": \"anthropic\", \"model\": \"claude-sonnet-4-5\"}");
  for (auto &M : Doc.GetObject()) {
    std::string Key(M.name.GetString(), M.name.GetStringLength());
    const rapidjson::Value &V = M.value;
    auto Str = [&](std::optional<std::string> &Out) -> Error {
      if (!V.IsString() || V.GetStringLength() == 0)
        return usageError(Path + ": \"" + Key + "\" must be a non-empty string");
      Out = std::string(V.GetString(), V.GetStringLength());
      return Error::success();
    };
    auto Num = [&](auto &Out) -> Error {
      using T = typename std::remove_reference_t<decltype(Out)>::value_type;
      if (!V.IsNumber() || V.GetDouble() < 0 ||
          (!std::is_floating_point_v<T> && !V.IsUint64()))
        return usageError(Path + ": \"" + Key + "\" must be a non-negative " +
                          (std::is_floating_point_v<T> ? "number" : "whole number"));
      Out = static_cast<T>(std::is_floating_point_v<T> ? V.GetDouble() : V.GetUint64());
      return Error::success();
    };
    Error E = Error::success();
    if (Key == "provider")
      E = Str(C.Provider);
    else if (Key == "model")
      E = Str(C.Model);
    else if (Key == "base_url")
      E = Str(C.BaseURL);
    else if (Key == "llm_command")
      E = Str(C.Command);
    else if (Key == "replay_file")
      E = Str(C.ReplayFile);
    else if (Key == "cache_dir")
      E = Str(C.CacheDir);
    else if (Key == "transcript")
      E = Str(C.Transcript);
    else if (Key == "price_table")
      E = Str(C.PriceTable);
    else if (Key == "max_calls")
      E = Num(C.MaxCalls);
    else if (Key == "max_tokens")
      E = Num(C.MaxTokens);
    else if (Key == "max_cost")
      E = Num(C.MaxCost);
    else if (Key == "timeout_s")
      E = Num(C.TimeoutSeconds);
    else if (Key == "deadline_s")
      E = Num(C.DeadlineSeconds);
    else if (Key == "retries")
      E = Num(C.Retries);
    else if (Key == "max_continuations")
      E = Num(C.MaxContinuations);
    else if (StringRef(Key).lower().find("key") != std::string::npos)
      E = usageError(Path + ": \"" + Key +
                     "\": API keys are never read from files; set ANTHROPIC_API_KEY or "
                     "OPENAI_API_KEY in the environment");
    else
      E = usageError(Path + ": unknown key \"" + Key +
                     "\" (known: provider, model, base_url, llm_command, replay_file, cache_dir, "
                     "transcript, price_table, max_calls, max_tokens, max_cost, timeout_s, "
                     "deadline_s, retries, max_continuations)");
    if (E)
      return E;
  }
  return C;
}

const char *HowToConfigure =
    "no model provider is configured. Pick one:\n"
    "  Anthropic:  export ANTHROPIC_API_KEY=... (the provider is then chosen automatically;\n"
    "              optional: --model NAME, ANTHROPIC_BASE_URL)\n"
    "  OpenAI-compatible (OpenAI, Ollama, llama.cpp server, vLLM):\n"
    "              --provider openai --model NAME --base-url http://localhost:11434/v1\n"
    "              (or SEMCOM_PROVIDER=openai SEMCOM_MODEL=NAME OPENAI_BASE_URL=...; OpenAI itself\n"
    "              also needs OPENAI_API_KEY)\n"
    "  Command:    --provider command --llm-command 'CMD' (or SEMCOM_LLM_COMMAND='CMD'): CMD reads\n"
    "              the request as Anthropic Messages JSON on stdin and prints the answer\n"
    "  Replay:     --provider replay --replay TRANSCRIPT.jsonl (answers recorded by an earlier run)\n"
    "  The same settings can live in .semcom/config.json, e.g.\n"
    "    {\"provider\": \"openai\", \"model\": \"llama3.1\", \"base_url\": "
    "\"http://localhost:11434/v1\"}\n"
    "  API keys are only ever read from the environment.";

bool isLoopbackURL(StringRef URL) {
  URL.consume_front("http://") || URL.consume_front("https://");
  return URL.starts_with("127.") || URL.starts_with("localhost") || URL.starts_with("[::1]");
}

template <typename T>
std::optional<T> firstOf(std::initializer_list<std::optional<T>> Candidates) {
  for (const auto &C : Candidates)
    if (C)
      return C;
  return std::nullopt;
}

} // namespace

Expected<LLMConfig> resolveLLMConfig(const LLMFlags &F, const GetEnvFn &Env) {
  std::optional<std::string> ConfigPath = firstOf({F.ConfigFile, Env("SEMCOM_CONFIG")});
  Expected<FileConfig> File =
      readConfigFile(ConfigPath ? *ConfigPath : ".semcom/config.json", ConfigPath.has_value());
  if (!File)
    return File.takeError();

  LLMConfig C;
  std::optional<std::string> Provider =
      firstOf({F.Provider, Env("SEMCOM_PROVIDER"), File->Provider});
  if (!Provider) {
    if (Env("ANTHROPIC_API_KEY"))
      Provider = "anthropic";
    else if (Env("OPENAI_BASE_URL") || Env("OPENAI_API_KEY"))
      Provider = "openai";
    else if (Env("SEMCOM_LLM_COMMAND"))
      Provider = "command";
    else
      return usageError(HowToConfigure);
  }
  C.Provider = *Provider;
  std::optional<std::string> Model = firstOf({F.Model, Env("SEMCOM_MODEL"), File->Model});

  if (C.Provider == "anthropic") {
    C.BaseURL = firstOf({F.BaseURL, Env("ANTHROPIC_BASE_URL"), File->BaseURL})
                    .value_or("https://api.anthropic.com");
    C.Model = Model.value_or("claude-sonnet-4-5");
    C.ApiKey = Env("ANTHROPIC_API_KEY").value_or("");
    if (C.ApiKey.empty() && !isLoopbackURL(C.BaseURL))
      return usageError("the anthropic provider needs ANTHROPIC_API_KEY in the environment "
                        "(export ANTHROPIC_API_KEY=...)");
    C.TimeoutSeconds = 600;
  } else if (C.Provider == "openai") {
    C.BaseURL = firstOf({F.BaseURL, Env("OPENAI_BASE_URL"), File->BaseURL})
                    .value_or("https://api.openai.com/v1");
    if (!Model)
      return usageError("the openai provider needs a model: --model NAME (or SEMCOM_MODEL, or "
                        "\"model\" in .semcom/config.json), e.g. --model llama3.1 for Ollama");
    C.Model = *Model;
    C.ApiKey = Env("OPENAI_API_KEY").value_or("");
    if (C.ApiKey.empty() && StringRef(C.BaseURL).contains("api.openai.com"))
      return usageError("OpenAI's API needs OPENAI_API_KEY in the environment; local servers "
                        "(--base-url http://localhost:11434/v1) do not");
    C.TimeoutSeconds = 1800; // local models on a CPU can take many minutes per answer
  } else if (C.Provider == "command") {
    std::optional<std::string> Cmd =
        firstOf({F.Command, Env("SEMCOM_LLM_COMMAND"), File->Command});
    if (!Cmd)
      return usageError("the command provider needs --llm-command CMD (or SEMCOM_LLM_COMMAND, or "
                        "\"llm_command\" in .semcom/config.json)");
    C.Command = *Cmd;
    C.Model = Model.value_or("command");
    C.TimeoutSeconds = 1000; // a person answering through tools/spool-model.sh waits up to 900 s
  } else if (C.Provider == "replay") {
    std::optional<std::string> Replay =
        firstOf({F.ReplayFile, Env("SEMCOM_REPLAY_FILE"), File->ReplayFile});
    if (!Replay)
      return usageError("the replay provider needs --replay TRANSCRIPT.jsonl (or "
                        "SEMCOM_REPLAY_FILE, or \"replay_file\" in .semcom/config.json)");
    C.ReplayFile = *Replay;
    C.Model = "replay";
    C.Cache = CacheMode::Off; // the transcript already is the record
  } else {
    return usageError("unknown provider '" + C.Provider +
                      "'; choose anthropic, openai, command or replay");
  }
  if (!C.BaseURL.empty() && !StringRef(C.BaseURL).starts_with("http://") &&
      !StringRef(C.BaseURL).starts_with("https://"))
    return usageError("base URL '" + C.BaseURL + "' must start with http:// or https://");

  C.CacheDir =
      firstOf({F.CacheDir, Env("SEMCOM_CACHE_DIR"), File->CacheDir}).value_or(".semcom/cache");
  if (F.Offline && F.NoCache)
    return usageError("--offline answers only from the cache, so it cannot go with --no-cache");
  if (F.Offline)
    C.Cache = CacheMode::Offline;
  else if (F.NoCache)
    C.Cache = CacheMode::Off;
  C.TranscriptPath =
      firstOf({F.Transcript, Env("SEMCOM_TRANSCRIPT"), File->Transcript}).value_or("");

  C.Budget.MaxCalls = firstOf({F.MaxCalls, File->MaxCalls});
  C.Budget.MaxTokens = firstOf({F.MaxTokens, File->MaxTokens});
  C.Budget.MaxCost = firstOf({F.MaxCost, File->MaxCost});

  std::optional<std::string> PricePath =
      firstOf({F.PriceTable, Env("SEMCOM_PRICE_TABLE"), File->PriceTable});
  std::string PriceText;
  if (PricePath) {
    auto Buf = MemoryBuffer::getFile(*PricePath);
    if (!Buf)
      return usageError(*PricePath + ": cannot read the price table: " +
                        Buf.getError().message());
    PriceText = (*Buf)->getBuffer().str();
  } else {
    PriceText = builtinPriceTableJSON().str();
  }
  auto Table = parsePriceTable(PriceText, PricePath.value_or("built-in prices.json"));
  if (!Table)
    return Table.takeError();
  C.Price = lookupPrice(*Table, C.Model);
  if (C.Budget.MaxCost && !C.Price)
    return usageError("--max-cost needs a price for model '" + C.Model + "', and " +
                      PricePath.value_or("the built-in price table") +
                      " has none; add it with --price-table FILE");

  std::optional<double> Timeout;
  if (auto T = Env("SEMCOM_LLM_TIMEOUT")) {
    double V;
    if (StringRef(*T).getAsDouble(V) || V <= 0)
      return usageError("SEMCOM_LLM_TIMEOUT must be a positive number of seconds, not '" + *T +
                        "'");
    Timeout = V;
  }
  if (auto T = firstOf({F.TimeoutSeconds, Timeout, File->TimeoutSeconds}))
    C.TimeoutSeconds = *T;
  if (C.TimeoutSeconds <= 0)
    return usageError("--llm-timeout must be positive");

  C.Retry.MaxRetries = firstOf({F.Retries, File->Retries}).value_or(4);
  std::optional<double> EnvBase;
  if (auto B = Env("SEMCOM_RETRY_BASE_MS")) {
    double V;
    if (StringRef(*B).getAsDouble(V) || V < 0)
      return usageError("SEMCOM_RETRY_BASE_MS must be a number of milliseconds, not '" + *B +
                        "'");
    EnvBase = V / 1000;
  }
  C.Retry.BaseDelaySeconds = firstOf({F.RetryBaseSeconds, EnvBase}).value_or(1.0);
  C.Retry.MaxDelaySeconds = std::max(60.0, C.Retry.BaseDelaySeconds);
  C.Retry.DeadlineSeconds = firstOf({F.DeadlineSeconds, File->DeadlineSeconds})
                                .value_or(2 * C.TimeoutSeconds + 300);
  C.MaxContinuations = firstOf({F.MaxContinuations, File->MaxContinuations}).value_or(2);
  return C;
}

Expected<LLMSession> createLLMSession(LLMConfig C) {
  LLMSession S;
  S.Stats = std::make_shared<UsageStats>();
  std::unique_ptr<Provider> P;
  HttpProviderOptions H;
  H.BaseURL = C.BaseURL;
  H.Model = C.Model;
  H.ApiKey = C.ApiKey;
  H.Http.TimeoutSeconds = C.TimeoutSeconds;
  H.Http.MaxResponseBytes = C.MaxResponseBytes;
  if (C.Provider == "anthropic") {
    P = createAnthropicProvider(std::move(H));
  } else if (C.Provider == "openai") {
    P = createOpenAIProvider(std::move(H));
  } else if (C.Provider == "command") {
    CommandProviderOptions O;
    O.Command = C.Command;
    O.Model = C.Model;
    O.TimeoutSeconds = C.TimeoutSeconds;
    O.MaxOutputBytes = C.MaxResponseBytes;
    P = createCommandProvider(std::move(O));
  } else if (C.Provider == "replay") {
    auto R = createReplayProvider(C.ReplayFile);
    if (!R)
      return R.takeError();
    P = std::move(*R);
  } else {
    return usageError("unknown provider '" + C.Provider + "'");
  }
  // Innermost first: retry each HTTP call, guard completeness across continuations, count what
  // reaches a provider, skip all of that on a cache hit, and log everything including hits.
  P = wrapRetry(std::move(P), C.Retry);
  P = wrapCompletionGuard(std::move(P), C.MaxContinuations);
  P = wrapBudget(std::move(P), C.Budget, C.Price, S.Stats);
  P = wrapCache(std::move(P), C.CacheDir, C.Cache, S.Stats);
  if (!C.TranscriptPath.empty()) {
    auto T = wrapTranscript(std::move(P), C.TranscriptPath, {C.ApiKey});
    if (!T)
      return T.takeError();
    P = std::move(*T);
  }
  S.Stack = std::move(P);
  S.Config = std::move(C);
  return S;
}

} // namespace llm
} // namespace semcom
