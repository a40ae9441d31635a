//===- FixDeclares.cpp - make declarations agree with the manifest -===//
//
// Calls are rebuilt, not bitcast: with opaque pointers a call through a
// mismatched function type still verifies, and would silently pass an i64 where
// the callee reads an i1.
//
//===----------------------------------------------------------------------===//
#include "semcom/Fixup/FixDeclares.h"
#include "semcom/Fixup/Diagnostics.h"
#include "semcom/Fixup/ManifestQuery.h"
#include "semcom/Fixup/ValueConversion.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Analysis/OptimizationRemarkEmitter.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

#define DEBUG_TYPE "semcom-fix-declares"

namespace semcom {
namespace fixup {

namespace {

std::string typeString(Type *T) {
  std::string S;
  raw_string_ostream OS(S);
  T->print(OS);
  return S;
}

ExtendHint hintOf(AttributeSet AS) {
  if (AS.hasAttribute(Attribute::ZExt))
    return ExtendHint::Zero;
  if (AS.hasAttribute(Attribute::SExt))
    return ExtendHint::Sign;
  return ExtendHint::None;
}

/// Rebuilds every direct call of From as a call of To (To's type), converting
/// arguments and the result. Returns how many calls could not be rebuilt (they
/// keep calling From).
unsigned rewriteCalls(Function &From, Function &To, StringRef Why) {
  FunctionType *FT = To.getFunctionType();
  AttributeList Attrs = To.getAttributes();
  unsigned Left = 0;
  SmallVector<CallInst *, 8> Calls;
  for (User *U : From.users())
    if (auto *CI = dyn_cast<CallInst>(U))
      if (CI->getCalledOperand() == &From)
        Calls.push_back(CI);
  for (CallInst *CI : Calls) {
    OptimizationRemarkEmitter ORE(CI->getFunction());
    unsigned Need = FT->getNumParams();
    if (CI->arg_size() < Need) {
      ORE.emit(
          OptimizationRemarkMissed(DEBUG_TYPE, "MissingArgument", CI)
          << "call to @" << To.getName() << " passes " << utostr(CI->arg_size())
          << " argument(s) but the manifest's signature needs " << utostr(Need)
          << "; a missing argument cannot be invented, call left as written");
      ++Left;
      continue;
    }
    IRBuilder<> B(CI);
    SmallVector<Value *, 8> Args;
    bool Ok = true;
    SmallVector<Instruction *, 8> Made;
    for (unsigned I = 0; I < Need && Ok; ++I) {
      Value *V = convertValue(B, CI->getArgOperand(I), FT->getParamType(I),
                              hintOf(Attrs.getParamAttrs(I)));
      if (!V) {
        ORE.emit(OptimizationRemarkMissed(DEBUG_TYPE, "ArgumentType", CI)
                 << "argument " << utostr(I + 1) << " of @" << To.getName()
                 << " is " << typeString(CI->getArgOperand(I)->getType())
                 << ", the manifest says " << typeString(FT->getParamType(I))
                 << "; call left as written");
        Ok = false;
        break;
      }
      if (auto *NewI = dyn_cast<Instruction>(V);
          NewI && NewI != CI->getArgOperand(I))
        Made.push_back(NewI);
      Args.push_back(V);
    }
    if (!Ok) {
      for (Instruction *I : reverse(Made))
        I->eraseFromParent();
      ++Left;
      continue;
    }
    unsigned Dropped = 0;
    for (unsigned I = Need; I < CI->arg_size(); ++I) {
      if (FT->isVarArg())
        Args.push_back(CI->getArgOperand(I));
      else
        ++Dropped;
    }
    CallInst *New = B.CreateCall(FT, &To, Args);
    New->setCallingConv(To.getCallingConv());
    // zeroext/signext are part of the ABI: the call carries the callee's
    // parameter attributes.
    New->setAttributes(Attrs);
    New->setDebugLoc(CI->getDebugLoc());
    Type *OldTy = CI->getType(), *NewTy = FT->getReturnType();
    std::string ResultNote;
    if (!OldTy->isVoidTy() && !CI->use_empty()) {
      Value *R;
      if (NewTy->isVoidTy()) {
        R = Constant::getNullValue(OldTy);
        ResultNote = "; @" + To.getName().str() +
                     " returns void, uses of the result now see zero";
      } else {
        R = convertValue(B, New, OldTy, hintOf(Attrs.getRetAttrs()));
        if (!R) {
          R = PoisonValue::get(OldTy);
          ResultNote = "; the result type cannot be converted";
        }
      }
      CI->replaceAllUsesWith(R);
    }
    if (!OldTy->isVoidTy() && OldTy == NewTy)
      New->takeName(CI);
    std::string Msg;
    raw_string_ostream OS(Msg);
    OS << "call rewritten for @" << To.getName() << " (" << Why << ")";
    if (Dropped)
      OS << "; " << Dropped << " extra trailing argument(s) dropped";
    OS << ResultNote;
    ORE.emit(OptimizationRemark(DEBUG_TYPE, "CallRewritten", CI) << Msg);
    CI->eraseFromParent();
  }
  return Left;
}

} // namespace

PreservedAnalyses FixDeclaresPass::run(Module &M, ModuleAnalysisManager &AM) {
  const ManifestQuery &Q = *AM.getResult<ManifestAnalysis>(M).Query;
  LLVMContext &Ctx = M.getContext();
  bool Changed = false;
  auto Remark = [&](StringRef Name, Function *On, const Twine &Msg) {
    Ctx.diagnose(OptimizationRemark(DEBUG_TYPE, Name, On) << Msg.str());
  };

  SmallVector<Function *, 16> Decls;
  for (Function &F : M)
    if (F.isDeclaration() && !F.isIntrinsic() && !F.getName().empty())
      Decls.push_back(&F);

  // Known names with another type: the known declaration, and every call
  // rebuilt for it.
  auto FixType = [&](Function *F) {
    std::optional<KnownFunction> K = Q.lookup(F->getName());
    if (!K)
      return;
    std::optional<ParsedSignature> Sig = parseSignature(K->Signature, Ctx);
    if (!Sig) {
      Ctx.diagnose(OptimizationRemarkMissed(DEBUG_TYPE, "BadSignature", F)
                   << "the signature of @" << F->getName() << " in "
                   << K->Origin
                   << " does not parse on its own: " << K->Signature);
      return;
    }
    if (Sig->Type == F->getFunctionType())
      return;
    std::string OldType = typeString(F->getFunctionType());
    std::string Name = F->getName().str();
    F->setName(Name + ".semcom.old");
    Function *New = Function::Create(Sig->Type, F->getLinkage(), Name, M);
    New->setAttributes(Sig->Attrs);
    New->copyMetadata(F, 0);
    unsigned Left = rewriteCalls(*F, *New,
                                 "declared as " + OldType + ", " + K->Origin +
                                     " says " + K->Signature);
    // Calls left as written and non-call uses (a function pointer) now refer to
    // the new one.
    F->replaceAllUsesWith(New);
    F->eraseFromParent();
    Remark("DeclarationReplaced", New,
           "declaration of @" + Name + " replaced: " + OldType + " -> " +
               K->Signature + " (from " + K->Origin + ")" +
               (Left ? "; " + Twine(Left) + " call(s) left as written" : ""));
    Changed = true;
  };

  SmallVector<Function *, 16> Unknown;
  for (Function *F : Decls) {
    StringRef Name = F->getName();
    if (ArrayRef<std::string> Defs = Q.contradictions(Name); !Defs.empty()) {
      // Picking one would be a guess: the manifest has to be fixed first.
      Ctx.diagnose(SemcomDiagnostic(
          "semcom-fix-declares: the manifest disagrees with itself about @" +
              Name + " (" + join(Defs, "; ") +
              "); its declaration is left as written",
          DS_Error));
      continue;
    }
    if (Q.lookup(Name))
      FixType(F);
    else if (!Q.isShim(Name) && Name != "syscall")
      Unknown.push_back(F);
  }

  // Misspelled names: rename to the close match, or call the (now fixed)
  // function already there.
  for (Function *F : Unknown) {
    std::optional<std::pair<std::string, double>> S =
        Q.findSimilar(F->getName(), FuzzyThreshold);
    if (!S)
      continue;
    std::string Original = F->getName().str();
    std::string Msg = "fuzzy match replaced: " + Original + " -> " + S->first +
                      " (similarity " + formatv("{0:F2}", S->second).str() +
                      ")";
    if (Function *Existing = M.getFunction(S->first)) {
      Remark("FuzzyMatch", Existing, Msg);
      rewriteCalls(*F, *Existing, "fuzzy match for @" + Original);
      F->replaceAllUsesWith(Existing);
      F->eraseFromParent();
    } else {
      F->setName(S->first);
      Remark("FuzzyMatch", F, Msg);
      FixType(F);
    }
    Changed = true;
  }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace fixup
} // namespace semcom
