"""A brainfuck machine: 30000 byte cells, wrapping arithmetic, brackets matched up front."""

TAPE_SIZE = 30000
OK = 0
UNMATCHED = 1
TAPE_OVERFLOW = 2
STEP_LIMIT = 3
MAX_STEPS = 10000000


def match_brackets(code: str, jumps: list) -> int:
    """Fills jumps[i] with the partner of the bracket at i; OK or UNMATCHED."""
    open_at = []
    for i in range(len(code)):
        if code[i] == "[":
            open_at.append(i)
        elif code[i] == "]":
            if not open_at:
                return UNMATCHED
            j = open_at.pop()
            jumps[i] = j
            jumps[j] = i
    return OK if not open_at else UNMATCHED


def run(code: str, data: bytes, out: bytearray) -> int:
    """Runs code with data as its input; output bytes are appended to out."""
    jumps = [0] * len(code)
    status = match_brackets(code, jumps)
    if status != OK:
        return status
    tape = bytearray(TAPE_SIZE)
    ptr = 0
    pc = 0
    read = 0
    steps = 0
    while pc < len(code):
        steps += 1
        if steps > MAX_STEPS:
            return STEP_LIMIT
        c = code[pc]
        if c == ">":
            ptr += 1
            if ptr == TAPE_SIZE:
                return TAPE_OVERFLOW
        elif c == "<":
            ptr -= 1
            if ptr < 0:
                return TAPE_OVERFLOW
        elif c == "+":
            tape[ptr] = (tape[ptr] + 1) & 255
        elif c == "-":
            tape[ptr] = (tape[ptr] - 1) & 255
        elif c == ".":
            out.append(tape[ptr])
        elif c == ",":
            if read < len(data):
                tape[ptr] = data[read]
                read += 1
            else:
                tape[ptr] = 0
        elif c == "[":
            if tape[ptr] == 0:
                pc = jumps[pc]
        elif c == "]":
            if tape[ptr] != 0:
                pc = jumps[pc]
        pc += 1
    return OK
