"""NFKC as reports need it, fast: a report's prose folds mostly by its full-width forms
(，：（）１２ and the ideographic space), each one character for one. Those are replaced with
`str.replace`, and Unicode's full NFKC runs only on text that still is not NFKC after that
(circled numbers, ㎡, compatibility ideographs …). The result is always NFKC's own."""

from __future__ import annotations

import re
import unicodedata


def _one_for_one() -> dict[str, str]:
    """The full-width and ideographic forms NFKC folds to one other character."""
    table = {}
    for code in (0x3000, *range(0xFF00, 0xFFF0)):
        char = chr(code)
        folded = unicodedata.normalize("NFKC", char)
        if folded != char and len(folded) == 1:
            table[char] = folded
    return table


_FOLDS = _one_for_one()
_FOLDED = re.compile("[" + "".join(re.escape(char) for char in _FOLDS) + "]")


def nfkc(text: str) -> str:
    """unicodedata.normalize("NFKC", text), for a fraction of its time on report text."""
    folded = text
    for char in set(_FOLDED.findall(text)):
        folded = folded.replace(char, _FOLDS[char])
    if unicodedata.is_normalized("NFKC", folded):
        return folded
    return unicodedata.normalize("NFKC", text)
