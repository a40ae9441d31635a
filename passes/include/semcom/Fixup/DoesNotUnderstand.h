//===- DoesNotUnderstand.h - external names nobody provides -===//
//
// A declaration that neither the manifest, the runtime, the shims nor LLVM know
// will fail at link time. The orchestrator turns this list into a step that
// writes the missing functions first, so the analysis reports them in the
// seed's `name|declare line` format and as JSON.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_FIXUP_DOESNOTUNDERSTAND_H
#define SEMCOM_FIXUP_DOESNOTUNDERSTAND_H

#include "llvm/IR/PassManager.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
}

namespace semcom {
namespace fixup {

struct MissingFunction {
  std::string Name;
  std::string DeclareLine; ///< `declare i64 @foo(i64, ptr)`
};

/// The `semcom-dnu` analysis.
class DoesNotUnderstandAnalysis
    : public llvm::AnalysisInfoMixin<DoesNotUnderstandAnalysis> {
public:
  using Result = std::vector<MissingFunction>;
  Result run(llvm::Module &M, llvm::ModuleAnalysisManager &AM);

private:
  friend llvm::AnalysisInfoMixin<DoesNotUnderstandAnalysis>;
  static llvm::AnalysisKey Key;
};

/// `print<semcom-dnu>`: one `name|declare line` a line.
class DoesNotUnderstandPrinterPass
    : public llvm::PassInfoMixin<DoesNotUnderstandPrinterPass> {
public:
  explicit DoesNotUnderstandPrinterPass(llvm::raw_ostream &OS) : OS(OS) {}
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &AM);
  static bool isRequired() { return true; }

private:
  llvm::raw_ostream &OS;
};

/// `semcom-dnu` in a pipeline: a remark per missing name and, if MissingOut is
/// set, the JSON file `{"module": …, "missing": [{"name": …, "declare": …}]}`
/// (written atomically).
class DoesNotUnderstandReportPass
    : public llvm::PassInfoMixin<DoesNotUnderstandReportPass> {
public:
  explicit DoesNotUnderstandReportPass(std::string MissingOut = "")
      : MissingOut(std::move(MissingOut)) {}
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &AM);
  static bool isRequired() { return true; }

private:
  std::string MissingOut;
};


} // namespace fixup
} // namespace semcom

#endif
