"""Numbers as reports write them (３,585 条, −15, 1.5万元) and as findings show them."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

_UNIT = re.compile(r"(?:万元|元|件|条|个|项|起|人次|次|家|%)$")


def parse_number(text: str) -> Decimal | None:
    """The value of a number with optional thousands commas, sign and unit; None if not one."""
    folded = unicodedata.normalize("NFKC", text).replace(",", "").replace(" ", "")
    folded = _UNIT.sub("", folded).replace("−", "-")
    try:
        return Decimal(folded)
    except InvalidOperation:
        return None


def format_number(value: Decimal) -> str:
    """3385, 96171.6, -15: no exponent, no trailing zeros."""
    return format(value.normalize(), "f")
