;===- http.ll - HTTP/1.1 request parser, route table and responses -------===;
;
; The HTTP half of the runtime, target-independent. A generated server is a route table of pure
; handlers `i64 @handler(ptr %req_ctx, ptr %resp_buf, i64 %buf_size)` (bytes written or -1); this
; module parses requests strictly (hard limits, 400/413/414/431/501 on bad input), finds the handler
; (404 unknown path, 405 known path with another method) and frames the response. The parser keeps
; no state between calls: the server calls it again on the whole buffer whenever bytes arrive, and
; it rejects a bad prefix at once rather than waiting for the rest.
;
; Runtime functions used: mem_alloc, mem_realloc, mem_free, copy_bytes, str_len, format_i64.
;
;===----------------------------------------------------------------------===;

; Request context handed to handlers. Fields (read them through the http_req_* accessors):
;   0 method  1 method_len  2 path  3 path_len  4 query  5 query_len  6 body  7 body_len
;   8 headers (first header line)  9 headers_len  10 version minor (0|1)  11 keep_alive (0|1)
;   12 content_length (-1 if absent)  13 head_len  14 route table  15 response status
;   16 response content type (NUL-terminated)  17 user pointer (for the program)
%http_req = type { ptr, i64, ptr, i64, ptr, i64, ptr, i64, ptr, i64, i64, i64, i64, i64, ptr, i64,
                   ptr, ptr }

; Route table: a growable array of %http_route.
%http_routes = type { ptr, i64, i64 }               ; entries, count, capacity
%http_route = type { ptr, i64, ptr, i64, ptr }      ; method, method_len, path, path_len, handler

declare ptr @mem_alloc(i64)
declare ptr @mem_realloc(ptr, i64)
declare void @mem_free(ptr)
declare void @copy_bytes(ptr, ptr, i64)
declare i64 @str_len(ptr)
declare i64 @format_i64(i64, ptr, i64)

; Hard limits. The request line counts its CRLF; the head is request line plus header lines plus the
; empty line. A server's input buffer must hold HTTP_MAX_HEAD + HTTP_MAX_BODY bytes.
@HTTP_MAX_LINE = constant i64 2048
@HTTP_MAX_HEAD = constant i64 8192
@HTTP_MAX_BODY = constant i64 16384
@HTTP_MAX_HEADERS = constant i64 64
@HTTP_MAX_METHOD = constant i64 16
; Bytes http_respond keeps in front of the handler's buffer for the status line and headers.
@HTTP_HEADROOM = constant i64 512

@http_lit_version = private constant [7 x i8] c"HTTP/1."
@http_lit_content_length = private constant [14 x i8] c"content-length"
@http_lit_transfer_encoding = private constant [17 x i8] c"transfer-encoding"
@http_lit_host = private constant [4 x i8] c"host"
@http_lit_connection = private constant [10 x i8] c"connection"
@http_lit_close = private constant [5 x i8] c"close"
@http_lit_keep_alive = private constant [10 x i8] c"keep-alive"
@http_lit_expect = private constant [6 x i8] c"expect"
@http_lit_100_continue = private constant [12 x i8] c"100-continue"
@http_lit_get = private constant [3 x i8] c"GET"
@http_lit_head = private constant [4 x i8] c"HEAD"
@http_ctype_html = private constant [25 x i8] c"text/html; charset=utf-8\00"
@http_ctype_text = private constant [26 x i8] c"text/plain; charset=utf-8\00"

;===----------------------------------------------------------------------===;
; Byte classes
;===----------------------------------------------------------------------===;

; RFC 9110 token character: ALPHA / DIGIT / one of !#$%&'*+-.^_`|~
define internal i1 @http_is_tchar(i8 %c) #0 {
entry:
  switch i8 %c, label %ranges [
    i8 33, label %yes   i8 35, label %yes   i8 36, label %yes   i8 37, label %yes
    i8 38, label %yes   i8 39, label %yes   i8 42, label %yes   i8 43, label %yes
    i8 45, label %yes   i8 46, label %yes   i8 94, label %yes   i8 95, label %yes
    i8 96, label %yes   i8 124, label %yes  i8 126, label %yes
  ]
yes:
  ret i1 true
ranges:
  %d = sub i8 %c, 48
  %is_digit = icmp ult i8 %d, 10
  %lower = or i8 %c, 32
  %a = sub i8 %lower, 97
  %is_alpha = icmp ult i8 %a, 26
  %r = or i1 %is_digit, %is_alpha
  ret i1 %r
}

define internal i8 @http_lower(i8 %c) #0 {
entry:
  %a = sub i8 %c, 65
  %upper = icmp ult i8 %a, 26
  %l = or i8 %c, 32
  %r = select i1 %upper, i8 %l, i8 %c
  ret i8 %r
}

; Length of the UTF-8 sequence starting at %p given %avail bytes: its length (2..4) when valid,
; 0 when the bytes so far are a valid but incomplete prefix, -1 when invalid (overlong forms,
; surrogates and code points above U+10FFFF are invalid). ASCII bytes return 1.
define i64 @http_utf8_seq(ptr %p, i64 %avail) #0 {
entry:
  %c0 = load i8, ptr %p
  %ascii = icmp ult i8 %c0, 128
  br i1 %ascii, label %one, label %lead
one:
  ret i64 1
lead:
  ; (sequence length, allowed range of the second byte)
  %two = icmp uge i8 %c0, 194
  %two_hi = icmp ule i8 %c0, 223
  %is_two = and i1 %two, %two_hi
  br i1 %is_two, label %set2, label %not2
set2:
  br label %check
not2:
  %is_e0 = icmp eq i8 %c0, 224
  br i1 %is_e0, label %sete0, label %not_e0
sete0:
  br label %check
not_e0:
  %is_ed = icmp eq i8 %c0, 237
  br i1 %is_ed, label %seted, label %not_ed
seted:
  br label %check
not_ed:
  %three = icmp uge i8 %c0, 225
  %three_hi = icmp ule i8 %c0, 239
  %is_three = and i1 %three, %three_hi
  br i1 %is_three, label %set3, label %not3
set3:
  br label %check
not3:
  %is_f0 = icmp eq i8 %c0, 240
  br i1 %is_f0, label %setf0, label %not_f0
setf0:
  br label %check
not_f0:
  %is_f4 = icmp eq i8 %c0, 244
  br i1 %is_f4, label %setf4, label %not_f4
setf4:
  br label %check
not_f4:
  %four = icmp uge i8 %c0, 241
  %four_hi = icmp ule i8 %c0, 243
  %is_four = and i1 %four, %four_hi
  br i1 %is_four, label %set4, label %bad
set4:
  br label %check
check:
  %len = phi i64 [ 2, %set2 ], [ 3, %sete0 ], [ 3, %seted ], [ 3, %set3 ], [ 4, %setf0 ], [ 4, %setf4 ], [ 4, %set4 ]
  %lo1 = phi i8 [ 128, %set2 ], [ 160, %sete0 ], [ 128, %seted ], [ 128, %set3 ], [ 144, %setf0 ], [ 128, %setf4 ], [ 128, %set4 ]
  %hi1 = phi i8 [ 191, %set2 ], [ 191, %sete0 ], [ 159, %seted ], [ 191, %set3 ], [ 191, %setf0 ], [ 143, %setf4 ], [ 191, %set4 ]
  br label %cont
cont:
  %k = phi i64 [ 1, %check ], [ %k1, %cont_ok ]
  %done = icmp eq i64 %k, %len
  br i1 %done, label %valid, label %cont_avail
cont_avail:
  %have = icmp slt i64 %k, %avail
  br i1 %have, label %cont_byte, label %incomplete
cont_byte:
  %bp = getelementptr i8, ptr %p, i64 %k
  %b = load i8, ptr %bp
  %first = icmp eq i64 %k, 1
  %lo = select i1 %first, i8 %lo1, i8 128
  %hi = select i1 %first, i8 %hi1, i8 191
  %ge = icmp uge i8 %b, %lo
  %le = icmp ule i8 %b, %hi
  %in = and i1 %ge, %le
  %k1 = add i64 %k, 1
  br i1 %in, label %cont_ok, label %bad
cont_ok:
  br label %cont
valid:
  ret i64 %len
incomplete:
  ret i64 0
bad:
  ret i64 -1
}

; 1 when the %len bytes at %p are complete, valid UTF-8; else 0.
define i64 @http_utf8_valid(ptr %p, i64 %len) #0 {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %next, %step ]
  %more = icmp slt i64 %i, %len
  br i1 %more, label %body, label %yes
body:
  %q = getelementptr i8, ptr %p, i64 %i
  %rest = sub i64 %len, %i
  %n = call i64 @http_utf8_seq(ptr %q, i64 %rest)
  %ok = icmp sgt i64 %n, 0
  %next = add i64 %i, %n
  br i1 %ok, label %step, label %no
step:
  br label %loop
yes:
  ret i64 1
no:
  ret i64 0
}

;===----------------------------------------------------------------------===;
; Small byte-string helpers (no libc, no runtime dependency)
;===----------------------------------------------------------------------===;

; 1 when a[0..alen) equals b[0..blen) exactly.
define internal i1 @http_bytes_eq(ptr %a, i64 %alen, ptr %b, i64 %blen) #0 {
entry:
  %same_len = icmp eq i64 %alen, %blen
  br i1 %same_len, label %loop, label %no
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %next ]
  %more = icmp slt i64 %i, %alen
  br i1 %more, label %cmp, label %yes
cmp:
  %pa = getelementptr i8, ptr %a, i64 %i
  %pb = getelementptr i8, ptr %b, i64 %i
  %ca = load i8, ptr %pa
  %cb = load i8, ptr %pb
  %i1 = add i64 %i, 1
  %eq = icmp eq i8 %ca, %cb
  br i1 %eq, label %next, label %no
next:
  br label %loop
yes:
  ret i1 true
no:
  ret i1 false
}

; 1 when a[0..alen) equals b[0..blen) ignoring ASCII case.
define internal i1 @http_bytes_ieq(ptr %a, i64 %alen, ptr %b, i64 %blen) #0 {
entry:
  %same_len = icmp eq i64 %alen, %blen
  br i1 %same_len, label %loop, label %no
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %next ]
  %more = icmp slt i64 %i, %alen
  br i1 %more, label %cmp, label %yes
cmp:
  %pa = getelementptr i8, ptr %a, i64 %i
  %pb = getelementptr i8, ptr %b, i64 %i
  %ca = load i8, ptr %pa
  %cb = load i8, ptr %pb
  %la = call i8 @http_lower(i8 %ca)
  %lb = call i8 @http_lower(i8 %cb)
  %i1 = add i64 %i, 1
  %eq = icmp eq i8 %la, %lb
  br i1 %eq, label %next, label %no
next:
  br label %loop
yes:
  ret i1 true
no:
  ret i1 false
}

; 1 when the comma-separated list v[0..vlen) holds the token tok (any case, optional whitespace).
define internal i1 @http_has_token(ptr %v, i64 %vlen, ptr %tok, i64 %toklen) #0 {
entry:
  br label %item
item:
  %start = phi i64 [ 0, %entry ], [ %after, %next_item ]
  br label %skip_ws
skip_ws:
  %s = phi i64 [ %start, %item ], [ %s1, %ws ]
  %s_more = icmp slt i64 %s, %vlen
  br i1 %s_more, label %s_byte, label %no
s_byte:
  %sp = getelementptr i8, ptr %v, i64 %s
  %sc = load i8, ptr %sp
  %is_sp = icmp eq i8 %sc, 32
  %is_tab = icmp eq i8 %sc, 9
  %is_ws = or i1 %is_sp, %is_tab
  %s1 = add i64 %s, 1
  br i1 %is_ws, label %ws, label %find_end
ws:
  br label %skip_ws
find_end:
  %e = phi i64 [ %s, %s_byte ], [ %e1, %e_step ]
  %e_more = icmp slt i64 %e, %vlen
  br i1 %e_more, label %e_byte, label %got_item
e_byte:
  %ep = getelementptr i8, ptr %v, i64 %e
  %ec = load i8, ptr %ep
  %is_comma = icmp eq i8 %ec, 44
  %e1 = add i64 %e, 1
  br i1 %is_comma, label %got_item, label %e_step
e_step:
  br label %find_end
got_item:
  ; trim trailing whitespace of the item
  br label %trim
trim:
  %t = phi i64 [ %e, %got_item ], [ %t1, %trim_step ]
  %t_any = icmp sgt i64 %t, %s
  br i1 %t_any, label %t_byte, label %compare
t_byte:
  %t1 = sub i64 %t, 1
  %tp = getelementptr i8, ptr %v, i64 %t1
  %tc = load i8, ptr %tp
  %t_sp = icmp eq i8 %tc, 32
  %t_tab = icmp eq i8 %tc, 9
  %t_ws = or i1 %t_sp, %t_tab
  br i1 %t_ws, label %trim_step, label %compare
trim_step:
  br label %trim
compare:
  %item_len = sub i64 %t, %s
  %item_p = getelementptr i8, ptr %v, i64 %s
  %match = call i1 @http_bytes_ieq(ptr %item_p, i64 %item_len, ptr %tok, i64 %toklen)
  br i1 %match, label %yes, label %next_item
next_item:
  %after = add i64 %e, 1
  %any_left = icmp slt i64 %e, %vlen
  br i1 %any_left, label %item, label %no
yes:
  ret i1 true
no:
  ret i1 false
}

; Parses 1..18 decimal digits; -1 when empty, too long or not all digits.
define internal i64 @http_parse_decimal(ptr %s, i64 %len) #0 {
entry:
  %empty = icmp slt i64 %len, 1
  %long = icmp sgt i64 %len, 18
  %bad_len = or i1 %empty, %long
  br i1 %bad_len, label %bad, label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %digit ]
  %acc = phi i64 [ 0, %entry ], [ %acc1, %digit ]
  %more = icmp slt i64 %i, %len
  br i1 %more, label %byte, label %done
byte:
  %p = getelementptr i8, ptr %s, i64 %i
  %c = load i8, ptr %p
  %d = sub i8 %c, 48
  %is_digit = icmp ult i8 %d, 10
  %d64 = zext i8 %d to i64
  %acc10 = mul i64 %acc, 10
  %acc1 = add i64 %acc10, %d64
  %i1 = add i64 %i, 1
  br i1 %is_digit, label %digit, label %bad
digit:
  br label %loop
done:
  ret i64 %acc
bad:
  ret i64 -1
}

;===----------------------------------------------------------------------===;
; Request parser
;===----------------------------------------------------------------------===;

; Size in bytes of a request context, for callers that allocate one.
define i64 @http_req_size() #0 {
entry:
  ret i64 144
}

define void @http_req_clear(ptr %r) #0 {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %loop ]
  %p = getelementptr i64, ptr %r, i64 %i
  store i64 0, ptr %p
  %i1 = add i64 %i, 1
  %more = icmp ult i64 %i1, 18
  br i1 %more, label %loop, label %done
done:
  %cl = getelementptr %http_req, ptr %r, i32 0, i32 12
  store i64 -1, ptr %cl
  %st = getelementptr %http_req, ptr %r, i32 0, i32 15
  store i64 200, ptr %st
  %ct = getelementptr %http_req, ptr %r, i32 0, i32 16
  store ptr @http_ctype_html, ptr %ct
  ret void
}

; Parses one request from d[0..n) into %r.
; Returns the bytes the request occupies (head + body) when complete; 0 when the bytes so far are a
; valid prefix and more must be read; -status when the request must be refused:
;   -400 malformed request line, header, Content-Length, missing Host on HTTP/1.1, non-UTF-8 bytes
;   -413 Content-Length above HTTP_MAX_BODY     -414 request line above HTTP_MAX_LINE
;   -431 head above HTTP_MAX_HEAD or more than HTTP_MAX_HEADERS header lines
;   -501 Transfer-Encoding (chunked bodies are not supported)
; The user pointer (field 17) survives the call; every other field is reset.
define i64 @http_parse_request(ptr %d, i64 %n, ptr %r) #0 {
entry:
  %i = alloca i64
  %query_at = alloca i64
  %nheaders = alloca i64
  %clen = alloca i64
  %has_host = alloca i1
  %conn_close = alloca i1
  %conn_keep = alloca i1
  %user_p = getelementptr %http_req, ptr %r, i32 0, i32 17
  %user = load ptr, ptr %user_p
  call void @http_req_clear(ptr %r)
  store ptr %user, ptr %user_p
  store i64 0, ptr %i
  store i64 -1, ptr %query_at
  store i64 0, ptr %nheaders
  store i64 -1, ptr %clen
  store i1 false, ptr %has_host
  store i1 false, ptr %conn_close
  store i1 false, ptr %conn_keep
  %max_method = load i64, ptr @HTTP_MAX_METHOD
  %max_line = load i64, ptr @HTTP_MAX_LINE
  %max_head = load i64, ptr @HTTP_MAX_HEAD
  %max_body = load i64, ptr @HTTP_MAX_BODY
  %max_headers = load i64, ptr @HTTP_MAX_HEADERS
  br label %method

  ; --- method: 1..HTTP_MAX_METHOD token characters, then one space
method:
  %mi = load i64, ptr %i
  %m_have = icmp slt i64 %mi, %n
  br i1 %m_have, label %method_byte, label %incomplete
method_byte:
  %mp = getelementptr i8, ptr %d, i64 %mi
  %mc = load i8, ptr %mp
  %m_sp = icmp eq i8 %mc, 32
  br i1 %m_sp, label %method_end, label %method_char
method_char:
  %m_tchar = call i1 @http_is_tchar(i8 %mc)
  %mi1 = add i64 %mi, 1
  store i64 %mi1, ptr %i
  %m_long = icmp sgt i64 %mi1, %max_method
  %m_ok = xor i1 %m_long, true
  %m_good = and i1 %m_tchar, %m_ok
  br i1 %m_good, label %method, label %bad_request
method_end:
  %m_empty = icmp eq i64 %mi, 0
  br i1 %m_empty, label %bad_request, label %method_store
method_store:
  %f_method = getelementptr %http_req, ptr %r, i32 0, i32 0
  store ptr %d, ptr %f_method
  %f_method_len = getelementptr %http_req, ptr %r, i32 0, i32 1
  store i64 %mi, ptr %f_method_len
  %target_start = add i64 %mi, 1
  store i64 %target_start, ptr %i
  br label %target_first

  ; --- request target: origin-form, '/' then visible ASCII up to a space
target_first:
  %tf_have = icmp slt i64 %target_start, %n
  br i1 %tf_have, label %target_first_byte, label %incomplete
target_first_byte:
  %tfp = getelementptr i8, ptr %d, i64 %target_start
  %tfc = load i8, ptr %tfp
  %tf_slash = icmp eq i8 %tfc, 47
  br i1 %tf_slash, label %target, label %bad_request
target:
  %ti = load i64, ptr %i
  %t_long = icmp sge i64 %ti, %max_line
  br i1 %t_long, label %uri_too_long, label %target_have
target_have:
  %t_have = icmp slt i64 %ti, %n
  br i1 %t_have, label %target_byte, label %incomplete
target_byte:
  %tp = getelementptr i8, ptr %d, i64 %ti
  %tc = load i8, ptr %tp
  %t_sp = icmp eq i8 %tc, 32
  br i1 %t_sp, label %target_end, label %target_char
target_char:
  %t_off = sub i8 %tc, 33
  %t_visible = icmp ult i8 %t_off, 94
  %ti1 = add i64 %ti, 1
  store i64 %ti1, ptr %i
  br i1 %t_visible, label %target_query, label %bad_request
target_query:
  %t_q = icmp eq i8 %tc, 63
  %qa = load i64, ptr %query_at
  %q_unset = icmp slt i64 %qa, 0
  %q_first = and i1 %t_q, %q_unset
  %qa1 = select i1 %q_first, i64 %ti, i64 %qa
  store i64 %qa1, ptr %query_at
  br label %target
target_end:
  %qend = load i64, ptr %query_at
  %has_query = icmp sge i64 %qend, 0
  %path_end = select i1 %has_query, i64 %qend, i64 %ti
  %path_len = sub i64 %path_end, %target_start
  %path_p = getelementptr i8, ptr %d, i64 %target_start
  %f_path = getelementptr %http_req, ptr %r, i32 0, i32 2
  store ptr %path_p, ptr %f_path
  %f_path_len = getelementptr %http_req, ptr %r, i32 0, i32 3
  store i64 %path_len, ptr %f_path_len
  %q_start = add i64 %qend, 1
  %query_start = select i1 %has_query, i64 %q_start, i64 %ti
  %query_len = sub i64 %ti, %query_start
  %query_p = getelementptr i8, ptr %d, i64 %query_start
  %f_query = getelementptr %http_req, ptr %r, i32 0, i32 4
  store ptr %query_p, ptr %f_query
  %f_query_len = getelementptr %http_req, ptr %r, i32 0, i32 5
  store i64 %query_len, ptr %f_query_len
  %version_start = add i64 %ti, 1
  br label %version

  ; --- "HTTP/1." then '0' or '1' then CRLF
version:
  %vk = phi i64 [ 0, %target_end ], [ %vk1, %version_next ]
  %v_done = icmp eq i64 %vk, 7
  br i1 %v_done, label %version_minor, label %version_have
version_have:
  %vi = add i64 %version_start, %vk
  %v_have = icmp slt i64 %vi, %n
  br i1 %v_have, label %version_byte, label %incomplete
version_byte:
  %vp = getelementptr i8, ptr %d, i64 %vi
  %vc = load i8, ptr %vp
  %lp = getelementptr i8, ptr @http_lit_version, i64 %vk
  %lc = load i8, ptr %lp
  %vk1 = add i64 %vk, 1
  %v_eq = icmp eq i8 %vc, %lc
  br i1 %v_eq, label %version_next, label %bad_request
version_next:
  br label %version
version_minor:
  %mn_i = add i64 %version_start, 7
  %mn_have = icmp slt i64 %mn_i, %n
  br i1 %mn_have, label %version_minor_byte, label %incomplete
version_minor_byte:
  %mnp = getelementptr i8, ptr %d, i64 %mn_i
  %mnc = load i8, ptr %mnp
  %mn_d = sub i8 %mnc, 48
  %mn_ok = icmp ult i8 %mn_d, 2
  br i1 %mn_ok, label %version_cr, label %bad_request
version_cr:
  %minor = zext i8 %mn_d to i64
  %f_minor = getelementptr %http_req, ptr %r, i32 0, i32 10
  store i64 %minor, ptr %f_minor
  %cr_i = add i64 %version_start, 8
  %line_end = add i64 %version_start, 10
  %line_long = icmp sgt i64 %line_end, %max_line
  br i1 %line_long, label %uri_too_long, label %version_crlf
version_crlf:
  %crlf_status = call i64 @http_expect_crlf(ptr %d, i64 %n, i64 %cr_i)
  %crlf_ok = icmp eq i64 %crlf_status, 1
  br i1 %crlf_ok, label %headers_start, label %crlf_fail
crlf_fail:
  %crlf_incomplete = icmp eq i64 %crlf_status, 0
  br i1 %crlf_incomplete, label %incomplete, label %bad_request
headers_start:
  %hs_p = getelementptr i8, ptr %d, i64 %line_end
  %f_headers = getelementptr %http_req, ptr %r, i32 0, i32 8
  store ptr %hs_p, ptr %f_headers
  store i64 %line_end, ptr %i
  br label %header_line

  ; --- header lines: token ':' OWS value OWS CRLF, until an empty line
header_line:
  %hi = load i64, ptr %i
  %h_long = icmp sge i64 %hi, %max_head
  br i1 %h_long, label %head_too_large, label %header_have
header_have:
  %h_have = icmp slt i64 %hi, %n
  br i1 %h_have, label %header_first, label %incomplete
header_first:
  %hp = getelementptr i8, ptr %d, i64 %hi
  %hc = load i8, ptr %hp
  %h_cr = icmp eq i8 %hc, 13
  br i1 %h_cr, label %head_end, label %header_name
header_name:
  %name_end = call i64 @http_scan_name(ptr %d, i64 %n, i64 %hi)
  ; -1 bad byte, -2 incomplete, else the index of ':'
  %name_bad = icmp eq i64 %name_end, -1
  br i1 %name_bad, label %bad_request, label %header_name_have
header_name_have:
  %name_incomplete = icmp eq i64 %name_end, -2
  br i1 %name_incomplete, label %incomplete, label %header_name_len
header_name_len:
  %name_len = sub i64 %name_end, %hi
  %name_empty = icmp eq i64 %name_len, 0
  br i1 %name_empty, label %bad_request, label %header_value
header_value:
  %vs0 = add i64 %name_end, 1
  %value_start = call i64 @http_skip_ows(ptr %d, i64 %n, i64 %vs0)
  %value_cr = call i64 @http_scan_value(ptr %d, i64 %n, i64 %value_start)
  ; -1 bad byte, -2 incomplete, else the index of CR
  %value_bad = icmp eq i64 %value_cr, -1
  br i1 %value_bad, label %bad_request, label %header_value_have
header_value_have:
  %value_incomplete = icmp eq i64 %value_cr, -2
  br i1 %value_incomplete, label %incomplete, label %header_value_crlf
header_value_crlf:
  %hcrlf = call i64 @http_expect_crlf(ptr %d, i64 %n, i64 %value_cr)
  %hcrlf_ok = icmp eq i64 %hcrlf, 1
  br i1 %hcrlf_ok, label %header_count, label %hcrlf_fail
hcrlf_fail:
  %hcrlf_incomplete = icmp eq i64 %hcrlf, 0
  br i1 %hcrlf_incomplete, label %incomplete, label %bad_request
header_count:
  %next_line = add i64 %value_cr, 2
  store i64 %next_line, ptr %i
  %nh = load i64, ptr %nheaders
  %nh1 = add i64 %nh, 1
  store i64 %nh1, ptr %nheaders
  %too_many = icmp sgt i64 %nh1, %max_headers
  %line_past = icmp sgt i64 %next_line, %max_head
  %too_large = or i1 %too_many, %line_past
  br i1 %too_large, label %head_too_large, label %header_known
header_known:
  %value_end = call i64 @http_trim_end(ptr %d, i64 %value_start, i64 %value_cr)
  %value_len = sub i64 %value_end, %value_start
  %value_p = getelementptr i8, ptr %d, i64 %value_start
  %is_cl = call i1 @http_bytes_ieq(ptr %hp, i64 %name_len, ptr @http_lit_content_length, i64 14)
  br i1 %is_cl, label %content_length, label %not_cl
content_length:
  %cl_prev = load i64, ptr %clen
  %cl_dup = icmp sge i64 %cl_prev, 0
  br i1 %cl_dup, label %bad_request, label %content_length_parse
content_length_parse:
  %cl = call i64 @http_parse_decimal(ptr %value_p, i64 %value_len)
  %cl_bad = icmp slt i64 %cl, 0
  br i1 %cl_bad, label %bad_request, label %content_length_limit
content_length_limit:
  store i64 %cl, ptr %clen
  %cl_big = icmp sgt i64 %cl, %max_body
  br i1 %cl_big, label %body_too_large, label %header_line
not_cl:
  %is_te = call i1 @http_bytes_ieq(ptr %hp, i64 %name_len, ptr @http_lit_transfer_encoding, i64 17)
  br i1 %is_te, label %not_implemented, label %not_te
not_te:
  %is_host = call i1 @http_bytes_ieq(ptr %hp, i64 %name_len, ptr @http_lit_host, i64 4)
  br i1 %is_host, label %host, label %not_host
host:
  %host_prev = load i1, ptr %has_host
  store i1 true, ptr %has_host
  br i1 %host_prev, label %bad_request, label %header_line
not_host:
  %is_conn = call i1 @http_bytes_ieq(ptr %hp, i64 %name_len, ptr @http_lit_connection, i64 10)
  br i1 %is_conn, label %connection, label %header_line
connection:
  %c_close = call i1 @http_has_token(ptr %value_p, i64 %value_len, ptr @http_lit_close, i64 5)
  %c_keep = call i1 @http_has_token(ptr %value_p, i64 %value_len, ptr @http_lit_keep_alive, i64 10)
  %cc_prev = load i1, ptr %conn_close
  %cc = or i1 %cc_prev, %c_close
  store i1 %cc, ptr %conn_close
  %ck_prev = load i1, ptr %conn_keep
  %ck = or i1 %ck_prev, %c_keep
  store i1 %ck, ptr %conn_keep
  br label %header_line

  ; --- the empty line ends the head
head_end:
  %ecrlf = call i64 @http_expect_crlf(ptr %d, i64 %n, i64 %hi)
  %ecrlf_ok = icmp eq i64 %ecrlf, 1
  br i1 %ecrlf_ok, label %head_done, label %ecrlf_fail
ecrlf_fail:
  %ecrlf_incomplete = icmp eq i64 %ecrlf, 0
  br i1 %ecrlf_incomplete, label %incomplete, label %bad_request
head_done:
  %head_len = add i64 %hi, 2
  %head_big = icmp sgt i64 %head_len, %max_head
  br i1 %head_big, label %head_too_large, label %head_host
head_host:
  %headers_len = sub i64 %hi, %line_end
  %f_headers_len = getelementptr %http_req, ptr %r, i32 0, i32 9
  store i64 %headers_len, ptr %f_headers_len
  %f_head_len = getelementptr %http_req, ptr %r, i32 0, i32 13
  store i64 %head_len, ptr %f_head_len
  %host_seen = load i1, ptr %has_host
  %is_11 = icmp eq i64 %minor, 1
  %no_host = xor i1 %host_seen, true
  %host_missing = and i1 %is_11, %no_host
  br i1 %host_missing, label %bad_request, label %keep_alive
keep_alive:
  ; HTTP/1.1 keeps the connection unless told to close; HTTP/1.0 closes unless asked to keep it.
  %want_close = load i1, ptr %conn_close
  %want_keep = load i1, ptr %conn_keep
  %default_keep = or i1 %is_11, %want_keep
  %not_close = xor i1 %want_close, true
  %keep = and i1 %default_keep, %not_close
  %keep64 = zext i1 %keep to i64
  %f_keep = getelementptr %http_req, ptr %r, i32 0, i32 11
  store i64 %keep64, ptr %f_keep
  %clv = load i64, ptr %clen
  %f_clen = getelementptr %http_req, ptr %r, i32 0, i32 12
  store i64 %clv, ptr %f_clen
  %has_body = icmp sgt i64 %clv, 0
  %body_len = select i1 %has_body, i64 %clv, i64 0
  %total = add i64 %head_len, %body_len
  %body_p = getelementptr i8, ptr %d, i64 %head_len
  %f_body = getelementptr %http_req, ptr %r, i32 0, i32 6
  store ptr %body_p, ptr %f_body
  %f_body_len = getelementptr %http_req, ptr %r, i32 0, i32 7
  store i64 %body_len, ptr %f_body_len
  %body_here = icmp sle i64 %total, %n
  br i1 %body_here, label %complete, label %need_body
complete:
  ret i64 %total
need_body:
  ret i64 0

incomplete:
  ; Everything so far is a valid prefix; refuse only if the limits are already exceeded.
  %inc_big = icmp sge i64 %n, %max_head
  br i1 %inc_big, label %head_too_large, label %need_more
need_more:
  ret i64 0
bad_request:
  ret i64 -400
body_too_large:
  ret i64 -413
uri_too_long:
  ret i64 -414
head_too_large:
  ret i64 -431
not_implemented:
  ret i64 -501
}

; CR LF at d[i]: 1 yes, 0 incomplete, -1 something else.
define internal i64 @http_expect_crlf(ptr %d, i64 %n, i64 %i) #0 {
entry:
  %have_cr = icmp slt i64 %i, %n
  br i1 %have_cr, label %cr, label %incomplete
cr:
  %p = getelementptr i8, ptr %d, i64 %i
  %c = load i8, ptr %p
  %is_cr = icmp eq i8 %c, 13
  br i1 %is_cr, label %lf_have, label %bad
lf_have:
  %j = add i64 %i, 1
  %have_lf = icmp slt i64 %j, %n
  br i1 %have_lf, label %lf, label %incomplete
lf:
  %q = getelementptr i8, ptr %d, i64 %j
  %l = load i8, ptr %q
  %is_lf = icmp eq i8 %l, 10
  br i1 %is_lf, label %ok, label %bad
ok:
  ret i64 1
incomplete:
  ret i64 0
bad:
  ret i64 -1
}

; Field name from d[i]: index of the ':' after token characters; -1 bad byte, -2 incomplete.
define internal i64 @http_scan_name(ptr %d, i64 %n, i64 %i) #0 {
entry:
  br label %loop
loop:
  %k = phi i64 [ %i, %entry ], [ %k1, %tchar ]
  %have = icmp slt i64 %k, %n
  br i1 %have, label %byte, label %incomplete
byte:
  %p = getelementptr i8, ptr %d, i64 %k
  %c = load i8, ptr %p
  %colon = icmp eq i8 %c, 58
  br i1 %colon, label %found, label %check
check:
  %t = call i1 @http_is_tchar(i8 %c)
  %k1 = add i64 %k, 1
  br i1 %t, label %tchar, label %bad
tchar:
  br label %loop
found:
  ret i64 %k
bad:
  ret i64 -1
incomplete:
  ret i64 -2
}

; First index at or after i that is not a space or tab (may be n).
define internal i64 @http_skip_ows(ptr %d, i64 %n, i64 %i) #0 {
entry:
  br label %loop
loop:
  %k = phi i64 [ %i, %entry ], [ %k1, %ws ]
  %have = icmp slt i64 %k, %n
  br i1 %have, label %byte, label %done
byte:
  %p = getelementptr i8, ptr %d, i64 %k
  %c = load i8, ptr %p
  %sp = icmp eq i8 %c, 32
  %tab = icmp eq i8 %c, 9
  %is_ws = or i1 %sp, %tab
  %k1 = add i64 %k, 1
  br i1 %is_ws, label %ws, label %done
ws:
  br label %loop
done:
  ret i64 %k
}

; Field value from d[i]: index of the CR that ends it. Allows tab, visible ASCII, space and
; valid UTF-8; -1 for control bytes, DEL or invalid UTF-8, -2 when incomplete.
define internal i64 @http_scan_value(ptr %d, i64 %n, i64 %i) #0 {
entry:
  br label %loop
loop:
  %k = phi i64 [ %i, %entry ], [ %k1, %ascii ], [ %ku, %utf8_ok ]
  %have = icmp slt i64 %k, %n
  br i1 %have, label %byte, label %incomplete
byte:
  %p = getelementptr i8, ptr %d, i64 %k
  %c = load i8, ptr %p
  %cr = icmp eq i8 %c, 13
  br i1 %cr, label %found, label %classify
classify:
  %tab = icmp eq i8 %c, 9
  %vis_off = sub i8 %c, 32
  %visible = icmp ult i8 %vis_off, 95
  %plain = or i1 %tab, %visible
  %k1 = add i64 %k, 1
  br i1 %plain, label %ascii, label %high
ascii:
  br label %loop
high:
  %is_high = icmp uge i8 %c, 128
  br i1 %is_high, label %utf8, label %bad
utf8:
  %rest = sub i64 %n, %k
  %len = call i64 @http_utf8_seq(ptr %p, i64 %rest)
  %ku = add i64 %k, %len
  %u_bad = icmp slt i64 %len, 0
  br i1 %u_bad, label %bad, label %utf8_have
utf8_have:
  %u_short = icmp eq i64 %len, 0
  br i1 %u_short, label %incomplete, label %utf8_ok
utf8_ok:
  br label %loop
found:
  ret i64 %k
bad:
  ret i64 -1
incomplete:
  ret i64 -2
}

; End of d[start..end) with trailing spaces and tabs removed.
define internal i64 @http_trim_end(ptr %d, i64 %start, i64 %end) #0 {
entry:
  br label %loop
loop:
  %e = phi i64 [ %end, %entry ], [ %e1, %ws ]
  %any = icmp sgt i64 %e, %start
  br i1 %any, label %byte, label %done
byte:
  %e1 = sub i64 %e, 1
  %p = getelementptr i8, ptr %d, i64 %e1
  %c = load i8, ptr %p
  %sp = icmp eq i8 %c, 32
  %tab = icmp eq i8 %c, 9
  %is_ws = or i1 %sp, %tab
  br i1 %is_ws, label %ws, label %done
ws:
  br label %loop
done:
  ret i64 %e
}

;===----------------------------------------------------------------------===;
; Accessors for handlers
;===----------------------------------------------------------------------===;

define ptr @http_req_method(ptr %r) #0 {
entry:
  %f = getelementptr %http_req, ptr %r, i32 0, i32 0
  %v = load ptr, ptr %f
  ret ptr %v
}
define i64 @http_req_method_len(ptr %r) #0 {
entry:
  %f = getelementptr %http_req, ptr %r, i32 0, i32 1
  %v = load i64, ptr %f
  ret i64 %v
}
define ptr @http_req_path(ptr %r) #0 {
entry:
  %f = getelementptr %http_req, ptr %r, i32 0, i32 2
  %v = load ptr, ptr %f
  ret ptr %v
}
define i64 @http_req_path_len(ptr %r) #0 {
entry:
  %f = getelementptr %http_req, ptr %r, i32 0, i32 3
  %v = load i64, ptr %f
  ret i64 %v
}
define ptr @http_req_query(ptr %r) #0 {
entry:
  %f = getelementptr %http_req, ptr %r, i32 0, i32 4
  %v = load ptr, ptr %f
  ret ptr %v
}
define i64 @http_req_query_len(ptr %r) #0 {
entry:
  %f = getelementptr %http_req, ptr %r, i32 0, i32 5
  %v = load i64, ptr %f
  ret i64 %v
}
define ptr @http_req_body(ptr %r) #0 {
entry:
  %f = getelementptr %http_req, ptr %r, i32 0, i32 6
  %v = load ptr, ptr %f
  ret ptr %v
}
define i64 @http_req_body_len(ptr %r) #0 {
entry:
  %f = getelementptr %http_req, ptr %r, i32 0, i32 7
  %v = load i64, ptr %f
  ret i64 %v
}
define i64 @http_req_keep_alive(ptr %r) #0 {
entry:
  %f = getelementptr %http_req, ptr %r, i32 0, i32 11
  %v = load i64, ptr %f
  ret i64 %v
}
define i64 @http_req_version_minor(ptr %r) #0 {
entry:
  %f = getelementptr %http_req, ptr %r, i32 0, i32 10
  %v = load i64, ptr %f
  ret i64 %v
}
define i64 @http_req_content_length(ptr %r) #0 {
entry:
  %f = getelementptr %http_req, ptr %r, i32 0, i32 12
  %v = load i64, ptr %f
  ret i64 %v
}
; Bytes of the request head once it is complete (also while the body is still arriving), else 0.
define i64 @http_req_head_len(ptr %r) #0 {
entry:
  %f = getelementptr %http_req, ptr %r, i32 0, i32 13
  %v = load i64, ptr %f
  ret i64 %v
}
; 1 when the parsed head carries "Expect: 100-continue" (the client waits for an interim
; "100 Continue" before sending the body), else 0.
define i64 @http_req_expects_continue(ptr %r) #0 {
entry:
  %v = alloca ptr
  %len = call i64 @http_req_header(ptr %r, ptr @http_lit_expect, i64 6, ptr %v)
  %is12 = icmp eq i64 %len, 12
  br i1 %is12, label %compare, label %no
compare:
  %vp = load ptr, ptr %v
  %eq = call i1 @http_bytes_ieq(ptr %vp, i64 12, ptr @http_lit_100_continue, i64 12)
  %res = zext i1 %eq to i64
  ret i64 %res
no:
  ret i64 0
}
; The route table the request is being dispatched through (null outside http_respond).
define ptr @http_req_routes(ptr %r) #0 {
entry:
  %f = getelementptr %http_req, ptr %r, i32 0, i32 14
  %v = load ptr, ptr %f
  ret ptr %v
}
define ptr @http_req_user(ptr %r) #0 {
entry:
  %f = getelementptr %http_req, ptr %r, i32 0, i32 17
  %v = load ptr, ptr %f
  ret ptr %v
}
define void @http_req_set_user(ptr %r, ptr %user) #0 {
entry:
  %f = getelementptr %http_req, ptr %r, i32 0, i32 17
  store ptr %user, ptr %f
  ret void
}
; A handler may change the status (default 200) and content type (default text/html; charset=utf-8;
; the string must outlive the response, e.g. a global constant).
define void @http_set_status(ptr %r, i64 %status) #0 {
entry:
  %f = getelementptr %http_req, ptr %r, i32 0, i32 15
  store i64 %status, ptr %f
  ret void
}
define void @http_set_content_type(ptr %r, ptr %ctype) #0 {
entry:
  %f = getelementptr %http_req, ptr %r, i32 0, i32 16
  store ptr %ctype, ptr %f
  ret void
}

; Value of header %name (any case) of a parsed request: stores its start in *%out and returns its
; length (surrounding whitespace removed), or -1 when absent. The first occurrence wins.
define i64 @http_req_header(ptr %r, ptr %name, i64 %name_len, ptr %out) #0 {
entry:
  %fh = getelementptr %http_req, ptr %r, i32 0, i32 8
  %h = load ptr, ptr %fh
  %fl = getelementptr %http_req, ptr %r, i32 0, i32 9
  %hl = load i64, ptr %fl
  br label %line
line:
  %ls = phi i64 [ 0, %entry ], [ %next, %next_line ]
  %more = icmp slt i64 %ls, %hl
  br i1 %more, label %find_colon, label %absent
find_colon:
  %colon = call i64 @http_scan_name(ptr %h, i64 %hl, i64 %ls)
  %no_colon = icmp slt i64 %colon, 0
  br i1 %no_colon, label %absent, label %find_cr
find_cr:
  %after = add i64 %colon, 1
  %vs = call i64 @http_skip_ows(ptr %h, i64 %hl, i64 %after)
  %cr = call i64 @http_scan_value(ptr %h, i64 %hl, i64 %vs)
  %no_cr = icmp slt i64 %cr, 0
  br i1 %no_cr, label %absent, label %compare
compare:
  %next = add i64 %cr, 2
  %np = getelementptr i8, ptr %h, i64 %ls
  %nl = sub i64 %colon, %ls
  %match = call i1 @http_bytes_ieq(ptr %np, i64 %nl, ptr %name, i64 %name_len)
  br i1 %match, label %found, label %next_line
next_line:
  br label %line
found:
  %ve = call i64 @http_trim_end(ptr %h, i64 %vs, i64 %cr)
  %vp = getelementptr i8, ptr %h, i64 %vs
  store ptr %vp, ptr %out
  %vlen = sub i64 %ve, %vs
  ret i64 %vlen
absent:
  ret i64 -1
}

;===----------------------------------------------------------------------===;
; Route table
;===----------------------------------------------------------------------===;

; An empty table; null when out of memory.
define ptr @route_table_new() #0 {
entry:
  %t = call ptr @mem_alloc(i64 24)
  %null = icmp eq ptr %t, null
  br i1 %null, label %fail, label %entries
entries:
  %e = call ptr @mem_alloc(i64 320)
  %enull = icmp eq ptr %e, null
  br i1 %enull, label %fail_free, label %ok
ok:
  %fe = getelementptr %http_routes, ptr %t, i32 0, i32 0
  store ptr %e, ptr %fe
  %fc = getelementptr %http_routes, ptr %t, i32 0, i32 1
  store i64 0, ptr %fc
  %fcap = getelementptr %http_routes, ptr %t, i32 0, i32 2
  store i64 8, ptr %fcap
  ret ptr %t
fail_free:
  call void @mem_free(ptr %t)
  br label %fail
fail:
  ret ptr null
}

define void @route_table_free(ptr %t) #0 {
entry:
  %null = icmp eq ptr %t, null
  br i1 %null, label %done, label %free
free:
  %fe = getelementptr %http_routes, ptr %t, i32 0, i32 0
  %e = load ptr, ptr %fe
  call void @mem_free(ptr %e)
  call void @mem_free(ptr %t)
  br label %done
done:
  ret void
}

; Adds METHOD PATH -> handler (method and path NUL-terminated, kept by reference). Returns the new
; route count, or -1 when out of memory. The table grows as needed.
define i64 @route_table_add(ptr %t, ptr %method, ptr %path, ptr %handler) #0 {
entry:
  %fe = getelementptr %http_routes, ptr %t, i32 0, i32 0
  %fc = getelementptr %http_routes, ptr %t, i32 0, i32 1
  %fcap = getelementptr %http_routes, ptr %t, i32 0, i32 2
  %count = load i64, ptr %fc
  %cap = load i64, ptr %fcap
  %full = icmp sge i64 %count, %cap
  br i1 %full, label %grow, label %store
grow:
  %old = load ptr, ptr %fe
  %cap2 = mul i64 %cap, 2
  %bytes = mul i64 %cap2, 40
  %new = call ptr @mem_realloc(ptr %old, i64 %bytes)
  %nnull = icmp eq ptr %new, null
  br i1 %nnull, label %fail, label %grown
grown:
  store ptr %new, ptr %fe
  store i64 %cap2, ptr %fcap
  br label %store
store:
  %entries = load ptr, ptr %fe
  %slot = getelementptr %http_route, ptr %entries, i64 %count
  %mlen = call i64 @str_len(ptr %method)
  %plen = call i64 @str_len(ptr %path)
  %s0 = getelementptr %http_route, ptr %slot, i32 0, i32 0
  store ptr %method, ptr %s0
  %s1 = getelementptr %http_route, ptr %slot, i32 0, i32 1
  store i64 %mlen, ptr %s1
  %s2 = getelementptr %http_route, ptr %slot, i32 0, i32 2
  store ptr %path, ptr %s2
  %s3 = getelementptr %http_route, ptr %slot, i32 0, i32 3
  store i64 %plen, ptr %s3
  %s4 = getelementptr %http_route, ptr %slot, i32 0, i32 4
  store ptr %handler, ptr %s4
  %count1 = add i64 %count, 1
  store i64 %count1, ptr %fc
  ret i64 %count1
fail:
  ret i64 -1
}

define i64 @route_table_count(ptr %t) #0 {
entry:
  %fc = getelementptr %http_routes, ptr %t, i32 0, i32 1
  %c = load i64, ptr %fc
  ret i64 %c
}

; Route %i's field %field (0 method, 2 path, 4 handler) or null when %i is out of range.
define internal ptr @http_route_field(ptr %t, i64 %i, i32 %field) #0 {
entry:
  %fc = getelementptr %http_routes, ptr %t, i32 0, i32 1
  %c = load i64, ptr %fc
  %in = icmp ult i64 %i, %c
  br i1 %in, label %get, label %none
get:
  %fe = getelementptr %http_routes, ptr %t, i32 0, i32 0
  %e = load ptr, ptr %fe
  %slot = getelementptr %http_route, ptr %e, i64 %i
  %off = mul i32 %field, 8
  %fp = getelementptr i8, ptr %slot, i32 %off
  %v = load ptr, ptr %fp
  ret ptr %v
none:
  ret ptr null
}

; NUL-terminated method / path of route %i, null when out of range.
define ptr @route_table_method(ptr %t, i64 %i) #0 {
entry:
  %v = call ptr @http_route_field(ptr %t, i64 %i, i32 0)
  ret ptr %v
}
define ptr @route_table_path(ptr %t, i64 %i) #0 {
entry:
  %v = call ptr @http_route_field(ptr %t, i64 %i, i32 2)
  ret ptr %v
}
define ptr @route_table_handler(ptr %t, i64 %i) #0 {
entry:
  %v = call ptr @http_route_field(ptr %t, i64 %i, i32 4)
  ret ptr %v
}

; Looks up METHOD PATH. Returns 200 and stores the handler in *%out_handler, 405 when the path is
; known under other methods only, 404 when the path is unknown.
define i64 @route_table_find(ptr %t, ptr %method, i64 %method_len, ptr %path, i64 %path_len,
                             ptr %out_handler) #0 {
entry:
  %fe = getelementptr %http_routes, ptr %t, i32 0, i32 0
  %e = load ptr, ptr %fe
  %fc = getelementptr %http_routes, ptr %t, i32 0, i32 1
  %c = load i64, ptr %fc
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %next ]
  %path_seen = phi i1 [ false, %entry ], [ %seen1, %next ]
  %more = icmp slt i64 %i, %c
  br i1 %more, label %check_path, label %miss
check_path:
  %slot = getelementptr %http_route, ptr %e, i64 %i
  %pp = getelementptr %http_route, ptr %slot, i32 0, i32 2
  %p = load ptr, ptr %pp
  %plp = getelementptr %http_route, ptr %slot, i32 0, i32 3
  %pl = load i64, ptr %plp
  %i1 = add i64 %i, 1
  %path_eq = call i1 @http_bytes_eq(ptr %path, i64 %path_len, ptr %p, i64 %pl)
  br i1 %path_eq, label %check_method, label %next
check_method:
  %mp = getelementptr %http_route, ptr %slot, i32 0, i32 0
  %m = load ptr, ptr %mp
  %mlp = getelementptr %http_route, ptr %slot, i32 0, i32 1
  %ml = load i64, ptr %mlp
  %method_eq = call i1 @http_bytes_eq(ptr %method, i64 %method_len, ptr %m, i64 %ml)
  br i1 %method_eq, label %hit, label %next
next:
  %seen1 = or i1 %path_seen, %path_eq
  br label %loop
hit:
  %hp = getelementptr %http_route, ptr %slot, i32 0, i32 4
  %h = load ptr, ptr %hp
  store ptr %h, ptr %out_handler
  ret i64 200
miss:
  %status = select i1 %path_seen, i64 405, i64 404
  ret i64 %status
}

; Writes "M1, M2" for every method registered for the path into dst (at most cap bytes); returns
; the length. Used for the Allow header of 405 responses.
define internal i64 @http_allow_list(ptr %t, ptr %path, i64 %path_len, ptr %dst, i64 %cap) #0 {
entry:
  %fe = getelementptr %http_routes, ptr %t, i32 0, i32 0
  %e = load ptr, ptr %fe
  %fc = getelementptr %http_routes, ptr %t, i32 0, i32 1
  %c = load i64, ptr %fc
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %next ]
  %len = phi i64 [ 0, %entry ], [ %len1, %next ]
  %more = icmp slt i64 %i, %c
  br i1 %more, label %check, label %done
check:
  %slot = getelementptr %http_route, ptr %e, i64 %i
  %pp = getelementptr %http_route, ptr %slot, i32 0, i32 2
  %p = load ptr, ptr %pp
  %plp = getelementptr %http_route, ptr %slot, i32 0, i32 3
  %pl = load i64, ptr %plp
  %i1 = add i64 %i, 1
  %eq = call i1 @http_bytes_eq(ptr %path, i64 %path_len, ptr %p, i64 %pl)
  br i1 %eq, label %append, label %skip
append:
  %mp = getelementptr %http_route, ptr %slot, i32 0, i32 0
  %m = load ptr, ptr %mp
  %mlp = getelementptr %http_route, ptr %slot, i32 0, i32 1
  %ml = load i64, ptr %mlp
  %first = icmp eq i64 %len, 0
  %sep = select i1 %first, i64 0, i64 2
  %need0 = add i64 %len, %sep
  %need = add i64 %need0, %ml
  %fits = icmp sle i64 %need, %cap
  br i1 %fits, label %write, label %skip
write:
  %sp0 = getelementptr i8, ptr %dst, i64 %len
  br i1 %first, label %write_method, label %write_sep
write_sep:
  store i8 44, ptr %sp0
  %sp1 = getelementptr i8, ptr %sp0, i64 1
  store i8 32, ptr %sp1
  br label %write_method
write_method:
  %mdst = getelementptr i8, ptr %dst, i64 %need0
  call void @copy_bytes(ptr %mdst, ptr %m, i64 %ml)
  br label %next
skip:
  %len_skip = phi i64 [ %len, %check ], [ %len, %append ]
  br label %next
next:
  %len1 = phi i64 [ %len_skip, %skip ], [ %need, %write_method ]
  br label %loop
done:
  ret i64 %len
}

;===----------------------------------------------------------------------===;
; Responses
;===----------------------------------------------------------------------===;

@http_r200 = private constant [3 x i8] c"OK\00"
@http_r201 = private constant [8 x i8] c"Created\00"
@http_r204 = private constant [11 x i8] c"No Content\00"
@http_r302 = private constant [6 x i8] c"Found\00"
@http_r400 = private constant [12 x i8] c"Bad Request\00"
@http_r403 = private constant [10 x i8] c"Forbidden\00"
@http_r404 = private constant [10 x i8] c"Not Found\00"
@http_r405 = private constant [19 x i8] c"Method Not Allowed\00"
@http_r413 = private constant [18 x i8] c"Content Too Large\00"
@http_r414 = private constant [13 x i8] c"URI Too Long\00"
@http_r431 = private constant [32 x i8] c"Request Header Fields Too Large\00"
@http_r500 = private constant [22 x i8] c"Internal Server Error\00"
@http_r501 = private constant [16 x i8] c"Not Implemented\00"
@http_r_other = private constant [7 x i8] c"Status\00"

; Reason phrase of a status code (NUL-terminated).
define ptr @http_reason(i64 %status) #0 {
entry:
  switch i64 %status, label %other [
    i64 200, label %s200  i64 201, label %s201  i64 204, label %s204  i64 302, label %s302
    i64 400, label %s400  i64 403, label %s403  i64 404, label %s404  i64 405, label %s405
    i64 413, label %s413  i64 414, label %s414  i64 431, label %s431  i64 500, label %s500
    i64 501, label %s501
  ]
s200:
  ret ptr @http_r200
s201:
  ret ptr @http_r201
s204:
  ret ptr @http_r204
s302:
  ret ptr @http_r302
s400:
  ret ptr @http_r400
s403:
  ret ptr @http_r403
s404:
  ret ptr @http_r404
s405:
  ret ptr @http_r405
s413:
  ret ptr @http_r413
s414:
  ret ptr @http_r414
s431:
  ret ptr @http_r431
s500:
  ret ptr @http_r500
s501:
  ret ptr @http_r501
other:
  ret ptr @http_r_other
}

; Appends src[0..len) at dst[pos] if it fits in cap; returns the new position or -1 (-1 propagates).
define internal i64 @http_put(ptr %dst, i64 %cap, i64 %pos, ptr %src, i64 %len) #0 {
entry:
  %bad = icmp slt i64 %pos, 0
  br i1 %bad, label %fail, label %check
check:
  %end = add i64 %pos, %len
  %fits = icmp sle i64 %end, %cap
  br i1 %fits, label %copy, label %fail
copy:
  %p = getelementptr i8, ptr %dst, i64 %pos
  call void @copy_bytes(ptr %p, ptr %src, i64 %len)
  ret i64 %end
fail:
  ret i64 -1
}

define internal i64 @http_put_cstr(ptr %dst, i64 %cap, i64 %pos, ptr %s) #0 {
entry:
  %len = call i64 @str_len(ptr %s)
  %r = call i64 @http_put(ptr %dst, i64 %cap, i64 %pos, ptr %s, i64 %len)
  ret i64 %r
}

; Decimal of a value.
define internal i64 @http_put_uint(ptr %dst, i64 %cap, i64 %pos, i64 %value) #0 {
entry:
  %bad = icmp slt i64 %pos, 0
  br i1 %bad, label %fail, label %format
format:
  %at = getelementptr i8, ptr %dst, i64 %pos
  %room = sub i64 %cap, %pos
  %n = call i64 @format_i64(i64 %value, ptr %at, i64 %room)
  %none = icmp slt i64 %n, 0
  %end = add i64 %pos, %n
  %r = select i1 %none, i64 -1, i64 %end
  ret i64 %r
fail:
  ret i64 -1
}

@http_h_status = private constant [10 x i8] c"HTTP/1.1 \00"
@http_h_ctype = private constant [17 x i8] c"\0D\0AContent-Type: \00"
@http_h_clen = private constant [19 x i8] c"\0D\0AContent-Length: \00"
@http_h_allow = private constant [10 x i8] c"\0D\0AAllow: \00"
@http_h_keep = private constant [29 x i8] c"\0D\0AConnection: keep-alive\0D\0A\0D\0A\00"
@http_h_close = private constant [24 x i8] c"\0D\0AConnection: close\0D\0A\0D\0A\00"

; Writes a response head into dst (at most cap bytes); returns its length or -1.
define i64 @http_write_head(ptr %dst, i64 %cap, i64 %status, ptr %ctype, i64 %body_len,
                            i64 %keep_alive, ptr %allow, i64 %allow_len) #0 {
entry:
  %p0 = call i64 @http_put_cstr(ptr %dst, i64 %cap, i64 0, ptr @http_h_status)
  %p1 = call i64 @http_put_uint(ptr %dst, i64 %cap, i64 %p0, i64 %status)
  %sp = alloca i8
  store i8 32, ptr %sp
  %p2 = call i64 @http_put(ptr %dst, i64 %cap, i64 %p1, ptr %sp, i64 1)
  %reason = call ptr @http_reason(i64 %status)
  %p3 = call i64 @http_put_cstr(ptr %dst, i64 %cap, i64 %p2, ptr %reason)
  %p4 = call i64 @http_put_cstr(ptr %dst, i64 %cap, i64 %p3, ptr @http_h_ctype)
  %p5 = call i64 @http_put_cstr(ptr %dst, i64 %cap, i64 %p4, ptr %ctype)
  %p6 = call i64 @http_put_cstr(ptr %dst, i64 %cap, i64 %p5, ptr @http_h_clen)
  %p7 = call i64 @http_put_uint(ptr %dst, i64 %cap, i64 %p6, i64 %body_len)
  %has_allow = icmp sgt i64 %allow_len, 0
  br i1 %has_allow, label %allow_hdr, label %conn
allow_hdr:
  %pa = call i64 @http_put_cstr(ptr %dst, i64 %cap, i64 %p7, ptr @http_h_allow)
  %pb = call i64 @http_put(ptr %dst, i64 %cap, i64 %pa, ptr %allow, i64 %allow_len)
  br label %conn
conn:
  %p8 = phi i64 [ %p7, %entry ], [ %pb, %allow_hdr ]
  %keep = icmp ne i64 %keep_alive, 0
  %tail = select i1 %keep, ptr @http_h_keep, ptr @http_h_close
  %p9 = call i64 @http_put_cstr(ptr %dst, i64 %cap, i64 %p8, ptr %tail)
  ret i64 %p9
}

; Puts the head in front of a body that already sits at out + HTTP_HEADROOM and stores the start of
; the response in *%start; returns the response length (head only when %head_only), or -1.
define internal i64 @http_frame(ptr %out, i64 %status, ptr %ctype, i64 %body_len, i64 %keep_alive,
                                ptr %allow, i64 %allow_len, i1 %head_only, ptr %start) #0 {
entry:
  %head = alloca [512 x i8]
  %hl = call i64 @http_write_head(ptr %head, i64 512, i64 %status, ptr %ctype, i64 %body_len,
                                  i64 %keep_alive, ptr %allow, i64 %allow_len)
  %bad = icmp slt i64 %hl, 0
  br i1 %bad, label %fail, label %place
place:
  %room = load i64, ptr @HTTP_HEADROOM
  %at = sub i64 %room, %hl
  %dst = getelementptr i8, ptr %out, i64 %at
  call void @copy_bytes(ptr %dst, ptr %head, i64 %hl)
  store ptr %dst, ptr %start
  %full = add i64 %hl, %body_len
  %len = select i1 %head_only, i64 %hl, i64 %full
  ret i64 %len
fail:
  ret i64 -1
}

; A response for a request refused before dispatch (status 400, 408, 413, 414, 431, 501, …): the
; reason phrase as a text/plain body, Connection: close. Returns the length; *%start its start.
define i64 @http_error_response(i64 %status, ptr %out, i64 %out_size, ptr %start) #0 {
entry:
  %len = call i64 @http_refusal(ptr %out, i64 %out_size, i64 %status, i64 0, ptr null, i64 0,
                                i1 false, ptr %start)
  ret i64 %len
}

; A refusal with its reason phrase as a text/plain body (shared by the parser's refusals and
; dispatch's 404/405/500).
define internal i64 @http_refusal(ptr %out, i64 %out_size, i64 %status, i64 %keep_alive,
                                  ptr %allow, i64 %allow_len, i1 %head_only, ptr %start) #0 {
entry:
  %nl = alloca i8
  %room = load i64, ptr @HTTP_HEADROOM
  %body = getelementptr i8, ptr %out, i64 %room
  %cap = sub i64 %out_size, %room
  %reason = call ptr @http_reason(i64 %status)
  %b0 = call i64 @http_put_cstr(ptr %body, i64 %cap, i64 0, ptr %reason)
  store i8 10, ptr %nl
  %b1 = call i64 @http_put(ptr %body, i64 %cap, i64 %b0, ptr %nl, i64 1)
  %len = call i64 @http_frame(ptr %out, i64 %status, ptr @http_ctype_text, i64 %b1, i64 %keep_alive,
                              ptr %allow, i64 %allow_len, i1 %head_only, ptr %start)
  ret i64 %len
}

; Dispatches a parsed request through the route table into %out (%out_size bytes, of which the
; first HTTP_HEADROOM hold the head): runs the handler on the rest, or answers 404 / 405 (with
; Allow), or 500 when the handler fails. HEAD is answered as GET without the body. Stores the start
; of the response in *%start and returns its length.
define i64 @http_respond(ptr %t, ptr %r, ptr %out, i64 %out_size, ptr %start) #0 {
entry:
  %handler = alloca ptr
  %allow = alloca [128 x i8]
  %f_routes = getelementptr %http_req, ptr %r, i32 0, i32 14
  store ptr %t, ptr %f_routes
  %room = load i64, ptr @HTTP_HEADROOM
  %body = getelementptr i8, ptr %out, i64 %room
  %cap = sub i64 %out_size, %room
  %m = call ptr @http_req_method(ptr %r)
  %ml = call i64 @http_req_method_len(ptr %r)
  %p = call ptr @http_req_path(ptr %r)
  %pl = call i64 @http_req_path_len(ptr %r)
  %keep = call i64 @http_req_keep_alive(ptr %r)
  %is_head = call i1 @http_bytes_eq(ptr %m, i64 %ml, ptr @http_lit_head, i64 4)
  %lm = select i1 %is_head, ptr @http_lit_get, ptr %m
  %lml = select i1 %is_head, i64 3, i64 %ml
  %found = call i64 @route_table_find(ptr %t, ptr %lm, i64 %lml, ptr %p, i64 %pl, ptr %handler)
  %ok = icmp eq i64 %found, 200
  br i1 %ok, label %run, label %refuse
run:
  %h = load ptr, ptr %handler
  %n = call i64 %h(ptr %r, ptr %body, i64 %cap)
  %neg = icmp slt i64 %n, 0
  %over = icmp sgt i64 %n, %cap
  %failed = or i1 %neg, %over
  br i1 %failed, label %server_error, label %success
success:
  %st_p = getelementptr %http_req, ptr %r, i32 0, i32 15
  %st = load i64, ptr %st_p
  %ct_p = getelementptr %http_req, ptr %r, i32 0, i32 16
  %ct = load ptr, ptr %ct_p
  %len = call i64 @http_frame(ptr %out, i64 %st, ptr %ct, i64 %n, i64 %keep, ptr null, i64 0,
                              i1 %is_head, ptr %start)
  ret i64 %len
server_error:
  br label %refuse_body
refuse:
  br label %refuse_body
refuse_body:
  %status = phi i64 [ 500, %server_error ], [ %found, %refuse ]
  %is405 = icmp eq i64 %status, 405
  br i1 %is405, label %allow_list, label %frame_refusal
allow_list:
  %al = call i64 @http_allow_list(ptr %t, ptr %p, i64 %pl, ptr %allow, i64 128)
  br label %frame_refusal
frame_refusal:
  %allow_len = phi i64 [ 0, %refuse_body ], [ %al, %allow_list ]
  %rlen = call i64 @http_refusal(ptr %out, i64 %out_size, i64 %status, i64 %keep, ptr %allow,
                                 i64 %allow_len, i1 %is_head, ptr %start)
  ret i64 %rlen
}

attributes #0 = { nounwind optsize minsize }
