//===- HtmlBuilderTest.cpp - html_builder appends and entity escaping
//-------===//
//
// The builder's contract: bounded appends that return the new position, -1 when
// the buffer is full, and -1 propagating through later appends.
//
//===----------------------------------------------------------------------===//
#include "HttpRuntime.h"

#include <catch2/catch.hpp>

#include <climits>
#include <string>

TEST_CASE("escaping writes the five entities and keeps other bytes",
          "[http][html]") {
  char Buf[128];
  std::string In = "Hello <world> & \"friends\" 'n' caf\xc3\xa9";
  int64_t N =
      html_escape(Buf, sizeof Buf, In.data(), static_cast<int64_t>(In.size()));
  REQUIRE(N > 0);
  CHECK(
      std::string(Buf, static_cast<size_t>(N)) ==
      "Hello &lt;world&gt; &amp; &quot;friends&quot; &#39;n&#39; caf\xc3\xa9");
}

TEST_CASE("appends chain positions and fail with -1 when full",
          "[http][html]") {
  char Buf[16];
  int64_t P = html_append_str(Buf, sizeof Buf, 0, "<p>");
  P = html_append_i64(Buf, sizeof Buf, P, -42);
  P = html_append_str(Buf, sizeof Buf, P, "</p>");
  REQUIRE(P == 10);
  CHECK(std::string(Buf, 10) == "<p>-42</p>");
  CHECK(html_append_str(Buf, sizeof Buf, P, "1234567") == -1);
  CHECK(html_append_str(Buf, sizeof Buf, P, "123456") == 16);
  CHECK(html_append_str(Buf, sizeof Buf, -1, "") == -1);
  CHECK(html_append_escaped_str(Buf, sizeof Buf, -1, "x") == -1);
  // an entity that does not fit whole is refused, not cut
  CHECK(html_append_escaped_str(Buf, sizeof Buf, 12, "&") == -1);
  CHECK(html_append_escaped_str(Buf, sizeof Buf, 11, "&") == 16);
}

TEST_CASE("integers format at the extremes", "[http][html]") {
  char Buf[32];
  int64_t N = html_append_i64(Buf, sizeof Buf, 0, 0);
  CHECK(std::string(Buf, static_cast<size_t>(N)) == "0");
  N = html_append_i64(Buf, sizeof Buf, 0, LLONG_MAX);
  CHECK(std::string(Buf, static_cast<size_t>(N)) == "9223372036854775807");
  N = html_append_i64(Buf, sizeof Buf, 0, LLONG_MIN);
  CHECK(std::string(Buf, static_cast<size_t>(N)) == "-9223372036854775808");
  CHECK(html_append_i64(Buf, 3, 0, 1234) == -1);
}
