//===- ContractTest.cpp - the runtime IR defines what the contract promises
//-===//
//
// The fixup passes correct generated declares from the contract's signatures
// (semcom_fixup's RuntimeAPI table); if the runtime IR drifted from it,
// "corrected" code would call the wrong thing. So every contract function must
// be defined by the runtime with exactly that type, on every target, and both
// targets must define the same sys_* wrappers.
//
//===----------------------------------------------------------------------===//
#include "semcom/Fixup/RuntimeAPI.h"

#include <catch2/catch.hpp>

#include "llvm/AsmParser/Parser.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

using namespace llvm;

namespace {

/// Every function defined by runtime/*.ll plus runtime/arch/<Arch>/*.ll, by
/// name.
std::map<std::string, FunctionType *>
runtimeDefinitions(LLVMContext &Ctx, StringRef Arch,
                   std::vector<std::unique_ptr<Module>> &Keep) {
  std::map<std::string, FunctionType *> Defined;
  std::string Root = std::string(SEMCOM_SOURCE_DIR) + "/runtime";
  for (std::string Dir : {Root, Root + "/arch/" + Arch.str()}) {
    std::error_code EC;
    for (sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
         It.increment(EC)) {
      if (!StringRef(It->path()).ends_with(".ll"))
        continue;
      SMDiagnostic Diag;
      std::unique_ptr<Module> M = parseAssemblyFile(It->path(), Diag, Ctx);
      if (!M) {
        std::string Message;
        raw_string_ostream OS(Message);
        Diag.print("runtime", OS);
        FAIL(OS.str());
      }
      for (Function &F : *M)
        if (!F.isDeclaration() && !F.hasLocalLinkage()) {
          INFO(F.getName().str() << " is defined twice");
          REQUIRE(Defined.count(F.getName().str()) == 0);
          Defined[F.getName().str()] = F.getFunctionType();
        }
      Keep.push_back(std::move(M));
    }
    REQUIRE_FALSE(EC);
  }
  return Defined;
}

FunctionType *contractType(const semcom::fixup::RuntimeFunction &RF,
                           LLVMContext &Ctx,
                           std::vector<std::unique_ptr<Module>> &Keep) {
  SMDiagnostic Diag;
  std::unique_ptr<Module> M =
      parseAssemblyString(("declare " + RF.Signature).str(), Diag, Ctx);
  REQUIRE(M);
  FunctionType *T = M->getFunction(RF.Name)->getFunctionType();
  Keep.push_back(std::move(M));
  return T;
}

} // namespace

TEST_CASE("the runtime defines every contract function with its exact type",
          "[runtime][contract]") {
  for (StringRef Arch : {"x86_64", "aarch64"}) {
    LLVMContext Ctx;
    std::vector<std::unique_ptr<Module>> Keep;
    std::map<std::string, FunctionType *> Defined =
        runtimeDefinitions(Ctx, Arch, Keep);
    for (const semcom::fixup::RuntimeFunction &RF :
         semcom::fixup::runtimeFunctions()) {
      if (RF.Name == "semcom_main")
        continue; // the program's entry, not the runtime's
      INFO(Arch.str() << ": " << RF.Signature.str());
      auto It = Defined.find(RF.Name.str());
      REQUIRE(It != Defined.end());
      CHECK(It->second ==
            contractType(RF, Ctx, Keep)); // types are uniqued per context
    }
  }
}

TEST_CASE("both targets define the same sys_* wrappers with the same types",
          "[runtime][contract]") {
  LLVMContext Ctx;
  std::vector<std::unique_ptr<Module>> Keep;
  std::map<std::string, FunctionType *> X86 =
      runtimeDefinitions(Ctx, "x86_64", Keep);
  std::map<std::string, FunctionType *> Arm =
      runtimeDefinitions(Ctx, "aarch64", Keep);
  for (const auto &[Name, Type] : X86) {
    INFO(Name);
    auto It = Arm.find(Name);
    REQUIRE(It != Arm.end());
    CHECK(It->second == Type);
  }
  CHECK(X86.size() == Arm.size());
  CHECK(X86.count("_start") == 1);
  CHECK(X86.count("semcom_start") == 1);
}
