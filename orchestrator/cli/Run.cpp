//===- Run.cpp - `semcom run`, `create`, `target`, `plan` -----------------===//
//
// Every way of giving Semcom a task ends here: the shorthands build task text, `run` reads it from
// a file, and all of them go through one parse, one provider stack and one pipeline.
//
//===----------------------------------------------------------------------===//
#include "PipelineFlags.h"
#include "Subcommand.h"

#include "semcom/Core/FunctionMode.h"
#include "semcom/Core/Pipeline.h"
#include "semcom/Core/ProgramChecks.h"
#include "semcom/Core/Support.h"
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

#include <chrono>
#include <map>
#include <optional>

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
           "PROGRAM.src/). Then the program is checked by behaviour: checks as data (cli: args +\n"
           "stdin -> stdout + exit; tcp: send/expect; http: request -> status, body, headers; see\n"
           "`semcom check-program --help`), cross-checked by an independent Python reference (a\n"
           "check it fails is disputed and dropped), run in the sandbox; failing checks go back to\n"
           "the model as a change of the module defining @semcom_main (at most 3 rounds; a repair\n"
           "that breaks a passing check is undone).\n"
           "  -o PROGRAM          the program to write\n"
           "  --strip             strip the program's symbols\n"
           "  --checks FILE       the checks, from a file (default: the model writes them and a\n"
           "                      reference program, two independent calls)\n"
           "  --reference FILE    with --checks: a Python reference to cross-check them with\n"
           "  --no-checks         link only; no behavioural checks\n"
           "  --repair-rounds N   behavioural repair rounds (default 3; 0: report only)\n"
           "With --json the summary's \"program\" object reports the program: name, path, size,\n"
           "checks_passed, checks_total, disputed, status (passed|failed), repair_rounds.\n";
  }
  return "";
}

const char *CommonHelp =
    "  --json              print the run's summary as JSON on stdout\n"
    "Exit status: 0 when every step validated, 1 when a step failed, 2 on usage or input errors.\n\n";

/// The .ll files of the tree, sorted (the program's modules).
std::vector<std::string> treeModules(StringRef Root) {
  std::vector<std::string> Modules;
  std::error_code EC;
  for (sys::fs::recursive_directory_iterator It(Root, EC), End; It != End && !EC;
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
  return Modules;
}

/// Links every module of the tree with the runtime into Output.
int linkProgram(const core::PipelineOptions &O, const std::string &Output, bool Strip,
                raw_ostream &Progress) {
  std::vector<std::string> Modules = treeModules(O.TreeRoot);
  if (Modules.empty()) {
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



/// A task step's text never holds a line a task would read as a directive or a separator.
std::string taskSafe(StringRef Text) {
  std::string Out;
  for (StringRef L : split(Text, '\n')) {
    StringRef T = L.trim();
    Out += (T.starts_with("@") || T == "---" ? "  > " + L.str() : L.str()) + "\n";
  }
  return Out;
}

/// summary.json keeps the pipeline's record and gains "program" (the key `semcom build --json`
/// readers rely on); report.html shows the program's row.
void recordProgram(const std::string &RunDir, const std::string &RunId,
                   const core::ProgramReport &R, raw_ostream &Progress) {
  std::string SummaryPath = RunDir + "/summary.json";
  json::Object Summary;
  if (auto Buffer = MemoryBuffer::getFile(SummaryPath)) {
    if (auto Doc = json::parse((*Buffer)->getBuffer())) {
      if (json::Object *Obj = Doc->getAsObject())
        Summary = std::move(*Obj);
    } else {
      consumeError(Doc.takeError());
    }
  }
  Summary["program"] = core::programReportJSON(R);
  if (Error E = core::writeDurably(SummaryPath,
                                   formatv("{0:2}", json::Value(std::move(Summary))).str()))
    Progress << "warning: " << toString(std::move(E)) << "\n";
  if (Error E = core::writeReportHtml({}, {R}, RunDir, RunId))
    Progress << "warning: " << toString(std::move(E)) << "\n";
}

struct BuildCheckOptions {
  bool Enabled = true;
  std::string ChecksFile, ReferenceFile;
  std::optional<core::ProgramChecks> Checks;
  unsigned RepairRounds = 3;
};

/// Checks the linked program by behaviour; fills R. Returns the exit code (0, 1, or 2 when the
/// run itself broke).
int verifyProgram(const core::PipelineOptions &O, const std::string &Output, bool Strip,
                  const std::string &Intent, BuildCheckOptions &B, llm::Provider &Model,
                  const std::string &RunDir, const std::string &RunId, core::ProgramReport &R,
                  const std::vector<std::string> &Secrets, raw_ostream &Progress) {
  auto Start = std::chrono::steady_clock::now();
  // The run itself broke (model unreachable, sandbox missing): exit 2, and "program" says why.
  auto Broken = [&](Error E) {
    R.Error = llm::redactSecrets(toString(std::move(E)), Secrets);
    WithColor::error(errs(), "semcom build") << R.Error << "\n";
    recordProgram(RunDir, RunId, R, Progress);
    return 2;
  };
  SmallString<256> Abs(Output);
  sys::fs::make_absolute(Abs);
  R.Name = sys::path::filename(Output).str();
  R.Path = std::string(Abs);
  sys::fs::file_size(Output, R.Size);
  core::ProgramModel PM{Model, RunDir + "/program", O.MaxTokens};
  core::ProgramModeOptions PO;
  PO.Program.Program = R.Path;
  PO.Program.SemcomExe =
      sys::fs::getMainExecutable("semcom", reinterpret_cast<void *>(&verifyProgram));
  PO.MaxRepairRounds = B.RepairRounds;
  std::optional<core::ProgramChecks> Checks = B.Checks;
  if (Checks) {
    R.ChecksSource = "file " + B.ChecksFile;
    if (!B.ReferenceFile.empty()) {
      SmallString<256> Ref(B.ReferenceFile);
      sys::fs::make_absolute(Ref);
      PO.ReferencePath = std::string(Ref);
    }
  } else {
    R.ChecksSource = "model";
    std::string Why;
    auto Asked = core::askProgramChecks(Intent, PM, Progress, Why);
    if (!Asked)
      return Broken(Asked.takeError());
    if (!*Asked) {
      R.Error = Why;
    } else {
      Checks = std::move(**Asked);
      auto Code = core::askProgramReference(Intent, *Checks, PM, Progress);
      if (!Code)
        return Broken(Code.takeError());
      PO.ReferencePath = RunDir + "/program/reference.py";
      if (Error E = core::writeDurably(PO.ReferencePath, *Code))
        return Broken(std::move(E));
      // What the reference prompt shows, kept apart: the checks themselves move into the run.
      core::ProgramChecks Shape;
      Shape.Kind = Checks->Kind;
      Shape.Port = Checks->Port;
      Shape.ServerArgs = Checks->ServerArgs;
      Shape.Description = Checks->Description;
      PO.NewReference = [&, Intent, Shape](const std::string &Why) -> Expected<std::string> {
        auto Again = core::askProgramReference(Intent, Shape, PM, Progress, Why);
        if (!Again)
          return Again.takeError();
        std::string Path = RunDir + "/program/reference-2.py";
        if (Error E = core::writeDurably(Path, *Again))
          return Expected<std::string>(std::move(E));
        return Path;
      };
    }
  }

  // Behavioural repair: the module defining @semcom_main is changed by an @target step of the
  // ordinary pipeline (fixups, validation, repair), then the program is linked again.
  std::map<std::string, std::string> Snapshot;
  unsigned RepairCalls = 0;
  auto Restore = [&]() -> Error {
    for (const auto &[Path, Text] : Snapshot)
      if (Error E = core::writeDurably(Path, Text))
        return E;
    std::string Ignored;
    raw_string_ostream Quiet(Ignored);
    if (linkProgram(O, Output, Strip, Quiet) != 0)
      return createStringError(inconvertibleErrorCode(), "%s",
                               ("the previous program could not be linked again: " + Ignored)
                                   .c_str());
    return Error::success();
  };
  PO.Repair = [&](const std::string &Failures, const std::string &Passing,
                  unsigned Round) -> Expected<bool> {
    std::string Main;
    Snapshot.clear();
    for (const std::string &M : treeModules(O.TreeRoot)) {
      auto Buffer = MemoryBuffer::getFile(M, /*IsText=*/true);
      if (!Buffer)
        continue;
      Snapshot[M] = (*Buffer)->getBuffer().str();
      StringRef Text = (*Buffer)->getBuffer();
      for (StringRef L : split(Text, '\n'))
        if (Main.empty() && L.starts_with("define ") && L.contains("@semcom_main("))
          Main = M;
    }
    if (Main.empty()) {
      Progress << "repair: no module of " << O.TreeRoot << " defines @semcom_main\n";
      return false;
    }
    SmallString<256> Rel(Main);
    sys::path::replace_path_prefix(Rel, O.TreeRoot + "/", "");
    std::string Body =
        "The program linked from this module (with the other modules of the tree and the "
        "runtime) fails behavioural checks run on the binary. Change it so that the failing "
        "checks pass and the passing ones keep passing.\nThe program was requested as: " +
        Intent + "\nFailing checks:\n" + Failures + "Passing checks (keep them passing):\n" +
        Passing;
    std::string TaskText = "@target " + std::string(Rel) + "\n" + taskSafe(Body);
    auto Task = core::parseTask(TaskText, "program repair");
    if (!Task) {
      Progress << "repair: " << toString(Task.takeError()) << "\n";
      return false;
    }
    core::PipelineOptions RO = O;
    RO.RunId = RunId + "-program-repair-" + std::to_string(Round);
    RO.Resume = false;
    core::Pipeline P(RO, Model, Progress);
    auto Report = P.run(*Task, TaskText);
    if (!Report)
      return Report.takeError();
    for (const core::StepReport &S : Report->Steps)
      RepairCalls += S.ModelCalls;
    if (!Report->ok()) {
      Progress << "repair: the change did not validate; keeping the previous program\n";
      if (Error E = Restore())
        return Expected<bool>(std::move(E));
      return false;
    }
    if (linkProgram(O, Output, Strip, Progress) != 0) {
      if (Error E = Restore())
        return Expected<bool>(std::move(E));
      return false;
    }
    sys::fs::file_size(Output, R.Size);
    return true;
  };
  PO.Revert = [&]() -> Error {
    if (Error E = Restore())
      return E;
    sys::fs::file_size(Output, R.Size);
    return Error::success();
  };
  if (B.RepairRounds == 0)
    PO.Repair = nullptr;

  if (Checks)
    if (Error E = core::checkProgram(std::move(*Checks), PO, R, Progress))
      return Broken(std::move(E));
  R.ModelCalls = PM.Calls + RepairCalls;
  R.Seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
  core::printProgramTable({R}, Progress);

  recordProgram(RunDir, RunId, R, Progress);
  return R.passed() ? 0 : 1;
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
  BuildCheckOptions Checking;
  std::vector<std::string> Positional;
  for (size_t I = 0; I < Args.size(); ++I) {
    StringRef A = Args[I];
    auto Value = [&] { return cli::optionValue(Args, I); };
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
    } else if (A == "--no-checks" && M == Mode::Build) {
      Checking.Enabled = false;
    } else if (A == "--checks" && M == Mode::Build) {
      auto V = Value();
      if (!V)
        return Fail(2, "--checks needs a checks file (JSON)");
      Checking.ChecksFile = *V;
    } else if (A == "--reference" && M == Mode::Build) {
      auto V = Value();
      if (!V)
        return Fail(2, "--reference needs a Python file");
      Checking.ReferenceFile = *V;
    } else if (A == "--repair-rounds" && M == Mode::Build) {
      auto V = Value();
      unsigned long long N;
      if (!V || getAsUnsignedInteger(*V, 10, N) || N > 10)
        return Fail(2, "--repair-rounds needs a number 0..10");
      Checking.RepairRounds = static_cast<unsigned>(N);
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
    // Bad checks are an input error found before any model call.
    if (!Checking.ReferenceFile.empty() && Checking.ChecksFile.empty())
      return Fail(2, "--reference goes with --checks (without it the model writes both)");
    if (!Checking.ChecksFile.empty() && !Checking.Enabled)
      return Fail(2, "--checks and --no-checks contradict each other");
    if (!Checking.ReferenceFile.empty() && !sys::fs::is_regular_file(Checking.ReferenceFile))
      return Fail(2, Checking.ReferenceFile + ": no such file");
    if (!Checking.ChecksFile.empty()) {
      auto C = core::loadProgramChecks(Checking.ChecksFile);
      if (!C)
        return Fail(2, toString(C.takeError()));
      Checking.Checks = std::move(*C);
    }
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
  auto PrintSummary = [&]() {
    if (Json) {
      auto Summary = MemoryBuffer::getFile(Report->RunDir + "/summary.json");
      if (Summary)
        outs() << (*Summary)->getBuffer();
    } else {
      outs() << "run: " << Report->RunDir << "\n";
    }
  };
  if (M != Mode::Build) {
    Session->Stats->print(errs());
    PrintSummary();
    return Report->ok() ? 0 : 1;
  }
  // A build that stops before its checks still says so under "program".
  auto Unbuilt = [&](const std::string &Why) {
    core::ProgramReport PR;
    PR.Name = sys::path::filename(Output).str();
    PR.Path = Output;
    PR.ChecksSource = Checking.Enabled ? "none (not built)" : "none (--no-checks)";
    PR.Error = Why;
    recordProgram(Report->RunDir, Report->RunId, PR, Progress);
  };
  if (!Report->ok()) {
    Unbuilt("a step failed, so the program was not linked");
    Session->Stats->print(errs());
    PrintSummary();
    return 1;
  }
  int Code = linkProgram(O, Output, Strip, Progress);
  if (Code != 0)
    Unbuilt("the program could not be linked");
  if (Code == 0 && Checking.Enabled && O.Target != link::hostArch()) {
    Progress << "checks: skipped (a program for " << link::archName(O.Target)
             << " does not run on this " << link::archName(link::hostArch()) << " host)\n";
  } else if (Code == 0 && Checking.Enabled) {
    core::ProgramReport PR;
    Code = verifyProgram(O, Output, Strip, join(Positional, " "), Checking, Session->provider(),
                         Report->RunDir, Report->RunId, PR, Secrets, Progress);
  }
  Session->Stats->print(errs());
  PrintSummary();
  return Code;
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
