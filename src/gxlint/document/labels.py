"""One normalisation of labels, used wherever labels are compared, and near-miss matching."""

from __future__ import annotations

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
    label sharing too few characters with another can never reach the threshold."""

    __slots__ = ("lengths", "postings")

    def __init__(self, labels: list[str]) -> None:
        self.lengths = [len(label) for label in labels]
        # (character, k) → the labels that hold the character at least k times: a label shares
        # min(its count, theirs) of a character with another, one posting each.
        self.postings: dict[tuple[str, int], list[int]] = {}
        for number, label in enumerate(labels):
            for char, count in Counter(label).items():
                for k in range(1, count + 1):
                    self.postings.setdefault((char, k), []).append(number)

    def candidates(self, label: str, threshold: float) -> list[int]:
        """The labels (by position, in order) that `label` could be at least `threshold`
        similar to; every other is less similar than that."""
        postings, seen = self.postings, dict.fromkeys(label, 0)
        found: list[int] = []
        for char in label:  # its k-th occurrence meets the labels that hold it k times or more
            seen[char] += 1
            found += postings.get((char, seen[char]), ())
        shared = Counter(found)
        size, lengths = len(label), self.lengths
        return sorted(
            number
            for number, common in shared.items()
            if 2.0 * common / (size + lengths[number]) >= threshold
        )
