"""Plans dated in the year the report covers (GX513): the improvement measures of 五 are for
the year after, so 「2023年，我局将……」 in the 2023 report was most likely copied from last
year's report. A plan is a sentence after the marker of the improvement part (改进措施, 下一步
…) or one that speaks of the future (将, 拟, 计划 …)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gxlint.analysis.context import Context
from gxlint.document.prose import Prose
from gxlint.findings import Finding
from gxlint.kinds._common import SECTION_DOC, check_section, validate_patterns
from gxlint.kinds._patterns import compiled
from gxlint.kinds.base import Kind, param
from gxlint.pack.rule import Rule
from gxlint.pack.template import SectionSpec, TableSpec
from gxlint.records import record

# The year as the time of an action: 「2023年，我局将」「2023年我局加大」.
_DATED = re.compile(
    r"(?P<y>(?:19|20)\d{2})年(?:度)?,?(?=我|本|将|要|拟|继续|进一步|加大|加强|持续)"
)


@record(frozen=True, slots=True, kw_only=True)
class Params:
    """The parameters of plan-year."""

    section: str = param(SECTION_DOC)
    plans: str = param("pattern where the improvement part starts")
    future: str = param("pattern of a sentence about the future")


def _check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    year = ctx.version.year
    if year is None:
        return
    params = rule.params_as(Params)
    for prose in ctx.prose(params.section):
        yield from _dated_plans(rule, params, prose, year)


def _dated_plans(rule: Rule, params: Params, prose: Prose, year: int) -> Iterator[Finding]:
    marker = compiled(params.plans).search(prose.text)
    part = marker.start() if marker else len(prose.text)
    future = compiled(params.future)
    for start, end in prose.sentences:
        sentence = prose.text[start:end]
        for match in _DATED.finditer(sentence):
            if int(match.group("y")) != year:
                continue
            if start + match.start() >= part or future.search(sentence, match.end()):
                span = prose.span(start + match.start(), start + match.end("y") + 1)
                yield rule.finding(span, year=year, next_year=year + 1, sentence=sentence[:40])


def _validate(params: Params) -> str | None:
    return validate_patterns("plans/future", [params.plans, params.future])


def _check_in_pack(
    params: Params, sections: list[SectionSpec], tables: dict[str, TableSpec]
) -> str | None:
    return check_section(params.section, sections)


KIND = Kind(
    "plan-year",
    "改进计划不写本报告年度 — plans are dated the year after the report's",
    _check,
    params=Params,
    fields=frozenset({"year", "next_year", "sentence"}),
    validate=_validate,
    check_in_pack=_check_in_pack,
)
