//===- Run.cpp - `semcom run`, `create`, `target`, `plan` -----------------===//
//
// Every way of giving Semcom a task ends here: the shorthands build task text, `run` reads it from
// a file, and all of them go through one parse, one provider stack and one pipeline.
//
//===----------------------------------------------------------------------===//
#include "PipelineFlags.h"
#include "Subcommand.h"

#include "semcom/Core/Pipeline.h"
#include "semcom/Core/Task.h"
#include "semcom/LLM/Config.h"
#include "semcom/LLM/LLMError.h"
#include "semcom/Link/Link.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace semcom;

namespace {

enum class Mode { Run, Create, Target, Plan, Build };

const char *usageOf(Mode M) {
  switch (M) {
  case Mode::Run:
    return "usage: semcom run [OPTIONS] TASKFILE\n"
           "       semcom run [OPTIONS] --resume RUN_ID\n\n"
           "Runs every step of a task file (directives, steps split by `---`; see `semcom help`).\n";
  case Mode::Create:
    return "usage: semcom create [OPTIONS] FILE.ll \"INTENT\"\n\n"
           "Creates a new module in the tree from an intent (the task `@create FILE.ll`).\n";
  case Mode::Target:
    return "usage: semcom target [OPTIONS] FILE.ll \"CHANGE\" [--append]\n\n"
           "Changes a module of the tree (`@target FILE.ll`); with --append the model writes only\n"
           "new functions, merged into the module.\n";
  case Mode::Plan:
    return "usage: semcom plan [OPTIONS] \"INTENT\"\n\n"
           "The model plans the modules (signatures first), then each is created (`@plan`).\n";
  case Mode::Build:
    return "usage: semcom build [OPTIONS] \"INTENT\" -o PROGRAM\n\n"
           "A program from one sentence: plan the modules, create each, then link them with the\n"
           "runtime into a static, libc-free PROGRAM. The modules go in --tree (default\n"
           "PROGRAM.src/).\n  -o PROGRAM          the program to write\n"
           "  --strip             strip the program's symbols\n";
  }
  return "";
}

const char *CommonHelp =
    "  --json              print the run's summary as JSON on stdout\n"
    "Exit status: 0 when every step validated, 1 when a step failed, 2 on usage or input errors.\n\n";

/// Links every module of the tree with the runtime into Output.
int linkProgram(const core::PipelineOptions &O, const std::string &Output, bool Strip,
                raw_ostream &Progress) {
  std::vector<std::string> Modules;
  std::error_code EC;
  for (sys::fs::recursive_directory_iterator It(O.TreeRoot, EC), End; It != End && !EC;
       It.increment(EC)) {
    StringRef Name = sys::path::filename(It->path());
    if (Name.starts_with(".")) {
      It.no_push();
      continue;
    }
    if (Name.ends_with(".ll"))
      Modules.push_back(It->path());
  }
  llvm::sort(Modules);
  if (EC || Modules.empty()) {
    WithColor::error(errs(), "semcom build") << O.TreeRoot << ": no modules to link\n";
    return 1;
  }
  auto Runtime = link::findRuntimeArchive(O.Target);
  if (!Runtime) {
    WithColor::error(errs(), "semcom build") << toString(Runtime.takeError()) << "\n";
    return 2;
  }
  link::BuildOptions B;
  B.Target = O.Target;
  B.Strip = Strip;
  B.OutputPath = Output;
  B.RuntimeArchive = *Runtime;
  if (Error E = link::buildExecutable(Modules, B)) {
    Progress << "link: failed\n";
    WithColor::error(errs(), "semcom build") << toString(std::move(E)) << "\n";
    return 1;
  }
  uint64_t Size = 0;
  sys::fs::file_size(Output, Size);
  Progress << "link: ok (" << Modules.size() << " module" << (Modules.size() == 1 ? "" : "s")
           << ", " << Output << ", " << Size << " bytes, static, " << link::archName(O.Target)
           << ")\n";
  return 0;
}

int runTask(Mode M, const std::vector<std::string> &ArgsIn) {
  const char *Tool = M == Mode::Run      ? "semcom run"
                     : M == Mode::Create ? "semcom create"
                     : M == Mode::Target ? "semcom target"
                     : M == Mode::Plan   ? "semcom plan"
                                         : "semcom build";
  auto Fail = [&](int Code, const Twine &Msg) {
    WithColor::error(errs(), Tool) << Msg << "\n";
    return Code;
  };
  std::vector<std::string> Args = ArgsIn;
  llm::LLMFlags Flags;
  if (Error E = llm::consumeLLMFlags(Args, Flags))
    return Fail(2, toString(std::move(E)));

  core::PipelineOptions O;
  O.Target = link::hostArch();
  bool Json = false, Append = false, Strip = false, TreeGiven = false;
  if (Error E = cli::consumePipelineFlags(Args, O, &TreeGiven))
    return Fail(2, toString(std::move(E)));
  std::string Resume, Output;
  std::vector<std::string> Positional;
  for (size_t I = 0; I < Args.size(); ++I) {
    StringRef A = Args[I];
    auto Value = [&]() -> std::optional<std::string> {
      if (I + 1 >= Args.size())
        return std::nullopt;
      return Args[++I];
    };
    if (A == "--help" || A == "-h") {
      outs() << usageOf(M) << "\noptions:\n" << cli::PipelineFlagsHelp << CommonHelp
             << llm::llmFlagsHelp();
      return 0;
    } else if ((A == "-o" || A == "--output") && M == Mode::Build) {
      auto V = Value();
      if (!V)
        return Fail(2, "-o needs the program's path");
      Output = *V;
    } else if (A == "--strip" && M == Mode::Build) {
      Strip = true;
    } else if (A == "--json") {
      Json = true;
    } else if (A == "--append" && M == Mode::Target) {
      Append = true;
    } else if (A == "--resume" && M == Mode::Run) {
      auto V = Value();
      if (!V)
        return Fail(2, "--resume needs a run id (a folder name under .semcom/runs/)");
      Resume = *V;
    } else if (A.starts_with("-") && A != "-") {
      return Fail(2, "unknown option '" + A + "'; see '" + Tool + " --help'");
    } else {
      Positional.push_back(A.str());
    }
  }
  if (M == Mode::Build) {
    if (Output.empty())
      return Fail(2, "missing -o PROGRAM; see 'semcom build --help'");
    if (!TreeGiven)
      O.TreeRoot = Output + ".src";
    if (std::error_code EC = sys::fs::create_directories(O.TreeRoot))
      return Fail(2, O.TreeRoot + ": " + EC.message());
  }
  if (!sys::fs::is_directory(O.TreeRoot))
    return Fail(2, "--tree " + O.TreeRoot + ": not a directory");

  // The task text, from a file or from the shorthand's words.
  std::string TaskText, TaskName = "<command line>";
  switch (M) {
  case Mode::Run:
    if (!Resume.empty()) {
      if (!Positional.empty())
        return Fail(2, "give either TASKFILE or --resume RUN_ID, not both");
      TaskName = O.TreeRoot + "/.semcom/runs/" + Resume + "/task.txt";
      O.RunId = Resume;
      O.Resume = true;
    } else if (Positional.size() != 1) {
      return Fail(2, "expected one TASKFILE; see 'semcom run --help'");
    } else {
      TaskName = Positional[0];
    }
    {
      auto Buffer = MemoryBuffer::getFileOrSTDIN(TaskName, /*IsText=*/true);
      if (!Buffer)
        return Fail(2, TaskName + ": " + Buffer.getError().message());
      TaskText = (*Buffer)->getBuffer().str();
    }
    break;
  case Mode::Create:
  case Mode::Target:
    if (Positional.size() < 2)
      return Fail(2, std::string("expected FILE.ll and an intent; see '") + Tool + " --help'");
    TaskText = (M == Mode::Create ? "@create " : "@target ") + Positional[0] +
               (Append ? " append" : "") + "\n" +
               join(ArrayRef<std::string>(Positional).drop_front(), " ") + "\n";
    break;
  case Mode::Plan:
  case Mode::Build:
    if (Positional.empty())
      return Fail(2, std::string("expected an intent; see '") + Tool + " --help'");
    TaskText = "@plan\n" + join(Positional, " ") + "\n";
    break;
  }
  auto Task = core::parseTask(TaskText, TaskName);
  if (!Task) {
    errs() << toString(Task.takeError()) << "\n";
    return 2;
  }

  // A task of @help steps only asks no model, so it needs no provider either.
  if (llvm::all_of(Task->Steps,
                   [](const core::Step &S) { return S.Kind == core::Directive::Help; })) {
    for (size_t I = 0; I < Task->Steps.size(); ++I)
      outs() << "step " << I + 1 << "/" << Task->Steps.size() << ": @help\n"
             << core::directiveHelp();
    outs() << "passed: " << Task->Steps.size() << " failed: 0 skipped: 0\n";
    return 0;
  }

  Expected<llm::LLMConfig> Config = llm::resolveLLMConfig(Flags);
  if (!Config)
    return Fail(2, toString(Config.takeError()));
  if (O.RunId.empty())
    O.RunId = core::newRunId();
  if (Config->TranscriptPath.empty())
    Config->TranscriptPath = O.TreeRoot + "/.semcom/runs/" + O.RunId + "/transcript.jsonl";
  std::vector<std::string> Secrets = {Config->ApiKey};
  Expected<llm::LLMSession> Session = llm::createLLMSession(std::move(*Config));
  if (!Session)
    return Fail(2, llm::redactSecrets(toString(Session.takeError()), Secrets));

  // Progress goes to stderr when stdout carries JSON.
  raw_ostream &Progress = Json ? errs() : outs();
  core::Pipeline P(O, Session->provider(), Progress);
  auto Report = P.run(*Task, TaskText);
  if (!Report)
    return Fail(2, llm::redactSecrets(toString(Report.takeError()), Secrets));
  Session->Stats->print(errs());
  if (Json) {
    auto Summary = MemoryBuffer::getFile(Report->RunDir + "/summary.json");
    if (Summary)
      outs() << (*Summary)->getBuffer();
  } else {
    outs() << "run: " << Report->RunDir << "\n";
  }
  if (!Report->ok())
    return 1;
  if (M == Mode::Build)
    return linkProgram(O, Output, Strip, Progress);
  return 0;
}

cli::SubcommandRegistration Run("run", "run a task file's steps against the module tree",
                                [](const std::vector<std::string> &A) {
                                  return runTask(Mode::Run, A);
                                });
cli::SubcommandRegistration Create("create", "create a module from an intent",
                                   [](const std::vector<std::string> &A) {
                                     return runTask(Mode::Create, A);
                                   });
cli::SubcommandRegistration Target("target", "change a module (--append: add functions)",
                                   [](const std::vector<std::string> &A) {
                                     return runTask(Mode::Target, A);
                                   });
cli::SubcommandRegistration Build("build", "a static program from one sentence: plan, create, link",
                                  [](const std::vector<std::string> &A) {
                                    return runTask(Mode::Build, A);
                                  });
cli::SubcommandRegistration Plan("plan", "plan modules for an intent, then create them",
                                 [](const std::vector<std::string> &A) {
                                   return runTask(Mode::Plan, A);
                                 });

} // namespace
