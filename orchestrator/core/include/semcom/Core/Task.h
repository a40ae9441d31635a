//===- Task.h - task files: directives and steps --------------------------===//
//
// A task is text: steps separated by a line `---`; each step is an optional directive line, then the
// intent in English. Parsing and validation happen before any model call, so a malformed task costs
// nothing and its error names the line.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_CORE_TASK_H
#define SEMCOM_CORE_TASK_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace semcom {
namespace core {

enum class Directive {
  Plan,      ///< `@plan`, and a step with no directive: the model plans the steps
  Create,    ///< `@create FILE.ll`
  Target,    ///< `@target FILE.ll [append]`
  Test,      ///< `@test FILE.ll [FUNCTION]`
  Transform, ///< `@transform DIR`
  Help,      ///< `@help`
};

llvm::StringRef directiveName(Directive D); ///< "create", "target", …

struct Step {
  Directive Kind = Directive::Plan;
  std::string Target;   ///< module path (relative to the tree) or directory for @transform
  bool Append = false;  ///< `@target FILE.ll append`: the model writes only new functions
  std::string Function; ///< `@test FILE.ll FUNCTION`
  std::string Intent;   ///< the English text, trimmed
  unsigned Line = 0;    ///< 1-based line where the step starts (its directive, else its first text)

  /// The step as task text again, e.g. "@target rpn.ll append\nAdd a swap word."
  std::string str() const;
};

struct Task {
  std::string Source; ///< file name used in diagnostics
  std::vector<Step> Steps;
};

/// Parses and validates a task. Errors read "FILE:LINE: error: …" and stop at the first problem.
llvm::Expected<Task> parseTask(llvm::StringRef Text, llvm::StringRef SourceName = "<task>");

/// The `task` (or first) fenced block of a model's answer (a plan), or the whole answer if it has
/// none.
std::string extractTaskBlock(llvm::StringRef Answer);

/// The function name in a signature or define line (`i64 @f(i64 %x)` → `f`, quotes dropped).
std::string nameFromSignature(llvm::StringRef Signature);

/// One line per directive with a description and an example: what `@help` and `semcom help` print.
std::string directiveHelp();

} // namespace core
} // namespace semcom

#endif
