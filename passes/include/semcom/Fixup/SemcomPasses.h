//===- SemcomPasses.h - register the semcom-fixup passes with a PassBuilder
//-===//
//
// One registration for every host: llvmGetPassPluginInfo (opt, clang) and
// semcom-fix both call registerSemcomPasses, so `-passes=` names mean the same
// passes everywhere.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_FIXUP_SEMCOMPASSES_H
#define SEMCOM_FIXUP_SEMCOMPASSES_H

#include "semcom/Fixup/Config.h"

#include "llvm/IR/PassManager.h"

namespace llvm {
class PassBuilder;
}

namespace semcom {
namespace fixup {

/// Registers semcom-fix-syscalls, semcom-fix-declares, semcom-fix-constants,
/// semcom-dnu, semcom-fixup, the semcom-manifest and semcom-dnu analyses and
/// their print<…> passes, with the configuration of the `-semcom-*` options.
void registerSemcomPasses(llvm::PassBuilder &PB);
/// The same with a configuration given by the caller.
void registerSemcomPasses(llvm::PassBuilder &PB, const FixupConfig &Config);

/// The semcom-fixup pipeline: fix-syscalls, fix-declares, fix-constants, the
/// DoesNotUnderstand report, then the verifier (a broken module is an error
/// diagnostic, not a crash).
void addFixupPipeline(llvm::ModulePassManager &MPM, const FixupConfig &Config);

/// Verifies the module and reports problems through LLVMContext::diagnose as
/// errors.
class FixupVerifierPass : public llvm::PassInfoMixin<FixupVerifierPass> {
public:
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &AM);
  static bool isRequired() { return true; }
};

} // namespace fixup
} // namespace semcom

#endif
