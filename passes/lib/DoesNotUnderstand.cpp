//===- DoesNotUnderstand.cpp - external names nobody provides -===//
//
// Runs after FixDeclares, so a misspelled name that had a close match is no
// longer reported.
//
//===----------------------------------------------------------------------===//
#include "semcom/Fixup/DoesNotUnderstand.h"
#include "semcom/Support/AtomicFile.h"
#include "semcom/Fixup/Diagnostics.h"
#include "semcom/Fixup/ManifestQuery.h"

#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

#define DEBUG_TYPE "semcom-dnu"

namespace semcom {
namespace fixup {

AnalysisKey DoesNotUnderstandAnalysis::Key;

static std::string declareLine(const Function &F) {
  std::string S;
  raw_string_ostream OS(S);
  OS << "declare ";
  F.getReturnType()->print(OS);
  OS << " ";
  F.printAsOperand(OS, /*PrintType=*/false);
  OS << "(";
  FunctionType *FT = F.getFunctionType();
  for (unsigned I = 0; I < FT->getNumParams(); ++I) {
    if (I)
      OS << ", ";
    FT->getParamType(I)->print(OS);
  }
  if (FT->isVarArg())
    OS << (FT->getNumParams() ? ", ..." : "...");
  OS << ")";
  return S;
}

DoesNotUnderstandAnalysis::Result
DoesNotUnderstandAnalysis::run(Module &M, ModuleAnalysisManager &AM) {
  const ManifestQuery &Q = *AM.getResult<ManifestAnalysis>(M).Query;
  Result Missing;
  for (Function &F : M) {
    if (!F.isDeclaration() || F.isIntrinsic() ||
        F.getName().starts_with("llvm."))
      continue;
    if (Q.lookup(F.getName()) || Q.isShim(F.getName()) ||
        !Q.contradictions(F.getName()).empty())
      continue;
    Missing.push_back({F.getName().str(), declareLine(F)});
  }
  return Missing;
}

PreservedAnalyses DoesNotUnderstandPrinterPass::run(Module &M,
                                                    ModuleAnalysisManager &AM) {
  for (const MissingFunction &F : AM.getResult<DoesNotUnderstandAnalysis>(M))
    OS << F.Name << "|" << F.DeclareLine << "\n";
  return PreservedAnalyses::all();
}

std::string missingToJSON(StringRef ModuleName,
                          const std::vector<MissingFunction> &Missing) {
  json::Array A;
  for (const MissingFunction &F : Missing)
    A.push_back(json::Object{{"name", F.Name}, {"declare", F.DeclareLine}});
  std::string S;
  raw_string_ostream OS(S);
  OS << formatv("{0:2}", json::Value(json::Object{{"module", ModuleName},
                                                  {"missing", std::move(A)}}));
  OS << "\n";
  return S;
}


PreservedAnalyses DoesNotUnderstandReportPass::run(Module &M,
                                                   ModuleAnalysisManager &AM) {
  const auto &Missing = AM.getResult<DoesNotUnderstandAnalysis>(M);
  for (const MissingFunction &F : Missing)
    if (Function *Fn = M.getFunction(F.Name))
      M.getContext().diagnose(
          OptimizationRemarkAnalysis(DEBUG_TYPE, "DoesNotUnderstand", Fn)
          << "no manifest entry, runtime function or shim provides "
          << F.DeclareLine);
  if (!MissingOut.empty())
    if (Error E = semcom::writeFileAtomically(
            MissingOut, missingToJSON(M.getModuleIdentifier(), Missing)))
      M.getContext().diagnose(
          SemcomDiagnostic("semcom-dnu: " + toString(std::move(E)), DS_Error));
  return PreservedAnalyses::all();
}

} // namespace fixup
} // namespace semcom
