"""Fuzzing (a bounded number of examples, so the suite stays fast; bench/fuzz.py runs longer):
whatever report-shaped text comes in, the pipeline, every renderer and --fix's apply_fixes
finish without an exception, and the findings point inside the text."""

from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings

from fuzz_strategies import report_text
from gxlint.app.fix import apply_fixes
from gxlint.document.build import build_document
from gxlint.engine import check_report
from gxlint.render import Run, renderer

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)


@SETTINGS
@given(report_text())
def test_pipeline_renderers_and_fixes_never_raise(text) -> None:
    doc = build_document("fuzz.txt", text)
    checked = check_report(doc)
    lines = doc.text.split("\n")
    for finding in checked.findings:
        assert 1 <= finding.span.line <= len(lines)
    sources = {"fuzz.txt": {f.span.line: lines[f.span.line - 1] for f in checked.findings}}
    run = Run(checked.findings, sources, checked.rules, [], 1)
    for name in ("text", "json", "sarif", "github"):
        renderer(name)(run, io.StringIO())
    fixed, applied = apply_fixes(doc.text, checked.findings)
    assert applied <= sum(1 for f in checked.findings if f.fix is not None)
    assert fixed.count("\n") == doc.text.count("\n")  # fixes never add or drop a line
