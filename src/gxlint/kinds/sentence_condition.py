"""Conditional statements, sentence by sentence: a sentence that says X must also say Y
(Vale's "conditional"). E.g. a sentence saying fees were collected must give the amount and unit.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gxlint.analysis.context import Context
from gxlint.findings import Finding
from gxlint.kinds._common import (
    AGENCY,
    SECTION,
    applies,
    check_section,
    validate_limits,
    validate_patterns,
)
from gxlint.kinds._patterns import compiled
from gxlint.kinds.base import Kind, Param
from gxlint.pack.rule import Rule


def _check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    if not applies(rule, ctx):
        return
    when, unless, then = (rule.params.get(k) for k in ("if", "unless", "then"))
    for prose in ctx.prose(rule.params["section"]):
        for start, end in prose.sentences:
            sentence = prose.text[start:end]
            found = compiled(when).search(sentence)
            if found is None or (unless and compiled(unless).search(sentence)):
                continue
            if not compiled(then).search(sentence):
                span = prose.span(start + found.start(), start + found.end())
                yield rule.finding(span, sentence=sentence.rstrip("。;")[:60])


def _validate(params: dict[str, Any]) -> str | None:
    patterns = [params["if"], params["then"], *([params["unless"]] if "unless" in params else [])]
    return validate_patterns("if/then/unless", patterns) or validate_limits(params)


KIND = Kind(
    "sentence-condition",
    "句子说到甲就必须说到乙 — a sentence that says X must also say Y",
    _check,
    params={
        "section": SECTION,
        "if": Param(str, required=True, doc="pattern: a sentence that says this…"),
        "then": Param(str, required=True, doc="pattern: …must also say this"),
        "unless": Param(str, doc="pattern: …unless it says this"),
        "agency": AGENCY,
    },
    fields=frozenset({"sentence"}),
    validate=_validate,
    check_in_pack=check_section,
)
