"""RPN calculator: one expression per line on stdin, one result (or error) per line on stdout."""
import sys

from rpn import evaluate, EMPTY_LINE

MESSAGES = {
    1: "error: bad token",
    2: "error: stack underflow",
    3: "error: division by zero",
    4: "error: expected one value",
}


def run(lines) -> int:
    status = 0
    for line in lines:
        code, value = evaluate(line)
        if code == EMPTY_LINE:
            continue
        if code == 0:
            print(value)
        else:
            print(MESSAGES[code])
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(run(sys.stdin.read().split("\n")))
