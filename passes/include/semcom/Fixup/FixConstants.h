//===- FixConstants.h - constant lengths that disagree with their buffers -===//
//
// `sys_write(i64 1, ptr @msg, i64 15)` with a 14-byte @msg prints a byte of
// whatever follows: models miscount. Byte counts that stop the IR from parsing
// are PreParseRepair's; this pass handles what parses.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_FIXUP_FIXCONSTANTS_H
#define SEMCOM_FIXUP_FIXCONSTANTS_H

#include "llvm/IR/PassManager.h"

namespace semcom {
namespace fixup {

/// For calls whose (pointer, length) parameter pairs are known — from the
/// manifest's signatures (a `ptr` parameter followed by an integer named like
/// len, n, size, count) and from known libc functions (write, memcpy, …) —
/// clamps a constant length that runs past the end of the global the pointer
/// points into, with a remark, and reports a length that includes a string's
/// trailing NUL when the bytes go to a file descriptor.
class FixConstantsPass : public llvm::PassInfoMixin<FixConstantsPass> {
public:
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &AM);
  static bool isRequired() { return true; }
};

} // namespace fixup
} // namespace semcom

#endif
