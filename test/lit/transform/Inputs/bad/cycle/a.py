import b

def fa() -> int:
    return 1
