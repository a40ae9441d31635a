//===- FixupDriver.cpp - run semcom-fixup in-process and collect what it says -===//
#include "semcom/Fixup/FixupDriver.h"
#include "semcom/Fixup/SemcomPasses.h"

#include "llvm/IR/DiagnosticHandler.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/DiagnosticPrinter.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace semcom {
namespace fixup {

namespace {

/// Turns semcom remarks and error diagnostics into FixupChanges.
struct CollectingHandler : DiagnosticHandler {
  FixupReport &R;
  explicit CollectingHandler(FixupReport &R) : R(R) {}
  bool isAnalysisRemarkEnabled(StringRef Pass) const override { return Pass.starts_with("semcom"); }
  bool isMissedOptRemarkEnabled(StringRef Pass) const override { return Pass.starts_with("semcom"); }
  bool isPassedOptRemarkEnabled(StringRef Pass) const override { return Pass.starts_with("semcom"); }
  bool isAnyRemarkEnabled() const override { return true; }

  bool handleDiagnostics(const DiagnosticInfo &DI) override {
    if (auto *O = dyn_cast<DiagnosticInfoOptimizationBase>(&DI)) {
      StringRef Pass = O->getPassName();
      Pass.consume_front("semcom-");
      std::string Msg = O->getMsg();
      StringRef Kind = isa<OptimizationRemark>(DI)         ? "changed"
                       : isa<OptimizationRemarkMissed>(DI) ? "left"
                                                           : "note";
      if (O->getRemarkName() == "FuzzyMatch")
        R.Notes.push_back(Msg);
      if (auto *IR = dyn_cast<DiagnosticInfoIROptimization>(&DI))
        Msg = "@" + IR->getFunction().getName().str() + ": " + Msg;
      R.Changes.push_back({Kind.str(), Pass.str(), Msg});
      return true;
    }
    std::string Msg;
    raw_string_ostream OS(Msg);
    DiagnosticPrinterRawOStream DP(OS);
    DI.print(DP);
    if (DI.getSeverity() == DS_Error) {
      R.Errors.push_back(Msg);
      R.Changes.push_back({"error", "fixup", Msg});
    } else if (DI.getSeverity() == DS_Warning) {
      R.Changes.push_back({"warning", "fixup", Msg});
    }
    return true;
  }
};

} // namespace

unsigned FixupReport::count(StringRef Pass, StringRef Kind) const {
  unsigned N = 0;
  for (const FixupChange &C : Changes)
    if (C.Pass == Pass && C.Kind == Kind)
      ++N;
  return N;
}

FixupReport runFixupPipeline(Module &M, const FixupConfig &Config) {
  FixupReport R;
  LLVMContext &Ctx = M.getContext();
  std::unique_ptr<DiagnosticHandler> Previous = Ctx.getDiagnosticHandler();
  Ctx.setDiagnosticHandler(std::make_unique<CollectingHandler>(R));

  PassBuilder PB;
  registerSemcomPasses(PB, Config);
  LoopAnalysisManager LAM;
  FunctionAnalysisManager FAM;
  CGSCCAnalysisManager CGAM;
  ModuleAnalysisManager MAM;
  PB.registerModuleAnalyses(MAM);
  PB.registerCGSCCAnalyses(CGAM);
  PB.registerFunctionAnalyses(FAM);
  PB.registerLoopAnalyses(LAM);
  PB.crossRegisterProxies(LAM, FAM, CGAM, MAM);
  ModulePassManager MPM;
  addFixupPipeline(MPM, Config);
  MPM.run(M, MAM);
  R.Missing = MAM.getResult<DoesNotUnderstandAnalysis>(M);

  Ctx.setDiagnosticHandler(std::move(Previous));
  return R;
}

std::string printWithNotes(const Module &M, const std::vector<std::string> &Notes) {
  std::string Text;
  raw_string_ostream OS(Text);
  for (const std::string &N : Notes)
    OS << "; NOTE: " << N << "\n";
  M.print(OS, nullptr);
  return Text;
}

} // namespace fixup
} // namespace semcom
