"""A small Forth: reads a program on stdin, runs it, prints what it prints.
Definitions (`: NAME ... ;`) hold IF/ELSE/THEN and DO/LOOP; top-level words run at once."""
import sys

from compiler import compile_words
from lexer import tokenize
from machine import execute, OK, UNDERFLOW, OVERFLOW, DIVISION_BY_ZERO
from stacks import Stack

MESSAGES = {UNDERFLOW: "stack underflow", OVERFLOW: "stack overflow",
            DIVISION_BY_ZERO: "division by zero"}
COMPILE_ONLY = ("IF", "ELSE", "THEN", "DO", "LOOP", "I", "J")


def interpret(words: list, out: list) -> str:
    """Runs the program; '' or the first error."""
    names, definitions = [], []
    data, loops = Stack(), Stack()
    i = 0
    while i < len(words):
        word = words[i]
        if word == ":":
            if i + 1 >= len(words):
                return "definition without a name"
            end = i + 2
            while end < len(words) and words[end] != ";":
                end += 1
            if end == len(words):
                return "definition of " + words[i + 1] + " without ;"
            code, error = compile_words(words[i + 2:end], names)
            if error:
                return error
            names.append(words[i + 1])
            definitions.append(code)
            i = end + 1
            continue
        if word in COMPILE_ONLY:
            return word + " outside a definition"
        code, error = compile_words([word], names)
        if error:
            return error
        status = execute(code, definitions, data, loops, out, 0)
        if status != OK:
            return word + ": " + MESSAGES.get(status, "nesting too deep")
        i += 1
    return ""


if __name__ == "__main__":
    out = []
    error = interpret(tokenize(sys.stdin.read()), out)
    sys.stdout.write("".join(out))
    if error:
        sys.stdout.write("\nerror: " + error + "\n")
        sys.exit(1)
