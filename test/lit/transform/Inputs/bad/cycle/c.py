def fc() -> int:
    return 3
