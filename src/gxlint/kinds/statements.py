"""Required statements: a section's prose must say certain things (patterns in the pack).

Patterns are regular expressions matched against the section's prose after NFKC normalisation
with all whitespace removed (full-width ，（） become ,() ; 。 stays).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from gxlint.context import Context
from gxlint.findings import Finding
from gxlint.kinds import Kind
from gxlint.model import Section
from gxlint.rule import Rule

_SPACE = re.compile(r"\s+")


def prose_text(section: Section) -> str:
    """A section's heading-2s, items and paragraphs, joined, NFKC-folded, whitespace removed."""
    joined = "".join(ln.raw for ln in section.prose_lines())
    return _SPACE.sub("", unicodedata.normalize("NFKC", joined))


@lru_cache(maxsize=512)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for section in ctx.sections_for(rule.params["section"])[:1]:
        text = prose_text(section)
        for requirement in rule.params["require"]:
            if not any(_compiled(p).search(text) for p in requirement["any"]):
                yield rule.finding(
                    section.heading.span,
                    section=section.heading.raw.strip(),
                    name=requirement["name"],
                    example=requirement.get("example", ""),
                )


def _validate(params: dict[str, Any]) -> str | None:
    for i, req in enumerate(params["require"]):
        if not isinstance(req, dict) or not req.get("name") or not isinstance(req.get("any"), list):
            return f"键 require[{i}]: 需要 name 和 any（正则表达式列表）"
        for pattern in req["any"]:
            try:
                re.compile(pattern)
            except (re.error, TypeError) as exc:
                return f"键 require[{i}].any: 正则表达式 {pattern!r} 有误: {exc}"
    return None


def _check_in_pack(
    params: dict[str, Any], sections: list[Any], tables: dict[str, Any]
) -> str | None:
    if params["section"] not in {s.key for s in sections}:
        return f"键 section: 没有章节 {params['section']!r}"
    return None


KIND = Kind(
    "required-statement",
    "章节必须包含的表述 — a section must state certain things",
    _check,
    params={"section": (str, True), "require": (list, True)},
    fields=frozenset({"section", "name", "example"}),
    validate=_validate,
    check_in_pack=_check_in_pack,
)
