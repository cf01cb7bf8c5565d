"""Word documents: paragraphs and tables read with the standard library; corrupt files refused."""

from __future__ import annotations

import io
import zipfile
from html import escape as html_escape

import pytest

from conftest import CORPUS_NAMES, corpus_text, lint
from gxlint.app.cli import main
from gxlint.document.read import read_report
from gxlint.errors import GxlintError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _cell(text: str, span: int = 1, merge: str | None = None) -> str:
    props = ""
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if merge is not None:
        props += f'<w:vMerge w:val="{merge}"/>' if merge else "<w:vMerge/>"
    pr = f"<w:tcPr>{props}</w:tcPr>" if props else ""
    paragraphs = "".join(_p(part) for part in text.split("|")) if text else "<w:p/>"
    return f"<w:tc>{pr}{paragraphs}</w:tc>"


def docx(body: str) -> bytes:
    xml = f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    return buffer.getvalue()


def test_paragraphs_tables_and_merged_cells(tmp_path) -> None:
    table = (
        "<w:tbl>"
        f"<w:tr>{_cell('行政复议', span=5)}{_cell('行政诉讼', span=10)}</w:tr>"
        f"<w:tr>{_cell('商业|企业')}{_cell('', merge='')}{_cell('3')}</w:tr>"
        "</w:tbl>"
    )
    path = tmp_path / "r.docx"
    path.write_bytes(
        docx(_p("四、政府信息公开行政复议、行政诉讼情况") + table + _p("五、存在的主要问题"))
    )
    lines = read_report(str(path)).split("\n")
    assert lines[0] == "四、政府信息公开行政复议、行政诉讼情况"
    assert lines[1] == "行政复议" + "\t" * 5 + "行政诉讼" + "\t" * 9
    assert lines[2] == "商业企业\t\t3"  # a wrapped label is one label; a merged cell is empty
    assert lines[3] == "五、存在的主要问题"


def seed_docx(text: str) -> bytes:
    """A report text as a Word file: a paragraph a line, a table row a line of cells."""
    body = []
    for line in text.split("\n"):
        if "\t" in line:
            cells = "".join(_cell(c) for c in line.split("\t"))
            body.append(f"<w:tbl><w:tr>{cells}</w:tr></w:tbl>")
        else:
            body.append(_p(line) if line else "<w:p/>")
    return docx("".join(body))


def test_seed_as_docx_gives_the_same_findings(tmp_path, seed_text) -> None:
    path = tmp_path / "seed.docx"
    path.write_bytes(seed_docx(seed_text))
    from_docx = [(f.code, f.span.line, f.message) for f in lint(read_report(str(path)))]
    from_text = [(f.code, f.span.line, f.message) for f in lint(seed_text)]
    assert from_docx == from_text


@pytest.mark.parametrize(
    ("data", "name", "problem"),
    [
        (b"PK\x03\x04 this is not a zip", "bad.docx", "不是有效的 Word 文档"),
        (b"\xd0\xcf\x11\xe0 old word", "old.doc", "不支持 .doc 文件"),
    ],
)
def test_corrupt_or_unsupported_word_files(tmp_path, capsys, data, name, problem) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(GxlintError, match=problem):
        read_report(str(path))
    assert main([str(path)]) == 2
    err = capsys.readouterr().err
    assert problem in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_fix_does_not_touch_docx(tmp_path, seed_text, capsys) -> None:
    cells = "".join(_cell(c) for c in ["信息内容", "本年制发件数", "本年度止件数", "现行有效件数"])
    path = tmp_path / "r.docx"
    data = docx(_p("二、主动公开政府信息情况") + f"<w:tbl><w:tr>{cells}</w:tr></w:tbl>")
    path.write_bytes(data)
    main(["--fix", "--fail-on", "never", str(path)])
    assert path.read_bytes() == data
    assert "不能自动修复" in capsys.readouterr().err


def test_a_finding_in_a_word_file_names_its_paragraph_and_table_row(tmp_path, capsys) -> None:
    from conftest import SEED

    lines = SEED.read_text("utf-8").split("\n")
    body = ""
    for line in lines:
        if "\t" in line:
            cells = "".join(_cell(c) for c in line.split("\t"))
            body += f"<w:tbl><w:tr>{cells}</w:tr></w:tbl>"
        else:
            body += _p(line)
    path = tmp_path / "draft.DOCX"
    path.write_bytes(docx(body))
    assert main(["--format", "json", "--fail-on", "never", str(path)]) == 0
    import json

    found = {f["code"]: f for f in json.loads(capsys.readouterr().out)}
    assert found["GX509"]["source"]["place"].startswith("Word 第 ")
    assert found["GX211"]["source"]["place"].startswith("Word 表 ")
    assert found["GX211"]["source"]["place"].endswith("第 3 列")  # 本年度止件数, the third cell


NUMBERING = f"""<?xml version="1.0"?><w:numbering xmlns:w="{W}">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
<w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
<w:lvlText w:val="（%2）"/></w:lvl>
</w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="0"/></w:num></w:numbering>"""


def _numbered(text: str, level: int) -> str:
    props = f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="7"/></w:numPr></w:pPr>'
    return f"<w:p>{props}<w:r><w:t>{text}</w:t></w:r></w:p>"


def test_word_numbering_is_read_as_the_visible_text(tmp_path) -> None:
    body = (
        _numbered("总体情况", 0)
        + _numbered("主动公开", 1)
        + _numbered("依申请公开", 1)
        + _numbered("主动公开政府信息情况", 0)
        + _numbered("政府信息管理", 1)
        # a fee sentence inside a content control is part of the text
        + f"<w:sdt><w:sdtContent>{_p('本年度未收取信息处理费。')}</w:sdtContent></w:sdt>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", _document_xml(body))
        archive.writestr("word/numbering.xml", NUMBERING)
    path = tmp_path / "draft.docx"
    path.write_bytes(buffer.getvalue())
    lines = read_report(str(path)).split("\n")
    assert lines[:5] == [
        "一、总体情况",
        "（一）主动公开",
        "（二）依申请公开",
        "二、主动公开政府信息情况",
        "（一）政府信息管理",
    ]
    assert lines[5] == "本年度未收取信息处理费。"


def _document_xml(body: str) -> str:
    return f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'


def _as_docx(text: str, split: str | None = None) -> bytes:
    """A report's text as a Word document: runs of tab-separated lines as a table (broken in
    two, with an empty paragraph between, before the row holding `split`)."""
    body = ""
    rows: list[str] = []
    for line in [*text.split("\n"), ""]:
        if split and split in line and rows:
            body += "<w:tbl>" + "".join(rows) + "</w:tbl><w:p/>"
            rows = []
        if "\t" in line:
            rows.append("<w:tr>" + "".join(_cell(c) for c in line.split("\t")) + "</w:tr>")
            continue
        if rows:
            body += "<w:tbl>" + "".join(rows) + "</w:tbl>"
            rows = []
        body += _p(html_escape(line)) if line.strip() else ""
    return docx(body)


@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_every_report_as_word_gives_the_same_codes(tmp_path, name) -> None:
    from collections import Counter

    text = corpus_text(name)
    path = tmp_path / f"{name}.docx"
    path.write_bytes(_as_docx(text))
    from_word = lint(read_report(str(path)), path=str(path))
    assert Counter(f.code for f in from_word) == Counter(f.code for f in lint(text))


def test_a_table_split_across_pages_reads_as_one(tmp_path) -> None:
    """A table that breaks at a page, as two tables with an empty paragraph between: its rows
    run on, and the findings are the same."""
    from collections import Counter

    from conftest import SEED

    text = SEED.read_text("utf-8")
    paths = {}
    for name, split in (("whole", None), ("split", "无法提供")):
        paths[name] = tmp_path / f"{name}.docx"
        paths[name].write_bytes(_as_docx(text, split=split))
    assert zipfile.ZipFile(paths["split"]).read("word/document.xml").count(b"<w:tbl>") == (
        zipfile.ZipFile(paths["whole"]).read("word/document.xml").count(b"<w:tbl>") + 1
    )
    codes = [Counter(f.code for f in lint(read_report(str(p)))) for p in paths.values()]
    assert codes[0] == codes[1]


def test_millions_of_empty_paragraphs_are_refused_before_the_tree_is_built(tmp_path, capsys):
    """Millions of <w:p/> (a 44 KB file compressed): refused by counting, not after building a
    tree of five million elements (13 s and 1.25 GiB)."""
    from gxlint.document.read.docx import MAX_ELEMENTS

    body = _p("某局2023年政府信息公开工作年度报告") + "<w:p/>" * (MAX_ELEMENTS + 1)
    xml = f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    path = tmp_path / "empty.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    assert path.stat().st_size < 100_000
    assert main(["--format", "json", str(path)]) == 2
    assert "元素过多" in capsys.readouterr().err
