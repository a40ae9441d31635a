//===- ManifestQuery.h - the manifest as the passes see it, loaded once -===//
//
// Every pass of the pipeline asks the same questions (what is this name's
// signature, is it a shim, what did the model mean by this misspelling).
// ManifestQuery answers them from the loaded manifest with CONTRACTS.md's
// runtime table behind it, and the `semcom-manifest` analysis hands one shared
// instance to all passes: the file is read once per process.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_FIXUP_MANIFESTQUERY_H
#define SEMCOM_FIXUP_MANIFESTQUERY_H

#include "llvm/ADT/StringMap.h"
#include "llvm/IR/Attributes.h"
#include "llvm/IR/PassManager.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace llvm {
class FunctionType;
class LLVMContext;
class raw_ostream;
} // namespace llvm

namespace semcom {
namespace manifest {
class Manifest;
}
namespace fixup {

/// A function the manifest or the runtime knows, with its signature text.
struct KnownFunction {
  std::string Name;
  std::string Signature; ///< `i64 @sys_write(i64 %fd, ptr %buf, i64 %count)`
  std::string Origin;    ///< the manifest file that defines it, or "runtime"
};

/// A signature turned into IR types in one context.
struct ParsedSignature {
  llvm::FunctionType *Type = nullptr;
  llvm::AttributeList Attrs;
  std::vector<std::string> ParamNames;
};

class ManifestQuery {
public:
  ManifestQuery(); ///< the runtime table alone
  explicit ManifestQuery(std::unique_ptr<manifest::Manifest> M);
  ~ManifestQuery();

  /// The process-wide query for Path ("" = runtime table only), loaded on first
  /// use.
  static llvm::Expected<std::shared_ptr<const ManifestQuery>>
  getShared(llvm::StringRef Path);

  /// Public manifest entries first, then the runtime table.
  std::optional<KnownFunction> lookup(llvm::StringRef Name) const;
  bool isShim(llvm::StringRef Name) const;
  bool isRuntime(llvm::StringRef Name) const;
  /// The known name closest to Name, if its similarity is at least Threshold.
  std::optional<std::pair<std::string, double>>
  findSimilar(llvm::StringRef Name, double Threshold) const;
  /// "file: signature" of each public definition when the manifest disagrees
  /// with itself about Name (two modules define it with different signatures);
  /// empty otherwise. lookup() does not answer for such a name.
  llvm::ArrayRef<std::string> contradictions(llvm::StringRef Name) const;
  bool hasManifest() const { return M != nullptr; }
  const manifest::Manifest *manifest() const { return M.get(); }

private:
  std::unique_ptr<manifest::Manifest> M;
  llvm::StringMap<std::vector<std::string>> Contradictions;
};

/// Parses `Signature` (manifest style) in Ctx; nullopt if it does not parse on
/// its own (a named struct type, say).
std::optional<ParsedSignature> parseSignature(llvm::StringRef Signature,
                                              llvm::LLVMContext &Ctx);

/// Similarity in [0, 1] of two function names: edit distance over the longer
/// name, after case and underscores are folded (`dsPush` and `ds_push` are the
/// same name).
double nameSimilarity(llvm::StringRef A, llvm::StringRef B);

/// The `semcom-manifest` analysis: the shared ManifestQuery. A manifest that
/// fails to load is reported once through the context and the runtime table is
/// used instead.
class ManifestAnalysis : public llvm::AnalysisInfoMixin<ManifestAnalysis> {
public:
  struct Result {
    std::shared_ptr<const ManifestQuery> Query;
    bool invalidate(llvm::Module &, const llvm::PreservedAnalyses &,
                    llvm::ModuleAnalysisManager::Invalidator &) {
      return false; // the manifest does not change with the module
    }
  };
  explicit ManifestAnalysis(std::string Path = "") : Path(std::move(Path)) {}
  /// A query given directly (semcom-fix builds it before running passes).
  explicit ManifestAnalysis(std::shared_ptr<const ManifestQuery> Q)
      : Given(std::move(Q)) {}
  Result run(llvm::Module &M, llvm::ModuleAnalysisManager &);

private:
  friend llvm::AnalysisInfoMixin<ManifestAnalysis>;
  static llvm::AnalysisKey Key;
  std::string Path;
  std::shared_ptr<const ManifestQuery> Given;
};

/// `print<semcom-manifest>`: the manifest's entry for every function the module
/// references.
class ManifestPrinterPass : public llvm::PassInfoMixin<ManifestPrinterPass> {
public:
  explicit ManifestPrinterPass(llvm::raw_ostream &OS) : OS(OS) {}
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &AM);
  static bool isRequired() { return true; }

private:
  llvm::raw_ostream &OS;
};

} // namespace fixup
} // namespace semcom

#endif
