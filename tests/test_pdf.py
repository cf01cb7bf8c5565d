"""PDF reports through the optional extra gxlint[pdf] (pdfplumber, installed for the tests):
the two published PDFs give the same findings as their curated texts; without the extra a PDF
is one line saying how to install it."""

from __future__ import annotations

import json
import sys
from collections import Counter

import pytest

from conftest import CORPUS, SEED, TESTS, lint
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


def _bomb(expanded: int) -> bytes:
    """A one-page PDF whose content stream is small and expands to `expanded` bytes."""
    import zlib

    packer = zlib.compressobj(9)
    stream = b"".join(packer.compress(b" " * (1 << 20)) for _ in range(expanded >> 20))
    stream += packer.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref


def test_a_decompression_bomb_costs_only_its_own_file(tmp_path, capsys, monkeypatch) -> None:
    """A PDF read in a child process with a memory limit: a stream that expands past it is a
    GX902 for that file (not a MemoryError that ends the run), and the other files are checked."""
    from gxlint.document.read import isolated

    monkeypatch.setattr(isolated, "MEMORY", 64 << 20)
    bomb = _bomb(256 << 20)
    assert len(bomb) < 1 << 20  # under a megabyte, a quarter of a gigabyte expanded
    (tmp_path / "bomb.pdf").write_bytes(bomb)
    (tmp_path / "good.txt").write_text(SEED.read_text("utf-8"), "utf-8")
    assert main(["--format", "json", "--fail-on", "never", str(tmp_path)]) == 2
    found = json.loads(capsys.readouterr().out)
    bombed = [f for f in found if f["path"].endswith("bomb.pdf")]
    assert [f["code"] for f in bombed] == ["GX902"]
    assert "超过 64 MiB" in bombed[0]["message"] or "限制" in bombed[0]["message"]
    assert any(f["path"].endswith("good.txt") and f["code"] == "GX509" for f in found)
