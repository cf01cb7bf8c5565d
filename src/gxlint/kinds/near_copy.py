"""Near-copies (GX604): a report whose prose repeats another report of the batch — the same
agency's last year, or another agency's — beyond a share of its sentences. Sentences are
compared with their digits folded (a copy that only changed 2023 to 2024 is still a copy), and
only sentences long enough to say something; the shared passages are listed. A sentence found in
more than `boilerplate` reports of the batch is common wording (the template's, a province's
model text), not evidence of copying: it is left out, which also keeps a batch of thousands of
reports linear."""

from __future__ import annotations

import hashlib
import re
from array import array
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from gxlint.analysis.context import Context
from gxlint.document.model import Span
from gxlint.findings import Finding
from gxlint.kinds._across import Fact, alone, fact_of, known
from gxlint.kinds.base import Kind, param
from gxlint.pack.rule import Rule

_DIGITS = re.compile(r"\d+")
MIN_CHARS = 15
SHOWN_CHARS = 24  # of each shared passage listed


@dataclass(frozen=True, slots=True)
class Sentences:
    """Each long enough sentence's fingerprint, place (line, column, end column: three numbers
    a sentence) and first words (one string, a line each), in compact arrays: a batch of
    thousands keeps them all to the end."""

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


@dataclass(frozen=True, slots=True, kw_only=True)
class Params:
    share: float = param("share of its sentences found in the other report", 0.5)
    at_least: int = param("only reports with this many sentences", 10)
    boilerplate: int = param("a sentence in more reports is common wording", 10)


def _compare(rule: Rule, facts: list[Fact[Sentences]]) -> Iterator[Finding]:
    params = rule.params_as(Params)
    common = params.boilerplate
    # Each sentence's reports, up to one more than `common`: a sentence in more is common
    # wording, told by the length alone (a template's sentence need not list every report).
    index: dict[int, list[int]] = {}
    for number, fact in enumerate(facts):  # each fact's data read once a pass (it may be stored)
        for key in fact.data.keys:
            reports = index.setdefault(key, [])
            if len(reports) <= common:
                reports.append(number)
    for number, fact in enumerate(facts):
        keys = fact.data.keys
        own = [i for i, key in enumerate(keys) if len(index[key]) <= common]
        if len(own) < params.at_least:
            continue
        shared = Counter(o for i in own for o in index[keys[i]] if o != number)
        for other, count in sorted(shared.items()):
            if count / len(own) > params.share and _copier(fact, facts[other]):
                yield _finding(rule, fact, facts[other], count, own)


def _copier(fact: Fact[Sentences], other: Fact[Sentences]) -> bool:
    """The later report is the copy; of two of one year, both are told."""
    return fact.year >= other.year


def _finding(
    rule: Rule, fact: Fact[Sentences], other: Fact[Sentences], count: int, own: list[int]
) -> Finding:
    theirs, mine = set(other.data.keys), fact.data
    common = [i for i in own if mine.keys[i] in theirs]
    line, column, end_column = mine.places[3 * common[0] : 3 * common[0] + 3]
    heads = mine.heads.split("\n")
    passages = "；".join(f"「{heads[i]}…」" for i in common[:3])
    share = round(100 * count / len(own))
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
