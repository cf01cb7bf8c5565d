"""PDF reports through the optional extra gxlint[pdf] (pdfplumber, installed for the tests):
the two published PDFs give the same findings as their curated texts; without the extra a PDF
is one line saying how to install it."""

from __future__ import annotations

import sys
from collections import Counter

import pytest

from conftest import CORPUS, TESTS, lint
from gxlint.app.cli import main
from gxlint.document.read import read_source


@pytest.mark.parametrize("name", ["hongze-2024", "huaian-2024"])
def test_a_published_pdf_gives_its_curated_texts_findings(name) -> None:
    source = read_source(str(TESTS / "corpus" / "raw" / f"{name}.pdf"))
    from_pdf = lint(source.text, path=f"{name}.pdf")
    from_text = lint((CORPUS / f"{name}.txt").read_text("utf-8"))
    # The same findings; the line numbers differ (the curated text keeps blank lines).
    assert Counter((f.code, f.message) for f in from_pdf) == Counter(
        (f.code, f.message) for f in from_text
    )
    assert source.places[0] == "PDF 第 1 页 (page 1)"
    assert source.places[-1].startswith("PDF 第 ")


def test_pdf_tables_become_rows_and_running_lines_go() -> None:
    source = read_source(str(TESTS / "corpus" / "raw" / "huaian-2024.pdf"))
    lines = source.text.split("\n")
    assert lines[:2] == ["淮安市人民政府", "2024 年政府信息公开工作年度报告"]
    assert any(line.startswith("行政许可\t") for line in lines)
    assert not any(line.strip().isdigit() for line in lines)  # page numbers dropped


def test_without_the_extra_a_pdf_says_how_to_install_it(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "pdfplumber", None)  # as if not installed
    pdf = TESTS / "corpus" / "raw" / "hongze-2024.pdf"
    assert main([str(pdf)]) == 2
    err = capsys.readouterr().err
    assert "pip install 'gxlint[pdf]'" in err and len(err.strip().splitlines()) == 1


def test_a_broken_pdf_is_one_line(tmp_path, capsys) -> None:
    broken = tmp_path / "r.PDF"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 100)
    assert main([str(broken)]) == 2
    err = capsys.readouterr().err
    assert "PDF" in err and "内部错误" not in err


@pytest.mark.parametrize(
    ("name", "facts"),
    [
        # INDEX: no 存在的主要问题 section; 其他需要报告的事项 numbered 五; label 规范性文件
        ("shanghai-stcsm-2024", {"GX101", "GX108", "GX211"}),
        # INDEX: table 二 garbled and heading 五 lost in the conversion
        ("shanghai-office-2025", {"GX101", "GX206"}),
    ],
)
def test_converter_markdown_keeps_the_facts_the_curated_text_gives(name, facts) -> None:
    """A PDF→Markdown converter's real output (garbled tables included) is read without a
    crash, and the findings the curated text gives on its facts are still there."""
    path = TESTS / "corpus" / "raw" / f"{name}.md"
    codes = {f.code for f in lint(read_source(str(path)).text, path=str(path))}
    assert facts <= codes
    curated = {f.code for f in lint((CORPUS / f"{name}.txt").read_text("utf-8"))}
    assert facts <= curated
