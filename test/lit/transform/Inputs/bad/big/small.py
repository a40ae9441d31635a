def small() -> int:
    return 3
