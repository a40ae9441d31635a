//===- TextFormatTests.cpp - the manifest text format ---------------------===//
//
// Round trip, the seed system's format, and every way a manifest file can be
// malformed.
//
//===----------------------------------------------------------------------===//
#include "semcom/Manifest/Manifest.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"

#include <catch2/catch.hpp>

using namespace semcom::manifest;

namespace {
std::string errorOf(llvm::StringRef Text) {
  llvm::Expected<Manifest> M = Manifest::parse(Text, "t.manifest");
  REQUIRE_FALSE(static_cast<bool>(M));
  return llvm::toString(M.takeError());
}
} // namespace

TEST_CASE("the seed system's format loads", "[manifest][text]") {
  llvm::Expected<Manifest> M = Manifest::parse(
      "ds_push|forth_stack.ll|public|15|void @ds_push(i64 %val)\n"
      "ds_pop|forth_stack.ll|private|20|i64 @ds_pop()\n"
      "@shims\n"
      "malloc\n"
      "free\n");
  REQUIRE(static_cast<bool>(M));
  REQUIRE(M->entries().size() == 2);
  const Entry *Push = M->lookup("ds_push");
  REQUIRE(Push);
  CHECK(Push->File == "forth_stack.ll");
  CHECK(Push->Line == 15);
  CHECK(Push->Vis == Visibility::Public);
  CHECK(Push->Signature == "void @ds_push(i64 %val)");
  CHECK(M->lookup("ds_pop")->Vis == Visibility::Private);
  CHECK(M->isShim("malloc"));
  CHECK(M->isShim("free"));
  // The section boundary did not swallow or loop on the shim names (a seed
  // bug).
  CHECK(M->lookup("malloc") == nullptr);
}

TEST_CASE("serialize and parse round-trip everything", "[manifest][text]") {
  llvm::Expected<Manifest> M = Manifest::parse(
      "a|x.ll|public|3|noundef i64 @a(ptr noundef nonnull %p, ...)\n"
      "weird name|sub/y.ll|private|0|void @\"weird name\"(ptr %\"a|b\")\n"
      "b\\|c|y.ll|public|1|void @\"b|c\"()\n"
      "\\@at|y.ll|public|2|void @\"@at\"()\n"
      "@declarations\n"
      "void @planned(i64 %n)\n"
      "@shims\n"
      "puts\n"
      "@roots\n"
      "/tmp/root\n"
      "@files\n"
      "0|x.ll|10|1700000000000000000|00000000deadbeef\n"
      "0|sub/y.ll|20|1700000000000000001|0123456789abcdef\n"
      "@diagnostics\n"
      "sub/y.ll|3|7|expected type: got 'i65|x'\n");
  REQUIRE(static_cast<bool>(M));
  CHECK(M->entries().size() == 5);
  CHECK(M->lookup("b|c"));
  CHECK(M->lookup("@at"));
  REQUIRE(M->lookup("planned"));
  CHECK(M->lookup("planned")->IsDeclaration);
  REQUIRE(M->diagnostics().size() == 1);
  CHECK(M->diagnostics()[0].str() ==
        "sub/y.ll:3:7: expected type: got 'i65|x'");

  std::string Text = M->serialize();
  CHECK(llvm::StringRef(Text).starts_with("# semcom-manifest 1\n"));
  CHECK(llvm::StringRef(Text).ends_with("@end\n"));
  llvm::Expected<Manifest> Again = Manifest::parse(Text);
  REQUIRE(static_cast<bool>(Again));
  CHECK(Again->serialize() == Text);
  REQUIRE(Again->entries().size() == M->entries().size());
  for (size_t I = 0; I < M->entries().size(); ++I) {
    const Entry &A = M->entries()[I], &B = Again->entries()[I];
    CHECK(A.Name == B.Name);
    CHECK(A.File == B.File);
    CHECK(A.Vis == B.Vis);
    CHECK(A.Line == B.Line);
    CHECK(A.Signature == B.Signature);
    CHECK(A.IsDeclaration == B.IsDeclaration);
  }
  CHECK(Again->shims() == M->shims());
}

TEST_CASE("section values with separators and escapes round-trip",
          "[manifest][text]") {
  // Found by the fuzzer: a root holding '|' lost everything after it.
  llvm::Expected<Manifest> M =
      Manifest::parse("@shims\n\\  \na|b\n@roots\n/tmp/r|oot\n");
  REQUIRE(static_cast<bool>(M));
  CHECK(M->shims() == std::vector<std::string>{"a|b"});
  std::string Text = M->serialize();
  llvm::Expected<Manifest> Again = Manifest::parse(Text);
  REQUIRE(static_cast<bool>(Again));
  CHECK(Again->serialize() == Text);
  CHECK(
      errorOf("@roots\nrelative/root\n").find("t.manifest:2: malformed root") ==
      0);
}

TEST_CASE("malformed lines are errors naming file and line",
          "[manifest][text][bad-input]") {
  CHECK(errorOf("a|x.ll|public|1|void @a()\nb|x.ll|public\n") ==
        "t.manifest:2: malformed entry: expected "
        "name|file|visibility|line|signature");
  CHECK(errorOf("a|x.ll|visible|1|void @a()\n")
            .find("t.manifest:1: malformed entry: visibility") == 0);
  CHECK(errorOf("a|x.ll|public|one|void @a()\n")
            .find("t.manifest:1: malformed entry: line") == 0);
  CHECK(errorOf("\n\na|x.ll|public|1|void a()\n").find("t.manifest:3:") == 0);
  CHECK(errorOf("a|x.ll|public|1|void @b()\n").find("names 'b'") !=
        std::string::npos);
  CHECK(errorOf("|x.ll|public|1|void @a()\n").find("empty name") !=
        std::string::npos);
  CHECK(errorOf("@bogus\n").find("t.manifest:1: unknown section '@bogus'") ==
        0);
  CHECK(
      errorOf("@files\n0|x.ll|1|2|00000000deadbeef\n").find("t.manifest:2:") ==
      0); // no roots
  CHECK(errorOf("@roots\n/r\n@files\n0|x.ll|1|2|xyz\n").find("t.manifest:4:") ==
        0);
  CHECK(errorOf("@diagnostics\nx.ll|a|1|m\n").find("t.manifest:2:") == 0);
  CHECK(errorOf("@declarations\nnot a signature\n").find("t.manifest:2:") == 0);
  CHECK(errorOf("# semcom-manifest 9\n").find("unsupported manifest version") !=
        std::string::npos);
  CHECK(errorOf("# semcom-manifest 1\n@end\na|x.ll|public|1|void @a()\n")
            .find("t.manifest:3: text after @end") == 0);
}

TEST_CASE("a truncated manifest is an error", "[manifest][text][bad-input]") {
  llvm::Expected<Manifest> M = Manifest::parse(
      "a|x.ll|public|3|i64 @a(i64 %x)\nb|x.ll|public|4|i64 @b(i64 %y)\n");
  REQUIRE(static_cast<bool>(M));
  std::string Text = M->serialize();
  // Cut anywhere: never a crash, and always an error (a cut at a line end loses
  // @end).
  for (size_t Cut = 1; Cut + 1 < Text.size(); ++Cut) {
    llvm::Expected<Manifest> Cutted =
        Manifest::parse(Text.substr(0, Cut), "cut.manifest");
    INFO("cut at " << Cut);
    REQUIRE_FALSE(static_cast<bool>(Cutted));
    CHECK(llvm::toString(Cutted.takeError()).rfind("cut.manifest:", 0) == 0);
  }
  // Mid-signature cut in a seed-format file (no @end to miss) is still caught.
  CHECK(errorOf("a|x.ll|public|3|i64 @a(i64 %x\n")
            .find("not a complete signature") != std::string::npos);
}

TEST_CASE("binary junk as a manifest is an error, not a crash",
          "[manifest][text][bad-input]") {
  std::string Junk;
  for (int I = 0; I < 2048; ++I)
    Junk += char((I * 131 + 7) % 256);
  llvm::Expected<Manifest> M = Manifest::parse(Junk, "junk.manifest");
  REQUIRE_FALSE(static_cast<bool>(M));
  CHECK(llvm::toString(M.takeError()).rfind("junk.manifest:", 0) == 0);
}

TEST_CASE("loadFile names the file it cannot read and writeFile round-trips",
          "[manifest][text][bad-input]") {
  llvm::Expected<Manifest> Missing =
      Manifest::loadFile("/nonexistent/dir/x.manifest");
  REQUIRE_FALSE(static_cast<bool>(Missing));
  CHECK(llvm::toString(Missing.takeError())
            .rfind("/nonexistent/dir/x.manifest: cannot read", 0) == 0);

  llvm::Expected<Manifest> M =
      Manifest::parse("a|x.ll|public|3|i64 @a(i64 %x)\n");
  REQUIRE(static_cast<bool>(M));
  llvm::SmallString<128> Path;
  REQUIRE(!llvm::sys::fs::createTemporaryFile("semcom-manifest", "txt", Path));
  REQUIRE(!M->writeFile(Path));
  llvm::Expected<Manifest> Loaded = Manifest::loadFile(Path);
  llvm::sys::fs::remove(Path);
  REQUIRE(static_cast<bool>(Loaded));
  CHECK(Loaded->serialize() == M->serialize());
}
