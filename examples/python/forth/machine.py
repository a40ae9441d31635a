"""Runs compiled code: primitives, calls, IF/ELSE/THEN jumps and DO...LOOP with I and J."""
from compiler import (LIT, CALL, PRIM, JUMP_IF_ZERO, JUMP, DO, LOOP, INDEX_I, INDEX_J,
                      PRIMITIVES)
from stacks import Stack

OK = 0
UNDERFLOW = 1
OVERFLOW = 2
DIVISION_BY_ZERO = 3
TOO_DEEP = 4

# How many values each primitive needs.
NEEDS = {"+": 2, "-": 2, "*": 2, "/": 2, "MOD": 2, "DUP": 1, "DROP": 1, "SWAP": 2, "OVER": 2,
         "ROT": 3, "=": 2, "<": 2, ">": 2, ".": 1, "EMIT": 1, "CR": 0, "NEGATE": 1, "ABS": 1,
         "MAX": 2, "MIN": 2, "0=": 1}


def flag(b: bool) -> int:
    return -1 if b else 0


def floor_div(a: int, b: int) -> int:
    """Forth-2012 leaves / to the system; this one floors, like Python."""
    return a // b


def primitive(name: str, data: Stack, out: list) -> int:
    if data.depth() < NEEDS[name]:
        return UNDERFLOW
    if name == "CR":
        out.append("\n")
        return OK
    if name == ".":
        out.append(str(data.pop()) + " ")
        return OK
    if name == "EMIT":
        out.append(chr(data.pop() & 255))
        return OK
    if name == "DUP":
        return OK if data.push(data.pick(0)) else OVERFLOW
    if name == "DROP":
        data.pop()
        return OK
    if name == "OVER":
        return OK if data.push(data.pick(1)) else OVERFLOW
    if name in ("NEGATE", "ABS", "0="):
        a = data.pop()
        if name == "NEGATE":
            data.push(-a)
        elif name == "ABS":
            data.push(abs(a))
        else:
            data.push(flag(a == 0))
        return OK
    if name == "ROT":
        c = data.pop()
        b = data.pop()
        a = data.pop()
        data.push(b)
        data.push(c)
        data.push(a)
        return OK
    b = data.pop()
    a = data.pop()
    if name == "SWAP":
        data.push(b)
        data.push(a)
        return OK
    if name in ("/", "MOD") and b == 0:
        return DIVISION_BY_ZERO
    results = {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b,
               "/": lambda: floor_div(a, b), "MOD": lambda: a % b,
               "=": lambda: flag(a == b), "<": lambda: flag(a < b), ">": lambda: flag(a > b),
               "MAX": lambda: max(a, b), "MIN": lambda: min(a, b)}
    data.push(results[name]())
    return OK


def execute(code: list, definitions: list, data: Stack, loops: Stack, out: list,
            depth: int) -> int:
    if depth > 64:
        return TOO_DEEP
    pc = 0
    while pc < len(code):
        kind, arg = code[pc]
        pc += 1
        if kind == LIT:
            if not data.push(arg):
                return OVERFLOW
        elif kind == CALL:
            status = execute(definitions[arg], definitions, data, loops, out, depth + 1)
            if status != OK:
                return status
        elif kind == PRIM:
            status = primitive(PRIMITIVES[arg], data, out)
            if status != OK:
                return status
        elif kind == JUMP_IF_ZERO:
            if data.depth() < 1:
                return UNDERFLOW
            if data.pop() == 0:
                pc = arg
        elif kind == JUMP:
            pc = arg
        elif kind == DO:
            if data.depth() < 2:
                return UNDERFLOW
            start = data.pop()
            limit = data.pop()
            if not loops.push(limit) or not loops.push(start):
                return OVERFLOW
        elif kind == LOOP:
            index = loops.pop() + 1
            limit = loops.pick(0)
            if index < limit:
                loops.push(index)
                pc = arg
            else:
                loops.pop()
        elif kind == INDEX_I:
            if loops.depth() < 2 or not data.push(loops.pick(0)):
                return UNDERFLOW
        elif kind == INDEX_J:
            if loops.depth() < 4 or not data.push(loops.pick(2)):
                return UNDERFLOW
    return OK
