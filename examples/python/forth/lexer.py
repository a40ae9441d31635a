"""Splits Forth source into words; `( ... )` and `\\ ...` comments are dropped."""


def tokenize(text: str) -> list:
    words = []
    in_paren = False
    for line in text.split("\n"):
        for word in line.split():
            if in_paren:
                if word.endswith(")"):
                    in_paren = False
                continue
            if word == "(":
                in_paren = True
                continue
            if word == "\\":
                break
            words.append(word.upper())
    return words


def parse_number(word: str) -> tuple:
    """(True, value) when word is a decimal integer, else (False, 0)."""
    digits = word[1:] if word.startswith("-") and len(word) > 1 else word
    if digits.isdigit() and digits.isascii():
        return True, int(word)
    return False, 0
