"""Evaluates one line of reverse Polish notation over integers."""

BAD_TOKEN = 1
STACK_UNDERFLOW = 2
DIVISION_BY_ZERO = 3
NOT_ONE_VALUE = 4
EMPTY_LINE = 5
MAX_DEPTH = 64


def apply_op(op: str, a: int, b: int) -> int:
    """a op b; division truncates toward zero (b is never 0 here)."""
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    quotient = abs(a) // abs(b)
    return quotient if (a < 0) == (b < 0) else -quotient


def evaluate(line: str) -> tuple:
    """(0, value) on success, (error code, 0) otherwise."""
    stack = []
    tokens = line.split()
    if not tokens:
        return EMPTY_LINE, 0
    for token in tokens:
        if token in ("+", "-", "*", "/"):
            if len(stack) < 2:
                return STACK_UNDERFLOW, 0
            b = stack.pop()
            a = stack.pop()
            if token == "/" and b == 0:
                return DIVISION_BY_ZERO, 0
            stack.append(apply_op(token, a, b))
        elif token.isdigit() and token.isascii():
            if len(stack) == MAX_DEPTH:
                return STACK_UNDERFLOW, 0
            stack.append(int(token))
        else:
            return BAD_TOKEN, 0
    if len(stack) != 1:
        return NOT_ONE_VALUE, 0
    return 0, stack[0]
