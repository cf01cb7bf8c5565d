"""Near-copies (GX604): a report whose prose repeats another report of the batch — the same
agency's last year, or another agency's — beyond a share of its sentences. Sentences are
compared with their digits folded (a copy that only changed 2023 to 2024 is still a copy), and
only sentences long enough to say something; the shared passages are listed. A sentence found in
more than `boilerplate` reports of the batch is common wording (the template's, a province's
model text), not evidence of copying: it is left out, which also keeps a batch of thousands of
reports linear.

A batch's sentences are compared on disk, in buckets by fingerprint (each sentence's reports
together), and the pairs of reports that share a sentence in buckets by report: memory holds one
bucket, a count of each report's own sentences and the fingerprints of common wording."""

from __future__ import annotations

import hashlib
import re
from array import array
from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

from gxlint.analysis.context import Context
from gxlint.document.model import Span
from gxlint.findings import Finding
from gxlint.kinds._across import Batch, Fact, alone, fact_of, known
from gxlint.kinds.base import Kind, param
from gxlint.pack.rule import Rule
from gxlint.records import record
from gxlint.scratch import Buckets

_DIGITS = re.compile(r"\d+")
MIN_CHARS = 15
SHOWN_CHARS = 24  # of each shared passage listed
REPORTS_A_BUCKET = 250  # of a batch's sentences: about 12,500 a bucket
BUFFERED = 16384  # sentences held before they are written to their buckets


@record(frozen=True, slots=True)
class Sentences:
    """Each long enough sentence's fingerprint, place (line, column, end column: three numbers
    a sentence) and first words (one string, a line each), in compact arrays: a batch writes
    every report's to disk and reads them back twice."""

    keys: array[int]
    places: array[int]
    heads: str


def _collect(rule: Rule, ctx: Context) -> Fact[Sentences] | None:
    if not known(ctx):
        return None
    keys, places, heads = array("Q"), array("I"), []
    seen: set[int] = set()
    for spec in ctx.pack.sections:
        for prose in ctx.prose(spec.key):
            for start, end in prose.sentences:
                text = prose.text[start:end].rstrip("。;")
                if len(text) < MIN_CHARS:
                    continue
                digest = hashlib.blake2b(_DIGITS.sub("#", text).encode(), digest_size=8).digest()
                key = int.from_bytes(digest)
                if key not in seen:
                    seen.add(key)
                    span = prose.span(start, end)
                    keys.append(key)
                    places.extend((span.line, span.column, span.end_column))
                    heads.append(text[:SHOWN_CHARS])
    # The heads as one string (prose holds no line break): one object, not dozens, a report.
    return fact_of(rule, ctx, Sentences(keys, places, "\n".join(heads)))


@record(frozen=True, slots=True, kw_only=True)
class Params:
    """The parameters of near-copy."""

    share: float = param("share of its sentences found in the other report", 0.5)
    at_least: int = param("only reports with this many sentences", 10)
    boilerplate: int = param("a sentence in more reports is common wording", 10)


def _compare(rule: Rule, facts: Batch[Sentences]) -> Iterator[Finding]:
    params = rule.params_as(Params)
    buckets = -(-len(facts) // REPORTS_A_BUCKET)
    own, sharing = _sharing(facts, buckets, params.boilerplate)
    for bucket in range(buckets):
        counted = Counter(sharing.pairs.bucket(bucket))  # (report, other) → sentences shared
        for (number, other), count in sorted(counted.items()):
            if own[number] < params.at_least or count / own[number] <= params.share:
                continue
            fact, theirs = facts[number], facts[other]
            if _copier(fact, theirs):
                yield _finding(rule, fact, theirs, (count, own[number]), sharing.wording)


class _Shared(NamedTuple):
    pairs: Buckets[tuple[int, int]]  # by report: (report, other) once for each sentence shared
    wording: set[int]  # the fingerprints of common wording (in more than `boilerplate` reports)


def _sharing(facts: Batch[Sentences], buckets: int, boilerplate: int) -> tuple[array[int], _Shared]:
    """Each report's count of its own sentences (not common wording), and which reports share
    which of them."""
    sentences: Buckets[tuple[int, int]] = Buckets(buckets, buffered=BUFFERED)
    for number, fact in enumerate(facts):  # each fact read once
        for key in fact.data.keys:
            sentences.add(key % buckets, (key, number))
    own = array("I", bytes(4 * len(facts)))
    shared = _Shared(Buckets(buckets, buffered=BUFFERED), set())
    for bucket in range(buckets):
        index: dict[int, list[int]] = {}  # a sentence's reports
        for key, number in sentences.bucket(bucket):
            index.setdefault(key, []).append(number)
        for key, reports in index.items():
            if len(reports) > boilerplate:
                shared.wording.add(key)
                continue
            for number in reports:
                own[number] += 1
                for other in reports:
                    if other != number:
                        shared.pairs.add(number % buckets, (number, other))
    return own, shared


def _copier(fact: Fact[Sentences], other: Fact[Sentences]) -> bool:
    """The later report is the copy; of two of one year, both are told."""
    return fact.year >= other.year


def _finding(
    rule: Rule,
    fact: Fact[Sentences],
    other: Fact[Sentences],
    counts: tuple[int, int],  # sentences shared with `other`, and its own (not common wording)
    wording: set[int],
) -> Finding:
    (count, own), theirs, mine = counts, set(other.data.keys), fact.data
    common = [i for i, key in enumerate(mine.keys) if key in theirs and key not in wording]
    line, column, end_column = mine.places[3 * common[0] : 3 * common[0] + 3]
    heads = mine.heads.split("\n")
    passages = "；".join(f"「{heads[i]}…」" for i in common[:3])
    share = round(100 * count / own)
    span = Span(line, column, line, end_column)
    finding = rule.finding(span, share=share, count=count, other=other.name, passages=passages)
    return finding.at(fact.path)


KIND = Kind(
    "near-copy",
    "报告正文与另一份报告大量相同 — a report's prose largely repeats another report's",
    alone,
    params=Params,
    fields=frozenset({"share", "count", "other", "passages"}),
    collect=_collect,
    compare=_compare,
)
