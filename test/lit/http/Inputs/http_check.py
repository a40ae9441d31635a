#!/usr/bin/env python3
"""Runs examples/http-server on a free loopback port and checks it from the outside.

usage: http_check.py CHECK SERVER [--runner CMD] [--corpus FILE] [--requests N]
CHECK is one of: routes, malformed, slowloris, rss. Prints one line per observation for FileCheck and
exits non-zero when the server died or a check could not run. The server is always killed at the end.
"""
import argparse
import os
import re
import shlex
import socket
import subprocess
import sys
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, binary, runner, timeout_ms=None):
        self.port = free_port()
        argv = shlex.split(runner) if runner else []
        argv += [binary, str(self.port)]
        if timeout_ms:
            argv.append(str(timeout_ms))
        self.proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        deadline = time.time() + 10
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                if self.proc.poll() is not None:
                    break
                time.sleep(0.05)
        self.stop()
        sys.exit("server did not start listening on port %d" % self.port)

    def alive(self):
        return self.proc.poll() is None

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()


def curl(port, path, *extra):
    """(status, body) of one curl request."""
    out = subprocess.run(
        ["curl", "-s", "--max-time", "5", "-o", "-", "-w", "\n%{http_code}", *extra,
         "http://127.0.0.1:%d%s" % (port, path)],
        capture_output=True, check=False).stdout.decode("utf-8", "replace")
    body, _, status = out.rpartition("\n")
    return status, body


def decode_corpus_request(text):
    """<<N:text>> first, then C escapes, as HostRuntime.cpp does."""
    out = ""
    i = 0
    while True:
        j = text.find("<<", i)
        if j < 0:
            out += text[i:]
            break
        colon = text.index(":", j)
        close = text.index(">>", j)
        out += text[i:j] + text[colon + 1:close] * int(text[j + 2:colon])
        i = close + 2
    raw = bytearray()
    k = 0
    while k < len(out):
        c = out[k]
        if c == "\\" and k + 1 < len(out):
            e = out[k + 1]
            if e == "x":
                raw.append(int(out[k + 2:k + 4], 16))
                k += 4
                continue
            raw += {"r": b"\r", "n": b"\n", "t": b"\t", "\\": b"\\"}[e]
            k += 2
            continue
        raw += c.encode("latin-1")
        k += 1
    return bytes(raw)


def read_corpus(path):
    cases = []
    with open(path, encoding="latin-1") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            expect, _, request = line.partition(" ")
            cases.append((lineno, expect, decode_corpus_request(request)))
    return cases


def exchange(port, data, wait=5.0):
    """Sends data, returns (status line, whether the server closed the connection)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=wait)
    try:
        s.sendall(data)
        got = b""
        closed = False
        end = time.time() + wait
        while time.time() < end:
            try:
                chunk = s.recv(65536)
            except socket.timeout:
                break
            except ConnectionResetError:
                return got.split(b"\r\n", 1)[0].decode("latin-1"), "reset"
            if not chunk:
                closed = True
                break
            got += chunk
        return got.split(b"\r\n", 1)[0].decode("latin-1"), closed
    finally:
        s.close()


def check_routes(srv, args):
    port = srv.port
    status, body = curl(port, "/")
    print("GET / ->", status, "html" if body.startswith("<!doctype html>") else "no-html")
    print("GET /nonexistent ->", curl(port, "/nonexistent")[0])
    print("PUT / ->", curl(port, "/", "-X", "PUT")[0])
    print("DELETE /api/echo ->", curl(port, "/api/echo", "-X", "DELETE")[0])
    for path in ["/whitepaper", "/build-log"]:
        status, body = curl(port, path)
        print("GET %s -> %s %d bytes" % (path, status, len(body.encode())))
    status, body = curl(port, "/api/stats")
    print("GET /api/stats ->", status, body)
    status, body = curl(port, "/fragment/routes")
    print("GET /fragment/routes ->", status, body)
    status, body = curl(port, "/api/echo", "--data-binary", 'Hello <world> & "friends"')
    print("POST /api/echo ->", status, body)
    status, body = curl(port, "/api/echo", "-X", "GET")
    print("GET /api/echo ->", status)
    # a client that asks for "100 Continue" before sending its body gets it, then the answer
    out = subprocess.run(["curl", "-s", "-v", "--max-time", "5", "-o", "/dev/null",
                          "-H", "Expect: 100-continue", "--data-binary", "x" * 5000,
                          "http://127.0.0.1:%d/api/echo" % port],
                         capture_output=True, check=False).stderr.decode()
    print("Expect: 100-continue ->", [l[2:].strip() for l in out.splitlines()
                                      if l.startswith("< HTTP/")])
    status, _ = curl(port, "/", "-I")
    print("HEAD / ->", status)
    # keep-alive: curl reuses one connection for several URLs on one command line
    out = subprocess.run(["curl", "-s", "-v", "--max-time", "5", "-o", "/dev/null",
                          "http://127.0.0.1:%d/" % port, "-o", "/dev/null",
                          "http://127.0.0.1:%d/whitepaper" % port],
                         capture_output=True, check=False).stderr.decode()
    print("keep-alive reused:", "Re-using existing connection" in out)
    # Connection: close is honoured: the server closes after the response
    status, closed = exchange(port, b"GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
    print("Connection: close ->", status, "closed" if closed is True else closed)
    status, closed = exchange(port, b"GET / HTTP/1.0\r\n\r\n")
    print("HTTP/1.0 ->", status, "closed" if closed is True else closed)
    status, closed = exchange(port, b"GET / HTTP/1.1\r\nHost: a\r\n\r\n", wait=1.0)
    print("HTTP/1.1 default ->", status, "closed" if closed is True else "open")
    # two pipelined requests in one packet
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    s.sendall(b"GET /api/stats HTTP/1.1\r\nHost: a\r\n\r\nGET /nonexistent HTTP/1.1\r\nHost: a\r\n"
              b"Connection: close\r\n\r\n")
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    s.close()
    print("pipelined:", re.findall(r"HTTP/1\.1 \d{3}", data.decode("utf-8", "replace")))
    # a client that reads slowly: 64 KB responses to eight pipelined requests do not fit the
    # socket, so the server keeps the rest, waits for EPOLLOUT and then answers the next request
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.settimeout(10)
    s.connect(("127.0.0.1", port))
    body = b"<" * 16000
    one = b"POST /api/echo HTTP/1.1\r\nHost: a\r\nContent-Length: 16000\r\n\r\n" + body
    last = one.replace(b"Host: a\r\n", b"Host: a\r\nConnection: close\r\n")
    s.sendall(one * 7 + last)
    time.sleep(0.5)
    slow = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        slow += chunk
    s.close()
    echoed = slow.count(b"&lt;" * 16000)
    print("slow reader: %d responses, %d full echoes" %
          (len(re.findall(rb"HTTP/1\.1 200", slow)), echoed))


def check_malformed(srv, args):
    port = srv.port
    for lineno, expect, request in read_corpus(args.corpus):
        if expect == "more":
            continue
        status, closed = exchange(port, request)
        code = status.split(" ")[1] if status.startswith("HTTP/1.1 ") else "none"
        if expect == "ok":
            verdict = "ok" if code in ("200", "404", "405") else "BAD"
            print("line %d: ok -> %s %s" % (lineno, code, verdict))
        else:
            verdict = "ok" if code == expect and closed is True else "BAD"
            print("line %d: %s -> %s %s %s" % (lineno, expect, code,
                                                "closed" if closed is True else closed, verdict))
    # a body over the limit that the client really sends: the 413 must arrive, not a reset
    big = b"POST /api/echo HTTP/1.1\r\nHost: a\r\nContent-Length: 200000\r\n\r\n" + b"x" * 200000
    status, closed = exchange(port, big)
    print("sent 200000-byte body ->", status, "closed" if closed is True else closed)
    print("still serving:", curl(port, "/")[0], "alive" if srv.alive() else "DEAD")


def check_slowloris(srv, args):
    port = srv.port
    request = b"GET / HTTP/1.1\r\nHost: slow\r\n\r\n"
    slow = []
    for _ in range(args.connections):
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        slow.append(s)
    served = 0
    worst = 0.0
    start = time.time()
    sent = 0
    # each slow client sends one byte a second; meanwhile another client asks for pages
    while time.time() - start < args.seconds:
        if time.time() - start >= sent:
            for s in slow:
                try:
                    s.send(request[sent:sent + 1])
                except OSError:
                    pass
            sent += 1
        t0 = time.time()
        status, _ = curl(port, "/api/stats")
        worst = max(worst, time.time() - t0)
        if status == "200":
            served += 1
        time.sleep(0.1)
    print("slow connections:", len(slow), "bytes each:", sent)
    print("other client served:", "yes" if served >= 5 else "no", "worst under 1s:",
          "yes" if worst < 1.0 else "no (%.2fs)" % worst)
    # the server's request timeout (given on its command line) closes the slow connections
    time.sleep(args.timeout_ms / 1000.0 + 1.5)
    closed = 0
    for s in slow:
        s.settimeout(0.5)
        try:
            if s.recv(1024) == b"":
                closed += 1
        except (ConnectionResetError, BrokenPipeError):
            closed += 1
        except socket.timeout:
            pass
        s.close()
    print("slow connections closed by timeout:", closed == len(slow))
    print("still serving:", curl(port, "/")[0])


def vm_rss_kb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


def check_rss(srv, args):
    port = srv.port
    request = b"GET /api/stats HTTP/1.1\r\nHost: a\r\n\r\n"
    close_request = b"GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"

    def run(n):
        ok = 0
        # half on one keep-alive connection, half on a new connection each
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        f = s.makefile("rb")
        for _ in range(n // 2):
            s.sendall(request)
            status = f.readline()
            length = 0
            while True:
                line = f.readline()
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
                if line in (b"\r\n", b""):
                    break
            f.read(length)
            ok += status.startswith(b"HTTP/1.1 200")
        s.close()
        for _ in range(n - n // 2):
            c = socket.create_connection(("127.0.0.1", port), timeout=5)
            c.sendall(close_request)
            data = b""
            while True:
                chunk = c.recv(65536)
                if not chunk:
                    break
                data += chunk
            c.close()
            ok += data.startswith(b"HTTP/1.1 200")
        return ok

    run(1000)  # warm up: first touches of buffers and slots
    before = vm_rss_kb(srv.proc.pid)
    ok = run(args.requests)
    after = vm_rss_kb(srv.proc.pid)
    print("requests answered 200: %s" % ("all" if ok == args.requests else "%d of %d" %
                                         (ok, args.requests)))
    print("VmRSS before %d kB after %d kB" % (before, after), file=sys.stderr)
    print("rss flat (growth <= 16 kB):", "yes" if after - before <= 16 else
          "no (%d kB -> %d kB)" % (before, after))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("check", choices=["routes", "malformed", "slowloris", "rss"])
    p.add_argument("server")
    p.add_argument("--runner", default="")
    p.add_argument("--corpus")
    p.add_argument("--requests", type=int, default=20000)
    p.add_argument("--connections", type=int, default=50)
    p.add_argument("--seconds", type=float, default=3.0)
    p.add_argument("--timeout-ms", type=int, default=1500)
    args = p.parse_args()
    srv = Server(args.server, args.runner,
                 timeout_ms=args.timeout_ms if args.check == "slowloris" else None)
    try:
        {"routes": check_routes, "malformed": check_malformed, "slowloris": check_slowloris,
         "rss": check_rss}[args.check](srv, args)
        print("server alive at end:", srv.alive())
    finally:
        srv.stop()


if __name__ == "__main__":
    main()
