import a

def fb() -> int:
    return 2
