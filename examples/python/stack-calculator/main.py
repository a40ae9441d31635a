"""Stack calculator: words separated by whitespace on stdin; `.` prints and pops the top,
`.s` prints the whole stack. Errors go to stdout too, and make the exit status 1."""
import sys

from ops import execute, OK, UNDERFLOW, DIVIDE_BY_ZERO, OVERFLOW
from stack import Stack

MESSAGES = {
    UNDERFLOW: "stack underflow",
    DIVIDE_BY_ZERO: "division by zero",
    OVERFLOW: "stack overflow",
}


def is_number(word: str) -> bool:
    digits = word[1:] if word.startswith("-") else word
    return digits.isdigit() and digits.isascii()


def run(text: str) -> int:
    stack = Stack()
    status = 0
    for word in text.split():
        if is_number(word):
            if not stack.push(int(word)):
                print("error: " + word + ": stack overflow")
                status = 1
        elif word == ".":
            if stack.depth() == 0:
                print("error: .: stack underflow")
                status = 1
            else:
                print(stack.pop())
        elif word == ".s":
            print("<" + str(stack.depth()) + "> " +
                  " ".join(str(stack.items[i]) for i in range(stack.depth())))
        else:
            code = execute(stack, word)
            if code != OK:
                message = MESSAGES.get(code, "unknown word")
                print("error: " + word + ": " + message)
                status = 1
    return status


if __name__ == "__main__":
    sys.exit(run(sys.stdin.read()))
