"""Percentages against the numbers they come from (GX514).

- a part's share of a stated total: 「办结 81 件，其中予以公开 42 件，占 51.85%」;
- a part named in the sentence after its total: 「总数 510 条，其中主动公开政府信息 198 条。
  主动公开的政府信息占 41.5%。」;
- a rate of two counts in one sentence: 「受理 117 件，办结 171 件，办结率 100%」.

A percentage agrees when it is the share rounded, or cut, to the decimals it is written with.
"""

from __future__ import annotations

import decimal
import re
from collections.abc import Iterator
from decimal import Decimal

from gxlint.analysis.context import Context
from gxlint.document.numbers import MAX_DIGITS, format_number
from gxlint.document.prose import Prose
from gxlint.findings import Finding
from gxlint.kinds._patterns import Matcher
from gxlint.kinds._stated import Part, Stated, stated_in
from gxlint.kinds.base import Kind, NoParams
from gxlint.pack.rule import Rule

_SHARE = re.compile(r"[,(]?(?:占(?:比)?|比例为|占比为)?(?P<pct>\d+(?:\.\d+)?)%")
_NAMED_SHARE = re.compile(r"(?P<label>[^,。;]{2,24}?)占(?:比)?(?:为)?(?P<pct>\d+(?:\.\d+)?)%")
_RATE = Matcher(
    r"(?:受理|收到)[^,。;\d]{0,12}?(?P<d>\d+)件[^。]{0,30}?(?P<name>办结|答复)[^,。;\d]{0,6}?"
    r"(?P<n>\d+)件[^。]{0,20}?(?P=name)率(?:为|达)?(?P<pct>\d+(?:\.\d+)?)%"
)
_HUNDRED = Decimal(100)
_WIDE = decimal.Context(prec=3 * MAX_DIGITS)  # a 27-digit count over a 3-digit base still divides


def agrees(stated: Decimal, part: Decimal, whole: Decimal) -> bool:
    """Whether `stated` % is part/whole, rounded or cut to the decimals `stated` has."""
    if whole == 0:
        return True
    exponent = stated.as_tuple().exponent
    unit = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0, context=_WIDE)
    return _WIDE.abs(_WIDE.subtract(_share(part, whole), stated)) < unit


def _share(part: Decimal, whole: Decimal) -> Decimal:
    """part / whole in per cent, exactly enough for any count a report holds (30 digits)."""
    return _WIDE.divide(_WIDE.multiply(part, _HUNDRED), whole)


def _check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for spec in ctx.pack.sections:
        for prose in ctx.prose(spec.key):
            for stated in stated_in(ctx, prose):
                yield from _shares(rule, prose, stated)
            yield from _rates(rule, prose)


def _shares(rule: Rule, prose: Prose, stated: Stated) -> Iterator[Finding]:
    for part in stated.parts:
        share = _SHARE.match(prose.text, part.end)
        if share is not None:
            yield from _compare(rule, prose, share, part, stated)
    following = next((b for a, b in prose.sentences if a >= stated.clause_end), None)
    if following is None:
        return
    start = stated.clause_end
    for named in _NAMED_SHARE.finditer(prose.text, start, following):
        named_part = next((p for p in stated.parts if _names(named.group("label"), p)), None)
        if named_part is not None:
            yield from _compare(rule, prose, named, named_part, stated)


def _names(label: str, part: Part) -> bool:
    """Whether a later phrase names this part: they share its first four characters."""
    key = part.label.removeprefix("其中").removeprefix("作为")[:4]
    return len(key) == 4 and key in label


def _compare(
    rule: Rule, prose: Prose, match: re.Match[str], part: Part, stated: Stated
) -> Iterator[Finding]:
    pct = Decimal(match.group("pct"))
    if not agrees(pct, part.value, stated.total):
        yield _finding(rule, prose, match, part.value, stated.total)


def _rates(rule: Rule, prose: Prose) -> Iterator[Finding]:
    for match in _RATE.finditer(prose.text):
        part, whole = Decimal(match.group("n")), Decimal(match.group("d"))
        if not agrees(Decimal(match.group("pct")), part, whole):
            yield _finding(rule, prose, match, part, whole)


def _finding(
    rule: Rule, prose: Prose, match: re.Match[str], part: Decimal, whole: Decimal
) -> Finding:
    share = _share(part, whole).quantize(Decimal("0.01"), context=_WIDE) if whole else Decimal(0)
    return rule.finding(
        prose.span(match.start("pct"), match.end("pct") + 1),
        stated=match.group("pct"),
        part=format_number(part),
        whole=format_number(whole),
        share=format_number(share),
    )


KIND = Kind(
    "percentages",
    "百分比与其分子分母一致 — a percentage is its part over its base",
    _check,
    params=NoParams,
    fields=frozenset({"stated", "part", "whole", "share"}),
)
