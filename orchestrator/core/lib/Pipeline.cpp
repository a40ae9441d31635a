#include "llvm/ADT/ScopeExit.h"
//===- Pipeline.cpp - steps, prompts, repair rounds and write-back --------===//
#include "llvm/ADT/ScopeExit.h"
//
#include "llvm/ADT/ScopeExit.h"
// One step: context from the manifest → model → validateAnswer → (repair ≤ N | missing names →
#include "llvm/ADT/ScopeExit.h"
// auto_missing step first) → atomic write-back → manifest refresh. Everything a round saw is kept
#include "llvm/ADT/ScopeExit.h"
// in .semcom/runs/<id>/ so a run can be read, replayed and resumed.
#include "llvm/ADT/ScopeExit.h"
//
#include "llvm/ADT/ScopeExit.h"
//===----------------------------------------------------------------------===//
#include "llvm/ADT/ScopeExit.h"
#include "semcom/Core/Pipeline.h"
#include "llvm/ADT/ScopeExit.h"

#include "llvm/ADT/ScopeExit.h"
#include "semcom/Core/FunctionMode.h"
#include "llvm/ADT/ScopeExit.h"
#include "semcom/Core/Prompts.h"
#include "llvm/ADT/ScopeExit.h"
#include "semcom/Core/RepairLoop.h"
#include "llvm/ADT/ScopeExit.h"
#include "semcom/Core/Support.h"
#include "llvm/ADT/ScopeExit.h"
#include "semcom/Core/Validate.h"
#include "llvm/ADT/ScopeExit.h"
#include "semcom/Fixup/ManifestQuery.h"
#include "llvm/ADT/ScopeExit.h"
#include "semcom/Fixup/RuntimeAPI.h"
#include "llvm/ADT/ScopeExit.h"
#include "semcom/LLM/LLMError.h"
#include "llvm/ADT/ScopeExit.h"
#include "semcom/LLM/Provider.h"
#include "llvm/ADT/ScopeExit.h"
#include "semcom/Manifest/Manifest.h"
#include "llvm/ADT/ScopeExit.h"
#include "semcom/Support/AtomicFile.h"
#include "llvm/ADT/ScopeExit.h"

#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/SHA256.h"

#include <atomic>
#include <chrono>
#include <ctime>
#include <fcntl.h>
#include <mutex>
#include <set>
#include <thread>
#include <unistd.h>

using namespace llvm;

namespace semcom {
namespace core {

unsigned RunReport::passed() const {
  return count_if(Steps, [](const StepReport &S) { return S.Status == "passed"; });
}
unsigned RunReport::failed() const {
  return count_if(Steps, [](const StepReport &S) { return S.Status == "failed"; });
}
unsigned RunReport::skipped() const {
  return count_if(Steps, [](const StepReport &S) { return S.Status == "skipped"; });
}

namespace {

using Clock = std::chrono::steady_clock;

Error runError(const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), "%s", Message.str().c_str());
}

Expected<std::string> readFile(StringRef Path) {
  auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return runError(Path + ": " + Buffer.getError().message());
  return (*Buffer)->getBuffer().str();
}

std::string hashText(StringRef Text) {
  auto Digest = SHA256::hash(arrayRefFromStringRef(Text));
  return toHex(ArrayRef<uint8_t>(Digest.data(), 8), true);
}

} // namespace

std::string newRunId() {
  char Stamp[32];
  std::time_t Now = std::time(nullptr);
  struct tm TM;
  gmtime_r(&Now, &TM);
  std::strftime(Stamp, sizeof Stamp, "%Y%m%d-%H%M%S", &TM);
  return (Twine(Stamp) + "-" + Twine(::getpid())).str();
}

namespace {

TransformRunner InstalledTransformRunner = nullptr;

/// The functions a plan fixed, read from its @create steps: lines `define <signature>`.
std::vector<std::string> plannedSignatures(StringRef Intent) {
  std::vector<std::string> Sigs;
  SmallVector<StringRef, 16> Lines;
  Intent.split(Lines, '\n');
  for (StringRef L : Lines) {
    L = L.trim();
    if (L.consume_front("define ") && L.contains('@') && L.ends_with(")"))
      Sigs.push_back(L.trim().str());
  }
  return Sigs;
}


} // namespace

/// Progress of a step running beside others goes to its own buffer, printed whole when the step
/// ends, so output stays grouped per step.
thread_local raw_ostream *StepOutput = nullptr;

struct Pipeline::Impl {
  PipelineOptions O;
  llm::Provider &Model;
  raw_ostream &Out;
  std::string RunId, RunDir, ManifestPath;
  std::unique_ptr<manifest::Manifest> Tree;
  /// While a batch of plan steps runs side by side: the manifest as the batch began.
  std::unique_ptr<manifest::Manifest> BatchSnapshot;
  std::shared_ptr<const fixup::ManifestQuery> Query;
  std::map<std::string, std::string> Planned; ///< name → signature fixed by a plan
  unsigned AutoMissingCounter = 0;
  json::Array Summary;

  /// Serializes what concurrent steps share: write-back, the manifest and its query, counters.
  std::recursive_mutex TreeMutex;

  Impl(PipelineOptions Opts, llm::Provider &M, raw_ostream &OS)
      : O(std::move(Opts)), Model(M), Out(OS) {}

  raw_ostream &out() { return StepOutput ? *StepOutput : Out; }

  std::shared_ptr<const fixup::ManifestQuery> query() {
    std::lock_guard<std::recursive_mutex> Lock(TreeMutex);
    return Query;
  }

  std::string treePath(StringRef Rel) const {
    SmallString<256> P(O.TreeRoot);
    sys::path::append(P, Rel);
    return std::string(P);
  }

  // --- manifest ---

  Error loadManifest() {
    ManifestPath = treePath(".semcom/manifest.txt");
    if (sys::fs::exists(ManifestPath)) {
      auto M = manifest::Manifest::loadFile(ManifestPath);
      if (M) {
        Tree = std::make_unique<manifest::Manifest>(std::move(*M));
        if (auto N = Tree->refresh(); !N)
          return N.takeError();
        return rebuildQuery();
      }
      // A damaged manifest is rebuilt from the tree, which is the truth.
      out() << "manifest: " << toString(M.takeError()) << "; rebuilding\n";
    }
    SmallString<256> Root;
    if (std::error_code EC = sys::fs::real_path(O.TreeRoot, Root))
      return runError(O.TreeRoot + ": " + EC.message());
    auto M = manifest::Manifest::buildFromTree({std::string(Root)});
    if (!M)
      return M.takeError();
    Tree = std::make_unique<manifest::Manifest>(std::move(*M));
    return rebuildQuery();
  }

  /// The passes get their own copy (ManifestQuery owns its manifest); the text round trip is
  /// cheap next to a model call and keeps the two from sharing mutable state.
  Error rebuildQuery() {
    auto Copy = manifest::Manifest::parse(Tree->serialize(), ManifestPath);
    if (!Copy)
      return Copy.takeError();
    Query = std::make_shared<fixup::ManifestQuery>(
        std::make_unique<manifest::Manifest>(std::move(*Copy)));
    return Error::success();
  }

  Error refreshManifest() {
    if (auto N = Tree->refresh(); !N)
      return N.takeError();
    if (!O.DryRun)
      if (Error E = semcom::writeFileAtomically(ManifestPath, Tree->serialize()))
        return E;
    return rebuildQuery();
  }

  /// Signatures the step references, defined outside the module being written.
  /// Functions the step itself is to define (its intent's `define` lines, as a plan writes them)
  /// are not among them, even while the manifest knows them only as planned declarations: the
  /// model must define those, not declare them.
  std::string contextFor(StringRef Target, ArrayRef<StringRef> Texts, unsigned &Referenced,
                         StringRef OwnIntent = "") {
    StringSet<> Own;
    for (const std::string &Sig : plannedSignatures(OwnIntent))
      Own.insert(nameFromSignature(Sig));
    std::lock_guard<std::recursive_mutex> Lock(TreeMutex);
    const manifest::Manifest &Source = BatchSnapshot ? *BatchSnapshot : *Tree;
    std::vector<const manifest::Entry *> Entries = Source.collectRelevant(Texts);
    std::string Lines;
    Referenced = 0;
    for (const manifest::Entry *E : Entries) {
      if (E->File == Target || E->Vis != manifest::Visibility::Public || Own.count(E->Name))
        continue;
      ++Referenced;
      Lines += "  declare " + E->Signature;
      if (!E->File.empty())
        Lines += "    ; defined in " + E->File;
      Lines += "\n";
    }
    std::string Http = mentionsHttp(Texts) ? runtimeSummary(true) : "";
    if (Lines.empty())
      return Http;
    return "\nFunctions defined in other modules that this step references (declare each exactly "
           "like this):\n" +
           Lines + Http;
  }

  // --- run directory ---

  Error writeRunFile(const Twine &Rel, StringRef Contents) {
    SmallString<256> P(RunDir);
    sys::path::append(P, Rel);
    return semcom::writeFileAtomically(P, Contents);
  }

  void logRunFile(const Twine &Rel, StringRef Contents) {
    if (Error E = writeRunFile(Rel, Contents))
      out() << "warning: " << toString(std::move(E)) << "\n";
  }

  RunReport *Current = nullptr; ///< the run being reported, for saves in the middle of a step
  std::set<unsigned> ResumedDone; ///< steps an earlier attempt of this run finished

  /// Saves the summary with Pending as the step in progress.
  void saveProgress(const StepReport &Pending) {
    std::lock_guard<std::recursive_mutex> Lock(TreeMutex);
    if (!Current)
      return;
    RunReport Copy = *Current;
    Copy.Steps.push_back(Pending);
    if (Error E = saveSummary(Copy))
      out() << "warning: " << toString(std::move(E)) << "\n";
  }

  Error saveSummary(const RunReport &R) {
    json::Array Steps;
    for (const StepReport &S : R.Steps) {
      json::Array Diags;
      for (const std::string &D : S.Diagnostics)
        Diags.push_back(D);
      Steps.push_back(json::Object{{"index", S.Index},
                                   {"directive", S.Directive},
                                   {"target", S.Target},
                                   {"status", S.Status},
                                   {"model_calls", S.ModelCalls},
                                   {"fix_declares_changes", S.FixDeclaresChanges},
                                   {"seconds", S.Seconds},
                                   {"error", S.Error},
                                   {"written_file", S.WrittenFile},
                                   {"written_hash", S.WrittenHash},
                                   {"diagnostics", std::move(Diags)}});
    }
    // On --resume, steps an earlier attempt finished but this one has not reached yet keep their
    // record: a kill before this run gets to them must not make them look undone.
    for (unsigned Index : ResumedDone)
      if (Index > R.Steps.size())
        Steps.push_back(json::Object{{"index", Index}, {"status", "passed"}, {"resumed", true}});
    json::Object Doc{{"run", R.RunId},
                     {"tree", O.TreeRoot},
                     {"passed", R.passed()},
                     {"failed", R.failed()},
                     {"skipped", R.skipped()},
                     {"steps", std::move(Steps)}};
    return writeRunFile("summary.json", formatv("{0:2}", json::Value(std::move(Doc))).str());
  }

  /// Steps a previous run of this id completed, by index: passed, or killed after writing the
  /// module it meant to write (the file on disk has the recorded hash).
  std::set<unsigned> completedSteps() {
    std::set<unsigned> Done;
    auto Text = readFile(RunDir + "/summary.json");
    if (!Text) {
      consumeError(Text.takeError());
      return Done;
    }
    auto Doc = json::parse(*Text);
    if (!Doc) {
      consumeError(Doc.takeError());
      return Done;
    }
    if (auto *Steps = Doc->getAsObject() ? Doc->getAsObject()->getArray("steps") : nullptr)
      for (const json::Value &S : *Steps)
        if (auto *Obj = S.getAsObject()) {
          auto Index = Obj->getInteger("index");
          std::optional<StringRef> Status = Obj->getString("status");
          if (!Index || !Status)
            continue;
          bool Written = false;
          if (*Status == "writing") {
            auto File = Obj->getString("written_file");
            auto Hash = Obj->getString("written_hash");
            auto Text = File ? readFile(treePath(*File)) : runError("no file");
            Written = Text && Hash && hashText(*Text) == *Hash;
            if (!Text)
              consumeError(Text.takeError());
          }
          if (*Status == "passed" || Written)
            Done.insert(static_cast<unsigned>(*Index));
        }
    return Done;
  }

  // --- one model round trip ---

  Expected<llm::Response> ask(const std::string &System, const std::string &Prompt,
                              const Twine &LogPrefix) {
    llm::Request Req;
    Req.SystemPrefix = System;
    Req.MaxTokens = O.MaxTokens;
    Req.Messages.push_back({llm::Message::Role::User, Prompt});
    logRunFile(LogPrefix + "-prompt.txt", Prompt);
    auto Start = Clock::now();
    auto Resp = Model.complete(Req);
    if (!Resp)
      return Resp.takeError();
    double Seconds = std::chrono::duration<double>(Clock::now() - Start).count();
    logRunFile(LogPrefix + "-answer.txt", Resp->Text);
    out() << "api: ok (" << Resp->Text.size() << " bytes"
        << (Resp->FromCache ? ", replayed from cache" : "")
        << formatv(", {0:f1} s)", Seconds) << "\n";
    return Resp;
  }

  std::string systemPrompt() { return irSystemPrompt(out()); }

  // --- module steps ---

  /// @create / @target [append] / auto_missing: generate, validate, repair, write back.
  /// PromptName and Slots say how to ask; the rest is the same for every kind.
  void runModuleStep(const Step &S, StepReport &Report, unsigned Depth, unsigned StepNo) {
    std::string Path = treePath(S.Target);
    std::string Source;
    bool Exists = sys::fs::exists(Path);
    if (S.Kind == Directive::Create && Exists) {
      Report.Status = "failed";
      Report.Error = S.Target + " already exists; use @target " + S.Target +
                     " to change it (or @target " + S.Target + " append to add functions)";
      return;
    }
    if (S.Kind == Directive::Target) {
      if (!Exists) {
        Report.Status = "failed";
        Report.Error = S.Target + " does not exist; use @create " + S.Target + " to make it";
        return;
      }
      auto Text = readFile(Path);
      if (!Text) {
        Report.Status = "failed";
        Report.Error = toString(Text.takeError());
        return;
      }
      Source = *Text;
    }

    unsigned Referenced = 0;
    std::string Context =
        contextFor(S.Target, {StringRef(Source), StringRef(S.Intent)}, Referenced, S.Intent);
    out() << "manifest: ok (" << Referenced << " referenced)\n";

    PromptSlots Slots = {{"file", S.Target}, {"intent", S.Intent}, {"context", Context},
                         {"source", Source}};
    std::string PromptName = "create";
    std::string MergeInto; // set when the answer holds only some functions of Source
    if (S.Kind == Directive::Target && S.Append) {
      PromptName = "append";
      std::string Existing;
      std::lock_guard<std::recursive_mutex> Lock(TreeMutex);
      for (const manifest::Entry &E : Tree->entries())
        if (E.File == S.Target)
          Existing += "  " + E.Signature + "\n";
      Slots["existing"] = Existing.empty() ? "  (none)\n" : Existing;
    } else if (S.Kind == Directive::Target) {
      PromptName = "target";
      // A change to a large module that names its functions carries only those, and the answer
      // goes back in by name: the cost does not grow with the module.
      if (Source.size() > LargeModuleBytes) {
        std::vector<std::string> Named;
        for (const FunctionSpan &F : functionSpans(Source))
          if (StringRef(S.Intent).contains("@" + F.Name))
            Named.push_back(F.Name);
        if (!Named.empty()) {
          PromptName = "target-functions";
          Slots["functions"] = scopedFunctions(Source, Named);
          MergeInto = Source;
          out() << "target: only " << join(Named, ", ") << " of " << Source.size()
                << " bytes go to the model\n";
        }
      }
    }
    auto Prompt = renderPrompt(PromptName, Slots);
    if (!Prompt) {
      Report.Status = "failed";
      Report.Error = toString(Prompt.takeError());
      return;
    }
    generateAndWrite(S, Report, *Prompt, Source, Slots, Depth, StepNo, MergeInto);
  }

  void generateAndWrite(const Step &S, StepReport &Report, std::string Prompt,
                        const std::string &Source, PromptSlots Slots, unsigned Depth,
                        unsigned StepNo, const std::string &MergeInto = "") {
    std::string System = systemPrompt();
    ValidateOptions VO;
    VO.FileName = S.Target;
    VO.Target = O.Target;
    VO.PlannedSignatures = Planned;
    if (S.Kind == Directive::Create)
      for (const std::string &Sig : plannedSignatures(S.Intent))
        VO.MustDefine.push_back(nameFromSignature(Sig));
    if (S.Kind == Directive::Target && S.Append)
      VO.AppendTo = Source;

    auto Prefix = [&](unsigned Round) { return formatv("step-{0}/round-{1}", StepNo, Round).str(); };
    RepairLoopHooks Hooks;
    Hooks.Ask = [&](const std::string &P, unsigned Round) -> Expected<std::string> {
      ++Report.ModelCalls;
      auto Resp = ask(System, P, Prefix(Round));
      if (!Resp)
        return Resp.takeError();
      if (Round == 0 && !MergeInto.empty())
        return mergeFunctions(MergeInto, Resp->Text);
      return Resp->Text;
    };
    Hooks.BeforeValidate = [&](ValidateOptions &V) { V.Query = query(); };
    Hooks.Inspect = [&](Candidate &C, StringRef Answer, ValidateOptions &V, unsigned Round) {
      if (!C.Text.empty())
        logRunFile(Prefix(Round) + "-ir.ll", C.Text);
      if (C.Valid && !C.Missing.empty())
        resolveMissing(S, C, V, Answer, Report, Depth, StepNo);
    };
    Hooks.OnFailure = [&](const Candidate &C, const std::string &Diagnostics, unsigned Round) {
      logRunFile(Prefix(Round) + "-diagnostics.txt", Diagnostics);
      Report.Diagnostics = C.Diagnostics;
    };
    Slots["scope"] = S.Kind == Directive::Target && S.Append ? "new functions" : "module";
    auto Outcome = runRepairLoop(std::move(Prompt), VO, Slots, O.MaxRepairRounds, O.Verbose,
                                 out(), Hooks);
    if (!Outcome) {
      Report.Status = "failed";
      Report.Error = toString(Outcome.takeError());
      out() << "api: failed: " << Report.Error << "\n";
      return;
    }
    if (Outcome->Valid) {
      Report.FixDeclaresChanges = Outcome->Valid->FixDeclaresChanges;
      writeBack(S, *Outcome->Valid, Source, Report);
      return;
    }
    Report.Status = "failed";
    Report.Error = Outcome->Error;
    if (Report.Error.empty())
      Report.Error = "no valid module after " + std::to_string(Report.ModelCalls) +
                     " answer" + (Report.ModelCalls == 1 ? "" : "s") + "; nothing was written";
  }

  /// doesNotUnderstand: generate the functions nobody provides in auto_missing_N.ll, then
  /// validate the same answer again against the refreshed manifest (no model call).
  void resolveMissing(const Step &S, Candidate &C, ValidateOptions &VO, StringRef Answer,
                      StepReport &Report, unsigned Depth, unsigned StepNo) {
    for (unsigned Pass = 0; Pass < O.MaxMissingPasses && C.Valid && !C.Missing.empty(); ++Pass) {
      if (Depth > 0)
        return; // an auto_missing module may not spawn another
      std::string Names, Declares, CallSites;
      for (const fixup::MissingFunction &M : C.Missing) {
        Names += (Names.empty() ? "@" : ", @") + M.Name;
        Declares += M.DeclareLine + "\n";
        for (StringRef Line : split(C.Text, '\n'))
          if (Line.contains("@" + M.Name + "(") && !Line.trim().starts_with("declare"))
            CallSites += "  " + Line.trim().str() + "    ; in " + S.Target + "\n";
      }
      out() << "doesNotUnderstand: " << C.Missing.size() << " missing (" << Names << ")\n";
      Step Missing;
      Missing.Kind = Directive::Create;
      {
        std::lock_guard<std::recursive_mutex> Lock(TreeMutex);
        do
          Missing.Target = "auto_missing_" + std::to_string(++AutoMissingCounter) + ".ll";
        while (sys::fs::exists(treePath(Missing.Target)));
      }
      Missing.Intent = "Define the missing functions " + Names + ".";
      Missing.Line = S.Line;
      out() << "step " << StepNo << "." << Pass + 1 << ": @create " << Missing.Target << "\n";

      unsigned Referenced = 0;
      std::string Context = contextFor(Missing.Target, {StringRef(Declares)}, Referenced);
      auto Prompt = renderPrompt("missing", {{"file", Missing.Target},
                                             {"missing", Declares},
                                             {"call_sites", CallSites.empty() ? "  (none)\n"
                                                                              : CallSites},
                                             {"context", Context}});
      if (!Prompt) {
        Report.Error = toString(Prompt.takeError());
        return;
      }
      StepReport Sub;
      generateAndWrite(Missing, Sub, *Prompt, "",
                       {{"file", Missing.Target}, {"intent", Missing.Intent}, {"context", Context}},
                       Depth + 1, StepNo * 100 + Pass + 1);
      Report.ModelCalls += Sub.ModelCalls;
      if (Sub.Status != "passed") {
        out() << "doesNotUnderstand: " << Missing.Target << " failed: " << Sub.Error << "\n";
        return;
      }
      VO.Query = query();
      C = validateAnswer(Answer, VO);
    }
  }

  void writeBack(const Step &S, const Candidate &C, const std::string &Old, StepReport &Report) {
    std::string Path = treePath(S.Target);
    if (O.DryRun) {
      showDiff(S.Target, Old, C.Text);
      out() << "write-back: skipped (--dry-run)\n";
      Report.Status = "passed";
      return;
    }
    std::lock_guard<std::recursive_mutex> Lock(TreeMutex);
    Report.Status = "writing";
    Report.WrittenFile = S.Target;
    Report.WrittenHash = hashText(C.Text);
    saveProgress(Report);
    if (Error E = semcom::writeFileAtomically(Path, C.Text, treePath(".semcom/tmp"))) {
      Report.Status = "failed";
      Report.Error = toString(std::move(E));
      out() << "write-back: failed: " << Report.Error << "\n";
      return;
    }
    if (Error E = refreshManifest()) {
      Report.Status = "failed";
      Report.Error = "the module was written but the manifest could not be refreshed: " +
                     toString(std::move(E));
      return;
    }
    out() << "write-back: ok (" << S.Target << ", " << C.Text.size() << " bytes)\n";
    Report.Status = "passed";
  }

  void showDiff(StringRef Name, StringRef Old, StringRef New) {
    SmallString<128> A, B;
    if (sys::fs::createTemporaryFile("semcom-old", "ll", A) ||
        sys::fs::createTemporaryFile("semcom-new", "ll", B)) {
      out() << New;
      return;
    }
    if (Error E = semcom::writeFileAtomically(A, Old))
      consumeError(std::move(E));
    if (Error E = semcom::writeFileAtomically(B, New))
      consumeError(std::move(E));
    SmallString<128> DiffOut;
    sys::fs::createTemporaryFile("semcom-diff", "txt", DiffOut);
    auto Diff = sys::findProgramByName("diff");
    std::string LabelA = ("--label=a/" + Name).str(), LabelB = ("--label=b/" + Name).str();
    if (Diff) {
      StringRef Args[] = {*Diff, "-u", LabelA, LabelB, A, B};
      std::optional<StringRef> Redirects[] = {std::nullopt, StringRef(DiffOut), std::nullopt};
      sys::ExecuteAndWait(*Diff, Args, std::nullopt, Redirects);
      if (auto Text = readFile(DiffOut))
        out() << *Text;
      else
        consumeError(Text.takeError());
    } else {
      out() << New;
    }
    sys::fs::remove(A);
    sys::fs::remove(B);
    sys::fs::remove(DiffOut);
  }

  // --- @test ---

  /// Vectors for one function of an existing module, cross-checked, run in the sandbox; a module
  /// repaired by behaviour is written back like any other step.
  void runTestStep(const Step &S, StepReport &Report) {
    auto Text = readFile(treePath(S.Target));
    if (!Text) {
      Report.Status = "failed";
      Report.Error = toString(Text.takeError());
      return;
    }
    std::string Function = S.Function;
    if (Function.empty()) { // the module's first definition
      std::lock_guard<std::recursive_mutex> Lock(TreeMutex);
      for (const manifest::Entry &E : Tree->entries())
        if (E.File == S.Target && !E.IsDeclaration) {
          Function = E.Name;
          break;
        }
    }
    FunctionModeOptions FO;
    FO.RunDir = formatv("{0}/step-{1}", RunDir, Report.Index).str();
    FO.Target = O.Target;
    FO.MaxTokens = O.MaxTokens;
    FO.Verbose = O.Verbose;
    // In Semcom's own runtime a module's repair defines runtime functions; only the tree's
    // manifest tells validation that this is where they live.
    if (auto Q = query(); Q && treeIsRuntime(Q->manifest()))
      FO.Query = Q;
    auto R = runTestMode(*Text, S.Target, Function, S.Intent, FO, Model, out());
    if (!R) {
      Report.Status = "failed";
      Report.Error = toString(R.takeError());
      return;
    }
    Report.ModelCalls = R->ModelCalls;
    printReportTable({*R}, out());
    if (!R->passed()) {
      Report.Status = "failed";
      Report.Error = R->Error;
      return;
    }
    if (R->IR == *Text) {
      Report.Status = "passed";
      return;
    }
    Candidate C;
    C.Text = R->IR;
    writeBack(S, C, *Text, Report);
  }

  // --- plans ---

  /// Asks for a plan, validates it as a task and fixes its signatures in the manifest before any
  /// module is generated. Returns the planned steps.
  Expected<std::vector<Step>> makePlan(const Step &S, StepReport &Report, unsigned StepNo) {
    unsigned Referenced = 0;
    std::string Context = contextFor("", {StringRef(S.Intent)}, Referenced);
    auto Prompt = renderPrompt("plan", {{"intent", S.Intent}, {"context", Context}});
    if (!Prompt)
      return Prompt.takeError();
    auto Resp = ask(systemPrompt(), *Prompt, formatv("step-{0}/plan", StepNo));
    ++Report.ModelCalls;
    if (!Resp)
      return Resp.takeError();
    std::string PlanText = extractTaskBlock(Resp->Text);
    logRunFile(formatv("step-{0}/plan.task", StepNo), PlanText);
    auto Plan = parseTask(PlanText, "plan");
    if (!Plan)
      return runError("the plan is not a valid task: " + toString(Plan.takeError()));
    StringSet<> Targets;
    std::map<std::string, std::string> Sigs;
    for (const Step &P : Plan->Steps) {
      if (P.Kind != Directive::Create && P.Kind != Directive::Target)
        return runError(formatv("plan:{0}: error: a plan may only @create or @target modules, "
                                "not @{1}",
                                P.Line, directiveName(P.Kind)));
      if (!Targets.insert(P.Target).second)
        return runError(formatv("plan:{0}: error: {1} appears in two steps", P.Line, P.Target));
      for (const std::string &Sig : plannedSignatures(P.Intent)) {
        std::string Name = nameFromSignature(Sig);
        if (Name.empty())
          return runError("plan: error: cannot read the function name in `" + Sig + "`");
        if (!Sigs.emplace(Name, Sig).second)
          return runError("plan: error: @" + Name + " is defined by two steps");
      }
    }
    if (Plan->Steps.empty() || Plan->Steps.size() > 16)
      return runError("plan: error: a plan needs 1 to 16 steps");
    // Every module is generated against one ABI: the signatures go into the manifest first.
    for (const auto &[Name, Sig] : Sigs) {
      // On --resume, modules this plan already produced define their functions: keep those.
      const manifest::Entry *Known = Tree->lookup(Name);
      if (O.Resume && Known && !Known->IsDeclaration) {
        Planned[Name] = Sig;
        continue;
      }
      if (Error E = Tree->addDeclaration(Sig))
        return runError("plan: error: " + toString(std::move(E)));
      Planned[Name] = Sig;
    }
    if (Error E = rebuildQuery())
      return E;
    out() << "plan: ok (" << Plan->Steps.size() << " steps, " << Sigs.size()
        << " signatures fixed)\n";
    return Plan->Steps;
  }

  /// @transform DIR: the installed runner ports the project into this tree.
  void runTransformStep(const Step &S, StepReport &Report) {
    PipelineOptions Sub = O;
    Sub.RunId = RunId + "-step" + std::to_string(Report.Index);
    Sub.Resume = false;
    InstalledTransformRunner(S, Sub, Model, out(), Report);
    // The port wrote modules and the manifest: later steps see them.
    if (Error E = loadManifest())
      out() << "warning: " << toString(std::move(E)) << "\n";
  }

  StepReport startStep(const Step &S, size_t I, size_t Total) {
    StepReport Report;
    Report.Index = static_cast<unsigned>(I + 1);
    Report.Directive = directiveName(S.Kind).str();
    Report.Target = S.Target;
    out() << "step " << Report.Index << "/" << Total << ": @" << Report.Directive;
    if (!S.Target.empty())
      out() << " " << S.Target;
    if (S.Append)
      out() << " append";
    out() << "\n";
    return Report;
  }

  void finishStep(StepReport &Report, Clock::time_point Start) {
    if (Report.Status == "pending")
      Report.Status = "failed";
    Report.Seconds = std::chrono::duration<double>(Clock::now() - Start).count();
    if (Report.Status == "failed")
    {
      verdictColor(out(), false) << "step " << Report.Index << ": failed:";
      resetColor(out()) << " " << Report.Error << "\n";
    }
  }

  /// Every step but @plan (which changes the step list).
  StepReport runStep(const Step &S, size_t I, size_t Total, const std::set<unsigned> &Done) {
    StepReport Report = startStep(S, I, Total);
    auto Start = Clock::now();
    if (Done.count(Report.Index)) {
      Report.Status = "passed";
      out() << "resume: already done in run " << RunId << "\n";
      return Report;
    }
    if (S.Kind == Directive::Transform && InstalledTransformRunner) {
      runTransformStep(S, Report);
      finishStep(Report, Start);
      return Report;
    }
    switch (S.Kind) {
    case Directive::Help:
      out() << directiveHelp();
      Report.Status = "passed";
      break;
    case Directive::Create:
    case Directive::Target:
      runModuleStep(S, Report, 0, Report.Index);
      break;
    case Directive::Plan:
      llvm_unreachable("plans are expanded by run()");
    case Directive::Test:
      runTestStep(S, Report);
      break;
    case Directive::Transform:
      Report.Status = "failed";
      Report.Error = "@" + Report.Directive +
                     " is not available yet in this version of semcom; nothing was run";
      break;
    }
    finishStep(Report, Start);
    return Report;
  }

  // --- the run ---

  Expected<RunReport> run(const Task &T, StringRef TaskText) {
    RunReport R;
    RunId = O.RunId.empty() ? newRunId() : O.RunId;
    RunDir = treePath(".semcom/runs/" + RunId);
    R.RunId = RunId;
    R.RunDir = RunDir;
    std::set<unsigned> Done;
    if (O.Resume) {
      if (!sys::fs::is_directory(RunDir))
        return runError("no run " + RunId + " in " + treePath(".semcom/runs"));
      Done = completedSteps();
      ResumedDone = Done;
    }
    if (Error E = writeRunFile("task.txt", TaskText))
      return E;
    if (Error E = loadManifest())
      return E;
    if (!O.PlannedDeclarations.empty()) {
      for (const std::string &Sig : O.PlannedDeclarations) {
        if (Error E = Tree->addDeclaration(Sig)) {
          // A module of the tree defining it already is fine: validation still holds it to Sig.
          const manifest::Entry *Known = Tree->lookup(nameFromSignature(Sig));
          if (!Known || Known->File.empty())
            return runError("planned signature: " + toString(std::move(E)));
          consumeError(std::move(E));
        }
        Planned[nameFromSignature(Sig)] = Sig;
      }
      if (Error E = rebuildQuery())
        return E;
    }

    Current = &R;
    std::vector<Step> Steps = T.Steps;
    std::vector<unsigned> PlanOf(Steps.size(), 0); // which plan made a step (0: the task)
    unsigned Plans = 0;
    for (size_t I = 0; I < Steps.size(); ++I) {
      // A plan's @create steps depend only on signatures already in the manifest: they run side
      // by side, at most O.Jobs at a time.
      size_t Batch = 1;
      if (O.Jobs > 1 && PlanOf[I] && Steps[I].Kind == Directive::Create) {
        StringSet<> Targets;
        while (I + Batch < Steps.size() && PlanOf[I + Batch] == PlanOf[I] &&
               Steps[I + Batch].Kind == Directive::Create)
          ++Batch;
        for (size_t K = I; K < I + Batch; ++K)
          if (!Targets.insert(Steps[K].Target).second)
            Batch = 1; // two steps write one module: keep them in order
      }
      if (Batch > 1) {
        // Every step of the batch sees the manifest as it was when the batch began, whichever
        // finishes first: the prompts, and so the cache keys, do not depend on thread timing.
        {
          auto Snapshot = manifest::Manifest::parse(Tree->serialize(), ManifestPath);
          if (!Snapshot)
            return Snapshot.takeError();
          BatchSnapshot = std::make_unique<manifest::Manifest>(std::move(*Snapshot));
        }
        auto EndSnapshot = llvm::make_scope_exit([&] { BatchSnapshot.reset(); });
        std::vector<StepReport> Reports(Batch);
        std::atomic<size_t> Next{0};
        std::mutex OutMutex;
        auto Worker = [&] {
          for (size_t K; (K = Next++) < Batch;) {
            std::string Buffer;
            raw_string_ostream OS(Buffer);
            StepOutput = &OS;
            Reports[K] = runStep(Steps[I + K], I + K, Steps.size(), Done);
            StepOutput = nullptr;
            std::lock_guard<std::mutex> Lock(OutMutex);
            Out << Buffer;
            Out.flush();
          }
        };
        std::vector<std::thread> Workers;
        for (unsigned W = 0; W < std::min<size_t>(O.Jobs, Batch); ++W)
          Workers.emplace_back(Worker);
        for (std::thread &W : Workers)
          W.join();
        bool Failed = false;
        for (StepReport &Rep : Reports) {
          Failed |= Rep.Status == "failed";
          std::lock_guard<std::recursive_mutex> Lock(TreeMutex);
          R.Steps.push_back(std::move(Rep));
        }
        if (Error E = saveSummary(R))
          out() << "warning: " << toString(std::move(E)) << "\n";
        if (Failed)
          break;
        I += Batch - 1;
        continue;
      }

      StepReport Report;
      if (Steps[I].Kind == Directive::Plan) {
        // On --resume the plan is asked again: its answer is in the cache, so that costs nothing
        // and gives the same steps.
        Report = startStep(Steps[I], I, Steps.size());
        auto Start = Clock::now();
        auto Planned = makePlan(Steps[I], Report, Report.Index);
        if (!Planned) {
          Report.Status = "failed";
          Report.Error = toString(Planned.takeError());
        } else {
          Steps.insert(Steps.begin() + I + 1, Planned->begin(), Planned->end());
          PlanOf.insert(PlanOf.begin() + I + 1, Planned->size(), ++Plans);
          Report.Status = "passed";
        }
        finishStep(Report, Start);
      } else {
        Report = runStep(Steps[I], I, Steps.size(), Done);
      }
      {
        std::lock_guard<std::recursive_mutex> Lock(TreeMutex);
        R.Steps.push_back(std::move(Report));
      }
      if (Error E = saveSummary(R))
        out() << "warning: " << toString(std::move(E)) << "\n";
      if (R.Steps.back().Status == "failed")
        break; // later steps build on this one
    }
    // Steps never reached are reported as skipped.
    for (size_t I = R.Steps.size(); I < Steps.size(); ++I) {
      StepReport Skipped;
      Skipped.Index = static_cast<unsigned>(I + 1);
      Skipped.Directive = directiveName(Steps[I].Kind).str();
      Skipped.Target = Steps[I].Target;
      Skipped.Status = "skipped";
      R.Steps.push_back(std::move(Skipped));
    }
    if (Error E = saveSummary(R))
      out() << "warning: " << toString(std::move(E)) << "\n";
    verdictColor(out(), R.ok()) << "passed: " << R.passed() << " failed: " << R.failed();
    resetColor(out()) << " skipped: " << R.skipped()
        << "\n";
    return R;
  }
};

void setTransformRunner(TransformRunner Runner) { InstalledTransformRunner = Runner; }

Pipeline::Pipeline(PipelineOptions Options, llm::Provider &Model, raw_ostream &Progress)
    : P(std::make_unique<Impl>(std::move(Options), Model, Progress)) {}
Pipeline::~Pipeline() = default;

Expected<RunReport> Pipeline::run(const Task &T, StringRef TaskText) { return P->run(T, TaskText); }

} // namespace core
} // namespace semcom
