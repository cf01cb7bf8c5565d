"""Numbers as reports write them (３,585 条, −15, 1.5万元) and as findings show them; and the one
list of the units a count or an amount may carry (the grammar's NUMBER uses the same list: a
test holds them together)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from gxlint.document.nfkc import nfkc

# Counting units and currency, as they follow a number in a report.
UNITS = ("万元", "元", "条", "件", "个", "项", "起", "人次", "次", "家", "篇", "期", "%", "％")
# The units as a regular-expression alternation, longest first (万元 before 元).
UNIT_PATTERN = "|".join(sorted(UNITS, key=len, reverse=True))
# The units of counts and amounts, without the percent signs.
COUNT_UNIT_PATTERN = "|".join(u for u in UNIT_PATTERN.split("|") if u not in ("%", "％"))
_UNIT = re.compile(rf"(?:{UNIT_PATTERN})$")
MAX_DIGITS = 30  # no count or amount in a report has more; longer runs are not numbers


@lru_cache(maxsize=8192)  # a report's cells repeat the same few numbers (0, 1, 2 …)
def parse_number(text: str) -> Decimal | None:
    """The value of a number with optional thousands commas, sign and unit; None if not one."""
    folded = nfkc(text).replace(",", "").replace(" ", "")
    folded = _UNIT.sub("", folded).replace("−", "-")
    if len(folded) > MAX_DIGITS or not folded.isascii():
        return None
    try:
        return Decimal(folded)
    except InvalidOperation:
        return None


def format_number(value: Decimal) -> str:
    """3385, 96171.6, -15: no exponent, no trailing zeros."""
    return format(value.normalize(), "f")
