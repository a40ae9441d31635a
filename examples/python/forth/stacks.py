"""The data stack and the return stack (loop indices and limits live there)."""

DEPTH = 256


class Stack:
    def __init__(self):
        self.cells = [0] * DEPTH
        self.top = 0

    def push(self, value: int) -> bool:
        if self.top == DEPTH:
            return False
        self.cells[self.top] = value
        self.top += 1
        return True

    def pop(self) -> int:
        self.top -= 1
        return self.cells[self.top]

    def pick(self, n: int) -> int:
        """The n-th value from the top (0 is the top)."""
        return self.cells[self.top - 1 - n]

    def depth(self) -> int:
        return self.top
