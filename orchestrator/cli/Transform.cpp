//===- Transform.cpp - `semcom transform DIR [--out TREE]` ----------------===//
//
// Ports a Python project to IR modules, a static binary and a report of every function; the same
// work as a task's `@transform DIR` step, with the report printed in full.
//
//===----------------------------------------------------------------------===//
#include "PipelineFlags.h"
#include "Subcommand.h"

#include "semcom/LLM/Config.h"
#include "semcom/LLM/LLMError.h"
#include "semcom/Transform/Transform.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace semcom;

namespace {

const char *Usage =
    "usage: semcom transform [OPTIONS] DIR [--out TREE]\n\n"
    "Ports the Python project in DIR to LLVM IR modules in TREE (default: the current directory):\n"
    "scan with Python's ast (sandboxed), plan every function's IR signature, create one module\n"
    "per planned step, link a static binary when the project has an `if __name__ == "
    "\"__main__\":`\n"
    "block, and run it and the Python program on DIR/samples/*.in (sandboxed), repairing\n"
    "behaviour from the first mismatch. The report goes to TREE/.semcom/transform-report.json.\n"
    "\noptions:\n"
    "  --out TREE          where the modules and the binary go (created if missing; = --tree)\n"
    "  --name NAME         the binary's name (default: DIR's name)\n"
    "  --max-behaviour-rounds N  differential repair rounds (default 3)\n"
    "  --scan              only scan: print what the plan would be shown, ask no model\n"
    "  --json              print the report as JSON on stdout\n"
    "Exit status: 0 when every module validated and every sample matched, 1 when not, 2 on usage\n"
    "or input errors (no Python, an unusable plan).\n\n";

int transformMain(const std::vector<std::string> &ArgsIn) {
  auto Fail = [](int Code, const Twine &Msg) {
    WithColor::error(errs(), "semcom transform") << Msg << "\n";
    return Code;
  };
  std::vector<std::string> Args = ArgsIn;
  llm::LLMFlags Flags;
  if (Error E = llm::consumeLLMFlags(Args, Flags))
    return Fail(2, toString(std::move(E)));
  transform::TransformOptions O;
  O.Pipeline.Target = link::hostArch();
  if (Error E = cli::consumePipelineFlags(Args, O.Pipeline))
    return Fail(2, toString(std::move(E)));
  bool Json = false, ScanOnly = false;
  std::vector<std::string> Positional;
  for (size_t I = 0; I < Args.size(); ++I) {
    StringRef A = Args[I];
    auto Value = [&] { return cli::optionValue(Args, I); };
    auto Number = [&](unsigned &Into) { return cli::optionNumber(Args, I, Into, 1000000); };
    if (A == "--help" || A == "-h") {
      outs() << Usage << cli::PipelineFlagsHelp << "\n" << llm::llmFlagsHelp();
      return 0;
    } else if (A == "--out") {
      auto V = Value();
      if (!V)
        return Fail(2, A + " needs a directory");
      O.Pipeline.TreeRoot = *V;
    } else if (A == "--name") {
      auto V = Value();
      if (!V || V->empty() || StringRef(*V).contains('/'))
        return Fail(2, "--name needs a file name");
      O.BinaryName = *V;
    } else if (A == "--max-behaviour-rounds") {
      if (!Number(O.MaxBehaviourRounds))
        return Fail(2, "--max-behaviour-rounds needs a whole number");
    } else if (A == "--scan") {
      ScanOnly = true;
    } else if (A == "--json") {
      Json = true;
    } else if (A.starts_with("-")) {
      return Fail(2, "unknown option '" + A + "'; see 'semcom transform --help'");
    } else {
      Positional.push_back(A.str());
    }
  }
  if (Positional.size() != 1)
    return Fail(2, "expected one DIR; see 'semcom transform --help'");
  O.ProjectDir = Positional[0];
  if (!sys::fs::is_directory(O.ProjectDir))
    return Fail(2, O.ProjectDir + ": not a directory");
  // Scanning needs no model: bad input is reported before a session (or any file) exists.
  auto Scan = transform::scanProject(O.ProjectDir);
  if (!Scan)
    return Fail(2, toString(Scan.takeError()));
  if (ScanOnly) {
    outs() << Scan->summary();
    return Scan->Files.empty() ? 1 : 0;
  }
  O.Scan = std::move(*Scan);
  if (std::error_code EC = sys::fs::create_directories(O.Pipeline.TreeRoot))
    return Fail(2, "--out " + O.Pipeline.TreeRoot + ": " + EC.message());

  Expected<llm::LLMConfig> Config = llm::resolveLLMConfig(Flags);
  if (!Config)
    return Fail(2, toString(Config.takeError()));
  // Answers are cached beside the tree they built, as `semcom run` caches in its tree.
  if (Config->CacheDir == ".semcom/cache")
    Config->CacheDir = O.Pipeline.TreeRoot + "/.semcom/cache";
  O.Pipeline.RunId = core::newRunId();
  if (Config->TranscriptPath.empty())
    Config->TranscriptPath =
        O.Pipeline.TreeRoot + "/.semcom/runs/" + O.Pipeline.RunId + "-transform/transcript.jsonl";
  std::vector<std::string> Secrets = {Config->ApiKey};
  Expected<llm::LLMSession> Session = llm::createLLMSession(std::move(*Config));
  if (!Session)
    return Fail(2, llm::redactSecrets(toString(Session.takeError()), Secrets));

  raw_ostream &Progress = Json ? errs() : outs();
  auto Report = transform::runTransform(O, Session->provider(), Progress);
  if (!Report)
    return Fail(2, llm::redactSecrets(toString(Report.takeError()), Secrets));
  Session->Stats->print(errs());
  if (Json)
    outs() << Report->json() << "\n";
  else
    outs() << Report->text();
  return Report->ok() ? 0 : 1;
}

cli::SubcommandRegistration Transform("transform",
                                      "port a Python project to IR modules and a static binary",
                                      transformMain);

} // namespace
