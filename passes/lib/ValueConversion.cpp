//===- ValueConversion.cpp - convert a value to the type a callee expects -===//
//
// The choices here decide whether a rewritten call means what the model meant,
// so they are conservative: anything that is not an integer/pointer change is
// refused.
//
//===----------------------------------------------------------------------===//
#include "semcom/Fixup/ValueConversion.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/IRBuilder.h"

using namespace llvm;

namespace semcom {
namespace fixup {

bool isConvertible(Type *From, Type *To) {
  if (From == To)
    return true;
  bool FI = From->isIntegerTy(), TI = To->isIntegerTy();
  bool FP = From->isPointerTy(), TP = To->isPointerTy();
  if (FP && TP)
    return From->getPointerAddressSpace() == To->getPointerAddressSpace();
  return (FI || FP) && (TI || TP);
}

Value *convertValue(IRBuilderBase &B, Value *V, Type *To, ExtendHint Hint) {
  Type *From = V->getType();
  if (From == To)
    return V;
  if (!isConvertible(From, To))
    return nullptr;
  if (From->isPointerTy() && To->isPointerTy())
    return B.CreateAddrSpaceCast(V, To);
  if (From->isPointerTy())
    return To->isIntegerTy(1) ? B.CreateIsNotNull(V) : B.CreatePtrToInt(V, To);
  if (To->isPointerTy())
    return B.CreateIntToPtr(V, To);
  unsigned FW = From->getIntegerBitWidth(), TW = To->getIntegerBitWidth();
  if (TW == 1)
    return B.CreateICmpNE(V, ConstantInt::get(From, 0));
  if (TW < FW)
    return B.CreateTrunc(V, To);
  bool Zero = Hint == ExtendHint::Zero || FW == 1;
  if (Hint == ExtendHint::None && FW != 1)
    if (auto *C = dyn_cast<ConstantInt>(V))
      Zero = !C->isNegative();
  return Zero ? B.CreateZExt(V, To) : B.CreateSExt(V, To);
}

} // namespace fixup
} // namespace semcom
