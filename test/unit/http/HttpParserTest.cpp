//===- HttpParserTest.cpp - the IR request parser against the request corpus
//-===//
//
// Drives http_parse_request (runtime/http.ll, compiled for the host) with
// Inputs/requests.txt and with hand-built requests, checking results, accessors
// and keep-alive rules.
//
//===----------------------------------------------------------------------===//
#include "HttpRuntime.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace semcom_test;

namespace {

struct Req {
  std::vector<char> Storage;
  Req() : Storage(static_cast<size_t>(http_req_size())) {}
  void *get() { return Storage.data(); }
};

int64_t parse(const std::string &S, Req &R) {
  return http_parse_request(S.data(), static_cast<int64_t>(S.size()), R.get());
}

std::string field(const char *P, int64_t Len) {
  return std::string(P, static_cast<size_t>(Len));
}

std::string header(Req &R, const std::string &Name) {
  const char *V = nullptr;
  int64_t Len = http_req_header(R.get(), Name.data(),
                                static_cast<int64_t>(Name.size()), &V);
  return Len < 0 ? std::string("<absent>") : field(V, Len);
}

std::vector<CorpusCase> corpus() {
  return readRequestCorpus(std::string(SEMCOM_TEST_INPUTS) + "/requests.txt");
}

} // namespace

TEST_CASE("every corpus request gets its expected verdict", "[http][parser]") {
  std::vector<CorpusCase> Cases = corpus();
  REQUIRE(Cases.size() > 40);
  for (const CorpusCase &C : Cases) {
    INFO("requests.txt:" << C.Line);
    Req R;
    int64_t Got = parse(C.Request, R);
    if (C.Expect == "ok")
      CHECK(Got == static_cast<int64_t>(C.Request.size()));
    else if (C.Expect == "more")
      CHECK(Got == 0);
    else
      CHECK(Got == -std::stoll(C.Expect));
  }
}

TEST_CASE("prefixes of a valid request ask for more, never refuse",
          "[http][parser]") {
  for (const CorpusCase &C : corpus()) {
    if (C.Expect != "ok" || C.Request.size() > 4096)
      continue;
    INFO("requests.txt:" << C.Line);
    for (size_t N = 0; N < C.Request.size(); ++N) {
      Req R;
      INFO("prefix length " << N);
      REQUIRE(parse(C.Request.substr(0, N), R) == 0);
    }
  }
}

TEST_CASE("prefixes of a refused request never pass as complete",
          "[http][parser]") {
  for (const CorpusCase &C : corpus()) {
    if (C.Expect == "ok" || C.Expect == "more")
      continue;
    INFO("requests.txt:" << C.Line);
    int64_t Status = -std::stoll(C.Expect);
    for (size_t N = 0; N <= C.Request.size(); N += 1 + N / 64) {
      Req R;
      int64_t Got = parse(C.Request.substr(0, N), R);
      INFO("prefix length " << N << " gave " << Got);
      CHECK((Got == 0 || Got == Status));
    }
  }
}

TEST_CASE("request line parts and headers are exposed through accessors",
          "[http][parser]") {
  Req R;
  std::string S = "POST /api/echo?name=x&y=2 HTTP/1.1\r\nHost: example\r\n"
                  "X-Trace:  abc def \t\r\ncontent-LENGTH: 5\r\n\r\nhelloGET";
  REQUIRE(parse(S, R) == static_cast<int64_t>(S.size() - 3));
  CHECK(field(http_req_method(R.get()), http_req_method_len(R.get())) ==
        "POST");
  CHECK(field(http_req_path(R.get()), http_req_path_len(R.get())) ==
        "/api/echo");
  CHECK(field(http_req_query(R.get()), http_req_query_len(R.get())) ==
        "name=x&y=2");
  CHECK(field(http_req_body(R.get()), http_req_body_len(R.get())) == "hello");
  CHECK(http_req_content_length(R.get()) == 5);
  CHECK(http_req_version_minor(R.get()) == 1);
  CHECK(header(R, "host") == "example");
  CHECK(header(R, "X-TRACE") == "abc def");
  CHECK(header(R, "Content-Length") == "5");
  CHECK(header(R, "X-Missing") == "<absent>");
  CHECK(header(R, "X-Trac") == "<absent>");
}

TEST_CASE("a request without a query or body has empty ones",
          "[http][parser]") {
  Req R;
  // the request context points into the request bytes, so they must outlive it
  std::string First = "GET /whitepaper HTTP/1.1\r\nHost: a\r\n\r\n";
  REQUIRE(parse(First, R) > 0);
  CHECK(field(http_req_path(R.get()), http_req_path_len(R.get())) ==
        "/whitepaper");
  CHECK(http_req_query_len(R.get()) == 0);
  CHECK(http_req_body_len(R.get()) == 0);
  CHECK(http_req_content_length(R.get()) == -1);
  std::string Second = "GET /a? HTTP/1.1\r\nHost: a\r\n\r\n";
  REQUIRE(parse(Second, R) > 0);
  CHECK(field(http_req_path(R.get()), http_req_path_len(R.get())) == "/a");
  CHECK(http_req_query_len(R.get()) == 0);
}

TEST_CASE("keep-alive follows the version and the Connection header",
          "[http][parser]") {
  struct Case {
    const char *Request;
    int64_t Keep;
  } Cases[] = {
      {"GET / HTTP/1.1\r\nHost: a\r\n\r\n", 1},
      {"GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", 0},
      {"GET / HTTP/1.1\r\nHost: a\r\nConnection: Upgrade, CLOSE\r\n\r\n", 0},
      {"GET / HTTP/1.1\r\nHost: a\r\nConnection: closed\r\n\r\n", 1},
      {"GET / HTTP/1.0\r\n\r\n", 0},
      {"GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", 1},
      {"GET / HTTP/1.0\r\nConnection: keep-alive, close\r\n\r\n", 0},
  };
  for (const Case &C : Cases) {
    INFO(C.Request);
    Req R;
    REQUIRE(parse(C.Request, R) > 0);
    CHECK(http_req_keep_alive(R.get()) == C.Keep);
  }
}

TEST_CASE("pipelined requests are consumed one at a time", "[http][parser]") {
  std::string First = "GET /a HTTP/1.1\r\nHost: a\r\n\r\n";
  std::string Second =
      "POST /b HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nhi";
  std::string Both = First + Second;
  Req R;
  REQUIRE(parse(Both, R) == static_cast<int64_t>(First.size()));
  std::string Rest = Both.substr(First.size());
  REQUIRE(parse(Rest, R) == static_cast<int64_t>(Second.size()));
  CHECK(field(http_req_body(R.get()), http_req_body_len(R.get())) == "hi");
}

TEST_CASE("the user pointer survives parsing", "[http][parser]") {
  Req R;
  int Marker = 0;
  parse("", R);
  http_req_set_user(R.get(), &Marker);
  REQUIRE(parse("GET / HTTP/1.1\r\nHost: a\r\n\r\n", R) > 0);
  CHECK(http_req_user(R.get()) == &Marker);
}

TEST_CASE("UTF-8 validation accepts valid text and rejects junk",
          "[http][utf8]") {
  auto Valid = [](const std::string &S) {
    return http_utf8_valid(S.data(), static_cast<int64_t>(S.size()));
  };
  CHECK(Valid("") == 1);
  CHECK(Valid("plain ascii") == 1);
  CHECK(Valid("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80") == 1);
  CHECK(Valid("\xff") == 0);
  CHECK(Valid("\xc3") == 0);             // truncated
  CHECK(Valid("\xc0\xaf") == 0);         // overlong
  CHECK(Valid("\xe0\x80\xaf") == 0);     // overlong
  CHECK(Valid("\xed\xa0\x80") == 0);     // surrogate
  CHECK(Valid("\xf4\x90\x80\x80") == 0); // above U+10FFFF
  CHECK(Valid("\x80") == 0);             // lone continuation
}

TEST_CASE("a head waiting for its body shows its length and Expect",
          "[http][parser]") {
  Req R;
  std::string Head =
      "POST /api/echo HTTP/1.1\r\nHost: a\r\nExpect: 100-Continue\r\n"
      "Content-Length: 4\r\n\r\n";
  REQUIRE(parse(Head, R) == 0);
  CHECK(http_req_head_len(R.get()) == static_cast<int64_t>(Head.size()));
  CHECK(http_req_expects_continue(R.get()) == 1);
  std::string Whole = Head + "abcd";
  REQUIRE(parse(Whole, R) == static_cast<int64_t>(Whole.size()));
  CHECK(http_req_expects_continue(R.get()) == 1);
  // no head yet, or no Expect, or another expectation
  std::string Partial = "POST /api/echo HTTP/1.1\r\nHost: a\r\n";
  REQUIRE(parse(Partial, R) == 0);
  CHECK(http_req_head_len(R.get()) == 0);
  std::string Plain = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\n";
  REQUIRE(parse(Plain, R) == 0);
  CHECK(http_req_expects_continue(R.get()) == 0);
  std::string Other = "POST / HTTP/1.1\r\nHost: a\r\nExpect: "
                      "200-ok\r\nContent-Length: 4\r\n\r\n";
  REQUIRE(parse(Other, R) == 0);
  CHECK(http_req_expects_continue(R.get()) == 0);
}
