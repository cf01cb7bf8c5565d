"""A rule pack's annotated cases (semgrep's rule tests): each case is a report text whose lines
ending in `# expect: CODE` are where that rule must fire, and nowhere else. `gxlint test PACK`
runs a pack's own cases (a province's pack too); the suite runs the built-in packs' the same way.
"""

from __future__ import annotations

import re

from gxlint.document.build import build_document
from gxlint.engine import check_together, load_pack
from gxlint.errors import EXIT_FINDINGS, EXIT_OK
from gxlint.findings import Finding
from gxlint.pack.rule import Rule, RuleCase
from gxlint.records import record

_EXPECT = re.compile(r" *# expect: ([A-Z0-9, ]+)$")
Where = tuple[str, int]  # a code and the line it fires on


@record(frozen=True, slots=True)
class CaseRun:
    """One case of one rule: where it was expected to fire and where it did."""

    code: str
    case: str
    expected: frozenset[Where]
    fired: frozenset[Where]

    @property
    def passed(self) -> bool:
        return self.expected == self.fired


def strip_expectations(annotated: str) -> tuple[str, set[Where]]:
    """Remove `# expect: GX101, GX102` markers; the clean text and its (code, line) pairs."""
    expected: set[Where] = set()
    lines = []
    for lineno, line in enumerate(annotated.split("\n"), start=1):
        match = _EXPECT.search(line)
        if match:
            expected |= {(c.strip(), lineno) for c in match.group(1).split(",") if c.strip()}
            line = line[: match.start()]
        lines.append(line)
    return "\n".join(lines), expected


def run_case(pack: str, rule: Rule, case: RuleCase) -> CaseRun:
    """Check the case's text with `pack` (and the year before's, for a rule across reports)."""
    text, expected = strip_expectations(case.text)
    reports = [("previous.txt", case.previous)] if case.previous else []
    found = [f for f in _checked([*reports, ("report.txt", text)], pack) if f.path == "report.txt"]
    fired = {(f.code, f.span.line) for f in found if f.code == rule.code}
    wanted = {(c, line) for c, line in expected if c == rule.code}
    return CaseRun(rule.code, case.name, frozenset(wanted), frozenset(fired))


def _checked(reports: list[tuple[str, str]], pack: str) -> list[Finding]:
    return check_together((build_document(path, text) for path, text in reports), pack)


def pack_cases(pack: str) -> list[tuple[Rule, RuleCase]]:
    """The cases of the rules a pack writes or changes itself (those it inherits unchanged are
    its parent's to test)."""
    loaded = load_pack(pack)
    return [
        (rule, case) for rule in loaded.rules if rule.pack == loaded.name for case in rule.cases
    ]


def test_packs(packs: list[str]) -> int:
    """`gxlint test PACK…`: every case of each pack; a line for each that fails; exit 1 if any."""
    runs = [run_case(pack, rule, case) for pack in packs for rule, case in pack_cases(pack)]
    for run in runs:
        if not run.passed:
            print(f"{run.code}「{run.case}」：{_difference(run)}")
    failed = sum(not run.passed for run in runs)
    print(f"{len(runs)} 个用例，{len(runs) - failed} 个通过，{failed} 个失败")
    return EXIT_FINDINGS if failed else EXIT_OK


def _difference(run: CaseRun) -> str:
    missing = sorted(run.expected - run.fired)
    extra = sorted(run.fired - run.expected)
    said = [f"应在第 {line} 行报告而没有报告" for _, line in missing]
    said += [f"不应在第 {line} 行报告却报告了" for _, line in extra]
    return "；".join(said)
