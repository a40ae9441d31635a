"""Searches over integer lists (items[0:n])."""


def linear_search(items: list, n: int, target: int) -> int:
    for i in range(n):
        if items[i] == target:
            return i
    return -1


def binary_search(items: list, n: int, target: int) -> int:
    """Index of target in sorted items, or -1."""
    lo, hi = 0, n - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if items[mid] == target:
            return mid
        if items[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1


def lower_bound(items: list, n: int, target: int) -> int:
    """First index whose value is >= target in sorted items."""
    lo, hi = 0, n
    while lo < hi:
        mid = (lo + hi) // 2
        if items[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo


def count_of(items: list, n: int, target: int) -> int:
    count = 0
    for i in range(n):
        if items[i] == target:
            count += 1
    return count


def max_index(items: list, n: int) -> int:
    best = 0
    for i in range(1, n):
        if items[i] > items[best]:
            best = i
    return best


def min_index(items: list, n: int) -> int:
    best = 0
    for i in range(1, n):
        if items[i] < items[best]:
            best = i
    return best


def second_largest(items: list, n: int) -> int:
    """The largest value below the maximum, or the maximum when all are equal."""
    first = items[max_index(items, n)]
    second = None
    for i in range(n):
        if items[i] < first and (second is None or items[i] > second):
            second = items[i]
    return first if second is None else second
