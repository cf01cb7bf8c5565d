"""Scope words of another level (GX521): a report that speaks of 全市 or 我市 while its agency is
a district's, and never of 全区, 本区 or 我区 — a passage taken from another agency's report.

The agency's level is the last place of its name (淮安市洪泽区人民政府: 市 then 区, so 区; in
徐州市 or 宣州区 the place's own suffix follows the older name's 州); the
levels of the places its name gives (市 here) are its parents, and words of those levels are
references to them. Townships (镇, 乡, 街道) speak of their county as a matter of course and are
not checked. A report that uses its own level's words at least once is read as speaking
of its parents when it uses others: only a report that never speaks of its own level is told.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from gxlint.analysis.context import Context
from gxlint.document.model import Span
from gxlint.findings import Finding
from gxlint.kinds._common import Limits, applies, validate_limits
from gxlint.kinds._patterns import Matcher
from gxlint.kinds.base import Kind, param
from gxlint.pack.rule import Rule
from gxlint.records import record

_CLAUSE_END = "。,;:!?、"  # as folded prose writes them (，；： become , ; :)


@record(frozen=True, kw_only=True)
class Params(Limits):
    """The parameters of scope-level."""

    levels: dict[str, str] = param("place-name suffix → its level's word")
    prefixes: list[str] = param("what makes a scope word: 全, 本, 我")
    never_foreign: list[str] | None = param("levels always read as a parent's (省)", None)
    clause_start: list[str] | None = param(
        "prefixes whose words count only starting a clause (全)", None
    )
    unchecked: list[str] | None = param(
        "levels whose agencies are not checked (镇, 乡, 街道)", None
    )
    not_after: str = param("characters that, before 全/本/我, make another word (安全)", "")
    not_before: str = param("characters that, after the level, make another word (市场)", "")


def _check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    params = rule.params_as(Params)
    levels = _name_levels(ctx.agency.name, params)
    if not levels or not applies(params, ctx):
        return
    own = levels[-1]
    if own in (params.unchecked or []):
        return
    known = {*levels, *(params.never_foreign or [])}
    found = list(_scope_words(params, ctx))
    if not found or any(level == own for level, _, _, _ in found):
        return
    # 全市 as a clause's subject says what the report covers; 按照全市…, 在全市… speak of a parent.
    only_first = params.clause_start or []
    foreign = [
        (word, span)
        for level, word, span, first in found
        if level not in known and (first or word[0] not in only_first)
    ]
    if foreign:
        counts = Counter(word for word, _ in foreign)
        yield rule.finding(
            foreign[0][1],
            words="、".join(f"「{word}」{n} 处" for word, n in counts.items()),
            agency=ctx.agency.name,
            level=own,
            own="".join(f"「{prefix}{own}」" for prefix in params.prefixes),
        )


def _name_levels(name: str, params: Params) -> list[str]:
    """The levels of the places an agency's name begins with, outermost first."""
    first, rest = _place_patterns(tuple(params.levels))
    single = {s for s in params.levels if len(s) == 1}
    not_before = params.not_before
    levels: list[str] = []
    position = 0
    pattern = first
    while match := pattern.match(name, position):
        level, position = params.levels[match.group(1)], match.end()
        # 徐州市, 宣州区: a place named after an older one; the suffix after it is its level
        # (unless it starts a word: 实验区市场监督管理局).
        while _suffix_at(name, position, single, not_before):
            level, position = params.levels[name[position]], position + 1
        levels.append(level)
        pattern = rest
    return levels


def _suffix_at(name: str, at: int, single: set[str], not_before: str) -> bool:
    after = name[at + 1 : at + 2]
    return name[at : at + 1] in single and not (after and after in not_before)


@lru_cache(maxsize=8)
def _place_patterns(suffixes: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A place at the start of a name (one character may name it: 沛县), and one after it
    (two at least: 城市管理局 is no place)."""
    ends = "".join(sorted({s for s in suffixes if len(s) == 1}))
    alternatives = "|".join(sorted(suffixes, key=len, reverse=True))
    return (
        re.compile(rf"[^{ends}]{{1,12}}?({alternatives})"),
        re.compile(rf"[^{ends}]{{2,12}}?({alternatives})"),
    )


def _scope_words(params: Params, ctx: Context) -> Iterator[tuple[str, str, Span, bool]]:
    """(level, word, span, whether it starts a clause) of each scope word of the prose."""
    pattern = _scope_pattern(
        tuple(params.prefixes),
        tuple(sorted(set(params.levels.values()))),
        params.not_after,
        params.not_before,
    )
    for key in ["preamble", *(s.key for s in ctx.pack.sections)]:
        for prose in ctx.prose(key):
            for match in pattern.finditer(prose.text):
                span = prose.span(match.start(), match.end())
                yield match.group(2), match.group(0), span, prose.starts(match.start(), _CLAUSE_END)


@lru_cache(maxsize=8)
def _scope_pattern(
    prefixes: tuple[str, ...], levels: tuple[str, ...], not_after: str, not_before: str
) -> Matcher:
    before = rf"(?<![{re.escape(not_after)}])" if not_after else ""
    after = rf"(?![{re.escape(not_before)}])" if not_before else ""
    words = f"({'|'.join(map(re.escape, prefixes))})({'|'.join(map(re.escape, levels))})"
    return Matcher(before + words + after)  # after a look-behind: tried only where a prefix is


def _validate(params: Params) -> str | None:
    levels = params.levels
    if not levels or not all(isinstance(k, str) and isinstance(v, str) for k, v in levels.items()):
        return "键 levels: 应为「地名后缀: 层级字」的映射，如 县: 县、自治区: 区"
    if not all(isinstance(p, str) and p for p in params.prefixes):
        return "键 prefixes: 应为非空字符串的列表，如 [全, 本, 我]"
    return validate_limits(params)


KIND = Kind(
    "scope-level",
    "另一层级的范围用语 — 全市/我市 in a report of a district that never says 全区",
    _check,
    params=Params,
    fields=frozenset({"words", "agency", "level", "own"}),
    validate=_validate,
)
