"""PDF reports → text, through the optional extra `gxlint[pdf]` (pdfplumber: pure Python on
pdfminer.six, well kept, and it finds tables from the ruling lines and cell boxes that these
reports are printed with). Tables become rows of tab-separated cells (a merged cell's text in
its first cell, the rest empty; a label wrapped inside a cell joined); the text around them
becomes lines, in reading order; page numbers (prose folding drops them) and running headers
repeated on every page are dropped. Each line remembers its page.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from typing import Any

from gxlint.document.read.isolated import run_isolated
from gxlint.errors import SCANNED, GxlintError

INSTALL = "pip install 'gxlint[pdf]'"
MAX_PAGES = 200  # a report has 5 to 30
_PAGE_NUMBER = re.compile(r"^\s*[-—–]?\s*\d{1,3}\s*[-—–]?\s*$|^第\s*\d+\s*页")


def pdf_text(path: str, data: bytes) -> tuple[str, tuple[str, ...]]:
    """The text of a PDF and, for each of its lines, its page; or a one-line GxlintError."""
    try:
        import pdfplumber
    except ImportError:
        raise GxlintError(
            path, f"读取 PDF 需要安装扩展：{INSTALL} (PDF support not installed)"
        ) from None
    pages = run_isolated(path, lambda: _pages(path, data, pdfplumber))
    running = _running_headers(pages)
    lines: list[str] = []
    places: list[str] = []
    for number, page in enumerate(pages, start=1):
        for line in page:
            if line not in running and not _PAGE_NUMBER.match(line):
                lines.append(line)
                places.append(f"PDF 第 {number} 页 (page {number})")
    if not lines:
        raise GxlintError(path, "PDF 中没有文字，可能是扫描件 (no text: a scanned PDF?)", SCANNED)
    return "\n".join(lines) + "\n", tuple(places)


def _pages(path: str, data: bytes, pdfplumber: Any) -> list[list[str]]:
    """Each page's lines (in a child process with limits: read/isolated.py)."""
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise GxlintError(path, f"PDF 超过 {MAX_PAGES} 页 (too many pages)")
            return [_page(page) for page in pdf.pages]
    except (GxlintError, MemoryError):
        raise
    except Exception as exc:  # pdfminer raises many kinds for a broken file
        if _caused_by(exc, "MemoryError"):
            raise MemoryError from None
        if _caused_by(exc, "PDFPasswordIncorrect"):
            raise GxlintError(path, "PDF 已加密，无法读取 (encrypted PDF)") from None
        raise GxlintError(
            path, f"无法读取 PDF，文件可能已损坏 (cannot read the PDF: {type(exc).__name__})"
        ) from None


def _caused_by(exc: BaseException | None, name: str) -> bool:
    """Whether `exc` or one it was raised from is of the class `name` (pdfplumber wraps what
    pdfminer raises; pdfminer's classes are named, pdfminer being optional)."""
    for _ in range(16):
        if exc is None:
            return False
        if any(k.__name__ == name for k in type(exc).__mro__):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def _page(page: Any) -> list[str]:
    """A page's lines in reading order: its tables' rows, and the text lines outside them."""
    page = page.dedupe_chars()  # text drawn twice (a bold effect) is read once
    tables = [t for t in page.find_tables() if _is_table(t.extract())]
    boxes = [t.bbox for t in tables]
    items: list[tuple[float, str]] = []
    for table, box in zip(tables, boxes, strict=True):
        rows = [_row(row) for row in table.extract()]
        items += [(box[1] + i * 0.001, row) for i, row in enumerate(rows) if row.strip()]
    for line in page.extract_text_lines():
        middle = (line["top"] + line["bottom"]) / 2
        inside = any(b[1] <= middle <= b[3] and b[0] <= line["x0"] <= b[2] for b in boxes)
        if not inside and line["text"].strip():
            items.append((line["top"], line["text"].strip()))
    return [text for _, text in sorted(items, key=lambda item: item[0])]


def _is_table(rows: list[list[str | None]]) -> bool:
    """A frame drawn around text (one filled cell a row) is no table: its text is read as text."""
    return any(sum(1 for cell in row if cell and cell.strip()) > 1 for row in rows)


def _row(cells: list[str | None]) -> str:
    """A table row as tab-separated cells; a row of one filled cell (a caption, a heading the
    table's frame runs through) as that text alone."""
    texts = ["".join((cell or "").split()) for cell in cells]
    filled = [t for t in texts if t]
    return filled[0] if len(filled) == 1 and texts[0] else "\t".join(texts)


def _running_headers(pages: list[list[str]]) -> set[str]:
    """Lines that open or close most pages (a running header or footer), when there are 3+."""
    if len(pages) < 3:
        return set()
    edges = Counter(line for page in pages for line in {*page[:1], *page[-1:]})
    return {line for line, count in edges.items() if count >= len(pages) - 1 and len(line) < 40}
