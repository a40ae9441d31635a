//===- FixDeclares.h - make declarations agree with the manifest -===//
//
// The worst failure class of the seed system: a model declares a function of
// another module with the signature it imagines (void vs i64 returns, i64 vs i1
// booleans, invented parameters, a misspelled name). The manifest knows the
// real one; this pass makes the declaration and every call agree with it.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_FIXUP_FIXDECLARES_H
#define SEMCOM_FIXUP_FIXDECLARES_H

#include "llvm/IR/PassManager.h"

namespace semcom {
namespace fixup {

/// Replaces every declaration whose name the manifest (or the runtime table)
/// knows with a different type by the known declaration, converting arguments
/// and results at each call; renames a declared unknown name to its close match
/// (similarity >= FuzzyThreshold) with a remark `fuzzy match replaced:
/// <original>`. Definitions are never touched. A call that lacks a required
/// argument is left as it is and reported (remark `MissingArgument`).
class FixDeclaresPass : public llvm::PassInfoMixin<FixDeclaresPass> {
public:
  explicit FixDeclaresPass(double FuzzyThreshold = 0.8)
      : FuzzyThreshold(FuzzyThreshold) {}
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &AM);
  static bool isRequired() { return true; }

private:
  double FuzzyThreshold;
};

} // namespace fixup
} // namespace semcom

#endif
