"""Drives the library: one command per line, `NAME ARGS...`, one result line each."""
import sys

import bitwise
import hashing
import numeric
import searching
import sorting

SORTS = {"bubble": sorting.bubble_sort, "insertion": sorting.insertion_sort,
         "selection": sorting.selection_sort, "quick": sorting.quick_sort}
NUMERIC = {"gcd": numeric.gcd, "lcm": numeric.lcm, "prime": numeric.is_prime,
           "factorial": numeric.factorial, "fib": numeric.fibonacci, "isqrt": numeric.isqrt,
           "powmod": numeric.power_mod, "digitsum": numeric.digit_sum,
           "collatz": numeric.collatz_steps}
BITS = {"popcount": bitwise.popcount, "pow2": bitwise.is_power_of_two,
        "nextpow2": bitwise.next_power_of_two, "revbits": bitwise.reverse_bits,
        "rotl": bitwise.rotate_left, "lowbit": bitwise.lowest_set_bit,
        "highbit": bitwise.highest_set_bit, "parity": bitwise.parity, "gray": bitwise.gray_code}
HASHES = {"fnv32": hashing.fnv1a_32, "fnv64": hashing.fnv1a_64, "djb2": hashing.djb2,
          "sdbm": hashing.sdbm, "adler32": hashing.adler32, "crc32": hashing.crc32}


def show(value) -> str:
    if value is True or value is False:
        return "1" if value else "0"
    return str(value)


def command(words: list) -> str:
    name, args = words[0], words[1:]
    if name in HASHES:
        return show(HASHES[name](" ".join(args).encode()))
    if name == "bucket":
        return show(hashing.bucket(" ".join(args[1:]).encode(), int(args[0])))
    numbers = [int(a) for a in args]
    n = len(numbers)
    if name in SORTS:
        SORTS[name](numbers, n)
        return " ".join(str(v) for v in numbers)
    if name == "reverse":
        sorting.reverse(numbers, n)
        return " ".join(str(v) for v in numbers)
    if name == "sorted":
        return show(sorting.is_sorted(numbers, n))
    if name == "find":
        return show(searching.linear_search(numbers[1:], n - 1, numbers[0]))
    if name == "bsearch":
        return show(searching.binary_search(numbers[1:], n - 1, numbers[0]))
    if name == "lowerbound":
        return show(searching.lower_bound(numbers[1:], n - 1, numbers[0]))
    if name == "count":
        return show(searching.count_of(numbers[1:], n - 1, numbers[0]))
    if name == "max":
        return show(searching.max_index(numbers, n))
    if name == "min":
        return show(searching.min_index(numbers, n))
    if name == "second":
        return show(searching.second_largest(numbers, n))
    if name in NUMERIC:
        return show(NUMERIC[name](*numbers))
    if name in BITS:
        return show(BITS[name](*numbers))
    return "error: unknown command " + name


if __name__ == "__main__":
    for line in sys.stdin.read().split("\n"):
        words = line.split()
        if words:
            print(command(words))
