def ok(a: int) -> int:
    return a
