//===- ManifestImpl.h - internals shared by the manifest's sources -------===//
//
// The manifest is split into the tree reader (LLVM-heavy), the text format and
// the similarity index; this header is the state they share, kept out of the
// public interface.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_MANIFEST_LIB_MANIFESTIMPL_H
#define SEMCOM_MANIFEST_LIB_MANIFESTIMPL_H

#include "semcom/Manifest/Manifest.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

#include <atomic>
#include <memory>
#include <mutex>

namespace semcom {
namespace manifest {

/// One `.ll`/`.bc` file the manifest was built from: what refresh() compares.
struct FileRecord {
  unsigned Root = 0;   ///< index into Impl::Roots
  std::string RelPath; ///< relative to its root, '/'-separated
  uint64_t Size = 0;
  int64_t MTimeNs = 0;
  uint64_t Hash = 0; ///< xxh3_64 of the content
};

/// What reading one file produced; built on worker threads, merged on the
/// caller's.
struct FileResult {
  FileRecord Record;
  std::vector<Entry> Entries;
  std::vector<Diagnostic> Diags;
  bool Readable = true;
  bool Unchanged =
      false; ///< content hash equal to the one known: not parsed again
};

class SimilarityIndex; // Similarity.cpp

/// Name -> every entry of that name, the one lookup() answers first.
using NameIndex = llvm::StringMap<llvm::SmallVector<unsigned, 1>>;

struct Manifest::Impl {
  std::vector<Entry> Entries;
  /// Per entry: index into Files, or ~0u for declarations and entries of
  /// unknown files.
  std::vector<unsigned> EntryFile;
  std::vector<std::string> Shims;
  llvm::StringSet<> ShimSet;
  std::vector<Conflict> Conflicts;
  std::vector<Diagnostic> Diags;
  std::vector<std::string> Roots; ///< absolute
  std::vector<FileRecord> Files;

  /// Entry order: by file after a build or parse; refresh() swaps entries
  /// around, serialize() sorts.
  NameIndex ByName;

  /// Built on first findSimilar() after a change; guarded so concurrent const
  /// queries are safe.
  mutable std::mutex SimilarMutex;
  mutable std::shared_ptr<const SimilarityIndex> Similar;

  /// Recomputes ByName and Conflicts and drops the similarity index; call after
  /// bulk changes.
  void reindex();
  /// Whether entry A answers lookup() before entry B of the same name.
  bool prefer(unsigned A, unsigned B) const;
  void indexEntry(unsigned E);
  /// Removes entry E in O(1) by moving the last entry into its place.
  void removeEntry(unsigned E);
  void recomputeConflicts();
  void invalidateSimilar();
  /// Adds one file's results (entries, diagnostics, record).
  void addFileResult(FileResult &&R);
  std::shared_ptr<const SimilarityIndex> similarity() const;
};

// --- helpers implemented across the sources ---

/// Reads and parses one file (a fresh LLVMContext); never fails: problems
/// become diagnostics. With KnownHash equal to the content's hash, only Record
/// is filled and Unchanged is set.
FileResult readModuleFile(const std::string &AbsPath, unsigned Root,
                          std::string RelPath,
                          std::optional<uint64_t> KnownHash = std::nullopt);
/// Scans `define` lines textually: name -> line, and (for broken modules)
/// recovered entries.
void scanDefineLines(llvm::StringRef Text, llvm::StringRef RelPath,
                     llvm::StringMap<unsigned> *LineOfName,
                     std::vector<Entry> *Recovered);
/// The function name referenced by the first `@` of a signature or `define`
/// line, unquoted.
std::optional<std::string> nameFromSignature(llvm::StringRef Sig);
/// The name a declaration's signature defines, when it is one: a return type,
/// `@name(`, parameters, `)`, on one line. nullopt otherwise.
std::optional<std::string> declarationName(llvm::StringRef Sig);
/// Reads an `@name` / `@"quoted name"` token at S[0] == '@'; returns the
/// unquoted name and its length.
bool readGlobalName(llvm::StringRef S, std::string &Name, size_t &Len);

std::shared_ptr<const SimilarityIndex>
buildSimilarityIndex(const std::vector<Entry> &Entries,
                     const NameIndex &ByName);
std::optional<SimilarMatch> querySimilar(const SimilarityIndex &Index,
                                         const std::vector<Entry> &Entries,
                                         llvm::StringRef Name,
                                         double Threshold);

} // namespace manifest
} // namespace semcom

#endif
