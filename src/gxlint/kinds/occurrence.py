"""Something a report must say, or must not say too often (Vale's `existence`/`occurrence`): the
matches of `patterns` counted in the sections read (all of them by default, and the preamble),
a finding when there are fewer than `min` (on the first section read, or the title) or more
than `max` (on the first match past it). `max: 0` is a phrase a report should not contain.

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
from typing import Any

from gxlint.analysis.context import Context
from gxlint.document.model import Span
from gxlint.document.prose import Prose
from gxlint.findings import Finding
from gxlint.kinds._common import SECTIONS, check_read_sections, read_sections, validate_patterns
from gxlint.kinds._patterns import compiled
from gxlint.kinds.base import Kind, Param
from gxlint.pack.rule import Rule


def _matches(rule: Rule, ctx: Context) -> Iterator[tuple[Prose, re.Match[str]]]:
    """Every match, in the order the report says them."""
    for key in _keys(rule, ctx):
        for prose in ctx.prose(key):
            found = [m for p in rule.params["patterns"] for m in compiled(p).finditer(prose.text)]
            for match in sorted(found, key=lambda m: m.start()):
                yield prose, match


def _keys(rule: Rule, ctx: Context) -> list[str]:
    return read_sections(rule, ctx)


def _check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    low, high = rule.params.get("min"), rule.params.get("max")
    found = list(_matches(rule, ctx))
    fields = {"count": len(found), "min": low if low is not None else "", "max": high}
    if low is not None and len(found) < low:
        where, section = _place(rule, ctx)
        yield rule.finding(where, phrase="", section=section, **fields)
    if high is not None and len(found) > high:
        prose, match = found[high]
        yield rule.finding(
            prose.span(match.start(), match.end()), phrase=match.group(0), section="", **fields
        )


def _place(rule: Rule, ctx: Context) -> tuple[Span, str]:
    """Where a missing phrase is reported: the first section read (its heading), else the title."""
    for key in _keys(rule, ctx):
        for section in ctx.sections_for(key):
            return section.heading.span, section.heading.raw.strip()
    first = ctx.doc.title[0] if ctx.doc.title else None
    return (first.span, first.raw.strip()) if first else (Span(1, 1, 1, 1), "报告")


def _validate(params: dict[str, Any]) -> str | None:
    low, high = params.get("min"), params.get("max")
    if low is None and high is None:
        return "键 min、max: 至少写一个（min: 至少出现几次，max: 至多几次）"
    if low is not None and high is not None and low > high:
        return "键 min 不能大于 max"
    return validate_patterns("patterns", params["patterns"])


KIND = Kind(
    "occurrence",
    "应当（或不应）出现的表述及次数 — a phrase that must appear, or not too often",
    _check,
    params={
        "patterns": Param(list, required=True, doc="patterns over folded prose"),
        "sections": SECTIONS,
        "min": Param(int, doc="at least this many matches"),
        "max": Param(int, doc="at most this many matches (0: never)"),
    },
    fields=frozenset({"count", "min", "max", "phrase", "section"}),
    validate=_validate,
    check_in_pack=check_read_sections,
)
