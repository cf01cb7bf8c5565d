"""Things a report should not say (Vale's "existence"): each pattern found in the sections read
is a finding. A pattern may name the report's year as {year} and the year before as
{last_year}: 「对照{last_year}年政务公开工作要点」 is a stale basis in the report on {year}."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from gxlint.analysis.context import Context
from gxlint.findings import Finding
from gxlint.kinds._common import SECTIONS, check_read_sections, read_sections, validate_patterns
from gxlint.kinds._patterns import compiled
from gxlint.kinds.base import Kind, Param
from gxlint.pack.rule import Rule


def _patterns(rule: Rule, year: int | None) -> Iterator[str]:
    return _filled(rule.params["patterns"], year)


def _filled(patterns: list[str], year: int | None) -> Iterator[str]:
    for pattern in patterns:
        if "{year}" in pattern or "{last_year}" in pattern:
            if year is None:
                continue
            pattern = pattern.replace("{year}", str(year)).replace("{last_year}", str(year - 1))
        yield pattern


def _check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    year = ctx.version.year
    keys = read_sections(rule, ctx)
    exceptions = rule.params.get("exceptions") or []
    seen: set[tuple[int, int]] = set()
    for key in keys:
        for prose in ctx.prose(key):
            for pattern in _patterns(rule, year):
                for match in compiled(pattern).finditer(prose.text):
                    if _excepted(prose.text, match, exceptions):
                        continue
                    span = prose.span(match.start(), match.end())
                    if (span.line, span.column) not in seen:
                        seen.add((span.line, span.column))
                        yield rule.finding(span, phrase=match.group(0), year=year or "?")


def _excepted(text: str, match: re.Match[str], exceptions: list[str]) -> bool:
    """Whether the match lies within one of the phrases that are not findings (Vale's
    exceptions): 「人民政府政府信息公开」 holds 「政府政府」 and is the format's own phrase."""
    start, end = match.span()
    for phrase in exceptions:
        # any occurrence found in [end - len, start + len) covers the match
        if text.find(phrase, max(0, end - len(phrase)), start + len(phrase)) != -1:
            return True
    return False


def _validate(params: dict[str, Any]) -> str | None:
    filled = [
        p.replace("{year}", "2024").replace("{last_year}", "2023") for p in params["patterns"]
    ]
    return validate_patterns("patterns", filled)


KIND = Kind(
    "mentions",
    "不应出现的表述 — phrases a report should not contain ({year}, {last_year} allowed)",
    _check,
    params={
        "patterns": Param(
            list, required=True, doc="patterns over folded prose; {year}, {last_year}"
        ),
        "sections": SECTIONS,
        "exceptions": Param(list, doc="phrases within which a match is no finding"),
    },
    fields=frozenset({"phrase", "year"}),
    validate=_validate,
    check_in_pack=check_read_sections,
)
