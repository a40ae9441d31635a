//===- Diagnostics.h - a plain-text diagnostic for LLVMContext::diagnose -===//
//
// Problems that are not about one instruction (a manifest that did not load, a
// module that does not verify) still go through the context, so opt, clang and
// semcom-fix each report them their own way. LLVM 19 has no generic
// DiagnosticInfo for plugins; this is one.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_FIXUP_DIAGNOSTICS_H
#define SEMCOM_FIXUP_DIAGNOSTICS_H

#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/DiagnosticPrinter.h"

#include <string>

namespace semcom {
namespace fixup {

class SemcomDiagnostic : public llvm::DiagnosticInfo {
public:
  SemcomDiagnostic(const llvm::Twine &Msg, llvm::DiagnosticSeverity Severity)
      : DiagnosticInfo(kind(), Severity), Msg(Msg.str()) {}
  void print(llvm::DiagnosticPrinter &DP) const override { DP << Msg; }
  static bool classof(const DiagnosticInfo *DI) {
    return DI->getKind() == kind();
  }
  static int kind() {
    static const int K = llvm::getNextAvailablePluginDiagnosticKind();
    return K;
  }
  const std::string &message() const { return Msg; }

private:
  std::string Msg;
};

} // namespace fixup
} // namespace semcom

#endif
