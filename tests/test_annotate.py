"""`--annotate-docx`: a copy of a Word draft with each finding as a comment on its paragraph or
table cell. The copy is reopened: every comment is checked against its finding and against the
text it is anchored on; the original is byte for byte what it was."""

from __future__ import annotations

import io
import json
import zipfile
from xml.etree import ElementTree

import pytest

from conftest import corpus_text
from gxlint.app.cli import main
from test_docx import _as_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _comments(docx: bytes) -> dict[str, tuple[str, str]]:
    """Comment id → (its text, the text of the paragraph it is anchored on)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        comments = ElementTree.fromstring(archive.read("word/comments.xml"))
        document = ElementTree.fromstring(archive.read("word/document.xml"))
        assert b"comments+xml" in archive.read("[Content_Types].xml")
        assert b"comments.xml" in archive.read("word/_rels/document.xml.rels")
    texts = {
        c.get(f"{W}id"): "\n".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in c)
        for c in comments.iter(f"{W}comment")
    }
    anchored = {}
    for paragraph in document.iter(f"{W}p"):
        starts = [m.get(f"{W}id") for m in paragraph.iter(f"{W}commentRangeStart")]
        ends = {m.get(f"{W}id") for m in paragraph.iter(f"{W}commentRangeEnd")}
        refs = {m.get(f"{W}id") for m in paragraph.iter(f"{W}commentReference")}
        assert set(starts) == ends == refs  # each range closed and referenced in its paragraph
        text = "".join(t.text or "" for t in paragraph.iter(f"{W}t"))
        anchored.update({number: text for number in starts})
    assert set(anchored) == set(texts)
    return {number: (texts[number], anchored[number]) for number in texts}


@pytest.mark.parametrize("name", ["shuyang-fgj-2023", "hongze-2024", "shanghai-stcsm-2024"])
def test_each_finding_is_a_comment_on_its_paragraph_or_cell(tmp_path, capsys, name) -> None:
    text = corpus_text(name)
    draft = tmp_path / "draft.docx"
    draft.write_bytes(_as_docx(text))
    before = draft.read_bytes()
    main(["--format", "json", "--fail-on", "never", str(draft)])
    findings = json.loads(capsys.readouterr().out)
    copy = tmp_path / "批注.docx"
    main(["--format", "json", "--fail-on", "never", "--annotate-docx", str(copy), str(draft)])
    assert f"已写入 {len(findings)} 条批注" in capsys.readouterr().err
    assert draft.read_bytes() == before
    comments = sorted(_comments(copy.read_bytes()).values())
    assert len(comments) == len(findings)
    lines = [line for line in text.split("\n") if line.strip()]
    for finding in findings:
        wanted = f"{finding['code']}：{finding['message']}"
        (anchor,) = {a for c, a in comments if c.split("\n")[0].endswith(wanted)}
        line = _read_line(draft, finding["line"])
        if "\t" in line:  # a table row: the comment is on the cell the finding points at
            cell = line[: finding["column"] - 1].count("\t")
            assert anchor == line.split("\t")[cell] or (anchor in line.split("\t") and not anchor)
        else:
            assert anchor == line
    assert lines  # the report had text to anchor on
    # the copy is still a Word file gxlint reads, with the same findings
    main(["--format", "json", "--fail-on", "never", str(copy)])
    again = json.loads(capsys.readouterr().out)
    assert [(f["code"], f["line"]) for f in again] == [(f["code"], f["line"]) for f in findings]


def _read_line(path, number: int) -> str:
    from gxlint.document.read import read_report

    return read_report(str(path)).split("\n")[number - 1]


def test_never_over_the_original_and_only_for_one_word_file(tmp_path, capsys) -> None:
    draft = tmp_path / "draft.docx"
    draft.write_bytes(_as_docx(corpus_text("hongze-2024")))
    before = draft.read_bytes()
    assert main(["--annotate-docx", str(draft), str(draft)]) == 2
    assert "原文件" in capsys.readouterr().err and draft.read_bytes() == before
    text = tmp_path / "r.txt"
    text.write_text(corpus_text("hongze-2024"), "utf-8")
    assert main(["--annotate-docx", str(tmp_path / "out.docx"), str(text)]) == 2
    assert ".docx" in capsys.readouterr().err and not (tmp_path / "out.docx").exists()


def _word_file(text: str, path) -> None:
    """A report as python-docx writes a Word file (styles, settings, relationships and all)."""
    import docx

    document = docx.Document()
    rows: list[list[str]] = []

    def table() -> None:
        if rows:
            grid = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for i, row in enumerate(rows):
                for j, value in enumerate(row):
                    grid.cell(i, j).text = value
            rows.clear()

    for line in text.split("\n"):
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        table()
        if line.strip():
            document.add_paragraph(line)
    table()
    document.save(str(path))


def test_a_real_word_file_reopens_in_python_docx_with_its_comments(tmp_path, capsys) -> None:
    import docx

    draft, copy = tmp_path / "draft.docx", tmp_path / "copy.docx"
    _word_file(corpus_text("shuyang-fgj-2023"), draft)
    main(["--format", "json", "--fail-on", "never", str(draft)])
    findings = json.loads(capsys.readouterr().out)
    main(["--format", "json", "--fail-on", "never", "--annotate-docx", str(copy), str(draft)])
    comments = list(docx.Document(str(copy)).comments)
    assert [c.author for c in comments] == ["gxlint"] * len(findings)
    chinese = {"error": "错误", "warning": "警告", "info": "提示"}
    assert sorted(c.text.split("\n")[0] for c in comments) == sorted(
        f"{chinese[f['severity']]} {f['code']}：{f['message']}" for f in findings
    )
    anchors = {c: a for c, a in _comments(copy.read_bytes()).values()}
    gx211 = next(c for c in anchors if "GX211" in c)
    assert anchors[gx211] == "规范性文件"  # the table cell the label finding points at


def test_a_copy_that_cannot_be_written_is_one_line_naming_it(tmp_path, capsys) -> None:
    draft = tmp_path / "draft.docx"
    draft.write_bytes(_as_docx(corpus_text("hongze-2024")))
    target = draft / "copy.docx"  # under a file: no folder can be made there
    assert main(["--annotate-docx", str(target), str(draft)]) == 2
    err = capsys.readouterr().err.strip().split("\n")[-1]
    assert str(target) in err and "cannot write" in err


def _docx_parts(document_xml: str, more: dict[str, str] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<Types xmlns="urn:ct"/>')
        archive.writestr("word/document.xml", document_xml)
        for name, data in (more or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _paragraphs(texts: list[str], prefix: str = "w") -> str:
    w = f"{prefix}:" if prefix else ""
    ns = f'xmlns{":" + prefix if prefix else ""}="{W[1:-1]}"'
    body = "".join(f"<{w}p><{w}r><{w}t>{t}</{w}t></{w}r></{w}p>" for t in texts)
    return f"<{w}document {ns}><{w}body>{body}</{w}body></{w}document>"


REPORT = ["某局2023年政府信息公开工作年度报告", "一、总体情况"]


def test_six_thousand_comments_on_one_paragraph_in_one_pass(tmp_path, capsys) -> None:
    """Every comment inserted in one pass over the document (cutting and joining the XML per
    comment took 18 s here, and minutes at a few times the size)."""
    draft, copy = tmp_path / "draft.docx", tmp_path / "copy.docx"
    draft.write_bytes(
        _docx_parts(_paragraphs([*REPORT, "存在问题问题和不足，审核审核不严。" * 3000]))
    )
    main(["--fail-on", "never", "--annotate-docx", str(copy), str(draft)])
    assert "已写入 6010 条批注" in capsys.readouterr().err
    comments = _comments(copy.read_bytes())
    assert len(comments) == 6010
    assert sum("GX519" in c for c, _ in comments.values()) == 6000


@pytest.mark.parametrize("prefix", ["", "ns0"])
def test_marks_are_in_the_word_namespace_whatever_prefix_the_document_uses(
    tmp_path, capsys, prefix
) -> None:
    """A document in a default namespace or another prefix: the marks still carry w:id in
    Word's namespace (LibreOffice showed none when they were unqualified)."""
    draft, copy = tmp_path / "draft.docx", tmp_path / "copy.docx"
    draft.write_bytes(_docx_parts(_paragraphs([*REPORT, "问题问题"], prefix)))
    main(["--fail-on", "never", "--annotate-docx", str(copy), str(draft)])
    comments = _comments(copy.read_bytes())  # parses, and checks ids in W's namespace
    assert any("GX519" in c for c, _ in comments.values())


def test_existing_comments_written_with_another_prefix_are_kept(tmp_path, capsys) -> None:
    theirs = (
        f'<x:comments xmlns:x="{W[1:-1]}"><x:comment x:id="7" x:author="审核人">'
        "<x:p><x:r><x:t>请核对</x:t></x:r></x:p></x:comment></x:comments>"
    )
    draft, copy = tmp_path / "draft.docx", tmp_path / "copy.docx"
    draft.write_bytes(
        _docx_parts(_paragraphs([*REPORT, "问题问题"]), {"word/comments.xml": theirs})
    )
    main(["--fail-on", "never", "--annotate-docx", str(copy), str(draft)])
    with zipfile.ZipFile(copy) as archive:
        part = ElementTree.fromstring(archive.read("word/comments.xml"))
    ids = [c.get(f"{W}id") for c in part.iter(f"{W}comment")]
    assert ids[0] == "7" and len(ids) > 1 and "8" in ids  # theirs kept, ours numbered after


@pytest.mark.parametrize("damage", ["no content types", "bad crc"])
def test_a_damaged_word_file_is_one_line_not_an_internal_error(tmp_path, capsys, damage) -> None:
    draft = tmp_path / "draft.docx"
    data = _docx_parts(_paragraphs([*REPORT, "问题问题"]))
    if damage == "no content types":
        buffer = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(buffer, "w") as new:
            new.writestr("word/document.xml", old.read("word/document.xml"))
        data = buffer.getvalue()
    else:  # one byte of the stored document changed: its CRC no longer matches
        at = data.index(b"<w:body>") + 3
        data = data[:at] + b"X" + data[at + 1 :]
    draft.write_bytes(data)
    code = main(["--annotate-docx", str(tmp_path / "copy.docx"), str(draft)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and "内部错误" not in " ".join(err)
    assert any(str(draft) in line and "Word 文档" in line for line in err)
