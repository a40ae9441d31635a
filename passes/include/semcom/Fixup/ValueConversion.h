//===- ValueConversion.h - convert a value to the type a callee expects -===//
//
// FixDeclares and FixSyscalls both rewrite calls whose argument types disagree
// with the callee they now call; they convert values the same way, so the rules
// live in one place.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_FIXUP_VALUECONVERSION_H
#define SEMCOM_FIXUP_VALUECONVERSION_H

namespace llvm {
class IRBuilderBase;
class Type;
class Value;
} // namespace llvm

namespace semcom {
namespace fixup {

/// How to widen an integer: from the callee's `zeroext`/`signext`, or by the
/// value's own sense.
enum class ExtendHint { None, Zero, Sign };

/// V as type To, or nullptr when no lossless-in-spirit conversion exists (float
/// vs int, structs). Integers widen by Hint (None: i1 and non-negative
/// constants zero-extend, others sign-extend) and narrow by `trunc`, except to
/// i1, which is `icmp ne 0` so that 2 stays true; pointers and integers convert
/// with `ptrtoint`/`inttoptr`.
llvm::Value *convertValue(llvm::IRBuilderBase &B, llvm::Value *V,
                          llvm::Type *To, ExtendHint Hint = ExtendHint::None);

/// Whether convertValue would succeed, without building anything.
bool isConvertible(llvm::Type *From, llvm::Type *To);

} // namespace fixup
} // namespace semcom

#endif
