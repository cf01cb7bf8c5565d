"""Scoring gxlint's findings on a corpus report against its expectation file (tests/expectations/):
which of INDEX's defects are found, and which findings no fact supports (false errors, false
warnings). Used by test_expectations.py and by bench/precision.py."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

EXPECTATIONS = Path(__file__).parent / "expectations"


def expectation(name: str) -> dict[str, Any]:
    return yaml.safe_load((EXPECTATIONS / f"{name}.yaml").read_text("utf-8"))


def _keys(entries: list[dict[str, Any]]) -> Counter[tuple[str, int]]:
    """The findings entries name: their code and line, and those of `also` (one defect of
    INDEX that shows as several findings: a blank 总计 column fails every row total)."""
    keys: Counter[tuple[str, int]] = Counter()
    for e in entries:
        keys[(e["code"], e["line"])] += 1
        keys.update((code, line) for code, line in e.get("also") or [])
    return keys


@dataclass
class Score:
    name: str
    listed: int  # INDEX's defects, found or not (one defect may show as several findings)
    found: int
    missed: list[tuple[str, int]] = field(default_factory=list)
    false_errors: list[tuple[str, int]] = field(default_factory=list)
    false_warnings: list[tuple[str, int]] = field(default_factory=list)


def score(name: str, findings: list[tuple[str, int, str]]) -> Score:
    """`findings`: (code, line, severity) of every finding on the report."""
    expected = expectation(name)
    defects = _keys(expected["defects"])
    errors_ok = defects + _keys(expected["supported"])
    others_ok = errors_ok + _keys(expected["checked"])
    got = Counter((code, line) for code, line, _ in findings)
    missed = list((defects - got).elements())
    unfound = sum(1 for d in expected["defects"] if _keys([d]) - got)
    errors = Counter((c, ln) for c, ln, s in findings if s == "error")
    warnings = Counter((c, ln) for c, ln, s in findings if s == "warning")
    return Score(
        name=name,
        listed=len(expected["defects"]) + len(expected["not_found"]),
        found=len(expected["defects"]) - unfound,
        missed=missed,
        false_errors=list((errors - errors_ok).elements()),
        false_warnings=list((warnings - others_ok).elements()),
    )
