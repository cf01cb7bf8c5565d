"""Word documents (.docx) → report text: paragraphs as lines, table rows as tab-separated cells.

A merged cell's text sits in its first cell and the cells it spans are left empty (as in the
corpus texts); paragraphs inside content controls (w:sdt) are read like any other. Only the
standard library is needed: a .docx is a zip of XML. Nothing read from the file is trusted: the
XML read is bounded (a report's text is at most MAX_TEXT characters, its XML at most MAX_XML
bytes), and so is every number in it (gridSpan at most the table's grid).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from xml.etree import ElementTree

from gxlint.document.read.docx_numbering import Numbering
from gxlint.errors import GxlintError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_XML = 32 * 1024 * 1024  # document.xml of a 50-page report is under 2 MB
MAX_TEXT = 4 * 1024 * 1024  # the same cap as a text report
# Elements in document.xml (counted by its "<" before it is parsed): a 50-page report has some
# 100,000; millions (32 MiB of empty paragraphs) would take gigabytes as a tree.
MAX_ELEMENTS = 1_000_000
MAX_COLUMNS = 64  # the widest table of the format has 16 columns
_SPAN = re.compile(r"^[0-9]{1,3}$")
_CORRUPT = "不是有效的 Word 文档，文件可能已损坏 (corrupt .docx)"


def docx_text(path: str, data: bytes) -> tuple[str, tuple[str, ...]]:
    """The text of a .docx and, for each of its lines, where it is in the document (第 N 段,
    表 N 第 r 行), or a GxlintError saying why it cannot be read."""
    root, numbering_xml = _parts(path, data)
    try:
        numbering = Numbering(numbering_xml)
    except ElementTree.ParseError:
        raise GxlintError(path, _CORRUPT) from None
    body = root.find(f"{_W}body")
    if body is None:
        raise GxlintError(path, "Word 文档没有正文 (no document body)")
    lines: list[str] = []
    places: list[str] = []
    counts = {"p": 0, "tbl": 0}
    size = 0
    for block in _blocks(body):
        new, where = _block(block, counts, numbering)
        size += sum(len(line) + 1 for line in new)
        if size > MAX_TEXT:
            raise GxlintError(path, "Word 文档内容过大 (document text over 4 MiB)")
        lines += new
        places += where
    return "\n".join(lines) + "\n", tuple(places)


def _block(
    block: ElementTree.Element, counts: dict[str, int], numbering: Numbering
) -> tuple[list[str], list[str]]:
    """A paragraph's lines (with the number Word shows before it) or a table's rows, and where
    each is in the document."""
    if block.tag == f"{_W}p":
        counts["p"] += 1
        lines = (numbering.label(block) + _paragraph(block)).split("\n")
        return lines, [f"Word 第 {counts['p']} 段 (paragraph {counts['p']})"] * len(lines)
    counts["tbl"] += 1
    rows = _table(block)
    table = counts["tbl"]
    return rows, [
        f"Word 表 {table} 第 {r} 行 (table {table} row {r})" for r in range(1, len(rows) + 1)
    ]


def _parts(path: str, data: bytes) -> tuple[ElementTree.Element, bytes | None]:
    """The document's XML, parsed, and its numbering definitions' XML, if it has them."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            document = _read(path, archive, "word/document.xml")
            names = set(archive.namelist())
            numbering = (
                _read(path, archive, "word/numbering.xml")
                if "word/numbering.xml" in names
                else None
            )
    except GxlintError:
        raise
    except (zipfile.BadZipFile, KeyError, EOFError, OSError, zlib.error, ValueError):
        raise GxlintError(path, _CORRUPT) from None
    except (RuntimeError, NotImplementedError):  # encrypted, or an unknown compression
        raise GxlintError(path, "Word 文档已加密或压缩方式不受支持 (cannot decompress)") from None
    if document.count(b"<") > MAX_ELEMENTS:
        raise GxlintError(path, "Word 文档的元素过多 (document XML of over a million elements)")
    try:
        return ElementTree.fromstring(document), numbering
    except ElementTree.ParseError:
        raise GxlintError(path, _CORRUPT) from None


def _read(path: str, archive: zipfile.ZipFile, name: str) -> bytes:
    """A part of the archive, bounded, refusing encryption and XML entity declarations."""
    info = archive.getinfo(name)
    if info.flag_bits & 0x1:
        raise GxlintError(path, "Word 文档已加密，无法读取 (encrypted .docx)")
    if info.file_size > MAX_XML:
        raise GxlintError(path, "Word 文档内容过大 (document too large)")
    with archive.open(info) as handle:
        xml = handle.read(MAX_XML + 1)  # the header's size may lie
    if len(xml) > MAX_XML:
        raise GxlintError(path, "Word 文档内容过大 (document too large)")
    if b"<!DOCTYPE" in xml[:4096] or b"<!ENTITY" in xml:
        raise GxlintError(path, "Word 文档含有 XML 实体声明，拒绝读取 (XML entities refused)")
    return xml


def _blocks(body: ElementTree.Element) -> list[ElementTree.Element]:
    """The body's paragraphs and tables in order, those inside content controls included."""
    blocks: list[ElementTree.Element] = []
    for block in body:
        if block.tag == f"{_W}sdt":
            content = block.find(f"{_W}sdtContent")
            blocks += _blocks(content) if content is not None else []
        elif block.tag in (f"{_W}p", f"{_W}tbl"):
            blocks.append(block)
    return blocks


def _paragraph(paragraph: ElementTree.Element, breaks: str = "\n") -> str:
    parts: list[str] = []
    for node in paragraph.iter():
        if node.tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif node.tag == f"{_W}tab":
            parts.append(" ")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            parts.append(breaks)
    return "".join(parts)


def cell_paragraphs(path: str, data: bytes) -> list[tuple[tuple[int, int], ...]]:
    """For each line of `docx_text`'s text, where each of its cells starts and the paragraph it
    comes from: (column, paragraph), columns 1-based, paragraphs numbered in the order of all the
    document's w:p elements (-1: a cell with none). A paragraph's line is one such cell."""
    root, _ = _parts(path, data)
    order = {id(p): n for n, p in enumerate(root.iter(f"{_W}p"))}
    body = root.find(f"{_W}body")
    found: list[tuple[tuple[int, int], ...]] = []
    for block in _blocks(body) if body is not None else []:
        if block.tag == f"{_W}p":
            found += [((1, order[id(block)]),)] * len(_paragraph(block).split("\n"))
            continue
        width = _width(block)
        for row in block.iter(f"{_W}tr"):
            cells, column = [], 1
            for text, first in _row(row, width):
                cells.append((column, order[id(first)] if first is not None else -1))
                column += len(text) + 1
            found.append(tuple(cells))
    return found


def _width(table: ElementTree.Element) -> int:
    grid = table.find(f"{_W}tblGrid")
    width = len(grid.findall(f"{_W}gridCol")) if grid is not None else 0
    return min(width or MAX_COLUMNS, MAX_COLUMNS)


def _table(table: ElementTree.Element) -> list[str]:
    width = _width(table)
    return ["\t".join(text for text, _ in _row(row, width)) for row in table.iter(f"{_W}tr")]


def _row(row: ElementTree.Element, width: int) -> list[tuple[str, ElementTree.Element | None]]:
    """A row's cells, one per grid column, each with its first paragraph: a merged cell's text
    in its first column, the columns it spans empty (at most `width` columns in all)."""
    cells: list[tuple[str, ElementTree.Element | None]] = []
    for cell in row.findall(f"{_W}tc"):
        span, continued = _merge(cell)
        first = next(cell.iter(f"{_W}p"), None)
        room = max(0, width - len(cells) - 1)
        cells += [("" if continued else _cell_text(cell), first)]
        cells += [("", first)] * min(span - 1, room)
    return cells


def _merge(cell: ElementTree.Element) -> tuple[int, bool]:
    """How many grid columns a cell spans, and whether it continues a vertical merge."""
    properties = cell.find(f"{_W}tcPr")
    if properties is None:
        return 1, False
    grid = properties.find(f"{_W}gridSpan")
    value = grid.get(f"{_W}val") or "1" if grid is not None else "1"
    span = int(value) if _SPAN.match(value) else 1
    merge = properties.find(f"{_W}vMerge")
    continued = merge is not None and merge.get(f"{_W}val") != "restart"
    return max(1, span), continued


def _cell_text(cell: ElementTree.Element) -> str:
    """A cell's paragraphs joined: a label Word wrapped is one label (商业 / 企业 → 商业企业)."""
    paragraphs = cell.iter(f"{_W}p")
    text = "".join(_paragraph(p, breaks="") for p in paragraphs)
    return " ".join(text.replace("\t", " ").split()) if text.strip() else ""
