"""One normalisation of labels, used wherever labels are compared, and near-miss matching."""

from __future__ import annotations

import math
import re
from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache

from gxlint.document.nfkc import nfkc

# The punctuation and quotes that real reports vary freely (whitespace, which they vary too, is
# dropped by str.split: the same characters as \s).
_PUNCTUATION = re.compile(r"[\"'“”‘’「」『』《》〈〉·•、,，.．:：;；!！?？()（）\[\]【】]")
_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}\s*[、．.]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]|\d{1,2}\s*[.．、])"
)
NEAR = 0.75  # similarity from which a different label counts as a typo of another


def normalise_text(text: str) -> str:
    """NFKC, then drop whitespace, punctuation and quotes: 「(一) 予以公开」 → 「一予以公开」."""
    return normalise_folded(nfkc(text))


def normalise_folded(folded: str) -> str:
    """`normalise_text` of a text already NFKC-folded."""
    return _PUNCTUATION.sub("", "".join(folded.split()))  # split: faster than \s


@lru_cache(maxsize=4096)
def normalise(label: str) -> str:
    """`normalise_text` of a label, memoised: reports repeat their labels. (A whole report's
    text goes to `normalise_text`: memoised, a batch would keep every report's text.)"""
    return normalise_text(label)


@lru_cache(maxsize=4096)
def strip_numbering(label: str) -> str:
    """Drop a leading 一、 / （一） / 1. numbering and normalise the rest."""
    folded = nfkc(label).strip()
    return normalise_folded(_NUMBERING.sub("", folded))  # folded already: no second NFKC


@lru_cache(maxsize=8192)  # bounded: a worker of a long batch keeps it to the end
def similarity(a: str, b: str) -> float:
    """Similarity of two normalised labels, 0 to 1 (memoised: reports repeat their labels)."""
    if a == b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def is_near(a: str, b: str, threshold: float = NEAR) -> bool:
    """True when two normalised labels differ but are close enough to be a typo of each other."""
    return a != b and similarity(a, b) >= threshold


class NearIndex:
    """Labels indexed by their characters, to find those a label may be `near` to without
    comparing it with every one: a similarity (SequenceMatcher's ratio, 2·matches / both
    lengths) is at most 2·(characters the two share, with their counts) / both lengths, so a
    label sharing too few characters with another can never reach the threshold.

    The counts are added up for every label at once: each label has a field of `width` bits in
    one integer, a character's posting holds a 1 in the field of each label that has it (its
    k-th occurrence: those that have it k times or more), and a query starts from a bias that
    sets a field's top bit exactly when its label shares enough characters (`_bias`)."""

    __slots__ = ("biases", "lengths", "postings", "tops", "width")

    def __init__(self, labels: list[str]) -> None:
        self.lengths = [len(label) for label in labels]
        # A field holds a count up to the longest label below its top bit, and no more.
        self.width = max(self.lengths, default=0).bit_length() + 1
        top = 1 << (self.width - 1)
        self.tops = sum(top << (number * self.width) for number in range(len(labels)))
        self.postings: dict[tuple[str, int], int] = {}  # (character, k) → a 1 in those fields
        for number, label in enumerate(labels):
            bit = 1 << (number * self.width)
            for char, count in Counter(label).items():
                for k in range(1, count + 1):
                    self.postings[(char, k)] = self.postings.get((char, k), 0) | bit
        self.biases: dict[tuple[int, float], int] = {}  # by query length and threshold

    def candidates(self, label: str, threshold: float) -> list[int]:
        """The labels (by position, in order) that `label` could be at least `threshold`
        similar to; every other is less similar than that."""
        total = self._bias(len(label), threshold)
        if not total:  # the label is too long or too short to be near any
            return []
        postings, seen = self.postings, dict.fromkeys(label, 0)
        for char in label:  # its k-th occurrence meets the labels that hold it k times or more
            seen[char] += 1
            total += postings.get((char, seen[char]), 0)
        hits, width = total & self.tops, self.width
        if not hits:  # most labels of a row the template does not know
            return []
        return [n for n in range(len(self.lengths)) if hits >> (n * width + width - 1) & 1]

    def _bias(self, size: int, threshold: float) -> int:
        """Each field's start: 2^(width-1) less the shared characters its label needs (at
        least one), so its top bit is set once they are met; 0 for a label that can never be
        near one of `size` characters (it would need more than it has)."""
        key = (size, threshold)
        bias = self.biases.get(key)
        if bias is None:
            bias, top = 0, 1 << (self.width - 1)
            for number, length in enumerate(self.lengths):
                need = _needed(size + length, threshold)
                if need <= length:
                    bias |= (top - need) << (number * self.width)
            if len(self.biases) >= 1024:  # bounded: one entry a query length
                self.biases.clear()
            self.biases[key] = bias
        return bias


def _needed(both: int, threshold: float) -> int:
    """The fewest shared characters (at least one) for 2·shared / `both` ≥ `threshold`, as
    that comparison is made in floating point."""
    need = max(1, math.ceil(threshold * both / 2))
    while need > 1 and 2.0 * (need - 1) / both >= threshold:
        need -= 1
    while 2.0 * need / both < threshold:
        need += 1
    return need
