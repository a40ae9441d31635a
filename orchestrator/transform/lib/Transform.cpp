//===- Transform.cpp - scan, plan, port, link, differential test, repair --===//
//
// @transform DIR. The plan fixes every signature before any module is generated (the seed's worst
// failure class was signatures each module guessed); the modules are created by the ordinary
// pipeline; the Python program is the oracle the linked binary is compared with, in the sandbox.
//
//===----------------------------------------------------------------------===//
#include "semcom/Transform/Transform.h"
#include "semcom/Support/AtomicFile.h"

#include "semcom/Core/Prompts.h"
#include "semcom/Core/Sandbox.h"
#include "semcom/Core/Task.h"
#include "semcom/Fixup/ManifestQuery.h"
#include "semcom/Fixup/RuntimeAPI.h"
#include "semcom/LLM/Provider.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/IR/LLVMContext.h"
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



/// A planned IR name stands for a Python function when it is the same name, or the name with a
/// module or class prefix (`rpn_evaluate` for `evaluate`, `stack_push` for `Stack.push`).
unsigned nameMatchScore(StringRef IRName, const PyFunction &Fn) {
  // `__init__` is `stack_init`: dunder underscores never survive into IR names.
  std::string Py = StringRef(Fn.Name).trim('_').str();
  std::string Lower = (StringRef(Fn.Class).lower() + (Fn.Class.empty() ? "" : "_") + Py);
  if (IRName == Py || IRName == Lower)
    return 3;
  if (!Fn.Class.empty() && IRName.ends_with("_" + Lower))
    return 2;
  return IRName.ends_with("_" + Py) ? 1 : 0;
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
  std::string Reason = R->Reason;
  if (R->ExitStatus != 0 && !R->Stderr.empty())
    Reason += ": " + StringRef(R->Stderr).take_until([](char C) { return C == '\n'; }).str();
  return Outcome{R->Stdout, R->ExitStatus, Reason};
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
    Out += "Python's stdout:\n" + fenced("", firstLines(Py.Stdout, 20)) + "the port's stdout:\n" +
           fenced("", firstLines(Port.Stdout, 20));
  }
  if (Py.Status != Port.Status)
    Out += formatv("exit status: Python {0}, the port {1} ({2})\n", Py.Status, Port.Status,
                   Port.Reason)
               .str();
  return Out;
}

/// Calls one Python function on argument tuples (argv: project, module, function, JSON cases) and
/// prints a JSON list of results: an int in i64 range, or null when Python raised, took over a
/// second, or left the i64 domain (such cases are not compared).
const char *FunctionHarnessPy = R"py(
import importlib, json, signal, sys
sys.path.insert(0, sys.argv[1])
sys.setrecursionlimit(10000)
fn = getattr(importlib.import_module(sys.argv[2]), sys.argv[3])
def timeout(*_):
    raise TimeoutError()
signal.signal(signal.SIGALRM, timeout)
results, sys.stdout = sys.stdout, sys.stderr  # what the function prints is not a result
out = []
for args in json.loads(sys.argv[4]):
    try:
        signal.setitimer(signal.ITIMER_REAL, 1.0)
        r = fn(*args)
        signal.setitimer(signal.ITIMER_REAL, 0)
        if isinstance(r, bool):
            r = int(r)
        out.append(r if isinstance(r, int) and -2**63 <= r < 2**63 else None)
    except BaseException:
        signal.setitimer(signal.ITIMER_REAL, 0)
        out.append(None)
print(json.dumps(out), file=results)
)py";

/// Parameter count of `i64 @f(i64 %a, i64 %b)` when every type is i64, else -1.
int allI64Arity(StringRef Sig) {
  if (!Sig.consume_front("i64 @"))
    return -1;
  size_t Open = Sig.find('('), Close = Sig.rfind(')');
  if (Open == StringRef::npos || Close == StringRef::npos || Close < Open)
    return -1;
  StringRef Params = Sig.slice(Open + 1, Close).trim();
  if (Params.empty())
    return 0;
  int N = 0;
  for (StringRef P : split(Params, ',')) {
    P = P.trim();
    if (P != "i64" && !P.starts_with("i64 %"))
      return -1;
    ++N;
  }
  return N;
}

bool isIntAnnotation(StringRef T) { return T == "int" || T == "bool"; }

/// Boundary values first, then seeded pseudo-random ones: the same cases on every run.
std::vector<std::vector<int64_t>> functionCases(StringRef Name, int Arity) {
  static const int64_t Boundary[] = {0, 1, -1, 2, 3, 7, 10, -10, 63, 64, 100, -100};
  const size_t NB = sizeof Boundary / sizeof Boundary[0];
  std::vector<std::vector<int64_t>> Cases;
  if (Arity == 0)
    return {{}};
  for (size_t I = 0; I < NB; ++I) {
    std::vector<int64_t> Args;
    for (int J = 0; J < Arity; ++J)
      Args.push_back(Boundary[(I + J * 5) % NB]);
    Cases.push_back(Args);
  }
  uint64_t State = 0x9E3779B97F4A7C15ull;
  for (char C : Name)
    State = (State ^ static_cast<unsigned char>(C)) * 0x100000001B3ull;
  for (int I = 0; I < 12; ++I) {
    std::vector<int64_t> Args;
    for (int J = 0; J < Arity; ++J) {
      State = State * 6364136223846793005ull + 1442695040888963407ull;
      Args.push_back(static_cast<int64_t>((State >> 33) % 2001) - 1000);
    }
    Cases.push_back(Args);
  }
  return Cases;
}

std::string callText(StringRef Name, ArrayRef<int64_t> Args) {
  std::string Out = Name.str() + "(";
  for (size_t I = 0; I < Args.size(); ++I)
    Out += (I ? ", " : "") + std::to_string(Args[I]);
  return Out + ")";
}

std::string systemPrompt() {
  std::string Out;
  if (auto System = core::promptTemplate("system"))
    Out = *System + "\n";
  else
    consumeError(System.takeError());
  Out += "Runtime functions (declare the ones you call exactly like this):\n";
  // The core API only, as the pipeline's own system prompt: a port needs no HTTP framework.
  for (const fixup::RuntimeFunction &F : fixup::runtimeFunctions())
    if (!F.Module.starts_with("http") && !F.Module.starts_with("html") &&
        F.Name != "semcom_main")
      Out += "  declare " + F.Signature.str() + "\n";
  return Out;
}

} // namespace

Expected<TransformPlan> parsePlanAnswer(StringRef Answer, const ScanResult &Scan) {
  std::string Text = core::extractTaskBlock(Answer);
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
  LLVMContext Ctx;
  for (const core::Step &S : Task->Steps) {
    if (S.Kind != core::Directive::Create)
      return transformError(formatv("plan:{0}: error: a port may only @create modules, not @{1}",
                                    S.Line, core::directiveName(S.Kind)));
    if (!Files.insert(S.Target).second)
      return transformError(formatv("plan:{0}: error: {1} appears in two steps", S.Line, S.Target));
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
        std::string Name = core::nameFromSignature(L);
        if (Name.empty() || !L.ends_with(")") || !fixup::parseSignature(L, Ctx))
          return transformError("plan: error: `" + L +
                                "` is not an IR signature (e.g. `i64 @f(i64 %x, ptr %s)`)");
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
      return transformError(
          formatv("plan:{0}: error: {1} names no `source:` Python file", S.Line, S.Target));
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
  for (const FunctionStatus &F : Functions)
    if (F.Status == "failing")
      return false;
  return true;
}

std::string TransformReport::text() const {
  std::string Out = "transform report for " + Scan.Root + "\n";
  for (const core::StepReport &M : Modules)
    Out += formatv("  module {0}: {1}, {2} model call{3}, fix-declares changes: {4}{5}\n", M.Target,
                   M.Status, M.ModelCalls, M.ModelCalls == 1 ? "" : "s", M.FixDeclaresChanges,
                   M.Error.empty() ? "" : " (" + M.Error + ")")
               .str();
  for (const FunctionStatus &F : Functions)
    Out += "  function " + F.File + ":" + F.Function + ": " + F.Status +
           (F.Module.empty() ? "" : " in " + F.Module) + (F.Detail.empty() ? "" : "; " + F.Detail) +
           "\n";
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
          : Error.empty() && ModulesOk && !Scan.Failed.empty() &&
                  all_of(Cases, [](const CaseResult &C) { return C.Passed; })
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
  json::Object Doc{{"project", Scan.Root},
                   {"ok", ok()},
                   {"modules", std::move(Mods)},
                   {"functions", std::move(Fns)},
                   {"binary", Binary},
                   {"cases", std::move(Cs)},
                   {"behaviour_rounds", BehaviourRounds},
                   {"model_calls", ModelCalls},
                   {"files_not_ported", std::move(Fails)},
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
  std::map<std::string, std::string> Refused;    ///< qualified Python name → reason
  std::map<std::string, Outcome> PythonOutcomes; ///< per sample: the oracle runs once
  std::set<std::string> SeenMismatches;
  static constexpr unsigned MaxPlanRepairs = 2;

  std::string treePath(StringRef Rel) const {
    SmallString<256> P(O.Pipeline.TreeRoot);
    sys::path::append(P, Rel);
    return std::string(P);
  }

  void log(StringRef Name, StringRef Text) {
    if (Error E = semcom::writeFileAtomically(LogDir + "/" + Name.str(), Text))
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
  /// Runs repair steps and books their calls and failures on the modules they changed; false
  /// when the run itself failed (then R.Error says why).
  bool runRepairSteps(const std::vector<core::Step> &Steps, StringRef Suffix);

  /// Function-level differential testing of functions whose Python and IR types are all ints.
  struct FunctionTest {
    size_t StatusIndex = 0; ///< into R.Functions
    std::string PyModule, PyName, IRName, Signature, Module;
    std::vector<std::vector<int64_t>> Cases;
    std::vector<std::optional<int64_t>> Expected;
    unsigned Verified = 0;
    std::string Mismatch; ///< the first one, in words
    std::string Skipped;  ///< why it is not tested (Python could not be run on it), else empty
  };
  std::vector<FunctionTest> FunctionTests;
  std::set<std::string> SeenFunctionMismatches;
  void prepareFunctionTests();
  void runFunctionTests();
  bool repairFunctions(unsigned Round);
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
    return transformError("no Python file of " + O.ProjectDir +
                          " can be ported; nothing was "
                          "written");
  return Error::success();
}

static std::string why(StringRef Message) {
  return (Message.starts_with("plan") ? "" : "plan: ") + Message.str() + "\n";
}

Error Transformer::plan() {
  std::string Entry;
  if (const PyFile *Main = R.Scan.mainFile())
    Entry = "- " + Main->Path +
            "'s `if __name__ == \"__main__\":` block becomes "
            "`define i64 @semcom_main(i64 %argc, ptr %argv)`: it reads all of stdin (sys_read "
            "until 0), writes stdout (write_all or a buf_*) and returns the exit status that "
            "sys.exit gives.\n";
  auto Prompt =
      core::renderPrompt("transform", {{"project", sys::path::filename(O.ProjectDir).str()},
                                       {"summary", R.Scan.summary()},
                                       {"refused", refusedText()},
                                       {"sources", sourcesOf({})},
                                       {"entry", Entry}});
  if (!Prompt)
    return Prompt.takeError();
  Out << "plan: asking for modules and signatures\n";
  // A plan that breaks the rules costs one more answer, not the port: the model sees why.
  std::string Ask = *Prompt;
  for (unsigned Round = 0;; ++Round) {
    auto Answer = ask(Ask, Round ? formatv("plan-{0}", Round).str() : std::string("plan"));
    if (!Answer)
      return Answer.takeError();
    auto P = parsePlanAnswer(*Answer, R.Scan);
    if (P) {
      Plan = std::move(*P);
      break;
    }
    std::string Why = toString(P.takeError());
    Out << why(Why);
    if (Round == MaxPlanRepairs)
      return transformError(Why + " (after " + std::to_string(Round + 1) +
                            " plans; nothing was generated)");
    Out << "plan: repair round " << Round + 1 << "/" << MaxPlanRepairs << "\n";
    Ask = *Prompt + "\nYour previous plan was refused:\n" + Why +
          "\nAnswer again with the whole corrected plan.\n";
  }
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
        // The best-matching planned name; among equals the shortest (`calc_add` over
        // `calc_twice_add` for `add`).
        std::string Sig;
        unsigned Best = 0;
        for (const std::string &S : M.Signatures) {
          std::string Name = core::nameFromSignature(S);
          unsigned Score = nameMatchScore(Name, Fn);
          if (Score > Best || (Score && Score == Best && Name.size() < core::nameFromSignature(Sig).size())) {
            Best = Score;
            Sig = S;
          }
        }
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
      auto Py =
          runIsolated({"python3", "-B", "-E", "-s", std::string(MainPath)}, {ProjectReal}, Stdin);
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
    Out << "difftest: " << C.Name << ": " << (C.Passed ? "same output and exit status" : "MISMATCH")
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
  auto Prompt = core::renderPrompt(
      "transform-fix",
      {{"mismatches", Mismatches}, {"modules", Modules}, {"sources", sourcesOf({})}});
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
  auto Task = core::parseTask(core::extractTaskBlock(*Answer), "fix");
  if (!Task) {
    Out << "difftest: the repair answer is not a task: " << toString(Task.takeError()) << "\n";
    return true; // the round is spent; the next one may do better
  }
  std::vector<core::Step> Steps;
  for (const core::Step &S : Task->Steps) {
    auto M = find_if(Plan.Modules, [&](const PlannedModule &P) { return P.File == S.Target; });
    if (S.Kind != core::Directive::Target || S.Append || M == Plan.Modules.end()) {
      Out << "difftest: ignoring repair step @" << core::directiveName(S.Kind) << " " << S.Target
          << " (only @target of a ported module)\n";
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
  return runRepairSteps(Steps, formatv("fix-{0}", Round).str());
}

bool Transformer::runRepairSteps(const std::vector<core::Step> &Steps, StringRef Suffix) {
  auto Run = runSteps(Steps, Suffix);
  if (!Run) {
    R.Error = toString(Run.takeError());
    return false;
  }
  for (const core::StepReport &S : Run->Steps) {
    R.ModelCalls += S.ModelCalls;
    for (core::StepReport &M : R.Modules)
      if (M.Target == S.Target) {
        M.ModelCalls += S.ModelCalls;
        M.FixDeclaresChanges += S.FixDeclaresChanges;
        if (S.Status != "passed") // the module on disk is still the earlier, valid one
          M.Error = "repair step failed: " + S.Error;
      }
  }
  return true;
}

void Transformer::prepareFunctionTests() {
  FunctionTests.clear();
  std::set<std::string> MainModules;
  for (const PlannedModule &M : Plan.Modules)
    for (const std::string &Sig : M.Signatures)
      if (core::nameFromSignature(Sig) == "semcom_main")
        MainModules.insert(M.File);
  for (size_t I = 0; I < R.Functions.size(); ++I) {
    const FunctionStatus &St = R.Functions[I];
    if (St.Status != "ported" || MainModules.count(St.Module))
      continue; // a program's main module is covered by the program's cases
    const PyFile *File = nullptr;
    const PyFunction *Fn = nullptr;
    for (const PyFile &F : R.Scan.Files)
      if (F.Path == St.File)
        for (const PyFunction &Candidate : F.Functions)
          if (Candidate.qualifiedName() == St.Function) {
            File = &F;
            Fn = &Candidate;
          }
    if (!Fn || !Fn->Class.empty() || !isIntAnnotation(Fn->Returns) ||
        !all_of(Fn->Params, [](const auto &P) { return isIntAnnotation(P.second); }))
      continue;
    StringRef Detail = St.Detail;
    if (!Detail.consume_front("as "))
      continue;
    std::string Sig = Detail.take_until([](char C) { return C == ';'; }).trim().str();
    int Arity = allI64Arity(Sig);
    if (Arity < 0 || Arity != static_cast<int>(Fn->Params.size()))
      continue;
    FunctionTest T;
    T.StatusIndex = I;
    T.PyModule = File->Module;
    T.PyName = Fn->Name;
    T.IRName = core::nameFromSignature(Sig);
    T.Signature = Sig;
    T.Module = St.Module;
    T.Cases = functionCases(T.IRName, Arity);
    FunctionTests.push_back(std::move(T));
  }
  // The oracle: Python's results, once.
  for (FunctionTest &T : FunctionTests) {
    json::Array Cases;
    for (const auto &Args : T.Cases) {
      json::Array A;
      for (int64_t V : Args)
        A.push_back(V);
      Cases.push_back(std::move(A));
    }
    std::string CasesJson = formatv("{0}", json::Value(std::move(Cases))).str();
    auto Py = runIsolated({"python3", "-B", "-E", "-s", "-c", FunctionHarnessPy, ProjectReal,
                           T.PyModule, T.PyName, CasesJson},
                          {ProjectReal}, "");
    T.Expected.assign(T.Cases.size(), std::nullopt);
    if (!Py || Py->Status != 0) {
      T.Skipped = "Python could not be run on it: " + (Py ? Py->Reason : toString(Py.takeError()));
      continue;
    }
    auto Doc = json::parse(Py->Stdout);
    const json::Array *Results = Doc ? Doc->getAsArray() : nullptr;
    if (!Doc)
      consumeError(Doc.takeError());
    if (!Results || Results->size() != T.Cases.size()) {
      T.Skipped = "the Python harness printed no results";
      continue;
    }
    for (size_t K = 0; K < Results->size(); ++K)
      if (auto V = (*Results)[K].getAsInteger())
        T.Expected[K] = *V;
    if (none_of(T.Expected, [](const std::optional<int64_t> &V) { return V.has_value(); }))
      T.Skipped = "Python raised (or left the i64 range) on every generated input";
  }
}

void Transformer::runFunctionTests() {
  if (FunctionTests.empty())
    return;
  // One harness for every tested function: a section per function, one result per line.
  std::string IR = "declare i64 @format_i64(i64 %value, ptr %out, i64 %out_size)\n"
                   "declare i64 @write_all(i64 %fd, ptr %data, i64 %len)\n"
                   "@nl = private constant [1 x i8] c\"\\0A\"\n"
                   "@mark = private constant [1 x i8] c\"=\"\n";
  std::set<std::string> Declared;
  for (const FunctionTest &T : FunctionTests)
    if (Declared.insert(T.IRName).second)
      IR += "declare " + T.Signature + "\n";
  IR += "define internal void @emit(i64 %v) {\nentry:\n  %buf = alloca [32 x i8]\n"
        "  %n = call i64 @format_i64(i64 %v, ptr %buf, i64 32)\n"
        "  %w = call i64 @write_all(i64 1, ptr %buf, i64 %n)\n"
        "  %e = call i64 @write_all(i64 1, ptr @nl, i64 1)\n  ret void\n}\n"
        "define i64 @semcom_main(i64 %argc, ptr %argv) {\nentry:\n";
  unsigned Reg = 0;
  for (const FunctionTest &T : FunctionTests) {
    IR += "  %m" + std::to_string(Reg) + " = call i64 @write_all(i64 1, ptr @mark, i64 1)\n";
    for (size_t K = 0; K < T.Cases.size(); ++K) {
      // Inputs Python rejects (an exception, a timeout, a result outside i64) are not run: they
      // could trap in the port, and there is nothing to compare with.
      if (!T.Expected[K])
        continue;
      const std::vector<int64_t> &Args = T.Cases[K];
      std::string Call = "  %r" + std::to_string(Reg) + " = call i64 @" + T.IRName + "(";
      for (size_t I = 0; I < Args.size(); ++I)
        Call += (I ? ", i64 " : "i64 ") + std::to_string(Args[I]);
      IR += Call + ")\n  call void @emit(i64 %r" + std::to_string(Reg) + ")\n";
      ++Reg;
    }
    ++Reg;
  }
  IR += "  ret i64 0\n}\n";
  // The harness IR is kept with the run; the binary goes to a world-readable temporary folder,
  // since the sandbox's unprivileged user may not enter .semcom/.
  std::string HarnessLL = LogDir + "/function-harness.ll";
  // /tmp itself, not $TMPDIR: a private TMPDIR (0700) is closed to the sandbox's user too.
  SmallString<128> TempDir;
  if (std::error_code EC = sys::fs::createUniqueDirectory("/tmp/semcom-harness", TempDir)) {
    for (FunctionTest &T : FunctionTests)
      T.Mismatch = "cannot create a folder for the function harness: " + EC.message();
    return;
  }
  sys::fs::setPermissions(TempDir, sys::fs::all_read | sys::fs::all_exe | sys::fs::owner_write);
  std::string HarnessBin = (TempDir + "/function-harness").str();
  struct RemoveOnExit {
    std::string Dir, Bin;
    ~RemoveOnExit() {
      sys::fs::remove(Bin);
      sys::fs::remove(Dir);
    }
  } Cleanup{std::string(TempDir), HarnessBin};
  auto Fail = [&](const std::string &Why) {
    for (FunctionTest &T : FunctionTests)
      if (T.Mismatch.empty())
        T.Mismatch = Why;
  };
  if (Error E = semcom::writeFileAtomically(HarnessLL, IR)) {
    Fail(toString(std::move(E)));
    return;
  }
  std::set<std::string> MainModules;
  for (const PlannedModule &M : Plan.Modules)
    for (const std::string &Sig : M.Signatures)
      if (core::nameFromSignature(Sig) == "semcom_main")
        MainModules.insert(M.File);
  std::vector<std::string> Inputs = {HarnessLL};
  for (const core::StepReport &M : R.Modules)
    if (M.Status == "passed" && !MainModules.count(M.Target))
      Inputs.push_back(treePath(M.Target));
  link::BuildOptions BO;
  BO.Target = O.Pipeline.Target;
  BO.OutputPath = HarnessBin;
  auto Archive = link::findRuntimeArchive(BO.Target);
  if (!Archive) {
    Fail("function harness: " + toString(Archive.takeError()));
    return;
  }
  BO.RuntimeArchive = *Archive;
  if (Error E = link::buildExecutable(Inputs, BO)) {
    Fail("the function harness does not link: " + toString(std::move(E)));
    return;
  }
  auto Run = runIsolated({HarnessBin}, {}, "");
  std::vector<std::vector<std::string>> Sections;
  if (Run)
    for (StringRef Line : split(Run->Stdout, '\n')) {
      if (Line.consume_front("="))
        Sections.emplace_back();
      if (!Sections.empty() && !Line.empty())
        Sections.back().push_back(Line.str());
    }
  for (size_t I = 0; I < FunctionTests.size(); ++I) {
    FunctionTest &T = FunctionTests[I];
    if (!T.Skipped.empty())
      continue;
    T.Verified = 0;
    T.Mismatch.clear();
    const std::vector<std::string> *Got = I < Sections.size() ? &Sections[I] : nullptr;
    size_t Line = 0;
    for (size_t K = 0; K < T.Cases.size(); ++K) {
      if (!T.Expected[K])
        continue;
      if (!Got || Line >= Got->size()) {
        T.Mismatch = "the port stopped before " + callText(T.IRName, T.Cases[K]) + " returned (" +
                     (Run ? Run->Reason : toString(Run.takeError())) + ")";
        break;
      }
      const std::string &Value = (*Got)[Line++];
      if (Value != std::to_string(*T.Expected[K])) {
        T.Mismatch = callText(T.PyName, T.Cases[K]) + " is " + std::to_string(*T.Expected[K]) +
                     " in Python but @" + callText(T.IRName, T.Cases[K]) + " returns " + Value;
        break;
      }
      ++T.Verified;
    }
    Out << "difftest: @" << T.IRName << ": "
        << (T.Mismatch.empty() ? formatv("{0} cases agree with Python", T.Verified).str()
                               : "MISMATCH: " + T.Mismatch)
        << "\n";
  }
}

bool Transformer::repairFunctions(unsigned Round) {
  std::map<std::string, std::string> ByModule; // module → what is wrong in it
  std::string All;
  for (const FunctionTest &T : FunctionTests)
    if (!T.Mismatch.empty() && T.Skipped.empty()) {
      ByModule[T.Module] += "- " + T.Mismatch + "\n";
      All += T.Mismatch + "\n";
    }
  if (ByModule.empty())
    return false;
  if (!SeenFunctionMismatches.insert(All).second) {
    Out << "difftest: no progress (the same function mismatches as an earlier round); stopping\n";
    return false;
  }
  Out << "difftest: function repair round " << Round << "/" << O.MaxBehaviourRounds << "\n";
  std::vector<core::Step> Steps;
  for (const auto &[Module, Wrong] : ByModule) {
    auto M = find_if(Plan.Modules, [&](const PlannedModule &P) { return P.File == Module; });
    if (M == Plan.Modules.end())
      continue;
    core::Step Fix;
    Fix.Kind = core::Directive::Target;
    Fix.Target = Module;
    Fix.Intent = "Differential testing against the Python original found these functions "
                 "returning other values than Python does:\n" +
                 Wrong + "\nFix them so every result equals Python's. The Python:\n" +
                 sourcesOf(M->Sources) + "Keep every function's signature.";
    Steps.push_back(std::move(Fix));
  }
  return runRepairSteps(Steps, formatv("function-fix-{0}", Round).str());
}

Expected<TransformReport> Transformer::run() {
  RunId = O.Pipeline.RunId.empty() ? core::newRunId() : O.Pipeline.RunId;
  LogDir = treePath(".semcom/runs/" + RunId + "-transform");
  SmallString<256> Real;
  if (std::error_code EC = sys::fs::real_path(O.ProjectDir, Real))
    return transformError(O.ProjectDir + ": " + EC.message());
  ProjectReal = std::string(Real);
  if (Error E = scan())
    return E;
  if (Error E = plan())
    return E;
  if (Error E = port())
    return E;
  for (const core::StepReport &M : R.Modules)
    R.ModelCalls += M.ModelCalls;
  classifyFunctions();
  if (!O.Pipeline.DryRun) {
    prepareFunctionTests();
    runFunctionTests();
    for (unsigned Round = 1; Round <= O.MaxBehaviourRounds; ++Round)
      if (repairFunctions(Round))
        runFunctionTests();
      else
        break;
    for (const FunctionTest &T : FunctionTests) {
      FunctionStatus &F = R.Functions[T.StatusIndex];
      if (!T.Skipped.empty()) {
        F.Detail += "; not differentially tested: " + T.Skipped;
      } else if (T.Mismatch.empty()) {
        F.Detail += formatv("; verified by {0} differential case{1}", T.Verified,
                            T.Verified == 1 ? "" : "s")
                        .str();
      } else {
        F.Status = "failing";
        F.Detail += "; first mismatch: " + T.Mismatch;
      }
    }
  }
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
        F.Detail +=
            formatv("; verified by {0} program case{1}", Passed, Passed == 1 ? "" : "s").str();
      else
        for (const CaseResult &C : R.Cases)
          if (!C.Passed) {
            F.Status = "failing";
            StringRef First = C.Mismatch;
            size_t At = First.find("first difference");
            if (At == StringRef::npos)
              At = First.find("exit status:");
            F.Detail +=
                "; first mismatch in " + C.Name +
                (At == StringRef::npos ? std::string()
                                       : ": " + First.drop_front(At)
                                                    .take_until([](char Ch) { return Ch == '\n'; })
                                                    .str());
            break;
          }
    }
  }
  for (FunctionStatus &F : R.Functions)
    if (F.Status == "ported" && !StringRef(F.Detail).contains("verified by") &&
        !StringRef(F.Detail).contains("differentially tested"))
      F.Detail += O.Pipeline.DryRun
                      ? "; not tested (--dry-run)"
                      : "; not differentially tested (no int-only signature and no program case)";
  if (!O.Pipeline.DryRun)
    if (Error E = semcom::writeFileAtomically(treePath(".semcom/transform-report.json"), R.json()))
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
    Report.Error =
        Rep->Error.empty() ? "the port is incomplete; see the transform report" : Rep->Error;
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
