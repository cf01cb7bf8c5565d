"""The signature (GX111): the body named above the date at the end of a report is the body the
title names. A signature close to that name but not equal to it (财政全融局 for 财政金融局) is a
typo, with the title's name as its fix; a different body (an office signing for its government)
is left alone."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gxlint.analysis.agency import agency_name
from gxlint.analysis.context import Context
from gxlint.document.labels import is_near, normalise
from gxlint.document.model import Line, LineKind, Span
from gxlint.findings import Finding, Fix
from gxlint.kinds.base import Kind, NoParams
from gxlint.pack.rule import Rule

_DATE = re.compile(r"^\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")
_LAST_LINES = 6
_MAX_NAME = 40


def closing_date(lines: list[Line]) -> int | None:
    """The index in `lines` of the date that closes the report, if it ends with one."""
    tail = [i for i, ln in enumerate(lines) if ln.kind is not LineKind.BLANK][-_LAST_LINES:]
    return next((i for i in reversed(tail) if _DATE.match(lines[i].folded)), None)  # ２０２３ too


def signature(lines: list[Line]) -> Line | None:
    """The line above the closing date, if the report ends with a signature and a date."""
    index = closing_date(lines)
    above = [ln for ln in lines[:index] if ln.kind is not LineKind.BLANK] if index else []
    if above:
        text = above[-1].raw.strip()
        if len(text) <= _MAX_NAME and "。" not in text:
            return above[-1]
    return None


def _typo(signed: str, name: str) -> bool:
    """A near miss of the same length or one character off; not one name inside the other
    (人民政府办公室 signing for 人民政府 is another body)."""
    if signed in name or name in signed or abs(len(signed) - len(name)) > 1:
        return False
    return is_near(signed, name, 0.8)


def _check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    line = signature(ctx.doc.lines)
    name = agency_name(ctx.doc)
    if line is None or not name:
        return
    signed = line.raw.strip()
    if _typo(normalise(signed), normalise(name)):
        start = line.raw.index(signed) + 1
        span = Span(line.lineno, start, line.lineno, start + len(signed))
        yield rule.finding(span, fix=Fix(span, name), signed=signed, name=name)


KIND = Kind(
    "signature",
    "落款与标题中的机关名称一致 — the signature names the body the title names",
    _check,
    params=NoParams,
    fields=frozenset({"signed", "name"}),
)
