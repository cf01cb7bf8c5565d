"""Web pages (.htm, .html) → report text, with the stdlib's html.parser: lenient with the broken
markup real sites publish, no dependency to install, and fast enough for pages of 200 KB.

Paragraphs become lines; tables become rows of tab-separated cells, `rowspan`/`colspan` expanded
into the grid as the text corpus writes merged cells (text in the first cell, the rest empty); a
cell's paragraphs and line breaks are joined (结/果/维/持 → 结果维持). Scripts, styles and comments
(Word's leaked <!--[if !supportLists]-->) are dropped. The report is the deepest element that
holds its section headings, from the title just before it to the signature; the site's
navigation and footer are not the report. Each line remembers its source line in the page.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from gxlint.errors import GxlintError
from gxlint.records import field, record

_SKIP = {"script", "style", "noscript", "template", "svg", "select", "button", "iframe", "head"}
_BLOCK = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section", "article", "blockquote",
    "dt", "dd", "ul", "ol", "table", "caption", "center", "header", "footer", "nav", "aside",
    "form", "main", "pre", "hr", "title",
}  # fmt: skip
_VOID = {"br", "img", "hr", "meta", "link", "input", "col", "wbr", "area", "base", "source"}
MAX_SPAN = 64  # colspan/rowspan: the widest table of the format has 17 columns
MAX_ROW_CELLS = 256  # a row's grid, spans expanded: more is no table row (as in a text report)
MAX_DEPTH = 256  # open elements: deeper nesting is read as if flat (30,000 unclosed <div>)
# Start tags that close an open <p> (HTML's rule: a paragraph ends where a block begins), so
# that 30,000 unclosed <p> are 30,000 paragraphs, not 30,000 levels.
_CLOSES_P = _BLOCK - {"title"} | {"dl", "fieldset", "figure", "hgroup", "menu"}
_SPACE = re.compile(r"[\s\u3000\xa0]+")
_HEADING = re.compile(r"^\s*[一二三四五六七八九十]{1,2}\s*[、．.]")
_TITLE = re.compile(r"(?:19|20)\d{2}.{0,40}?(?:年度报告|年报)")
_FOOTER = re.compile(r"版权所有|主办单位|网站标识码|ICP备|技术支持|网站地图|联系我们|承办单位")


@record
class Block:
    """A block of a web page's text."""

    text: str
    line: int  # source line of the element in the page
    path: tuple[int, ...]  # the elements it is inside, outermost first


@record
class _Cell:
    """A table cell of a web page, as it is read."""

    parts: list[str] = field(default_factory=list)
    colspan: int = 1
    rowspan: int = 1


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.stack: list[tuple[str, int]] = []  # open elements: tag, serial
        self.serial = 0
        self.skipping = 0
        self.text: list[str] = []
        self.text_line = 0
        self.tables: list[_Table] = []

    # elements
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        if self.skipping or tag in _VOID:
            if tag == "br" and not self.skipping:
                self._break()
            return
        if tag == "table":
            self._flush()
            self.tables.append(_Table())
        elif self.tables and tag == "tr":
            self.tables[-1].start_row(self.getpos()[0])
        elif self.tables and tag in ("td", "th"):
            self.tables[-1].start_cell(dict(attrs))
        elif tag in _BLOCK:
            self._flush()
        if tag in _CLOSES_P:
            self._close_paragraph()
        if len(self.stack) < MAX_DEPTH:
            self.serial += 1
            self.stack.append((tag, self.serial))

    def _close_paragraph(self) -> None:
        """Close an open <p> (and what was left open inside it), not across a table's cell."""
        for depth in range(len(self.stack) - 1, -1, -1):
            open_tag = self.stack[depth][0]
            if open_tag == "p":
                del self.stack[depth:]
                return
            if open_tag in ("td", "th", "table", "body", "html"):
                return

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
            return
        if self.skipping or tag in _VOID:
            return
        if tag == "table" and self.tables:
            table = self.tables.pop()
            path = self._path()
            self.blocks += [Block(row, line, path) for row, line in table.rows()]
        elif self.tables and tag in ("td", "th", "tr"):
            self.tables[-1].end(tag)
        elif tag in _BLOCK:
            self._flush()
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.tables and self.tables[-1].in_cell:
            self.tables[-1].text(data)
            return
        if not self.text:
            self.text_line = self.getpos()[0]
        self.text.append(data)

    def _break(self) -> None:
        if self.tables and self.tables[-1].in_cell:
            return  # a line break inside a cell: the label goes on
        self._flush()

    def _flush(self) -> None:
        text = _SPACE.sub(" ", "".join(self.text)).strip()
        self.text = []
        if text:
            self.blocks.append(Block(text, self.text_line, self._path()))

    def _path(self) -> tuple[int, ...]:
        return tuple(serial for _, serial in self.stack)

    def close(self) -> None:
        super().close()
        self._flush()


class _Table:
    """Rows of cells as they come, then the grid with rowspan/colspan expanded."""

    def __init__(self) -> None:
        self.raw: list[tuple[int, list[_Cell]]] = []
        self.in_cell = False

    def start_row(self, line: int) -> None:
        self.raw.append((line, []))
        self.in_cell = False

    def start_cell(self, attrs: dict[str, str | None]) -> None:
        if not self.raw:
            self.start_row(0)
        self.raw[-1][1].append(
            _Cell(colspan=_span(attrs.get("colspan")), rowspan=_span(attrs.get("rowspan")))
        )
        self.in_cell = True

    def text(self, data: str) -> None:
        self.raw[-1][1][-1].parts.append(data)

    def end(self, tag: str) -> None:
        self.in_cell = False

    def rows(self) -> list[tuple[str, int]]:
        below: dict[int, int] = {}  # column → rows a rowspan above still covers
        out = []
        for line, cells in self.raw:
            grid: list[str] = []
            for cell in cells:
                while below.get(len(grid), 0) > 0:
                    below[len(grid)] -= 1
                    grid.append("")
                if len(grid) >= MAX_ROW_CELLS:
                    break
                for offset in range(cell.colspan):
                    if cell.rowspan > 1:
                        below[len(grid)] = cell.rowspan - 1
                    grid.append(_cell_text(cell) if offset == 0 else "")
            while below.get(len(grid), 0) > 0:
                below[len(grid)] -= 1
                grid.append("")
            if any(grid):
                out.append(("\t".join(grid), line))
        return out


def _span(value: str | None) -> int:
    return min(int(value), MAX_SPAN) if value and value.strip().isdigit() and int(value) > 0 else 1


def _cell_text(cell: _Cell) -> str:
    return _SPACE.sub("", "".join(cell.parts)) if cell.parts else ""


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.I)


def decode_html(path: str, data: bytes, declared: str | None = None) -> str:
    """A page's text: its charset from the BOM, then `declared` (the HTTP header), then its
    <meta>; UTF-8 if none says; GB18030 for GBK and GB2312 (its superset)."""
    import codecs

    if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise GxlintError(path, "含有 NUL 字节，是二进制文件 (binary file: NUL bytes)")
    boms = (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    )
    for bom, encoding in boms:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    meta = _CHARSET.search(data[:8192])
    name = (declared or (meta.group(1).decode("ascii") if meta else "utf-8")).lower()
    if name in ("gbk", "gb2312", "gb_2312-80", "x-gbk"):
        name = "gb18030"
    try:
        if not codecs.lookup(name)._is_text_encoding:  # charset=base64, rot13: no text codec
            raise LookupError(name)
        return data.decode(name)
    except (LookupError, UnicodeError, ValueError):  # charset=undefined raises UnicodeError
        for fallback in ("utf-8", "gb18030"):
            try:
                return data.decode(fallback)
            except UnicodeDecodeError:
                continue
    raise GxlintError(path, "网页编码无法识别 (cannot decode the page)")


def html_text(path: str, text: str) -> tuple[str, tuple[int, ...]]:
    """The report text of a page, and for each of its lines the page's source line."""
    parser = _Extractor()
    parser.feed(text)
    parser.close()
    blocks = _report(parser.blocks)
    if not blocks:
        raise GxlintError(path, "网页中没有找到年度报告的正文 (no report in this page)")
    lines = [b.text for b in blocks]
    return "\n".join(lines) + "\n", tuple(b.line for b in blocks)


def _report(blocks: list[Block]) -> list[Block]:
    """The blocks of the report: inside the deepest element holding its first and last section
    headings, from the title before them to the signature; nothing of the site around it."""
    headings = [i for i, b in enumerate(blocks) if _HEADING.match(b.text) and "\t" not in b.text]
    if not headings:
        return []
    first, last = blocks[headings[0]], blocks[headings[-1]]
    common = _common(first.path, last.path)
    inside = [i for i, b in enumerate(blocks) if b.path[: len(common)] == common]
    start = inside[0] if inside else headings[0]
    body = [blocks[i] for i in inside if i >= start]
    title = next((b for b in reversed(blocks[:start]) if _TITLE.search(b.text)), None)
    if title is not None and not _TITLE.search(body[0].text):
        body.insert(0, title)
    after = max(i for i, b in enumerate(body) if b is last or _HEADING.match(b.text))
    end = next(
        (
            i
            for i, b in enumerate(body)
            if i > after and len(b.text) < 80 and _FOOTER.search(b.text)
        ),
        len(body),
    )
    return body[:end]


def _common(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
    common = []
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common.append(x)
    return tuple(common)
