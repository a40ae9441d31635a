//===- Ask.cpp - `semcom ask "PROMPT"`: one raw model round trip ---------===//
//
// The smallest use of the model layer, through every wrapper (config, cache, retry, budget,
// transcript), so a user can check their provider set-up before running a task: the model's text on
// stdout, the usage summary on stderr.
//
//===----------------------------------------------------------------------===//
#include "Subcommand.h"

#include "semcom/LLM/Config.h"
#include "semcom/LLM/LLMError.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <ctime>
#include <unistd.h>

using namespace llvm;
using namespace semcom;

namespace {

int askMain(const std::vector<std::string> &ArgsIn) {
  std::vector<std::string> Args = ArgsIn;
  auto Fail = [](int Code, const Twine &Msg) {
    WithColor::error(errs(), "semcom ask") << Msg << "\n";
    return Code;
  };
  llm::LLMFlags Flags;
  if (Error E = llm::consumeLLMFlags(Args, Flags))
    return Fail(2, toString(std::move(E)));

  llm::Request Req;
  std::vector<std::string> Words;
  for (size_t I = 0; I < Args.size(); ++I) {
    StringRef A = Args[I];
    if (A == "--help" || A == "-h") {
      outs() << "usage: semcom ask [options] PROMPT...\n\n"
                "Sends PROMPT to the configured model once; prints the answer on stdout and the\n"
                "usage on stderr.\n\n"
                "  --system TEXT            system prompt\n"
                "  --max-output-tokens N    answer length limit (default 4096)\n"
                "  --temperature T\n\n"
             << llm::llmFlagsHelp();
      return 0;
    }
    auto Value = [&](StringRef Flag) -> std::optional<std::string> {
      if (I + 1 >= Args.size())
        return std::nullopt;
      return Args[++I];
    };
    if (A == "--system") {
      auto V = Value(A);
      if (!V)
        return Fail(2, "--system needs a value");
      Req.SystemPrefix = *V;
    } else if (A == "--max-output-tokens") {
      auto V = Value(A);
      unsigned long long N;
      if (!V || getAsUnsignedInteger(*V, 10, N) || N == 0)
        return Fail(2, "--max-output-tokens needs a positive whole number");
      Req.MaxTokens = static_cast<unsigned>(N);
    } else if (A == "--temperature") {
      auto V = Value(A);
      double T;
      if (!V || StringRef(*V).getAsDouble(T) || T < 0)
        return Fail(2, "--temperature needs a non-negative number");
      Req.Temperature = T;
    } else if (A == "--") {
      Words.insert(Words.end(), Args.begin() + I + 1, Args.end());
      break;
    } else if (A.starts_with("--")) {
      return Fail(2, "unknown option '" + A + "'; see 'semcom ask --help'");
    } else {
      Words.push_back(A.str());
    }
  }
  std::string Prompt = join(Words, " ");
  if (StringRef(Prompt).trim().empty())
    return Fail(2, "no prompt; usage: semcom ask [options] \"PROMPT\"");
  Req.Messages.push_back({llm::Message::Role::User, Prompt});

  Expected<llm::LLMConfig> Config = llm::resolveLLMConfig(Flags);
  if (!Config)
    return Fail(2, toString(Config.takeError()));
  if (Config->TranscriptPath.empty()) {
    // Each ask is its own run; its transcript goes in its own run directory.
    char Stamp[32];
    std::time_t Now = std::time(nullptr);
    struct tm TM;
    gmtime_r(&Now, &TM);
    std::strftime(Stamp, sizeof Stamp, "%Y%m%d-%H%M%S", &TM);
    Config->TranscriptPath =
        (".semcom/runs/ask-" + Twine(Stamp) + "-" + Twine(getpid()) + "/transcript.jsonl").str();
  }
  std::vector<std::string> Secrets = {Config->ApiKey};
  Expected<llm::LLMSession> Session = llm::createLLMSession(std::move(*Config));
  if (!Session)
    return Fail(2, llm::redactSecrets(toString(Session.takeError()), Secrets));

  Expected<llm::Response> Resp = Session->provider().complete(Req);
  int Code = 0;
  if (Resp) {
    outs() << Resp->Text;
    if (!StringRef(Resp->Text).ends_with("\n"))
      outs() << "\n";
    outs().flush();
    if (Resp->FromCache)
      errs() << "semcom ask: answer replayed from the cache\n";
  } else {
    Error E = Resp.takeError();
    std::optional<llm::ErrorKind> Kind = llm::errorKindOf(E);
    Code = Kind == llm::ErrorKind::Config ? 2 : 1;
    Fail(Code, llm::redactSecrets(toString(std::move(E)), Secrets));
  }
  errs() << "semcom ask: ";
  Session->Stats->print(errs());
  return Code;
}

cli::SubcommandRegistration Ask("ask", "send one prompt to the configured model; answer on stdout",
                                askMain);

} // namespace
