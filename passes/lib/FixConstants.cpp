//===- FixConstants.cpp - constant lengths that disagree with their buffers
//-===//
//
// Only constant lengths against globals with a known initializer are touched:
// that is the case where the right value is certain (the object's size) and the
// wrong one is a read past its end.
//
//===----------------------------------------------------------------------===//
#include "semcom/Fixup/FixConstants.h"
#include "semcom/Fixup/ManifestQuery.h"
#include "semcom/Fixup/RuntimeAPI.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Analysis/OptimizationRemarkEmitter.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"

using namespace llvm;

#define DEBUG_TYPE "semcom-fix-constants"

namespace semcom {
namespace fixup {

namespace {

struct BufferPair {
  unsigned Ptr, Len;
  bool WritesToFD;
};

bool isLengthName(StringRef N) {
  std::string L = N.lower();
  StringRef S(L);
  return S == "n" || S == "len" || S == "size" || S == "count" ||
         S == "length" || S == "nbytes" || S.ends_with("_len") ||
         S.ends_with("_size") || S.ends_with("_count") ||
         S.ends_with("_length") || S.ends_with("len");
}

/// The (pointer, length) pairs of Callee's parameters.
SmallVector<BufferPair, 2>
pairsOf(StringRef Callee, const ManifestQuery &Q, LLVMContext &Ctx,
        StringMap<SmallVector<BufferPair, 2>> &Cache) {
  auto It = Cache.find(Callee);
  if (It != Cache.end())
    return It->second;
  SmallVector<BufferPair, 2> Pairs;
  // libc-style names first: their table knows pairs the naming heuristic cannot see (memcpy's
  // destination goes with its length too, though the runtime names it %dst).
  for (const KnownBufferFunction &B : knownBufferFunctions())
    if (B.Name == Callee)
      Pairs.push_back({B.PtrArg, B.LenArg, B.WritesToFD});
  if (std::optional<KnownFunction> K = Q.lookup(Callee)) {
    if (std::optional<ParsedSignature> Sig =
            parseSignature(K->Signature, Ctx)) {
      FunctionType *FT = Sig->Type;
      bool ToFD = !Sig->ParamNames.empty() && Sig->ParamNames[0] == "fd";
      for (unsigned I = 0; I + 1 < FT->getNumParams(); ++I)
        if (FT->getParamType(I)->isPointerTy() &&
            FT->getParamType(I + 1)->isIntegerTy() &&
            isLengthName(Sig->ParamNames[I + 1]) &&
            none_of(Pairs, [&](const BufferPair &P) { return P.Ptr == I; }))
          Pairs.push_back({I, I + 1, ToFD});
    }
  }
  Cache[Callee] = Pairs;
  return Pairs;
}

} // namespace

PreservedAnalyses FixConstantsPass::run(Module &M, ModuleAnalysisManager &AM) {
  const ManifestQuery &Q = *AM.getResult<ManifestAnalysis>(M).Query;
  const DataLayout &DL = M.getDataLayout();
  StringMap<SmallVector<BufferPair, 2>> Cache;
  bool Changed = false;
  for (Function &F : M) {
    if (F.isDeclaration())
      continue;
    OptimizationRemarkEmitter ORE(&F);
    for (BasicBlock &BB : F)
      for (Instruction &I : BB) {
        auto *CI = dyn_cast<CallInst>(&I);
        Function *Callee = CI ? CI->getCalledFunction() : nullptr;
        if (!Callee || Callee->isIntrinsic())
          continue;
        for (const BufferPair &P :
             pairsOf(Callee->getName(), Q, M.getContext(), Cache)) {
          if (P.Len >= CI->arg_size())
            continue;
          auto *Len = dyn_cast<ConstantInt>(CI->getArgOperand(P.Len));
          if (!Len || Len->isNegative() ||
              !CI->getArgOperand(P.Ptr)->getType()->isPointerTy())
            continue;
          APInt Offset(
              DL.getIndexTypeSizeInBits(CI->getArgOperand(P.Ptr)->getType()),
              0);
          const Value *Base =
              CI->getArgOperand(P.Ptr)->stripAndAccumulateConstantOffsets(
                  DL, Offset, /*AllowNonInbounds=*/true);
          auto *GV = dyn_cast<GlobalVariable>(Base);
          if (!GV || !GV->hasDefinitiveInitializer() || Offset.isNegative())
            continue;
          uint64_t Size = DL.getTypeAllocSize(GV->getValueType());
          uint64_t Off = Offset.getZExtValue();
          if (Off > Size)
            continue;
          uint64_t Avail = Size - Off;
          uint64_t N = Len->getZExtValue();
          if (N > Avail) {
            CI->setArgOperand(P.Len, ConstantInt::get(Len->getType(), Avail));
            ORE.emit(OptimizationRemark(DEBUG_TYPE, "LengthClamped", CI)
                     << "length " << utostr(N) << " passed to @"
                     << Callee->getName() << " runs past the end of @"
                     << GV->getName() << " (" << utostr(Avail)
                     << " bytes); clamped to " << utostr(Avail));
            Changed = true;
            continue;
          }
          if (P.WritesToFD && N == Avail && N > 0)
            if (auto *Data =
                    dyn_cast<ConstantDataSequential>(GV->getInitializer()))
              if (Data->isString() &&
                  Data->getElementAsInteger(Off + N - 1) == 0)
                ORE.emit(
                    OptimizationRemarkAnalysis(DEBUG_TYPE, "TrailingNul", CI)
                    << "length " << utostr(N) << " passed to @"
                    << Callee->getName() << " includes the trailing \\00 of @"
                    << GV->getName() << "; the NUL byte is written too");
        }
      }
  }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace fixup
} // namespace semcom
