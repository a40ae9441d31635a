#!/usr/bin/env python3
"""Writes the semcom-mock-llm scripts of test/lit/fn/ (run it after editing; the JSON is committed).

Each script answers in call order: spec, reference, [rederive], IR, [repairs].
"""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))

def spec(sig, desc, vectors, modifies=False):
    d = {"signature": sig, "description": desc, "vectors": vectors}
    if modifies:
        d["modifies_array"] = True
    return "Here is the spec.\n```json\n" + json.dumps(d, indent=1) + "\n```\n"

def py(code):
    return "```python\n" + code.strip() + "\n```\n"

def ir(code):
    return "```llvm\n" + code.strip() + "\n```\n"

def write(name, answers):
    with open(os.path.join(HERE, name), "w") as f:
        json.dump({"responses": [{"text": a} for a in answers]}, f, indent=1)
        f.write("\n")

# --- factorial: verified on the first attempt ---
FACT_SPEC = spec("define i64 @factorial(i64 %n)",
                 "n! for 0 <= n <= 20; -1 for a negative n.",
                 [{"args": [0], "expect": 1}, {"args": [1], "expect": 1},
                  {"args": [5], "expect": 120}, {"args": [10], "expect": 3628800},
                  {"args": [20], "expect": 2432902008176640000}, {"args": [-3], "expect": -1}])
FACT_PY = py("""
def factorial(n):
    if n < 0:
        return -1
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
""")
FACT_IR = ir("""
define i64 @factorial(i64 %n) {
entry:
  %neg = icmp slt i64 %n, 0
  br i1 %neg, label %bad, label %loop
loop:
  %i = phi i64 [ 1, %entry ], [ %i.next, %body ]
  %acc = phi i64 [ 1, %entry ], [ %acc.next, %body ]
  %more = icmp sle i64 %i, %n
  br i1 %more, label %body, label %done
body:
  %acc.next = mul i64 %acc, %i
  %i.next = add i64 %i, 1
  br label %loop
done:
  ret i64 %acc
bad:
  ret i64 -1
}
""")
write("first-attempt.json", [FACT_SPEC, FACT_PY, FACT_IR])

# --- is_prime: the first IR fails two vectors (0 and 1), one behavioural repair fixes it ---
PRIME_SPEC = spec("define i64 @is_prime(i64 %n)", "1 if n is prime, else 0 (0, 1 and negatives are not prime).",
                  [{"args": [0], "expect": 0}, {"args": [1], "expect": 0}, {"args": [2], "expect": 1},
                   {"args": [3], "expect": 1}, {"args": [4], "expect": 0}, {"args": [17], "expect": 1},
                   {"args": [21], "expect": 0}, {"args": [97], "expect": 1}])
PRIME_PY = py("""
def is_prime(n):
    if n < 2:
        return 0
    d = 2
    while d * d <= n:
        if n % d == 0:
            return 0
        d += 1
    return 1
""")
PRIME_IR = """
define i64 @is_prime(i64 %n) {
entry:
  %small = icmp slt i64 %n, LIMIT
  br i1 %small, label %no, label %loop
loop:
  %d = phi i64 [ 2, %entry ], [ %d.next, %next ]
  %sq = mul i64 %d, %d
  %over = icmp sgt i64 %sq, %n
  br i1 %over, label %yes, label %check
check:
  %r = srem i64 %n, %d
  %z = icmp eq i64 %r, 0
  br i1 %z, label %no, label %next
next:
  %d.next = add i64 %d, 1
  br label %loop
yes:
  ret i64 1
no:
  ret i64 0
}
"""
write("repair.json", [PRIME_SPEC, PRIME_PY, ir(PRIME_IR.replace("LIMIT", "0")),
                      "The check for n < 2 was wrong.\n" + ir(PRIME_IR.replace("LIMIT", "2"))])

# --- string_length: vector 4 expects 10 for "hello world" (it is 11) ---
LEN_SPEC = spec("define i64 @string_length(ptr %s)", "The number of bytes before the terminating NUL.",
                [{"args": [""], "expect": 0}, {"args": ["a"], "expect": 1},
                 {"args": ["hello"], "expect": 5}, {"args": ["hello world"], "expect": 10},
                 {"args": ["  "], "expect": 2}])
LEN_PY = py("""
def string_length(s):
    return len(s.encode('utf-8'))
""")
LEN_IR = ir("""
define i64 @string_length(ptr %s) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %body ]
  %p = getelementptr inbounds i8, ptr %s, i64 %i
  %c = load i8, ptr %p
  %end = icmp eq i8 %c, 0
  br i1 %end, label %done, label %body
body:
  %i.next = add i64 %i, 1
  br label %loop
done:
  ret i64 %i
}
""")
write("disputed.json", [LEN_SPEC, LEN_PY,
                        "I still think so.\n```json\n" + json.dumps({"vectors": [{"args": ["hello world"], "expect": 10}]}) + "\n```\n",
                        LEN_IR])
write("disputed-fixed.json", [LEN_SPEC, LEN_PY,
                              "Counting again: h-e-l-l-o, space, w-o-r-l-d is 11.\n```json\n" + json.dumps({"vectors": [{"args": ["hello world"], "expect": 11}]}) + "\n```\n",
                              LEN_IR])

# --- gcd: the first repair fixes the failing vectors but breaks anchors; it is rejected ---
GCD_SPEC = spec("define i64 @gcd(i64 %a, i64 %b)", "Greatest common divisor of two non-negative integers; gcd(0, 0) = 0.",
                [{"args": [12, 18], "expect": 6}, {"args": [17, 5], "expect": 1},
                 {"args": [0, 7], "expect": 7}, {"args": [7, 0], "expect": 7},
                 {"args": [0, 0], "expect": 0}, {"args": [100, 75], "expect": 25}])
GCD_PY = py("""
import math
def gcd(a, b):
    return math.gcd(a, b)
""")
GCD_LOOP = """
define i64 @gcd(i64 %a, i64 %b) {
entry:
EARLY
  br label %loop
loop:
  %x = phi i64 [ %a, %entry ], [ %y, %step ]
  %y = phi i64 [ %b, %entry ], [ %t, %step ]
  %done = icmp eq i64 %y, 0
  br i1 %done, label %out, label %step
step:
  %t = urem i64 %x, %y
  br label %loop
out:
  ret i64 %x
}
"""
GCD_BUGGY = GCD_LOOP.replace("EARLY\n  br label %loop", "  %az = icmp eq i64 %a, 0\n  br i1 %az, label %one, label %loop\none:\n  ret i64 1")
GCD_BREAKS = ir("""
define i64 @gcd(i64 %a, i64 %b) {
entry:
  %az = icmp eq i64 %a, 0
  %r = select i1 %az, i64 %b, i64 %a
  ret i64 %r
}
""")
GCD_GOOD = GCD_LOOP.replace("EARLY\n", "")
write("anchor.json", [GCD_SPEC, GCD_PY, ir(GCD_BUGGY), "Simplified.\n" + GCD_BREAKS,
                      "Back to Euclid without the early return.\n" + ir(GCD_GOOD)])

# --- bad input ---
write("spec-never-valid.json", [
    "I think factorial should return the product of 1..n.",
    spec("define float @factorial(float %n)", "n!", [{"args": [1.0], "expect": 1.0}]),
    spec("define i64 @factorial(i64 %n)", "n!", [{"args": [1, 2], "expect": 1}, {"args": ["five"], "expect": 120}]),
])
write("spec-reasked.json", [
    "I think factorial should return the product of 1..n.",
    FACT_SPEC, FACT_PY, FACT_IR])
write("reference-bad.json", [
    FACT_SPEC,
    py("import sys\nsys.exit(3)\ndef factorial(n):\n    return 1"),
    py("def factorial(n):\n    while True:\n        pass"),
])

# --- generated code that crashes or hangs on some vectors ---
FIRST_SPEC = spec("define i64 @first_byte(ptr %s)", "The first byte of s as an unsigned number (0 for the empty string).",
                  [{"args": ["abc"], "expect": 97}, {"args": ["!"], "expect": 33},
                   {"args": ["?"], "expect": 63}, {"args": ["z"], "expect": 122}])
FIRST_PY = py("def first_byte(s):\n    b = s.encode('utf-8')\n    return b[0] if b else 0")
FIRST_IR = ir("""
define i64 @first_byte(ptr %s) {
entry:
  %c = load i8, ptr %s
  %bang = icmp eq i8 %c, 33
  br i1 %bang, label %crash, label %q
crash:
  store volatile i8 0, ptr null
  br label %q
q:
  %quest = icmp eq i8 %c, 63
  br i1 %quest, label %spin, label %ok
spin:
  br label %spin
ok:
  %r = zext i8 %c to i64
  ret i64 %r
}
""")
write("crash.json", [FIRST_SPEC, FIRST_PY, FIRST_IR])

# --- output buffer: reverse, verified; and a version that writes a terminator past the buffer ---
REV_SPEC = spec("define i64 @reverse(ptr %s, ptr %out, i64 %out_size)",
                "Writes the bytes of s in reverse order to out and returns their count; -1 if out_size is smaller than the length of s.",
                [{"args": ["hello"], "expect": "olleh"}, {"args": [""], "expect": ""},
                 {"args": ["a"], "expect": "a"}, {"args": ["ab cd"], "expect": "dc ba"},
                 {"args": ["hello"], "out_size": 5, "expect": "olleh"},
                 {"args": ["hello"], "out_size": 3, "expect": -1}])
REV_PY = py("def reverse(s):\n    return s[::-1]")
REV_IR = """
declare i64 @str_len(ptr)

define i64 @reverse(ptr %s, ptr %out, i64 %out_size) {
entry:
  %len = call i64 @str_len(ptr %s)
  %big = icmp CMP i64 %len, %out_size
  br i1 %big, label %fail, label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %body ]
  %more = icmp slt i64 %i, %len
  br i1 %more, label %body, label %done
body:
  %j0 = sub i64 %len, %i
  %j = sub i64 %j0, 1
  %src = getelementptr inbounds i8, ptr %s, i64 %j
  %c = load i8, ptr %src
  %dst = getelementptr inbounds i8, ptr %out, i64 %i
  store i8 %c, ptr %dst
  %i.next = add i64 %i, 1
  br label %loop
done:
TERM  ret i64 %len
fail:
  ret i64 -1
}
"""
REV_GOOD = REV_IR.replace("CMP", "sgt").replace("TERM", "")
# Lets len == out_size through and then stores a NUL at out[len]: one byte past the buffer.
REV_OVERFLOW = REV_IR.replace("CMP", "sgt").replace("TERM", "  %nul = getelementptr inbounds i8, ptr %out, i64 %len\n  store i8 0, ptr %nul\n")
write("buffer.json", [REV_SPEC, REV_PY, ir(REV_OVERFLOW), "The terminator must fit too.\n" + ir(REV_GOOD)])

# A reference that prints while it works (its output must not be taken for results) and raises on
# one vector (that vector is disputed; the re-derivation keeps it, so it is dropped).
write("reference-noisy.json", [
    FACT_SPEC,
    py("print('loading reference')\ndef factorial(n):\n    print('computing', n)\n    if n < 0:\n        raise ValueError('negative')\n    r = 1\n    for i in range(2, n + 1):\n        r *= i\n    return r"),
    "```json\n" + json.dumps({"vectors": [{"args": [-3], "expect": -1}]}) + "\n```\n",
    FACT_IR])

# Hostile generated code, one behaviour per vector: 10 GB allocated and touched, 1 GB written to
# disk, a TCP connection to port 22 on 127.0.0.1, a read of /etc/shadow. Each must be contained.
HOSTILE_SPEC = spec("define i64 @hostile(i64 %mode)", "Returns 0.",
                    [{"args": [0], "expect": 0}, {"args": [1], "expect": 0}, {"args": [2], "expect": 0},
                     {"args": [3], "expect": 0}, {"args": [4], "expect": 0}])
HOSTILE_IR = ir(r"""
declare i64 @sys_mmap(ptr, i64, i64, i64, i64, i64)
declare i64 @sys_open(ptr, i64, i64)
declare i64 @sys_write(i64, ptr, i64)
declare i64 @sys_read(i64, ptr, i64)
declare i64 @sys_socket(i64, i64, i64)
declare i64 @sys_connect(i64, ptr, i64)

@big = private constant [4 x i8] c"big\00"
@shadow = private constant [12 x i8] c"/etc/shadow\00"
@chunk = private global [65536 x i8] zeroinitializer
@addr = private constant [16 x i8] c"\02\00\00\16\7F\00\00\01\00\00\00\00\00\00\00\00"

define i64 @hostile(i64 %mode) {
entry:
  switch i64 %mode, label %ok [ i64 1, label %alloc
                                i64 2, label %disk
                                i64 3, label %net
                                i64 4, label %secret ]
alloc:
  %p = call i64 @sys_mmap(ptr null, i64 10737418240, i64 3, i64 34, i64 -1, i64 0)
  %base = inttoptr i64 %p to ptr
  br label %touch
touch:
  %i = phi i64 [ 0, %alloc ], [ %i.next, %touch ]
  %q = getelementptr i8, ptr %base, i64 %i
  store volatile i8 1, ptr %q
  %i.next = add i64 %i, 4096
  %more = icmp ult i64 %i.next, 10737418240
  br i1 %more, label %touch, label %ok
disk:
  %fd = call i64 @sys_open(ptr @big, i64 577, i64 420)
  br label %write
write:
  %n = phi i64 [ 0, %disk ], [ %n.next, %wrote ]
  %w = call i64 @sys_write(i64 %fd, ptr @chunk, i64 65536)
  %failed = icmp slt i64 %w, 1
  br i1 %failed, label %werr, label %wrote
wrote:
  %n.next = add i64 %n, %w
  %done = icmp uge i64 %n.next, 1073741824
  br i1 %done, label %ok, label %write
werr:
  ret i64 %w
net:
  %s = call i64 @sys_socket(i64 2, i64 1, i64 0)
  %c = call i64 @sys_connect(i64 %s, ptr @addr, i64 16)
  ret i64 %c
secret:
  %sfd = call i64 @sys_open(ptr @shadow, i64 0, i64 0)
  ret i64 %sfd
ok:
  ret i64 0
}
""")
write("hostile.json", [HOSTILE_SPEC, py("def hostile(mode):\n    return 0"), HOSTILE_IR])

# IR that defines another name, then another type, then the spec's signature: validation repairs.
write("signature.json", [FACT_SPEC, FACT_PY,
                         FACT_IR.replace("@factorial", "@fact"),
                         FACT_IR.replace("define i64 @factorial(i64 %n)", "define i32 @factorial(i32 %n)")
                                .replace("i64", "i32"),
                         FACT_IR])

# IR that never returns: three vectors time out, the rest are not waited for.
write("hang.json", [FACT_SPEC, FACT_PY, ir("define i64 @factorial(i64 %n) {\nentry:\n  br label %spin\nspin:\n  br label %spin\n}")])
