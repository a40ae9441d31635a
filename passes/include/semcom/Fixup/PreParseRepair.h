//===- PreParseRepair.h - repair model-written IR that does not parse yet -===//
//
// Passes only see IR that parses. Models often hand back IR that does not:
// miscounted
// `[N x i8] c"…"` strings, markdown fences and prose around the code, a missing
// final `}`, a `declare` repeated, a call to a function never declared. Each is
// repaired from the parser's own diagnostic, re-parsed, and logged, a bounded
// number of times; what cannot be repaired is returned as the parser's
// diagnostic with file:line:col.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_FIXUP_PREPARSEREPAIR_H
#define SEMCOM_FIXUP_PREPARSEREPAIR_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <string>
#include <vector>

namespace llvm {
class LLVMContext;
class Module;
} // namespace llvm

namespace semcom {
namespace fixup {

/// One change the repair made, on a line of the input as given (1-based; 0 =
/// whole file).
struct RepairNote {
  std::string Kind; ///< byte-count, fence, prose, closing-brace,
                    ///< duplicate-declare, infer-declare
  unsigned Line = 0;
  std::string Message;
  std::string str() const; ///< "line N: kind: message"
};

struct RepairOptions {
  std::string FileName = "<input>";
  unsigned MaxIterations =
      32; ///< parse attempts; each failed one may apply one repair
};

struct RepairResult {
  std::unique_ptr<llvm::Module> M;
  std::string Text; ///< the IR text that parsed (after every repair)
  std::vector<RepairNote> Notes;
};

/// The parser's diagnostic for IR that stayed unparsable, with the repairs
/// tried before it.
class ParseFailure : public llvm::ErrorInfo<ParseFailure> {
public:
  static char ID;
  ParseFailure(std::string File, unsigned Line, unsigned Column,
               std::string Message, std::vector<RepairNote> Notes)
      : File(std::move(File)), Line(Line), Column(Column),
        Message(std::move(Message)), Notes(std::move(Notes)) {}
  void log(llvm::raw_ostream &OS)
      const override; ///< "file:line:col: error: message"
  std::error_code convertToErrorCode() const override;

  std::string File;
  unsigned Line, Column; ///< of the input as given, 1-based
  std::string Message;
  std::vector<RepairNote> Notes;
};

/// Parses Text into Ctx, repairing what the parser rejects. Fails with
/// ParseFailure.
llvm::Expected<RepairResult> parseWithRepair(llvm::StringRef Text,
                                             llvm::LLVMContext &Ctx,
                                             const RepairOptions &Opts = {});

// The individual text repairs, exposed for tests and for callers that only want
// text. Each returns true when it changed Text and appends what it did to
// Notes. Line numbers in the notes are of Text as passed in.

/// Keeps only the IR: the contents of markdown fences that hold IR, or the
/// lines between leading and trailing prose.
bool stripMarkdownAndProse(std::string &Text, std::vector<RepairNote> &Notes);
/// Makes every `[N x i8] c"…"` agree with its bytes (escapes `\XX` count as one
/// byte), and the array and struct types that enclose such strings in a
/// global's initializer.
bool fixStringByteCounts(std::string &Text, std::vector<RepairNote> &Notes);
/// Adds the `}` a function body lacks before the next top-level entity or at
/// the end.
bool fixMissingClosingBraces(std::string &Text, std::vector<RepairNote> &Notes);
/// Drops a `declare` identical to an earlier one, or to the signature of a
/// `define`.
bool removeDuplicateDeclares(std::string &Text, std::vector<RepairNote> &Notes);
/// Adds `declare` lines for functions called (at Line of Text) but neither
/// declared nor defined.
bool declareUndefinedCallee(std::string &Text, llvm::StringRef Name,
                            unsigned Line, std::vector<RepairNote> &Notes);

/// Byte count of the body of a c"…" literal as LLParser decodes it.
size_t countLiteralBytes(llvm::StringRef Body);

} // namespace fixup
} // namespace semcom

#endif
