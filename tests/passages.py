"""Scoring gxlint's prose checks on the released opening passages (tests/prose/, truth in
tests/prose/truth.yaml): each passage gets a complete report's sections 二–六 appended, and only
the findings on the passage's own lines are scored. Used by test_passages.py and by
bench/prose_precision.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from gxlint.document.build import build_document
from gxlint.engine import check_document
from gxlint.findings import Finding, Severity

PROSE = Path(__file__).parent / "prose"
CORPUS = Path(__file__).parent / "corpus"


def truth() -> dict[str, Any]:
    return yaml.safe_load((PROSE / "truth.yaml").read_text("utf-8"))


def passage_names() -> list[str]:
    return sorted(truth()["passages"])


def _tail(facts: dict[str, Any]) -> str:
    text = (CORPUS / f"{facts['tail']}.txt").read_text("utf-8")
    return text[text.index(facts["tail_from"]) :]


def findings(name: str) -> tuple[list[Finding], int]:
    """The findings on passage `name` with the tail appended, and the passage's line count."""
    facts = truth()
    passage = (PROSE / f"{name}.txt").read_text("utf-8")
    if not passage.endswith("\n"):
        passage += "\n"
    lines = passage.count("\n")
    doc = build_document(f"{name}.txt", passage + _tail(facts))
    return check_document(doc), lines


def _matches(entry: dict[str, Any], finding: Finding) -> bool:
    return (
        entry["code"] == finding.code
        and entry["line"] == finding.span.line
        and entry.get("says", "") in finding.message
    )


@dataclass
class PassageScore:
    name: str
    missed: list[str] = field(default_factory=list)
    false: list[Finding] = field(default_factory=list)

    @property
    def right(self) -> bool:
        return not self.missed and not self.false


def score(name: str) -> PassageScore:
    facts = truth()
    entry = facts["passages"][name]
    ignored = set(facts["ignore_codes"])
    got, lines = findings(name)
    own = [
        f
        for f in got
        if f.span.line <= lines
        and f.code not in ignored
        and f.severity in (Severity.ERROR, Severity.WARNING)
    ]
    result = PassageScore(name)
    for expected in entry["found"]:
        hit = next((f for f in own if _matches(expected, f)), None)
        if hit is None:
            result.missed.append(
                f"{expected['code']}@{expected['line']} {expected.get('says', '')}"
            )
        else:
            own.remove(hit)
    result.false = [f for f in own if not any(_matches(a, f) for a in entry["allowed"])]
    return result
