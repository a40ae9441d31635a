//===- PreParseRepairTest.cpp - the pre-parse repair, one repair at a time
//-===//
//
// Each repair is tested on text alone and through parseWithRepair, with the
// mistakes models make.
//
//===----------------------------------------------------------------------===//
#include "semcom/Fixup/PreParseRepair.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/raw_ostream.h"

#include <catch2/catch.hpp>

using namespace semcom::fixup;
using namespace llvm;

namespace {
std::string errorText(Error E) {
  std::string S;
  handleAllErrors(std::move(E),
                  [&](const ErrorInfoBase &EI) { S = EI.message(); });
  return S;
}
/// Whether Text parses after repair; the error, if any, is consumed.
bool parses(StringRef Text) {
  LLVMContext Ctx;
  Expected<RepairResult> R = parseWithRepair(Text, Ctx);
  if (R)
    return true;
  consumeError(R.takeError());
  return false;
}
uint64_t arrayLength(Module &M, StringRef Global) {
  return M.getNamedGlobal(Global)->getValueType()->getArrayNumElements();
}
} // namespace

TEST_CASE("countLiteralBytes counts \\XX escapes and \\\\ as one byte",
          "[preparse]") {
  CHECK(countLiteralBytes("abc") == 3);
  CHECK(countLiteralBytes("Hello, World!\\0A\\00") == 15);
  CHECK(countLiteralBytes("\\\\") == 1);
  CHECK(countLiteralBytes("a\\n") == 3); // LLVM has no \n: backslash and n
  CHECK(countLiteralBytes("\\0") == 2);  // not two hex digits
  CHECK(countLiteralBytes("") == 0);
}

TEST_CASE("byte counts off by one and by the escape length are fixed",
          "[preparse]") {
  std::string T = "@a = constant [13 x i8] c\"Hello, World!\\0A\"\n"
                  "@b = private unnamed_addr constant [20 x i8] c\"Hello, "
                  "World!\\0A\\00\", align 1\n";
  std::vector<RepairNote> Notes;
  REQUIRE(fixStringByteCounts(T, Notes));
  CHECK(T.find("@a = constant [14 x i8] c\"Hello, World!\\0A\"") !=
        std::string::npos);
  CHECK(T.find("@b = private unnamed_addr constant [15 x i8] c\"Hello, "
               "World!\\0A\\00\", align 1") != std::string::npos);
  REQUIRE(Notes.size() == 2);
  CHECK(Notes[0].Line == 1);
  CHECK(Notes[1].Line == 2);
  // Already right: nothing to do, nothing logged.
  std::vector<RepairNote> Again;
  CHECK_FALSE(fixStringByteCounts(T, Again));
  CHECK(Again.empty());
}

TEST_CASE("strings inside structs and arrays carry their enclosing types along",
          "[preparse]") {
  LLVMContext Ctx;
  std::string T =
      "@s = constant { [2 x i8], i64, { [1 x i8] } } { [2 x i8] c\"abc\", i64 "
      "3, { [1 x i8] } { [1 x i8] c\"x\\00\" } }\n"
      "@t = constant [2 x [3 x i8]] [[3 x i8] c\"ab\\00\", [3 x i8] "
      "c\"abcd\\00\"]\n"
      "@p = constant <{ [1 x i8], i8 }> <{ [1 x i8] c\"hi\", i8 0 }>\n";
  Expected<RepairResult> R = parseWithRepair(T, Ctx);
  REQUIRE(bool(R));
  Module &M = *R->M;
  auto *S = cast<StructType>(M.getNamedGlobal("s")->getValueType());
  CHECK(S->getElementType(0)->getArrayNumElements() == 3);
  CHECK(cast<StructType>(S->getElementType(2))
            ->getElementType(0)
            ->getArrayNumElements() == 2);
  CHECK(arrayLength(M, "t") == 2);
  CHECK(M.getNamedGlobal("t")
            ->getValueType()
            ->getArrayElementType()
            ->getArrayNumElements() == 5);
  CHECK(cast<StructType>(M.getNamedGlobal("p")->getValueType())->isPacked());
}

TEST_CASE("C escapes a model meant as bytes become LLVM escapes",
          "[preparse]") {
  LLVMContext Ctx;
  Expected<RepairResult> R =
      parseWithRepair("@m = constant [7 x i8] c\"Hello\\n\\0\"\n", Ctx);
  REQUIRE(bool(R));
  auto *Init =
      cast<ConstantDataArray>(R->M->getNamedGlobal("m")->getInitializer());
  CHECK(Init->getAsString() == StringRef("Hello\n\0", 7));
}

TEST_CASE("markdown fences: the IR of every fence, in order", "[preparse]") {
  std::string T = "Here it is:\n```llvm\ndeclare void "
                  "@a()\n```\nand\n```\ndeclare void @b()\n```\n"
                  "```text\nnot ir at all\n```\n";
  std::vector<RepairNote> Notes;
  REQUIRE(stripMarkdownAndProse(T, Notes));
  CHECK(T == "declare void @a()\ndeclare void @b()\n");
}

TEST_CASE("prose before and after unfenced IR is dropped", "[preparse]") {
  std::string T = "Sure, here is the function.\n\ndefine i64 @f() {\nentry:\n  "
                  "ret i64 1\n}\n\n"
                  "It returns one.\n";
  std::vector<RepairNote> Notes;
  REQUIRE(stripMarkdownAndProse(T, Notes));
  CHECK(T == "define i64 @f() {\nentry:\n  ret i64 1\n}\n");
  CHECK(Notes.size() == 2);
}

TEST_CASE("a missing closing brace, at the end and before the next function",
          "[preparse]") {
  LLVMContext Ctx;
  Expected<RepairResult> R = parseWithRepair(
      "define i64 @f() {\n  ret i64 1\n\ndefine i64 @g() {\n  ret i64 2\n",
      Ctx);
  REQUIRE(bool(R));
  CHECK(R->M->getFunction("f"));
  CHECK(R->M->getFunction("g"));
  int Braces = 0;
  for (const RepairNote &N : R->Notes)
    Braces += N.Kind == "closing-brace";
  CHECK(Braces == 2);
}

TEST_CASE("duplicate identical declares and a declare of a defined function go",
          "[preparse]") {
  LLVMContext Ctx;
  Expected<RepairResult> R =
      parseWithRepair("declare i64 @x(i64)\ndeclare  i64 @x(i64)\n"
                      "declare i64 @f(i64)\n"
                      "define i64 @f(i64 %a) {\n  ret i64 %a\n}\n",
                      Ctx);
  REQUIRE(bool(R));
  CHECK(R->Notes.size() == 2);
  // Different declares of one name are not "duplicates": the parser's error
  // stands.
  Expected<RepairResult> Bad =
      parseWithRepair("declare i64 @x(i64)\ndeclare void @x(ptr)\n", Ctx);
  REQUIRE_FALSE(bool(Bad));
  CHECK(errorText(Bad.takeError()).find("2:") != std::string::npos);
}

TEST_CASE("a call to an undeclared function gets a declare from the call site",
          "[preparse]") {
  LLVMContext Ctx;
  Expected<RepairResult> R =
      parseWithRepair("define i64 @f(ptr %p) {\n"
                      "  %a = call i64 @lookup(ptr %p, i64 3)\n"
                      "  %b = call i32 (ptr, ...) @logf(ptr %p, i64 %a)\n"
                      "  call void @done()\n"
                      "  ret i64 %a\n}\n",
                      Ctx);
  REQUIRE(bool(R));
  Function *L = R->M->getFunction("lookup");
  REQUIRE(L);
  CHECK(L->isDeclaration());
  CHECK(L->arg_size() == 2);
  REQUIRE(R->M->getFunction("logf"));
  CHECK(R->M->getFunction("logf")->isVarArg());
  REQUIRE(R->M->getFunction("done"));
  CHECK(R->M->getFunction("done")->getReturnType()->isVoidTy());
}

TEST_CASE(
    "unrepairable input keeps the parser's diagnostic and the input's line",
    "[preparse]") {
  LLVMContext Ctx;
  RepairOptions O;
  O.FileName = "gen.ll";
  Expected<RepairResult> R = parseWithRepair(
      "Here:\n```llvm\ndefine i64 @f() {\n  ret i64 %nope\n}\n```\n", Ctx, O);
  REQUIRE_FALSE(bool(R));
  std::string Msg = errorText(R.takeError());
  CHECK(Msg == "gen.ll:4:11: error: use of undefined value '%nope'");
}

TEST_CASE("bad input: junk, binary, empty, huge nesting never crash or hang",
          "[preparse]") {
  std::string Binary;
  for (int I = 0; I < 4096; ++I)
    Binary += char((I * 7919) & 0xff);
  CHECK_FALSE(parses(Binary));
  CHECK(parses(""));
  CHECK_FALSE(parses("@x = constant [1 x i8] c\""));
  std::string Deep = "@x = constant ";
  for (int I = 0; I < 2000; ++I)
    Deep += "{ ";
  CHECK_FALSE(parses(Deep));
  // An empty body gets its brace but still has no instruction: the parser's
  // error stands.
  CHECK_FALSE(parses("define i64 @f() {\n"));
}

TEST_CASE(
    "inline asm constraints that make LLVM 19 read past their end are refused",
    "[preparse]") {
  LLVMContext Ctx;
  Expected<RepairResult> Bad =
      parseWithRepair("define void @f() {\n  call void asm \"\", "
                      "\"{a}@wordory}\"()\n  ret void\n}\n",
                      Ctx);
  REQUIRE_FALSE(bool(Bad));
  CHECK(errorText(Bad.takeError()).find("malformed inline asm constraint") !=
        std::string::npos);
  // `@N` with N letters and `^` with two are left to the parser (which may
  // reject them for other reasons); ordinary constraints parse.
  Expected<RepairResult> Fine =
      parseWithRepair("define void @f() {\n  call void asm \"\", "
                      "\"=@3abc,^Wa\"()\n  ret void\n}\n",
                      Ctx);
  if (!Fine)
    CHECK(errorText(Fine.takeError()).find("malformed inline asm") ==
          std::string::npos);
  CHECK(parses("define i64 @f() {\n  %r = call i64 asm \"syscall\", "
               "\"={rax},{rax},~{rcx}\"(i64 1)\n"
               "  ret i64 %r\n}\n"));
}

TEST_CASE("forty undeclared helpers need one repair round, not forty",
          "[preparse]") {
  std::string T = "define i64 @f(i64 %x) {\n";
  for (int I = 0; I < 40; ++I)
    T += "  %v" + std::to_string(I) + " = call i64 @helper_" +
         std::to_string(I) + "(i64 %x)\n";
  T += "  ret i64 %v39\n}\n";
  LLVMContext Ctx;
  RepairOptions O;
  O.MaxIterations = 3;
  Expected<RepairResult> R = parseWithRepair(T, Ctx, O);
  REQUIRE(bool(R));
  CHECK(R->Notes.size() == 40);
  CHECK(R->M->getFunction("helper_39")->isDeclaration());
}

TEST_CASE("deeply nested initializers are refused, not a stack overflow",
          "[preparse]") {
  std::string T = "@x = constant ";
  for (int I = 0; I < 100000; ++I)
    T += "[1 x ";
  T += "[2 x i8] ";
  for (int I = 0; I < 100000; ++I)
    T += "[";
  T += "[2 x i8] c\"abc\"";
  CHECK_FALSE(parses(T));
}
