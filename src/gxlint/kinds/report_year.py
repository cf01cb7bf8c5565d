"""The report year (A11): the title, the statistics period (统计期限) and the paragraphs that open
with the year (「2023年，我局……」) agree; and the year is not in the future.

Where they disagree, the odd one out is reported, naming the year the rest agree on; on a tie the
title is taken as the odd one (the body of a report is written about the year it covers).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Literal

from gxlint.analysis.context import Context, MemoKey
from gxlint.document.model import Span, TokenKind
from gxlint.findings import Finding
from gxlint.kinds._common import CHECK_DOC
from gxlint.kinds.base import Kind, param
from gxlint.pack.rule import Rule
from gxlint.records import record

_PERIOD = re.compile(
    r"统计(?:期限|时限|期间|周期|时间|区间)(?:为|是|从|自)?(?P<a>\d{4})年"
    r"(?:度|1月1日(?:起)?(?:至|到|-|—)(?:(?P<b>\d{4})年)?12月31日)"
)
# The preamble naming the report it introduces: 「特编制…2023年政府信息公开工作年度报告」.
_NAMED = re.compile(
    r"(?:编制|制作|编写|公布|发布)(?:完成|了)?[^。\d]{0,30}?(?P<a>(?:19|20)\d{2})年(?:度)?"
    r"[^。\d《》]{0,30}?政府信息公开(?:工作)?年度报告(?![^。《]*》)"  # not within a cited title
)
_PHRASES = ((_PERIOD, "统计期限", 1.0), (_NAMED, "前言", 1.0))
_OPENING = re.compile(r"^(?P<y>\d{4})年(?:度)?[,，]")
_BODY = ("overview", "proactive", "applications")


@record(frozen=True, slots=True)
class Mention:
    """A year the report names, the words it is named in, and where."""

    year: int
    source: str
    span: Span
    weight: float


_YEARS: MemoKey[list[Mention]] = MemoKey("years")  # every year the report names


def mentions(ctx: Context) -> list[Mention]:
    """Every statement of the report year: in the title, the 统计期限, paragraph openings
    (found once a report, for all the report-year rules)."""
    return ctx.remember(_YEARS, lambda: [*_title(ctx), *_periods(ctx), *_openings(ctx)])


def _title(ctx: Context) -> list[Mention]:
    for line in ctx.doc.title:
        year = next((t for t in line.tokens if t.kind is TokenKind.YEAR), None)
        if year is not None and year.value is not None:
            return [Mention(int(year.value), "标题", year.span, 0.9)]
    return []


def _periods(ctx: Context) -> Iterator[Mention]:
    for key in ("preamble", *_BODY):
        for prose in ctx.prose(key):
            for pattern, source, weight in _PHRASES:
                if pattern is _NAMED and key != "preamble":
                    continue
                for match in pattern.finditer(prose.text):
                    for group in ("a", "b"):
                        if match.groupdict().get(group):
                            span = prose.span(match.start(group), match.end(group) + 1)
                            yield Mention(int(match.group(group)), source, span, weight)


def _openings(ctx: Context) -> Iterator[Mention]:
    for key in _BODY:
        for section in ctx.sections_for(key):
            for line in section.prose_lines():
                match = _OPENING.match(line.raw.strip().replace(" ", ""))
                year = line.tokens[0] if match and line.tokens else None
                if match and year is not None and year.kind is TokenKind.YEAR:
                    yield Mention(int(match.group("y")), "正文", year.span, 1.0)


@record(frozen=True, slots=True, kw_only=True)
class Params:
    """The parameters of report-year."""

    check: Literal["agree", "future"] = param(CHECK_DOC)


def _check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    found = mentions(ctx)
    if not found:
        return
    votes: dict[int, float] = {}
    for mention in found:
        votes[mention.year] = votes.get(mention.year, 0) + mention.weight
    year = max(votes, key=votes.__getitem__)  # the first of equals, as Counter.most_common
    if rule.params_as(Params).check == "future":
        if year > date.today().year:
            first = found[0]
            yield rule.finding(first.span, year=year, found=year, source=first.source)
        return
    for mention in found:
        if mention.year != year:
            yield rule.finding(mention.span, year=year, found=mention.year, source=mention.source)


KIND = Kind(
    "report-year",
    "报告年度前后一致、不在未来 — the report year agrees throughout and is not in the future",
    _check,
    params=Params,
    fields=frozenset({"year", "found", "source"}),
)
