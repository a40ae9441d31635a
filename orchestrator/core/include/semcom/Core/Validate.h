//===- Validate.h - from a model's answer to a module fit to write --------===//
//
// The deterministic middle of every step: pre-parse repair, the append merge, the semcom-fixup
// pipeline against the tree's manifest, the verifier, checks against the plan and the tree, and
// code generation to an in-memory object (the seed's "llc check"). No model call happens here; what
// fails comes back as diagnostics for the repair prompt.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_CORE_VALIDATE_H
#define SEMCOM_CORE_VALIDATE_H

#include "semcom/Fixup/FixupDriver.h"
#include "semcom/Link/Link.h"

#include "llvm/ADT/StringRef.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace semcom {
namespace fixup {
class ManifestQuery;
}
namespace manifest {
class Manifest;
}
namespace core {

struct ValidateOptions {
  std::string FileName; ///< the module's path in the tree, for diagnostics and tree checks
  std::shared_ptr<const fixup::ManifestQuery> Query;
  link::Arch Target = link::Arch::X86_64;
  /// `@target … append`: the module as it stands; the answer's functions are merged into it and a
  /// function it already defines is refused.
  std::string AppendTo;
  /// Signatures a plan fixed (name → `i64 @f(i64 %x)`); definitions must match them.
  std::map<std::string, std::string> PlannedSignatures;
  /// Functions the module must define (a plan step's `define` lines): one missing is refused here,
  /// not found at link time.
  std::vector<std::string> MustDefine;
};

struct Candidate {
  bool Parsed = false;
  bool Valid = false;   ///< parsed, fixed, verified, checked and compiled
  std::string Text;     ///< the IR as it would be written (repairs, fixups, NOTE lines)
  std::vector<std::string> Diagnostics; ///< why it is not valid
  std::vector<fixup::FixupChange> Changes;
  std::vector<fixup::MissingFunction> Missing;
  std::vector<std::string> Defined;     ///< functions the module defines
  /// Functions the diagnostics point into (verifier failures, checks naming a function), so a
  /// repair of a large module can carry only those.
  std::vector<std::string> FailingFunctions;
  unsigned FixDeclaresChanges = 0;
};

/// The tree being changed is Semcom's own runtime (self-improvement): its modules define the
/// runtime's functions rather than duplicate them, each in the module the runtime has it in.
bool treeIsRuntime(const manifest::Manifest *Tree);

/// A function definition's place in IR text (1-based lines, inclusive).
struct FunctionSpan {
  std::string Name;
  unsigned First = 0, Last = 0;
};
/// The `define … {` … `}` blocks of IR text, by line.
std::vector<FunctionSpan> functionSpans(llvm::StringRef IR);
/// Base with every function Patch defines replaced by Patch's (by name) or added, and Patch's
/// declarations and globals added where Base lacks them: how a function-scoped repair of a large
/// module goes back into it.
std::string mergeFunctions(llvm::StringRef Base, llvm::StringRef Patch);
/// The named functions' text plus the top-level lines (declarations, globals, types) they use:
/// what a prompt about a few functions of a large module carries instead of the module.
std::string scopedFunctions(llvm::StringRef IR, llvm::ArrayRef<std::string> Names);
/// Above this many bytes of IR, prompts about some functions carry only those functions.
constexpr size_t LargeModuleBytes = 32 << 10;

/// Validates a model's answer (fences and prose allowed). Never fails: every problem is a
/// diagnostic of the returned Candidate.
Candidate validateAnswer(llvm::StringRef Answer, const ValidateOptions &Options);

} // namespace core
} // namespace semcom

#endif
