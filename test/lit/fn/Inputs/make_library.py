#!/usr/bin/env python3
"""Writes library.json (semcom-mock-llm script) and library.txt (intents) for library.test: the
seed's 21 functions through `semcom fn --batch`, answered in order spec, reference, IR per function.

The scripted specs' expectations are computed here by the same Python as the scripted reference,
so the cross-check agrees by construction; what the test shows is that Semcom's harness, run in the
sandbox, agrees with them for every shape (scalars, i8, double, strings, buffers, arrays).
"""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))
LIB = []  # (intent, signature, description, modifies, python, vectors[(args, extra)], ir)

def add(intent, sig, desc, python, inputs, ir, modifies=False, outbuf=False):
    LIB.append(dict(intent=intent, sig=sig, desc=desc, python=python.strip(), inputs=inputs,
                    ir=ir.strip(), modifies=modifies, outbuf=outbuf))

STRLEN = "declare i64 @str_len(ptr)\n\n"

def map_ir(name, lo, hi, delta):
    return STRLEN + f"""
define i64 @{name}(ptr %s, ptr %out, i64 %out_size) {{
entry:
  %len = call i64 @str_len(ptr %s)
  %big = icmp sgt i64 %len, %out_size
  br i1 %big, label %fail, label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %body ]
  %more = icmp slt i64 %i, %len
  br i1 %more, label %body, label %done
body:
  %src = getelementptr inbounds i8, ptr %s, i64 %i
  %c = load i8, ptr %src
  %ge = icmp uge i8 %c, {lo}
  %le = icmp ule i8 %c, {hi}
  %is = and i1 %ge, %le
  %m = add i8 %c, {delta}
  %r = select i1 %is, i8 %m, i8 %c
  %dst = getelementptr inbounds i8, ptr %out, i64 %i
  store i8 %r, ptr %dst
  %i.next = add i64 %i, 1
  br label %loop
done:
  ret i64 %len
fail:
  ret i64 -1
}}"""

add("the factorial of n (n! for 0..20, -1 for negative n)", "define i64 @factorial(i64 %n)",
    "n! for 0 <= n <= 20; -1 for negative n.",
    "def factorial(n):\n    if n < 0:\n        return -1\n    r = 1\n    for i in range(2, n + 1):\n        r *= i\n    return r",
    [[0], [1], [5], [10], [20], [-3]], """
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
}""")

add("the n-th Fibonacci number (fib(0) = 0, fib(1) = 1)", "define i64 @fibonacci(i64 %n)",
    "fib(0) = 0, fib(1) = 1, fib(n) = fib(n-1) + fib(n-2); n from 0 to 92.",
    "def fibonacci(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a",
    [[0], [1], [2], [10], [50], [92]], """
define i64 @fibonacci(i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %body ]
  %a = phi i64 [ 0, %entry ], [ %b, %body ]
  %b = phi i64 [ 1, %entry ], [ %sum, %body ]
  %more = icmp slt i64 %i, %n
  br i1 %more, label %body, label %done
body:
  %sum = add i64 %a, %b
  %i.next = add i64 %i, 1
  br label %loop
done:
  ret i64 %a
}""")

add("is n a prime number (1 or 0)", "define i64 @is_prime(i64 %n)",
    "1 if n is prime, else 0; numbers below 2 are not prime.",
    "def is_prime(n):\n    if n < 2:\n        return 0\n    d = 2\n    while d * d <= n:\n        if n % d == 0:\n            return 0\n        d += 1\n    return 1",
    [[0], [1], [2], [3], [4], [17], [21], [97], [7919], [-7]], """
define i64 @is_prime(i64 %n) {
entry:
  %small = icmp slt i64 %n, 2
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
}""")

add("the length of a string in bytes", "define i64 @string_length(ptr %s)",
    "Bytes before the terminating NUL.",
    "def string_length(s):\n    return len(s.encode('utf-8'))",
    [[""], ["a"], ["hello"], ["hello world"], ["tab\tand\nnewline"]], """
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
}""")

add("reverse a string into a buffer", "define i64 @reverse(ptr %s, ptr %out, i64 %out_size)",
    "Writes the bytes of s in reverse order; returns their count, or -1 if out_size is too small.",
    "def reverse(s):\n    return s[::-1]",
    [["hello"], [""], ["a"], ["ab cd"], ["racecar"]], STRLEN + """
define i64 @reverse(ptr %s, ptr %out, i64 %out_size) {
entry:
  %len = call i64 @str_len(ptr %s)
  %big = icmp sgt i64 %len, %out_size
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
  ret i64 %len
fail:
  ret i64 -1
}""", outbuf=True)

add("uppercase ASCII letters of a string into a buffer", "define i64 @uppercase(ptr %s, ptr %out, i64 %out_size)",
    "Copies s with a-z turned into A-Z; returns the byte count, or -1 if out_size is too small.",
    "def uppercase(s):\n    return ''.join(chr(ord(c) - 32) if 'a' <= c <= 'z' else c for c in s)",
    [["hello"], [""], ["Hello, World 42!"], ["ABC"], ["mIxEd"]], map_ir("uppercase", 97, 122, -32), outbuf=True)

add("lowercase ASCII letters of a string into a buffer", "define i64 @lowercase(ptr %s, ptr %out, i64 %out_size)",
    "Copies s with A-Z turned into a-z; returns the byte count, or -1 if out_size is too small.",
    "def lowercase(s):\n    return ''.join(chr(ord(c) + 32) if 'A' <= c <= 'Z' else c for c in s)",
    [["HELLO"], [""], ["Hello, World 42!"], ["abc"], ["mIxEd"]], map_ir("lowercase", 65, 90, 32), outbuf=True)

add("trim leading and trailing whitespace into a buffer", "define i64 @trim(ptr %s, ptr %out, i64 %out_size)",
    "Copies s without leading and trailing spaces, tabs, CR and LF; returns the byte count, or -1 if out_size is too small.",
    "def trim(s):\n    return s.strip(' \\t\\r\\n')",
    [["  hello  "], [""], ["   "], ["no-space"], ["\t a b \n"], ["x "]], STRLEN + """
define private i1 @trim_is_space(i8 %c) {
entry:
  %sp = icmp eq i8 %c, 32
  %tab = icmp eq i8 %c, 9
  %lf = icmp eq i8 %c, 10
  %cr = icmp eq i8 %c, 13
  %a = or i1 %sp, %tab
  %b = or i1 %lf, %cr
  %r = or i1 %a, %b
  ret i1 %r
}

define i64 @trim(ptr %s, ptr %out, i64 %out_size) {
entry:
  %len = call i64 @str_len(ptr %s)
  br label %lead
lead:
  %st = phi i64 [ 0, %entry ], [ %st.next, %lead.chk ]
  %st.in = icmp slt i64 %st, %len
  br i1 %st.in, label %lead.chk, label %trail.init
lead.chk:
  %lp = getelementptr inbounds i8, ptr %s, i64 %st
  %lc = load i8, ptr %lp
  %lws = call i1 @trim_is_space(i8 %lc)
  %st.next = add i64 %st, 1
  br i1 %lws, label %lead, label %trail.init
trail.init:
  br label %trail
trail:
  %en = phi i64 [ %len, %trail.init ], [ %en.prev, %trail.chk ]
  %en.gt = icmp sgt i64 %en, %st
  br i1 %en.gt, label %trail.chk, label %copy.init
trail.chk:
  %en.prev = sub i64 %en, 1
  %tp = getelementptr inbounds i8, ptr %s, i64 %en.prev
  %tc = load i8, ptr %tp
  %tws = call i1 @trim_is_space(i8 %tc)
  br i1 %tws, label %trail, label %copy.init
copy.init:
  %n = sub i64 %en, %st
  %big = icmp sgt i64 %n, %out_size
  br i1 %big, label %fail, label %copy
copy:
  %i = phi i64 [ 0, %copy.init ], [ %i.next, %copy.body ]
  %more = icmp slt i64 %i, %n
  br i1 %more, label %copy.body, label %done
copy.body:
  %k = add i64 %st, %i
  %sp = getelementptr inbounds i8, ptr %s, i64 %k
  %c = load i8, ptr %sp
  %dp = getelementptr inbounds i8, ptr %out, i64 %i
  store i8 %c, ptr %dp
  %i.next = add i64 %i, 1
  br label %copy
done:
  ret i64 %n
fail:
  ret i64 -1
}""", outbuf=True)

add("capitalize the first letter of every word into a buffer", "define i64 @capitalize_words(ptr %s, ptr %out, i64 %out_size)",
    "Copies s, turning a lowercase letter that starts the string or follows a space, tab or newline into uppercase; returns the byte count, or -1 if out_size is too small.",
    "def capitalize_words(s):\n    out = []\n    prev = True\n    for ch in s:\n        if prev and 'a' <= ch <= 'z':\n            ch = ch.upper()\n        out.append(ch)\n        prev = ch in ' \\t\\n'\n    return ''.join(out)",
    [["hello world"], [""], ["  multiple   spaces"], ["Already Capital"], ["123abc def"]], STRLEN + """
define i64 @capitalize_words(ptr %s, ptr %out, i64 %out_size) {
entry:
  %len = call i64 @str_len(ptr %s)
  %big = icmp sgt i64 %len, %out_size
  br i1 %big, label %fail, label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %body ]
  %prev = phi i1 [ true, %entry ], [ %ws, %body ]
  %more = icmp slt i64 %i, %len
  br i1 %more, label %body, label %done
body:
  %src = getelementptr inbounds i8, ptr %s, i64 %i
  %c = load i8, ptr %src
  %ge = icmp uge i8 %c, 97
  %le = icmp ule i8 %c, 122
  %low = and i1 %ge, %le
  %cap = and i1 %low, %prev
  %up = sub i8 %c, 32
  %r = select i1 %cap, i8 %up, i8 %c
  %dst = getelementptr inbounds i8, ptr %out, i64 %i
  store i8 %r, ptr %dst
  %sp = icmp eq i8 %c, 32
  %tab = icmp eq i8 %c, 9
  %lf = icmp eq i8 %c, 10
  %w1 = or i1 %sp, %tab
  %ws = or i1 %w1, %lf
  %i.next = add i64 %i, 1
  br label %loop
done:
  ret i64 %len
fail:
  ret i64 -1
}""", outbuf=True)

add("Caesar cipher: shift letters by a number of places into a buffer",
    "define i64 @caesar_cipher(ptr %s, i64 %shift, ptr %out, i64 %out_size)",
    "Shifts a-z and A-Z by shift places (any integer, modulo 26, keeping case); other bytes unchanged; returns the byte count, or -1 if out_size is too small.",
    "def caesar_cipher(s, shift):\n    out = []\n    for ch in s:\n        if 'a' <= ch <= 'z':\n            ch = chr((ord(ch) - 97 + shift) % 26 + 97)\n        elif 'A' <= ch <= 'Z':\n            ch = chr((ord(ch) - 65 + shift) % 26 + 65)\n        out.append(ch)\n    return ''.join(out)",
    [["abc", 1], ["xyz", 3], ["Hello, World!", 13], ["", 5], ["abc", -1], ["Zebra", 52]], STRLEN + """
define i64 @caesar_cipher(ptr %s, i64 %shift, ptr %out, i64 %out_size) {
entry:
  %len = call i64 @str_len(ptr %s)
  %big = icmp sgt i64 %len, %out_size
  %m = srem i64 %shift, 26
  %m2 = add i64 %m, 26
  %k = srem i64 %m2, 26
  %k8 = trunc i64 %k to i8
  br i1 %big, label %fail, label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %body ]
  %more = icmp slt i64 %i, %len
  br i1 %more, label %body, label %done
body:
  %src = getelementptr inbounds i8, ptr %s, i64 %i
  %c = load i8, ptr %src
  %lge = icmp uge i8 %c, 97
  %lle = icmp ule i8 %c, 122
  %isl = and i1 %lge, %lle
  %uge = icmp uge i8 %c, 65
  %ule = icmp ule i8 %c, 90
  %isu = and i1 %uge, %ule
  %l0 = sub i8 %c, 97
  %l1 = add i8 %l0, %k8
  %l2 = urem i8 %l1, 26
  %l = add i8 %l2, 97
  %u0 = sub i8 %c, 65
  %u1 = add i8 %u0, %k8
  %u2 = urem i8 %u1, 26
  %u = add i8 %u2, 65
  %r1 = select i1 %isu, i8 %u, i8 %c
  %r = select i1 %isl, i8 %l, i8 %r1
  %dst = getelementptr inbounds i8, ptr %out, i64 %i
  store i8 %r, ptr %dst
  %i.next = add i64 %i, 1
  br label %loop
done:
  ret i64 %len
fail:
  ret i64 -1
}""", outbuf=True)

add("count the words in a string", "define i64 @count_words(ptr %s)",
    "Number of maximal runs of bytes other than space, tab and newline.",
    "def count_words(s):\n    return len(s.replace('\\t', ' ').replace('\\n', ' ').split())",
    [[""], ["hello"], ["hello world"], ["  spaced   out  "], ["a\tb\nc"], ["   "]], """
define i64 @count_words(ptr %s) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %body ]
  %n = phi i64 [ 0, %entry ], [ %n.next, %body ]
  %inword = phi i1 [ false, %entry ], [ %word, %body ]
  %p = getelementptr inbounds i8, ptr %s, i64 %i
  %c = load i8, ptr %p
  %end = icmp eq i8 %c, 0
  br i1 %end, label %done, label %body
body:
  %sp = icmp eq i8 %c, 32
  %tab = icmp eq i8 %c, 9
  %lf = icmp eq i8 %c, 10
  %w1 = or i1 %sp, %tab
  %ws = or i1 %w1, %lf
  %word = xor i1 %ws, true
  %notin = xor i1 %inword, true
  %starts = and i1 %word, %notin
  %inc = zext i1 %starts to i64
  %n.next = add i64 %n, %inc
  %i.next = add i64 %i, 1
  br label %loop
done:
  ret i64 %n
}""")

add("count how often a byte occurs in a string", "define i64 @count_char(ptr %s, i8 %c)",
    "Number of bytes of s equal to c.",
    "def count_char(s, c):\n    return s.encode('utf-8').count(bytes([c % 256]))",
    [["hello", 108], ["", 97], ["aaaa", 97], ["abc", 122], ["a b c", 32]], """
define i64 @count_char(ptr %s, i8 %c) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %body ]
  %n = phi i64 [ 0, %entry ], [ %n.next, %body ]
  %p = getelementptr inbounds i8, ptr %s, i64 %i
  %x = load i8, ptr %p
  %end = icmp eq i8 %x, 0
  br i1 %end, label %done, label %body
body:
  %eq = icmp eq i8 %x, %c
  %inc = zext i1 %eq to i64
  %n.next = add i64 %n, %inc
  %i.next = add i64 %i, 1
  br label %loop
done:
  ret i64 %n
}""")

add("sort an array of integers ascending in place (bubble sort)", "define void @bubble_sort(ptr %arr, i64 %n)",
    "Sorts the n i64 values ascending, in place.",
    "def bubble_sort(arr):\n    arr.sort()",
    [[[5, 2, 9, 1]], [[]], [[1]], [[3, 3, 1]], [[-5, 10, 0, -20, 7]], [[1, 2, 3]]], """
define void @bubble_sort(ptr %arr, i64 %n) {
entry:
  %lim = sub i64 %n, 1
  br label %outer
outer:
  %i = phi i64 [ 0, %entry ], [ %i.next, %outer.end ]
  %more = icmp slt i64 %i, %lim
  br i1 %more, label %inner.init, label %done
inner.init:
  %jl = sub i64 %lim, %i
  br label %inner
inner:
  %j = phi i64 [ 0, %inner.init ], [ %j.next, %inner.next ]
  %jm = icmp slt i64 %j, %jl
  br i1 %jm, label %cmp, label %outer.end
cmp:
  %pa = getelementptr inbounds i64, ptr %arr, i64 %j
  %j.next = add i64 %j, 1
  %pb = getelementptr inbounds i64, ptr %arr, i64 %j.next
  %a = load i64, ptr %pa
  %b = load i64, ptr %pb
  %sw = icmp sgt i64 %a, %b
  br i1 %sw, label %swap, label %inner.next
swap:
  store i64 %b, ptr %pa
  store i64 %a, ptr %pb
  br label %inner.next
inner.next:
  br label %inner
outer.end:
  %i.next = add i64 %i, 1
  br label %outer
done:
  ret void
}""", modifies=True)

add("the second largest distinct value of an array (-1 if none)", "define i64 @find_second_largest(ptr %arr, i64 %n)",
    "The largest value strictly smaller than the maximum; -1 when there is none (fewer than two distinct values). The array is not changed.",
    "def find_second_largest(arr):\n    d = sorted(set(arr))\n    return d[-2] if len(d) >= 2 else -1",
    [[[5, 2, 9, 1]], [[]], [[7]], [[4, 4, 4]], [[9, 9, 3]], [[-3, -1, -2]]], """
define i64 @find_second_largest(ptr %arr, i64 %n) {
entry:
  %max = alloca i64
  %best = alloca i64
  %has = alloca i1
  %i = alloca i64
  %few = icmp slt i64 %n, 2
  br i1 %few, label %none, label %init
init:
  %a0 = load i64, ptr %arr
  store i64 %a0, ptr %max
  store i64 1, ptr %i
  br label %l1
l1:
  %iv = load i64, ptr %i
  %c1 = icmp slt i64 %iv, %n
  br i1 %c1, label %b1, label %p2
b1:
  %p = getelementptr inbounds i64, ptr %arr, i64 %iv
  %x = load i64, ptr %p
  %m = load i64, ptr %max
  %gt = icmp sgt i64 %x, %m
  %nm = select i1 %gt, i64 %x, i64 %m
  store i64 %nm, ptr %max
  %iv1 = add i64 %iv, 1
  store i64 %iv1, ptr %i
  br label %l1
p2:
  store i64 0, ptr %i
  store i1 false, ptr %has
  store i64 0, ptr %best
  br label %l2
l2:
  %jv = load i64, ptr %i
  %c2 = icmp slt i64 %jv, %n
  br i1 %c2, label %b2, label %fin
b2:
  %q = getelementptr inbounds i64, ptr %arr, i64 %jv
  %y = load i64, ptr %q
  %mx = load i64, ptr %max
  %lt = icmp slt i64 %y, %mx
  %h = load i1, ptr %has
  %bv = load i64, ptr %best
  %better = icmp sgt i64 %y, %bv
  %nh = xor i1 %h, true
  %take0 = or i1 %nh, %better
  %take = and i1 %lt, %take0
  %nb = select i1 %take, i64 %y, i64 %bv
  store i64 %nb, ptr %best
  %nh2 = or i1 %h, %take
  store i1 %nh2, ptr %has
  %jv1 = add i64 %jv, 1
  store i64 %jv1, ptr %i
  br label %l2
fin:
  %hf = load i1, ptr %has
  %bf = load i64, ptr %best
  %r = select i1 %hf, i64 %bf, i64 -1
  ret i64 %r
none:
  ret i64 -1
}""")

add("binary search for a key in a sorted array (index or -1)", "define i64 @binary_search(ptr %arr, i64 %n, i64 %key)",
    "arr is sorted ascending with distinct values; returns the index of key, or -1 when absent. The array is not changed.",
    "def binary_search(arr, key):\n    return arr.index(key) if key in arr else -1",
    [[[1, 3, 5, 7, 9], 7], [[1, 3, 5, 7, 9], 1], [[1, 3, 5, 7, 9], 9], [[1, 3, 5, 7, 9], 4], [[], 1], [[42], 42], [[-10, -5, 0], -10]], """
define i64 @binary_search(ptr %arr, i64 %n, i64 %key) {
entry:
  br label %loop
loop:
  %lo = phi i64 [ 0, %entry ], [ %lo.next, %step ]
  %hi = phi i64 [ %n, %entry ], [ %hi.next, %step ]
  %more = icmp slt i64 %lo, %hi
  br i1 %more, label %body, label %miss
body:
  %d = sub i64 %hi, %lo
  %half = sdiv i64 %d, 2
  %mid = add i64 %lo, %half
  %p = getelementptr inbounds i64, ptr %arr, i64 %mid
  %v = load i64, ptr %p
  %eq = icmp eq i64 %v, %key
  br i1 %eq, label %hit, label %step
step:
  %less = icmp slt i64 %v, %key
  %mid1 = add i64 %mid, 1
  %lo.next = select i1 %less, i64 %mid1, i64 %lo
  %hi.next = select i1 %less, i64 %hi, i64 %mid
  br label %loop
hit:
  ret i64 %mid
miss:
  ret i64 -1
}""")

add("the djb2 hash of a string", "define i64 @djb2_hash(ptr %s)",
    "h = 5381; for each byte c: h = h * 33 + c, wrapping modulo 2^64; the result as a signed i64.",
    "def djb2_hash(s):\n    h = 5381\n    for c in s.encode('utf-8'):\n        h = (h * 33 + c) % 2**64\n    return h - 2**64 if h >= 2**63 else h",
    [[""], ["a"], ["hello"], ["The quick brown fox jumps over the lazy dog"]], """
define i64 @djb2_hash(ptr %s) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %body ]
  %h = phi i64 [ 5381, %entry ], [ %h.next, %body ]
  %p = getelementptr inbounds i8, ptr %s, i64 %i
  %c = load i8, ptr %p
  %end = icmp eq i8 %c, 0
  br i1 %end, label %done, label %body
body:
  %cz = zext i8 %c to i64
  %h33 = mul i64 %h, 33
  %h.next = add i64 %h33, %cz
  %i.next = add i64 %i, 1
  br label %loop
done:
  ret i64 %h
}""")

add("the integer square root (floor), -1 for negative n", "define i64 @integer_square_root(i64 %n)",
    "The largest r with r*r <= n; -1 when n is negative.",
    "import math\ndef integer_square_root(n):\n    return -1 if n < 0 else math.isqrt(n)",
    [[0], [1], [15], [16], [17], [1000000], [9223372036854775807], [-4]], """
define i64 @integer_square_root(i64 %n) {
entry:
  %neg = icmp slt i64 %n, 0
  br i1 %neg, label %bad, label %start
start:
  %cap = icmp sgt i64 %n, 3037000499
  %hi0 = select i1 %cap, i64 3037000499, i64 %n
  br label %loop
loop:
  %lo = phi i64 [ 0, %start ], [ %lo.next, %body ]
  %hi = phi i64 [ %hi0, %start ], [ %hi.next, %body ]
  %more = icmp slt i64 %lo, %hi
  br i1 %more, label %body, label %done
body:
  %s = add i64 %lo, %hi
  %s1 = add i64 %s, 1
  %mid = sdiv i64 %s1, 2
  %sq = mul i64 %mid, %mid
  %ok = icmp sle i64 %sq, %n
  %midm = sub i64 %mid, 1
  %lo.next = select i1 %ok, i64 %mid, i64 %lo
  %hi.next = select i1 %ok, i64 %hi, i64 %midm
  br label %loop
done:
  ret i64 %lo
bad:
  ret i64 -1
}""")

add("the greatest common divisor of two non-negative integers", "define i64 @gcd(i64 %a, i64 %b)",
    "Greatest common divisor; gcd(0, 0) = 0.",
    "import math\ndef gcd(a, b):\n    return math.gcd(a, b)",
    [[12, 18], [17, 5], [0, 7], [7, 0], [0, 0], [100, 75]], """
define i64 @gcd(i64 %a, i64 %b) {
entry:
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
}""")

B64 = '@b64 = private unnamed_addr constant [64 x i8] c"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"\n'
add("base64-encode a string into a buffer", "define i64 @base64_encode(ptr %s, ptr %out, i64 %out_size)",
    "Standard base64 (RFC 4648, with = padding) of the bytes of s; returns the byte count, or -1 if out_size is too small.",
    "import base64\ndef base64_encode(s):\n    return base64.b64encode(s.encode('utf-8')).decode('ascii')",
    [[""], ["f"], ["fo"], ["foo"], ["hello"], ["hello world"]], STRLEN + B64 + """
define i64 @base64_encode(ptr %s, ptr %out, i64 %out_size) {
entry:
  %len = call i64 @str_len(ptr %s)
  %l2 = add i64 %len, 2
  %groups = udiv i64 %l2, 3
  %olen = mul i64 %groups, 4
  %big = icmp sgt i64 %olen, %out_size
  br i1 %big, label %fail, label %loop
loop:
  %g = phi i64 [ 0, %entry ], [ %g.next, %body ]
  %more = icmp slt i64 %g, %groups
  br i1 %more, label %body, label %done
body:
  %i0 = mul i64 %g, 3
  %i1 = add i64 %i0, 1
  %i2 = add i64 %i0, 2
  %h1 = icmp slt i64 %i1, %len
  %h2 = icmp slt i64 %i2, %len
  %p0 = getelementptr inbounds i8, ptr %s, i64 %i0
  %c0 = load i8, ptr %p0
  %p1 = getelementptr inbounds i8, ptr %s, i64 %i1
  %p1s = select i1 %h1, ptr %p1, ptr %p0
  %c1r = load i8, ptr %p1s
  %c1 = select i1 %h1, i8 %c1r, i8 0
  %p2 = getelementptr inbounds i8, ptr %s, i64 %i2
  %p2s = select i1 %h2, ptr %p2, ptr %p0
  %c2r = load i8, ptr %p2s
  %c2 = select i1 %h2, i8 %c2r, i8 0
  %x0 = zext i8 %c0 to i64
  %x1 = zext i8 %c1 to i64
  %x2 = zext i8 %c2 to i64
  %s0 = shl i64 %x0, 16
  %s1 = shl i64 %x1, 8
  %t0 = or i64 %s0, %s1
  %v = or i64 %t0, %x2
  %e0 = lshr i64 %v, 18
  %e1a = lshr i64 %v, 12
  %e1 = and i64 %e1a, 63
  %e2a = lshr i64 %v, 6
  %e2 = and i64 %e2a, 63
  %e3 = and i64 %v, 63
  %q0 = getelementptr inbounds [64 x i8], ptr @b64, i64 0, i64 %e0
  %q1 = getelementptr inbounds [64 x i8], ptr @b64, i64 0, i64 %e1
  %q2 = getelementptr inbounds [64 x i8], ptr @b64, i64 0, i64 %e2
  %q3 = getelementptr inbounds [64 x i8], ptr @b64, i64 0, i64 %e3
  %ch0 = load i8, ptr %q0
  %ch1 = load i8, ptr %q1
  %ch2t = load i8, ptr %q2
  %ch3t = load i8, ptr %q3
  %ch2 = select i1 %h1, i8 %ch2t, i8 61
  %ch3 = select i1 %h2, i8 %ch3t, i8 61
  %o0 = mul i64 %g, 4
  %o1 = add i64 %o0, 1
  %o2 = add i64 %o0, 2
  %o3 = add i64 %o0, 3
  %d0 = getelementptr inbounds i8, ptr %out, i64 %o0
  %d1 = getelementptr inbounds i8, ptr %out, i64 %o1
  %d2 = getelementptr inbounds i8, ptr %out, i64 %o2
  %d3 = getelementptr inbounds i8, ptr %out, i64 %o3
  store i8 %ch0, ptr %d0
  store i8 %ch1, ptr %d1
  store i8 %ch2, ptr %d2
  store i8 %ch3, ptr %d3
  %g.next = add i64 %g, 1
  br label %loop
done:
  ret i64 %olen
fail:
  ret i64 -1
}""", outbuf=True)

add("base64-decode a string into a buffer (-1 for invalid input)", "define i64 @base64_decode(ptr %s, ptr %out, i64 %out_size)",
    "Decodes standard padded base64; returns the byte count, or -1 for input whose length is not a multiple of 4, a byte outside the alphabet, or a too-small out_size.",
    "import base64, binascii\ndef base64_decode(s):\n    try:\n        return base64.b64decode(s, validate=True).decode('latin-1')\n    except (binascii.Error, ValueError):\n        return -1",
    [["aGVsbG8="], [""], ["TWFu"], ["YQ=="], ["YWI="], ["aGVsbG8gd29ybGQ="], (["abc"], 64), (["ab!d"], 64)], STRLEN + """
define private i64 @b64_value(i8 %c) {
entry:
  %x = zext i8 %c to i64
  %up0 = icmp uge i64 %x, 65
  %up1 = icmp ule i64 %x, 90
  %up = and i1 %up0, %up1
  %lo0 = icmp uge i64 %x, 97
  %lo1 = icmp ule i64 %x, 122
  %lo = and i1 %lo0, %lo1
  %di0 = icmp uge i64 %x, 48
  %di1 = icmp ule i64 %x, 57
  %di = and i1 %di0, %di1
  %plus = icmp eq i64 %x, 43
  %slash = icmp eq i64 %x, 47
  %pad = icmp eq i64 %x, 61
  %vu = sub i64 %x, 65
  %vl = sub i64 %x, 71
  %vd = add i64 %x, 4
  %r0 = select i1 %pad, i64 0, i64 -1
  %r1 = select i1 %slash, i64 63, i64 %r0
  %r2 = select i1 %plus, i64 62, i64 %r1
  %r3 = select i1 %di, i64 %vd, i64 %r2
  %r4 = select i1 %lo, i64 %vl, i64 %r3
  %r5 = select i1 %up, i64 %vu, i64 %r4
  ret i64 %r5
}

define i64 @base64_decode(ptr %s, ptr %out, i64 %out_size) {
entry:
  %len = call i64 @str_len(ptr %s)
  %rem = urem i64 %len, 4
  %odd = icmp ne i64 %rem, 0
  br i1 %odd, label %fail, label %pads
pads:
  %empty = icmp eq i64 %len, 0
  br i1 %empty, label %zero, label %count
count:
  %l1 = sub i64 %len, 1
  %l2 = sub i64 %len, 2
  %pl1 = getelementptr inbounds i8, ptr %s, i64 %l1
  %pl2 = getelementptr inbounds i8, ptr %s, i64 %l2
  %cl1 = load i8, ptr %pl1
  %cl2 = load i8, ptr %pl2
  %e1 = icmp eq i8 %cl1, 61
  %e2 = icmp eq i8 %cl2, 61
  %n1 = zext i1 %e1 to i64
  %n2 = zext i1 %e2 to i64
  %pad = add i64 %n1, %n2
  %groups = udiv i64 %len, 4
  %full = mul i64 %groups, 3
  %olen = sub i64 %full, %pad
  %big = icmp sgt i64 %olen, %out_size
  br i1 %big, label %fail, label %loop
loop:
  %g = phi i64 [ 0, %count ], [ %g.next, %write ]
  %more = icmp slt i64 %g, %groups
  br i1 %more, label %body, label %done
body:
  %i0 = mul i64 %g, 4
  %i1 = add i64 %i0, 1
  %i2 = add i64 %i0, 2
  %i3 = add i64 %i0, 3
  %p0 = getelementptr inbounds i8, ptr %s, i64 %i0
  %p1 = getelementptr inbounds i8, ptr %s, i64 %i1
  %p2 = getelementptr inbounds i8, ptr %s, i64 %i2
  %p3 = getelementptr inbounds i8, ptr %s, i64 %i3
  %c0 = load i8, ptr %p0
  %c1 = load i8, ptr %p1
  %c2 = load i8, ptr %p2
  %c3 = load i8, ptr %p3
  %v0 = call i64 @b64_value(i8 %c0)
  %v1 = call i64 @b64_value(i8 %c1)
  %v2 = call i64 @b64_value(i8 %c2)
  %v3 = call i64 @b64_value(i8 %c3)
  %b0 = icmp slt i64 %v0, 0
  %b1 = icmp slt i64 %v1, 0
  %b2 = icmp slt i64 %v2, 0
  %b3 = icmp slt i64 %v3, 0
  %bad01 = or i1 %b0, %b1
  %bad23 = or i1 %b2, %b3
  %bad = or i1 %bad01, %bad23
  br i1 %bad, label %fail, label %write
write:
  %s0 = shl i64 %v0, 18
  %s1 = shl i64 %v1, 12
  %s2 = shl i64 %v2, 6
  %t0 = or i64 %s0, %s1
  %t1 = or i64 %t0, %s2
  %v = or i64 %t1, %v3
  %o0 = mul i64 %g, 3
  %y0a = lshr i64 %v, 16
  %y0 = trunc i64 %y0a to i8
  %y1a = lshr i64 %v, 8
  %y1 = trunc i64 %y1a to i8
  %y2 = trunc i64 %v to i8
  call void @b64_put(ptr %out, i64 %o0, i64 %olen, i8 %y0)
  %o1 = add i64 %o0, 1
  call void @b64_put(ptr %out, i64 %o1, i64 %olen, i8 %y1)
  %o2 = add i64 %o0, 2
  call void @b64_put(ptr %out, i64 %o2, i64 %olen, i8 %y2)
  %g.next = add i64 %g, 1
  br label %loop
done:
  ret i64 %olen
zero:
  ret i64 0
fail:
  ret i64 -1
}

define private void @b64_put(ptr %out, i64 %at, i64 %olen, i8 %v) {
entry:
  %in = icmp slt i64 %at, %olen
  br i1 %in, label %store, label %skip
store:
  %p = getelementptr inbounds i8, ptr %out, i64 %at
  store i8 %v, ptr %p
  br label %skip
skip:
  ret void
}""", outbuf=True)

add("the arithmetic mean of an array of integers (0.0 when empty)", "define double @mean(ptr %arr, i64 %n)",
    "The sum of the n values divided by n, as a double; 0.0 for an empty array. The array is not changed.",
    "def mean(arr):\n    return sum(arr) / len(arr) if arr else 0.0",
    [[[1, 2, 3, 4]], [[]], [[5]], [[-1, 1]], [[1, 2]], [[1, 1, 2]]], """
define double @mean(ptr %arr, i64 %n) {
entry:
  %empty = icmp sle i64 %n, 0
  br i1 %empty, label %zero, label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %sum = phi i64 [ 0, %entry ], [ %sum.next, %loop ]
  %p = getelementptr inbounds i64, ptr %arr, i64 %i
  %v = load i64, ptr %p
  %sum.next = add i64 %sum, %v
  %i.next = add i64 %i, 1
  %more = icmp slt i64 %i.next, %n
  br i1 %more, label %loop, label %done
done:
  %fs = sitofp i64 %sum.next to double
  %fn = sitofp i64 %n to double
  %r = fdiv double %fs, %fn
  ret double %r
zero:
  ret double 0.0
}""")

answers, intents = [], []
for f in LIB:
    ns = {}
    exec(f["python"], ns)
    name = f["sig"].split("@")[1].split("(")[0]
    fn = ns[name]
    vectors = []
    for item in f["inputs"]:
        args, out_size = (item if isinstance(item, tuple) else (item, None))
        call = [list(a) if isinstance(a, list) else a for a in args]
        r = fn(*call)
        v = {"args": args}
        if f["modifies"]:
            v["arr_after"] = next(a for a in call if isinstance(a, list))
        elif r is not None:
            v["expect"] = r
        if out_size is not None:
            v["out_size"] = out_size
        vectors.append(v)
    spec = {"signature": f["sig"], "description": f["desc"], "vectors": vectors}
    if f["modifies"]:
        spec["modifies_array"] = True
    answers.append("```json\n" + json.dumps(spec, indent=1) + "\n```\n")
    answers.append("```python\n" + f["python"] + "\n```\n")
    answers.append("```llvm\n" + f["ir"] + "\n```\n")
    intents.append(f["intent"])

with open(os.path.join(HERE, "library.json"), "w") as out:
    json.dump({"responses": [{"text": a} for a in answers]}, out, indent=1)
    out.write("\n")
with open(os.path.join(HERE, "library.txt"), "w") as out:
    out.write("# The seed's function library (+ mean), one intent per line.\n")
    out.write("\n".join(intents) + "\n")
print(len(intents), "functions")

# Mutants: the same specs with broken IR, so the harness is seen to catch each shape's failure
# (wrong array afterwards, an array changed that must only be read, a wrong double, an i8 compare).
MUTANTS = {
    "bubble_sort": ("%sw = icmp sgt i64 %a, %b", "%sw = icmp slt i64 %a, %b"),
    "binary_search": ("  %eq = icmp eq i64 %v, %key\n", "  store i64 0, ptr %p\n  %eq = icmp eq i64 %v, %key\n"),
    "mean": ("ret double %r", "ret double %fs"),
    "count_char": ("%eq = icmp eq i8 %x, %c", "%eq = icmp ne i8 %x, %c"),
}
m_answers, m_intents = [], []
for i, f in enumerate(LIB):
    name = f["sig"].split("@")[1].split("(")[0]
    if name not in MUTANTS:
        continue
    old, new = MUTANTS[name]
    assert old in f["ir"], name
    m_answers += [answers[3 * i], answers[3 * i + 1], "```llvm\n" + f["ir"].replace(old, new) + "\n```\n"]
    m_intents.append(f["intent"])
with open(os.path.join(HERE, "mutants.json"), "w") as out:
    json.dump({"responses": [{"text": a} for a in m_answers]}, out, indent=1)
    out.write("\n")
with open(os.path.join(HERE, "mutants.txt"), "w") as out:
    out.write("\n".join(m_intents) + "\n")
