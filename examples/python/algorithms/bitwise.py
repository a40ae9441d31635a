"""Bit tricks on 64-bit unsigned values (Python ints masked to 64 bits)."""

MASK = (1 << 64) - 1


def popcount(x: int) -> int:
    x &= MASK
    count = 0
    while x:
        x &= x - 1
        count += 1
    return count


def is_power_of_two(x: int) -> bool:
    return x > 0 and (x & (x - 1)) == 0


def next_power_of_two(x: int) -> int:
    """Smallest power of two >= x (1 for x <= 1)."""
    p = 1
    while p < x:
        p <<= 1
    return p


def reverse_bits(x: int) -> int:
    x &= MASK
    result = 0
    for _ in range(64):
        result = (result << 1) | (x & 1)
        x >>= 1
    return result


def rotate_left(x: int, k: int) -> int:
    x &= MASK
    k %= 64
    return ((x << k) | (x >> (64 - k))) & MASK


def lowest_set_bit(x: int) -> int:
    """Index of the lowest set bit, -1 for 0."""
    x &= MASK
    if x == 0:
        return -1
    i = 0
    while not (x >> i) & 1:
        i += 1
    return i


def highest_set_bit(x: int) -> int:
    x &= MASK
    i = -1
    while x:
        x >>= 1
        i += 1
    return i


def parity(x: int) -> int:
    return popcount(x) & 1


def gray_code(x: int) -> int:
    x &= MASK
    return x ^ (x >> 1)
