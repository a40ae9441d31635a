//===- FunctionMode.cpp - intent → checked vectors → IR → sandboxed verdict -===//
//
// Order of a run: spec (re-asked while invalid) → reference (independent call, sandboxed python3)
// → disputed vectors re-derived once, then dropped → IR (validateAnswer + repair prompt) → harness
// in the sandbox → behavioural repair ≤ 3 with anchors. Every prompt and answer lands in the run
// directory next to the reports.
//
//===----------------------------------------------------------------------===//
#include "semcom/Core/FunctionMode.h"

#include "semcom/Core/Prompts.h"
#include "semcom/Core/RepairLoop.h"
#include "semcom/Core/Support.h"
#include "semcom/Core/Validate.h"
#include "semcom/Fixup/ManifestQuery.h"
#include "semcom/LLM/Provider.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/AsmParser/Parser.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

#include <chrono>
#include <cstring>
#include <set>

using namespace llvm;

namespace semcom {
namespace core {

namespace {

using Clock = std::chrono::steady_clock;

Error modeError(const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), "%s", Message.str().c_str());
}

/// The Python parameter list the reference writes: one name per input, out buffers left out.
std::string pythonSignature(const FunctionSignature &Sig) {
  std::vector<std::string> Names;
  for (const Param &P : Sig.Params)
    if (P.Kind != ParamKind::OutBuffer)
      Names.push_back(P.Name);
  return "def " + Sig.Name + "(" + join(Names, ", ") + "):";
}

std::string pythonConventions(const FunctionSignature &Sig, bool ModifiesArray) {
  std::vector<std::string> Lines;
  for (const Param &P : Sig.Params) {
    switch (P.Kind) {
    case ParamKind::Scalar:
      Lines.push_back("- `" + P.Name + "` is " +
                      (P.Type == ScalarType::Double ? "a float"
                       : P.Type == ScalarType::I1   ? "0 or 1"
                                                    : "an int (" + scalarTypeName(P.Type).str() +
                                                          ")"));
      break;
    case ParamKind::String:
      Lines.push_back("- `" + P.Name + "` is a str");
      break;
    case ParamKind::Array:
      Lines.push_back("- `arr` is a list of int" +
                      std::string(ModifiesArray ? "; modify it in place" : "; do not modify it") +
                      " (its length is len(arr); there is no `n` parameter)");
      break;
    case ParamKind::OutBuffer:
      Lines.push_back("- there is no output buffer parameter: return the output text as a str");
      break;
    }
  }
  if (Sig.Return == ScalarType::Void)
    Lines.push_back("- return None");
  else if (!Sig.hasOutBuffer())
    Lines.push_back(std::string("- return ") +
                    (Sig.Return == ScalarType::Double ? "a float"
                     : Sig.Return == ScalarType::I1   ? "True/False or 1/0"
                                                      : "an int"));
  return join(Lines, "\n");
}

std::string vectorsText(const FunctionSpec &Spec, ArrayRef<TestVector> Vectors) {
  std::string Out;
  for (const TestVector &V : Vectors)
    Out += "  " + describeCall(Spec.Sig, V) + " " + describeExpect(Spec, V) + "\n";
  return Out;
}

struct Loop {
  const FunctionModeOptions &O;
  llm::Provider &Model;
  raw_ostream &Out;
  FunctionReport &R;
  std::string Intent;
  unsigned Counter = 0;

  void log(const Twine &Name, StringRef Text) {
    if (O.RunDir.empty())
      return;
    SmallString<256> P(O.RunDir);
    sys::path::append(P, Name);
    if (Error E = writeDurably(P, Text))
      Out << "warning: " << toString(std::move(E)) << "\n";
  }

  Expected<std::string> ask(StringRef Role, const std::string &System, const std::string &Prompt) {
    llm::Request Req;
    Req.SystemPrefix = System;
    Req.MaxTokens = O.MaxTokens;
    Req.Messages.push_back({llm::Message::Role::User, Prompt});
    std::string Prefix = formatv("{0:2}-{1}", ++Counter, Role).str();
    log(Prefix + "-prompt.txt", Prompt);
    auto Start = Clock::now();
    ++R.ModelCalls;
    auto Resp = Model.complete(Req);
    if (!Resp)
      return Resp.takeError();
    log(Prefix + "-answer.txt", Resp->Text);
    Out << Role << ": answer (" << Resp->Text.size() << " bytes"
        << (Resp->FromCache ? ", replayed from cache" : "")
        << formatv(", {0:f1} s)", std::chrono::duration<double>(Clock::now() - Start).count())
        << "\n";
    return Resp->Text;
  }

  // --- intent layer ---

  Expected<std::optional<FunctionSpec>> obtainSpec(StringRef PromptName, PromptSlots Slots) {
    auto Prompt = renderPrompt(PromptName, Slots);
    if (!Prompt)
      return Prompt.takeError();
    std::string Text = *Prompt;
    for (unsigned Attempt = 1; Attempt <= O.MaxSpecAttempts; ++Attempt) {
      auto Answer = ask("spec", "", Text);
      if (!Answer)
        return Answer.takeError();
      std::string Problems;
      auto Doc = extractJSON(*Answer);
      if (Doc) {
        auto Spec = parseSpec(*Doc, O.ForcedSignature);
        if (Spec) {
          Out << "spec: ok (" << Spec->Sig.str() << ", " << Spec->Vectors.size() << " vectors)\n";
          return std::optional<FunctionSpec>(std::move(*Spec));
        }
        Problems = toString(Spec.takeError());
      } else {
        Problems = toString(Doc.takeError());
      }
      Out << "spec: invalid (attempt " << Attempt << "/" << O.MaxSpecAttempts << ")\n";
      for (StringRef L : split(Problems, '\n'))
        Out << "  " << L << "\n";
      R.Error = "the spec was never valid: " + Problems;
      if (Attempt == O.MaxSpecAttempts)
        break;
      auto Again = renderPrompt("spec-reask", {{"problems", Problems},
                                               {"answer", Answer->size() > 4000
                                                              ? Answer->substr(0, 4000) + "…"
                                                              : *Answer},
                                               {"request", *Prompt}});
      if (!Again)
        return Again.takeError();
      Text = *Again;
    }
    return std::optional<FunctionSpec>();
  }

  // --- cross-check ---

  /// Returns false when no reference could be run (the report says why).
  Expected<bool> crossCheck(FunctionSpec &Spec) {
    auto Prompt = renderPrompt("reference",
                               {{"intent", Intent},
                                {"signature", Spec.Sig.str()},
                                {"description", Spec.Description},
                                {"python_signature", pythonSignature(Spec.Sig)},
                                {"conventions", pythonConventions(Spec.Sig, Spec.ModifiesArray)}});
    if (!Prompt)
      return Prompt.takeError();
    std::string Code;
    std::vector<ReferenceOutcome> Ref;
    std::string Text = *Prompt;
    for (unsigned Attempt = 1;; ++Attempt) {
      auto Answer = ask("reference", "", Text);
      if (!Answer)
        return Answer.takeError();
      Code = extractPythonBlock(*Answer);
      log(formatv("{0:2}-reference.py", Counter), Code);
      auto Run = runReference(Spec, Code, O.TimeoutSeconds);
      if (Run) {
        Ref = std::move(*Run);
        break;
      }
      std::string Why = toString(Run.takeError());
      Out << "reference: unusable (attempt " << Attempt << "/" << O.MaxReferenceAttempts
          << "): " << Why << "\n";
      if (Attempt >= O.MaxReferenceAttempts) {
        R.Error = "no usable reference implementation, so the vectors cannot be cross-checked "
                  "and no IR was judged by them: " +
                  Why;
        return false;
      }
      Text = *Prompt + "\n\nYour previous reference could not be used: " + Why +
             "\nWrite it again: plain Python 3, standard library only, no input or output.\n";
    }

    std::vector<size_t> Disputed;
    for (size_t I = 0; I < Spec.Vectors.size(); ++I)
      if (!referenceAgrees(Spec, Spec.Vectors[I], Ref[I]))
        Disputed.push_back(I);
    Out << "cross-check: " << Spec.Vectors.size() - Disputed.size() << "/" << Spec.Vectors.size()
        << " vectors agree with the reference\n";
    if (Disputed.empty())
      return true;

    // One re-derivation with the reference's output shown; then what is still disputed is dropped.
    std::string List;
    json::Array Shown;
    for (size_t I : Disputed) {
      const TestVector &V = Spec.Vectors[I];
      List += formatv("  vector {0}: {1}\n    your expectation: {2}\n    the reference: {3}\n",
                      V.Index, describeCall(Spec.Sig, V), describeExpect(Spec, V),
                      describeReference(Spec, Ref[I]))
                  .str();
      Shown.push_back(vectorToJSON(V));
      Out << "  disputed: vector " << V.Index << ": " << describeCall(Spec.Sig, V) << " "
          << describeExpect(Spec, V) << "; reference " << describeReference(Spec, Ref[I]) << "\n";
    }
    auto Again = renderPrompt("rederive", {{"intent", Intent},
                                           {"signature", Spec.Sig.str()},
                                           {"description", Spec.Description},
                                           {"disputed", List},
                                           {"vectors", jsonText(json::Value(std::move(Shown)))}});
    if (!Again)
      return Again.takeError();
    auto Answer = ask("rederive", "", *Again);
    if (!Answer)
      return Answer.takeError();
    std::vector<TestVector> Redone;
    std::string Problem;
    if (auto Doc = extractJSON(*Answer)) {
      const json::Array *A = Doc->getAsObject() ? Doc->getAsObject()->getArray("vectors") : nullptr;
      if (!A || A->size() != Disputed.size())
        Problem = "the re-derivation must list exactly the disputed vectors";
      for (size_t J = 0; A && Problem.empty() && J < A->size(); ++J) {
        auto V = parseVector((*A)[J], Spec.Vectors[Disputed[J]].Index);
        if (!V) {
          Problem = toString(V.takeError());
          break;
        }
        std::vector<std::string> P = checkVector(Spec.Sig, Spec.ModifiesArray, *V);
        if (!P.empty())
          Problem = join(P, "; ");
        else if (jsonText(json::Value(json::Array(V->Args))) !=
                 jsonText(json::Value(json::Array(Spec.Vectors[Disputed[J]].Args))))
          Problem = formatv("vector {0}: the inputs changed; only expectations may be re-derived",
                            V->Index)
                        .str();
        Redone.push_back(std::move(*V));
      }
    } else {
      Problem = toString(Doc.takeError());
    }
    if (!Problem.empty()) {
      Out << "rederive: unusable (" << Problem << "); the disputed vectors are dropped\n";
      Redone.clear();
    }
    std::set<size_t> Drop;
    for (size_t J = 0; J < Disputed.size(); ++J) {
      size_t I = Disputed[J];
      if (!Redone.empty() && referenceAgrees(Spec, Redone[J], Ref[I])) {
        Out << "rederive: vector " << Spec.Vectors[I].Index << " now agrees ("
            << describeExpect(Spec, Redone[J]) << ")\n";
        Spec.Vectors[I] = Redone[J];
        continue;
      }
      const TestVector &V = Redone.empty() ? Spec.Vectors[I] : Redone[J];
      R.Disputed.push_back({V.Index, describeCall(Spec.Sig, V), describeExpect(Spec, V),
                            describeReference(Spec, Ref[I])});
      Drop.insert(I);
    }
    std::vector<TestVector> Kept;
    for (size_t I = 0; I < Spec.Vectors.size(); ++I)
      if (!Drop.count(I))
        Kept.push_back(std::move(Spec.Vectors[I]));
    Spec.Vectors = std::move(Kept);
    if (!Drop.empty())
      Out << "cross-check: " << Drop.size() << " disputed vector" << (Drop.size() == 1 ? "" : "s")
          << " dropped (never used to judge the IR)\n";
    if (Spec.Vectors.empty()) {
      R.Error = "every vector was disputed by the reference; nothing trustworthy to test with";
      return false;
    }
    return true;
  }

  // --- meaning compiler ---

  /// One IR answer for Prompt, repaired from validation diagnostics until it validates (the
  /// pipeline's loop: same fixups, same repair prompt, same stopping rules).
  Expected<std::optional<std::string>> compileMeaning(std::string Prompt, StringRef FileName,
                                                      StringRef Role,
                                                      const FunctionSignature &Sig) {
    std::string System = irSystemPrompt(Out);
    ValidateOptions VO;
    VO.FileName = FileName.str();
    VO.Target = O.Target;
    VO.Query = O.Query ? O.Query : std::make_shared<fixup::ManifestQuery>();
    // The harness calls exactly this signature: a definition of another type is a diagnostic the
    // repair prompt carries, like a plan's fixed signature.
    std::string Want = StringRef(Sig.str()).drop_front(strlen("define ")).str();
    VO.PlannedSignatures[Sig.Name] = Want;
    RepairLoopHooks Hooks;
    Hooks.Inspect = [&](Candidate &C, StringRef, ValidateOptions &, unsigned) {
      if (C.Valid && !is_contained(C.Defined, Sig.Name)) {
        C.Valid = false;
        C.Diagnostics.push_back(FileName.str() + ": error: the module must define `" + Want +
                                "`; it defines " +
                                (C.Defined.empty() ? std::string("nothing")
                                                   : "@" + join(C.Defined, ", @")));
      }
    };
    Hooks.Ask = [&](const std::string &P, unsigned Round) -> Expected<std::string> {
      auto Answer = ask(Round ? "ir-repair" : Role, System, P);
      if (Answer)
        ++R.IRAttempts;
      return Answer;
    };
    auto Outcome = runRepairLoop(std::move(Prompt), VO,
                                 {{"file", FileName.str()},
                                  {"intent", Intent},
                                  {"context", ""},
                                  {"scope", "module"}},
                                 O.MaxRepairRounds, O.Verbose, Out, Hooks);
    if (!Outcome)
      return Outcome.takeError();
    if (!Outcome->Error.empty())
      return modeError(Outcome->Error);
    if (!Outcome->Valid)
      return std::optional<std::string>();
    log(formatv("{0:2}-ir.ll", Counter), Outcome->Valid->Text);
    return std::optional<std::string>(Outcome->Valid->Text);
  }

  // --- semantic bridge ---

  static std::set<unsigned> passing(ArrayRef<VectorOutcome> Outcomes) {
    std::set<unsigned> S;
    for (const VectorOutcome &V : Outcomes)
      if (V.Passed)
        S.insert(V.Index);
    return S;
  }

  Expected<std::vector<VectorOutcome>> runAll(const FunctionSpec &Spec, StringRef IR) {
    log("harness.ll", generateHarness(Spec));
    HarnessOptions HO;
    HO.Target = O.Target;
    HO.TimeoutSeconds = O.TimeoutSeconds;
    auto Outcomes = runVectors(Spec, IR, HO);
    if (!Outcomes)
      return Outcomes.takeError();
    unsigned Pass = passing(*Outcomes).size();
    Out << "test: " << Pass << "/" << Outcomes->size() << " vectors pass\n";
    for (const VectorOutcome &V : *Outcomes)
      if (!V.Passed)
        Out << "  vector " << V.Index << ": got " << V.Got << "; want " << V.Want << "\n";
    return Outcomes;
  }

  /// Runs the IR, then repairs behaviour; R.IR/Outcomes end as the best accepted IR.
  Error verify(const FunctionSpec &Spec, std::string IR, StringRef FileName) {
    R.Checked = Spec.Vectors.size();
    R.IR = IR;
    auto First = runAll(Spec, IR);
    if (!First) {
      R.Status = "failed";
      R.Error = "the IR could not be run on the vectors: " + toString(First.takeError());
      Out << "test: " << R.Error << "\n";
      return Error::success();
    }
    std::vector<VectorOutcome> Outcomes = std::move(*First);
    std::string RejectNote;
    for (unsigned Round = 1; passing(Outcomes).size() < Outcomes.size(); ++Round) {
      if (Round > O.MaxBehaviourRounds) {
        Out << "repair: behaviour still wrong after " << O.MaxBehaviourRounds << " rounds\n";
        break;
      }
      R.BehaviourRounds = Round;
      std::set<unsigned> Anchors = passing(Outcomes);
      std::string Failures, AnchorText;
      for (size_t I = 0; I < Outcomes.size(); ++I) {
        const VectorOutcome &V = Outcomes[I];
        if (V.Passed)
          AnchorText += "  " + describeCall(Spec.Sig, Spec.Vectors[I]) + " " + V.Want + "\n";
        else
          Failures += formatv("  {0}\n    got:  {1}\n    want: {2}\n",
                              describeCall(Spec.Sig, Spec.Vectors[I]), V.Got, V.Want)
                          .str();
      }
      Out << "repair: behaviour round " << Round << "/" << O.MaxBehaviourRounds << " ("
          << Outcomes.size() - Anchors.size() << " failing, " << Anchors.size() << " anchors)\n";
      auto Prompt = renderPrompt("behaviour-repair",
                                 {{"file", FileName.str()},
                                  {"intent", Intent},
                                  {"signature", Spec.Sig.str()},
                                  {"description", Spec.Description},
                                  {"ir", IR},
                                  {"failures", Failures},
                                  {"anchors", AnchorText.empty() ? "  (none)\n" : AnchorText},
                                  {"rejected", RejectNote}});
      if (!Prompt)
        return Prompt.takeError();
      auto Fixed = compileMeaning(*Prompt, FileName, "ir-behaviour", Spec.Sig);
      if (!Fixed)
        return Fixed.takeError();
      if (!*Fixed) {
        Out << "repair: the repaired IR never validated; keeping the previous IR\n";
        RejectNote = "\nYour previous repair did not even validate; start again from the IR "
                     "above.\n";
        continue;
      }
      auto Next = runAll(Spec, **Fixed);
      if (!Next) {
        std::string Why = toString(Next.takeError());
        Out << "repair: the repaired IR could not be run (" << Why
            << "); keeping the previous IR\n";
        R.Rejected.push_back("behaviour round " + std::to_string(Round) + ": could not be run: " +
                             Why);
        RejectNote = "\nYour previous repair could not be linked and run: " + Why + "\n";
        continue;
      }
      std::set<unsigned> Now = passing(*Next);
      std::vector<std::string> Broken;
      for (unsigned A : Anchors)
        if (!Now.count(A))
          Broken.push_back(std::to_string(A));
      if (!Broken.empty()) {
        std::string Why = "behaviour round " + std::to_string(Round) +
                          ": rejected, it broke anchor vector" +
                          (Broken.size() == 1 ? " " : "s ") + join(Broken, ", ");
        Out << "repair: " << Why << " (which passed before); keeping the previous IR\n";
        R.Rejected.push_back(Why);
        RejectNote = "\nYour previous repair was rejected: it broke vector" +
                     std::string(Broken.size() == 1 ? " " : "s ") + join(Broken, ", ") +
                     ", which passed before. Keep every vector listed as passing working.\n";
        continue;
      }
      RejectNote.clear();
      IR = **Fixed;
      Outcomes = std::move(*Next);
    }
    R.IR = IR;
    R.Outcomes = Outcomes;
    R.Passed = passing(Outcomes).size();
    if (R.Passed == Outcomes.size()) {
      R.Status = "passed";
      R.Error.clear();
    } else {
      R.Status = "failed";
      R.Error = formatv("{0} of {1} vectors still fail", Outcomes.size() - R.Passed,
                        Outcomes.size())
                    .str();
    }
    return Error::success();
  }
};

std::string shorten(StringRef S, size_t N) {
  S = S.trim();
  S = S.take_until([](char C) { return C == '\n'; });
  return S.size() > N ? (S.take_front(N - 1) + "…").str() : S.str();
}

} // namespace

Expected<FunctionReport> runFunctionMode(StringRef Intent, const FunctionModeOptions &O,
                                         llm::Provider &Model, raw_ostream &Out) {
  auto Start = Clock::now();
  FunctionReport R;
  R.Test = shorten(Intent, 40);
  Loop L{O, Model, Out, R, Intent.str()};
  auto Finish = [&]() -> Expected<FunctionReport> {
    R.Seconds = std::chrono::duration<double>(Clock::now() - Start).count();
    return std::move(R);
  };
  auto Spec = L.obtainSpec("spec", {{"intent", Intent.str()},
                                    {"signature_rule",
                                     O.ForcedSignature.empty()
                                         ? std::string("Choose the signature.")
                                         : "Use exactly this signature: `" + O.ForcedSignature +
                                               "`."}});
  if (!Spec)
    return Spec.takeError();
  if (!*Spec)
    return Finish();
  FunctionSpec &S = **Spec;
  R.Function = S.Sig.Name;
  R.Signature = S.Sig.str();
  L.log("spec.json", formatv("{0:2}", json::Value(json::Object{
                                          {"signature", S.Sig.str()},
                                          {"description", S.Description},
                                          {"modifies_array", S.ModifiesArray},
                                          {"vectors", [&] {
                                             json::Array A;
                                             for (const TestVector &V : S.Vectors)
                                               A.push_back(vectorToJSON(V));
                                             return A;
                                           }()}}))
                         .str());
  auto Checked = L.crossCheck(S);
  if (!Checked)
    return Checked.takeError();
  if (!*Checked)
    return Finish();

  std::string Examples = vectorsText(S, ArrayRef<TestVector>(S.Vectors).take_front(8));
  std::string Shape = signatureShape(S.Sig, S.ModifiesArray), PatternText;
  if (!O.PatternDir.empty()) {
    std::vector<Pattern> All = loadPatterns(O.PatternDir);
    for (const Pattern &P : similarPatterns(All, Intent.str() + " " + S.Description, Shape)) {
      R.PatternsUsed.push_back(P.Name);
      PatternText += "\nA verified function of a similar kind (" + P.Shape + "), for reference:\n" +
                     "; " + P.Intent + "\n" + P.Skeleton + "\n";
    }
    if (!R.PatternsUsed.empty())
      Out << "patterns: " << join(R.PatternsUsed, ", ") << "\n";
  }
  auto Prompt = renderPrompt("fn", {{"file", S.Sig.Name + ".ll"},
                                    {"intent", Intent.str()},
                                    {"signature", S.Sig.str()},
                                    {"description", S.Description},
                                    {"examples", Examples},
                                    {"patterns", PatternText}});
  if (!Prompt)
    return Prompt.takeError();
  auto IR = L.compileMeaning(*Prompt, S.Sig.Name + ".ll", "ir", S.Sig);
  if (!IR)
    return IR.takeError();
  if (!*IR) {
    R.Error = "no valid IR after " + std::to_string(R.IRAttempts) + " answers";
    return Finish();
  }
  if (Error E = L.verify(S, **IR, S.Sig.Name + ".ll"))
    return Expected<FunctionReport>(std::move(E));
  if (R.passed() && !O.PatternDir.empty()) {
    Pattern P{S.Sig.Name, shorten(Intent, 200), Shape, S.Sig.str(), irSkeleton(R.IR)};
    if (Error E = savePattern(O.PatternDir, P))
      Out << "warning: pattern not saved: " << toString(std::move(E)) << "\n";
    else
      Out << "patterns: saved " << S.Sig.Name << "\n";
  }
  return Finish();
}

std::string signatureShape(const FunctionSignature &Sig, bool ModifiesArray) {
  std::vector<std::string> In;
  bool Out = false;
  for (const Param &P : Sig.Params) {
    if (P.Kind == ParamKind::Scalar)
      In.push_back(scalarTypeName(P.Type).str());
    else if (P.Kind == ParamKind::String)
      In.push_back("string");
    else if (P.Kind == ParamKind::Array)
      In.push_back(ModifiesArray ? "array(in place)" : "array");
    else
      Out = true;
  }
  return join(In, ", ") + " -> " + (Out ? "buffer" : scalarTypeName(Sig.Return).str());
}

std::string irSkeleton(StringRef IR, unsigned MaxLines) {
  std::string Out;
  unsigned Lines = 0;
  for (StringRef L : split(IR, '\n')) {
    StringRef T = L.trim();
    if (T.empty() || T.starts_with(";") || T.starts_with("target ") ||
        T.starts_with("source_filename"))
      continue;
    if (++Lines > MaxLines) {
      Out += "  ; …\n";
      break;
    }
    Out += L.rtrim().str() + "\n";
  }
  return Out;
}

std::vector<Pattern> loadPatterns(StringRef Dir) {
  std::vector<Pattern> All;
  std::error_code EC;
  for (sys::fs::directory_iterator It(Dir, EC), End; !EC && It != End; It.increment(EC)) {
    if (!StringRef(It->path()).ends_with(".json"))
      continue;
    auto Buffer = MemoryBuffer::getFile(It->path());
    if (!Buffer)
      continue;
    auto Doc = json::parse((*Buffer)->getBuffer());
    if (!Doc) {
      consumeError(Doc.takeError());
      continue;
    }
    const json::Object *O = Doc->getAsObject();
    if (!O)
      continue;
    auto Get = [&](StringRef K) { return O->getString(K).value_or("").str(); };
    Pattern P{Get("name"), Get("intent"), Get("shape"), Get("signature"), Get("skeleton")};
    if (!P.Name.empty() && !P.Skeleton.empty())
      All.push_back(std::move(P));
  }
  llvm::sort(All, [](const Pattern &A, const Pattern &B) { return A.Name < B.Name; });
  return All;
}

Error savePattern(StringRef Dir, const Pattern &P) {
  SmallString<256> Path(Dir);
  sys::path::append(Path, P.Name + ".json");
  json::Object Doc{{"name", P.Name},
                   {"intent", json::fixUTF8(P.Intent)},
                   {"shape", P.Shape},
                   {"signature", P.Signature},
                   {"skeleton", json::fixUTF8(P.Skeleton)}};
  return writeDurably(Path, formatv("{0:2}", json::Value(std::move(Doc))).str());
}

namespace {
std::set<std::string> words(StringRef Text) {
  std::set<std::string> W;
  std::string Cur;
  for (char C : Text.str() + " ") {
    if (isAlnum(C)) {
      Cur += toLower(C);
      continue;
    }
    static const std::set<std::string> Stop = {
        "the", "and", "for", "with", "into", "from", "that", "this", "its", "are", "all",
        "any", "each", "when", "then", "than", "not", "one", "two", "which", "return",
        "returns", "given", "function", "value", "values"};
    if (Cur.size() >= 3 && !Stop.count(Cur))
      W.insert(Cur);
    Cur.clear();
  }
  return W;
}
} // namespace

std::vector<Pattern> similarPatterns(ArrayRef<Pattern> All, StringRef Intent, StringRef Shape,
                                     unsigned Count) {
  std::set<std::string> Mine = words(Intent);
  std::vector<std::pair<double, const Pattern *>> Scored;
  for (const Pattern &P : All) {
    std::set<std::string> Theirs = words(P.Intent);
    unsigned Common = 0;
    for (const std::string &W : Theirs)
      Common += Mine.count(W);
    size_t Union = Mine.size() + Theirs.size() - Common;
    double Score = Union ? double(Common) / Union : 0;
    if (P.Shape == Shape)
      Score += 0.5;
    if (Score >= 0.2)
      Scored.push_back({Score, &P});
  }
  std::stable_sort(Scored.begin(), Scored.end(),
                   [](const auto &A, const auto &B) { return A.first > B.first; });
  std::vector<Pattern> Out;
  for (size_t I = 0; I < Scored.size() && I < Count; ++I)
    Out.push_back(*Scored[I].second);
  return Out;
}

Expected<FunctionReport> runTestMode(StringRef ModuleText, StringRef ModuleName,
                                     StringRef FunctionName, StringRef Intent,
                                     const FunctionModeOptions &OIn, llm::Provider &Model,
                                     raw_ostream &Out) {
  auto Start = Clock::now();
  FunctionReport R;
  R.Test = ("@test " + ModuleName + " " + FunctionName).str();
  R.Function = FunctionName.str();
  auto Finish = [&]() -> Expected<FunctionReport> {
    R.Seconds = std::chrono::duration<double>(Clock::now() - Start).count();
    return std::move(R);
  };
  // The signature comes from the module itself, with its parameter names.
  LLVMContext Ctx;
  SMDiagnostic Err;
  auto M = parseAssemblyString(ModuleText, Err, Ctx);
  if (!M)
    return modeError(ModuleName + ":" + Twine(Err.getLineNo()) + ": " + Err.getMessage());
  Function *F = M->getFunction(FunctionName);
  if (!F || F->isDeclaration())
    return modeError(ModuleName + ": no definition of @" + FunctionName);
  std::string SigText;
  {
    raw_string_ostream OS(SigText);
    F->getReturnType()->print(OS);
    OS << " @" << FunctionName << "(";
    for (Argument &A : F->args()) {
      if (A.getArgNo())
        OS << ", ";
      A.getType()->print(OS);
      OS << " %" << (A.hasName() ? A.getName().str() : "arg" + std::to_string(A.getArgNo()));
    }
    OS << ")";
  }
  auto Sig = parseFunctionSignature(SigText);
  if (!Sig) {
    R.Error = "the harness cannot call @" + FunctionName.str() + ": " + toString(Sig.takeError());
    return Finish();
  }
  R.Signature = Sig->str();
  FunctionModeOptions O = OIn;
  O.ForcedSignature = SigText;
  Loop L{O, Model, Out, R,
         Intent.empty() ? "Test @" + FunctionName.str() + " of " + ModuleName.str()
                        : Intent.str()};
  auto Spec = L.obtainSpec("test-spec", {{"module", ModuleText.str()},
                                         {"file", ModuleName.str()},
                                         {"signature", SigText},
                                         {"intent", L.Intent}});
  if (!Spec)
    return Spec.takeError();
  if (!*Spec)
    return Finish();
  auto Checked = L.crossCheck(**Spec);
  if (!Checked)
    return Checked.takeError();
  if (!*Checked)
    return Finish();
  if (Error E = L.verify(**Spec, ModuleText.str(), ModuleName))
    return Expected<FunctionReport>(std::move(E));
  return Finish();
}

void printReportTable(ArrayRef<FunctionReport> Reports, raw_ostream &OS) {
  OS << formatv("{0,-40} | {1,-20} | {2,11} | {3,7} | {4,-6} | {5,7}\n", "Test", "Function",
                "IR attempts", "Tests", "Result", "Time");
  OS << std::string(40, '-') << "-|-" << std::string(20, '-') << "-|-" << std::string(11, '-')
     << "-|-" << std::string(7, '-') << "-|-" << std::string(6, '-') << "-|-"
     << std::string(7, '-') << "\n";
  unsigned Passed = 0, Tests = 0, TestsPassed = 0;
  for (const FunctionReport &R : Reports) {
    OS << formatv("{0,-40} | {1,-20} | {2,11} | {3,7} | {4,-6} | {5,6:f1}s\n", shorten(R.Test, 40),
                  R.Function.empty() ? "-" : R.Function, R.IRAttempts,
                  formatv("{0}/{1}", R.Passed, R.Checked).str(), R.passed() ? "PASS" : "FAIL",
                  R.Seconds);
    Passed += R.passed();
    Tests += R.Checked;
    TestsPassed += R.Passed;
  }
  OS << formatv("functions: {0}/{1} verified, vectors: {2}/{3} pass\n", Passed, Reports.size(),
                TestsPassed, Tests);
}

namespace {

json::Value reportJSON(const FunctionReport &R) {
  json::Array Vectors, Disputed, Rejected;
  for (const VectorOutcome &V : R.Outcomes)
    Vectors.push_back(json::Object{{"index", V.Index},
                                   {"passed", V.Passed},
                                   {"got", json::fixUTF8(V.Got)},
                                   {"want", json::fixUTF8(V.Want)},
                                   {"crash", V.Crash}});
  for (const DisputedVector &D : R.Disputed)
    Disputed.push_back(json::Object{{"index", D.Index},
                                    {"call", json::fixUTF8(D.Call)},
                                    {"expected", json::fixUTF8(D.Expected)},
                                    {"reference", json::fixUTF8(D.Reference)}});
  for (const std::string &S : R.Rejected)
    Rejected.push_back(S);
  json::Array Patterns;
  for (const std::string &S : R.PatternsUsed)
    Patterns.push_back(S);
  return json::Object{{"test", json::fixUTF8(R.Test)},
                      {"function", R.Function},
                      {"signature", R.Signature},
                      {"result", R.passed() ? "PASS" : "FAIL"},
                      {"status", R.Status},
                      {"error", json::fixUTF8(R.Error)},
                      {"ir_attempts", R.IRAttempts},
                      {"model_calls", R.ModelCalls},
                      {"behaviour_rounds", R.BehaviourRounds},
                      {"tests_passed", R.Passed},
                      {"tests", R.Checked},
                      {"seconds", R.Seconds},
                      {"vectors", std::move(Vectors)},
                      {"disputed", std::move(Disputed)},
                      {"rejected_repairs", std::move(Rejected)},
                      {"patterns_used", std::move(Patterns)}};
}

} // namespace

Error writeReports(ArrayRef<FunctionReport> Reports, StringRef RunDir, StringRef RunId) {
  return writeReports(Reports, {}, RunDir, RunId);
}

Error writeReports(ArrayRef<FunctionReport> Reports, ArrayRef<ProgramReport> Programs,
                   StringRef RunDir, StringRef RunId) {
  json::Array Rows;
  unsigned Passed = 0;
  for (const FunctionReport &R : Reports) {
    Rows.push_back(reportJSON(R));
    Passed += R.passed();
  }
  json::Object Doc{{"run", RunId},
                   {"functions", static_cast<int64_t>(Reports.size())},
                   {"passed", Passed},
                   {"failed", static_cast<int64_t>(Reports.size() - Passed)},
                   {"results", std::move(Rows)}};
  if (!Programs.empty())
    Doc["program"] = programReportJSON(Programs.front());
  SmallString<256> P(RunDir);
  sys::path::append(P, "summary.json");
  if (Error E = writeDurably(P, formatv("{0:2}", json::Value(std::move(Doc))).str()))
    return E;
  return writeReportHtml(Reports, Programs, RunDir, RunId);
}

Error writeReportHtml(ArrayRef<FunctionReport> Reports, ArrayRef<ProgramReport> Programs,
                      StringRef RunDir, StringRef RunId) {
  unsigned Passed = 0;
  for (const FunctionReport &R : Reports)
    Passed += R.passed();
  std::string H;
  raw_string_ostream OS(H);
  OS << "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Semcom run " << htmlEscape(RunId)
     << "</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}.PASS{color:#070}"
        ".FAIL{color:#b00}pre{background:#f6f6f6;padding:8px;overflow:auto}</style></head><body>\n";
  OS << "<h1>Semcom run " << htmlEscape(RunId) << "</h1>\n";
  if (!Programs.empty()) {
    OS << "<table>\n<tr><th>Program</th><th>Binary size</th><th>Checks</th><th>Result</th>"
          "<th>Time</th></tr>\n";
    for (const ProgramReport &R : Programs)
      OS << "<tr><td>" << htmlEscape(R.Name) << "</td><td>" << R.Size << " bytes</td><td>" << R.Passed
         << "/" << R.Total << "</td><td class=\"" << (R.passed() ? "PASS" : "FAIL") << "\">"
         << (R.passed() ? "PASS" : "FAIL") << "</td><td>" << formatv("{0:f1}", R.Seconds)
         << " s</td></tr>\n";
    OS << "</table>\n";
    for (const ProgramReport &R : Programs) {
      OS << "<h2>" << htmlEscape(R.Name) << "</h2>\n<p><code>" << htmlEscape(R.Path) << "</code>, checks from "
         << htmlEscape(R.ChecksSource) << ", " << R.RepairRounds << " repair round"
         << (R.RepairRounds == 1 ? "" : "s") << "</p>\n";
      if (!R.Error.empty())
        OS << "<p class=\"FAIL\">" << htmlEscape(R.Error) << "</p>\n";
      if (!R.Outcomes.empty()) {
        OS << "<table><tr><th>#</th><th>Check</th><th>Result</th><th>Got</th><th>Want</th></tr>\n";
        for (const CheckOutcome &C : R.Outcomes)
          OS << "<tr><td>" << C.Index << "</td><td>" << htmlEscape(C.Name) << "</td><td class=\""
             << (C.Passed ? "PASS" : "FAIL") << "\">" << (C.Passed ? "pass" : "fail")
             << "</td><td>" << htmlEscape(C.Got) << (C.Reason.empty() ? "" : " (" + htmlEscape(C.Reason) + ")")
             << "</td><td>" << htmlEscape(C.Want) << "</td></tr>\n";
        OS << "</table>\n";
      }
      if (!R.DisputedChecks.empty()) {
        OS << "<p>Disputed checks (dropped; never used to judge the program):</p><ul>\n";
        for (const ProgramReport::Disputed &D : R.DisputedChecks)
          OS << "<li>check " << D.Index << " (" << htmlEscape(D.Name) << "): want " << htmlEscape(D.Expected)
             << "; reference: " << htmlEscape(D.Reference) << "</li>\n";
        OS << "</ul>\n";
      }
      for (const std::string &S : R.Rejected)
        OS << "<p>Repair " << htmlEscape(S) << "</p>\n";
    }
  }
  if (!Reports.empty() || Programs.empty())
    OS << "<p>" << Passed << "/" << Reports.size() << " functions verified.</p>\n<table>\n"
       << "<tr><th>Test</th><th>Function</th><th>IR attempts</th><th>Tests</th><th>Result</th>"
          "<th>Time</th></tr>\n";
  for (const FunctionReport &R : Reports)
    OS << "<tr><td>" << htmlEscape(R.Test) << "</td><td>" << htmlEscape(R.Function) << "</td><td>"
       << R.IRAttempts << "</td><td>" << R.Passed << "/" << R.Checked << "</td><td class=\""
       << (R.passed() ? "PASS" : "FAIL") << "\">" << (R.passed() ? "PASS" : "FAIL")
       << "</td><td>" << formatv("{0:f1}", R.Seconds) << " s</td></tr>\n";
  if (!Reports.empty() || Programs.empty())
    OS << "</table>\n";
  for (const FunctionReport &R : Reports) {
    OS << "<h2>" << htmlEscape(R.Function.empty() ? R.Test : R.Function) << "</h2>\n";
    if (!R.Signature.empty())
      OS << "<p><code>" << htmlEscape(R.Signature) << "</code></p>\n";
    if (!R.Error.empty())
      OS << "<p class=\"FAIL\">" << htmlEscape(R.Error) << "</p>\n";
    if (!R.Outcomes.empty()) {
      OS << "<table><tr><th>#</th><th>Result</th><th>Got</th><th>Want</th></tr>\n";
      for (const VectorOutcome &V : R.Outcomes)
        OS << "<tr><td>" << V.Index << "</td><td class=\"" << (V.Passed ? "PASS" : "FAIL")
           << "\">" << (V.Passed ? "pass" : "fail") << "</td><td>" << htmlEscape(V.Got) << "</td><td>"
           << htmlEscape(V.Want) << "</td></tr>\n";
      OS << "</table>\n";
    }
    if (!R.Disputed.empty()) {
      OS << "<p>Disputed vectors (dropped; never used to judge the IR):</p><ul>\n";
      for (const DisputedVector &D : R.Disputed)
        OS << "<li>vector " << D.Index << ": <code>" << htmlEscape(D.Call) << "</code> spec: "
           << htmlEscape(D.Expected) << "; reference: " << htmlEscape(D.Reference) << "</li>\n";
      OS << "</ul>\n";
    }
    for (const std::string &S : R.Rejected)
      OS << "<p>Repair " << htmlEscape(S) << "</p>\n";
    if (!R.IR.empty())
      OS << "<details><summary>IR</summary><pre>" << htmlEscape(R.IR) << "</pre></details>\n";
  }
  OS << "</body></html>\n";
  SmallString<256> HP(RunDir);
  sys::path::append(HP, "report.html");
  return writeDurably(HP, H);
}

} // namespace core
} // namespace semcom
