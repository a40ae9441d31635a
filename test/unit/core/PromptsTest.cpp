//===- PromptsTest.cpp - prompt templates fill every slot or fail ---------===//
#include "semcom/Core/Prompts.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

using namespace semcom::core;

TEST_CASE("every embedded prompt renders with its slots", "[prompts]") {
  PromptSlots All = {{"file", "stack.ll"},     {"intent", "A stack."}, {"context", "CTX"},
                     {"source", "SRC"},        {"existing", "EX"},     {"diagnostics", "DIAG"},
                     {"ir", "IR"},             {"scope", "module"},    {"missing", "MISSING"},
                     {"call_sites", "CALLS"}};
  for (const char *Name : {"system", "create", "target", "append", "repair", "plan", "missing"}) {
    auto Text = renderPrompt(Name, All);
    INFO(Name);
    REQUIRE(static_cast<bool>(Text));
    CHECK(Text->find("{{") == std::string::npos);
  }
  auto Create = renderPrompt("create", All);
  REQUIRE(static_cast<bool>(Create));
  CHECK(Create->find("Write the LLVM IR module `stack.ll`.") == 0);
  CHECK(Create->find("A stack.") != std::string::npos);
}

TEST_CASE("a slot nobody filled is an error", "[prompts]") {
  auto Text = renderTemplate("a {{x}} b {{ y }}", {{"x", "1"}}, "t");
  REQUIRE(!Text);
  CHECK(llvm::toString(Text.takeError()) == "prompt 't' needs a value for {{y}}");
  auto Ok = renderTemplate("a {{x}} b {{ y }} {{unclosed", {{"x", "1"}, {"y", "2"}}, "t");
  REQUIRE(static_cast<bool>(Ok));
  CHECK(*Ok == "a 1 b 2 {{unclosed");
  auto Unknown = renderPrompt("nosuch", {});
  REQUIRE(!Unknown);
  llvm::consumeError(Unknown.takeError());
}

TEST_CASE("SEMCOM_PROMPTS_DIR replaces a template and changes the format version", "[prompts]") {
  std::string Before = promptFormatVersion();
  llvm::SmallString<128> Dir;
  REQUIRE(!llvm::sys::fs::createUniqueDirectory("semcom-prompts", Dir));
  std::ofstream(std::string(Dir) + "/create.md") << "Only {{intent}}";
  setenv("SEMCOM_PROMPTS_DIR", Dir.c_str(), 1);
  auto Text = renderPrompt("create", {{"intent", "hello"}});
  std::string After = promptFormatVersion();
  unsetenv("SEMCOM_PROMPTS_DIR");
  llvm::sys::fs::remove_directories(Dir);
  REQUIRE(static_cast<bool>(Text));
  CHECK(*Text == "Only hello");
  CHECK(Before != After);
  CHECK(promptFormatVersion() == Before);
}
