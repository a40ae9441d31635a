//===- ManifestQuery.cpp - the manifest as the passes see it, loaded once -===//
//
// The process-wide cache matters for opt and clang, which run the passes once
// per module but may be handed many modules; semcom-fix and the orchestrator
// hand a query in directly instead.
//
//===----------------------------------------------------------------------===//
#include "semcom/Fixup/ManifestQuery.h"
#include "semcom/Fixup/Diagnostics.h"
#include "semcom/Fixup/RuntimeAPI.h"

#ifdef SEMCOM_HAVE_MANIFEST
#include "semcom/Manifest/Manifest.h"
#endif

#include "llvm/ADT/StringExtras.h"
#include "llvm/AsmParser/Parser.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <map>
#include <mutex>

using namespace llvm;

#ifndef SEMCOM_HAVE_MANIFEST
// Built without the manifest library: only the runtime table is known.
namespace semcom {
namespace manifest {
class Manifest {};
} // namespace manifest
} // namespace semcom
#endif

namespace semcom {
namespace fixup {

ManifestQuery::ManifestQuery() = default;
ManifestQuery::ManifestQuery(std::unique_ptr<manifest::Manifest> Man)
    : M(std::move(Man)) {
#ifdef SEMCOM_HAVE_MANIFEST
  if (!M)
    return;
  for (const manifest::Conflict &C : M->conflicts()) {
    std::vector<std::string> Seen;
    bool Differ = false;
    for (const manifest::Entry &E : M->entries())
      if (E.Name == C.Name && E.Vis == manifest::Visibility::Public &&
          !E.IsDeclaration) {
        Differ |=
            !Seen.empty() &&
            E.Signature != Seen.front().substr(Seen.front().find(": ") + 2);
        Seen.push_back(E.File + ": " + E.Signature);
      }
    if (Differ)
      Contradictions[C.Name] = std::move(Seen);
  }
#endif
}

ArrayRef<std::string> ManifestQuery::contradictions(StringRef Name) const {
  auto It = Contradictions.find(Name);
  if (It == Contradictions.end())
    return {};
  return It->second;
}
ManifestQuery::~ManifestQuery() = default;

Expected<std::shared_ptr<const ManifestQuery>>
ManifestQuery::getShared(StringRef Path) {
  static std::mutex Lock;
  static std::map<std::string, std::shared_ptr<const ManifestQuery>> Loaded;
  std::lock_guard<std::mutex> Guard(Lock);
  auto It = Loaded.find(Path.str());
  if (It != Loaded.end())
    return It->second;
  std::shared_ptr<const ManifestQuery> Q;
  if (Path.empty()) {
    Q = std::make_shared<ManifestQuery>();
  } else {
#ifdef SEMCOM_HAVE_MANIFEST
    Expected<manifest::Manifest> MOrErr = manifest::Manifest::loadFile(Path);
    if (!MOrErr)
      return MOrErr.takeError();
    Q = std::make_shared<ManifestQuery>(
        std::make_unique<manifest::Manifest>(std::move(*MOrErr)));
#else
    return createStringError(
        std::make_error_code(std::errc::not_supported),
        "built without the manifest library; cannot load " + Path);
#endif
  }
  Loaded[Path.str()] = Q;
  return Q;
}

std::optional<KnownFunction> ManifestQuery::lookup(StringRef Name) const {
#ifdef SEMCOM_HAVE_MANIFEST
  if (M && !Contradictions.count(Name))
    if (const manifest::Entry *E = M->lookup(Name))
      if (E->Vis == manifest::Visibility::Public)
        return KnownFunction{E->Name, E->Signature,
                             E->IsDeclaration ? std::string("the plan") : E->File};
#endif
  if (const RuntimeFunction *R = lookupRuntimeFunction(Name))
    return KnownFunction{R->Name.str(), R->Signature.str(), "runtime"};
  return std::nullopt;
}

bool ManifestQuery::isShim(StringRef Name) const {
#ifdef SEMCOM_HAVE_MANIFEST
  return M && M->isShim(Name);
#else
  return false;
#endif
}

bool ManifestQuery::isRuntime(StringRef Name) const {
  return lookupRuntimeFunction(Name) != nullptr;
}

static std::string foldName(StringRef S) {
  std::string Out;
  for (char C : S)
    if (C != '_')
      Out += toLower(C);
  return Out;
}

double nameSimilarity(StringRef A, StringRef B) {
  std::string FA = foldName(A), FB = foldName(B);
  size_t Longest = std::max(FA.size(), FB.size());
  if (Longest == 0)
    return 1.0;
  // Optimal string alignment distance: a swap of two neighbours (`ds_psuh`) is
  // one typo.
  size_t N = FA.size(), M = FB.size();
  std::vector<std::vector<unsigned>> D(N + 1, std::vector<unsigned>(M + 1));
  for (size_t I = 0; I <= N; ++I)
    D[I][0] = I;
  for (size_t J = 0; J <= M; ++J)
    D[0][J] = J;
  for (size_t I = 1; I <= N; ++I)
    for (size_t J = 1; J <= M; ++J) {
      unsigned Cost = FA[I - 1] == FB[J - 1] ? 0 : 1;
      D[I][J] =
          std::min({D[I - 1][J] + 1, D[I][J - 1] + 1, D[I - 1][J - 1] + Cost});
      if (I > 1 && J > 1 && FA[I - 1] == FB[J - 2] && FA[I - 2] == FB[J - 1])
        D[I][J] = std::min(D[I][J], D[I - 2][J - 2] + 1);
    }
  return 1.0 - double(D[N][M]) / double(Longest);
}

std::optional<std::pair<std::string, double>>
ManifestQuery::findSimilar(StringRef Name, double Threshold) const {
  std::optional<std::pair<std::string, double>> Best;
  auto Consider = [&](StringRef Candidate) {
    if (Candidate == Name)
      return;
    double S = nameSimilarity(Name, Candidate);
    if (S >= Threshold && (!Best || S > Best->second))
      Best = {Candidate.str(), S};
  };
#ifdef SEMCOM_HAVE_MANIFEST
  // The manifest's own "did you mean" proposes; the same edit-distance measure
  // as for the runtime table decides, so one threshold means one thing.
  if (M)
    if (std::optional<manifest::SimilarMatch> S = M->findSimilar(Name, 0.0))
      if (S->Match && S->Match->Vis == manifest::Visibility::Public)
        Consider(S->Match->Name);
#endif
  for (const RuntimeFunction &R : runtimeFunctions())
    Consider(R.Name);
  return Best;
}

std::optional<ParsedSignature> parseSignature(StringRef Signature,
                                              LLVMContext &Ctx) {
  SMDiagnostic Err;
  std::string Text = "declare " + Signature.str() + "\n";
  // clang's contexts discard value names, and LLParser then rejects named
  // parameters; the names are what pairs a pointer with its length, so keep
  // them for this parse.
  bool Discard = Ctx.shouldDiscardValueNames();
  Ctx.setDiscardValueNames(false);
  std::unique_ptr<Module> Scratch = parseAssemblyString(Text, Err, Ctx);
  Ctx.setDiscardValueNames(Discard);
  if (!Scratch)
    return std::nullopt;
  for (Function &F : *Scratch) {
    ParsedSignature P;
    P.Type = F.getFunctionType();
    P.Attrs = F.getAttributes();
    for (Argument &A : F.args())
      P.ParamNames.push_back(A.getName().str());
    return P;
  }
  return std::nullopt;
}

AnalysisKey ManifestAnalysis::Key;

ManifestAnalysis::Result ManifestAnalysis::run(Module &M,
                                               ModuleAnalysisManager &) {
  if (Given)
    return {Given};
  Expected<std::shared_ptr<const ManifestQuery>> Q =
      ManifestQuery::getShared(Path);
  if (Q)
    return {*Q};
  M.getContext().diagnose(
      SemcomDiagnostic(Twine("semcom: manifest '") + Path +
                           "' not loaded: " + toString(Q.takeError()) + "",
                       DS_Error));
  return {cantFail(ManifestQuery::getShared(""))};
}

PreservedAnalyses ManifestPrinterPass::run(Module &M,
                                           ModuleAnalysisManager &AM) {
  const ManifestQuery &Q = *AM.getResult<ManifestAnalysis>(M).Query;
  OS << "manifest entries referenced by '" << M.getModuleIdentifier() << "':\n";
  for (Function &F : M) {
    if (F.isIntrinsic())
      continue;
    if (std::optional<KnownFunction> K = Q.lookup(F.getName()))
      OS << K->Name << "|" << K->Origin << "|" << K->Signature << "\n";
    else if (Q.isShim(F.getName()))
      OS << F.getName() << "|@shims|\n";
  }
  return PreservedAnalyses::all();
}

} // namespace fixup
} // namespace semcom
