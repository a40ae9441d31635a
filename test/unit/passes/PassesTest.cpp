//===- PassesTest.cpp - the fixup passes on modules built in the test -===//
//
// The lit tests run the passes through opt; these run them in-process the way
// semcom-fix and the orchestrator do, with a configuration given directly.
//
//===----------------------------------------------------------------------===//
#include "semcom/Fixup/ManifestQuery.h"
#include "semcom/Fixup/SemcomPasses.h"
#include "semcom/Fixup/SyscallTable.h"

#include "llvm/AsmParser/Parser.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <catch2/catch.hpp>

using namespace semcom::fixup;
using namespace llvm;

namespace {
std::string runFixup(StringRef IR, std::string Triple = "") {
  LLVMContext Ctx;
  SMDiagnostic Err;
  std::unique_ptr<Module> M = parseAssemblyString(IR, Err, Ctx);
  REQUIRE(M);
  FixupConfig C;
  C.TargetTriple = Triple;
  C.Query = cantFail(ManifestQuery::getShared(""));
  PassBuilder PB;
  registerSemcomPasses(PB, C);
  LoopAnalysisManager LAM;
  FunctionAnalysisManager FAM;
  CGSCCAnalysisManager CGAM;
  ModuleAnalysisManager MAM;
  PB.registerModuleAnalyses(MAM);
  PB.registerCGSCCAnalyses(CGAM);
  PB.registerFunctionAnalyses(FAM);
  PB.registerLoopAnalyses(LAM);
  PB.crossRegisterProxies(LAM, FAM, CGAM, MAM);
  ModulePassManager MPM;
  REQUIRE_FALSE(bool(PB.parsePassPipeline(MPM, "semcom-fixup")));
  MPM.run(*M, MAM);
  std::string S;
  raw_string_ostream OS(S);
  M->print(OS, nullptr);
  return S;
}
} // namespace

TEST_CASE("syscall numbers differ by target", "[syscalls]") {
  CHECK(lookupSyscall(SyscallArch::X86_64, 9)->Wrapper == "sys_mmap");
  CHECK(lookupSyscall(SyscallArch::AArch64, 222)->Wrapper == "sys_mmap");
  CHECK_FALSE(lookupSyscall(SyscallArch::AArch64, 2)); // aarch64 has no open
  CHECK(lookupSyscall(SyscallArch::AArch64, 64)->Wrapper == "sys_write");
  CHECK(syscallArchOf("aarch64-unknown-linux-gnu") == SyscallArch::AArch64);
  CHECK_FALSE(syscallArchOf("riscv64-unknown-linux-gnu"));
}

TEST_CASE("the pipeline in-process: the triple option picks the table",
          "[pipeline]") {
  const char *IR =
      "declare i64 @syscall(i64, ...)\n"
      "define void @f(ptr %p) {\n"
      "  %r = call i64 (i64, ...) @syscall(i64 64, i64 1, ptr %p, i64 2)\n"
      "  ret void\n}\n";
  CHECK(runFixup(IR, "aarch64-linux-gnu")
            .find("call i64 @sys_write(i64 1, ptr %p, i64 2)") !=
        std::string::npos);
  // 64 on x86_64 is semget: not wrapped, left alone.
  CHECK(runFixup(IR, "x86_64-linux-gnu").find("@syscall(i64 64") !=
        std::string::npos);
}

TEST_CASE("name similarity folds case and underscores and forgives a swap",
          "[manifest]") {
  CHECK(nameSimilarity("dsPush", "ds_push") == 1.0);
  CHECK(nameSimilarity("ds_psuh", "ds_push") > 0.8);
  CHECK(nameSimilarity("print_int", "print_str") < 0.8);
  ManifestQuery Q;
  auto S = Q.findSimilar("sys_wrte", 0.8);
  REQUIRE(S);
  CHECK(S->first == "sys_write");
  CHECK_FALSE(Q.findSimilar("tokenize", 0.8));
}

TEST_CASE("a manifest file is loaded once per process", "[manifest]") {
  SmallString<128> Path;
  int FD;
  REQUIRE_FALSE(sys::fs::createTemporaryFile("semcom-manifest", "txt", FD, Path));
  {
    raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << "ds_push|forth_stack.ll|public|5|void @ds_push(i64 %val)\n";
  }
  auto A = ManifestQuery::getShared(Path);
  REQUIRE(bool(A));
  // Changing the file does not reload it: every pass of every module sees one manifest.
  {
    std::error_code EC;
    raw_fd_ostream OS(Path, EC);
    OS << "garbage without fields\n";
  }
  auto B = ManifestQuery::getShared(Path);
  REQUIRE(bool(B));
  CHECK(A->get() == B->get());
  REQUIRE((*B)->lookup("ds_push"));
  CHECK((*B)->lookup("ds_push")->Signature == "void @ds_push(i64 %val)");
  sys::fs::remove(Path);
}
