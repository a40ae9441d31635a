//===- FixSyscalls.cpp - raw syscall numbers to the runtime's sys_* wrappers
//-===//
//
// The seed system's pass only knew `@syscall(i64 N, …)` and missed a module
// whose model had written its own inline-asm helper; here every pattern is
// reduced to one shape (a number and the argument values) before the rewrite,
// so each new pattern is one matcher.
//
//===----------------------------------------------------------------------===//
#include "semcom/Fixup/FixSyscalls.h"
#include "semcom/Fixup/ManifestQuery.h"
#include "semcom/Fixup/SyscallTable.h"
#include "semcom/Fixup/ValueConversion.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Analysis/OptimizationRemarkEmitter.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InlineAsm.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"

#include <optional>

using namespace llvm;

#define DEBUG_TYPE "semcom-fix-syscalls"

namespace semcom {
namespace fixup {

namespace {

/// A raw syscall reduced to its parts: the number and the argument values in
/// kernel order.
struct RawSyscall {
  Value *Number = nullptr;
  SmallVector<Value *, 6> Args;
  std::optional<SyscallArch>
      Arch; ///< what the instruction itself implies (asm), if anything
};

/// The syscall-argument slot a register carries: -1 the number, 0..5 the
/// arguments.
std::optional<int> registerSlot(StringRef Reg, SyscallArch Arch) {
  if (Arch == SyscallArch::X86_64) {
    static const char *Regs[][2] = {
        {"rax", "eax"},  {"rdi", "edi"}, {"rsi", "esi"}, {"rdx", "edx"},
        {"r10", "r10d"}, {"r8", "r8d"},  {"r9", "r9d"}};
    for (int I = 0; I < 7; ++I)
      if (Reg == Regs[I][0] || Reg == Regs[I][1])
        return I - 1;
    return std::nullopt;
  }
  if (Reg == "x8" || Reg == "w8")
    return -1;
  for (int I = 0; I < 6; ++I)
    if (Reg == ("x" + Twine(I)).str() || Reg == ("w" + Twine(I)).str())
      return I;
  return std::nullopt;
}

/// Parses an immediate: 60, 0x3c, #60, $60 ($ is written $$ in IR asm strings).
std::optional<uint64_t> parseImmediate(StringRef S) {
  S = S.trim();
  while (S.consume_front("$") || S.consume_front("#"))
    ;
  uint64_t V;
  if (S.starts_with_insensitive("0x")) {
    if (S.drop_front(2).getAsInteger(16, V))
      return std::nullopt;
    return V;
  }
  if (S.getAsInteger(10, V))
    return std::nullopt;
  return V;
}

/// The instructions of an asm string, lower case, one per entry.
SmallVector<std::string, 4> asmInstructions(StringRef Asm) {
  std::string Norm;
  for (char C : Asm)
    Norm += (C == '\n' || C == ';' || C == '\t') ? '\n' : toLower(C);
  SmallVector<StringRef, 4> Parts;
  StringRef(Norm).split(Parts, '\n', -1, false);
  SmallVector<std::string, 4> Out;
  for (StringRef P : Parts)
    if (!P.trim().empty())
      Out.push_back(P.trim().str());
  return Out;
}

/// Recognises the asm of a raw syscall: `syscall` or `svc 0`, optionally
/// preceded by a move of an immediate into the number register. Sets Arch and,
/// if present, the immediate.
bool matchSyscallAsmString(StringRef Asm, SyscallArch &Arch,
                           std::optional<uint64_t> &Imm) {
  SmallVector<std::string, 4> Insts = asmInstructions(Asm);
  if (Insts.empty())
    return false;
  StringRef Last = Insts.back();
  if (Last == "syscall")
    Arch = SyscallArch::X86_64;
  else if (Last == "svc 0" || Last == "svc #0" || Last == "svc #0x0" ||
           Last == "svc 0x0")
    Arch = SyscallArch::AArch64;
  else
    return false;
  if (Insts.size() == 1)
    return true;
  if (Insts.size() != 2)
    return false;
  // mov $60, %rax | movq $$60, %rax | mov rax, 60 | mov x8, #93 | mov w8, 93
  StringRef Mov = Insts[0];
  StringRef Op = Mov.take_until([](char C) { return C == ' '; });
  if (!(Op == "mov" || Op == "movq" || Op == "movl"))
    return false;
  auto [A, B] = Mov.drop_front(Op.size()).split(',');
  A = A.trim();
  B = B.trim();
  auto IsNumReg = [&](StringRef R) {
    R.consume_front("%");
    std::optional<int> Slot = registerSlot(R, Arch);
    return Slot && *Slot == -1;
  };
  if (IsNumReg(B) && A.starts_with("$")) // AT&T: source first
    Imm = parseImmediate(A);
  else if (IsNumReg(A)) // Intel and AArch64: destination first
    Imm = parseImmediate(B);
  return Imm.has_value();
}

/// Reduces an inline-asm call to a RawSyscall, if it is one.
std::optional<RawSyscall> matchAsmSyscall(CallBase &CB, const InlineAsm &IA) {
  SyscallArch Arch = SyscallArch::X86_64;
  std::optional<uint64_t> Imm;
  if (!matchSyscallAsmString(IA.getAsmString(), Arch, Imm))
    return std::nullopt;
  if (CB.getType()->isStructTy())
    return std::nullopt;
  InlineAsm::ConstraintInfoVector Cs = IA.ParseConstraints();
  SmallVector<std::string, 2> OutputRegs;
  RawSyscall R;
  R.Arch = Arch;
  SmallVector<Value *, 6> Slots(6, nullptr);
  unsigned Operand = 0;
  auto RegOf = [](const InlineAsm::ConstraintInfo &C) -> std::string {
    for (const std::string &Code : C.Codes)
      if (Code.size() > 2 && Code.front() == '{' && Code.back() == '}')
        return Code.substr(1, Code.size() - 2);
    return "";
  };
  for (const InlineAsm::ConstraintInfo &C : Cs) {
    if (C.Type == InlineAsm::isClobber || C.Type == InlineAsm::isLabel)
      continue;
    if (C.Type == InlineAsm::isOutput) {
      if (C.isIndirect)
        return std::nullopt;
      OutputRegs.push_back(RegOf(C));
      continue;
    }
    if (Operand >= CB.arg_size())
      return std::nullopt;
    Value *V = CB.getArgOperand(Operand++);
    std::string Reg = RegOf(C);
    if (Reg.empty() && !C.Codes.empty() && !C.Codes[0].empty() &&
        all_of(C.Codes[0], isDigit)) {
      unsigned Tied = std::stoul(C.Codes[0]);
      if (Tied < OutputRegs.size())
        Reg = OutputRegs[Tied];
    }
    std::optional<int> Slot = registerSlot(Reg, Arch);
    if (!Slot)
      return std::nullopt; // an operand we cannot place: not the plain syscall
                           // shape
    if (*Slot == -1)
      R.Number = V;
    else
      Slots[*Slot] = V;
  }
  if (Imm) {
    if (R.Number)
      return std::nullopt;
    R.Number = ConstantInt::get(Type::getInt64Ty(CB.getContext()), *Imm);
  }
  if (!R.Number)
    return std::nullopt;
  // Arguments are the contiguous prefix of set registers; a gap means a shape
  // we do not know.
  unsigned N = 0;
  while (N < 6 && Slots[N])
    ++N;
  for (unsigned I = N; I < 6; ++I)
    if (Slots[I])
      return std::nullopt;
  R.Args.assign(Slots.begin(), Slots.begin() + N);
  return R;
}

bool isSyscallFunction(const Function *F) {
  return F && F->getName() == "syscall";
}

/// Reduces a call to `@syscall` or inline asm to a RawSyscall.
std::optional<RawSyscall> matchRawSyscall(CallBase &CB) {
  if (auto *IA = dyn_cast<InlineAsm>(CB.getCalledOperand()))
    return matchAsmSyscall(CB, *IA);
  if (isSyscallFunction(CB.getCalledFunction()) && CB.arg_size() >= 1) {
    RawSyscall R;
    R.Number = CB.getArgOperand(0);
    for (unsigned I = 1; I < CB.arg_size(); ++I)
      R.Args.push_back(CB.getArgOperand(I));
    return R;
  }
  return std::nullopt;
}

Value *stripIntCasts(Value *V) {
  while (auto *C = dyn_cast<CastInst>(V))
    V = C->getOperand(0);
  return V;
}

/// A module-local function whose body is one raw syscall on its own arguments:
/// `define i64 @my_syscall3(i64 %n, i64 %a, i64 %b, i64 %c)`. Each syscall slot
/// is a parameter index or a constant.
struct LocalWrapper {
  unsigned NumberParam;
  SmallVector<std::pair<int, Constant *>, 6>
      Args; ///< (param index or -1, constant)
  std::optional<SyscallArch> Arch;
};

std::optional<LocalWrapper> matchLocalWrapper(Function &F) {
  if (F.isDeclaration() || F.size() != 1 || F.getName().starts_with("sys_"))
    return std::nullopt;
  CallBase *Raw = nullptr;
  std::optional<RawSyscall> R;
  for (Instruction &I : F.getEntryBlock()) {
    if (auto *CB = dyn_cast<CallBase>(&I)) {
      if (Raw)
        return std::nullopt;
      R = matchRawSyscall(*CB);
      if (!R)
        return std::nullopt;
      Raw = CB;
      continue;
    }
    if (isa<CastInst>(I) || isa<ReturnInst>(I))
      continue;
    return std::nullopt;
  }
  if (!Raw)
    return std::nullopt;
  auto *NumberArg = dyn_cast<Argument>(stripIntCasts(R->Number));
  if (!NumberArg)
    return std::nullopt;
  LocalWrapper W{NumberArg->getArgNo(), {}, R->Arch};
  for (Value *V : R->Args) {
    Value *S = stripIntCasts(V);
    if (auto *A = dyn_cast<Argument>(S))
      W.Args.push_back({int(A->getArgNo()), nullptr});
    else if (auto *C = dyn_cast<Constant>(V))
      W.Args.push_back({-1, C});
    else
      return std::nullopt;
  }
  return W;
}

class SyscallRewriter {
public:
  SyscallRewriter(Module &M, const ManifestQuery &Q,
                  std::optional<SyscallArch> ModuleArch)
      : M(M), Q(Q), ModuleArch(ModuleArch) {}

  /// Replaces CB, a raw syscall, by a call to the wrapper its number means.
  /// True if it did.
  bool rewrite(CallBase &CB, const RawSyscall &R, StringRef Pattern) {
    OptimizationRemarkEmitter ORE(CB.getFunction());
    // Inline asm says which numbering it uses (`syscall` is x86_64, `svc 0` aarch64), even in a
    // module for the other target; @syscall has only the module's target to go by.
    std::optional<SyscallArch> Arch = R.Arch ? R.Arch : ModuleArch;
    auto *Num = dyn_cast<ConstantInt>(R.Number);
    if (!Num) {
      ORE.emit(OptimizationRemarkMissed(DEBUG_TYPE, "NonConstantNumber", &CB)
               << "syscall number is not a constant (" << Pattern
               << "); left alone");
      return false;
    }
    if (!Arch) {
      ORE.emit(
          OptimizationRemarkMissed(DEBUG_TYPE, "NoTarget", &CB)
          << "syscall " << itostr(Num->getSExtValue())
          << " left alone: the module has no x86_64 or aarch64 target triple");
      return false;
    }
    std::optional<SyscallInfo> Info = lookupSyscall(*Arch, Num->getZExtValue());
    if (!Info) {
      ORE.emit(OptimizationRemarkMissed(DEBUG_TYPE, "UnknownNumber", &CB)
               << "syscall " << itostr(Num->getSExtValue()) << " on "
               << archName(*Arch) << " has no runtime wrapper; left alone");
      return false;
    }
    std::optional<ParsedSignature> Sig = signatureOf(Info->Wrapper);
    if (!Sig) {
      ORE.emit(OptimizationRemarkMissed(DEBUG_TYPE, "NoSignature", &CB)
               << "no usable signature for " << Info->Wrapper
               << "; syscall left alone");
      return false;
    }
    FunctionType *FT = Sig->Type;
    SmallVector<Value *, 6> Args(R.Args.begin(), R.Args.end());
    unsigned Need = FT->getNumParams();
    if (Args.size() < Need) {
      if (Need - Args.size() > Info->OptionalTail) {
        ORE.emit(OptimizationRemarkMissed(DEBUG_TYPE, "MissingArguments", &CB)
                 << "syscall " << Info->Name << " passes "
                 << utostr(Args.size()) << " argument(s), " << Info->Wrapper
                 << " needs " << utostr(Need) << "; left alone");
        return false;
      }
      while (Args.size() < Need)
        Args.push_back(Constant::getNullValue(FT->getParamType(Args.size())));
    }
    Args.resize(Need); // the kernel ignores registers it does not read
    IRBuilder<> B(&CB);
    for (unsigned I = 0; I < Need; ++I) {
      Value *V = convertValue(B, Args[I], FT->getParamType(I));
      if (!V) {
        ORE.emit(OptimizationRemarkMissed(DEBUG_TYPE, "ArgumentType", &CB)
                 << "argument " << utostr(I + 1) << " of syscall " << Info->Name
                 << " cannot become the wrapper's parameter type; left alone");
        return false;
      }
      Args[I] = V;
    }
    FunctionCallee Callee =
        M.getOrInsertFunction(Info->Wrapper, FT, Sig->Attrs);
    CallInst *New = B.CreateCall(Callee, Args);
    if (!CB.getType()->isVoidTy() && !CB.use_empty()) {
      Value *Result;
      if (FT->getReturnType()->isVoidTy())
        Result = Constant::getNullValue(CB.getType());
      else
        Result = convertValue(B, New, CB.getType());
      if (!Result)
        Result = PoisonValue::get(CB.getType());
      CB.replaceAllUsesWith(Result);
    }
    if (!CB.getType()->isVoidTy() && FT->getReturnType() == CB.getType())
      New->takeName(&CB);
    ORE.emit(OptimizationRemark(DEBUG_TYPE, "Rewritten", &CB)
             << "syscall " << itostr(Num->getSExtValue()) << " (" << Info->Name
             << ", " << archName(*Arch) << ", " << Pattern << ") now calls @"
             << Info->Wrapper);
    CB.eraseFromParent();
    return true;
  }

private:
  std::optional<ParsedSignature> signatureOf(StringRef Wrapper) {
    auto It = Cache.find(Wrapper);
    if (It != Cache.end())
      return It->second;
    std::optional<ParsedSignature> P;
    if (std::optional<KnownFunction> K = Q.lookup(Wrapper))
      P = parseSignature(K->Signature, M.getContext());
    Cache[Wrapper] = P;
    return P;
  }

  Module &M;
  const ManifestQuery &Q;
  std::optional<SyscallArch> ModuleArch;
  StringMap<std::optional<ParsedSignature>> Cache;
};

} // namespace

PreservedAnalyses FixSyscallsPass::run(Module &M, ModuleAnalysisManager &AM) {
  const ManifestQuery &Q = *AM.getResult<ManifestAnalysis>(M).Query;
  std::optional<SyscallArch> Arch = syscallArchOf(M.getTargetTriple());
  if (!Arch && M.getTargetTriple().empty())
    Arch = syscallArchOf(TargetTriple);

  DenseMap<Function *, LocalWrapper> Wrappers;
  for (Function &F : M)
    if (std::optional<LocalWrapper> W = matchLocalWrapper(F))
      Wrappers.try_emplace(&F, std::move(*W));

  // Collect first: rewriting erases calls.
  struct Site {
    CallBase *CB;
    RawSyscall R;
    const char *Pattern;
  };
  std::vector<Site> Sites;
  for (Function &F : M) {
    // The runtime's own wrappers and the model's wrappers keep their raw
    // syscalls.
    if (F.isDeclaration() || F.getName().starts_with("sys_") ||
        Wrappers.count(&F))
      continue;
    for (BasicBlock &BB : F)
      for (Instruction &I : BB) {
        auto *CB = dyn_cast<CallInst>(&I);
        if (!CB)
          continue;
        if (std::optional<RawSyscall> R = matchRawSyscall(*CB)) {
          const char *Pattern =
              isa<InlineAsm>(CB->getCalledOperand())
                  ? "inline asm"
                  : (CB->getFunctionType()->isVarArg() ? "variadic @syscall"
                                                       : "@syscall");
          Sites.push_back({CB, std::move(*R), Pattern});
          continue;
        }
        Function *Callee = CB->getCalledFunction();
        auto W = Callee ? Wrappers.find(Callee) : Wrappers.end();
        if (W == Wrappers.end() || W->second.NumberParam >= CB->arg_size())
          continue;
        RawSyscall R;
        R.Arch = W->second.Arch;
        R.Number = CB->getArgOperand(W->second.NumberParam);
        bool Ok = true;
        for (auto [Param, C] : W->second.Args) {
          if (Param >= 0 && unsigned(Param) >= CB->arg_size()) {
            Ok = false;
            break;
          }
          R.Args.push_back(Param >= 0 ? CB->getArgOperand(Param) : C);
        }
        if (Ok)
          Sites.push_back({CB, std::move(R), "module-local wrapper"});
      }
  }

  SyscallRewriter Rewriter(M, Q, Arch);
  bool Changed = false;
  for (Site &S : Sites)
    Changed |= Rewriter.rewrite(*S.CB, S.R, S.Pattern);
  // A `declare @syscall` nothing calls any more would only be reported as
  // unknown.
  if (Function *Raw = M.getFunction("syscall"))
    if (Changed && Raw->isDeclaration() && Raw->use_empty())
      Raw->eraseFromParent();
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace fixup
} // namespace semcom
