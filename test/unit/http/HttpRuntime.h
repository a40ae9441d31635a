//===- HttpRuntime.h - C declarations of the IR HTTP runtime for host tests
//-===//
//
// The signatures of runtime/http.ll and runtime/html.ll as the host tests call
// them, plus the corpus decoder the tests share.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_TEST_HTTP_RUNTIME_H
#define SEMCOM_TEST_HTTP_RUNTIME_H

#include <cstdint>
#include <string>
#include <vector>

extern "C" {
int64_t http_req_size();
int64_t http_parse_request(const char *Data, int64_t Len, void *Req);
int64_t http_utf8_valid(const char *P, int64_t Len);
const char *http_req_method(void *Req);
int64_t http_req_method_len(void *Req);
const char *http_req_path(void *Req);
int64_t http_req_path_len(void *Req);
const char *http_req_query(void *Req);
int64_t http_req_query_len(void *Req);
const char *http_req_body(void *Req);
int64_t http_req_body_len(void *Req);
int64_t http_req_keep_alive(void *Req);
int64_t http_req_version_minor(void *Req);
int64_t http_req_content_length(void *Req);
int64_t http_req_head_len(void *Req);
int64_t http_req_expects_continue(void *Req);
int64_t http_req_header(void *Req, const char *Name, int64_t NameLen,
                        const char **Out);
void *http_req_routes(void *Req);
void *http_req_user(void *Req);
void http_req_set_user(void *Req, void *User);
void http_set_status(void *Req, int64_t Status);
void http_set_content_type(void *Req, const char *CType);

using HttpHandler = int64_t (*)(void *Req, char *Buf, int64_t Size);
void *route_table_new();
void route_table_free(void *T);
int64_t route_table_add(void *T, const char *Method, const char *Path,
                        HttpHandler H);
int64_t route_table_count(void *T);
const char *route_table_method(void *T, int64_t I);
const char *route_table_path(void *T, int64_t I);
int64_t route_table_find(void *T, const char *M, int64_t MLen, const char *P,
                         int64_t PLen, HttpHandler *Out);
int64_t http_respond(void *T, void *Req, char *Out, int64_t OutSize,
                     char **Start);
int64_t http_error_response(int64_t Status, char *Out, int64_t OutSize,
                            char **Start);

int64_t html_append(char *Buf, int64_t Size, int64_t Pos, const char *S,
                    int64_t Len);
int64_t html_append_str(char *Buf, int64_t Size, int64_t Pos, const char *S);
int64_t html_append_i64(char *Buf, int64_t Size, int64_t Pos, int64_t V);
int64_t html_append_escaped(char *Buf, int64_t Size, int64_t Pos, const char *S,
                            int64_t Len);
int64_t html_append_escaped_str(char *Buf, int64_t Size, int64_t Pos,
                                const char *S);
int64_t html_escape(char *Dst, int64_t DstSize, const char *Src, int64_t Len);
}

namespace semcom_test {

struct CorpusCase {
  unsigned Line;
  std::string Expect; ///< "ok", "more" or a status code
  std::string Request;
};

/// Reads Inputs/requests.txt (format described at its top).
std::vector<CorpusCase> readRequestCorpus(const std::string &Path);
/// Expands <<N:text>> and then the C escapes of one corpus request.
std::string decodeCorpusRequest(const std::string &Text);

} // namespace semcom_test

#endif
