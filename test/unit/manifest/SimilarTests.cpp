//===- SimilarTests.cpp - "did you mean" on the mistakes models make ------===//
//
// Each positive case is a mistake seen in generated IR; the negatives keep
// findSimilar from suggesting a name merely because it shares letters.
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
Manifest runtimeLike() {
  std::string Text;
  for (const char *Name :
       {"string_length",   "ds_push",    "ds_pop",     "str_len",
        "str_eq",          "str_find",   "buf_new",    "buf_append",
        "buf_append_str",  "sys_socket", "sys_write",  "write_all",
        "sock_close_all",  "tcp_listen", "tcp_accept", "parse_i64",
        "format_i64",      "mem_alloc",  "mem_free",   "copy_bytes",
        "HTTPServerStart", "print_str"})
    Text += std::string(Name) + "|rt.ll|public|1|void @" + Name + "()\n";
  llvm::Expected<Manifest> M = Manifest::parse(Text);
  REQUIRE(static_cast<bool>(M));
  return std::move(*M);
}

std::string similar(const Manifest &M, llvm::StringRef Name) {
  std::optional<SimilarMatch> S = M.findSimilar(Name);
  if (!S)
    return "<none>";
  CHECK(S->Score >= 0.6);
  CHECK(S->Score <= 1.0);
  return S->Match->Name;
}
} // namespace

TEST_CASE("findSimilar fixes case and separators", "[manifest][similar]") {
  Manifest M = runtimeLike();
  CHECK(similar(M, "dsPush") == "ds_push");
  CHECK(similar(M, "DS_PUSH") == "ds_push");
  CHECK(similar(M, "ds-pop") == "ds_pop");
  CHECK(similar(M, "http_server_start") == "HTTPServerStart");
  std::optional<SimilarMatch> S = M.findSimilar("dsPush");
  REQUIRE(S);
  CHECK(S->Score == 1.0); // identical after normalisation
}

TEST_CASE("findSimilar finds lengthened and abbreviated words",
          "[manifest][similar]") {
  Manifest M = runtimeLike();
  CHECK(similar(M, "string_len") == "string_length");
  CHECK(similar(M, "buffer_append") == "buf_append");
  CHECK(similar(M, "format_int64") == "format_i64");
  CHECK(similar(M, "buffer_new") == "buf_new");
}

TEST_CASE("findSimilar finds a missing or extra prefix",
          "[manifest][similar]") {
  Manifest M = runtimeLike();
  CHECK(similar(M, "push") == "ds_push");
  CHECK(similar(M, "rt_str_len") == "str_len");
  CHECK(similar(M, "socket") == "sys_socket");
  CHECK(similar(M, "write") ==
        "sys_write"); // a missing prefix beats a missing suffix
  CHECK(similar(M, "rt_ds_push") == "ds_push");
  CHECK(similar(M, "buf_append_string") == "buf_append_str");
}

TEST_CASE("findSimilar fixes one-letter typos", "[manifest][similar]") {
  Manifest M = runtimeLike();
  CHECK(similar(M, "ds_psuh") == "ds_push");
  CHECK(similar(M, "str_fnd") == "str_find");
  CHECK(similar(M, "tcp_accpet") == "tcp_accept");
  CHECK(similar(M, "parse_i46") == "parse_i64");
  CHECK(similar(M, "mem_allocc") == "mem_alloc");
}

TEST_CASE("findSimilar says nothing for unrelated names",
          "[manifest][similar]") {
  Manifest M = runtimeLike();
  CHECK(similar(M, "frobnicate") == "<none>");
  CHECK(similar(M, "zz") == "<none>");
  CHECK(similar(M, "open_window") == "<none>");
  CHECK(similar(M, "matrix_multiply") == "<none>");
  CHECK(similar(M, "") == "<none>");
  CHECK(similar(M, "___") == "<none>");
  CHECK(similar(M, "ds") == "<none>");
  CHECK(similar(M, std::string(100000, 'a')) == "<none>"); // and quickly

  // `socket` shares "sock" with sock_close_all; that is no reason to suggest
  // it.
  llvm::Expected<Manifest> NoSys =
      Manifest::parse("sock_close_all|n.ll|public|1|void @sock_close_all()\n"
                      "tcp_listen|n.ll|public|2|void @tcp_listen()\n");
  REQUIRE(static_cast<bool>(NoSys));
  CHECK(similar(*NoSys, "socket") == "<none>");
}

TEST_CASE("findSimilar honours the threshold and answers known names exactly",
          "[manifest][similar]") {
  Manifest M = runtimeLike();
  std::optional<SimilarMatch> Exact = M.findSimilar("ds_push");
  REQUIRE(Exact);
  CHECK(Exact->Score == 1.0);
  CHECK(Exact->Match->Name == "ds_push");
  std::optional<SimilarMatch> Typo = M.findSimilar("ds_psuh");
  REQUIRE(Typo);
  CHECK(Typo->Score < 1.0);
  CHECK_FALSE(M.findSimilar("ds_psuh", Typo->Score + 0.001));
  CHECK(M.findSimilar("ds_psuh", Typo->Score));
  // A lower threshold admits weaker matches.
  CHECK_FALSE(M.findSimilar("qqqqqq"));
  std::optional<SimilarMatch> Weak = M.findSimilar("qqqqqq", 0.1);
  REQUIRE(Weak);
  CHECK(Weak->Score < 0.6);
}

TEST_CASE("findSimilar sees a change to the manifest", "[manifest][similar]") {
  Manifest M = runtimeLike();
  CHECK(similar(M, "planed_step") == "<none>");
  REQUIRE(succeeded(M.addDeclaration("void @planned_step()")));
  CHECK(similar(M, "planed_step") == "planned_step");
}
