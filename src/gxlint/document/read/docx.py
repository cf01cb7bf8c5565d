"""Word documents (.docx) → report text: paragraphs as lines, table rows as tab-separated cells.

A merged cell's text sits in its first cell and the cells it spans are left empty (as in the
corpus texts). Only the standard library is needed: a .docx is a zip of XML.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

from gxlint.errors import GxlintError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MAX_XML = 64 * 1024 * 1024


def docx_text(path: str, data: bytes) -> str:
    """The text of a .docx, or a GxlintError saying why it cannot be read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > _MAX_XML:
                raise GxlintError(path, "Word 文档内容过大 (document too large)")
            root = ElementTree.fromstring(archive.read(info))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, EOFError, OSError):
        raise GxlintError(path, "不是有效的 Word 文档，文件可能已损坏 (corrupt .docx)") from None
    body = root.find(f"{_W}body")
    if body is None:
        raise GxlintError(path, "Word 文档没有正文 (no document body)")
    lines: list[str] = []
    for block in body:
        if block.tag == f"{_W}p":
            lines.extend(_paragraph(block).split("\n"))
        elif block.tag == f"{_W}tbl":
            lines.extend(_table(block))
    return "\n".join(lines) + "\n"


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


def _table(table: ElementTree.Element) -> list[str]:
    rows = []
    for row in table.iter(f"{_W}tr"):
        cells: list[str] = []
        for cell in row.findall(f"{_W}tc"):
            properties = cell.find(f"{_W}tcPr")
            span, continued = 1, False
            if properties is not None:
                grid = properties.find(f"{_W}gridSpan")
                if grid is not None and (grid.get(f"{_W}val") or "1").isdigit():
                    span = int(grid.get(f"{_W}val") or "1")
                merge = properties.find(f"{_W}vMerge")
                continued = merge is not None and merge.get(f"{_W}val") != "restart"
            text = "" if continued else _cell_text(cell)
            cells.extend([text] + [""] * (span - 1))
        rows.append("\t".join(cells))
    return rows


def _cell_text(cell: ElementTree.Element) -> str:
    """A cell's paragraphs joined: a label Word wrapped is one label (商业 / 企业 → 商业企业)."""
    text = "".join(_paragraph(p, breaks="") for p in cell.findall(f"{_W}p"))
    return " ".join(text.replace("\t", " ").split()) if text.strip() else ""
