"""Something a report must say, or must not say (too often) (Vale's `existence`/`occurrence`):
the matches of `patterns` counted in the sections read (all of them by default, and the
preamble). Fewer than `min` is a finding on the first section read (or the title); each match
past the `max`-th is a finding of its own, so `max: 0` flags every phrase a report should not
contain. A pattern may name the report's year as {year} and the year before as {last_year}
(「对照{last_year}年政务公开工作要点」 is a stale basis in the report on {year}); a match inside
one of `exceptions` does not count (「人民政府政府信息公开」 holds 「政府政府」).

    - code: FJ402
      kind: occurrence
      patterns: [政务新媒体]
      sections: [overview]
      min: 1
      message: 「{section}」没有写到政务新媒体（应至少 {min} 处，实有 {count} 处）
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gxlint.analysis.context import Context
from gxlint.document.model import Span
from gxlint.document.prose import Prose
from gxlint.findings import Finding
from gxlint.kinds._common import Sections, check_read_sections, read_sections, validate_patterns
from gxlint.kinds._patterns import compiled
from gxlint.kinds.base import Kind, param
from gxlint.pack.rule import Rule
from gxlint.records import record


@record(frozen=True, kw_only=True)
class Params(Sections):
    """The parameters of occurrence."""

    patterns: list[str] = param("patterns over folded prose; {year}, {last_year}")
    min: int | None = param("at least this many matches", None)
    max: int | None = param(
        "at most this many matches (0: never; each one past it is a finding)", None
    )
    exceptions: list[str] | None = param("phrases within which a match does not count", None)


def _patterns(patterns: list[str], year: int | None) -> Iterator[str]:
    """The patterns with {year} and {last_year} filled in (none of those without a year)."""
    for pattern in patterns:
        if "{year}" in pattern or "{last_year}" in pattern:
            if year is None:
                continue
            pattern = pattern.replace("{year}", str(year)).replace("{last_year}", str(year - 1))
        yield pattern


def _matches(params: Params, ctx: Context) -> Iterator[tuple[Prose, re.Match[str]]]:
    """Every match, in the order the report says them (one per place, whichever pattern)."""
    patterns = list(_patterns(params.patterns, ctx.version.year))
    for key in read_sections(params, ctx):
        for prose in ctx.prose(key):
            found = {
                m.start(): m
                for p in reversed(patterns)  # the first pattern's match wins a place
                for m in compiled(p).finditer(prose.text)
                if not _excepted(prose.text, m, params.exceptions or [])
            }
            for start in sorted(found):
                yield prose, found[start]


def _excepted(text: str, match: re.Match[str], exceptions: list[str]) -> bool:
    """Whether the match lies within one of the phrases that are not findings."""
    start, end = match.span()
    for phrase in exceptions:
        # any occurrence found in [end - len, start + len) covers the match
        if text.find(phrase, max(0, end - len(phrase)), start + len(phrase)) != -1:
            return True
    return False


def _check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    params = rule.params_as(Params)
    low, high = params.min, params.max
    found = list(_matches(params, ctx))

    def finding(span: Span, phrase: str, section: str) -> Finding:
        shown_min = "" if low is None else low
        year = ctx.version.year or "?"
        return rule.finding(
            span,
            phrase=phrase,
            section=section,
            count=len(found),
            min=shown_min,
            max=high,
            year=year,
        )

    if low is not None and len(found) < low:
        where, section = _place(params, ctx)
        yield finding(where, "", section)
    if high is not None:
        for prose, match in found[high:]:
            yield finding(prose.span(match.start(), match.end()), match.group(0), "")


def _place(params: Params, ctx: Context) -> tuple[Span, str]:
    """Where a missing phrase is reported: the first section read (its heading), else the title."""
    for key in read_sections(params, ctx):
        for section in ctx.sections_for(key):
            return section.heading.span, section.heading.raw.strip()
    first = ctx.doc.title[0] if ctx.doc.title else None
    return (first.span, first.raw.strip()) if first else (Span(1, 1, 1, 1), "报告")


def _validate(params: Params) -> str | None:
    low, high = params.min, params.max
    if low is None and high is None:
        return "键 min、max: 至少写一个（min: 至少出现几次，max: 至多几次）"
    if low is not None and high is not None and low > high:
        return "键 min 不能大于 max"
    return validate_patterns("patterns", list(_patterns(params.patterns, 2024)))


KIND = Kind(
    "occurrence",
    "应当（或不应）出现的表述及次数 — a phrase that must appear, or not (too often)",
    _check,
    params=Params,
    fields=frozenset({"count", "min", "max", "phrase", "section", "year"}),
    validate=_validate,
    check_in_pack=check_read_sections,
)
