"""Outputs that must grow with the findings, not with findings × line length or findings²: a
report of one long line with thousands of findings (issue: a 180 KB line printed 1.8 GB). The
sizes here are ones where the old quadratic behaviour takes minutes; bench/worst_inputs.py
measures the shapes against a plain report."""

from __future__ import annotations

import io
import re

from gxlint.document.model import Span
from gxlint.findings import Finding, Severity
from gxlint.render.html_lines import render_lines
from gxlint.render.run import Run
from gxlint.render.text import render_text

LINE = "某" * 200_000
FINDINGS = [
    Finding("GX519", "doubled-words", Severity.WARNING, Span(1, c, 1, c + 4), "词语重复", "r.txt")
    for c in range(1, 200_000, 40)
]


def test_text_shows_a_window_of_a_long_line_around_each_finding() -> None:
    out = io.StringIO()
    render_text(Run(FINDINGS, {"r.txt": {1: LINE}}), out)
    text = out.getvalue()
    assert text.count("GX519") == len(FINDINGS) == 5000
    assert len(text) < 400 * len(FINDINGS)  # not 200,000 characters a finding
    first = text.split("\n\n")[0].splitlines()
    assert first[2].startswith("1 │ 某") and first[2].endswith("…")
    assert first[3].strip(" │") == "^" * 8  # four wide characters


def test_html_marks_every_finding_of_one_long_line_in_one_sweep() -> None:
    numbered = list(enumerate(FINDINGS, start=1))
    page = render_lines({1: LINE}, numbered)
    assert len(re.findall(r'<mark id="f-\d+" class="sev-warning"', page)) == len(FINDINGS)
    assert page.count("某") == len(LINE)


def test_a_pin_keeps_its_severitys_class() -> None:
    pinned = Finding("GX101", "x", Severity.ERROR, Span(9, 1, 9, 1), "缺少", "r.txt")
    page = render_lines({1: "正文"}, [(1, pinned)])
    assert '<span id="f-1" class="pin sev-error" data-f="1"' in page
    pin = page[: page.index("◆")]
    assert pin.count("class=") == 1  # one class attribute (a second one is ignored)
