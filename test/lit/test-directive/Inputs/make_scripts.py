#!/usr/bin/env python3
"""Writes the semcom-mock-llm scripts of test/lit/test-directive/ (the JSON is committed)."""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))

def spec(sig, desc, vectors):
    return "```json\n" + json.dumps({"signature": sig, "description": desc, "vectors": vectors}, indent=1) + "\n```\n"

def py(code):
    return "```python\n" + code.strip() + "\n```\n"

def write(name, answers):
    with open(os.path.join(HERE, name), "w") as f:
        json.dump({"responses": [{"text": a} for a in answers]}, f, indent=1)
        f.write("\n")

# Two runtime functions of runtime/strings.ll, tested as they are.
write("runtime.json", [
    spec("define i64 @str_len(ptr %s)", "Bytes before the terminating NUL.",
         [{"args": [""], "expect": 0}, {"args": ["a"], "expect": 1},
          {"args": ["hello, world"], "expect": 12}, {"args": ["tab\there"], "expect": 8}]),
    py("def str_len(s):\n    return len(s.encode('utf-8'))"),
    spec("define i64 @format_i64(i64 %value, ptr %out, i64 %out_size)",
         "Writes value in decimal (a leading '-' when negative, no terminator) and returns the byte count, or -1 when it does not fit in out_size bytes.",
         [{"args": [0], "expect": "0"}, {"args": [42], "expect": "42"}, {"args": [-7], "expect": "-7"},
          {"args": [9223372036854775807], "expect": "9223372036854775807"},
          {"args": [-9223372036854775808], "expect": "-9223372036854775808"},
          {"args": [12345], "out_size": 4, "expect": -1}]),
    py("def format_i64(value):\n    return str(value)"),
])

# A module whose function is wrong for negative inputs: repaired by behaviour and written back.
write("repair.json", [
    spec("define i64 @abs_val(i64 %x)", "The absolute value of x.",
         [{"args": [-5], "expect": 5}, {"args": [0], "expect": 0}, {"args": [7], "expect": 7},
          {"args": [-1], "expect": 1}]),
    py("def abs_val(x):\n    return abs(x)"),
    "Negate negative inputs.\n```llvm\ndefine i64 @abs_val(i64 %x) {\nentry:\n  %neg = icmp slt i64 %x, 0\n  %m = sub i64 0, %x\n  %r = select i1 %neg, i64 %m, i64 %x\n  ret i64 %r\n}\n```\n",
])

# A copy of the runtime whose str_len counts the NUL too: @test finds it, and the behavioural repair
# (the whole strings.ll, as it is in runtime/) validates as the runtime's own module and is written
# back.
with open(os.path.join(HERE, "..", "..", "..", "..", "runtime", "strings.ll")) as f:
    STRINGS = f.read()
write("runtime-repair.json", [
    spec("define i64 @str_len(ptr %s)", "Bytes before the terminating NUL.",
         [{"args": [""], "expect": 0}, {"args": ["a"], "expect": 1},
          {"args": ["hello, world"], "expect": 12}, {"args": ["tab\there"], "expect": 8}]),
    py("def str_len(s):\n    return len(s.encode('utf-8'))"),
    "The loop returned the index after the NUL.\n```llvm\n" + STRINGS + "```\n",
])
