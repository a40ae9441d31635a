//===- SpecTest.cpp - signature shapes, spec schema, generated harness ----===//
#include "semcom/Core/Harness.h"
#include "semcom/Core/Spec.h"

#include "llvm/AsmParser/Parser.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/Support/SourceMgr.h"

#include <catch2/catch.hpp>

using namespace semcom::core;
using namespace llvm;

namespace {
std::string errorOf(Error E) { return toString(std::move(E)); }

FunctionSpec specOf(StringRef Json) {
  auto Doc = json::parse(Json);
  REQUIRE(static_cast<bool>(Doc));
  auto Spec = parseSpec(*Doc);
  if (!Spec)
    FAIL(toString(Spec.takeError()));
  return std::move(*Spec);
}
} // namespace

TEST_CASE("signature shapes", "[spec]") {
  auto S = parseFunctionSignature("define i64 @rev(ptr %s, ptr %out, i64 %out_size)");
  REQUIRE(static_cast<bool>(S));
  REQUIRE(S->Params.size() == 2);
  CHECK(S->Params[0].Kind == ParamKind::String);
  CHECK(S->Params[1].Kind == ParamKind::OutBuffer);
  CHECK(S->inputCount() == 1);
  CHECK(S->irParamTypes() == "ptr, ptr, i64");

  auto A = parseFunctionSignature("void @sort(ptr %arr, i64 %n)");
  REQUIRE(static_cast<bool>(A));
  CHECK(A->Params[0].Kind == ParamKind::Array);
  CHECK(A->str() == "define void @sort(ptr %arr, i64 %n)");

  auto D = parseFunctionSignature("define double @f(double %x, i1 %b, i8 %c, i32 %d)");
  REQUIRE(static_cast<bool>(D));
  CHECK(D->Params.size() == 4);
}

TEST_CASE("unsupported signatures say why", "[spec]") {
  auto F = parseFunctionSignature("define float @f(float %x)");
  REQUIRE(!F);
  CHECK_THAT(errorOf(F.takeError()), Catch::Contains("'float' is not supported"));
  auto V = parseFunctionSignature("define void @f(i64 %x)");
  REQUIRE(!V);
  CHECK_THAT(errorOf(V.takeError()), Catch::Contains("void function must modify an array"));
  auto O = parseFunctionSignature("define i32 @f(ptr %out, i64 %out_size)");
  REQUIRE(!O);
  CHECK_THAT(errorOf(O.takeError()), Catch::Contains("returns i64"));
  auto N = parseFunctionSignature("define i64 @f(i64)");
  REQUIRE(!N);
  CHECK_THAT(errorOf(N.takeError()), Catch::Contains("needs a name"));
}

TEST_CASE("the spec schema lists every problem", "[spec]") {
  auto Doc = json::parse(R"J({"signature": "define i64 @f(ptr %s, i1 %b)",
    "vectors": [{"args": ["x"], "expect": 1}, {"args": [3, 2], "expect": "no"},
                {"args": ["y", 1]}]})J");
  REQUIRE(static_cast<bool>(Doc));
  auto Spec = parseSpec(*Doc);
  REQUIRE(!Spec);
  std::string E = errorOf(Spec.takeError());
  CHECK_THAT(E, Catch::Contains("\"description\""));
  CHECK_THAT(E, Catch::Contains("vector 1: \"args\" has 1 value but the function takes 2"));
  CHECK_THAT(E, Catch::Contains("vector 2: argument %s: a string"));
  CHECK_THAT(E, Catch::Contains("vector 2: argument %b: 2 is out of range for i1"));
  CHECK_THAT(E, Catch::Contains("vector 2: \"expect\": i64 needs an integer"));
  CHECK_THAT(E, Catch::Contains("vector 3: \"expect\": i64 needs an integer"));
}

TEST_CASE("a forced signature is kept", "[spec]") {
  auto Doc = json::parse(R"J({"signature": "define i64 @f(i64 %a)", "description": "d",
    "vectors": [{"args": [1], "expect": 1}]})J");
  REQUIRE(static_cast<bool>(Doc));
  auto Spec = parseSpec(*Doc, "define i64 @g(i64 %a)");
  REQUIRE(!Spec);
  CHECK_THAT(errorOf(Spec.takeError()), Catch::Contains("must be exactly"));
}

TEST_CASE("JSON is found in prose and fences", "[spec]") {
  auto V = extractJSON("Sure!\n```json\n{\"a\": 1}\n```\nDone.");
  REQUIRE(static_cast<bool>(V));
  CHECK(V->getAsObject()->getInteger("a") == 1);
  auto None = extractJSON("no braces here");
  REQUIRE(!None);
  CHECK_THAT(errorOf(None.takeError()), Catch::Contains("no JSON object"));
}

TEST_CASE("values compare as their type", "[spec]") {
  CHECK(sameValue(json::Value(1), json::Value(true), ScalarType::I1));
  CHECK(sameValue(json::Value(255), json::Value(-1), ScalarType::I8));
  CHECK_FALSE(sameValue(json::Value(255), json::Value(-1), ScalarType::I64));
  CHECK(sameValue(json::Value(0.1 + 0.2), json::Value(0.3), ScalarType::Double));
  CHECK_FALSE(sameValue(json::Value(0.3001), json::Value(0.3), ScalarType::Double));
  CHECK(sameValue(json::Value("ab"), json::Value("ab"), ScalarType::I64));
  CHECK_FALSE(sameValue(json::Value("ab"), json::Value("ab "), ScalarType::I64));
}

TEST_CASE("the generated harness is valid IR for every shape", "[harness]") {
  const char *Specs[] = {
      R"J({"signature": "define i64 @f(ptr %s, ptr %out, i64 %out_size)", "description": "d",
          "vectors": [{"args": ["a\"b\\c\n\u00e9"], "expect": "x"}, {"args": [""], "expect": ""},
                      {"args": ["abc"], "expect": -1, "out_size": 1}]})J",
      R"J({"signature": "define void @sort(ptr %arr, i64 %n)", "description": "d",
          "modifies_array": true,
          "vectors": [{"args": [[3, 1, 2]], "arr_after": [1, 2, 3]}, {"args": [[]], "arr_after": []}]})J",
      R"J({"signature": "define double @f(double %x, i1 %b, i8 %c, i32 %d)", "description": "d",
          "vectors": [{"args": [1.5, true, 200, -7], "expect": 0.25}]})J",
      R"J({"signature": "define i1 @f(ptr %arr, i64 %n, i64 %k)", "description": "d",
          "vectors": [{"args": [[1], 5], "expect": 0}]})J"};
  for (const char *J : Specs) {
    FunctionSpec Spec = specOf(J);
    std::string H = generateHarness(Spec);
    LLVMContext Ctx;
    SMDiagnostic Err;
    auto M = parseAssemblyString(H, Err, Ctx);
    INFO(H);
    INFO(Err.getMessage().str());
    REQUIRE(M);
    CHECK_FALSE(verifyModule(*M, &errs()));
    CHECK(M->getFunction("semcom_main"));
  }
}

TEST_CASE("the reference driver calls the function by name", "[harness]") {
  FunctionSpec Spec = specOf(R"J({"signature": "define i64 @fact(i64 %n)", "description": "d",
                                 "vectors": [{"args": [3], "expect": 6}]})J");
  std::string D = referenceDriver(Spec, "def fact(n):\n    return 6\n");
  CHECK_THAT(D, Catch::Contains("__semcom_r = fact(*__semcom_args)"));
  TestVector V = Spec.Vectors[0];
  ReferenceOutcome R;
  R.Ok = true;
  R.Ret = 6;
  CHECK(referenceAgrees(Spec, V, R));
  R.Ret = 7;
  CHECK_FALSE(referenceAgrees(Spec, V, R));
  R.Ok = false;
  CHECK_FALSE(referenceAgrees(Spec, V, R));
}

#include "semcom/Core/FunctionMode.h"

TEST_CASE("patterns: shape, skeleton, similarity", "[patterns]") {
  FunctionSpec Rev = specOf(R"J({"signature": "define i64 @rev(ptr %s, ptr %out, i64 %out_size)",
                                 "description": "d", "vectors": [{"args": ["a"], "expect": "a"}]})J");
  CHECK(signatureShape(Rev.Sig, false) == "string -> buffer");
  FunctionSpec Sort = specOf(R"J({"signature": "define void @sort(ptr %arr, i64 %n)",
                                  "description": "d", "modifies_array": true,
                                  "vectors": [{"args": [[2, 1]], "arr_after": [1, 2]}]})J");
  CHECK(signatureShape(Sort.Sig, true) == "array(in place) -> void");

  std::string Skeleton = irSkeleton("; comment\n\ndefine i64 @f() {\n  ret i64 0 ; why\n}\n", 3);
  CHECK(Skeleton == "define i64 @f() {\n  ret i64 0 ; why\n}\n");
  CHECK_THAT(irSkeleton("a\nb\nc\n", 2), Catch::Contains("; …"));

  std::vector<Pattern> All = {
      {"upper", "uppercase the letters of a string", "string -> buffer", "", "x"},
      {"fact", "the factorial of n", "i64 -> i64", "", "y"},
      {"sum", "sum of an array", "array -> i64", "", "z"}};
  auto Near = similarPatterns(All, "lowercase the letters of a string", "string -> buffer");
  REQUIRE(!Near.empty());
  CHECK(Near[0].Name == "upper");
  CHECK(Near.size() == 1); // nothing else is similar enough
  CHECK(similarPatterns(All, "unrelated words entirely", "double -> double").empty());
}
