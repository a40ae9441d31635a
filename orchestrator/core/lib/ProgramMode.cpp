//===- ProgramMode.cpp - checks for a program, cross-checked, run, repaired -===//
//
// The program half of the semantic loop: checks from the user or the intent layer, an independent
// Python reference that runs the same checks (a check it fails is disputed and dropped, never used
// to blame the program), the program's own run in the sandbox, and at most a few behavioural
// repairs, each reverted when it breaks a check that passed before.
//
//===----------------------------------------------------------------------===//
#include "semcom/Core/ProgramChecks.h"

#include "semcom/Core/Prompts.h"
#include "semcom/Core/Spec.h"
#include "semcom/Core/Support.h"
#include "semcom/LLM/Provider.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"

#include <chrono>
#include <set>

using namespace llvm;

namespace semcom {
namespace core {

namespace {

using Clock = std::chrono::steady_clock;

void logFile(const ProgramModel &M, const Twine &Name, StringRef Text, raw_ostream &Out) {
  if (M.RunDir.empty())
    return;
  SmallString<256> P(M.RunDir);
  sys::path::append(P, Name);
  if (Error E = writeDurably(P, Text))
    Out << "warning: " << toString(std::move(E)) << "\n";
}

Expected<std::string> ask(ProgramModel &M, StringRef Role, const std::string &Prompt,
                          raw_ostream &Out) {
  llm::Request Req;
  Req.MaxTokens = M.MaxTokens;
  Req.Messages.push_back({llm::Message::Role::User, Prompt});
  std::string Prefix = formatv("program-{0}-{1}", ++M.Calls, Role).str();
  logFile(M, Prefix + "-prompt.txt", Prompt, Out);
  auto Start = Clock::now();
  auto Resp = M.Model.complete(Req);
  if (!Resp)
    return Resp.takeError();
  logFile(M, Prefix + "-answer.txt", Resp->Text, Out);
  Out << Role << ": answer (" << Resp->Text.size() << " bytes"
      << (Resp->FromCache ? ", replayed from cache" : "")
      << formatv(", {0:f1} s)", std::chrono::duration<double>(Clock::now() - Start).count())
      << "\n";
  return Resp->Text;
}

/// The check's input as the repair prompt and the report show it.
std::string describeInput(ProgramKind K, const ProgramCheck &Ch) {
  switch (K) {
  case ProgramKind::Cli: {
    std::vector<std::string> Args;
    for (const std::string &A : Ch.Args)
      Args.push_back(quoteBytes(A, 80));
    return "args [" + join(Args, ", ") + "], stdin " + quoteBytes(Ch.Stdin, 120);
  }
  case ProgramKind::Tcp: {
    std::vector<std::string> Sends;
    for (const Exchange &X : Ch.Exchanges)
      Sends.push_back(quoteBytes(X.Send, 80));
    return "one connection sending " + join(Sends, " then ");
  }
  case ProgramKind::Http:
    return Ch.Request.Method + " " + Ch.Request.Path +
           (Ch.Request.Body.empty() ? "" : " with body " + quoteBytes(Ch.Request.Body, 120));
  }
  return "";
}

std::set<unsigned> passing(ArrayRef<CheckOutcome> Outcomes) {
  std::set<unsigned> S;
  for (const CheckOutcome &O : Outcomes)
    if (O.Passed)
      S.insert(O.Index);
  return S;
}

void printOutcomes(ArrayRef<CheckOutcome> Outcomes, raw_ostream &Out) {
  Out << "checks: " << passing(Outcomes).size() << "/" << Outcomes.size() << " pass\n";
  for (const CheckOutcome &O : Outcomes)
    if (!O.Passed)
      Out << "  check " << O.Index << " (" << O.Name << "): got " << O.Got << "; want " << O.Want
          << (O.Reason.empty() ? "" : " [" + O.Reason + "]") << "\n";
}

} // namespace

Expected<std::optional<ProgramChecks>> askProgramChecks(StringRef Intent, ProgramModel &M,
                                                        raw_ostream &Out, std::string &Why,
                                                        unsigned Attempts) {
  auto Prompt = renderPrompt("program-checks", {{"intent", Intent.str()}});
  if (!Prompt)
    return Prompt.takeError();
  std::string Text = *Prompt;
  for (unsigned Attempt = 1; Attempt <= Attempts; ++Attempt) {
    auto Answer = ask(M, "checks", Text, Out);
    if (!Answer)
      return Answer.takeError();
    auto Doc = extractJSON(*Answer);
    std::string Problems;
    if (Doc) {
      auto C = parseProgramChecks(*Doc);
      if (C) {
        Out << "checks: ok (" << programKindName(C->Kind) << ", " << C->Checks.size()
            << " checks)\n";
        logFile(M, "checks.json", formatv("{0:2}", programChecksToJSON(*C)).str(), Out);
        return std::optional<ProgramChecks>(std::move(*C));
      }
      Problems = toString(C.takeError());
    } else {
      Problems = toString(Doc.takeError());
    }
    Out << "checks: invalid (attempt " << Attempt << "/" << Attempts << ")\n";
    for (StringRef L : split(Problems, '\n'))
      Out << "  " << L << "\n";
    Why = "the checks were never valid: " + Problems;
    Text = *Prompt + "\n\nYour previous answer could not be used:\n" + Problems +
           "\nAnswer again with one ```json block that fixes every problem listed.\n";
  }
  return std::optional<ProgramChecks>();
}

Expected<std::string> askProgramReference(StringRef Intent, const ProgramChecks &C,
                                          ProgramModel &M, raw_ostream &Out,
                                          StringRef PreviousProblem) {
  std::string Interface;
  switch (C.Kind) {
  case ProgramKind::Cli:
    Interface = "A command-line program: it reads its arguments and standard input, writes "
                "standard output and ends with an exit status.";
    break;
  case ProgramKind::Tcp:
  case ProgramKind::Http: {
    std::vector<std::string> Args;
    for (const std::string &A : C.ServerArgs)
      Args.push_back(A);
    Interface = formatv("A{0} server started as `python3 reference.py {1}`; it listens on TCP "
                        "port {2} of the loopback (127.0.0.1) and serves until it is killed.",
                        C.Kind == ProgramKind::Http ? "n HTTP/1.1" : " TCP", join(Args, " "),
                        C.Port)
                    .str();
    if (C.Kind == ProgramKind::Http)
      Interface += " Answer every request with a status line, headers with Content-Length, and "
                   "the body (http.server is fine).";
    break;
  }
  }
  auto Prompt = renderPrompt("program-reference", {{"intent", Intent.str()},
                                                   {"description", C.Description.empty()
                                                                       ? std::string("(as requested)")
                                                                       : C.Description},
                                                   {"interface", Interface}});
  if (!Prompt)
    return Prompt.takeError();
  std::string Text = *Prompt;
  if (!PreviousProblem.empty())
    Text += "\n\nYour previous reference could not be used: " + PreviousProblem.str() +
            "\nWrite it again: a complete Python 3 program, standard library only.\n";
  auto Answer = ask(M, "reference", Text, Out);
  if (!Answer)
    return Answer.takeError();
  return extractPythonBlock(*Answer);
}

Error checkProgram(ProgramChecks C, const ProgramModeOptions &O, ProgramReport &R,
                   raw_ostream &Out) {
  auto Start = Clock::now();
  auto Finish = [&]() {
    R.Seconds = std::chrono::duration<double>(Clock::now() - Start).count();
    return Error::success();
  };
  ProgramKind Kind = C.Kind;
  if (!O.ReferencePath.empty()) {
    if (O.EdgeCases)
      if (unsigned N = addEdgeCaseChecks(C))
        Out << "checks: " << N << " edge-case input" << (N == 1 ? "" : "s")
            << " added (the reference's answer is their expectation)\n";
    SubjectOptions Ref = O.Program;
    Ref.Program = O.ReferencePath;
    Ref.Python = true;
    std::optional<std::vector<CheckOutcome>> RefOut;
    for (unsigned Attempt = 1; !RefOut; ++Attempt) {
      std::string Why;
      auto Run = runProgramChecks(C, Ref);
      if (!Run) {
        Why = "the reference could not be run: " + toString(Run.takeError());
      } else {
        unsigned Own = 0, Agree = 0;
        std::string First;
        for (size_t I = 0; I < C.Checks.size(); ++I) {
          if (C.Checks[I].Generated)
            continue;
          ++Own;
          Agree += (*Run)[I].Passed;
          if (First.empty() && !(*Run)[I].Passed)
            First = (*Run)[I].Got +
                    ((*Run)[I].Reason.empty() ? "" : " [" + (*Run)[I].Reason + "]");
        }
        Out << "cross-check: " << Agree << "/" << Own << " checks agree with the reference\n";
        if (Own && !Agree)
          Why = "no usable reference: it agrees with none of the checks, so nothing can be "
                "trusted to judge the program (first: " +
                First + ")";
        else
          RefOut = std::move(*Run);
      }
      if (RefOut)
        break;
      Out << "cross-check: " << Why << "\n";
      if (!O.NewReference || Attempt >= O.MaxReferenceAttempts) {
        R.Error = Why;
        return Finish();
      }
      // Like function mode: one more reference, told why the last one could not be used.
      auto Next = O.NewReference(Why);
      if (!Next)
        return Next.takeError();
      if (Next->empty()) {
        R.Error = Why;
        return Finish();
      }
      Ref.Program = *Next;
    }
    applyCrossCheck(C, *RefOut, R);
    for (const ProgramReport::Disputed &D : R.DisputedChecks)
      Out << "  disputed: check " << D.Index << " (" << D.Name << "): want " << D.Expected
          << "; reference " << D.Reference << "\n";
    if (!R.DisputedChecks.empty())
      Out << "cross-check: " << R.DisputedChecks.size() << " disputed check"
          << (R.DisputedChecks.size() == 1 ? "" : "s")
          << " dropped (never used to judge the program)\n";
  } else {
    // Without a reference a generated check has no expectation to hold the program to.
    llvm::erase_if(C.Checks, [](const ProgramCheck &Ch) { return Ch.Generated; });
  }
  if (C.Checks.empty()) {
    R.Error = "no checks left to judge the program by";
    Out << "checks: " << R.Error << "\n";
    return Finish();
  }
  R.Total = C.Checks.size();

  auto First = runProgramChecks(C, O.Program);
  if (!First)
    return First.takeError();
  std::vector<CheckOutcome> Outcomes = std::move(*First);
  printOutcomes(Outcomes, Out);
  for (unsigned Round = 1; O.Repair && passing(Outcomes).size() < Outcomes.size(); ++Round) {
    if (Round > O.MaxRepairRounds) {
      Out << "repair: behaviour still wrong after " << O.MaxRepairRounds << " rounds\n";
      break;
    }
    R.RepairRounds = Round;
    std::set<unsigned> Anchors = passing(Outcomes);
    std::string Failures, Passing;
    for (size_t I = 0; I < Outcomes.size(); ++I) {
      const CheckOutcome &Oc = Outcomes[I];
      std::string Input = describeInput(Kind, C.Checks[I]);
      if (Oc.Passed)
        Passing += formatv("- check {0} ({1}): {2} gives {3}\n", Oc.Index, Oc.Name, Input,
                           Oc.Want)
                       .str();
      else
        Failures += formatv("- check {0} ({1}): {2}\n  got: {3}{4}\n  want: {5}\n", Oc.Index,
                            Oc.Name, Input, Oc.Got,
                            Oc.Reason.empty() ? "" : " (" + Oc.Reason + ")", Oc.Want)
                        .str();
    }
    Out << "repair: behaviour round " << Round << "/" << O.MaxRepairRounds << " ("
        << Outcomes.size() - Anchors.size() << " failing, " << Anchors.size()
        << " passing)\n";
    auto Built = O.Repair(Failures, Passing.empty() ? "- (none)\n" : Passing, Round);
    if (!Built)
      return Built.takeError();
    if (!*Built) {
      Out << "repair: no new program came of it; keeping the previous one\n";
      continue;
    }
    auto Next = runProgramChecks(C, O.Program);
    if (!Next)
      return Next.takeError();
    printOutcomes(*Next, Out);
    std::set<unsigned> Now = passing(*Next);
    std::vector<std::string> Broken;
    for (unsigned A : Anchors)
      if (!Now.count(A))
        Broken.push_back(std::to_string(A));
    if (!Broken.empty()) {
      std::string Why = "round " + std::to_string(Round) + " rejected: it broke check" +
                        (Broken.size() == 1 ? " " : "s ") + join(Broken, ", ");
      Out << "repair: " << Why << " (which passed before); keeping the previous program\n";
      R.Rejected.push_back(Why);
      if (O.Revert)
        if (Error E = O.Revert())
          return E;
      continue;
    }
    Outcomes = std::move(*Next);
  }
  R.Outcomes = Outcomes;
  R.Passed = passing(Outcomes).size();
  if (R.Passed == R.Total) {
    R.Status = "passed";
    R.Error.clear();
  } else {
    R.Status = "failed";
    R.Error = formatv("{0} of {1} checks fail", R.Total - R.Passed, R.Total).str();
  }
  return Finish();
}

} // namespace core
} // namespace semcom
