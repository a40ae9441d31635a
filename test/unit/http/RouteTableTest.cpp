//===- RouteTableTest.cpp - route lookup, dispatch and response framing
//----===//
//
// route_table_* and http_respond from runtime/http.ll: 200 through a handler,
// 404, 405 with Allow, HEAD, handler failure, and the head the server writes
// for refused requests.
//
//===----------------------------------------------------------------------===//
#include "HttpRuntime.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

int64_t helloHandler(void *Req, char *Buf, int64_t Size) {
  return html_append_str(Buf, Size, 0, "<h1>hello</h1>");
}
int64_t echoHandler(void *Req, char *Buf, int64_t Size) {
  int64_t P = html_append_str(Buf, Size, 0, "<pre>");
  P = html_append_escaped(Buf, Size, P, http_req_body(Req),
                          http_req_body_len(Req));
  return html_append_str(Buf, Size, P, "</pre>");
}
int64_t failingHandler(void *, char *, int64_t) { return -1; }
int64_t createdHandler(void *Req, char *Buf, int64_t Size) {
  http_set_status(Req, 201);
  http_set_content_type(Req, "application/json");
  return html_append_str(Buf, Size, 0, "{}");
}
int64_t routesHandler(void *Req, char *Buf, int64_t Size) {
  void *T = http_req_routes(Req);
  int64_t P = 0;
  for (int64_t I = 0; I < route_table_count(T); ++I) {
    P = html_append_str(Buf, Size, P, route_table_method(T, I));
    P = html_append_str(Buf, Size, P, " ");
    P = html_append_str(Buf, Size, P, route_table_path(T, I));
    P = html_append_str(Buf, Size, P, ";");
  }
  return P;
}

struct Server {
  void *Table = route_table_new();
  std::vector<char> Req =
      std::vector<char>(static_cast<size_t>(http_req_size()));
  std::vector<char> Out = std::vector<char>(8192);
  Server() {
    route_table_add(Table, "GET", "/", helloHandler);
    route_table_add(Table, "POST", "/api/echo", echoHandler);
    route_table_add(Table, "GET", "/fail", failingHandler);
    route_table_add(Table, "POST", "/fail", failingHandler);
    route_table_add(Table, "PUT", "/created", createdHandler);
    route_table_add(Table, "GET", "/routes", routesHandler);
  }
  ~Server() { route_table_free(Table); }
  std::string respond(const std::string &Request) {
    int64_t Used = http_parse_request(
        Request.data(), static_cast<int64_t>(Request.size()), Req.data());
    if (Used <= 0)
      return "parse " + std::to_string(Used);
    char *Start = nullptr;
    int64_t Len = http_respond(Table, Req.data(), Out.data(),
                               static_cast<int64_t>(Out.size()), &Start);
    if (Len < 0)
      return "respond -1";
    return std::string(Start, static_cast<size_t>(Len));
  }
};

} // namespace

TEST_CASE("lookup finds handlers, 404 for unknown paths, 405 for other methods",
          "[http][routes]") {
  Server S;
  HttpHandler H = nullptr;
  CHECK(route_table_count(S.Table) == 6);
  CHECK(route_table_find(S.Table, "GET", 3, "/", 1, &H) == 200);
  CHECK(H == helloHandler);
  CHECK(route_table_find(S.Table, "POST", 4, "/api/echo", 9, &H) == 200);
  CHECK(H == echoHandler);
  CHECK(route_table_find(S.Table, "PUT", 3, "/", 1, &H) == 405);
  CHECK(route_table_find(S.Table, "GET", 3, "/nonexistent", 12, &H) == 404);
  CHECK(route_table_find(S.Table, "GET", 3, "/api/echo/", 10, &H) == 404);
  CHECK(route_table_find(S.Table, "GE", 2, "/", 1, &H) == 405);
  CHECK(route_table_method(S.Table, 6) == nullptr);
  CHECK(std::string(route_table_path(S.Table, 1)) == "/api/echo");
}

TEST_CASE("the table grows past its first capacity", "[http][routes]") {
  void *T = route_table_new();
  std::vector<std::string> Paths;
  for (int I = 0; I < 100; ++I)
    Paths.push_back("/p" + std::to_string(I));
  for (int I = 0; I < 100; ++I)
    REQUIRE(route_table_add(T, "GET", Paths[I].c_str(), helloHandler) == I + 1);
  HttpHandler H = nullptr;
  CHECK(route_table_find(T, "GET", 3, "/p99", 4, &H) == 200);
  CHECK(std::string(route_table_path(T, 57)) == "/p57");
  route_table_free(T);
}

TEST_CASE("a handler's bytes become a framed 200 response", "[http][respond]") {
  Server S;
  CHECK(S.respond("GET / HTTP/1.1\r\nHost: a\r\n\r\n") ==
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; "
        "charset=utf-8\r\nContent-Length: 14\r\n"
        "Connection: keep-alive\r\n\r\n<h1>hello</h1>");
  CHECK(S.respond("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n") ==
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; "
        "charset=utf-8\r\nContent-Length: 14\r\n"
        "Connection: close\r\n\r\n<h1>hello</h1>");
}

TEST_CASE("the echo handler escapes the body", "[http][respond]") {
  Server S;
  std::string Body = "Hello <world> & \"friends\"";
  std::string R =
      S.respond("POST /api/echo HTTP/1.1\r\nHost: a\r\nContent-Length: " +
                std::to_string(Body.size()) + "\r\n\r\n" + Body);
  CHECK(R.substr(R.find("\r\n\r\n") + 4) ==
        "<pre>Hello &lt;world&gt; &amp; &quot;friends&quot;</pre>");
}

TEST_CASE("unknown paths get 404, wrong methods 405 with Allow",
          "[http][respond]") {
  Server S;
  std::string NotFound =
      S.respond("GET /nonexistent HTTP/1.1\r\nHost: a\r\n\r\n");
  CHECK(NotFound.rfind("HTTP/1.1 404 Not Found\r\n", 0) == 0);
  CHECK(NotFound.find("Connection: keep-alive") != std::string::npos);
  std::string Wrong = S.respond("PUT / HTTP/1.1\r\nHost: a\r\n\r\n");
  CHECK(Wrong.rfind("HTTP/1.1 405 Method Not Allowed\r\n", 0) == 0);
  CHECK(Wrong.find("\r\nAllow: GET\r\n") != std::string::npos);
  std::string Two = S.respond("DELETE /fail HTTP/1.1\r\nHost: a\r\n\r\n");
  CHECK(Two.find("\r\nAllow: GET, POST\r\n") != std::string::npos);
}

TEST_CASE("HEAD answers as GET without the body", "[http][respond]") {
  Server S;
  CHECK(S.respond("HEAD / HTTP/1.1\r\nHost: a\r\n\r\n") ==
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; "
        "charset=utf-8\r\nContent-Length: 14\r\n"
        "Connection: keep-alive\r\n\r\n");
}

TEST_CASE("a failing handler gives 500 and handlers may set status and type",
          "[http][respond]") {
  Server S;
  CHECK(S.respond("GET /fail HTTP/1.1\r\nHost: a\r\n\r\n")
            .rfind("HTTP/1.1 500 Internal Server Error\r\n", 0) == 0);
  std::string Created = S.respond("PUT /created HTTP/1.1\r\nHost: a\r\n\r\n");
  CHECK(Created.rfind(
            "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\n", 0) ==
        0);
  // the next request starts from the defaults again
  CHECK(S.respond("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
            .rfind("HTTP/1.1 200 OK\r\nContent-Type: text/html", 0) == 0);
}

TEST_CASE("handlers can walk the route table", "[http][respond]") {
  Server S;
  std::string R = S.respond("GET /routes HTTP/1.1\r\nHost: a\r\n\r\n");
  CHECK(R.substr(R.find("\r\n\r\n") + 4) ==
        "GET /;POST /api/echo;GET /fail;POST /fail;PUT /created;GET /routes;");
}

TEST_CASE("refusals close the connection", "[http][respond]") {
  char Out[1024];
  char *Start = nullptr;
  int64_t Len = http_error_response(431, Out, sizeof Out, &Start);
  REQUIRE(Len > 0);
  CHECK(std::string(Start, static_cast<size_t>(Len)) ==
        "HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: "
        "text/plain; charset=utf-8\r\n"
        "Content-Length: 32\r\nConnection: close\r\n\r\nRequest Header Fields "
        "Too Large\n");
}
