//===- Transform.cpp - scan, plan, port, link, differential test, repair --===//
//
// @transform DIR. The plan fixes every signature before any module is generated (the seed's worst
// failure class was signatures each module guessed); the modules are created by the ordinary
// pipeline; the Python program is the oracle the linked binary is compared with, in the sandbox.
//
//===----------------------------------------------------------------------===//
#include "semcom/Transform/Transform.h"

#include "semcom/Core/Prompts.h"
#include "semcom/Core/Sandbox.h"
#include "semcom/Core/Task.h"
#include "semcom/Fixup/RuntimeAPI.h"
#include "semcom/LLM/Provider.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <fcntl.h>
#include <set>
#include <unistd.h>

using namespace llvm;

namespace semcom {
namespace transform {

namespace {

Error transformError(const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), "%s", Message.str().c_str());
}

/// All-or-nothing write: a temporary beside Path, then rename.
Error writeAtomically(StringRef Path, StringRef Contents) {
  SmallString<256> Dir = sys::path::parent_path(Path);
  if (!Dir.empty())
    if (std::error_code EC = sys::fs::create_directories(Dir))
      return transformError("cannot create " + Dir + ": " + EC.message());
  SmallString<256> Tmp;
  int FD;
  if (std::error_code EC = sys::fs::createUniqueFile(Path + ".tmp-%%%%%%", FD, Tmp))
    return transformError("cannot write beside " + Path + ": " + EC.message());
  bool Ok = true;
  for (size_t Done = 0; Ok && Done < Contents.size();) {
    ssize_t N = ::write(FD, Contents.data() + Done, Contents.size() - Done);
    if (N < 0 && errno != EINTR)
      Ok = false;
    else if (N > 0)
      Done += N;
  }
  Ok = Ok && ::fsync(FD) == 0;
  ::close(FD);
  if (!Ok || sys::fs::rename(Tmp, Path)) {
    sys::fs::remove(Tmp);
    return transformError("cannot write " + Path);
  }
  return Error::success();
}

/// The `task` (or first) fenced block of an answer, or the whole answer if it has none.
std::string taskBlock(StringRef Answer) {
  size_t Open = Answer.find("```task");
  if (Open == StringRef::npos)
    Open = Answer.find("```");
  if (Open == StringRef::npos)
    return Answer.str();
  size_t BodyStart = Answer.find('\n', Open);
  if (BodyStart == StringRef::npos)
    return "";
  size_t Close = Answer.find("\n```", BodyStart);
  return Answer.slice(BodyStart + 1, Close == StringRef::npos ? Answer.size() : Close + 1).str();
}

std::string signatureName(StringRef Sig) {
  size_t At = Sig.find('@');
  if (At == StringRef::npos)
    return "";
  return Sig.drop_front(At + 1).take_until([](char C) { return C == '(' || isSpace(C); }).str();
}

/// A planned IR name stands for a Python function when it is the same name, or the name with a
/// module or class prefix (`rpn_evaluate` for `evaluate`, `stack_push` for `Stack.push`).
bool namesMatch(StringRef IRName, const PyFunction &Fn) {
  // `__init__` is `stack_init`: dunder underscores never survive into IR names.
  std::string Py = StringRef(Fn.Name).trim('_').str();
  std::string Lower = (StringRef(Fn.Class).lower() + (Fn.Class.empty() ? "" : "_") + Py);
  return IRName == Py || IRName == Lower || IRName.ends_with("_" + Py) ||
         IRName.ends_with("_" + Lower);
}

std::string fenced(StringRef Lang, StringRef Text) {
  std::string Out = "```" + Lang.str() + "\n" + Text.str();
  if (!Text.ends_with("\n"))
    Out += "\n";
  return Out + "```\n";
}

std::string firstLines(StringRef Text, unsigned N) {
  std::string Out;
  unsigned Count = 0;
  for (StringRef L : split(Text, '\n')) {
    if (Count++ == N) {
      Out += "…\n";
      break;
    }
    Out += L.str() + "\n";
  }
  if (StringRef(Out).ends_with("\n\n"))
    Out.pop_back();
  return Out;
}

struct Outcome {
  std::string Stdout;
  int Status = 0;
  std::string Reason;
};

Expected<Outcome> runIsolated(std::vector<std::string> Argv, std::vector<std::string> ReadOnly,
                              StringRef Stdin) {
  core::SandboxOptions SO;
  SO.Argv = std::move(Argv);
  SO.ReadOnlyPaths = std::move(ReadOnly);
  SO.Stdin = Stdin.str();
  SO.TimeoutSeconds = 20;
  auto R = core::runSandboxed(SO);
  if (!R)
    return R.takeError();
  return Outcome{R->Stdout, R->ExitStatus, R->Reason};
}

/// The first difference of two runs, in words.
std::string describeMismatch(StringRef Name, StringRef Input, const Outcome &Py,
                             const Outcome &Port) {
  std::string Out = "sample " + Name.str() + ":\ninput:\n" + fenced("", firstLines(Input, 20));
  if (Py.Stdout != Port.Stdout) {
    SmallVector<StringRef, 32> A, B;
    StringRef(Py.Stdout).split(A, '\n');
    StringRef(Port.Stdout).split(B, '\n');
    size_t I = 0;
    while (I < A.size() && I < B.size() && A[I] == B[I])
      ++I;
    Out += formatv("first difference on stdout line {0}: Python printed `{1}`, the port printed "
                   "`{2}`\n",
                   I + 1, I < A.size() ? A[I] : StringRef("<end of output>"),
                   I < B.size() ? B[I] : StringRef("<end of output>"))
               .str();
    Out += "Python's stdout:\n" + fenced("", firstLines(Py.Stdout, 20)) +
           "the port's stdout:\n" + fenced("", firstLines(Port.Stdout, 20));
  }
  if (Py.Status != Port.Status)
    Out += formatv("exit status: Python {0}, the port {1} ({2})\n", Py.Status, Port.Status,
                   Port.Reason)
               .str();
  return Out;
}

std::string systemPrompt() {
  std::string Out;
  if (auto System = core::promptTemplate("system"))
    Out = *System + "\n";
  else
    consumeError(System.takeError());
  Out += "Runtime functions (declare the ones you call exactly like this):\n";
  for (const fixup::RuntimeFunction &F : fixup::runtimeFunctions())
    Out += "  declare " + F.Signature.str() + "\n";
  return Out;
}

} // namespace

Expected<TransformPlan> parsePlanAnswer(StringRef Answer, const ScanResult &Scan) {
  std::string Text = taskBlock(Answer);
  auto Task = core::parseTask(Text, "plan");
  if (!Task)
    return transformError("the plan is not a valid task: " + toString(Task.takeError()));
  if (Task->Steps.empty() || Task->Steps.size() > 24)
    return transformError("plan: error: a port needs 1 to 24 modules");
  StringSet<> Sources, Names, Files, Functions;
  for (const PyFile &F : Scan.Files) {
    Sources.insert(F.Path);
    for (const PyFunction &Fn : F.Functions)
      Functions.insert(Fn.qualifiedName());
  }
  TransformPlan Plan;
  bool HasMain = false;
  for (const core::Step &S : Task->Steps) {
    if (S.Kind != core::Directive::Create)
      return transformError(formatv("plan:{0}: error: a port may only @create modules, not @{1}",
                                    S.Line, core::directiveName(S.Kind)));
    if (!Files.insert(S.Target).second)
      return transformError(formatv("plan:{0}: error: {1} appears in two steps", S.Line,
                                    S.Target));
    PlannedModule M;
    M.File = S.Target;
    for (StringRef Line : split(S.Intent, '\n')) {
      StringRef L = Line.trim();
      if (L.consume_front("source:")) {
        for (StringRef Src : split(L, ',')) {
          Src = Src.trim();
          if (Src.empty())
            continue;
          if (!Sources.count(Src))
            return transformError(formatv("plan:{0}: error: {1} names source {2}, which is not "
                                          "a Python file that can be ported",
                                          S.Line, S.Target, Src));
          M.Sources.push_back(Src.str());
        }
      } else if (L.consume_front("define ")) {
        std::string Name = signatureName(L);
        if (Name.empty() || !L.ends_with(")"))
          return transformError("plan: error: cannot read the signature `" + L + "`");
        if (!Names.insert(Name).second)
          return transformError("plan: error: @" + Name + " is defined by two steps");
        HasMain |= Name == "semcom_main";
        M.Signatures.push_back(L.trim().str());
      } else if (L.consume_front("refuse ")) {
        auto [Name, Reason] = L.split(':');
        Name = Name.trim();
        if (!Functions.count(Name))
          return transformError("plan: error: refuses " + Name +
                                ", which the project does not define");
        Plan.Refused.push_back({Name.str(), Reason.trim().str()});
      } else {
        M.Intent += Line.str() + "\n";
      }
    }
    if (M.Sources.empty())
      return transformError(formatv("plan:{0}: error: {1} names no `source:` Python file", S.Line,
                                    S.Target));
    Plan.Modules.push_back(std::move(M));
  }
  if (Scan.mainFile() && !HasMain)
    return transformError("plan: error: " + Scan.mainFile()->Path +
                          " is a program, but no step defines @semcom_main");
  return Plan;
}

bool TransformReport::ok() const {
  // A file that could not be ported makes the port partial, whatever became of the rest.
  if (!Error.empty() || !Scan.Failed.empty())
    return false;
  for (const core::StepReport &M : Modules)
    if (M.Status != "passed")
      return false;
  for (const CaseResult &C : Cases)
    if (!C.Passed)
      return false;
  return true;
}

std::string TransformReport::text() const {
  std::string Out = "transform report for " + Scan.Root + "\n";
  for (const core::StepReport &M : Modules)
    Out += formatv("  module {0}: {1}, {2} model call{3}, fix-declares changes: {4}{5}\n",
                   M.Target, M.Status, M.ModelCalls, M.ModelCalls == 1 ? "" : "s",
                   M.FixDeclaresChanges, M.Error.empty() ? "" : " (" + M.Error + ")")
               .str();
  for (const FunctionStatus &F : Functions)
    Out += "  function " + F.File + ":" + F.Function + ": " + F.Status +
           (F.Module.empty() ? "" : " in " + F.Module) +
           (F.Detail.empty() ? "" : "; " + F.Detail) + "\n";
  for (const ScanFailure &F : Scan.Failed)
    Out += "  file " + F.Path + ": not ported: " + F.Reason + "\n";
  unsigned Passed = count_if(Cases, [](const CaseResult &C) { return C.Passed; });
  if (!Binary.empty())
    Out += formatv("  binary {0}: {1}/{2} sample cases match Python after {3} behaviour repair "
                   "round{4}\n",
                   Binary, Passed, Cases.size(), BehaviourRounds, BehaviourRounds == 1 ? "" : "s")
               .str();
  for (const CaseResult &C : Cases)
    if (!C.Passed)
      Out += "  case " + C.Name + ": FAILS; " + firstLines(C.Mismatch, 12);
  if (!Error.empty())
    Out += "  stopped: " + Error + "\n";
  bool ModulesOk = all_of(Modules, [](const core::StepReport &M) { return M.Status == "passed"; });
  Out += std::string("transform: ") +
         (ok() ? "ok"
          : Error.empty() && ModulesOk && !Scan.Failed.empty() && all_of(Cases, [](const CaseResult &C) { return C.Passed; })
              ? "partial (" + std::to_string(Scan.Failed.size()) + " file" +
                    (Scan.Failed.size() == 1 ? "" : "s") + " not ported)"
              : "failed") +
         "\n";
  return Out;
}

std::string TransformReport::json() const {
  json::Array Mods, Fns, Cs, Fails;
  for (const core::StepReport &M : Modules)
    Mods.push_back(json::Object{{"module", M.Target},
                                {"status", M.Status},
                                {"model_calls", M.ModelCalls},
                                {"fix_declares_changes", M.FixDeclaresChanges},
                                {"error", M.Error}});
  for (const FunctionStatus &F : Functions)
    Fns.push_back(json::Object{{"file", F.File},
                               {"function", F.Function},
                               {"module", F.Module},
                               {"status", F.Status},
                               {"detail", F.Detail}});
  for (const CaseResult &C : Cases)
    Cs.push_back(json::Object{{"sample", C.Name}, {"passed", C.Passed}, {"mismatch", C.Mismatch}});
  for (const ScanFailure &F : Scan.Failed)
    Fails.push_back(json::Object{{"file", F.Path}, {"reason", F.Reason}});
  json::Object Doc{{"project", Scan.Root},     {"ok", ok()},
                   {"modules", std::move(Mods)}, {"functions", std::move(Fns)},
                   {"binary", Binary},         {"cases", std::move(Cs)},
                   {"behaviour_rounds", BehaviourRounds},
                   {"model_calls", ModelCalls}, {"files_not_ported", std::move(Fails)},
                   {"error", Error}};
  return formatv("{0:2}", json::Value(std::move(Doc))).str();
}

namespace {

class Transformer {
public:
  Transformer(const TransformOptions &O, llm::Provider &Model, raw_ostream &Out)
      : O(O), Model(Model), Out(Out) {}

  Expected<TransformReport> run();

private:
  const TransformOptions &O;
  llm::Provider &Model;
  raw_ostream &Out;
  TransformReport R;
  TransformPlan Plan;
  std::string RunId, LogDir, ProjectReal;
  std::map<std::string, std::string> Refused; ///< qualified Python name → reason
  std::map<std::string, Outcome> PythonOutcomes; ///< per sample: the oracle runs once
  std::set<std::string> SeenMismatches;

  std::string treePath(StringRef Rel) const {
    SmallString<256> P(O.Pipeline.TreeRoot);
    sys::path::append(P, Rel);
    return std::string(P);
  }

  void log(StringRef Name, StringRef Text) {
    if (Error E = writeAtomically(LogDir + "/" + Name.str(), Text))
      Out << "warning: " << toString(std::move(E)) << "\n";
  }

  Expected<std::string> ask(StringRef Prompt, StringRef LogName) {
    llm::Request Req;
    Req.SystemPrefix = systemPrompt();
    Req.MaxTokens = O.Pipeline.MaxTokens;
    Req.Messages.push_back({llm::Message::Role::User, Prompt.str()});
    log((LogName + "-prompt.txt").str(), Prompt);
    auto Resp = Model.complete(Req);
    ++R.ModelCalls;
    if (!Resp)
      return Resp.takeError();
    log((LogName + "-answer.txt").str(), Resp->Text);
    Out << "api: ok (" << Resp->Text.size() << " bytes"
        << (Resp->FromCache ? ", replayed from cache" : "") << ")\n";
    return Resp->Text;
  }

  std::string sourcesOf(ArrayRef<std::string> Paths) const {
    std::string Out;
    for (const PyFile &F : R.Scan.Files)
      if (Paths.empty() || is_contained(Paths, F.Path))
        Out += "# file " + F.Path + "\n" + fenced("python", F.Source);
    return Out;
  }

  std::string refusedText() const {
    if (Refused.empty())
      return "";
    std::string Out = "Refused (not ported; the port leaves them out):\n";
    for (const auto &[Name, Reason] : Refused)
      Out += "  " + Name + ": " + Reason + "\n";
    return Out;
  }

  std::vector<std::string> allSignatures() const {
    std::vector<std::string> Sigs;
    for (const PlannedModule &M : Plan.Modules)
      Sigs.insert(Sigs.end(), M.Signatures.begin(), M.Signatures.end());
    return Sigs;
  }

  Expected<core::RunReport> runSteps(const std::vector<core::Step> &Steps, StringRef Suffix) {
    std::string TaskText;
    for (const core::Step &S : Steps)
      TaskText += (TaskText.empty() ? "" : "---\n") + S.str() + "\n";
    auto Task = core::parseTask(TaskText, "transform");
    if (!Task)
      return Task.takeError();
    core::PipelineOptions PO = O.Pipeline;
    PO.RunId = RunId + "-" + Suffix.str();
    PO.Resume = false;
    PO.PlannedDeclarations = allSignatures();
    core::Pipeline P(PO, Model, Out);
    return P.run(*Task, TaskText);
  }

  Error scan();
  Error plan();
  Error port();
  void classifyFunctions();
  bool link();
  void difftest();
  bool repairBehaviour(unsigned Round);
};

Error Transformer::scan() {
  Out << "scan: " << O.ProjectDir << "\n";
  if (O.Scan) {
    R.Scan = *O.Scan;
  } else {
    auto Scan = scanProject(O.ProjectDir);
    if (!Scan)
      return Scan.takeError();
    R.Scan = std::move(*Scan);
  }
  unsigned Functions = 0;
  for (const PyFile &F : R.Scan.Files) {
    Functions += F.Functions.size();
    for (const PyFunction &Fn : F.Functions)
      if (!Fn.Unmappable.empty())
        Refused[Fn.qualifiedName()] = Fn.Unmappable;
  }
  Out << "scan: ok (" << R.Scan.Files.size() << " file" << (R.Scan.Files.size() == 1 ? "" : "s")
      << ", " << Functions << " functions, " << Refused.size() << " refused, "
      << R.Scan.Failed.size() << " not portable)\n";
  for (const ScanFailure &F : R.Scan.Failed)
    Out << "scan: not ported: " << F.Reason << "\n";
  for (const auto &[Name, Reason] : Refused)
    Out << "scan: refused " << Name << ": " << Reason << "\n";
  if (R.Scan.Files.empty())
    return transformError("no Python file of " + O.ProjectDir + " can be ported; nothing was "
                          "written");
  return Error::success();
}

Error Transformer::plan() {
  std::string Entry;
  if (const PyFile *Main = R.Scan.mainFile())
    Entry = "- " + Main->Path + "'s `if __name__ == \"__main__\":` block becomes "
            "`define i64 @semcom_main(i64 %argc, ptr %argv)`: it reads all of stdin (sys_read "
            "until 0), writes stdout (write_all or a buf_*) and returns the exit status that "
            "sys.exit gives.\n";
  auto Prompt = core::renderPrompt("transform", {{"project", sys::path::filename(O.ProjectDir).str()},
                                                 {"summary", R.Scan.summary()},
                                                 {"refused", refusedText()},
                                                 {"sources", sourcesOf({})},
                                                 {"entry", Entry}});
  if (!Prompt)
    return Prompt.takeError();
  Out << "plan: asking for modules and signatures\n";
  auto Answer = ask(*Prompt, "plan");
  if (!Answer)
    return Answer.takeError();
  auto P = parsePlanAnswer(*Answer, R.Scan);
  if (!P)
    return P.takeError();
  Plan = std::move(*P);
  for (const Refusal &Ref : Plan.Refused)
    Refused.emplace(Ref.Function, Ref.Reason.empty() ? "refused by the plan" : Ref.Reason);
  Out << "plan: ok (" << Plan.Modules.size() << " modules, " << allSignatures().size()
      << " signatures fixed before any module is generated, " << Refused.size() << " refused)\n";
  return Error::success();
}

Error Transformer::port() {
  std::vector<core::Step> Steps;
  for (const PlannedModule &M : Plan.Modules) {
    core::Step S;
    S.Kind = core::Directive::Create;
    S.Target = M.File;
    std::string Intent = M.Intent;
    for (const std::string &Sig : M.Signatures)
      Intent += "define " + Sig + "\n";
    // The planned signatures of the modules porting what this module's Python imports.
    std::set<std::string> Imported;
    for (const PyFile &F : R.Scan.Files)
      if (is_contained(M.Sources, F.Path))
        Imported.insert(F.Imports.begin(), F.Imports.end());
    std::string Others;
    for (const PlannedModule &Other : Plan.Modules) {
      if (&Other == &M)
        continue;
      bool Used = any_of(R.Scan.Files, [&](const PyFile &F) {
        return Imported.count(F.Module) && is_contained(Other.Sources, F.Path);
      });
      if (Used)
        for (const std::string &Sig : Other.Signatures)
          Others += "  declare " + Sig + "    ; in " + Other.File + "\n";
    }
    if (!Others.empty())
      Others = "The modules it calls into define (declare the ones you call exactly like this):\n" +
               Others;
    auto Text = core::renderPrompt("transform-module", {{"intent", StringRef(Intent).trim().str()},
                                                        {"sources", sourcesOf(M.Sources)},
                                                        {"others", Others},
                                                        {"refused", refusedText()}});
    if (!Text)
      return Text.takeError();
    S.Intent = StringRef(*Text).trim().str();
    Steps.push_back(std::move(S));
  }
  auto Run = runSteps(Steps, "port");
  if (!Run)
    return Run.takeError();
  R.Modules = Run->Steps;
  return Error::success();
}

void Transformer::classifyFunctions() {
  R.Functions.clear();
  for (const PyFile &F : R.Scan.Files)
    for (const PyFunction &Fn : F.Functions) {
      FunctionStatus St;
      St.File = F.Path;
      St.Function = Fn.qualifiedName();
      if (auto It = Refused.find(Fn.qualifiedName()); It != Refused.end()) {
        St.Status = "refused";
        St.Detail = It->second;
        R.Functions.push_back(St);
        continue;
      }
      St.Status = "failed";
      St.Detail = "no planned module ports " + F.Path;
      for (size_t I = 0; I < Plan.Modules.size(); ++I) {
        const PlannedModule &M = Plan.Modules[I];
        if (!is_contained(M.Sources, F.Path))
          continue;
        St.Module = M.File;
        std::string Sig;
        for (const std::string &S : M.Signatures)
          if (namesMatch(signatureName(S), Fn))
            Sig = S;
        const core::StepReport *Step = I < R.Modules.size() ? &R.Modules[I] : nullptr;
        if (Step && Step->Status == "passed") {
          St.Status = "ported";
          St.Detail = Sig.empty() ? "inside the module (no planned signature)" : "as " + Sig;
        } else {
          St.Status = "failed";
          St.Detail = Step && !Step->Error.empty() ? Step->Error : "the module was not created";
        }
        break;
      }
      R.Functions.push_back(St);
    }
}

bool Transformer::link() {
  std::vector<std::string> Inputs;
  for (const core::StepReport &M : R.Modules) {
    if (M.Status != "passed")
      return false;
    Inputs.push_back(treePath(M.Target));
  }
  link::BuildOptions BO;
  BO.Target = O.Pipeline.Target;
  std::string Name = O.BinaryName;
  if (Name.empty()) {
    SmallString<256> Real(ProjectReal);
    Name = sys::path::filename(Real).str();
  }
  BO.OutputPath = treePath(Name);
  auto Archive = link::findRuntimeArchive(BO.Target);
  if (!Archive) {
    R.Error = "link: " + toString(Archive.takeError());
    return false;
  }
  BO.RuntimeArchive = *Archive;
  if (O.Pipeline.DryRun) {
    Out << "link: skipped (--dry-run)\n";
    return false;
  }
  if (Error E = link::buildExecutable(Inputs, BO)) {
    R.Error = "link: " + toString(std::move(E));
    Out << R.Error << "\n";
    return false;
  }
  uint64_t Size = 0;
  sys::fs::file_size(BO.OutputPath, Size);
  R.Binary = BO.OutputPath;
  Out << "link: ok (" << R.Binary << ", " << Size << " bytes, static)\n";
  return true;
}

void Transformer::difftest() {
  R.Cases.clear();
  const PyFile *Main = R.Scan.mainFile();
  SmallString<256> SampleDir(ProjectReal);
  sys::path::append(SampleDir, "samples");
  std::vector<std::string> Inputs;
  std::error_code EC;
  for (sys::fs::directory_iterator It(SampleDir, EC), End; !EC && It != End; It.increment(EC))
    if (StringRef(It->path()).ends_with(".in"))
      Inputs.push_back(It->path());
  llvm::sort(Inputs);
  if (Inputs.empty()) {
    Out << "difftest: no samples/*.in in the project; the program is not compared\n";
    return;
  }
  SmallString<256> MainPath(ProjectReal);
  sys::path::append(MainPath, Main->Path);
  SmallString<256> BinaryReal;
  sys::fs::real_path(R.Binary, BinaryReal);
  for (const std::string &In : Inputs) {
    CaseResult C;
    C.Name = ("samples/" + sys::path::filename(In)).str();
    auto Input = MemoryBuffer::getFile(In);
    if (!Input) {
      C.Mismatch = In + ": " + Input.getError().message();
      R.Cases.push_back(C);
      continue;
    }
    StringRef Stdin = (*Input)->getBuffer();
    if (!PythonOutcomes.count(In)) {
      auto Py = runIsolated({"python3", "-B", "-E", "-s", std::string(MainPath)}, {ProjectReal},
                            Stdin);
      if (!Py) {
        C.Mismatch = "cannot run the Python original: " + toString(Py.takeError());
        R.Cases.push_back(C);
        continue;
      }
      PythonOutcomes[In] = *Py;
    }
    const Outcome &Py = PythonOutcomes[In];
    auto Port = runIsolated({std::string(BinaryReal)}, {}, Stdin);
    if (!Port) {
      C.Mismatch = "cannot run the port: " + toString(Port.takeError());
      R.Cases.push_back(C);
      continue;
    }
    C.Passed = Py.Stdout == Port->Stdout && Py.Status == Port->Status;
    if (!C.Passed)
      C.Mismatch = describeMismatch(C.Name, Stdin, Py, *Port);
    Out << "difftest: " << C.Name << ": " << (C.Passed ? "same output and exit status"
                                                        : "MISMATCH")
        << "\n";
    R.Cases.push_back(C);
  }
}

bool Transformer::repairBehaviour(unsigned Round) {
  std::string Mismatches, Modules;
  unsigned Shown = 0;
  for (const CaseResult &C : R.Cases)
    if (!C.Passed && Shown++ < 3)
      Mismatches += C.Mismatch + "\n";
  for (const PlannedModule &M : Plan.Modules) {
    Modules += "  " + M.File + " (ports " + join(M.Sources, ", ") + ")\n";
    for (const std::string &S : M.Signatures)
      Modules += "    define " + S + "\n";
  }
  // The same mismatches make the same prompt, and a cached or deterministic model the same
  // answer: another round could not make progress.
  if (!SeenMismatches.insert(Mismatches).second) {
    Out << "difftest: no progress (the same mismatches as an earlier round); stopping\n";
    return false;
  }
  R.BehaviourRounds = Round;
  auto Prompt = core::renderPrompt("transform-fix", {{"mismatches", Mismatches},
                                                     {"modules", Modules},
                                                     {"sources", sourcesOf({})}});
  if (!Prompt) {
    R.Error = toString(Prompt.takeError());
    return false;
  }
  Out << "difftest: behaviour repair round " << Round << "/" << O.MaxBehaviourRounds << "\n";
  auto Answer = ask(*Prompt, formatv("fix-{0}", Round).str());
  if (!Answer) {
    R.Error = toString(Answer.takeError());
    return false;
  }
  auto Task = core::parseTask(taskBlock(*Answer), "fix");
  if (!Task) {
    Out << "difftest: the repair answer is not a task: " << toString(Task.takeError()) << "\n";
    return true; // the round is spent; the next one may do better
  }
  std::vector<core::Step> Steps;
  for (const core::Step &S : Task->Steps) {
    auto M = find_if(Plan.Modules, [&](const PlannedModule &P) { return P.File == S.Target; });
    if (S.Kind != core::Directive::Target || S.Append || M == Plan.Modules.end()) {
      Out << "difftest: ignoring repair step @" << core::directiveName(S.Kind) << " "
          << S.Target << " (only @target of a ported module)\n";
      continue;
    }
    core::Step Fix = S;
    Fix.Intent = S.Intent + "\n\nThe port must behave exactly like this Python:\n" +
                 sourcesOf(M->Sources) + "\nThe failing case:\n" + Mismatches +
                 "Keep every function's signature.";
    Steps.push_back(std::move(Fix));
  }
  if (Steps.empty())
    return true;
  auto Run = runSteps(Steps, formatv("fix-{0}", Round).str());
  if (!Run) {
    R.Error = toString(Run.takeError());
    return false;
  }
  for (const core::StepReport &S : Run->Steps) {
    R.ModelCalls += S.ModelCalls;
    for (core::StepReport &M : R.Modules)
      if (M.Target == S.Target)
        M.ModelCalls += S.ModelCalls;
  }
  return true;
}

Expected<TransformReport> Transformer::run() {
  RunId = O.Pipeline.RunId.empty() ? core::newRunId() : O.Pipeline.RunId;
  LogDir = treePath(".semcom/runs/" + RunId + "-transform");
  SmallString<256> Real;
  if (std::error_code EC = sys::fs::real_path(O.ProjectDir, Real))
    return transformError(O.ProjectDir + ": " + EC.message());
  ProjectReal = std::string(Real);
  if (Error E = scan())
    return std::move(E);
  if (Error E = plan())
    return std::move(E);
  if (Error E = port())
    return std::move(E);
  for (const core::StepReport &M : R.Modules)
    R.ModelCalls += M.ModelCalls;
  classifyFunctions();
  if (R.Scan.mainFile() && link()) {
    difftest();
    for (unsigned Round = 1; Round <= O.MaxBehaviourRounds; ++Round) {
      if (all_of(R.Cases, [](const CaseResult &C) { return C.Passed; }))
        break;
      if (!repairBehaviour(Round) || !link())
        break;
      difftest();
    }
    // Every function of a program is covered by its cases, not one by one.
    unsigned Passed = count_if(R.Cases, [](const CaseResult &C) { return C.Passed; });
    for (FunctionStatus &F : R.Functions) {
      if (F.Status != "ported" || R.Cases.empty())
        continue;
      if (Passed == R.Cases.size())
        F.Detail += formatv("; verified by {0} program case{1}", Passed, Passed == 1 ? "" : "s")
                        .str();
      else
        for (const CaseResult &C : R.Cases)
          if (!C.Passed) {
            F.Status = "failing";
            StringRef First = C.Mismatch;
            size_t At = First.find("first difference");
            if (At == StringRef::npos)
              At = First.find("exit status:");
            F.Detail += "; first mismatch in " + C.Name +
                        (At == StringRef::npos
                             ? std::string()
                             : ": " + First.drop_front(At).take_until([](char Ch) {
                                        return Ch == '\n';
                                      }).str());
            break;
          }
    }
  } else if (!R.Scan.mainFile()) {
    for (FunctionStatus &F : R.Functions)
      if (F.Status == "ported")
        F.Detail += "; not differentially tested (a library: function-level testing is not "
                    "available yet)";
  }
  if (!O.Pipeline.DryRun)
    if (Error E = writeAtomically(treePath(".semcom/transform-report.json"), R.json()))
      Out << "warning: " << toString(std::move(E)) << "\n";
  return std::move(R);
}

/// @transform DIR inside a task: DIR is relative to the tree.
void runTransformStep(const core::Step &S, const core::PipelineOptions &PO, llm::Provider &Model,
                      raw_ostream &Out, core::StepReport &Report) {
  TransformOptions O;
  O.Pipeline = PO;
  SmallString<256> Dir(S.Target);
  if (sys::path::is_relative(Dir)) {
    Dir = PO.TreeRoot;
    sys::path::append(Dir, S.Target);
  }
  O.ProjectDir = std::string(Dir);
  auto Rep = runTransform(O, Model, Out);
  if (!Rep) {
    Report.Status = "failed";
    Report.Error = toString(Rep.takeError());
    return;
  }
  Out << Rep->text();
  Report.ModelCalls = Rep->ModelCalls;
  for (const core::StepReport &M : Rep->Modules)
    Report.FixDeclaresChanges += M.FixDeclaresChanges;
  Report.Status = Rep->ok() ? "passed" : "failed";
  if (!Rep->ok())
    Report.Error = Rep->Error.empty() ? "the port is incomplete; see the transform report"
                                      : Rep->Error;
}

struct InstallRunner {
  InstallRunner() { core::setTransformRunner(runTransformStep); }
} Installed;

} // namespace

Expected<TransformReport> runTransform(const TransformOptions &Options, llm::Provider &Model,
                                       raw_ostream &Progress) {
  Transformer T(Options, Model, Progress);
  return T.run();
}

} // namespace transform
} // namespace semcom
