"""Reading reports: bytes from a file or stdin → normalised text. One module per input format,
imported when a report of its format is read (a text report needs no XML or HTML parser)."""

from __future__ import annotations

import os
import re
import stat
import sys

from gxlint.document.read.decode import Source, decode_report, digest
from gxlint.document.read.url import fetch, is_url
from gxlint.errors import MISSING, WORD97, GxlintError

MAX_BYTES = 4 * 1024 * 1024  # real reports are 5–50 KB; a bigger file is not a report
INPUT_SUFFIXES = (".txt", ".md", ".docx", ".htm", ".html", ".pdf")  # what folders are searched for


def read_report(path: str) -> str:
    """Read a report (`-` is stdin) and return its text with `\\n` line ends and a final newline."""
    return read_source(path).text


def read_source(path: str) -> Source:
    """Read a report, keeping what is needed to write it back in its own encoding and line ends."""
    if is_url(path):
        return _from_url(path)
    data = _stdin() if path == "-" else _file(path)
    if len(data) > MAX_BYTES:
        raise GxlintError(path, f"文件过大，超过 {MAX_BYTES // (1024 * 1024)} MiB (file too large)")
    return _by_suffix(path, data, os.path.splitext(path)[1].lower())


def _by_suffix(path: str, data: bytes, suffix: str, charset: str | None = None) -> Source:
    """The report in `data`, read as what `suffix` says it is."""
    if suffix == ".docx":
        from gxlint.document.read.docx import docx_text

        text, places = docx_text(path, data)
        return Source(text, editable=False, digest=digest(data), places=places)
    if suffix in (".htm", ".html"):
        return _page(path, data, charset)
    if suffix == ".pdf":
        from gxlint.document.read.pdf import pdf_text

        text, places = pdf_text(path, data)
        return Source(text, editable=False, digest=digest(data), places=places)
    if suffix in (".doc", ".wps"):
        raise GxlintError(path, f"不支持 {suffix} 文件，请在 Word 或 WPS 中另存为 .docx", WORD97)
    return decode_report(path, data)


def _from_url(url: str) -> Source:
    fetched = fetch(url, MAX_BYTES)
    return _by_suffix(url, fetched.data, fetched.suffix, fetched.charset)


def _page(path: str, data: bytes, charset: str | None = None) -> Source:
    from gxlint.document.read.html import decode_html, html_text

    report, lines = html_text(path, decode_html(path, data, charset))
    places = tuple(_HTML_PLACE.format(n=n) for n in lines)
    return Source(report, editable=False, digest=digest(data), places=places)


def _stdin() -> bytes:
    if sys.stdin is None:
        raise GxlintError("<stdin>", "标准输入已关闭 (standard input is closed)")
    try:
        return sys.stdin.buffer.read(MAX_BYTES + 1)
    except (OSError, ValueError) as exc:
        raise GxlintError("<stdin>", f"无法读取标准输入 (cannot read: {exc})") from None


def _file(path: str) -> bytes:
    """A regular file's bytes (a FIFO or a device would block or never end: refused)."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise GxlintError(path, "是目录，不是文件 (is a directory)")
        if not stat.S_ISREG(info.st_mode):
            raise GxlintError(path, "不是普通文件 (not a regular file: a pipe or a device)")
        with open(path, "rb") as handle:
            # Sized by the file (asking for the limit allocates it, 4 MiB, for every report);
            # a file that grew since its size was read is read on, as far as the limit.
            data = handle.read(min(info.st_size, MAX_BYTES) + 1)
            if len(data) > info.st_size:
                data += handle.read(MAX_BYTES + 1 - len(data))
            return data
    except FileNotFoundError:
        raise GxlintError(path, "文件不存在 (no such file)", MISSING) from None
    except OSError as exc:
        raise GxlintError(path, f"无法读取 (cannot read: {exc.strerror})") from None


_HTML_PLACE = "网页第 {n} 行 (HTML line {n})"
_HTML_LINE = re.compile(r"^网页第 (\d+) 行")


def html_line(place: str) -> int | None:
    """The page's own line of a place in a web page (None for a Word file or a PDF, whose
    places are paragraphs, table rows and pages: they have no lines)."""
    match = _HTML_LINE.match(place)
    return int(match.group(1)) if match else None


def place(source: Source, line: int, column: int) -> str | None:
    """Where text line `line`, column `column` is in the input (None for a text file): a Word
    table row's place names the cell too (表 3 第 5 行第 2 列)."""
    if not 1 <= line <= len(source.places):
        return None
    where = source.places[line - 1]
    if where.startswith("Word 表"):
        text = source.text.split("\n", line)[line - 1] if line else ""
        return f"{where}第 {text[: max(0, column - 1)].count(chr(9)) + 1} 列"
    return where
