//===- TaskTest.cpp - task file parsing and validation --------------------===//
#include "semcom/Core/Task.h"

#include <catch2/catch.hpp>

using namespace semcom::core;

namespace {
std::string errorOf(llvm::StringRef Text) {
  auto T = parseTask(Text, "t.task");
  if (T)
    FAIL("expected an error for: " << Text.str());
  return llvm::toString(T.takeError());
}

/// Parses a task that must be valid; a parse error fails the test with its message.
Task parseOk(llvm::StringRef Text) {
  auto T = parseTask(Text, "t.task");
  if (!T)
    FAIL(llvm::toString(T.takeError()));
  return std::move(*T);
}
} // namespace

TEST_CASE("a step without a directive is planned", "[task]") {
  Task T = parseOk("Build a TCP echo server on port 8080\n");
  REQUIRE(T.Steps.size() == 1);
  CHECK(T.Steps[0].Kind == Directive::Plan);
  CHECK(T.Steps[0].Intent == "Build a TCP echo server on port 8080");
  CHECK(T.Steps[0].Line == 1);
}

TEST_CASE("steps split by --- keep their directives, targets and lines", "[task]") {
  const char *Text = "@create rpn.ll\n"
                     "An RPN evaluator.\n"
                     "It handles + and -.\n"
                     "---\n"
                     "\n"
                     "@target rpn.ll append\n"
                     "Add @rpn_depth.\n"
                     "---\n"
                     "@test rpn.ll @rpn_eval\n"
                     "---\r\n"
                     "@transform examples/python/rpn\n";
  Task T = parseOk(Text);
  REQUIRE(T.Steps.size() == 4);
  CHECK(T.Steps[0].Kind == Directive::Create);
  CHECK(T.Steps[0].Target == "rpn.ll");
  CHECK(T.Steps[0].Intent == "An RPN evaluator.\nIt handles + and -.");
  CHECK(T.Steps[1].Kind == Directive::Target);
  CHECK(T.Steps[1].Append);
  CHECK(T.Steps[1].Line == 6);
  CHECK(T.Steps[1].Intent == "Add @rpn_depth.");
  CHECK(T.Steps[2].Kind == Directive::Test);
  CHECK(T.Steps[2].Function == "rpn_eval");
  CHECK(T.Steps[2].Intent.empty());
  CHECK(T.Steps[3].Kind == Directive::Transform);
  CHECK(T.Steps[3].Target == "examples/python/rpn");
}

TEST_CASE("a step prints back as task text that parses to the same step", "[task]") {
  Task T = parseOk("@target a/b.ll append\nAdd a function.\n");
  Task Again = parseOk(T.Steps[0].str());
  CHECK(Again.Steps[0].Kind == Directive::Target);
  CHECK(Again.Steps[0].Target == "a/b.ll");
  CHECK(Again.Steps[0].Append);
  CHECK(Again.Steps[0].Intent == "Add a function.");
}

TEST_CASE("malformed tasks are refused with the line number", "[task][bad-input]") {
  CHECK(errorOf("") == "t.task:1: error: the task is empty: write an intent, or `@help`");
  CHECK(errorOf("@creat x.ll\nfoo\n") ==
        "t.task:1: error: unknown directive '@creat' (did you mean '@create'?); `@help` lists them");
  CHECK(errorOf("@create x.ll\nfoo\n---\n---\n@plan\nbar\n") ==
        "t.task:4: error: empty step (nothing between `---` separators)");
  CHECK(errorOf("@create x.ll\n") ==
        "t.task:1: error: '@create' needs an intent: say in English what to build");
  CHECK(errorOf("one\n---\n@create\nfoo") ==
        "t.task:3: error: missing file name; usage: @create FILE.ll");
  CHECK(errorOf("@create ../x.ll\nfoo") == "t.task:1: error: '../x.ll' leaves the module tree");
  CHECK(errorOf("@create /etc/x.ll\nfoo") ==
        "t.task:1: error: '/etc/x.ll' must be relative to the module tree");
  CHECK(errorOf("@create x.c\nfoo") == "t.task:1: error: 'x.c' is not a .ll module");
  CHECK(errorOf("@target x.ll apend\nfoo") ==
        "t.task:1: error: expected 'append' after the file, got 'apend'");
  CHECK(errorOf("@plan now\nfoo") == "t.task:1: error: unexpected 'now'; usage: @plan");
  CHECK(errorOf("@transform\n") == "t.task:1: error: missing directory; usage: @transform DIR");
  CHECK(errorOf("@create a.ll\nfoo\n@create b.ll\nbar\n").find(
            "t.task:3: error: directive '@create' inside a step") == 0);
  CHECK(errorOf(llvm::StringRef("a\0b", 3)).find("NUL byte") != std::string::npos);
}

TEST_CASE("IR names in the intent are not directives", "[task]") {
  Task T = parseOk("@create s.ll\nA stack:\n@ds_push pushes, @ds_pop pops.\n");
  CHECK(T.Steps[0].Intent == "A stack:\n@ds_push pushes, @ds_pop pops.");
}

TEST_CASE("@help lists every directive with an example", "[task]") {
  std::string Help = directiveHelp();
  for (const char *D : {"@create FILE.ll", "@target FILE.ll [append]", "@plan", "@test FILE.ll",
                        "@transform DIR", "@help"})
    CHECK(Help.find(D) != std::string::npos);
  Task T = parseOk("@help\n");
  CHECK(T.Steps[0].Kind == Directive::Help);
}
