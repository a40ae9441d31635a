//===- RepairLoop.cpp - ask, validate, repair from diagnostics, bounded --===//
//
// Shared by the task pipeline and function mode, so both print, stop and repair the same way.
//
//===----------------------------------------------------------------------===//
#include "semcom/Core/RepairLoop.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/SHA256.h"

#include <set>

using namespace llvm;

namespace semcom {
namespace core {

namespace {

std::string digest(StringRef Text) {
  auto D = SHA256::hash(arrayRefFromStringRef(Text));
  return toHex(ArrayRef<uint8_t>(D.data(), 8), true);
}

/// The answer as IR for the repair prompt when it did not even parse: fences and prose dropped.
std::string extractForRepair(StringRef Answer) {
  size_t Open = Answer.find("```");
  if (Open == StringRef::npos)
    return Answer.str();
  size_t Start = Answer.find('\n', Open);
  if (Start == StringRef::npos)
    return Answer.str();
  size_t Close = Answer.find("```", Start);
  return Answer.slice(Start + 1, Close == StringRef::npos ? Answer.size() : Close).str();
}

/// Text that goes back into a prompt is bounded: a 10 MB answer must not become a 10 MB repair
/// request. The head is kept and the cut is said.
std::string clip(StringRef Text, size_t MaxBytes) {
  if (Text.size() <= MaxBytes)
    return Text.str();
  return (Text.take_front(MaxBytes) + "\n[... " + Twine(Text.size() - MaxBytes) +
          " more bytes not repeated here ...]\n")
      .str();
}

constexpr size_t MaxRepairIRBytes = 256 << 10;

/// The functions the diagnostics point into: those the validator named, and those whose lines
/// hold a parse error (FILE:LINE:COL of the text that was validated).
std::vector<std::string> failingFunctions(const Candidate &C, StringRef Validated,
                                          StringRef FileName) {
  std::set<std::string> Names(C.FailingFunctions.begin(), C.FailingFunctions.end());
  std::vector<FunctionSpan> Spans = functionSpans(Validated);
  for (StringRef D : C.Diagnostics) {
    if (!D.consume_front(FileName) || !D.consume_front(":"))
      continue;
    unsigned Line;
    if (D.consumeInteger(10, Line))
      continue;
    for (const FunctionSpan &S : Spans)
      if (S.First <= Line && Line <= S.Last)
        Names.insert(S.Name);
  }
  return std::vector<std::string>(Names.begin(), Names.end());
}



constexpr size_t MaxDiagnosticBytes = 2 << 10;
constexpr size_t MaxDiagnostics = 40;

} // namespace

raw_ostream &verdictColor(raw_ostream &OS, bool Ok) {
  if (OS.has_colors())
    OS.changeColor(Ok ? raw_ostream::GREEN : raw_ostream::RED, /*Bold=*/true);
  return OS;
}

raw_ostream &resetColor(raw_ostream &OS) {
  if (OS.has_colors())
    OS.resetColor();
  return OS;
}

Expected<RepairOutcome> runRepairLoop(std::string Prompt, ValidateOptions VO,
                                      PromptSlots RepairSlots, unsigned MaxRepairRounds,
                                      bool Verbose, raw_ostream &Out,
                                      const RepairLoopHooks &Hooks) {
  RepairOutcome R;
  std::set<std::string> SeenAnswers, SeenDiagnostics;
  std::optional<std::string> ScopedBase; // the module a function-scoped repair goes back into
  for (unsigned Round = 0; Round <= MaxRepairRounds; ++Round) {
    auto Answer = Hooks.Ask(Prompt, Round);
    ++R.Answers;
    if (!Answer)
      return Answer.takeError();
    if (Hooks.BeforeValidate)
      Hooks.BeforeValidate(VO);
    std::string Validated =
        ScopedBase ? mergeFunctions(*ScopedBase, extractForRepair(*Answer)) : *Answer;
    if (ScopedBase)
      Out << "repair: merged the answer's functions back into " << VO.FileName << "\n";
    Candidate C = validateAnswer(Validated, VO);
    for (const fixup::FixupChange &Ch : C.Changes)
      if (Verbose || Ch.Kind != "note")
        Out << "  fixup: " << Ch.Kind << ": " << Ch.Pass << ": " << Ch.Message << "\n";
    if (Hooks.Inspect)
      Hooks.Inspect(C, *Answer, VO, Round);
    if (C.Valid && C.Missing.empty()) {
      verdictColor(Out, true) << "validate: ok";
      resetColor(Out)
          << (Round ? formatv(" (after {0} repair round{1})", Round, Round == 1 ? "" : "s").str()
                    : std::string(" (first attempt)"))
          << "\n";
      R.Valid = std::move(C);
      return R;
    }
    if (C.Valid) { // names still missing
      for (const fixup::MissingFunction &M : C.Missing)
        C.Diagnostics.push_back(VO.FileName + ": error: nothing defines @" + M.Name + " (" +
                                M.DeclareLine +
                                "); define it in this module or call a function that exists");
      C.Valid = false;
    }
    std::vector<std::string> Shown;
    for (const std::string &D : C.Diagnostics)
      if (Shown.size() < MaxDiagnostics)
        Shown.push_back(clip(D, MaxDiagnosticBytes));
    if (C.Diagnostics.size() > MaxDiagnostics)
      Shown.push_back("[... " + std::to_string(C.Diagnostics.size() - MaxDiagnostics) +
                      " more problems]");
    std::string Diagnostics = join(Shown, "\n");
    verdictColor(Out, false) << "validate: " << C.Diagnostics.size() << " problem"
                             << (C.Diagnostics.size() == 1 ? "" : "s");
    resetColor(Out) << "\n";
    for (const std::string &D : Shown)
      Out << "  " << StringRef(D).take_until([](char Ch) { return Ch == '\n'; }).take_front(300)
          << "\n";
    if (Hooks.OnFailure)
      Hooks.OnFailure(C, Diagnostics, Round);
    bool SameAnswer = !SeenAnswers.insert(digest(*Answer)).second;
    bool SameDiagnostics = !SeenDiagnostics.insert(digest(Diagnostics)).second;
    std::string FullIR = C.Text.empty() ? extractForRepair(Validated) : C.Text;
    std::vector<std::string> Failing = failingFunctions(C, Validated, VO.FileName);
    std::string FailedIR = clip(FullIR, MaxRepairIRBytes);
    if (!R.Best || C.Diagnostics.size() < R.Best->Diagnostics.size())
      R.Best = std::move(C);
    if (SameAnswer || SameDiagnostics) {
      Out << "repair: no progress (" << (SameAnswer ? "same answer" : "same diagnostics")
          << " as an earlier round); stopping\n";
      break;
    }
    if (Round == MaxRepairRounds)
      break;
    RepairSlots["diagnostics"] = Diagnostics;
    ScopedBase.reset();
    if (FullIR.size() > LargeModuleBytes && !Failing.empty() && RepairSlots.count("intent")) {
      PromptSlots Scoped = RepairSlots;
      Scoped["functions"] = scopedFunctions(FullIR, Failing);
      if (auto P = renderPrompt("repair-functions", Scoped)) {
        Prompt = *P;
        ScopedBase = FullIR;
        Out << "repair: round " << Round + 1 << "/" << MaxRepairRounds << " (only "
            << join(Failing, ", ") << " of " << FullIR.size() << " bytes)\n";
        continue;
      } else {
        consumeError(P.takeError());
      }
    }
    RepairSlots["ir"] = FailedIR;
    auto Repair = renderPrompt("repair", RepairSlots);
    if (!Repair) {
      R.Error = toString(Repair.takeError());
      break;
    }
    Prompt = *Repair;
    Out << "repair: round " << Round + 1 << "/" << MaxRepairRounds << "\n";
  }
  return R;
}

} // namespace core
} // namespace semcom
