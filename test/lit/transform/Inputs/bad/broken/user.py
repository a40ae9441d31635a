import bad

def uses() -> int:
    return 1
