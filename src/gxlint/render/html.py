"""`--format html` (and `gxlint serve`'s pages): one self-contained page for the people who
review reports — the report's text and tables as they read them, each finding marked where it
is, a list of the findings beside it (each a link to its mark, with the message, the help and
the arithmetic), filters by severity; for a batch, a dashboard first: a row per report (agency,
kind, year, format, counts, 通过/需修改), sortable and filtered by agency, status and rule, and
two small charts drawn as inline SVG. Rendered from Jinja2 templates with autoescape
(render/templates/); no external resources: the page works offline and can be mailed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from sys import intern
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

from gxlint.analysis.agency import AgencyKind
from gxlint.findings import About, Finding, Severity
from gxlint.records import record
from gxlint.render.html_lines import Numbered, render_lines
from gxlint.render.run import Run, by_report

if TYPE_CHECKING:
    from jinja2 import Template

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
nav.downloads{margin-top:.3em}nav.downloads a{margin-right:1em}
.charts{display:flex;flex-wrap:wrap;gap:2em;margin:.5em 0}.chart text{font-size:12px}
.chart .title{font-weight:bold}.bar.sev-error,.st-bad{fill:#c62828}.bar.sev-warning{fill:#b26a00}
.bar.sev-info{fill:#1565c0}.st-ok{fill:#2e7d32}.st-failed{fill:#777}
.filters{margin:.5em 0}.filters label{margin-right:1.2em}
table.index{border-collapse:collapse}table.index th,table.index td{border:1px solid #ccd;
padding:.2em .5em}table.index th{cursor:pointer;background:#eef1f4;user-select:none}
table.index th[aria-sort=ascending]::after{content:" ▲"}
table.index th[aria-sort=descending]::after{content:" ▼"}
td.n{text-align:right}td.status.st-ok{color:#2e7d32}td.status.st-bad{color:#c62828}
"""

PAGE_SCRIPT = """
for (const box of document.querySelectorAll('input[data-severity]')) {
  box.addEventListener('change', () =>
    document.body.classList.toggle('hide-' + box.dataset.severity, !box.checked));
}
const index = document.getElementById('index');
if (index) {
  const body = index.tBodies[0];
  const value = (row, key, kind) => {
    const text = row.cells[key].textContent.trim();
    return kind === 'number' ? Number(text) || 0 : text;
  };
  for (const th of index.tHead.rows[0].cells) {
    const sort = () => {
      const key = Number(th.dataset.key), kind = th.dataset.kind;
      const up = th.getAttribute('aria-sort') !== 'ascending';
      for (const other of index.tHead.rows[0].cells) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', up ? 'ascending' : 'descending');
      const rows = [...body.rows].sort((a, b) => {
        const x = value(a, key, kind), y = value(b, key, kind);
        return (x < y ? -1 : x > y ? 1 : 0) * (up ? 1 : -1);
      });
      body.append(...rows);
    };
    th.addEventListener('click', sort);
    th.addEventListener('keydown', (e) => { if (e.key === 'Enter') sort(); });
  }
  const agency = document.getElementById('filter-agency');
  const status = document.getElementById('filter-status');
  const rule = document.getElementById('filter-rule');
  const filter = () => {
    let shown = 0;
    for (const row of body.rows) {
      const ok = row.dataset.agency.includes(agency.value.trim())
        && (!status.value || row.dataset.status === status.value)
        && (!rule.value || row.dataset.rules.includes(' ' + rule.value + ' '));
      row.hidden = !ok;
      shown += ok;
    }
    document.getElementById('shown-count').textContent = shown;
  };
  for (const input of [agency, status, rule]) input.addEventListener('input', filter);
}
"""


_PASSED, _TO_FIX, _FAILED = "通过", "需修改", "无法读取"
_STATUS_CSS = {_PASSED: "st-ok", _TO_FIX: "st-bad", _FAILED: "st-failed"}
_HEADERS = [("报告", "text"), ("机关", "text"), ("类别", "text"), ("年度", "text")]
_HEADERS += [("格式", "text"), ("错误", "number"), ("警告", "number"), ("提示", "number")]
_HEADERS += [("状态", "text")]


@record(frozen=True, slots=True)
class Download:
    """A file the page offers to save (gxlint serve: the JSON, the CSV, the annotated copy)."""

    label: str
    name: str
    href: str  # a data: URL: the page holds what it offers, the server keeps nothing


def render_html(run: Run, out: TextIO, downloads: tuple[Download, ...] = ()) -> None:
    """The page, written as it is made: the counts and the index from a first pass over the
    findings (a row a report), then each report's section as its findings are read."""
    from markupsafe import Markup

    failed = {f.where for f in run.failures}
    rows: list[_Row] = []
    by_rule: Counter[str] = Counter()
    worst: dict[str, Severity] = {}
    for number, (path, findings) in enumerate(by_report(run, run.sources), start=1):
        rows.append(_row(run, number, path, findings, failed))
        for f in findings:
            by_rule[f.code] += 1
            worst[f.code] = max(worst.get(f.code, f.severity), f.severity)
    counts = Counter(f.severity for f in run.findings)
    page = _template().generate(
        style=Markup(_STYLE),
        script=Markup(PAGE_SCRIPT),
        total=sum(counts.values()),
        severities=[
            {"label": s.label, "chinese": s.chinese, "count": counts[s]}
            for s in sorted(Severity, reverse=True)
        ],
        downloads=downloads,
        reports=_Reports(run, len(rows)),
        **(_dashboard(rows, by_rule, worst) if len(rows) > 1 else {}),
    )
    out.writelines(page)
    out.write("\n")


class _Reports:
    """The page's report sections, made one at a time as the template writes them."""

    def __init__(self, run: Run, count: int) -> None:
        self.run, self.count = run, count

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[dict[str, Any]]:
        number = 0
        for path, findings in by_report(self.run, self.run.sources):
            numbered = list(enumerate(findings, start=number + 1))
            number += len(findings)
            yield _report(self.run, path, numbered)


@cache
def _template() -> Template:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    folder = Path(__file__).with_name("templates")
    environment = Environment(loader=FileSystemLoader(folder), autoescape=select_autoescape())
    return environment.get_template("page.html")


def _report(run: Run, path: str, findings: list[Numbered]) -> dict[str, Any]:
    from markupsafe import Markup

    about = run.about.get(path, About())
    who = "，".join(v for v in (about.agency, about.year) if v)
    items = [_item(run, number, finding) for number, finding in findings]
    # render_lines escapes every text it writes (html_lines.py): its markup goes in as it is
    text = Markup(render_lines(run.sources.get(path, {}), findings))
    return {"path": path, "who": who, "findings": items, "text": text}


def _item(run: Run, number: int, finding: Finding) -> dict[str, Any]:
    return {
        "number": number,
        "code": finding.code,
        "severity": finding.severity.label,
        "chinese": finding.severity.chinese,
        "line": finding.span.line,
        "message": finding.message,
        "hint": finding.hint,
        "place": run.place(finding),
    }


def _dashboard(
    rows: list[_Row], by_rule: Counter[str], worst: dict[str, Severity]
) -> dict[str, Any]:
    statuses = Counter(row.status for row in rows)
    widest = max(statuses.values(), default=1)
    top = by_rule.most_common(10)
    most = max((n for _, n in top), default=1)
    return {
        "rows": rows,
        "headers": [{"name": name, "kind": kind} for name, kind in _HEADERS],
        "codes": sorted(by_rule),
        "statuses": [
            {
                "name": name,
                "count": statuses[name],
                "css": _STATUS_CSS[name],
                "width": round(180 * statuses[name] / widest),
            }
            for name in (_PASSED, _TO_FIX, _FAILED)
            if statuses[name]
        ],
        "rules": [
            {
                "code": code,
                "count": n,
                "severity": worst[code].label,
                "width": round(280 * n / most),
            }
            for code, n in top
        ],
    }


class _Row(NamedTuple):
    """A report's row of the index: the page holds one a report until it is written (a tuple
    of shared strings where they repeat: the kind, year and format of thousands of reports)."""

    number: int
    path: str
    agency: str
    kind: str
    year: str
    format: str
    errors: int
    warnings: int
    infos: int
    status: str
    css: str
    codes: str


def _row(run: Run, number: int, path: str, findings: list[Finding], failed: set[str]) -> _Row:
    about = run.about.get(path, About())
    counts = Counter(f.severity for f in findings)
    status = _FAILED if path in failed else _TO_FIX if counts[Severity.ERROR] else _PASSED
    kind = AgencyKind(about.kind).chinese if about.kind in set(AgencyKind) else about.kind
    return _Row(
        number,
        path,
        about.agency,
        intern(kind),
        intern(about.year),
        intern(about.format),
        counts[Severity.ERROR],
        counts[Severity.WARNING],
        counts[Severity.INFO],
        status,
        _STATUS_CSS[status],
        intern(" ".join(sorted({f.code for f in findings}))),
    )
