"""Brainfuck interpreter: stdin holds the program, then a line `!`, then the program's input."""
import sys

from bf import run, OK, UNMATCHED, TAPE_OVERFLOW

MESSAGES = {UNMATCHED: "unmatched bracket", TAPE_OVERFLOW: "tape overflow"}


def split_input(text: bytes) -> tuple:
    marker = text.find(b"\n!\n")
    if marker < 0:
        return text, b""
    return text[:marker], text[marker + 3:]


if __name__ == "__main__":
    code, data = split_input(sys.stdin.buffer.read())
    out = bytearray()
    status = run(code.decode("latin-1"), data, out)
    sys.stdout.buffer.write(bytes(out))
    if status != OK:
        sys.stdout.buffer.write(b"\nerror: " + MESSAGES.get(status, "step limit").encode() + b"\n")
    sys.exit(status)
