//===- Manifest.cpp - the manifest's contents and its indexed queries -----===//
//
// Everything but reading IR and the text format: the name index, conflicts,
// shims, declarations and the queries prompts and passes ask (lookup,
// collectRelevant, findSimilar, isShim).
//
//===----------------------------------------------------------------------===//
#include "ManifestImpl.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <tuple>

using namespace llvm;

namespace semcom {
namespace manifest {

std::string Diagnostic::str() const {
  std::string S;
  raw_string_ostream OS(S);
  if (!File.empty()) {
    OS << File;
    if (Line) {
      OS << ':' << Line;
      if (Column)
        OS << ':' << Column;
    }
    OS << ": ";
  }
  OS << Message;
  return S;
}

Manifest::Manifest() : P(std::make_unique<Impl>()) {}
Manifest::~Manifest() = default;
Manifest::Manifest(Manifest &&) noexcept = default;
Manifest &Manifest::operator=(Manifest &&) noexcept = default;

namespace {
/// Which entry answers lookup() when a name has several: a public definition,
/// then a plan's declaration, then a private definition.
int rank(const Entry &E) {
  if (E.IsDeclaration)
    return 1;
  return E.Vis == Visibility::Public ? 0 : 2;
}
} // namespace

void Manifest::Impl::addFileResult(FileResult &&R) {
  unsigned FileIdx = unsigned(Files.size());
  if (R.Readable || !R.Entries.empty()) {
    Files.push_back(std::move(R.Record));
  } else {
    FileIdx = ~0u; // unreadable: listed again (and retried) on the next refresh
  }
  for (Entry &E : R.Entries) {
    Entries.push_back(std::move(E));
    EntryFile.push_back(FileIdx);
  }
  for (Diagnostic &D : R.Diags)
    Diags.push_back(std::move(D));
}

bool Manifest::Impl::prefer(unsigned A, unsigned B) const {
  const Entry &EA = Entries[A], &EB = Entries[B];
  // File indices follow the sorted file list, so this is "first in the tree"
  // among equals; entries without a file record (seed manifests, declarations)
  // keep their order.
  unsigned LineA = EntryFile[A] == ~0u ? 0 : EA.Line;
  unsigned LineB = EntryFile[B] == ~0u ? 0 : EB.Line;
  return std::make_tuple(rank(EA), EntryFile[A], LineA, A) <
         std::make_tuple(rank(EB), EntryFile[B], LineB, B);
}

void Manifest::Impl::indexEntry(unsigned E) {
  SmallVector<unsigned, 1> &List = ByName[Entries[E].Name];
  auto Pos = std::find_if(List.begin(), List.end(),
                          [&](unsigned Other) { return prefer(E, Other); });
  List.insert(Pos, E);
}

void Manifest::Impl::removeEntry(unsigned E) {
  auto It = ByName.find(Entries[E].Name);
  if (It != ByName.end()) {
    llvm::erase(It->second, E);
    if (It->second.empty())
      ByName.erase(It);
  }
  unsigned Last = unsigned(Entries.size() - 1);
  if (E != Last) {
    auto LastIt = ByName.find(Entries[Last].Name);
    if (LastIt != ByName.end())
      std::replace(LastIt->second.begin(), LastIt->second.end(), Last, E);
    Entries[E] = std::move(Entries[Last]);
    EntryFile[E] = EntryFile[Last];
  }
  Entries.pop_back();
  EntryFile.pop_back();
}

void Manifest::Impl::recomputeConflicts() {
  Conflicts.clear();
  for (const auto &KV : ByName) {
    if (KV.second.size() < 2)
      continue;
    Conflict C;
    C.Name = KV.first().str();
    for (unsigned E : KV.second)
      if (!Entries[E].IsDeclaration && Entries[E].Vis == Visibility::Public)
        C.Files.push_back(Entries[E].File);
    if (C.Files.size() >= 2)
      Conflicts.push_back(std::move(C));
  }
  std::sort(
      Conflicts.begin(), Conflicts.end(),
      [](const Conflict &A, const Conflict &B) { return A.Name < B.Name; });
}

void Manifest::Impl::invalidateSimilar() {
  std::lock_guard<std::mutex> Lock(SimilarMutex);
  Similar.reset();
}

void Manifest::Impl::reindex() {
  ByName = NameIndex(unsigned(Entries.size()));
  for (unsigned I = 0; I < Entries.size(); ++I)
    indexEntry(I);
  recomputeConflicts();
  invalidateSimilar();
}

std::shared_ptr<const SimilarityIndex> Manifest::Impl::similarity() const {
  std::lock_guard<std::mutex> Lock(SimilarMutex);
  if (!Similar)
    Similar = buildSimilarityIndex(Entries, ByName);
  return Similar;
}

const Entry *Manifest::lookup(StringRef Name) const {
  auto It = P->ByName.find(Name);
  return It == P->ByName.end() ? nullptr : &P->Entries[It->second.front()];
}

std::vector<const Entry *>
Manifest::collectRelevant(ArrayRef<StringRef> Texts) const {
  std::vector<const Entry *> Out;
  DenseSet<unsigned> Seen;
  auto Add = [&](StringRef Name) {
    auto It = P->ByName.find(Name);
    // Prose ends sentences with '.', which IR allows in names: "call @str_len."
    if (It == P->ByName.end() && Name.ends_with("."))
      It = P->ByName.find(Name.rtrim("."));
    if (It != P->ByName.end() && Seen.insert(It->second.front()).second)
      Out.push_back(&P->Entries[It->second.front()]);
  };
  auto IsIdent = [](char C) {
    return isAlnum(C) || C == '_' || C == '.' || C == '$' || C == '-';
  };
  for (StringRef Text : Texts) {
    size_t I = 0;
    while (I < Text.size()) {
      char C = Text[I];
      if (C == '@') {
        std::string Name;
        size_t Len;
        if (readGlobalName(Text.substr(I), Name, Len)) {
          Add(Name);
          I += Len;
        } else {
          ++I;
        }
        continue;
      }
      // Task text names functions without '@' ("call str_len"): words that look
      // like code identifiers (with an underscore) count too.
      if (isAlpha(C) || C == '_') {
        size_t J = I;
        bool Underscore = false;
        while (J < Text.size() && (isAlnum(Text[J]) || Text[J] == '_')) {
          Underscore |= Text[J] == '_';
          ++J;
        }
        bool Preceded = I > 0 && (IsIdent(Text[I - 1]) || Text[I - 1] == '%');
        if (Underscore && !Preceded)
          Add(Text.slice(I, J));
        I = J;
        continue;
      }
      ++I;
    }
  }
  return Out;
}

std::optional<SimilarMatch> Manifest::findSimilar(StringRef Name,
                                                  double Threshold) const {
  if (const Entry *E = lookup(Name))
    return SimilarMatch{E, 1.0};
  std::shared_ptr<const SimilarityIndex> Index = P->similarity();
  return querySimilar(*Index, P->Entries, Name, Threshold);
}

bool Manifest::isShim(StringRef Name) const {
  return Name.starts_with("llvm.") || P->ShimSet.contains(Name);
}

void Manifest::addShim(StringRef Name) {
  if (!Name.empty() && P->ShimSet.insert(Name).second)
    P->Shims.push_back(Name.str());
}

Error Manifest::addDeclaration(StringRef Signature) {
  StringRef Sig = Signature.trim();
  std::optional<std::string> Name = declarationName(Sig);
  if (!Name)
    return createStringError(inconvertibleErrorCode(),
                             "not a function signature: '%s' (expected e.g. "
                             "'void @ds_push(i64 %%val)')",
                             Sig.str().c_str());
  if (const Entry *Existing = lookup(*Name)) {
    if (Existing->Signature == Sig)
      return Error::success();
    std::string Where =
        Existing->File.empty()
            ? std::string("a declaration")
            : Existing->File + ":" + std::to_string(Existing->Line);
    return createStringError(
        inconvertibleErrorCode(),
        "@%s is already known as '%s' (%s); the declaration '%s' clashes",
        Name->c_str(), Existing->Signature.c_str(), Where.c_str(),
        Sig.str().c_str());
  }
  Entry E;
  E.Name = *Name;
  E.Vis = Visibility::Public;
  E.Signature = Sig.str();
  E.IsDeclaration = true;
  P->Entries.push_back(std::move(E));
  P->EntryFile.push_back(~0u);
  P->indexEntry(unsigned(P->Entries.size() - 1));
  P->invalidateSimilar();
  return Error::success();
}

const std::vector<Entry> &Manifest::entries() const { return P->Entries; }
const std::vector<std::string> &Manifest::shims() const { return P->Shims; }
const std::vector<Conflict> &Manifest::conflicts() const {
  return P->Conflicts;
}
const std::vector<Diagnostic> &Manifest::diagnostics() const {
  return P->Diags;
}
const std::vector<std::string> &Manifest::roots() const { return P->Roots; }
size_t Manifest::fileCount() const { return P->Files.size(); }

} // namespace manifest
} // namespace semcom
