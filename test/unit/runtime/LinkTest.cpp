//===- LinkTest.cpp - semcom_link: targets, runtime lookup, compile, link
//---===//
//
// The library API end to end: IR built in memory is compiled for both targets,
// linked with the runtime archive of this build, and the program is run to
// check what it does.
//
//===----------------------------------------------------------------------===//
#include "semcom/Link/Link.h"

#include <catch2/catch.hpp>

#include "llvm/AsmParser/Parser.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/SourceMgr.h"

#include <optional>
#include <string>

using namespace llvm;
using namespace semcom::link;

namespace {

const char *const ExitWith42 = R"IR(
@msg = private unnamed_addr constant [8 x i8] c"linked\0A\00"
declare i64 @print_str(ptr)
define i64 @semcom_main(i64 %argc, ptr %argv) {
  %r = call i64 @print_str(ptr @msg)
  ret i64 42
}
)IR";

std::unique_ptr<Module> parse(const char *Text, LLVMContext &Ctx) {
  SMDiagnostic Diag;
  std::unique_ptr<Module> M = parseAssemblyString(Text, Diag, Ctx);
  REQUIRE(M);
  return M;
}

std::string buildDir() { return SEMCOM_BINARY_DIR; }

std::string scratchPath(StringRef Name) {
  SmallString<128> P;
  REQUIRE_FALSE(sys::fs::createUniqueDirectory("semcom-link-test", P));
  sys::path::append(P, Name);
  return std::string(P);
}

/// Runs Program (under qemu for aarch64 if the host is not aarch64); returns
/// exit code and stdout.
std::pair<int, std::string> run(const std::string &Program, Arch A) {
  std::vector<StringRef> Argv;
  std::string Exe = Program;
  if (A != hostArch()) {
    ErrorOr<std::string> Qemu = sys::findProgramByName("qemu-aarch64-static");
    if (!Qemu)
      return {-100, "qemu-aarch64-static not found"};
    Exe = *Qemu;
    Argv.push_back(Exe);
  }
  Argv.push_back(Program);
  SmallString<128> Out;
  sys::fs::createTemporaryFile("semcom-link-test", "out", Out);
  std::optional<StringRef> Redirects[] = {std::nullopt, StringRef(Out),
                                          std::nullopt};
  int RC = sys::ExecuteAndWait(Exe, Argv, std::nullopt, Redirects, 60);
  auto Buf = MemoryBuffer::getFile(Out);
  std::string Text = Buf ? (*Buf)->getBuffer().str() : "";
  sys::fs::remove(Out);
  return {RC, Text};
}

} // namespace

TEST_CASE("parseArch accepts names and triples", "[link]") {
  CHECK(*parseArch("x86_64") == Arch::X86_64);
  CHECK(*parseArch("x86_64-unknown-linux-gnu") == Arch::X86_64);
  CHECK(*parseArch("amd64") == Arch::X86_64);
  CHECK(*parseArch("aarch64") == Arch::AArch64);
  CHECK(*parseArch("arm64") == Arch::AArch64);
  Expected<Arch> Bad = parseArch("riscv64");
  REQUIRE_FALSE(bool(Bad));
  CHECK(toString(Bad.takeError()).find("unknown target 'riscv64'") !=
        std::string::npos);
  CHECK(targetTriple(Arch::AArch64) == "aarch64-unknown-linux-gnu");
  CHECK(runtimeArchiveName(Arch::X86_64) == "libsemcom_rt_x86_64.a");
}

TEST_CASE(
    "findRuntimeArchive looks beside the executable and honours overrides",
    "[link]") {
  std::string FakeExe = buildDir() + "/bin/semcom";
  for (Arch A : {Arch::X86_64, Arch::AArch64}) {
    Expected<std::string> P = findRuntimeArchive(A, "", FakeExe);
    REQUIRE(bool(P));
    CHECK(*P == buildDir() + "/lib/" + runtimeArchiveName(A));
  }
  Expected<std::string> Explicit =
      findRuntimeArchive(Arch::X86_64, buildDir() + "/lib");
  REQUIRE(bool(Explicit));
  Expected<std::string> Missing =
      findRuntimeArchive(Arch::X86_64, "/nonexistent");
  REQUIRE_FALSE(bool(Missing));
  CHECK(toString(Missing.takeError()).find("/nonexistent") !=
        std::string::npos);
  Expected<std::string> Nowhere =
      findRuntimeArchive(Arch::X86_64, "", "/nonexistent/bin/semcom");
  REQUIRE_FALSE(bool(Nowhere));
  CHECK(toString(Nowhere.takeError()).find("--runtime") != std::string::npos);
}

TEST_CASE("compileModule emits an ELF object for each target", "[link]") {
  for (Arch A : {Arch::X86_64, Arch::AArch64}) {
    LLVMContext Ctx;
    std::unique_ptr<Module> M = parse(ExitWith42, Ctx);
    Expected<SmallVector<char, 0>> Obj = compileModule(*M, {A, 2});
    REQUIRE(bool(Obj));
    REQUIRE(Obj->size() > 64);
    CHECK(StringRef(Obj->data(), 4) == "\x7f"
                                       "ELF");
    uint16_t Machine = uint8_t((*Obj)[18]) | (uint8_t((*Obj)[19]) << 8);
    CHECK(Machine == (A == Arch::X86_64 ? 62 : 183)); // EM_X86_64, EM_AARCH64
    CHECK(M->getTargetTriple() == targetTriple(A));
  }
}

TEST_CASE("compileModule rejects invalid IR and bad inline asm as input errors",
          "[link]") {
  LLVMContext Ctx;
  std::unique_ptr<Module> M = parse(R"IR(
define i64 @f() {
  call void asm sideeffect "not_an_instruction", ""()
  ret i64 0
}
)IR",
                                    Ctx);
  Expected<SmallVector<char, 0>> Obj = compileModule(*M, {Arch::X86_64, 0});
  REQUIRE_FALSE(bool(Obj));
  bool IsInputError = false;
  handleAllErrors(Obj.takeError(), [&](const InputError &E) {
    IsInputError = true;
    CHECK(E.message().find("not_an_instruction") != std::string::npos);
  });
  CHECK(IsInputError);
}

TEST_CASE("compiled IR links with the runtime and runs on both targets",
          "[link]") {
  for (Arch A : {Arch::X86_64, Arch::AArch64}) {
    LLVMContext Ctx;
    std::unique_ptr<Module> M = parse(ExitWith42, Ctx);
    Expected<SmallVector<char, 0>> Obj = compileModule(*M, {A, 2});
    REQUIRE(bool(Obj));
    std::string Out = scratchPath("prog");
    LinkOptions LO;
    LO.Target = A;
    LO.OutputPath = Out;
    LO.RuntimeArchive = buildDir() + "/lib/" + runtimeArchiveName(A);
    LO.Strip = true;
    std::vector<LinkInput> Inputs;
    Inputs.push_back(LinkInput::memory("prog.ll", std::move(*Obj)));
    Error E = linkExecutable(Inputs, LO);
    INFO(toString(std::move(E)));
    REQUIRE(sys::fs::exists(Out));
    std::pair<int, std::string> R = run(Out, A);
    CHECK(R.first == 42);
    CHECK(R.second == "linked\n");
    sys::fs::remove_directories(sys::path::parent_path(Out));
  }
}

TEST_CASE("a failed link reports the linker's message and writes nothing",
          "[link]") {
  LLVMContext Ctx;
  std::unique_ptr<Module> M = parse(R"IR(
declare i64 @missing_helper()
define i64 @semcom_main(i64 %argc, ptr %argv) {
  %r = call i64 @missing_helper()
  ret i64 %r
}
)IR",
                                    Ctx);
  Expected<SmallVector<char, 0>> Obj = compileModule(*M, {Arch::X86_64, 2});
  REQUIRE(bool(Obj));
  std::string Out = scratchPath("prog");
  LinkOptions LO;
  LO.OutputPath = Out;
  LO.RuntimeArchive = buildDir() + "/lib/" + runtimeArchiveName(Arch::X86_64);
  std::vector<LinkInput> Inputs;
  Inputs.push_back(LinkInput::memory("prog.ll", std::move(*Obj)));
  Error E = linkExecutable(Inputs, LO);
  REQUIRE(bool(E));
  CHECK(toString(std::move(E)).find("undefined symbol: missing_helper") !=
        std::string::npos);
  CHECK_FALSE(sys::fs::exists(Out));
  CHECK_FALSE(sys::fs::exists(Out + ".semcom-link-tmp"));
  sys::fs::remove_directories(sys::path::parent_path(Out));

  // And again in the same process: in-process lld must be reusable after an
  // error.
  Error Missing = linkExecutable({LinkInput::file("/nonexistent.o")}, LO);
  REQUIRE(bool(Missing));
  CHECK(toString(std::move(Missing)).find("/nonexistent.o") !=
        std::string::npos);
}
