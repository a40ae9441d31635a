//===- FixSyscalls.h - raw syscall numbers to the runtime's sys_* wrappers
//-===//
//
// Models write `@syscall(i64 1, …)` or inline `syscall`/`svc 0` with numbers
// from one architecture's table; the runtime's wrappers are the only portable
// spelling. This pass finds every call pattern models use and calls the wrapper
// instead.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_FIXUP_FIXSYSCALLS_H
#define SEMCOM_FIXUP_FIXSYSCALLS_H

#include "llvm/IR/PassManager.h"

#include <string>

namespace semcom {
namespace fixup {

/// Rewrites, with the syscall table of the module's target (or TargetTriple
/// when the module has none): calls to `@syscall` (variadic or any fixed
/// arity), inline asm `syscall`/`svc 0` whose number is a constant operand or
/// an immediate in the asm string, and calls with a constant number to a
/// module-local wrapper around either. Unknown or non-constant numbers are left
/// alone with a missed-optimization remark.
class FixSyscallsPass : public llvm::PassInfoMixin<FixSyscallsPass> {
public:
  explicit FixSyscallsPass(std::string TargetTriple = "")
      : TargetTriple(std::move(TargetTriple)) {}
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &AM);
  static bool isRequired() { return true; }

private:
  std::string TargetTriple;
};

} // namespace fixup
} // namespace semcom

#endif
