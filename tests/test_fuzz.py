"""Fuzzing (a bounded number of examples, so the suite stays fast; bench/fuzz.py runs longer):
whatever report-shaped text comes in, the pipeline, every renderer and --fix's apply_fixes
finish without an exception, and the findings point inside the text."""

from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings

from fuzz_strategies import FILE_NAME, percentage_sentence, report_text
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


@SETTINGS
@given(percentage_sentence())
def test_percentages_of_numbers_of_any_length_never_raise(sentence) -> None:
    text = f"某局2023年政府信息公开工作年度报告\n一、总体情况\n{sentence}\n"
    for finding in check_report(build_document("p.txt", text)).findings:
        assert finding.span.line <= 3


@settings(max_examples=15, deadline=None, database=None)
@given(FILE_NAME)
def test_any_file_name_gives_valid_utf8_in_every_output(name) -> None:
    """A file named in GBK bytes on a UTF-8 system (or with escapes, %, quotes): JSON, SARIF,
    CSV, GitHub annotations, --output-file and --write-baseline stay valid UTF-8."""
    import json
    import os
    import tempfile
    from pathlib import Path

    from conftest import SEED
    from gxlint.app.cli import main

    with tempfile.TemporaryDirectory() as folder:
        base = os.fsencode(folder)
        report = os.path.join(base, name.replace(b"/", b"_") + b".txt")
        with open(report, "wb") as handle:
            handle.write(SEED.read_bytes())
        for fmt in ("json", "sarif", "csv", "github"):
            out = os.path.join(folder, f"out.{fmt}")
            assert main(["--format", fmt, "--fail-on", "never", "-o", out, folder]) == 0
            text = Path(out).read_bytes().decode("utf-8")
            if fmt in ("json", "sarif"):
                json.loads(text)
        baseline = os.path.join(folder, "b.json")
        assert main(["--write-baseline", baseline, folder]) == 0
        json.loads(Path(baseline).read_bytes().decode("utf-8"))
