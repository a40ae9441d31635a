"""In-place sorts of integer lists (items[0:n])."""


def swap(items: list, i: int, j: int) -> None:
    items[i], items[j] = items[j], items[i]


def bubble_sort(items: list, n: int) -> None:
    for end in range(n - 1, 0, -1):
        for i in range(end):
            if items[i] > items[i + 1]:
                swap(items, i, i + 1)


def insertion_sort(items: list, n: int) -> None:
    for i in range(1, n):
        value = items[i]
        j = i - 1
        while j >= 0 and items[j] > value:
            items[j + 1] = items[j]
            j -= 1
        items[j + 1] = value


def selection_sort(items: list, n: int) -> None:
    for i in range(n):
        smallest = i
        for j in range(i + 1, n):
            if items[j] < items[smallest]:
                smallest = j
        swap(items, i, smallest)


def partition(items: list, lo: int, hi: int) -> int:
    """Lomuto partition of items[lo:hi+1] around items[hi]."""
    pivot = items[hi]
    i = lo
    for j in range(lo, hi):
        if items[j] < pivot:
            swap(items, i, j)
            i += 1
    swap(items, i, hi)
    return i


def quick_sort_range(items: list, lo: int, hi: int) -> None:
    if lo < hi:
        p = partition(items, lo, hi)
        quick_sort_range(items, lo, p - 1)
        quick_sort_range(items, p + 1, hi)


def quick_sort(items: list, n: int) -> None:
    quick_sort_range(items, 0, n - 1)


def is_sorted(items: list, n: int) -> bool:
    for i in range(1, n):
        if items[i - 1] > items[i]:
            return False
    return True


def reverse(items: list, n: int) -> None:
    i, j = 0, n - 1
    while i < j:
        swap(items, i, j)
        i += 1
        j -= 1
