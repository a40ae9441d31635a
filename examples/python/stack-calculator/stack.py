"""A bounded stack of integers, the calculator's only state."""

CAPACITY = 128


class Stack:
    """items[0:size] are the values, bottom first."""

    def __init__(self):
        self.items = [0] * CAPACITY
        self.size = 0

    def push(self, value: int) -> bool:
        if self.size == CAPACITY:
            return False
        self.items[self.size] = value
        self.size += 1
        return True

    def pop(self) -> int:
        """The top value; the caller checks depth() first."""
        self.size -= 1
        return self.items[self.size]

    def peek(self) -> int:
        return self.items[self.size - 1]

    def depth(self) -> int:
        return self.size

    def clear(self) -> None:
        self.size = 0
