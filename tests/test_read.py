"""bytes → text: encodings, line ends, and a one-line error for what is not a report."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from gxlint.app.files import expand_paths
from gxlint.document.read import MAX_BYTES, read_report
from gxlint.errors import GxlintError

TEXT = "许昌市司法局 2023 年政府信息公开工作年度报告\n一、总体情况\n全年收到申请 3 件。"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("gb18030"),
        TEXT.encode("gbk"),
        TEXT.replace("\n", "\r\n").encode("utf-8"),
        TEXT.replace("\n", "\r").encode("gbk"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "gb18030", "gbk", "crlf", "cr-gbk"],
)
def test_encodings_and_line_ends(tmp_path, data) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(data)
    assert read_report(str(path)) == TEXT + "\n"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "文件为空"),
        (b" \n\n", "文件为空"),
        (b"PK\x03\x04\x00\x00binary", "NUL"),
        (bytes(c for c in range(1, 32) if c not in (9, 10, 13)) * 20, "不是可读的文本"),
        (b"abc" + b"\xff" * 30, "无法识别编码"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "utf-16-le"),
    ],
    ids=["empty", "blank", "nul", "control-chars", "undecodable", "broken-utf16"],
)
def test_bad_input_is_one_clear_error(tmp_path, data, problem) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(GxlintError) as exc:
        read_report(str(path))
    assert exc.value.where == str(path)
    assert problem in exc.value.problem
    assert "\n" not in str(exc.value)


def test_missing_file_and_directory(tmp_path) -> None:
    with pytest.raises(GxlintError, match="文件不存在"):
        read_report(str(tmp_path / "nope.txt"))
    with pytest.raises(GxlintError, match="是目录"):
        read_report(str(tmp_path))


def test_huge_file(tmp_path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * (MAX_BYTES + 1))
    with pytest.raises(GxlintError, match="文件过大"):
        read_report(str(path))


def test_expand_paths_recurses_into_every_input_kind_in_any_case(tmp_path) -> None:
    (tmp_path / "sub").mkdir()
    names = ("a.txt", "B.PDF", "d.yaml", "e.htm", "sub/b.md", "sub/c.DOCX", "sub/f.html", "x.doc")
    for name in names:
        (tmp_path / name).write_text("x")
    wanted = ("a.txt", "B.PDF", "e.htm", "sub/b.md", "sub/c.DOCX", "sub/f.html")
    found = sorted(str(tmp_path / n) for n in wanted)
    assert sorted(expand_paths([str(tmp_path)])) == found
    assert list(expand_paths([str(tmp_path)], exclude=("sub/*",))) == sorted(
        str(tmp_path / n) for n in ("a.txt", "B.PDF", "e.htm")
    )
    assert list(expand_paths(["-", "x.txt"])) == ["-", "x.txt"]


def test_a_folder_is_walked_as_pathlib_walks_it(tmp_path, monkeypatch) -> None:
    # Files are named and ordered as Path(folder).rglob("*") sorted names and orders them (by
    # parts: a/b before a-b), a link to a file is read and a link to a folder is not entered.
    for name in ("a/b/x.txt", "a/y.TXT", "a-b/z.txt", ".hid/h.txt", "dir.txt/in.txt", "t.docx"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    (tmp_path / "linked").mkdir()
    (tmp_path / "linked" / "l.txt").write_text("y")
    (tmp_path / "a" / "to-linked").symlink_to(tmp_path / "linked")
    (tmp_path / "link.txt").symlink_to(tmp_path / "linked" / "l.txt")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nothing")
    monkeypatch.chdir(tmp_path)
    for given in (".", "./a", "a/", str(tmp_path)):
        by_pathlib = [str(f) for f in sorted(Path(given).rglob("*")) if f.is_file()]
        once: dict[int, str] = {}  # link.txt and linked/l.txt are one file: checked once
        for name in by_pathlib:
            if name.lower().endswith((".txt", ".docx")):
                once.setdefault(os.stat(name).st_ino, name)
        assert list(expand_paths([given])) == list(once.values())
    assert list(expand_paths(["."])) == [
        ".hid/h.txt",
        "a/b/x.txt",
        "a/y.TXT",
        "a-b/z.txt",
        "dir.txt/in.txt",
        "link.txt",
        "t.docx",
    ]


@pytest.mark.parametrize(
    "raw", ["a\nb\n", "a\nb", "a\r\nb\rc\n", "a\n\nb\n", "a\r\n\r\nb", "一\n二\r\n"]
)
def test_each_lines_own_ending_is_kept(raw) -> None:
    """With and without carriage returns (the text without one is taken as it is), the text
    has "\n" line ends and the endings are each line's own, in order."""
    import re

    from gxlint.document.read.decode import decode_report

    source = decode_report("r.txt", raw.encode("utf-8"))
    parts = re.split(r"(\r\n|\r|\n)", raw)
    assert source.endings == tuple(parts[1::2])
    assert source.text.rstrip("\n") == "\n".join(parts[0::2]).rstrip("\n")
    assert source.encode(source.text) == raw.encode("utf-8")


@pytest.mark.parametrize("told", [0, 5])
def test_a_file_longer_than_its_size_said_is_read_whole(tmp_path, monkeypatch, told) -> None:
    """A file is read by its size (not by the 4 MiB limit): one that grew since its size was
    read (or a file whose size the system gives as 0) is read on to its end, up to the limit."""
    import os
    import stat as stats

    from gxlint.document import read

    path = tmp_path / "r.txt"
    path.write_text("一、总体情况\n本年新收申请 3 件。\n", "utf-8")
    real = os.stat(path)

    class Shrunk:
        st_mode = stats.S_IFREG | 0o644
        st_size = told

    monkeypatch.setattr(read.os, "stat", lambda p, **_: Shrunk() if str(p) == str(path) else real)
    assert read_report(str(path)) == "一、总体情况\n本年新收申请 3 件。\n"
    path.write_bytes(b"a" * (MAX_BYTES + 1))
    with pytest.raises(GxlintError, match="文件过大"):
        read_report(str(path))


def _blank_pdf() -> bytes:
    """A one-page PDF with no text layer, as a scanner's image-only page reads."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 4\n0000000000 65535 f \n"
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref


@pytest.mark.parametrize(
    ("name", "data", "help_says"),
    [
        ("missing.txt", None, "检查文件名和路径是否写对"),
        ("old.doc", b"\xd0\xcf\x11\xe0 old word", "「另存为」.docx"),
        ("draft.wps", b"\xd0\xcf\x11\xe0 wps", "「另存为」.docx"),
        ("scan.pdf", _blank_pdf(), "没有文字层：请向起草部门要 Word 原稿，或先做文字识别（OCR）"),
        ("garbled.txt", b"abc" + b"\xff" * 30, "另存为 UTF-8 编码"),
    ],
)
def test_an_unreadable_file_gets_the_help_for_its_cause(tmp_path, capsys, name, data, help_says):
    import json

    from gxlint.app.cli import main

    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    assert main(["--format", "json", str(path)]) == 2
    (finding,) = json.loads(capsys.readouterr().out)
    assert finding["code"] == "GX902" and help_says in finding["hint"]
