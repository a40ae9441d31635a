//===- ProgramChecksTest.cpp - the checks document's schema ----------------===//
//
// The checks parser must accept every input form (text, base64 with NUL, repeated megabytes) and
// list every problem of a bad document, so a re-ask or a person sees them all at once.
//
//===----------------------------------------------------------------------===//
#include "semcom/Core/ProgramChecks.h"

#include "llvm/Support/JSON.h"

#include <catch2/catch.hpp>

using namespace semcom::core;

namespace {

llvm::Expected<ProgramChecks> parse(const char *Text) {
  auto Doc = llvm::json::parse(Text);
  REQUIRE(static_cast<bool>(Doc));
  return parseProgramChecks(*Doc);
}

std::string problems(const char *Text) {
  auto C = parse(Text);
  REQUIRE_FALSE(static_cast<bool>(C));
  return llvm::toString(C.takeError());
}

} // namespace

TEST_CASE("cli checks: text, base64 with NUL, repeated input, exact output", "[programchecks]") {
  auto C = parse(R"({"kind": "cli", "checks": [
    {"name": "empty", "stdout": "", "exit": 0},
    {"name": "nul", "stdin_base64": "YQBiCg==", "stdout_contains": ["a"]},
    {"name": "big", "stdin_repeat": {"text": "ab\n", "times": 1000000},
     "stdout_repeat": {"text": "AB\n", "times": 1000000}},
    {"args": ["-n"], "stdin": "x", "stdout": "x\n"}]})");
  REQUIRE(static_cast<bool>(C));
  REQUIRE(C->Kind == ProgramKind::Cli);
  REQUIRE(C->Checks.size() == 4);
  CHECK(C->Checks[0].Stdin.empty());
  CHECK(C->Checks[0].Stdout == std::optional<std::string>(""));
  CHECK(C->Checks[1].Stdin == std::string("a\0b\n", 4));
  CHECK(C->Checks[2].Stdin.size() == 3000000);
  CHECK(C->Checks[2].Stdout->substr(0, 6) == "AB\nAB\n");
  CHECK(C->Checks[3].Name == "check 4");
  CHECK(C->Checks[3].Args == std::vector<std::string>{"-n"});
  CHECK(C->Checks[3].Index == 4);
}

TEST_CASE("tcp and http checks", "[programchecks]") {
  auto T = parse(R"({"kind": "tcp", "port": 7000, "args": ["7000"], "checks": [
    {"exchanges": [{"send": "hi\n", "expect": "hi\n"}, {"send_base64": "AA==", "expect_base64": "AA=="},
                   {"send_repeat": {"text": "ab", "times": 3}, "expect": "ababab"}]}]})");
  REQUIRE(static_cast<bool>(T));
  CHECK(T->Port == 7000);
  CHECK(T->ServerArgs == std::vector<std::string>{"7000"});
  REQUIRE(T->Checks[0].Exchanges.size() == 3);
  CHECK(T->Checks[0].Exchanges[2].Send == "ababab");
  CHECK(T->Checks[0].Exchanges[1].Send == std::string("\0", 1));

  auto H = parse(R"({"kind": "http", "port": 8080, "checks": [
    {"request": {"method": "POST", "path": "/echo", "headers": {"X-A": "1"}, "body": "b"},
     "status": 200, "body_contains": ["b"], "headers_contain": {"Content-Type": "text/html"}}]})");
  REQUIRE(static_cast<bool>(H));
  CHECK(H->Checks[0].Request.Method == "POST");
  CHECK(H->Checks[0].Request.Path == "/echo");
  CHECK(H->Checks[0].Request.Headers.size() == 1);
  CHECK(H->Checks[0].Status == std::optional<int>(200));
  CHECK(H->Checks[0].HeadersContain.front().first == "Content-Type");
  // Bytes beyond ASCII are a path's to send (a server must refuse or serve them), not a typo.
  auto U = parse("{\"kind\": \"http\", \"port\": 1, \"checks\": [{\"request\": {\"path\": "
                 "\"/a\u00e9\"}, \"status\": 400}]}");
  REQUIRE(static_cast<bool>(U));
  CHECK(U->Checks[0].Request.Path == "/a\xc3\xa9");
}

TEST_CASE("every problem of a bad document is listed", "[programchecks]") {
  std::string P = problems(R"({"kind": "cli", "extra": 1, "checks": [
    {"stdin": "a", "stdin_base64": "YQ==", "stdout": "a"},
    {"stdin": "a"},
    {"stdin_repeat": {"text": "abcd", "times": 100000000}, "exit": 0},
    {"exit": 300, "stdot": "x"},
    7]})");
  CHECK_THAT(P, Catch::Contains("unknown key \"extra\""));
  CHECK_THAT(P, Catch::Contains("check 1: give \"stdin\" or \"stdin_base64\", not both"));
  CHECK_THAT(P, Catch::Contains("check 2: says nothing to check"));
  CHECK_THAT(P, Catch::Contains("check 3: \"stdin_repeat\" makes 100000000 × 4 bytes; at most"));
  CHECK_THAT(P, Catch::Contains("check 4: \"exit\" must be an integer 0..255"));
  CHECK_THAT(P, Catch::Contains("check 4: unknown key \"stdot\""));
  CHECK_THAT(P, Catch::Contains("check 5: must be an object"));
}

TEST_CASE("huge or empty repeats neither wrap around nor spin", "[programchecks]") {
  CHECK_THAT(problems(R"({"kind": "cli", "checks": [
    {"stdin_repeat": {"text": "ab", "times": 9223372036854775807}, "exit": 0}]})"),
             Catch::Contains("makes 9223372036854775807 × 2 bytes"));
  auto C = parse(R"({"kind": "cli", "checks": [
    {"stdin_repeat": {"text": "", "times": 9223372036854775807}, "exit": 0}]})");
  REQUIRE(static_cast<bool>(C));
  CHECK(C->Checks[0].Stdin.empty());
}

TEST_CASE("kinds, ports, requests and exchanges are validated", "[programchecks]") {
  CHECK_THAT(problems(R"({"kind": "ftp", "checks": [{}]})"),
             Catch::Contains("\"kind\" must be \"cli\", \"tcp\" or \"http\""));
  CHECK_THAT(problems(R"({"kind": "http", "checks": [{"status": 200}]})"),
             Catch::Contains("a http program needs \"port\""));
  CHECK_THAT(problems(R"({"kind": "tcp", "port": 70000, "checks": [{"exchanges": []}]})"),
             Catch::Contains("\"port\" must be an integer 1..65535"));
  CHECK_THAT(problems(R"({"kind": "tcp", "port": 7, "checks": [{"exchanges": []}]})"),
             Catch::Contains("\"exchanges\" must be a non-empty array"));
  std::string P = problems(R"({"kind": "http", "port": 80, "checks": [
    {"request": {"method": "GE T", "path": "no-slash", "headers": {"A": "x\r\ny"}}, "status": 99}]})");
  CHECK_THAT(P, Catch::Contains("\"method\" must be a token"));
  CHECK_THAT(P, Catch::Contains("\"path\" must start with '/'"));
  CHECK_THAT(P, Catch::Contains("no CR, LF or ':'"));
  CHECK_THAT(P, Catch::Contains("\"status\" must be an HTTP status"));
  CHECK_THAT(problems(R"({"kind": "cli", "checks": []})"),
             Catch::Contains("\"checks\" must be a non-empty array"));
  CHECK_THAT(problems(R"({"kind": "cli", "checks": [{"name": "a", "exit": 0}, {"name": "a", "exit": 1}]})"),
             Catch::Contains("the name \"a\" is used twice"));
}

TEST_CASE("the document survives the round trip the probe depends on", "[programchecks]") {
  auto C = parse(R"({"kind": "tcp", "port": 9, "args": ["9"], "checks": [
    {"name": "bin", "timeout": 2, "exchanges": [{"send_base64": "AAEC", "expect": "x"}]}]})");
  REQUIRE(static_cast<bool>(C));
  auto Again = parseProgramChecks(programChecksToJSON(*C));
  REQUIRE(static_cast<bool>(Again));
  CHECK(Again->Checks[0].Exchanges[0].Send == std::string("\0\1\2", 3));
  CHECK(Again->Checks[0].TimeoutSeconds == 2);
  CHECK(Again->Checks[0].Name == "bin");
}

TEST_CASE("edge cases are added only where the checks lack them", "[programchecks]") {
  auto C = parse(R"({"kind": "cli", "checks": [{"stdin": "", "stdout": ""}]})");
  REQUIRE(static_cast<bool>(C));
  CHECK(addEdgeCaseChecks(*C) == 3); // not the empty input: there is one
  REQUIRE(C->Checks.size() == 4);
  CHECK(C->Checks[1].Generated);
  CHECK(C->Checks[1].Stdin.back() != '\n');
  CHECK(llvm::StringRef(C->Checks[2].Stdin).contains('\0'));
  CHECK(C->Checks[3].Stdin.size() >= (3u << 20));
  CHECK(addEdgeCaseChecks(*C) == 0);
}

TEST_CASE("the cross-check drops what the reference fails and fills edge cases", "[programchecks]") {
  auto C = parse(R"({"kind": "cli", "checks": [
    {"name": "good", "stdin": "a", "stdout": "a"},
    {"name": "wrong", "stdin": "b", "stdout": "c"},
    {"name": "edge", "generated": true, "stdin": "z"}]})");
  REQUIRE(static_cast<bool>(C));
  std::vector<CheckOutcome> Ref(3);
  Ref[0].Passed = true;
  Ref[1].Passed = false;
  Ref[1].Got = "stdout \"b\", exit 0";
  Ref[1].Want = "stdout \"c\", exit 0";
  Ref[2].RawStdout = "z";
  ProgramReport R;
  applyCrossCheck(*C, Ref, R);
  REQUIRE(C->Checks.size() == 2);
  CHECK(C->Checks[0].Name == "good");
  CHECK(C->Checks[1].Stdout == std::optional<std::string>("z"));
  REQUIRE(R.DisputedChecks.size() == 1);
  CHECK(R.DisputedChecks[0].Name == "wrong");
  CHECK(R.DisputedChecks[0].Reference == "stdout \"b\", exit 0");
}

TEST_CASE("bytes are quoted for people", "[programchecks]") {
  CHECK(quoteBytes(std::string("a\0\n\"", 4)) == "\"a\\x00\\n\\\"\"");
  CHECK(quoteBytes("abcdef", 3) == "\"abc\"… (6 bytes)");
}

TEST_CASE("the probe refuses requests it cannot run, with a reason", "[programchecks]") {
  auto Probe = [](const char *Request) {
    std::string Out, Err;
    llvm::raw_string_ostream OS(Out), ES(Err);
    int Code = runProbe(Request, OS, ES);
    return std::make_pair(Code, Err);
  };
  auto [C1, E1] = Probe("not json");
  CHECK(C1 == 2);
  CHECK_THAT(E1, Catch::Contains("the request is not JSON"));
  auto [C2, E2] = Probe(R"({"checks": {"kind": "tcp", "port": 9, "checks": [
    {"exchanges": [{"send": "a"}]}]}})");
  CHECK(C2 == 2);
  CHECK_THAT(E2, Catch::Contains("needs \"checks\" and \"server\""));
  auto [C3, E3] = Probe(R"({"server": ["/bin/true"], "checks": {"kind": "cli", "checks": [
    {"exit": 0}]}})");
  CHECK(C3 == 2);
  CHECK_THAT(E3, Catch::Contains("only tcp and http programs are probed"));
  auto [C4, E4] = Probe(R"({"server": ["/bin/true"], "checks": {"kind": "tcp", "checks": []}})");
  CHECK(C4 == 2);
  CHECK_THAT(E4, Catch::Contains("needs \"port\""));
}
