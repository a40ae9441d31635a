//===- Manifest.cpp - the manifest's contents and its indexed queries -----===//
//
// Everything but reading IR and the text format: the name index, conflicts, shims, declarations and
// the queries prompts and passes ask (lookup, collectRelevant, findSimilar, isShim).
//
//===----------------------------------------------------------------------===//
#include "ManifestImpl.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

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
/// Which entry answers lookup() when a name has several: a public definition, then a plan's
/// declaration, then a private definition.
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

void Manifest::Impl::reindex() {
  ByName = StringMap<unsigned>(unsigned(Entries.size()));
  for (unsigned I = 0; I < Entries.size(); ++I) {
    auto [It, Inserted] = ByName.try_emplace(Entries[I].Name, I);
    if (!Inserted && rank(Entries[I]) < rank(Entries[It->second]))
      It->second = I;
  }
  Conflicts.clear();
  StringMap<unsigned> FirstPublic;   // name -> entry
  StringMap<unsigned> ConflictIndex; // name -> index in Conflicts
  for (unsigned I = 0; I < Entries.size(); ++I) {
    const Entry &E = Entries[I];
    if (E.IsDeclaration || E.Vis != Visibility::Public)
      continue;
    auto [It, Inserted] = FirstPublic.try_emplace(E.Name, I);
    if (Inserted)
      continue;
    auto [CIt, NewConflict] = ConflictIndex.try_emplace(E.Name, unsigned(Conflicts.size()));
    if (NewConflict)
      Conflicts.push_back({E.Name, {Entries[It->second].File}});
    Conflicts[CIt->second].Files.push_back(E.File);
  }
  std::lock_guard<std::mutex> Lock(SimilarMutex);
  Similar.reset();
}

std::shared_ptr<const SimilarityIndex> Manifest::Impl::similarity() const {
  std::lock_guard<std::mutex> Lock(SimilarMutex);
  if (!Similar)
    Similar = buildSimilarityIndex(Entries, ByName);
  return Similar;
}

const Entry *Manifest::lookup(StringRef Name) const {
  auto It = P->ByName.find(Name);
  return It == P->ByName.end() ? nullptr : &P->Entries[It->second];
}

std::vector<const Entry *> Manifest::collectRelevant(ArrayRef<StringRef> Texts) const {
  std::vector<const Entry *> Out;
  DenseSet<unsigned> Seen;
  auto Add = [&](StringRef Name) {
    auto It = P->ByName.find(Name);
    // Prose ends sentences with '.', which IR allows in names: "call @str_len."
    if (It == P->ByName.end() && Name.ends_with("."))
      It = P->ByName.find(Name.rtrim("."));
    if (It != P->ByName.end() && Seen.insert(It->second).second)
      Out.push_back(&P->Entries[It->second]);
  };
  auto IsIdent = [](char C) { return isAlnum(C) || C == '_' || C == '.' || C == '$' || C == '-'; };
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
      // Task text names functions without '@' ("call str_len"): words that look like code
      // identifiers (with an underscore) count too.
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

std::optional<SimilarMatch> Manifest::findSimilar(StringRef Name, double Threshold) const {
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
  std::optional<std::string> Name = nameFromSignature(Sig);
  size_t At = Sig.find('@');
  if (!Name || !Sig.ends_with(")") || Sig.find('(', At) == StringRef::npos ||
      Sig.find('\n') != StringRef::npos)
    return createStringError(inconvertibleErrorCode(),
                             "not a function signature: '%s' (expected e.g. "
                             "'void @ds_push(i64 %%val)')",
                             Sig.str().c_str());
  if (const Entry *Existing = lookup(*Name)) {
    if (Existing->Signature == Sig)
      return Error::success();
    std::string Where = Existing->File.empty()
                            ? std::string("a declaration")
                            : Existing->File + ":" + std::to_string(Existing->Line);
    return createStringError(inconvertibleErrorCode(),
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
  P->ByName[*Name] = unsigned(P->Entries.size() - 1);
  std::lock_guard<std::mutex> Lock(P->SimilarMutex);
  P->Similar.reset();
  return Error::success();
}

const std::vector<Entry> &Manifest::entries() const { return P->Entries; }
const std::vector<std::string> &Manifest::shims() const { return P->Shims; }
const std::vector<Conflict> &Manifest::conflicts() const { return P->Conflicts; }
const std::vector<Diagnostic> &Manifest::diagnostics() const { return P->Diags; }
const std::vector<std::string> &Manifest::roots() const { return P->Roots; }
size_t Manifest::fileCount() const { return P->Files.size(); }

} // namespace manifest
} // namespace semcom
