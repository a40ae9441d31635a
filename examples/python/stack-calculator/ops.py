"""The calculator's words: arithmetic and stack shuffling over a Stack."""
from stack import Stack

OK = 0
UNDERFLOW = 1
DIVIDE_BY_ZERO = 2
OVERFLOW = 3
UNKNOWN = 4

BINARY = ("add", "sub", "mul", "div", "mod", "max", "min")


def trunc_div(a: int, b: int) -> int:
    """Division truncating toward zero, as C and LLVM's sdiv do."""
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


def trunc_mod(a: int, b: int) -> int:
    return a - b * trunc_div(a, b)


def binary(word: str, a: int, b: int) -> int:
    if word == "add":
        return a + b
    if word == "sub":
        return a - b
    if word == "mul":
        return a * b
    if word == "div":
        return trunc_div(a, b)
    if word == "mod":
        return trunc_mod(a, b)
    if word == "max":
        return a if a > b else b
    return a if a < b else b


def execute(stack: Stack, word: str) -> int:
    """Runs one word; a status code above."""
    if word in BINARY:
        if stack.depth() < 2:
            return UNDERFLOW
        b = stack.pop()
        a = stack.pop()
        if word in ("div", "mod") and b == 0:
            stack.push(a)
            stack.push(b)
            return DIVIDE_BY_ZERO
        stack.push(binary(word, a, b))
        return OK
    if word == "neg":
        if stack.depth() < 1:
            return UNDERFLOW
        stack.push(-stack.pop())
        return OK
    if word == "dup":
        if stack.depth() < 1:
            return UNDERFLOW
        return OK if stack.push(stack.peek()) else OVERFLOW
    if word == "drop":
        if stack.depth() < 1:
            return UNDERFLOW
        stack.pop()
        return OK
    if word == "swap":
        if stack.depth() < 2:
            return UNDERFLOW
        b = stack.pop()
        a = stack.pop()
        stack.push(b)
        stack.push(a)
        return OK
    if word == "over":
        if stack.depth() < 2:
            return UNDERFLOW
        b = stack.pop()
        a = stack.peek()
        stack.push(b)
        return OK if stack.push(a) else OVERFLOW
    if word == "clear":
        stack.clear()
        return OK
    return UNKNOWN
