//===- SemcomPasses.cpp - register the semcom-fixup passes with a PassBuilder
//-===//
//
// The configuration is read when a callback runs, not when the plugin is
// loaded: opt and clang parse `-semcom-*` options after loading plugins.
//
//===----------------------------------------------------------------------===//
#include "semcom/Fixup/SemcomPasses.h"
#include "semcom/Fixup/Diagnostics.h"
#include "semcom/Fixup/DoesNotUnderstand.h"
#include "semcom/Fixup/FixConstants.h"
#include "semcom/Fixup/FixDeclares.h"
#include "semcom/Fixup/FixSyscalls.h"
#include "semcom/Fixup/ManifestQuery.h"

#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/raw_ostream.h"

#include <functional>

using namespace llvm;

namespace semcom {
namespace fixup {

PreservedAnalyses FixupVerifierPass::run(Module &M, ModuleAnalysisManager &) {
  std::string Problems;
  raw_string_ostream OS(Problems);
  if (verifyModule(M, &OS)) {
    StringRef P = StringRef(Problems).trim();
    M.getContext().diagnose(SemcomDiagnostic(
        Twine("semcom-fixup: the module does not verify: ") + P, DS_Error));
  }
  return PreservedAnalyses::all();
}

void addFixupPipeline(ModulePassManager &MPM, const FixupConfig &C) {
  MPM.addPass(FixSyscallsPass(C.TargetTriple));
  MPM.addPass(FixDeclaresPass(C.FuzzyThreshold));
  MPM.addPass(FixConstantsPass());
  MPM.addPass(DoesNotUnderstandReportPass(C.MissingOut));
  MPM.addPass(FixupVerifierPass());
}

static void registerWith(PassBuilder &PB,
                         std::function<FixupConfig()> GetConfig) {
  PB.registerAnalysisRegistrationCallback([GetConfig](
                                              ModuleAnalysisManager &MAM) {
    FixupConfig C = GetConfig();
    if (C.Query)
      MAM.registerPass([Q = C.Query] { return ManifestAnalysis(Q); });
    else
      MAM.registerPass([P = C.ManifestPath] { return ManifestAnalysis(P); });
    MAM.registerPass([] { return DoesNotUnderstandAnalysis(); });
  });
  PB.registerPipelineParsingCallback(
      [GetConfig](StringRef Name, ModulePassManager &MPM,
                  ArrayRef<PassBuilder::PipelineElement>) {
        FixupConfig C = GetConfig();
        if (Name == "semcom-fixup")
          addFixupPipeline(MPM, C);
        else if (Name == "semcom-fix-syscalls")
          MPM.addPass(FixSyscallsPass(C.TargetTriple));
        else if (Name == "semcom-fix-declares")
          MPM.addPass(FixDeclaresPass(C.FuzzyThreshold));
        else if (Name == "semcom-fix-constants")
          MPM.addPass(FixConstantsPass());
        else if (Name == "semcom-dnu")
          MPM.addPass(DoesNotUnderstandReportPass(C.MissingOut));
        else if (Name == "semcom-verify")
          MPM.addPass(FixupVerifierPass());
        else if (Name == "print<semcom-dnu>")
          MPM.addPass(DoesNotUnderstandPrinterPass(outs()));
        else if (Name == "print<semcom-manifest>")
          MPM.addPass(ManifestPrinterPass(outs()));
        else
          return parseAnalysisUtilityPasses<DoesNotUnderstandAnalysis>(
                     "semcom-dnu", Name, MPM) ||
                 parseAnalysisUtilityPasses<ManifestAnalysis>("semcom-manifest",
                                                              Name, MPM);
        return true;
      });
  PB.registerPipelineStartEPCallback(
      [GetConfig](ModulePassManager &MPM, OptimizationLevel) {
        FixupConfig C = GetConfig();
        if (C.AtPipelineStart)
          addFixupPipeline(MPM, C);
      });
}

void registerSemcomPasses(PassBuilder &PB) {
  registerWith(PB, configFromCommandLine);
}

void registerSemcomPasses(PassBuilder &PB, const FixupConfig &Config) {
  registerWith(PB, [Config] { return Config; });
}

} // namespace fixup
} // namespace semcom
