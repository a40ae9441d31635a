//===- Demo.cpp - `semcom demo`: recorded model answers replayed live -----===//
//
// A newcomer with no key and no network must see the whole loop work: every run of a recording's
// manifest is replayed by this same executable with --offline against the recorded response
// cache, so only the model's answers come from the recording while pre-parse repair, fixups,
// validation, linking and sandboxed tests run for real. The derived outcomes double as a
// regression test (--check) of everything that is not the model.
//
//===----------------------------------------------------------------------===//
#include "Subcommand.h"

#include "semcom/Core/FunctionMode.h"
#include "semcom/Core/Report.h"
#include "semcom/Core/Support.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <optional>
#include <set>
#include <unistd.h>

using namespace llvm;
using namespace semcom;

#ifndef SEMCOM_SOURCE_DIR
#define SEMCOM_SOURCE_DIR ""
#endif
#ifndef SEMCOM_INSTALL_DATADIR
#define SEMCOM_INSTALL_DATADIR "share"
#endif

namespace {

const char *DemoHelp =
    "usage: semcom demo [--out DIR] [--recordings DIR] [--json] [--check | --update-expect]\n"
    "       semcom demo --record [--recordings DIR] [--update-expect] -- MODEL-FLAGS\n\n"
    "Replays recorded model answers through the live pipeline: every run of the recordings'\n"
    "manifest.json is run by this semcom with --offline against the recorded response cache, so\n"
    "no model is called while pre-parse repair, fixups, validation, linking and sandboxed tests\n"
    "run for real. Prints the tables (functions, programs, task steps) and totals, and writes\n"
    "DIR/report.html, DIR/summary.json, DIR/<function>.ll for every verified function and the\n"
    "program binaries DIR/<program>. Each run works in DIR/work/<name>/.\n\n"
    "options:\n"
    "  --out DIR           where the results go (default: demo-out)\n"
    "  --recordings DIR    the recordings (manifest.json, cache/); default: the installed ones\n"
    "                      (share/semcom/recordings) or the source tree's examples/recordings\n"
    "  --json              print summary.json on stdout (progress goes to stderr)\n"
    "  --check             compare each run's outcome with the manifest's \"expect\"; exit 1\n"
    "                      listing what changed\n"
    "  --update-expect     write the outcomes into the manifest's \"expect\" (atomically)\n"
    "  --prune             after every run replayed, delete the cache entries no run used (answers\n"
    "                      to prompts that have since changed)\n"
    "  --record -- FLAGS   make the recording: the same runs, in the same folders, asking the\n"
    "                      model FLAGS name (they must give the manifest's --provider and\n"
    "                      --model), answers stored in the recordings' cache/\n"
    "\nThe recordings: manifest.json = {\"format\": 1, \"provider\", \"model\", \"recorded\" (date),\n"
    "\"how\" (a paragraph), \"runs\": [{\"name\", \"title\", \"argv\": [semcom's arguments],\n"
    "\"tree\": a folder copied as the run's working folder or null, \"expect\": {...}}]}, where\n"
    "@REC@ stands for the recordings folder and @SRC@ for the source (or installed share/semcom)\n"
    "root; cache/ holds the response-cache entries the runs look up.\n\n"
    "Exit status: 0 when every run replayed (and, with --check, matched), 1 when a run could not\n"
    "be replayed or an outcome changed, 2 on usage or input errors.\n";

std::string absolute(StringRef P) {
  SmallString<256> S(P);
  sys::fs::make_absolute(S);
  sys::path::remove_dots(S, /*remove_dot_dot=*/true);
  return std::string(S);
}

std::string joinPath(StringRef A, StringRef B) {
  SmallString<256> S(A);
  sys::path::append(S, B);
  return std::string(S);
}

std::string replaceAll(std::string S, StringRef From, StringRef To) {
  for (size_t At = S.find(From.str()); At != std::string::npos;
       At = S.find(From.str(), At + To.size()))
    S.replace(At, From.size(), To.str());
  return S;
}

/// Folders the runs work in are readable by all: the sandbox runs generated programs as another
/// user when semcom runs as root, and create_directories' default (0770 less the umask) would
/// hide the programs from it.
std::error_code makeDirectories(const Twine &Path) {
  return sys::fs::create_directories(Path, /*IgnoreExisting=*/true,
                                     sys::fs::all_read | sys::fs::all_exe | sys::fs::owner_write);
}

/// A copy of a directory tree (files and folders; the copy is a run's fresh working tree).
Error copyTree(StringRef From, StringRef To) {
  if (!sys::fs::is_directory(From))
    return createStringError(inconvertibleErrorCode(), From + ": not a directory");
  std::error_code EC = makeDirectories(To);
  for (sys::fs::recursive_directory_iterator It(From, EC), End; It != End && !EC;
       It.increment(EC)) {
    StringRef Rel = StringRef(It->path()).drop_front(From.size()).ltrim('/');
    std::string Dest = joinPath(To, Rel);
    if (sys::fs::is_directory(It->path())) {
      EC = makeDirectories(Dest);
    } else {
      EC = sys::fs::copy_file(It->path(), Dest);
      if (!EC)
        if (auto Perms = sys::fs::getPermissions(It->path()))
          sys::fs::setPermissions(Dest, *Perms);
    }
    if (EC)
      return createStringError(EC, "copying " + It->path() + ": " + EC.message());
  }
  if (EC)
    return createStringError(EC, "copying " + From + ": " + EC.message());
  return Error::success();
}

std::string readText(StringRef Path) {
  auto B = MemoryBuffer::getFile(Path, /*IsText=*/true);
  return B ? (*B)->getBuffer().str() : std::string();
}

std::string str(const json::Object *O, StringRef Key) {
  if (!O)
    return "";
  if (auto S = O->getString(Key))
    return S->str();
  return "";
}
int64_t num(const json::Object *O, StringRef Key) {
  if (!O)
    return 0;
  if (auto N = O->getInteger(Key))
    return *N;
  if (auto D = O->getNumber(Key))
    return static_cast<int64_t>(*D);
  return 0;
}
double seconds(const json::Object *O, StringRef Key) {
  if (auto D = O ? O->getNumber(Key) : std::nullopt)
    return *D;
  return 0;
}

std::string humanSize(uint64_t Bytes) {
  if (Bytes < 10 * 1024)
    return formatv("{0} B", Bytes).str();
  if (Bytes < 10 * 1024 * 1024)
    return formatv("{0:f1} KiB", Bytes / 1024.0).str();
  return formatv("{0:f1} MiB", Bytes / (1024.0 * 1024.0)).str();
}

std::string secondsText(double S) { return formatv("{0:f1}s", S).str(); }

struct ProgramRow {
  std::string Run, Name, Path; ///< Path: the binary in the run's work folder ("" if none)
  uint64_t Size = 0;
  std::string Checks = "-";
  std::string Status = "failed";
  unsigned RepairRounds = 0;
  double Seconds = 0;
};

struct StepRow {
  std::string Run, Step, Status;
  unsigned ModelCalls = 0;
  double Seconds = 0;
};

/// One manifest run, then what its replay gave.
struct DemoRun {
  std::string Name, Title, Kind, TreeFrom;
  std::vector<std::string> Argv;
  std::string WorkDir, Transcript, StdoutPath, StderrPath;
  int Exit = -1;
  bool Replayed = false;  ///< the run produced its report (whatever the code's verdict)
  std::string Failure;    ///< why it could not be replayed
  double Seconds = 0;
  std::vector<core::FunctionReport> Functions;
  std::vector<std::string> FunctionFiles; ///< the verified module of each function, or ""
  std::vector<ProgramRow> Programs;
  std::vector<StepRow> Steps;
  uint64_t Tokens = 0;
  bool TokensEstimated = false;
  unsigned ModelCalls = 0; ///< answers the run used, from its transcript
  std::vector<std::string> CacheKeys; ///< the response-cache entries those answers came from
};

/// The rows --check compares, one line each, from derived outcomes or a manifest's "expect".
std::vector<std::string> expectLines(const json::Object &Expect) {
  std::vector<std::string> Lines;
  if (auto R = Expect.getString("replay"); R && *R != "ok")
    Lines.push_back(("replay: " + *R).str());
  if (const json::Array *A = Expect.getArray("functions"))
    for (const json::Value &V : *A) {
      const json::Object *O = V.getAsObject();
      Lines.push_back(formatv("function {0}: {1}, IR attempts {2}, tests {3}", str(O, "function"),
                              str(O, "result"), num(O, "ir_attempts"), str(O, "tests"))
                          .str());
    }
  if (const json::Array *A = Expect.getArray("programs"))
    for (const json::Value &V : *A) {
      const json::Object *O = V.getAsObject();
      Lines.push_back(formatv("program {0}: {1}, checks {2}", str(O, "program"), str(O, "status"),
                              str(O, "checks"))
                          .str());
    }
  if (const json::Array *A = Expect.getArray("steps"))
    for (const json::Value &V : *A) {
      const json::Object *O = V.getAsObject();
      Lines.push_back(formatv("step {0}: {1}", str(O, "step"), str(O, "status")).str());
    }
  return Lines;
}

json::Object deriveExpect(const DemoRun &R) {
  json::Array Functions, Programs, Steps;
  for (const core::FunctionReport &F : R.Functions)
    Functions.push_back(json::Object{{"function", F.Function.empty() ? F.Test : F.Function},
                                     {"result", F.passed() ? "PASS" : "FAIL"},
                                     {"ir_attempts", F.IRAttempts},
                                     {"tests", formatv("{0}/{1}", F.Passed, F.Checked).str()}});
  for (const ProgramRow &P : R.Programs)
    Programs.push_back(
        json::Object{{"program", P.Name}, {"status", P.Status}, {"checks", P.Checks}});
  for (const StepRow &S : R.Steps)
    Steps.push_back(json::Object{{"step", S.Step}, {"status", S.Status}});
  json::Object O{{"replay", R.Replayed ? "ok" : "failed"}};
  if (!Functions.empty())
    O["functions"] = std::move(Functions);
  if (!Programs.empty())
    O["programs"] = std::move(Programs);
  if (!Steps.empty())
    O["steps"] = std::move(Steps);
  return O;
}

/// The value that follows Flag in Argv.
std::string flagValue(ArrayRef<std::string> Argv, StringRef Flag) {
  for (size_t I = 0; I + 1 < Argv.size(); ++I)
    if (Argv[I] == Flag)
      return Argv[I + 1];
  return "";
}

/// Tokens the run's calls used, from its transcript. Providers that report no usage (a command
/// standing in for a model) are counted by text length, four characters a token, and say so.
void countTokens(DemoRun &R) {
  std::string Text = readText(R.Transcript);
  for (StringRef Line : split(Text, '\n')) {
    if (Line.trim().empty())
      continue;
    Expected<json::Value> V = json::parse(Line);
    if (!V) {
      consumeError(V.takeError());
      continue;
    }
    const json::Object *O = V->getAsObject();
    const json::Object *Resp = O ? O->getObject("response") : nullptr;
    if (!Resp)
      continue;
    ++R.ModelCalls;
    if (std::optional<StringRef> Key = O->getString("cache_key"))
      R.CacheKeys.push_back(Key->str());
    const json::Object *U = Resp->getObject("usage");
    uint64_t Used = num(U, "input") + num(U, "output") + num(U, "cache_write") +
                    num(U, "cache_read");
    if (Used == 0) {
      size_t Chars = str(Resp, "text").size();
      if (const json::Object *Req = O->getObject("request")) {
        Chars += str(Req, "system_prefix").size() + str(Req, "system").size();
        if (const json::Array *Msgs = Req->getArray("messages"))
          for (const json::Value &M : *Msgs)
            if (const json::Object *MO = M.getAsObject()) {
              Chars += str(MO, "text").size();
              if (const json::Array *Content = MO->getArray("content"))
                for (const json::Value &C : *Content)
                  Chars += str(C.getAsObject(), "text").size();
            }
      }
      Used = (Chars + 3) / 4;
      R.TokensEstimated = true;
    }
    R.Tokens += Used;
  }
}

/// The last line of the run's stderr that explains a failure (an offline miss names the request).
std::string failureFrom(StringRef Stderr) {
  SmallVector<StringRef, 32> Lines;
  Stderr.split(Lines, '\n', -1, false);
  for (StringRef L : llvm::reverse(Lines))
    if (L.contains("offline:"))
      return ("no recorded answer: " + L.substr(L.find("offline:")).trim()).str();
  for (StringRef L : llvm::reverse(Lines))
    if (L.contains("error:"))
      return L.trim().str();
  return Lines.empty() ? "no output" : Lines.back().trim().str();
}

core::FunctionReport functionFrom(const json::Object &O) {
  core::FunctionReport F;
  F.Test = str(&O, "test");
  F.Function = str(&O, "function");
  F.Signature = str(&O, "signature");
  F.Status = str(&O, "status").empty() ? (str(&O, "result") == "PASS" ? "passed" : "failed")
                                       : str(&O, "status");
  F.Error = str(&O, "error");
  F.IRAttempts = num(&O, "ir_attempts");
  F.ModelCalls = num(&O, "model_calls");
  F.BehaviourRounds = num(&O, "behaviour_rounds");
  F.Passed = num(&O, "tests_passed");
  F.Checked = num(&O, "tests");
  F.Seconds = seconds(&O, "seconds");
  if (const json::Array *A = O.getArray("vectors"))
    for (const json::Value &V : *A) {
      const json::Object *VO = V.getAsObject();
      core::VectorOutcome Out;
      Out.Index = num(VO, "index");
      Out.Passed = VO && VO->getBoolean("passed").value_or(false);
      Out.Got = str(VO, "got");
      Out.Want = str(VO, "want");
      Out.Crash = str(VO, "crash");
      F.Outcomes.push_back(std::move(Out));
    }
  if (const json::Array *A = O.getArray("disputed"))
    for (const json::Value &V : *A) {
      const json::Object *DO = V.getAsObject();
      core::DisputedVector D;
      D.Index = num(DO, "index");
      D.Call = str(DO, "call");
      D.Expected = str(DO, "expected");
      D.Reference = str(DO, "reference");
      F.Disputed.push_back(std::move(D));
    }
  if (const json::Array *A = O.getArray("rejected_repairs"))
    for (const json::Value &V : *A)
      if (auto S = V.getAsString())
        F.Rejected.push_back(S->str());
  return F;
}

void addSteps(DemoRun &R, const json::Object &Doc) {
  const json::Array *Steps = Doc.getArray("steps");
  if (!Steps)
    return;
  for (const json::Value &V : *Steps) {
    const json::Object *O = V.getAsObject();
    StepRow S;
    S.Run = R.Name;
    S.Step = formatv("{0} @{1}{2}{3}", num(O, "index"), str(O, "directive"),
                     str(O, "target").empty() ? "" : " ", str(O, "target"))
                 .str();
    S.Status = str(O, "status");
    S.ModelCalls = num(O, "model_calls");
    S.Seconds = seconds(O, "seconds");
    R.Steps.push_back(std::move(S));
  }
}

/// Reads what a replayed run reported (its --json on stdout) into rows.
void deriveRows(DemoRun &R, const json::Object &Doc) {
  if (R.Kind == "fn") {
    std::string Tree = flagValue(R.Argv, "--tree");
    std::string RunDir =
        joinPath(joinPath(Tree.empty() ? R.WorkDir : joinPath(R.WorkDir, Tree), ".semcom/runs"),
                 str(&Doc, "run"));
    if (const json::Array *Results = Doc.getArray("results"))
      for (size_t I = 0; I < Results->size(); ++I) {
        const json::Object *O = (*Results)[I].getAsObject();
        if (!O)
          continue;
        core::FunctionReport F = functionFrom(*O);
        std::string File;
        if (F.passed() && !F.Function.empty()) {
          File = joinPath(joinPath(RunDir, "fn-" + std::to_string(I + 1)), F.Function + ".ll");
          F.IR = readText(File);
          if (F.IR.empty())
            File.clear();
        }
        R.Functions.push_back(std::move(F));
        R.FunctionFiles.push_back(File);
      }
    return;
  }
  if (R.Kind == "transform") {
    if (const json::Array *Mods = Doc.getArray("modules"))
      for (const json::Value &V : *Mods) {
        const json::Object *O = V.getAsObject();
        StepRow S;
        S.Run = R.Name;
        S.Step = "module " + str(O, "module");
        S.Status = str(O, "status");
        S.ModelCalls = num(O, "model_calls");
        R.Steps.push_back(std::move(S));
      }
    ProgramRow P;
    P.Run = R.Name;
    P.Path = str(&Doc, "binary");
    if (!P.Path.empty() && !sys::path::is_absolute(P.Path))
      P.Path = joinPath(R.WorkDir, P.Path);
    P.Name = P.Path.empty() ? R.Name : sys::path::filename(P.Path).str();
    unsigned Passed = 0, Total = 0;
    if (const json::Array *Cases = Doc.getArray("cases"))
      for (const json::Value &V : *Cases) {
        ++Total;
        const json::Object *O = V.getAsObject();
        Passed += O && O->getBoolean("passed").value_or(false);
      }
    if (Total)
      P.Checks = formatv("{0}/{1}", Passed, Total).str();
    P.RepairRounds = num(&Doc, "behaviour_rounds");
    bool Ok = Doc.getBoolean("ok").value_or(false);
    // A port whose binary matched the Python program on every sample passed, as a build passes
    // its checks; "built" is left for one with no sample to compare.
    bool Built = Ok && !P.Path.empty() && sys::fs::exists(P.Path);
    P.Status = !Built ? "failed" : Total && Passed == Total ? "passed" : "built";
    if (P.Path.empty() || !sys::fs::exists(P.Path))
      P.Path.clear();
    sys::fs::file_size(P.Path, P.Size);
    P.Seconds = R.Seconds;
    R.Programs.push_back(std::move(P));
    return;
  }
  // run, build, create, target, plan: the pipeline's summary.
  addSteps(R, Doc);
  if (R.Kind != "build")
    return;
  ProgramRow P;
  P.Run = R.Name;
  std::string Output = flagValue(R.Argv, "-o");
  if (Output.empty())
    Output = flagValue(R.Argv, "--output");
  P.Name = sys::path::filename(Output).str();
  P.Path = sys::path::is_absolute(Output) ? Output : joinPath(R.WorkDir, Output);
  bool Built = R.Exit == 0 && sys::fs::exists(P.Path);
  P.Status = Built ? "built" : "failed";
  // `semcom build` with behavioural checks reports them under "program".
  if (const json::Object *Prog = Doc.getObject("program")) {
    if (!str(Prog, "status").empty())
      P.Status = str(Prog, "status");
    if (Prog->get("checks_total"))
      P.Checks = formatv("{0}/{1}", num(Prog, "checks_passed"), num(Prog, "checks_total")).str();
    if (const json::Array *Disputed = Prog->getArray("disputed"); Disputed && !Disputed->empty())
      P.Checks += formatv(" ({0} disputed)", Disputed->size()).str();
    P.RepairRounds = num(Prog, "repair_rounds");
    if (!str(Prog, "name").empty())
      P.Name = str(Prog, "name");
  }
  if (!sys::fs::exists(P.Path))
    P.Path.clear();
  else
    sys::fs::file_size(P.Path, P.Size);
  P.Seconds = R.Seconds;
  R.Programs.push_back(std::move(P));
}

struct Recordings {
  std::string Dir, Source; ///< @REC@ and @SRC@
};

/// Where the recordings and the source root (runtime sources) are: the install prefix beside this
/// executable first, then the source tree this semcom was built from.
Expected<Recordings> locate(StringRef Given) {
  std::string Exe = sys::fs::getMainExecutable(nullptr, reinterpret_cast<void *>(&locate));
  std::string Share =
      joinPath(joinPath(sys::path::parent_path(sys::path::parent_path(Exe)),
                        SEMCOM_INSTALL_DATADIR),
               "semcom");
  std::string SourceDir = SEMCOM_SOURCE_DIR;
  Recordings R;
  if (sys::fs::is_directory(joinPath(Share, "runtime")))
    R.Source = Share;
  else
    R.Source = SourceDir;
  if (!Given.empty()) {
    R.Dir = absolute(Given);
    return R;
  }
  std::vector<std::string> Tried;
  for (const std::string &Candidate :
       {joinPath(Share, "recordings"),
        SourceDir.empty() ? std::string() : joinPath(SourceDir, "examples/recordings")}) {
    if (Candidate.empty())
      continue;
    if (sys::fs::exists(joinPath(Candidate, "manifest.json"))) {
      R.Dir = Candidate;
      return R;
    }
    Tried.push_back(Candidate);
  }
  return createStringError(inconvertibleErrorCode(),
                           "no recordings found (looked for manifest.json in " +
                               join(Tried, " and ") + "); pass --recordings DIR");
}

/// What the manifest says about the recording as a whole.
struct Manifest {
  std::string Path, Model, Provider, Recorded, How;
};

/// The runs a manifest lists, with @REC@ and @SRC@ resolved. A bad manifest is an input error.
Expected<std::vector<DemoRun>> readRuns(const json::Object &Doc, const Manifest &M,
                                        const Recordings &Rec) {
  auto Bad = [&](const Twine &Msg) {
    return createStringError(inconvertibleErrorCode(), M.Path + ": " + Msg);
  };
  auto Resolve = [&](std::string S) {
    return replaceAll(replaceAll(std::move(S), "@REC@", Rec.Dir), "@SRC@", Rec.Source);
  };
  std::vector<DemoRun> Runs;
  for (const json::Value &V : *Doc.getArray("runs")) {
    const json::Object *O = V.getAsObject();
    DemoRun R;
    R.Name = str(O, "name");
    R.Title = str(O, "title");
    if (R.Name.empty() || R.Name[0] == '.' ||
        R.Name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                 "0123456789._-") != std::string::npos)
      return Bad("run name '" + R.Name + "' must be letters, digits, '.', '_' or '-'");
    const json::Array *Argv = O->getArray("argv");
    if (!Argv || Argv->empty())
      return Bad("run '" + R.Name + "' has no \"argv\"");
    for (const json::Value &A : *Argv) {
      auto S = A.getAsString();
      if (!S)
        return Bad("run '" + R.Name + "': argv must be strings");
      R.Argv.push_back(Resolve(S->str()));
    }
    R.Kind = R.Argv[0];
    if (R.Kind == "demo")
      return Bad("run '" + R.Name + "' would run the demo itself");
    if (llvm::any_of(Runs, [&](const DemoRun &Earlier) { return Earlier.Name == R.Name; }))
      return Bad("two runs are named '" + R.Name + "'");
    R.TreeFrom = Resolve(str(O, "tree"));
    Runs.push_back(std::move(R));
  }
  return Runs;
}

/// How every run is started: this semcom, the recordings' cache, and either the manifest's
/// provider offline (a replay) or the model flags of --record.
struct Launch {
  std::string Exe, Cache, WorkRoot;
  std::vector<std::string> ModelFlags;
};

/// Runs R in a fresh WorkRoot/<name>/ (a copy of its tree) and reads its report. A run that
/// produced no report gets R.Failure; Progress gets one line either way.
void performRun(DemoRun &R, const Launch &L, StringRef Done, raw_ostream &Progress) {
  R.WorkDir = joinPath(L.WorkRoot, R.Name);
  R.Transcript = joinPath(L.WorkRoot, R.Name + ".transcript.jsonl");
  R.StdoutPath = joinPath(L.WorkRoot, R.Name + ".stdout");
  R.StderrPath = joinPath(L.WorkRoot, R.Name + ".stderr");
  sys::fs::remove_directories(R.WorkDir);
  // ExecuteAndWait's redirections do not truncate: a longer earlier output would leave its tail.
  for (const std::string &Old : {R.Transcript, R.StdoutPath, R.StderrPath})
    sys::fs::remove(Old);
  Error Prepared = R.TreeFrom.empty() ? errorCodeToError(makeDirectories(R.WorkDir))
                                      : copyTree(R.TreeFrom, R.WorkDir);
  if (Prepared) {
    R.Failure = "cannot prepare the working tree: " + toString(std::move(Prepared));
    Progress << "not " << Done << ": " << R.Failure << "\n";
    return;
  }
  // sh changes into the run's folder, then becomes this semcom: the runs see the tree as cwd.
  std::vector<std::string> Command = {"sh", "-c", "cd \"$0\" && exec \"$@\"", R.WorkDir, L.Exe};
  Command.insert(Command.end(), R.Argv.begin(), R.Argv.end());
  for (StringRef A : {StringRef("--json"), StringRef("--cache-dir"), StringRef(L.Cache),
                      StringRef("--transcript"), StringRef(R.Transcript)})
    Command.push_back(A.str());
  Command.insert(Command.end(), L.ModelFlags.begin(), L.ModelFlags.end());
  std::vector<StringRef> Argv(Command.begin(), Command.end());
  std::optional<StringRef> Redirects[] = {StringRef("/dev/null"), StringRef(R.StdoutPath),
                                          StringRef(R.StderrPath)};
  std::string ErrMsg;
  auto Start = std::chrono::steady_clock::now();
  auto Shell = sys::findProgramByName("sh");
  R.Exit = sys::ExecuteAndWait(Shell ? *Shell : "/bin/sh", Argv, std::nullopt, Redirects,
                               /*SecondsToWait=*/3600, 0, &ErrMsg);
  R.Seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
  Expected<json::Value> Doc = json::parse(readText(R.StdoutPath));
  if (R.Exit < 0 || !Doc || !Doc->getAsObject()) {
    if (!Doc)
      consumeError(Doc.takeError());
    R.Failure = R.Exit < 0 ? "could not run: " + ErrMsg : failureFrom(readText(R.StderrPath));
    Progress << "not " << Done << " (" << secondsText(R.Seconds) << "): " << R.Failure << "\n";
    return;
  }
  R.Replayed = true;
  deriveRows(R, *Doc->getAsObject());
  countTokens(R);
  Progress << "done, exit " << R.Exit << " (" << secondsText(R.Seconds) << ")\n";
}

/// As root, the sandbox runs generated programs as a throwaway user: a folder above Dir that
/// others may not enter hides them, and their tests would fail for a reason that is not theirs.
void warnIfHiddenFromSandbox(StringRef OutDir, StringRef Out) {
  if (::geteuid() != 0)
    return;
  for (StringRef Dir = OutDir; !Dir.empty() && Dir != "/"; Dir = sys::path::parent_path(Dir)) {
    sys::fs::file_status St;
    if (!sys::fs::status(Dir, St) && !(St.permissions() & sys::fs::others_exe)) {
      WithColor::warning(errs(), "semcom demo")
          << Dir << " is closed to other users (mode "
          << format("%04o", static_cast<unsigned>(St.permissions()))
          << "); as root the sandbox runs programs as another user, so programs under --out "
          << Out << " cannot run there; choose an --out others can reach\n";
      return;
    }
  }
}

/// The functions, tables, totals and summary keys of all runs together.
struct DemoReport {
  std::vector<core::FunctionReport> Functions;
  core::ReportExtras Extras;
};

DemoReport summarize(ArrayRef<DemoRun> Runs, StringRef Done, bool Record, const Manifest &M,
                     StringRef Headline) {
  DemoReport Out;
  core::ReportTable Programs{"Programs", {"Program", "Binary size", "Checks", "Result", "Time"},
                             {}, 3};
  core::ReportTable Steps{"Task steps", {"Run", "Step", "Model calls", "Result", "Time"}, {}, 3};
  core::ReportTable NotDone{("Runs not " + Done).str(), {"Run", "Why"}, {}, -1};
  unsigned FirstAttempt = 0, RepairRounds = 0, Verified = 0, TestsPassed = 0, Tests = 0;
  uint64_t FnTokens = 0, AllTokens = 0;
  unsigned ModelCalls = 0;
  bool Estimated = false;
  for (const DemoRun &R : Runs) {
    if (!R.Replayed)
      NotDone.Rows.push_back({R.Name, R.Failure});
    for (const core::FunctionReport &F : R.Functions) {
      Out.Functions.push_back(F);
      FirstAttempt += F.passed() && F.IRAttempts == 1;
      RepairRounds += F.IRAttempts > 1 ? F.IRAttempts - 1 : 0;
      Verified += F.passed();
      TestsPassed += F.Passed;
      Tests += F.Checked;
    }
    if (!R.Functions.empty())
      FnTokens += R.Tokens;
    AllTokens += R.Tokens;
    ModelCalls += R.ModelCalls;
    Estimated |= R.TokensEstimated;
    for (const ProgramRow &P : R.Programs) {
      Programs.Rows.push_back({P.Name, P.Path.empty() ? "-" : humanSize(P.Size), P.Checks,
                               P.Status, secondsText(P.Seconds)});
      RepairRounds += P.RepairRounds;
    }
    for (const StepRow &S : R.Steps) {
      Steps.Rows.push_back(
          {S.Run, S.Step, std::to_string(S.ModelCalls), S.Status, secondsText(S.Seconds)});
      // A step's calls are its first answer and repairs, except @test's, which also ask for a
      // spec and a reference; those count by their function.
      if (!StringRef(S.Step).contains(" @test"))
        RepairRounds += S.ModelCalls > 1 ? S.ModelCalls - 1 : 0;
    }
  }

  core::ReportExtras &X = Out.Extras;
  X.Title = Record ? "Semcom demo: answers of " + M.Model + " recorded"
                   : "Semcom demo: answers recorded from " + M.Model +
                         (M.Recorded.empty() ? "" : " on " + M.Recorded) + ", replayed";
  X.Note = Headline.str() + ". " + M.How;
  for (const core::ReportTable *T : {&Programs, &Steps, &NotDone})
    if (!T->Rows.empty())
      X.Tables.push_back(*T);
  auto Rate = [](unsigned A, size_t B) {
    return B ? formatv("{0}/{1} ({2:f0}%)", A, B, 100.0 * A / B).str() : std::string("-");
  };
  std::string TokenNote = Estimated ? " (estimated from text length, 4 characters a token: the "
                                      "recording carries no token counts)"
                                    : "";
  X.Totals = {
      "first-attempt rate: " + Rate(FirstAttempt, Out.Functions.size()) +
          " of functions verified by their first IR answer",
      formatv("repair rounds: {0} (a function's IR answers after its first; a step's answers "
              "after its first)",
              RepairRounds)
          .str(),
      "tests passed: " + Rate(TestsPassed, Tests),
      Verified ? formatv("tokens per verified function: {0}{1}", FnTokens / Verified, TokenNote)
                     .str()
               : "tokens per verified function: - (no function verified)",
      formatv("tokens, all runs: {0}{1}", AllTokens, TokenNote).str(),
      // Every answer counts here, also those no table row shows (a plan asked again, a
      // re-derived vector, a reference re-asked).
      formatv("model answers, all runs: {0}", ModelCalls).str()};

  json::Array RunsJSON;
  for (const DemoRun &R : Runs) {
    json::Object O{{"name", R.Name},
                   {"exit", R.Exit},
                   {"seconds", R.Seconds},
                   {"tokens", static_cast<int64_t>(R.Tokens)},
                   {"tokens_estimated", R.TokensEstimated},
                   {"outcome", deriveExpect(R)}};
    if (!R.Failure.empty())
      O["failure"] = R.Failure;
    RunsJSON.push_back(std::move(O));
  }
  X.Summary = json::Object{
      {"replay", Headline},
      {"model", M.Model},
      {"recorded", M.Recorded},
      {"runs", std::move(RunsJSON)},
      {"totals", json::Object{{"functions", static_cast<int64_t>(Out.Functions.size())},
                              {"verified", Verified},
                              {"first_attempt", FirstAttempt},
                              {"repair_rounds", RepairRounds},
                              {"tests_passed", TestsPassed},
                              {"tests", Tests},
                              {"tokens", static_cast<int64_t>(AllTokens)},
                              {"tokens_per_verified_function",
                               Verified ? static_cast<int64_t>(FnTokens / Verified) : 0},
                              {"tokens_estimated", Estimated}}}};
  return Out;
}

/// Every verified function's module as OutDir/<function>.ll and every program built as
/// OutDir/<program>. Counts what it wrote.
Error writeArtifacts(ArrayRef<DemoRun> Runs, StringRef OutDir, unsigned &Modules,
                     unsigned &Binaries) {
  for (const DemoRun &R : Runs) {
    for (size_t I = 0; I < R.Functions.size(); ++I)
      if (!R.FunctionFiles[I].empty()) {
        if (Error E = core::writeDurably(joinPath(OutDir, R.Functions[I].Function + ".ll"),
                                         R.Functions[I].IR))
          return E;
        ++Modules;
      }
    for (const ProgramRow &P : R.Programs)
      if (!P.Path.empty() && P.Status != "failed") {
        std::string Dest = joinPath(OutDir, P.Name);
        if (std::error_code EC = sys::fs::copy_file(P.Path, Dest))
          return createStringError(EC, Dest + ": " + EC.message());
        sys::fs::setPermissions(Dest, sys::fs::all_read | sys::fs::all_exe | sys::fs::owner_write);
        ++Binaries;
      }
  }
  return Error::success();
}

/// The manifest as JSON text with its keys in reading order (a person edits it): the known keys
/// first, as documented, then any others sorted.
std::string manifestText(const json::Object &Doc) {
  std::string Text;
  raw_string_ostream OS(Text);
  json::OStream J(OS, 2);
  auto Ordered = [&](const json::Object &O, ArrayRef<StringRef> First, auto &&Nested) -> void {
    J.object([&] {
      for (StringRef K : First)
        if (const json::Value *V = O.get(K))
          J.attributeBegin(K), Nested(K, *V), J.attributeEnd();
      std::vector<std::string> Rest;
      for (const auto &KV : O)
        if (!is_contained(First, StringRef(KV.first)))
          Rest.push_back(KV.first.str());
      llvm::sort(Rest);
      for (const std::string &K : Rest)
        J.attribute(K, *O.get(K));
    });
  };
  Ordered(Doc, {"format", "provider", "model", "recorded", "how", "runs"},
          [&](StringRef K, const json::Value &V) {
            const json::Array *Runs = V.getAsArray();
            if (K != "runs" || !Runs)
              return J.value(V);
            J.array([&] {
              for (const json::Value &Run : *Runs) {
                if (const json::Object *RO = Run.getAsObject())
                  Ordered(*RO, {"name", "title", "argv", "tree", "expect"},
                          [&](StringRef, const json::Value &Inner) { J.value(Inner); });
                else
                  J.value(Run);
              }
            });
          });
  OS << "\n";
  return Text;
}

/// --check: each run's outcome against its "expect"; prints what changed. Returns the number of
/// runs that differ.
unsigned checkRuns(ArrayRef<DemoRun> Runs, const json::Array &ManifestRuns, raw_ostream &OS) {
  unsigned Changed = 0;
  for (size_t I = 0; I < Runs.size(); ++I) {
    const json::Object *O = ManifestRuns[I].getAsObject();
    const json::Object *Expect = O ? O->getObject("expect") : nullptr;
    std::vector<std::string> Want = Expect ? expectLines(*Expect) : std::vector<std::string>();
    std::vector<std::string> Got = expectLines(deriveExpect(Runs[I]));
    if (Expect && Want == Got)
      continue;
    ++Changed;
    OS << "check: " << Runs[I].Name << " differs from the recorded outcome\n";
    if (!Expect)
      OS << "  no \"expect\" in the manifest (write it with --update-expect)\n";
    for (const std::string &L : Want)
      if (!is_contained(Got, L))
        OS << "  - expected " << L << "\n";
    for (const std::string &L : Got)
      if (!is_contained(Want, L))
        OS << "  + now      " << L << "\n";
  }
  OS << "check: " << Runs.size() - Changed << "/" << Runs.size() << " runs as recorded\n";
  return Changed;
}

int runDemo(const std::vector<std::string> &Args) {
  auto Fail = [](int Code, const Twine &Msg) {
    WithColor::error(errs(), "semcom demo") << Msg << "\n";
    return Code;
  };
  std::string Out = "demo-out", Given;
  bool Json = false, Check = false, Update = false, Record = false, Prune = false;
  std::vector<std::string> RecordFlags; ///< after `--`: the model flags of --record
  for (size_t I = 0; I < Args.size(); ++I) {
    StringRef A = Args[I];
    if (A == "--help" || A == "-h") {
      outs() << DemoHelp;
      return 0;
    } else if (A == "--out" || A == "--recordings") {
      if (I + 1 >= Args.size())
        return Fail(2, A + " needs a directory");
      (A == "--out" ? Out : Given) = Args[++I];
    } else if (A == "--json") {
      Json = true;
    } else if (A == "--check") {
      Check = true;
    } else if (A == "--update-expect") {
      Update = true;
    } else if (A == "--prune") {
      Prune = true;
    } else if (A == "--record") {
      Record = true;
    } else if (A == "--") {
      RecordFlags.assign(Args.begin() + I + 1, Args.end());
      break;
    } else {
      return Fail(2, "unknown argument '" + A + "'; see 'semcom demo --help'");
    }
  }
  if (Check && Update)
    return Fail(2, "--check compares with the expectations --update-expect rewrites; give one");
  if (Record != !RecordFlags.empty())
    return Fail(2, "--record needs the model's flags after `--` (and they go only with --record)");

  auto Rec = locate(Given);
  if (!Rec)
    return Fail(2, toString(Rec.takeError()));
  Manifest M;
  M.Path = joinPath(Rec->Dir, "manifest.json");
  auto Buffer = MemoryBuffer::getFile(M.Path, /*IsText=*/true);
  if (!Buffer)
    return Fail(2, M.Path + ": " + Buffer.getError().message());
  Expected<json::Value> Parsed = json::parse((*Buffer)->getBuffer());
  if (!Parsed)
    return Fail(2, M.Path + ": " + toString(Parsed.takeError()));
  json::Object *Doc = Parsed->getAsObject();
  if (!Doc || Doc->getInteger("format") != 1 || !Doc->getArray("runs"))
    return Fail(2, M.Path + ": expected {\"format\": 1, \"runs\": [...]}");
  M.Model = str(Doc, "model");
  M.Provider = str(Doc, "provider");
  M.Recorded = str(Doc, "recorded");
  M.How = str(Doc, "how");
  if (M.Model.empty())
    return Fail(2, M.Path + ": no \"model\"");
  if (M.Provider.empty())
    M.Provider = "command";
  auto Runs = readRuns(*Doc, M, *Rec);
  if (!Runs)
    return Fail(2, toString(Runs.takeError()));

  Launch L;
  L.Exe = sys::fs::getMainExecutable(nullptr, reinterpret_cast<void *>(&runDemo));
  L.Cache = joinPath(Rec->Dir, "cache");
  if (Record) {
    // A recording is replayed under the manifest's provider and model (both are in the cache
    // key), so it must be made under them too.
    if (flagValue(RecordFlags, "--provider") != M.Provider ||
        flagValue(RecordFlags, "--model") != M.Model)
      return Fail(2, "--record: give `-- --provider " + M.Provider + " --model " + M.Model +
                         " ...` (the manifest's provider and model: replays look answers up "
                         "under them)");
    L.ModelFlags = RecordFlags;
  } else {
    L.ModelFlags = {"--provider", M.Provider, "--model", M.Model, "--offline"};
    if (M.Provider == "command")
      L.ModelFlags.insert(L.ModelFlags.end(), {"--llm-command", "false"});
  }

  raw_ostream &Progress = Json ? errs() : outs();
  StringRef Done = Record ? "recorded" : "replayed";
  std::string Headline =
      Record ? formatv("semcom demo: RECORDING answers of {0} into {1} (the model is called; "
                       "answers already in the cache are reused)",
                       M.Model, L.Cache)
                   .str()
             : formatv("semcom demo: replaying answers recorded from {0}{1} (no model is "
                       "called; everything else runs live)",
                       M.Model, M.Recorded.empty() ? "" : " on " + M.Recorded)
                   .str();
  Progress << Headline << "\n";
  Progress.flush();

  std::string OutDir = absolute(Out);
  L.WorkRoot = joinPath(OutDir, "work");
  if (std::error_code EC = makeDirectories(L.WorkRoot))
    return Fail(2, "--out " + Out + ": " + EC.message());
  warnIfHiddenFromSandbox(OutDir, Out);
  for (size_t I = 0; I < Runs->size(); ++I) {
    DemoRun &R = (*Runs)[I];
    Progress << formatv("run {0}/{1} {2}", I + 1, Runs->size(), R.Name)
             << (R.Title.empty() ? "" : ": " + R.Title) << " ... ";
    Progress.flush();
    performRun(R, L, Done, Progress);
  }
  Progress << "\n";

  DemoReport Report = summarize(*Runs, Done, Record, M, Headline);
  if (!Report.Functions.empty())
    core::printReportTable(Report.Functions, Progress);
  for (const core::ReportTable &T : Report.Extras.Tables) {
    Progress << "\n";
    core::printTable(T, Progress);
  }
  size_t Finished = llvm::count_if(*Runs, [](const DemoRun &R) { return R.Replayed; });
  Progress << "\nruns " << Done << ": " << Finished << "/" << Runs->size() << "\n";
  for (const std::string &Line : Report.Extras.Totals)
    Progress << Line << "\n";

  unsigned Modules = 0, Binaries = 0;
  if (Error E = writeArtifacts(*Runs, OutDir, Modules, Binaries))
    return Fail(1, toString(std::move(E)));
  if (Error E = core::writeExtendedReports(Report.Functions, OutDir, "demo", Report.Extras))
    return Fail(1, toString(std::move(E)));
  Progress << formatv("wrote {0}/report.html, summary.json, {1} verified module{2} (.ll), {3} "
                      "program{4}\n",
                      Out, Modules, Modules == 1 ? "" : "s", Binaries, Binaries == 1 ? "" : "s");

  int Status = Finished == Runs->size() ? 0 : 1;
  if (Update) {
    json::Array &ManifestRuns = *Doc->getArray("runs");
    for (size_t I = 0; I < Runs->size(); ++I)
      if (json::Object *O = ManifestRuns[I].getAsObject())
        (*O)["expect"] = deriveExpect((*Runs)[I]);
    if (Error E = core::writeDurably(M.Path, manifestText(*Doc)))
      return Fail(1, toString(std::move(E)));
    Progress << "updated the expectations in " << M.Path << "\n";
  }
  if (Prune) {
    if (Finished != Runs->size())
      return Fail(1, "--prune: not every run replayed, so the entries they need are unknown; "
                     "nothing was deleted");
    std::set<std::string> Used;
    for (const DemoRun &R : *Runs)
      Used.insert(R.CacheKeys.begin(), R.CacheKeys.end());
    unsigned Removed = 0;
    std::error_code EC;
    std::vector<std::string> Unused;
    for (sys::fs::recursive_directory_iterator It(L.Cache, EC), End; It != End && !EC;
         It.increment(EC)) {
      StringRef Name = sys::path::filename(It->path());
      if (Name.ends_with(".json") && !Used.count(Name.drop_back(5).str()))
        Unused.push_back(It->path());
    }
    for (const std::string &Path : Unused)
      Removed += !sys::fs::remove(Path);
    Progress << formatv("pruned {0} unused cache entr{1}; {2} kept\n", Removed,
                        Removed == 1 ? "y" : "ies", Used.size());
  }
  if (Check && checkRuns(*Runs, *Doc->getArray("runs"), Progress))
    Status = 1;
  if (Json)
    outs() << readText(joinPath(OutDir, "summary.json"));
  return Status;
}

cli::SubcommandRegistration Demo("demo",
                                 "replay recorded model answers through the live pipeline",
                                 runDemo);

} // namespace
