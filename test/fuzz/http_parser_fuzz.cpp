//===- http_parser_fuzz.cpp - libFuzzer harness for the IR request parser
//---===//
//
// Links runtime/http.ll and runtime/html.ll (compiled by clang with ASan and
// coverage) into a host fuzzer. Besides memory errors it checks the parser's
// contract: the verdict is one of the documented values, every field of a
// complete request lies inside the input, a complete request parses the same on
// exactly its own bytes, no shorter prefix gets a different verdict, and
// responses and escaping stay within their buffers.
//
//===----------------------------------------------------------------------===//
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

extern "C" {
int64_t http_req_size();
int64_t http_parse_request(const uint8_t *Data, int64_t Len, void *Req);
const uint8_t *http_req_method(void *Req);
int64_t http_req_method_len(void *Req);
const uint8_t *http_req_path(void *Req);
int64_t http_req_path_len(void *Req);
const uint8_t *http_req_query(void *Req);
int64_t http_req_query_len(void *Req);
const uint8_t *http_req_body(void *Req);
int64_t http_req_body_len(void *Req);
int64_t http_req_keep_alive(void *Req);
int64_t http_req_content_length(void *Req);
int64_t http_req_head_len(void *Req);
int64_t http_req_expects_continue(void *Req);
int64_t http_req_header(void *Req, const char *Name, int64_t NameLen,
                        const uint8_t **Out);
using Handler = int64_t (*)(void *, char *, int64_t);
void *route_table_new();
int64_t route_table_add(void *T, const char *M, const char *P, Handler H);
int64_t http_respond(void *T, void *Req, char *Out, int64_t OutSize,
                     char **Start);
int64_t html_escape(char *Dst, int64_t DstSize, const uint8_t *Src,
                    int64_t Len);
int64_t html_append_str(char *Buf, int64_t Size, int64_t Pos, const char *S);
int64_t html_append_escaped(char *Buf, int64_t Size, int64_t Pos,
                            const uint8_t *S, int64_t Len);
}

namespace {

[[noreturn]] void fail() { __builtin_trap(); }

void inside(const uint8_t *Base, size_t Size, const uint8_t *P, int64_t Len) {
  if (Len < 0 || P < Base || P + Len > Base + Size)
    fail();
}

int64_t echo(void *Req, char *Buf, int64_t Size) {
  int64_t P = html_append_str(Buf, Size, 0, "<pre>");
  P = html_append_escaped(Buf, Size, P, http_req_body(Req),
                          http_req_body_len(Req));
  return html_append_str(Buf, Size, P, "</pre>");
}

bool refusal(int64_t R) {
  return R == -400 || R == -413 || R == -414 || R == -431 || R == -501;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  static std::vector<char> Req(static_cast<size_t>(http_req_size()));
  static void *Table = [] {
    void *T = route_table_new();
    route_table_add(T, "GET", "/", echo);
    route_table_add(T, "POST", "/api/echo", echo);
    return T;
  }();
  int64_t Len = static_cast<int64_t>(Size);
  int64_t R = http_parse_request(Data, Len, Req.data());
  if (!(R == 0 || refusal(R) || (R > 0 && R <= Len)))
    fail();

  if (R == 0 && http_req_head_len(Req.data()) > 0) {
    // head complete, body still to come: what the server looks at before
    // sending 100 Continue
    if (http_req_head_len(Req.data()) > Len ||
        http_req_expects_continue(Req.data()) > 1)
      fail();
  }
  if (R > 0) {
    void *Q = Req.data();
    if (http_req_head_len(Q) < 1 ||
        http_req_head_len(Q) + http_req_body_len(Q) != R)
      fail();
    inside(Data, Size, http_req_method(Q), http_req_method_len(Q));
    inside(Data, Size, http_req_path(Q), http_req_path_len(Q));
    inside(Data, Size, http_req_query(Q), http_req_query_len(Q));
    inside(Data, Size, http_req_body(Q), http_req_body_len(Q));
    if (http_req_method_len(Q) < 1 || http_req_path_len(Q) < 1 ||
        *http_req_path(Q) != '/')
      fail();
    int64_t CL = http_req_content_length(Q);
    if (http_req_body_len(Q) != (CL < 0 ? 0 : CL) || http_req_keep_alive(Q) > 1)
      fail();
    const uint8_t *V = nullptr;
    int64_t VL = http_req_header(Q, "host", 4, &V);
    if (VL >= 0)
      inside(Data, Size, V, VL);
    // exactly its own bytes give the same verdict
    std::vector<uint8_t> Own(Data, Data + R);
    if (http_parse_request(Own.data(), R, Req.data()) != R)
      fail();
    static std::vector<char> Out(4096);
    char *Start = nullptr;
    int64_t N = http_respond(Table, Req.data(), Out.data(),
                             static_cast<int64_t>(Out.size()), &Start);
    if (N < 0 || Start < Out.data() || Start + N > Out.data() + Out.size())
      fail();
  }
  if (Size > 1) {
    // bytes after a complete request do not change it, and a refused prefix
    // stays refused (the server answers the first refusal it sees, so the
    // status may differ as more bytes arrive)
    size_t Cut = Size / 2;
    std::vector<uint8_t> Prefix(Data, Data + Cut);
    int64_t P = http_parse_request(Prefix.data(), static_cast<int64_t>(Cut),
                                   Req.data());
    if (P > 0 && R != P)
      fail();
    if (refusal(P) && !refusal(R))
      fail();
  }
  std::vector<char> Escaped(Size * 6 + 1);
  int64_t E = html_escape(Escaped.data(), static_cast<int64_t>(Escaped.size()),
                          Data, Len);
  if (E < static_cast<int64_t>(Size) ||
      std::memchr(Escaped.data(), '<', static_cast<size_t>(E)))
    fail();
  return 0;
}
