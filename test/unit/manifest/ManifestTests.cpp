//===- ManifestTests.cpp - lookup, collectRelevant, shims, declarations ---===//
//
// The queries prompts and passes ask, on manifests built from text.
//
//===----------------------------------------------------------------------===//
#include "semcom/Manifest/Manifest.h"

#include <catch2/catch.hpp>

using namespace semcom::manifest;

namespace {

/// True when E is success; otherwise reports the message and returns false.
bool succeeded(llvm::Error E) {
  if (!E)
    return true;
  UNSCOPED_INFO(llvm::toString(std::move(E)));
  return false;
}
Manifest sample() {
  llvm::Expected<Manifest> M =
      Manifest::parse("ds_push|stack.ll|public|15|void @ds_push(i64 %val)\n"
                      "ds_pop|stack.ll|public|20|i64 @ds_pop()\n"
                      "str_len|str.ll|public|3|i64 @str_len(ptr %s)\n"
                      "helper|str.ll|private|9|i64 @helper(i64 %x)\n"
                      "helper|other.ll|private|2|void @helper()\n"
                      "weird name|w.ll|public|1|void @\"weird name\"()\n"
                      "@shims\n"
                      "malloc\n");
  REQUIRE(static_cast<bool>(M));
  return std::move(*M);
}

std::vector<std::string> names(const std::vector<const Entry *> &Entries) {
  std::vector<std::string> Out;
  for (const Entry *E : Entries)
    Out.push_back(E->Name);
  return Out;
}
} // namespace

TEST_CASE("Diagnostic::str leaves out unknown parts", "[manifest]") {
  CHECK(Diagnostic{"a.ll", 3, 7, "bad"}.str() == "a.ll:3:7: bad");
  CHECK(Diagnostic{"a.ll", 3, 0, "bad"}.str() == "a.ll:3: bad");
  CHECK(Diagnostic{"a.ll", 0, 0, "bad"}.str() == "a.ll: bad");
  CHECK(Diagnostic{"", 0, 0, "bad"}.str() == "bad");
}

TEST_CASE("lookup finds exact names only", "[manifest][query]") {
  Manifest M = sample();
  REQUIRE(M.lookup("ds_push"));
  CHECK(M.lookup("ds_push")->Signature == "void @ds_push(i64 %val)");
  CHECK(M.lookup("weird name"));
  CHECK(M.lookup("DS_PUSH") == nullptr);
  CHECK(M.lookup("ds_pus") == nullptr);
  CHECK(M.lookup("") == nullptr);
  // A name defined privately twice: no conflict, lookup answers the first.
  CHECK(M.conflicts().empty());
  REQUIRE(M.lookup("helper"));
  CHECK(M.lookup("helper")->File == "str.ll");
}

TEST_CASE("collectRelevant returns each referenced entry once, in "
          "first-reference order",
          "[manifest][query]") {
  Manifest M = sample();
  llvm::StringRef Source = "define void @main() {\n"
                           "  %n = call i64 @str_len(ptr @.str)\n"
                           "  call void @ds_push(i64 %n)\n"
                           "  call void @ds_push(i64 1)\n"
                           "  call void @\"weird name\"()\n"
                           "  call void @unknown_fn()\n"
                           "  %p = call ptr @malloc(i64 8)\n"
                           "}\n";
  llvm::StringRef Task = "Pop with @ds_pop. Then push again via @ds_push.";
  std::vector<const Entry *> R = M.collectRelevant({Source, Task});
  CHECK(names(R) ==
        std::vector<std::string>{"str_len", "ds_push", "weird name", "ds_pop"});
  CHECK(M.collectRelevant({}).empty());
  CHECK(M.collectRelevant({"no references here, @ alone, @\"unterminated"})
            .empty());
}

TEST_CASE("collectRelevant also sees code-like names in task text",
          "[manifest][query]") {
  Manifest M = sample();
  std::vector<const Entry *> R = M.collectRelevant(
      {"Measure it with str_len, then ds_pop; a helper is not enough."});
  // str_len and ds_pop look like code; the English word "helper" does not
  // count.
  CHECK(names(R) == std::vector<std::string>{"str_len", "ds_pop"});
  // Part of a longer identifier or a local value is not a reference.
  CHECK(M.collectRelevant({"my_str_len %str_len x.ds_pop"}).empty());
}

TEST_CASE("isShim knows the shim list and every LLVM intrinsic",
          "[manifest][query]") {
  Manifest M = sample();
  CHECK(M.isShim("malloc"));
  CHECK(M.isShim("llvm.memcpy.p0.p0.i64"));
  CHECK(M.isShim("llvm.smax.i64"));
  CHECK_FALSE(M.isShim("free"));
  CHECK_FALSE(M.isShim("ds_push"));
  M.addShim("free");
  M.addShim("free");
  CHECK(M.isShim("free"));
  CHECK(M.shims() == std::vector<std::string>{"malloc", "free"});
}

TEST_CASE("declarations fixed by a plan are known ahead of their bodies",
          "[manifest][query]") {
  Manifest M = sample();
  REQUIRE(succeeded(M.addDeclaration("i64 @planned_fn(ptr %buf, i64 %len)")));
  const Entry *P = M.lookup("planned_fn");
  REQUIRE(P);
  CHECK(P->IsDeclaration);
  CHECK(P->File.empty());
  CHECK(P->Signature == "i64 @planned_fn(ptr %buf, i64 %len)");
  // The same signature again is fine; a different one clashes, as does a
  // defined name.
  CHECK(succeeded(M.addDeclaration("i64 @planned_fn(ptr %buf, i64 %len)")));
  CHECK(succeeded(M.addDeclaration("void @spaced (i64 %n)")));
  llvm::Error Clash = M.addDeclaration("void @planned_fn()");
  REQUIRE(static_cast<bool>(Clash));
  CHECK(llvm::toString(std::move(Clash)).find("clashes") != std::string::npos);
  llvm::Error Defined = M.addDeclaration("i64 @ds_push(i64 %val)");
  REQUIRE(static_cast<bool>(Defined));
  CHECK(llvm::toString(std::move(Defined)).find("stack.ll:15") !=
        std::string::npos);
  for (const char *NotASignature :
       {"no signature here", "@no_return_type()", "# i64 @commented()",
        "i64 @f(i64 %x", "i64 @f + (i64 %x)", "i64 @f(i64 %x)\nvoid @g()"}) {
    INFO(NotASignature);
    llvm::Error Garbage = M.addDeclaration(NotASignature);
    REQUIRE(static_cast<bool>(Garbage));
    llvm::consumeError(std::move(Garbage));
  }
  // Declarations are found by the other queries and survive the text format.
  CHECK(names(M.collectRelevant({"call @planned_fn"})) ==
        std::vector<std::string>{"planned_fn"});
  std::optional<SimilarMatch> S = M.findSimilar("plannedFn");
  REQUIRE(S);
  CHECK(S->Match->Name == "planned_fn");
  llvm::Expected<Manifest> Again = Manifest::parse(M.serialize());
  REQUIRE(static_cast<bool>(Again));
  REQUIRE(Again->lookup("planned_fn"));
  CHECK(Again->lookup("planned_fn")->IsDeclaration);
}
