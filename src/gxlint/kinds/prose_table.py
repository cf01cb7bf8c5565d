"""Numbers the prose states against the tables (A8): 「受理…申请 95 件」 vs 一、本年新收 总计.

Each pattern is a regular expression over folded prose with a group `n` for the number; a pattern
without `n` states zero (「未收到政府信息公开申请」). The number must equal one of the `expect`
values (sums of `row.column` cells, `sum(group.column)` for a group's sub-items); a pattern may
be a mapping with its own `expect`. When the clause before the number names a sub-category
(`qualified`: 同意公开答复 9 件 is one outcome, not the number handled) the number is not this
rule's to check. When the sentence before says the figure is someone else's (`uncertain`, e.g.
代表 — the office reporting for the government), a mismatch is a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from gxlint.analysis.context import Context
from gxlint.analysis.tables.model import TableMatch
from gxlint.document.numbers import format_number
from gxlint.document.prose import Prose
from gxlint.findings import Finding, Severity
from gxlint.kinds._common import (
    TABLE_DOC,
    Limits,
    applies,
    check_when,
    unknown_sections,
    validate_limits,
    validate_patterns,
)
from gxlint.kinds._patterns import compiled
from gxlint.kinds.base import Kind, param
from gxlint.pack.expr import RelationSyntaxError, Term, parse_value
from gxlint.pack.rule import Rule
from gxlint.pack.template import SectionSpec, TableSpec
from gxlint.records import record


@record(frozen=True, slots=True)
class _Claim:
    """A number the prose states, where, and what the table says it should be."""

    said: Decimal
    start: int
    end: int
    phrase: str
    expected: list[tuple[str, Decimal]]  # each accepted expression and its value


@record(frozen=True, slots=True, kw_only=True)
class Entry:
    """A pattern compared with cells of its own."""

    pattern: str = param("pattern over folded prose; (?P<n>…) is the number")
    expect: list[str] | None = param("cells row.column (or sums) it may equal", None)


@record(frozen=True, kw_only=True)
class Params(Limits):
    """The parameters of prose-table."""

    table: str = param(TABLE_DOC)
    patterns: list[str | Entry] = param(
        "patterns over folded prose; (?P<n>…) is the number; or {pattern, expect}"
    )
    expect: list[str] = param("cells row.column (or sums) it may equal")
    sections: list[str] | None = param("section keys read (default all; preamble)", None)
    uncertain: str | None = param("said before it: a mismatch is a warning", None)
    qualified: str | None = param("in the clause before it: the number counts a sub-category", None)
    subject: str | None = param("the sentence must name it: what the table counts", None)


def _check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    params = rule.params_as(Params)
    table = ctx.tables.tables.get(params.table)
    if table is None or not table.found or not applies(params, ctx):
        return
    for key in params.sections or [s.key for s in ctx.pack.sections]:
        for prose in ctx.prose(key):
            for claim in _claims(params, table, prose):
                if any(claim.said == value for _, value in claim.expected):
                    continue
                yield _finding(rule, params, table, prose, claim)


def _entries(params: Params) -> Iterator[tuple[str, list[str]]]:
    """Each pattern with the cells it is compared with (its own `expect`, or the rule's)."""
    for entry in params.patterns:
        if isinstance(entry, str):
            yield entry, params.expect
        else:
            yield entry.pattern, entry.expect or params.expect


def _claims(params: Params, table: TableMatch, prose: Prose) -> Iterator[_Claim]:
    seen: set[int] = set()
    qualified = params.qualified
    subject = params.subject
    for pattern, expect in _entries(params):
        matcher = compiled(pattern)
        if not matcher.may_match(prose.text):  # most patterns, most sections: nothing to do
            continue
        expected: list[tuple[str, Decimal]] | None = None  # worked out at the first match
        for match in _alone(prose, matcher.finditer(prose.text)):
            if expected is None:
                values = [(e, table.total(parse_value(e), stated=True)) for e in expect]
                expected = [(e, v) for e, v in values if v is not None]
            if not expected:
                break  # the table lacks the cells (or left them blank): the shape rules say so
            has_n = "n" in match.re.groupindex
            start, end = match.span("n") if has_n else match.span()
            if start in seen or (qualified and _qualified(prose.text, match.start(), qualified)):
                continue
            if subject and not _about(prose.text, prose.sentences, match, subject):
                continue
            seen.add(start)
            said = Decimal(match.group("n")) if has_n else Decimal(0)
            yield _Claim(said, start, end, match.group(0), expected)


def _alone(prose: Prose, matches: Iterator[re.Match[str]]) -> Iterator[re.Match[str]]:
    """The matches that are the only ones of their pattern in their sentence: 「新收 17 件，予以
    公开 13 件…；上年结转 1 件，予以公开 1 件」 splits an outcome by cohort (or channel), and
    neither part is the table's total."""
    by_sentence: dict[int, list[re.Match[str]]] = {}
    for match in matches:  # a sentence up to its 。(；, where prose.sentences end, goes on)
        by_sentence.setdefault(prose.text.rfind("。", 0, match.start()), []).append(match)
    for found in by_sentence.values():
        if len(found) == 1:
            yield found[0]


def _qualified(text: str, start: int, qualified: str) -> bool:
    """Whether the clause before `start` says the number counts one kind of outcome only
    (同意公开答复 9 件, 结转下年度继续办理 2 件): then it is not the figure this rule checks."""
    clause = text[max(text.rfind(c, 0, start) for c in ",;。") + 1 : start]
    return compiled(qualified).search(clause) is not None


def _describe(table: TableMatch, term: Term) -> str:
    name = table.describe(term.name)
    return f"{name}（各子项之和）" if term.kind == "group_sum" else name


def _about(
    text: str, sentences: tuple[tuple[int, int], ...], match: re.Match[str], subject: str
) -> bool:
    """Whether the sentence, up to the end of the match, names what the table counts (a
    justice bureau's own 行政复议 cases are not those about information disclosure)."""
    start = max((a for a, _ in sentences if a <= match.start()), default=0)
    return compiled(subject).search(text, start, match.end()) is not None


def _finding(rule: Rule, params: Params, table: TableMatch, prose: Prose, claim: _Claim) -> Finding:
    bounds = prose.sentences
    before = prose.text[next(a for a, b in bounds if a <= claim.start < b) : claim.start]
    uncertain = params.uncertain
    hedged = bool(uncertain) and compiled(uncertain).search(before) is not None
    main_ref, main_value = claim.expected[0]
    return rule.finding(
        prose.span(claim.start, claim.end),
        severity=Severity.WARNING if hedged else None,
        said=format_number(claim.said),
        phrase=claim.phrase,
        value=format_number(main_value),
        cell=" + ".join(_describe(table, t) for t in parse_value(main_ref)),
        table=table.spec.title,
    )


def _all_expects(params: Params) -> list[str]:
    entries = [e for e in params.patterns if isinstance(e, Entry)]
    return [*params.expect, *(x for e in entries for x in e.expect or [])]


def _validate(params: Params) -> str | None:
    plain = [pattern for pattern, _ in _entries(params)]
    if problem := validate_patterns("patterns", plain):
        return problem
    for key, pattern in (("qualified", params.qualified), ("subject", params.subject)):
        if pattern is not None and (problem := validate_patterns(key, [pattern])):
            return problem
    for expr in _all_expects(params):
        try:
            parse_value(expr)
        except (RelationSyntaxError, TypeError) as exc:
            return f"键 expect: {exc}"
    return validate_limits(params)


def _check_in_pack(
    params: Params, sections: list[SectionSpec], tables: dict[str, TableSpec]
) -> str | None:
    spec = tables.get(params.table)
    if spec is None:
        return f"键 table: 没有表格 {params.table!r}"
    known = {f"{r.key}.{c.key}" for r in spec.rows for c in spec.columns}
    for expr in _all_expects(params):
        unknown = [
            t.name for t in parse_value(expr) if t.kind != "constant" and t.name not in known
        ]
        if unknown:
            return f"键 expect: 表格 {params.table} 没有单元格 {', '.join(unknown)}（应为 行.列）"
    return unknown_sections(params.sections, sections) or check_when(params, tables)


KIND = Kind(
    "prose-table",
    "正文数字与表格一致 — a number the prose states equals the table",
    _check,
    params=Params,
    fields=frozenset({"said", "phrase", "value", "cell", "table"}),
    validate=_validate,
    check_in_pack=_check_in_pack,
)
