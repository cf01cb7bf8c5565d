"""Conditional statements, sentence by sentence: a sentence that says X must also say Y
(Vale's "conditional"). E.g. a sentence saying fees were collected must give the amount and unit.
"""

from __future__ import annotations

from collections.abc import Iterator

from gxlint.analysis.context import Context
from gxlint.findings import Finding
from gxlint.kinds._common import (
    InSection,
    applies,
    check_in_section,
    validate_limits,
    validate_patterns,
)
from gxlint.kinds._patterns import compiled
from gxlint.kinds.base import Kind, param
from gxlint.pack.rule import Rule
from gxlint.records import record


@record(frozen=True, kw_only=True)
class Params(InSection):
    """The parameters of sentence-condition."""

    if_: str = param("pattern: a sentence that says this…", key="if")
    then: str = param("pattern: …must also say this")
    unless: str | None = param("pattern: …unless it says this", None)


def _check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    params = rule.params_as(Params)
    if not applies(params, ctx):
        return
    when, unless, then = params.if_, params.unless, params.then
    for prose in ctx.prose(params.section):
        for start, end in prose.sentences:
            sentence = prose.text[start:end]
            found = compiled(when).search(sentence)
            if found is None or (unless and compiled(unless).search(sentence)):
                continue
            if not compiled(then).search(sentence):
                span = prose.span(start + found.start(), start + found.end())
                yield rule.finding(span, sentence=sentence.rstrip("。;")[:60])


def _validate(params: Params) -> str | None:
    patterns = [params.if_, params.then, *([params.unless] if params.unless else [])]
    return validate_patterns("if/then/unless", patterns) or validate_limits(params)


KIND = Kind(
    "sentence-condition",
    "句子说到甲就必须说到乙 — a sentence that says X must also say Y",
    _check,
    params=Params,
    fields=frozenset({"sentence"}),
    validate=_validate,
    check_in_pack=check_in_section,
)
