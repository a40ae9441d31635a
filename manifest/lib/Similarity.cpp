//===- Similarity.cpp - the "did you mean" index behind findSimilar -------===//
//
// Models misremember names in a few typical ways: wrong case or separators
// (dsPush for ds_push), a missing or extra prefix (push, rt_str_len),
// abbreviated or lengthened words (string_len for string_length) and one-letter
// typos. Each has its own index so a query looks at a few hundred candidates,
// never at all names, and only those are scored exactly.
//
//===----------------------------------------------------------------------===//
#include "ManifestImpl.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>

using namespace llvm;

namespace semcom {
namespace manifest {

namespace {

/// Lower case, letters and digits only: `ds_push`, `dsPush` and `DS-PUSH` are
/// all `dspush`.
std::string normalise(StringRef Name) {
  std::string Out;
  Out.reserve(Name.size());
  for (char C : Name)
    if (isAlnum(C))
      Out += toLower(C);
  return Out;
}

/// Words of a name, lower case: separators and camelCase boundaries split
/// (`rtStrLen` -> rt, str, len; `HTTPServer` -> http, server); digits stay with
/// their word (`i64`).
SmallVector<std::string, 6> tokenize(StringRef Name) {
  SmallVector<std::string, 6> Tokens;
  std::string Cur;
  auto Flush = [&] {
    if (!Cur.empty())
      Tokens.push_back(std::move(Cur));
    Cur.clear();
  };
  for (size_t I = 0; I < Name.size(); ++I) {
    char C = Name[I];
    if (!isAlnum(C)) {
      Flush();
      continue;
    }
    if (isUpper(C) && I > 0) {
      char Prev = Name[I - 1];
      bool NextLower = I + 1 < Name.size() && isLower(Name[I + 1]);
      if (isLower(Prev) || isDigit(Prev) || (isUpper(Prev) && NextLower))
        Flush();
    }
    Cur += toLower(C);
  }
  Flush();
  return Tokens;
}

std::string join(ArrayRef<std::string> Tokens) {
  std::string Out;
  for (const std::string &T : Tokens)
    Out += T;
  return Out;
}

/// First two letters of each word: `string_length`, `str_len` and `strLen`
/// share `stle`.
std::string shapeKey(ArrayRef<std::string> Tokens) {
  std::string Out;
  for (const std::string &T : Tokens)
    Out += StringRef(T).take_front(2);
  return Out;
}

/// Optimal string alignment distance (Levenshtein plus adjacent
/// transpositions).
unsigned editDistance(StringRef A, StringRef B) {
  const size_t N = A.size(), M = B.size();
  if (N == 0 || M == 0)
    return unsigned(N + M);
  SmallVector<unsigned, 64> Prev2(M + 1), Prev(M + 1), Cur(M + 1);
  for (size_t J = 0; J <= M; ++J)
    Prev[J] = unsigned(J);
  for (size_t I = 1; I <= N; ++I) {
    Cur[0] = unsigned(I);
    for (size_t J = 1; J <= M; ++J) {
      unsigned Cost = A[I - 1] == B[J - 1] ? 0 : 1;
      unsigned V = std::min({Prev[J] + 1, Cur[J - 1] + 1, Prev[J - 1] + Cost});
      if (I > 1 && J > 1 && A[I - 1] == B[J - 2] && A[I - 2] == B[J - 1])
        V = std::min(V, Prev2[J - 2] + 1);
      Cur[J] = V;
    }
    std::swap(Prev2, Prev);
    std::swap(Prev, Cur);
  }
  return Prev[M];
}

double charSimilarity(StringRef A, StringRef B) {
  size_t Longest = std::max(A.size(), B.size());
  if (Longest == 0)
    return 0;
  return 1.0 - double(editDistance(A, B)) / double(Longest);
}

/// Padded trigrams (`^^d`, `^ds`, …, `h$$`) so short names and their ends
/// count.
template <typename Fn> void forEachTrigram(StringRef Norm, Fn F) {
  std::string Padded = "^^" + Norm.str() + "$$";
  for (size_t I = 0; I + 3 <= Padded.size(); ++I)
    F(uint32_t(uint8_t(Padded[I])) << 16 |
      uint32_t(uint8_t(Padded[I + 1])) << 8 | uint32_t(uint8_t(Padded[I + 2])));
}

struct NameInfo {
  unsigned EntryIdx;
  std::string Norm;
  SmallVector<std::string, 6> Tokens;
};

struct Query {
  std::string Norm;
  SmallVector<std::string, 6> Tokens;
};

/// The score of Candidate for a query, in [0, 1]. 1 only when the names are
/// equal after normalisation; whole words added or dropped at either end and
/// abbreviated words score high, anything else by edit distance.
double score(const Query &Q, const NameInfo &C) {
  if (Q.Norm == C.Norm)
    return 1.0;
  double Best = charSimilarity(Q.Norm, C.Norm);
  const double LongFull = double(std::max(Q.Norm.size(), C.Norm.size()));

  // One name is the other with words added in front (missing or extra prefix)
  // or behind.
  auto Affix = [&](ArrayRef<std::string> Longer, StringRef ShorterNorm,
                   bool Front) {
    for (size_t Drop = 1; Drop < Longer.size(); ++Drop) {
      std::string Part =
          Front ? join(Longer.drop_front(Drop)) : join(Longer.drop_back(Drop));
      if (Part.size() < 3)
        continue;
      double Weight =
          (Front ? 0.8 : 0.75) + 0.2 * double(Part.size()) / LongFull;
      // The length difference alone bounds the similarity: skip the edit
      // distance when even that bound cannot win.
      size_t Longest = std::max(ShorterNorm.size(), Part.size());
      size_t Diff = std::max(ShorterNorm.size(), Part.size()) -
                    std::min(ShorterNorm.size(), Part.size());
      if ((1.0 - double(Diff) / double(Longest)) * Weight <= Best)
        continue;
      Best = std::max(Best, charSimilarity(ShorterNorm, Part) * Weight);
    }
  };
  Affix(C.Tokens, Q.Norm, true);
  Affix(Q.Tokens, C.Norm, true);
  Affix(C.Tokens, Q.Norm, false);
  Affix(Q.Tokens, C.Norm, false);

  // Word for word, each an abbreviation (prefix of 3+ letters) of the other:
  // str_len/string_length.
  if (Q.Tokens.size() == C.Tokens.size()) {
    bool Abbrev = true;
    for (size_t I = 0; I < Q.Tokens.size() && Abbrev; ++I) {
      StringRef A = Q.Tokens[I], B = C.Tokens[I];
      if (A.size() > B.size())
        std::swap(A, B);
      Abbrev = A == B || (A.size() >= 3 && B.starts_with(A));
    }
    if (Abbrev)
      Best = std::max(
          Best, 0.7 + 0.3 * double(std::min(Q.Norm.size(), C.Norm.size())) /
                          LongFull);
  }
  return std::min(Best, 0.99);
}

} // namespace

class SimilarityIndex {
public:
  std::vector<NameInfo> Names;
  StringMap<SmallVector<unsigned, 1>> ByNorm; ///< whole normalised name
  StringMap<SmallVector<unsigned, 1>>
      BySuffix; ///< name without its first word(s)
  StringMap<SmallVector<unsigned, 1>>
      ByPrefix; ///< name without its last word(s)
  StringMap<SmallVector<unsigned, 1>> ByShape; ///< shapeKey
  DenseMap<uint32_t, std::vector<unsigned>> ByTrigram;
};

std::shared_ptr<const SimilarityIndex>
buildSimilarityIndex(const std::vector<Entry> &Entries,
                     const NameIndex &ByName) {
  auto Index = std::make_shared<SimilarityIndex>();
  // One name per distinct function name: the entry lookup() would answer.
  // Sorted, so the index (and the candidates a query keeps) do not depend on
  // how the manifest was assembled.
  std::vector<unsigned> Preferred;
  Preferred.reserve(ByName.size());
  for (const auto &KV : ByName)
    Preferred.push_back(KV.second.front());
  std::sort(Preferred.begin(), Preferred.end(), [&](unsigned A, unsigned B) {
    return Entries[A].Name < Entries[B].Name;
  });
  Index->Names.reserve(Preferred.size());
  for (unsigned E : Preferred) {
    NameInfo Info;
    Info.EntryIdx = E;
    Info.Norm = normalise(Entries[E].Name);
    Info.Tokens = tokenize(Entries[E].Name);
    if (Info.Norm.empty())
      continue;
    Index->Names.push_back(std::move(Info));
  }
  for (unsigned Id = 0; Id < Index->Names.size(); ++Id) {
    const NameInfo &N = Index->Names[Id];
    Index->ByNorm[N.Norm].push_back(Id);
    ArrayRef<std::string> Toks = N.Tokens;
    for (size_t Drop = 1; Drop < Toks.size(); ++Drop) {
      Index->BySuffix[join(Toks.drop_front(Drop))].push_back(Id);
      Index->ByPrefix[join(Toks.drop_back(Drop))].push_back(Id);
    }
    Index->ByShape[shapeKey(Toks)].push_back(Id);
    uint32_t Last = ~0u;
    forEachTrigram(N.Norm, [&](uint32_t T) {
      if (T == Last) // `aaaa`: count a repeated trigram once
        return;
      Last = T;
      std::vector<unsigned> &Posting = Index->ByTrigram[T];
      if (Posting.empty() || Posting.back() != Id)
        Posting.push_back(Id);
    });
  }
  return Index;
}

std::optional<SimilarMatch> querySimilar(const SimilarityIndex &Index,
                                         const std::vector<Entry> &Entries,
                                         StringRef Name, double Threshold) {
  // Scoring is quadratic in length; no real function name comes near this.
  if (Name.size() > 256)
    return std::nullopt;
  Query Q;
  Q.Norm = normalise(Name);
  Q.Tokens = tokenize(Name);
  if (Q.Norm.empty() || Index.Names.empty())
    return std::nullopt;

  SmallVector<unsigned, 256> Candidates;
  DenseSet<unsigned> Seen;
  // A key shared by thousands of names says little; a bounded sample of it is
  // enough (the trigram pass below still finds close spellings).
  auto AddAll = [&](const StringMap<SmallVector<unsigned, 1>> &Map,
                    StringRef Key, size_t Cap) {
    auto It = Map.find(Key);
    if (It == Map.end())
      return;
    size_t Taken = 0;
    for (unsigned Id : It->second) {
      if (Taken++ == Cap)
        break;
      if (Seen.insert(Id).second)
        Candidates.push_back(Id);
    }
  };
  AddAll(Index.ByNorm, Q.Norm, 256);
  AddAll(Index.BySuffix, Q.Norm, 64); // query lacks a prefix
  AddAll(Index.ByPrefix, Q.Norm, 64); // query lacks a suffix
  ArrayRef<std::string> QT = Q.Tokens;
  for (size_t Drop = 1; Drop < QT.size(); ++Drop) {
    std::string Suffix = join(QT.drop_front(Drop));
    // The query has an extra prefix, or a different one (then at least two
    // shared words: one alone is too weak a hint), or an extra suffix.
    AddAll(Index.ByNorm, Suffix, 256);
    if (Drop + 1 < QT.size())
      AddAll(Index.BySuffix, Suffix, 64);
    AddAll(Index.ByNorm, join(QT.drop_back(Drop)), 256);
  }
  AddAll(Index.ByShape, shapeKey(QT), 64);

  // Trigram overlap for typos: count shared trigrams per name, keep the names
  // sharing the most.
  {
    // Per-thread counters, cleared after use: no 100k-element allocation and
    // zeroing per query.
    thread_local std::vector<uint16_t> Shared;
    if (Shared.size() < Index.Names.size())
      Shared.assign(Index.Names.size(), 0);
    std::vector<unsigned> Touched;
    uint32_t Last = ~0u;
    unsigned QueryTrigrams = 0;
    forEachTrigram(Q.Norm, [&](uint32_t T) {
      if (T == Last)
        return;
      Last = T;
      ++QueryTrigrams;
      auto It = Index.ByTrigram.find(T);
      if (It == Index.ByTrigram.end())
        return;
      for (unsigned Id : It->second)
        if (Shared[Id]++ == 0)
          Touched.push_back(Id);
    });
    // Dice coefficient ranks; ties go to the name closest in length.
    auto Rank = [&](unsigned Id) {
      double T = double(Index.Names[Id].Norm.size() + 2);
      return 2.0 * Shared[Id] / (double(QueryTrigrams) + T);
    };
    const size_t Keep = 64;
    size_t Kept = Touched.size();
    if (Kept > Keep) {
      std::nth_element(
          Touched.begin(), Touched.begin() + Keep, Touched.end(),
          [&](unsigned A, unsigned B) { return Rank(A) > Rank(B); });
      Kept = Keep;
    }
    for (size_t K = 0; K < Kept; ++K)
      if (Seen.insert(Touched[K]).second)
        Candidates.push_back(Touched[K]);
    for (unsigned Id : Touched)
      Shared[Id] = 0;
  }

  std::optional<SimilarMatch> Best;
  const NameInfo *BestInfo = nullptr;
  for (unsigned Id : Candidates) {
    const NameInfo &C = Index.Names[Id];
    double S = score(Q, C);
    if (S < Threshold)
      continue;
    bool Better = !Best || S > Best->Score;
    if (!Better && S == Best->Score) {
      // Deterministic tie-break: closer length, then public, then name order.
      auto Key = [&](const NameInfo &N) {
        const Entry &E = Entries[N.EntryIdx];
        return std::make_tuple(
            std::abs(long(N.Norm.size()) - long(Q.Norm.size())),
            E.Vis != Visibility::Public, StringRef(E.Name));
      };
      Better = Key(C) < Key(*BestInfo);
    }
    if (Better) {
      Best = SimilarMatch{&Entries[C.EntryIdx], S};
      BestInfo = &C;
    }
  }
  return Best;
}

} // namespace manifest
} // namespace semcom
