#!/usr/bin/env python3
"""Writes the semcom-mock-llm scripts of test/lit/program/ (the JSON is committed)."""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))

def task(text):
    return "```task\n" + text.strip() + "\n```\n"

def llvm(ir):
    return "```llvm\n" + ir.strip() + "\n```\n"

def js(doc):
    return "```json\n" + json.dumps(doc, indent=1) + "\n```\n"

def py(code):
    return "```python\n" + code.strip() + "\n```\n"

def write(name, answers):
    with open(os.path.join(HERE, name), "w") as f:
        json.dump({"responses": [{"text": a} for a in answers]}, f, indent=1)
        f.write("\n")

# --- an HTTP site: GET / is a page, GET /health says ok, the rest is the runtime's 404 ---

SITE_PLAN = task("""
@create site.ll
An HTTP server on port 8080: GET / answers an HTML page with the heading "Hello from Semcom",
GET /health answers "ok"; every other path is 404.
define i64 @semcom_main(i64 %argc, ptr %argv)
""")

def site(health_text):
    n = len(health_text) + 1
    return llvm(f"""
; An HTTP server on port 8080 with two pages.
@get = private unnamed_addr constant [4 x i8] c"GET\\00"
@root = private unnamed_addr constant [2 x i8] c"/\\00"
@health = private unnamed_addr constant [8 x i8] c"/health\\00"
@hello = private unnamed_addr constant [27 x i8] c"<h1>Hello from Semcom</h1>\\00"
@ok = private unnamed_addr constant [{n} x i8] c"{health_text}\\00"

declare ptr @route_table_new()
declare i64 @route_table_add(ptr, ptr, ptr, ptr)
declare i64 @http_serve(ptr, i64)
declare i64 @html_append_str(ptr, i64, i64, ptr)

define internal i64 @page_root(ptr %req, ptr %buf, i64 %size) {{
entry:
  %n = call i64 @html_append_str(ptr %buf, i64 %size, i64 0, ptr @hello)
  ret i64 %n
}}

define internal i64 @page_health(ptr %req, ptr %buf, i64 %size) {{
entry:
  %n = call i64 @html_append_str(ptr %buf, i64 %size, i64 0, ptr @ok)
  ret i64 %n
}}

define i64 @semcom_main(i64 %argc, ptr %argv) {{
entry:
  %t = call ptr @route_table_new()
  %a = call i64 @route_table_add(ptr %t, ptr @get, ptr @root, ptr @page_root)
  %b = call i64 @route_table_add(ptr %t, ptr @get, ptr @health, ptr @page_health)
  %e = call i64 @http_serve(ptr %t, i64 8080)
  ret i64 1
}}
""")

# A repair that breaks the home page (an anchor): the route for / is gone.
SITE_BROKEN_HOME = llvm("""
@get = private unnamed_addr constant [4 x i8] c"GET\\00"
@health = private unnamed_addr constant [8 x i8] c"/health\\00"
@ok = private unnamed_addr constant [3 x i8] c"ok\\00"

declare ptr @route_table_new()
declare i64 @route_table_add(ptr, ptr, ptr, ptr)
declare i64 @http_serve(ptr, i64)
declare i64 @html_append_str(ptr, i64, i64, ptr)

define internal i64 @page_health(ptr %req, ptr %buf, i64 %size) {
entry:
  %n = call i64 @html_append_str(ptr %buf, i64 %size, i64 0, ptr @ok)
  ret i64 %n
}

define i64 @semcom_main(i64 %argc, ptr %argv) {
entry:
  %t = call ptr @route_table_new()
  %b = call i64 @route_table_add(ptr %t, ptr @get, ptr @health, ptr @page_health)
  %e = call i64 @http_serve(ptr %t, i64 8080)
  ret i64 1
}
""")

def site_checks(extra=()):
    checks = [
        {"name": "home page", "request": {"method": "GET", "path": "/"}, "status": 200,
         "body_contains": ["Hello from Semcom"], "headers_contain": {"Content-Type": "text/html"}},
        {"name": "health", "request": {"method": "GET", "path": "/health"}, "status": 200,
         "body_contains": ["ok"]},
        {"name": "unknown path", "request": {"method": "GET", "path": "/nope"}, "status": 404},
    ]
    return js({"kind": "http", "port": 8080, "args": [],
               "description": "GET / is a page with the heading Hello from Semcom; GET /health says ok; other paths are 404.",
               "checks": checks + list(extra)})

SITE_REFERENCE = py("""
from http.server import BaseHTTPRequestHandler, HTTPServer

class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/":
            status, body = 200, b"<h1>Hello from Semcom</h1>"
        elif self.path == "/health":
            status, body = 200, b"ok"
        else:
            status, body = 404, b"not found"
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass

HTTPServer(("127.0.0.1", 8080), Handler).serve_forever()
""")

def site_checks_doc():
    return json.loads(site_checks().split("\n", 1)[1].rsplit("```", 1)[0])

with open(os.path.join(HERE, "site-checks.json"), "w") as f:
    json.dump(site_checks_doc(), f, indent=1)
    f.write("\n")

write("http.json", [SITE_PLAN, site("ok"), site_checks(), SITE_REFERENCE])
# The intent layer expects wording the request never asked for; the reference disagrees.
write("http-disputed.json", [SITE_PLAN, site("ok"), site_checks([
    {"name": "greeting wording", "request": {"method": "GET", "path": "/"}, "status": 200,
     "body_contains": ["Hello, world"]}]), SITE_REFERENCE])
# The first program answers /health wrongly; one behavioural repair (an @target of site.ll) fixes it.
write("http-repair.json", [SITE_PLAN, site("no"), site_checks(), SITE_REFERENCE, site("ok")])
# Wrong, and the only repair breaks the home page: rejected, the program is reported failed.
write("http-rejected.json", [SITE_PLAN, site("no"), site_checks(), SITE_REFERENCE, SITE_BROKEN_HOME])
# The module never validates: the build stops before linking, and "program" says so.
write("unbuilt.json", [SITE_PLAN, "I cannot write this module."])
# Checks that are never valid: three answers, then a clean failure.
write("checks-garbage.json", [SITE_PLAN, site("ok"), "I would test the home page.",
                              js({"kind": "http", "checks": [{"request": {"path": "/"}}]}),
                              js({"kind": "gopher"})])

# --- a cli filter: stdin to upper case, bytes as they come (NUL included) ---

UPPER_PLAN = task("""
@create upper.ll
A filter: copies standard input to standard output with ASCII letters a-z made upper case; every
other byte (NUL included) passes unchanged; exit 0.
define i64 @semcom_main(i64 %argc, ptr %argv)
""")

UPPER = llvm("""
; stdin -> stdout, a-z made A-Z, 64 KB at a time.
declare i64 @sys_read(i64, ptr, i64)
declare i64 @write_all(i64, ptr, i64)
declare ptr @mem_alloc(i64)

define i64 @semcom_main(i64 %argc, ptr %argv) {
entry:
  %buf = call ptr @mem_alloc(i64 65536)
  br label %read
read:
  %n = call i64 @sys_read(i64 0, ptr %buf, i64 65536)
  %eintr = icmp eq i64 %n, -4
  br i1 %eintr, label %read, label %got
got:
  %more = icmp sgt i64 %n, 0
  br i1 %more, label %loop, label %done
loop:
  %i = phi i64 [ 0, %got ], [ %i1, %next ]
  %p = getelementptr i8, ptr %buf, i64 %i
  %c = load i8, ptr %p
  %ge = icmp uge i8 %c, 97
  %le = icmp ule i8 %c, 122
  %lower = and i1 %ge, %le
  br i1 %lower, label %up, label %next
up:
  %u = sub i8 %c, 32
  store i8 %u, ptr %p
  br label %next
next:
  %i1 = add i64 %i, 1
  %end = icmp eq i64 %i1, %n
  br i1 %end, label %write, label %loop
write:
  %w = call i64 @write_all(i64 1, ptr %buf, i64 %n)
  %bad = icmp slt i64 %w, 0
  br i1 %bad, label %fail, label %read
done:
  %neg = icmp slt i64 %n, 0
  br i1 %neg, label %fail, label %ok
ok:
  ret i64 0
fail:
  ret i64 1
}
""")

write("upper.json", [UPPER_PLAN, UPPER])

# The model's checks for the filter give no edge cases; Semcom adds them, expecting the reference.
write("upper-model.json", [UPPER_PLAN, UPPER,
    js({"kind": "cli", "description": "stdin to stdout with a-z made upper case",
        "checks": [{"name": "a line", "stdin": "hello\n", "stdout": "HELLO\n"},
                   {"name": "mixed", "stdin": "MiXeD 123\n", "stdout": "MIXED 123\n"}]}),
    py("""
import sys
data = sys.stdin.buffer.read()
sys.stdout.buffer.write(bytes(c - 32 if 97 <= c <= 122 else c for c in data))
""")])

# --- a TCP echo server (the demo's plan and module), checked by send/expect exchanges ---

with open(os.path.join(HERE, "..", "..", "..", "..", "examples", "demo", "echo-server.json")) as f:
    ECHO = [r["text"] for r in json.load(f)["responses"]]

write("tcp-echo.json", ECHO + [
    js({"kind": "tcp", "port": 8080, "args": ["8080"],
        "description": "echoes every byte of each connection back until the client closes",
        "checks": [
            {"name": "one line", "exchanges": [{"send": "hello\n", "expect": "hello\n"}]},
            {"name": "several exchanges", "exchanges": [{"send": "a", "expect": "a"},
                                                         {"send": "bc\n", "expect": "bc\n"}]},
            {"name": "NUL bytes", "exchanges": [{"send_base64": "AAEAAg==", "expect_base64": "AAEAAg=="}]},
            {"name": "upper-cased echo", "exchanges": [{"send": "hi\n", "expect": "HI\n"}]}]}),
    py("""
import socket, sys

port = int(sys.argv[1])
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", port))
s.listen(8)
while True:
    c, _ = s.accept()
    while True:
        data = c.recv(4096)
        if not data:
            break
        c.sendall(data)
    c.close()
""")])

# The first reference crashes on every input: it is re-asked once with the reason; the second is fine.
UPPER_CHECKS = js({"kind": "cli", "description": "stdin to stdout with a-z made upper case",
                   "checks": [{"name": "a line", "stdin": "hello\n", "stdout": "HELLO\n"},
                              {"name": "mixed", "stdin": "MiXeD 123\n", "stdout": "MIXED 123\n"}]})
CRASHING = py("""
import sys
data = sys.stdin.buffer.read()
print(len(data) // 0)
""")
UPPER_REF = py("""
import sys
data = sys.stdin.buffer.read()
sys.stdout.buffer.write(bytes(c - 32 if 97 <= c <= 122 else c for c in data))
""")
write("reference-reasked.json", [UPPER_PLAN, UPPER, UPPER_CHECKS, CRASHING, UPPER_REF])
write("reference-never.json", [UPPER_PLAN, UPPER, UPPER_CHECKS, CRASHING, CRASHING])

# The first filter stops at 'y' (z stays lower case): the 4 MB check fails, the rest are anchors;
# one repair through @target upper.ll fixes it.
UPPER_NO_Z = UPPER.replace("%le = icmp ule i8 %c, 122", "%le = icmp ule i8 %c, 121")
assert UPPER_NO_Z != UPPER
write("upper-repair.json", [UPPER_PLAN, UPPER_NO_Z, UPPER])
