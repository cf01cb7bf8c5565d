"""`--format html`: one self-contained page for the people who review reports — the report's
text and tables as they read them, each finding marked where it is, a list of the findings
beside it (each a link to its mark, with the message, the help and the arithmetic), filters by
severity, and for a batch an index of the reports. No external resources: the page works
offline and can be mailed."""

from __future__ import annotations

from collections import Counter
from html import escape
from typing import TextIO

from gxlint.findings import Finding, Severity
from gxlint.render.html_lines import Numbered, render_lines
from gxlint.render.run import Run

_STYLE = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;color:#222}
header{position:sticky;top:0;background:#f4f6f8;border-bottom:1px solid #ccd;padding:.6em 1em}
header h1{font-size:1.1em;margin:0 0 .3em}
.report{display:grid;grid-template-columns:minmax(18em,28%) 1fr;gap:1em;padding:0 1em}
aside{position:sticky;top:5.5em;align-self:start;max-height:85vh;overflow:auto}
aside ol{padding-left:1.4em} aside li{margin:.5em 0} aside p{margin:.15em 0}
.hint{color:#555}.place{color:#777;font-size:.9em}
.line{margin:.2em 0;white-space:pre-wrap}.ln{color:#aaa;display:inline-block;min-width:3em}
table.rows{border-collapse:collapse;margin:.4em 0}
table.rows td,table.rows th{border:1px solid #ccc;padding:.1em .4em;white-space:pre-wrap}
th.ln{font-weight:normal}
mark{background:none;text-decoration:underline wavy 2px}
td.flag.sev-error{background:#fde2e1}td.flag.sev-warning{background:#fff3cd}
td.flag.sev-info{background:#e3f0fb}
mark.sev-error,.pin.sev-error,li.sev-error b{text-decoration-color:#c62828;color:#c62828}
mark.sev-warning,.pin.sev-warning,li.sev-warning b{text-decoration-color:#b26a00;color:#b26a00}
mark.sev-info,.pin.sev-info,li.sev-info b{text-decoration-color:#1565c0;color:#1565c0}
mark{color:inherit!important}
body.hide-error .sev-error.item,body.hide-warning .sev-warning.item,
body.hide-info .sev-info.item{display:none}
body.hide-error mark.sev-error,body.hide-warning mark.sev-warning,
body.hide-info mark.sev-info{text-decoration:none}
section h2{font-size:1.05em;padding:0 1em}nav.index{padding:0 1em}
:target{outline:3px solid #7b1fa2}
"""

_SCRIPT = """
for (const box of document.querySelectorAll('input[data-severity]')) {
  box.addEventListener('change', () =>
    document.body.classList.toggle('hide-' + box.dataset.severity, !box.checked));
}
"""


def render_html(run: Run, out: TextIO) -> None:
    by_path: dict[str, list[Numbered]] = {path: [] for path in run.sources}
    for number, finding in enumerate(run.findings, start=1):
        by_path.setdefault(finding.path, []).append((number, finding))
    paths = sorted(by_path)
    out.write('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">')
    out.write(f"<title>gxlint 检查结果</title><style>{_STYLE}</style></head><body>")
    out.write(_header(run, len(paths)))
    if len(paths) > 1:
        out.write(_index(paths, by_path))
    for number, path in enumerate(paths, start=1):
        out.write(_report(run, number, path, by_path[path]))
    out.write(f"<script>{_SCRIPT}</script></body></html>\n")


def _header(run: Run, reports: int) -> str:
    counts = {s: sum(f.severity == s for f in run.findings) for s in Severity}
    boxes = "".join(
        f'<label><input type="checkbox" checked data-severity="{s.label}"> '
        f'<span class="sev-{s.label}">{s.chinese} {counts[s]}</span></label> '
        for s in sorted(Severity, reverse=True)
    )
    return (
        f"<header><h1>政府信息公开工作年度报告检查结果（gxlint）</h1>"
        f"检查了 {reports} 份报告，{len(run.findings)} 个问题：{boxes}</header>"
    )


def _index(paths: list[str], by_path: dict[str, list[Numbered]]) -> str:
    items = []
    for number, path in enumerate(paths, start=1):
        severities = Counter(f.severity for _, f in by_path[path])
        counts = "，".join(
            f"{s.chinese} {severities[s]}" for s in sorted(Severity, reverse=True) if severities[s]
        )
        items.append(f'<li><a href="#r-{number}">{escape(path)}</a> {counts or "无问题"}</li>')
    return f'<nav class="index"><h2>报告</h2><ol>{"".join(items)}</ol></nav>'


def _report(run: Run, number: int, path: str, findings: list[Numbered]) -> str:
    about = run.about.get(path, {})
    who = "，".join(v for k in ("agency", "year") if (v := str(about.get(k) or "")))
    title = escape(path) + (f"（{escape(who)}）" if who else "")
    listing = "".join(_item(run, i, f) for i, f in findings) or "<li>没有发现问题</li>"
    text = render_lines(run.sources.get(path, {}), findings)
    return (
        f'<section id="r-{number}"><h2>{title}</h2><div class="report">'
        f"<aside><ol>{listing}</ol></aside><article>{text}</article></div></section>"
    )


def _item(run: Run, number: int, finding: Finding) -> str:
    label = finding.severity.label
    where = f"第 {finding.span.line} 行"
    place = run.place(finding)
    parts = [
        f'<a href="#f-{number}"><b>{finding.code}</b> {finding.severity.chinese} · {where}</a>',
        f"<p>{escape(finding.message)}</p>",
    ]
    if finding.hint:
        parts.append(f'<p class="hint">{escape(finding.hint)}</p>')
    if place:
        parts.append(f'<p class="place">{escape(place)}</p>')
    return f'<li class="item sev-{label}" data-finding="{number}">{"".join(parts)}</li>'
