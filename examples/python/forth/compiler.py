"""Compiles a colon definition's words into instructions (kind, argument)."""
from lexer import parse_number

LIT = 0
CALL = 1
PRIM = 2
JUMP_IF_ZERO = 3
JUMP = 4
DO = 5
LOOP = 6
INDEX_I = 7
INDEX_J = 8

PRIMITIVES = ["+", "-", "*", "/", "MOD", "DUP", "DROP", "SWAP", "OVER", "ROT", "=", "<", ">",
              ".", "EMIT", "CR", "NEGATE", "ABS", "MAX", "MIN", "0="]


def primitive_index(word: str) -> int:
    for i in range(len(PRIMITIVES)):
        if PRIMITIVES[i] == word:
            return i
    return -1


def compile_words(words: list, names: list) -> tuple:
    """(code, error): code is a list of (kind, argument); error is '' or a message."""
    code = []
    pending = []  # indices of IF/ELSE/DO instructions waiting for their partner
    for word in words:
        if word == "IF":
            pending.append(len(code))
            code.append((JUMP_IF_ZERO, -1))
        elif word == "ELSE":
            if not pending or code[pending[-1]][0] != JUMP_IF_ZERO:
                return [], "ELSE without IF"
            at = pending.pop()
            pending.append(len(code))
            code.append((JUMP, -1))
            code[at] = (JUMP_IF_ZERO, len(code))
        elif word == "THEN":
            if not pending or code[pending[-1]][0] not in (JUMP_IF_ZERO, JUMP):
                return [], "THEN without IF"
            at = pending.pop()
            code[at] = (code[at][0], len(code))
        elif word == "DO":
            pending.append(len(code))
            code.append((DO, 0))
        elif word == "LOOP":
            if not pending or code[pending[-1]][0] != DO:
                return [], "LOOP without DO"
            at = pending.pop()
            code.append((LOOP, at + 1))
        elif word == "I":
            code.append((INDEX_I, 0))
        elif word == "J":
            code.append((INDEX_J, 0))
        else:
            is_number, value = parse_number(word)
            if is_number:
                code.append((LIT, value))
                continue
            # The newest definition of a name wins, as in Forth.
            found = -1
            for i in range(len(names) - 1, -1, -1):
                if names[i] == word:
                    found = i
                    break
            if found >= 0:
                code.append((CALL, found))
                continue
            p = primitive_index(word)
            if p < 0:
                return [], "unknown word " + word
            code.append((PRIM, p))
    if pending:
        return [], "unclosed IF or DO"
    return code, ""
