//===- Fn.cpp - `semcom fn`: one verified function from an intent ---------===//
//
// Function mode from the command line: spec, cross-checked vectors, IR, sandboxed harness and
// behavioural repair (see FunctionMode.h), with the seed's table on the terminal and summary.json
// plus report.html in the run directory. --batch runs many intents into one report.
//
//===----------------------------------------------------------------------===//
#include "Subcommand.h"

#include "semcom/Core/FunctionMode.h"
#include "semcom/Core/Pipeline.h"
#include "semcom/Core/Support.h"
#include "semcom/LLM/Config.h"
#include "semcom/LLM/LLMError.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace semcom;

namespace {

const char *FnHelp =
    "usage: semcom fn [OPTIONS] \"INTENT\"\n"
    "       semcom fn [OPTIONS] --batch FILE\n\n"
    "Writes one function from an intent and verifies it against that intent: the model writes a\n"
    "spec with test vectors, an independent Python reference (run in the sandbox) cross-checks\n"
    "every vector (disputed ones are re-derived once, then dropped and reported), the IR is\n"
    "validated and repaired like every Semcom step, a generated harness runs it on the vectors\n"
    "in the sandbox, and failing vectors go back to the model (at most 3 rounds; a repair that\n"
    "breaks a passing vector is rejected).\n\n"
    "options:\n"
    "  -o FILE.ll          write the verified module there (only when every vector passes)\n"
    "  --signature SIG     the signature to use, e.g. \"define i64 @f(i64 %a)\"\n"
    "  --batch FILE        one intent per line (# comments); one report for all of them\n"
    "  --tree DIR          where .semcom/runs/<id>/ goes (default: the current directory)\n"
    "  --max-rounds N      validation repair rounds per IR answer (default 5)\n"
    "  --behaviour-rounds N  behavioural repair rounds (default 3)\n"
    "  --timeout S         seconds per sandboxed run (default 5)\n"
    "  --no-patterns       neither use nor leave patterns in .semcom/patterns/ (each verified\n"
    "                      function leaves its IR skeleton there; the most similar ones join\n"
    "                      later IR prompts)\n"
    "  --json              print summary.json on stdout (progress goes to stderr)\n"
    "  -v                  show every fixup remark\n"
    "Exit status: 0 when every function verified, 1 when one did not, 2 on usage or input errors.\n\n";

int runFn(const std::vector<std::string> &ArgsIn) {
  auto Fail = [](int Code, const Twine &Msg) {
    WithColor::error(errs(), "semcom fn") << Msg << "\n";
    return Code;
  };
  std::vector<std::string> Args = ArgsIn;
  llm::LLMFlags Flags;
  if (Error E = llm::consumeLLMFlags(Args, Flags))
    return Fail(2, toString(std::move(E)));
  core::FunctionModeOptions O;
  std::string Output, Batch, Tree = ".";
  bool Json = false, Patterns = true;
  std::vector<std::string> Positional;
  for (size_t I = 0; I < Args.size(); ++I) {
    StringRef A = Args[I];
    auto Value = [&] { return cli::optionValue(Args, I); };
    auto Number = [&](unsigned &Into) { return cli::optionNumber(Args, I, Into, 100); };
    if (A == "--help" || A == "-h") {
      outs() << FnHelp << llm::llmFlagsHelp();
      return 0;
    } else if (A == "-o") {
      auto V = Value();
      if (!V)
        return Fail(2, "-o needs a file name");
      Output = *V;
    } else if (A == "--signature") {
      auto V = Value();
      if (!V)
        return Fail(2, "--signature needs a signature");
      if (auto Sig = core::parseFunctionSignature(*V); !Sig)
        return Fail(2, toString(Sig.takeError()));
      O.ForcedSignature = *V;
    } else if (A == "--batch") {
      auto V = Value();
      if (!V)
        return Fail(2, "--batch needs a file");
      Batch = *V;
    } else if (A == "--tree") {
      auto V = Value();
      if (!V)
        return Fail(2, "--tree needs a directory");
      Tree = *V;
    } else if (A == "--max-rounds") {
      if (!Number(O.MaxRepairRounds))
        return Fail(2, "--max-rounds needs a whole number up to 100");
    } else if (A == "--behaviour-rounds") {
      if (!Number(O.MaxBehaviourRounds))
        return Fail(2, "--behaviour-rounds needs a whole number up to 100");
    } else if (A == "--timeout") {
      auto V = Value();
      double S;
      if (!V || StringRef(*V).getAsDouble(S) || S <= 0 || S > 600)
        return Fail(2, "--timeout needs seconds (0 < S <= 600)");
      O.TimeoutSeconds = S;
    } else if (A == "--json") {
      Json = true;
    } else if (A == "--no-patterns") {
      Patterns = false;
    } else if (A == "-v" || A == "--verbose") {
      O.Verbose = true;
    } else if (A.starts_with("-")) {
      return Fail(2, "unknown option '" + A + "'; see 'semcom fn --help'");
    } else {
      Positional.push_back(A.str());
    }
  }
  std::vector<std::string> Intents;
  if (!Batch.empty()) {
    if (!Positional.empty())
      return Fail(2, "give either an intent or --batch FILE, not both");
    auto Buffer = MemoryBuffer::getFile(Batch, /*IsText=*/true);
    if (!Buffer)
      return Fail(2, Batch + ": " + Buffer.getError().message());
    for (StringRef L : split((*Buffer)->getBuffer(), '\n'))
      if (!L.trim().empty() && !L.trim().starts_with("#"))
        Intents.push_back(L.trim().str());
    if (Intents.empty())
      return Fail(2, Batch + ": no intents (one per line)");
    if (!Output.empty() || !O.ForcedSignature.empty())
      return Fail(2, "-o and --signature apply to one intent, not to --batch");
  } else {
    if (Positional.empty())
      return Fail(2, "expected an intent; see 'semcom fn --help'");
    Intents.push_back(join(Positional, " "));
  }
  if (!sys::fs::is_directory(Tree))
    return Fail(2, "--tree " + Tree + ": not a directory");
  if (Patterns)
    O.PatternDir = Tree + "/.semcom/patterns";

  Expected<llm::LLMConfig> Config = llm::resolveLLMConfig(Flags);
  if (!Config)
    return Fail(2, toString(Config.takeError()));
  std::string RunId = core::newRunId();
  std::string RunDir = Tree + "/.semcom/runs/" + RunId;
  if (Config->TranscriptPath.empty())
    Config->TranscriptPath = RunDir + "/transcript.jsonl";
  std::vector<std::string> Secrets = {Config->ApiKey};
  Expected<llm::LLMSession> Session = llm::createLLMSession(std::move(*Config));
  if (!Session)
    return Fail(2, llm::redactSecrets(toString(Session.takeError()), Secrets));

  raw_ostream &Progress = Json ? errs() : outs();
  std::vector<core::FunctionReport> Reports;
  for (size_t I = 0; I < Intents.size(); ++I) {
    O.RunDir = RunDir + "/fn-" + std::to_string(I + 1);
    Progress << "fn " << I + 1 << "/" << Intents.size() << ": " << Intents[I] << "\n";
    auto R = core::runFunctionMode(Intents[I], O, Session->provider(), Progress);
    if (!R)
      return Fail(2, llm::redactSecrets(toString(R.takeError()), Secrets));
    Progress << "fn " << I + 1 << ": " << (R->passed() ? "verified" : "failed")
             << (R->Error.empty() ? "" : ": " + R->Error) << "\n";
    if (R->passed())
      if (Error E = core::writeDurably(O.RunDir + "/" + R->Function + ".ll", R->IR))
        return Fail(1, toString(std::move(E)));
    Reports.push_back(std::move(*R));
  }
  Progress << "\n";
  core::printReportTable(Reports, Progress);
  if (Error E = core::writeReports(Reports, RunDir, RunId))
    return Fail(1, toString(std::move(E)));
  Session->Stats->print(errs());
  bool AllPassed = llvm::all_of(Reports, [](const core::FunctionReport &R) { return R.passed(); });
  if (!Output.empty()) {
    if (AllPassed) {
      if (Error E = core::writeDurably(Output, Reports[0].IR))
        return Fail(1, toString(std::move(E)));
      Progress << "wrote " << Output << "\n";
    } else {
      Progress << "not written: " << Output << " (the function is not verified)\n";
    }
  }
  if (Json) {
    if (auto Summary = MemoryBuffer::getFile(RunDir + "/summary.json"))
      outs() << (*Summary)->getBuffer();
  } else {
    outs() << "run: " << RunDir << "\n";
  }
  return AllPassed ? 0 : 1;
}

cli::SubcommandRegistration Fn("fn", "write one function from an intent and verify it by tests",
                               runFn);

} // namespace
