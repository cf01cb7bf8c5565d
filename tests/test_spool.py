"""What a batch keeps on disk rather than in memory (app/spool.py): each report as it completes,
read back one at a time in the order a sort of all the findings gives; the data of the facts
the comparisons across reports read. Outputs written from them are those written from lists
(tests/test_golden.py, test_outputs.py compare them byte for byte)."""

from __future__ import annotations

from conftest import corpus_text
from gxlint.app.spool import ByPath, Findings, Kept, Lines, Spool, in_order
from gxlint.document.build import build_document
from gxlint.document.model import Span
from gxlint.engine import FactBook, check_report
from gxlint.findings import About, Finding, Severity
from gxlint.render.run import Run, by_report


def _finding(path: str, line: int, code: str = "GX101") -> Finding:
    span = Span(line, 1, line, 2)
    return Finding(code, "x", Severity.WARNING, span, "m", path=path)


def test_findings_come_in_sorted_order_whatever_order_the_reports_completed_in() -> None:
    spool = Spool()
    spool.add("b.txt", Kept([_finding("b.txt", 3), _finding("b.txt", 9)], {3: "三"}))
    spool.add("a.txt", Kept([_finding("a.txt", 5)], about=About(agency="甲")))
    spool.add("c.txt", Kept([]))  # checked, nothing found
    extra = [_finding("b.txt", 4, "GX601"), _finding("z.txt", 1, "GX902")]
    findings = Findings(in_order(spool, extra))
    expected = sorted(
        [*spool.get("a.txt").findings, *spool.get("b.txt").findings, *extra], key=Finding.sort_key
    )
    assert list(findings) == expected and list(findings) == expected  # read again: the same
    assert len(findings) == 5 and bool(findings)
    assert ByPath(spool, lambda kept: kept.about)["a.txt"].agency == "甲"
    assert ByPath(spool, lambda kept: kept.about).get("nowhere.txt") is None


def test_a_report_given_again_replaces_what_was_kept() -> None:
    spool = Spool()
    spool.add("a.txt", Kept([_finding("a.txt", 1)]))
    spool.get("a.txt")  # at hand: must not be what is returned after the replacement
    spool.add("a.txt", Kept([_finding("a.txt", 2)]))
    assert [f.span.line for f in spool.get("a.txt").findings] == [2]
    assert list(spool.paths()) == ["a.txt"] and len(spool) == 1


def test_lines_read_again_are_laid_over_a_reports_own() -> None:
    spool = Spool()
    spool.add("a.txt", Kept([], {3: "第三行"}))
    lines = Lines(spool)
    spool.add("c.txt", Kept([]))
    lines.added["a.txt"] = {7: "第七行"}
    lines.added["b.txt"] = {1: "另一份"}
    assert dict(lines["a.txt"]) == {3: "第三行", 7: "第七行"}
    assert list(lines) == ["a.txt", "b.txt", "c.txt"] and len(lines) == 3  # in order, once


def test_reports_by_path_take_those_without_findings_and_paths_only_findings_name() -> None:
    findings = [_finding("a.txt", 1), _finding("a.txt", 2), _finding("m.txt", 1)]
    run = Run(findings)
    grouped = [(path, [f.span.line for f in own]) for path, own in by_report(run, ["b", "a.txt"])]
    assert grouped == [("a.txt", [1, 2]), ("b", []), ("m.txt", [1])]


def test_reports_by_path_read_a_spools_paths_in_order_and_sort_any_others() -> None:
    spool = Spool()
    for path in ("b.txt", "d.txt", "a.txt"):
        spool.add(path, Kept([_finding(path, 1)] if path == "d.txt" else []))
    run = Run(Findings(in_order(spool, [_finding("e.txt", 2)])))
    about = ByPath(spool, lambda kept: kept.about)
    grouped = [(path, len(own)) for path, own in by_report(run, about, {"c.txt": 1, "a.txt": 2})]
    assert grouped == [("a.txt", 0), ("b.txt", 0), ("c.txt", 0), ("d.txt", 1), ("e.txt", 1)]


def test_a_reports_facts_are_kept_on_disk_and_read_back_the_same() -> None:
    name = "hongze-2024"
    checked = check_report(build_document(f"{name}.txt", corpus_text(name)))
    book = FactBook(lambda path: f"shown/{path}")
    book.add(checked.facts, checked.fact_rules)
    book.add({}, {})  # a report that contributes nothing
    assert set(book.by_code) == set(checked.facts) and set(book.rules) == set(checked.facts)
    for code, fact in checked.facts.items():
        (back,) = book.by_code[code]
        assert back == fact and back is not fact and back.name == f"shown/{name}.txt"


def test_no_temporary_folder_is_a_one_line_error_naming_it(tmp_path) -> None:
    import subprocess
    import sys

    from conftest import SEED

    code = (  # IN_MEMORY 0: the run's records go to a file, as a large batch's do
        "import tempfile; tempfile.tempdir = '/nonexistent/gxlint'; "
        "from gxlint import scratch; scratch.IN_MEMORY = 0; "
        "from gxlint.app.cli import main; raise SystemExit(main([" + repr(str(SEED)) + "]))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [
        "gxlint: /nonexistent/gxlint: 无法创建临时文件 (cannot create a temporary file: "
        "No such file or directory)"
    ]


def test_reports_come_back_in_path_order_each_once_the_last_kept() -> None:
    spool = Spool()
    for path, line in [("b/x.txt", 1), ("a/b.txt", 2), ("a-b.txt", 3), ("b/x.txt", 4), ("c", 5)]:
        spool.add(path, Kept([_finding(path, line)]))
    assert list(spool.paths()) == ["a-b.txt", "a/b.txt", "b/x.txt", "c"] and len(spool) == 4
    assert [f.span.line for f in spool.get("b/x.txt").findings] == [4]
    assert spool.get("a/c.txt") is None and spool.get("d") is None and spool.get("") is None
    spool.add("0.txt", Kept([_finding("0.txt", 6)]))  # added after a read: in its place
    assert next(spool.paths()) == "0.txt" and spool.get("0.txt").findings[0].span.line == 6


def test_an_empty_spool_has_no_reports() -> None:
    spool = Spool()
    assert spool.get("a.txt") is None and list(spool.paths()) == [] and len(spool) == 0
