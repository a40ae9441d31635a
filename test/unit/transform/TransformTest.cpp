//===- TransformTest.cpp - the scan's JSON and the plan's checks ----------===//
//
// What a model's plan must satisfy before any module is generated, and how the scanner's JSON is
// read; both without python3 or a model.
//
//===----------------------------------------------------------------------===//
#include "semcom/Transform/Transform.h"

#include <catch2/catch.hpp>

using namespace semcom::transform;

namespace {

const char *ScanJson = R"json({"root": "p", "files": [
  {"path": "calc.py", "module": "calc", "lines": 9, "source": "def add(a, b): ...",
   "imports": [], "external_imports": [], "main": null,
   "functions": [
     {"name": "add", "line": 1, "params": [{"name": "a", "type": "int"}, {"name": "b", "type": "int"}],
      "returns": "int", "doc": "", "calls": [], "unmappable": ""},
     {"name": "dyn", "line": 5, "params": [{"name": "t", "type": "str"}], "returns": "int",
      "doc": "", "calls": ["eval"], "unmappable": "calls eval()"}],
   "classes": [{"name": "Box", "line": 7, "fields": ["value"],
                "methods": [{"name": "get", "line": 8, "params": [{"name": "self", "type": ""}],
                             "returns": "", "doc": "", "calls": [], "unmappable": ""}]}]},
  {"path": "main.py", "module": "main", "lines": 4, "source": "import calc", "imports": ["calc"],
   "external_imports": ["sys"], "main": {"line": 3, "calls": [], "source": ""},
   "functions": [], "classes": []}],
 "failed": [{"path": "bad.py", "reason": "bad.py:1:5: syntax error: invalid syntax"}]})json";

ScanResult scan() {
  auto R = parseScanJSON(ScanJson);
  REQUIRE(static_cast<bool>(R));
  return std::move(*R);
}

std::string planError(const std::string &Answer) {
  auto P = parsePlanAnswer(Answer, scan());
  REQUIRE_FALSE(static_cast<bool>(P));
  return llvm::toString(P.takeError());
}

} // namespace

TEST_CASE("scan JSON is read into files, functions, methods and failures", "[transform]") {
  ScanResult S = scan();
  REQUIRE(S.Files.size() == 2);
  REQUIRE(S.Files[0].Functions.size() == 3);
  CHECK(S.Files[0].Functions[1].Unmappable == "calls eval()");
  CHECK(S.Files[0].Functions[2].qualifiedName() == "Box.get");
  CHECK(S.Files[0].Classes == std::vector<std::string>{"Box(value)"});
  REQUIRE(S.mainFile() != nullptr);
  CHECK(S.mainFile()->Path == "main.py");
  REQUIRE(S.Failed.size() == 1);
  std::string Summary = S.summary();
  CHECK(Summary.find("def add(a: int, b: int) -> int") != std::string::npos);
  CHECK(Summary.find("REFUSED: calls eval()") != std::string::npos);
  CHECK(Summary.find("not ported: bad.py:1:5: syntax error") != std::string::npos);
}

TEST_CASE("scan JSON errors are errors", "[transform]") {
  auto Bad = parseScanJSON("{not json");
  REQUIRE_FALSE(static_cast<bool>(Bad));
  CHECK(llvm::toString(Bad.takeError()).find("malformed JSON") != std::string::npos);
  auto Empty = parseScanJSON(R"({"error": "no Python files (*.py) in x"})");
  REQUIRE_FALSE(static_cast<bool>(Empty));
  CHECK(llvm::toString(Empty.takeError()) == "no Python files (*.py) in x");
}

TEST_CASE("a plan's modules, signatures and refusals are read", "[transform]") {
  auto P = parsePlanAnswer("Plan:\n```task\n@create calc.ll\nsource: calc.py\nHelpers.\n"
                           "define i64 @calc_add(i64 %a, i64 %b)\nrefuse dyn: eval\n---\n"
                           "@create main.ll\nsource: main.py\n"
                           "define i64 @semcom_main(i64 %argc, ptr %argv)\n```\n",
                           scan());
  REQUIRE(static_cast<bool>(P));
  REQUIRE(P->Modules.size() == 2);
  CHECK(P->Modules[0].Signatures == std::vector<std::string>{"i64 @calc_add(i64 %a, i64 %b)"});
  CHECK(P->Modules[0].Sources == std::vector<std::string>{"calc.py"});
  CHECK(P->Modules[0].Intent == "Helpers.\n");
  REQUIRE(P->Refused.size() == 1);
  CHECK(P->Refused[0].Function == "dyn");
  CHECK(P->Refused[0].Reason == "eval");
}

TEST_CASE("a plan that breaks the rules is refused before any module exists", "[transform]") {
  CHECK(planError("```task\n@create a.ll\nsource: nope.py\n"
                  "define i64 @semcom_main(i64 %argc, ptr %argv)\n```")
            .find("nope.py") != std::string::npos);
  CHECK(planError("```task\n@create a.ll\nsource: calc.py\ndefine i64 @f()\n---\n"
                  "@create b.ll\nsource: main.py\ndefine i64 @f()\n"
                  "define i64 @semcom_main(i64 %argc, ptr %argv)\n```")
            .find("@f is defined by two steps") != std::string::npos);
  CHECK(planError("```task\n@create a.ll\nsource: calc.py\ndefine i64 @f()\n```")
            .find("no step defines @semcom_main") != std::string::npos);
  CHECK(planError("```task\n@create a.ll\nDoes things.\n"
                  "define i64 @semcom_main(i64 %argc, ptr %argv)\n```")
            .find("names no `source:`") != std::string::npos);
  CHECK(planError("```task\n@create a.ll\nsource: main.py\ndefine i64 @f(int %x)\n"
                  "define i64 @semcom_main(i64 %argc, ptr %argv)\n```")
            .find("`i64 @f(int %x)` is not an IR signature") != std::string::npos);
  CHECK(planError("```task\n@target a.ll\nsource: calc.py\n```").find("may only @create") !=
        std::string::npos);
  CHECK(planError("```task\n@create a.ll\nsource: calc.py, main.py\nrefuse nothing: x\n"
                  "define i64 @semcom_main(i64 %argc, ptr %argv)\n```")
            .find("refuses nothing") != std::string::npos);
}
