import good

def broken(:
    pass
