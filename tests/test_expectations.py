"""Every corpus report against its expectation file, derived from corpus/INDEX.md: every defect
INDEX lists is found (code and line), no error-level finding exists that the facts do not
support, and a report INDEX calls clean passes the default gate (but for the extraction
artefacts its file names)."""

from __future__ import annotations

import pytest

from conftest import CORPUS_NAMES, corpus_text, lint
from expected import EXPECTATIONS, expectation, score


def test_every_report_has_an_expectation_file() -> None:
    assert sorted(p.stem for p in EXPECTATIONS.glob("*.yaml")) == CORPUS_NAMES


@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_report_against_index(name) -> None:
    findings = lint(corpus_text(name), path=f"{name}.txt")
    result = score(name, [(f.code, f.span.line, f.severity.label) for f in findings])
    assert result.missed == [], f"defects not found: {result.missed}"
    assert result.false_errors == [], f"errors no fact supports: {result.false_errors}"
    assert result.false_warnings == [], f"warnings not checked by hand: {result.false_warnings}"
    expected = expectation(name)
    if expected["verdict"] == "clean":
        artefacts = {(s["code"], s["line"]) for s in expected["supported"]}
        errors = {(f.code, f.span.line) for f in findings if f.severity.label == "error"}
        assert errors <= artefacts  # a clean report fails the gate only on its artefacts
