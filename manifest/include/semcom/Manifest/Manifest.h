//===- Manifest.h - every function signature across a tree of IR modules -===//
//
// The manifest is Semcom's ABI discovery layer: prompts get the signatures a step references,
// FixDeclares corrects declarations from it, DoesNotUnderstand reports names it does not know.
// Text format (one entry a line, the seed system's):
//   name|file|visibility|line|signature      e.g. ds_push|forth_stack.ll|public|15|void @ds_push(i64 %val)
// plus sections introduced by a line starting with '@': `@declarations` (signatures fixed by a plan),
// `@shims` (names provided outside the tree), and what refresh() needs: `@roots` (absolute paths),
// `@files` (root|path|size|mtime-ns|xxh3-hex), `@diagnostics` (file|line|col|message). Files written
// here start with `# semcom-manifest 1` and end with `@end`, so truncation is detected; seed files
// without them still load. In name and file fields `\`, `|` and a leading `@`/`#` are escaped with `\`.
// No LLM or network code lives here.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_MANIFEST_MANIFEST_H
#define SEMCOM_MANIFEST_MANIFEST_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace semcom {
namespace manifest {

enum class Visibility { Public, Private };

/// One function known to the manifest.
struct Entry {
  std::string Name;      ///< without '@' and without quotes: `weird name` for @"weird name"
  std::string File;      ///< relative to the tree root ("" for declarations fixed by a plan)
  Visibility Vis = Visibility::Public;
  unsigned Line = 0;     ///< 1-based line of the `define`; 0 when unknown
  std::string Signature; ///< e.g. `void @ds_push(i64 %val)`, parameter attributes kept
  bool IsDeclaration = false; ///< a signature fixed ahead of its body (plans), not a definition
};

/// A problem met while building or loading: file:line: message, as compilers print.
struct Diagnostic {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
  std::string Message;
  std::string str() const; ///< "file:line:col: message" (parts that are 0/empty are left out)
};

/// Two or more public definitions of one name in different modules.
struct Conflict {
  std::string Name;
  std::vector<std::string> Files;
};

struct SimilarMatch {
  const Entry *Match = nullptr;
  double Score = 0; ///< in [0, 1]; 1 is identical after normalisation
};

class Manifest {
public:
  Manifest();
  ~Manifest();
  Manifest(Manifest &&) noexcept;
  Manifest &operator=(Manifest &&) noexcept;

  /// Builds from every `.ll` and `.bc` file under the roots (recursively; directories whose name
  /// starts with '.' are skipped, symlinked directories are not followed). Files that fail to parse
  /// do not stop the build: they are reported in diagnostics() and their `define` lines are still
  /// read. Fails only when a root is not a readable directory. Modules are parsed in parallel.
  static llvm::Expected<Manifest> buildFromTree(llvm::ArrayRef<std::string> Roots);
  /// The same, calling Progress(FilesRead, FilesTotal) now and then (from worker threads, one call
  /// at a time) so a tool can show progress on a large tree.
  static llvm::Expected<Manifest>
  buildFromTree(llvm::ArrayRef<std::string> Roots,
                llvm::function_ref<void(size_t Done, size_t Total)> Progress);

  /// Re-reads only files whose size, mtime or content hash changed since this manifest was built or
  /// loaded; drops entries of deleted files. Returns how many files were re-read.
  llvm::Expected<unsigned> refresh();

  /// Parses the text format. Malformed lines are errors naming FileName:line.
  static llvm::Expected<Manifest> parse(llvm::StringRef Text, llvm::StringRef FileName = "<manifest>");
  static llvm::Expected<Manifest> loadFile(llvm::StringRef Path);
  std::string serialize() const;
  llvm::Error writeFile(llvm::StringRef Path) const; ///< atomic: temp file + rename

  // --- queries (all indexed); const queries may run concurrently. Entry pointers stay valid until
  // the manifest changes (refresh, addDeclaration, move). ---
  const Entry *lookup(llvm::StringRef Name) const;
  /// Deduplicated entries for every @name the texts reference, in first-reference order. Words of
  /// prose that look like code names (with an underscore, e.g. "call str_len") count too.
  std::vector<const Entry *> collectRelevant(llvm::ArrayRef<llvm::StringRef> Texts) const;
  /// Best "did you mean" for a name that lookup() does not know; nullopt below Threshold.
  std::optional<SimilarMatch> findSimilar(llvm::StringRef Name, double Threshold = 0.6) const;
  bool isShim(llvm::StringRef Name) const;

  // --- contents ---
  void addShim(llvm::StringRef Name);
  /// Adds a signature fixed ahead of its body (a plan's declarations). Error if it clashes.
  llvm::Error addDeclaration(llvm::StringRef Signature);
  /// In file order after a build or parse; refresh() may reorder (serialize() always sorts).
  const std::vector<Entry> &entries() const;
  const std::vector<std::string> &shims() const;
  const std::vector<Conflict> &conflicts() const;
  const std::vector<Diagnostic> &diagnostics() const;
  /// Absolute roots the manifest was built from (empty for a manifest without @roots).
  const std::vector<std::string> &roots() const;
  /// How many `.ll`/`.bc` files the manifest was built from.
  size_t fileCount() const;

private:
  struct Impl;
  std::unique_ptr<Impl> P;
};

} // namespace manifest
} // namespace semcom

#endif
