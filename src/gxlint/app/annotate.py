"""`--annotate-docx OUT.docx`: a copy of the Word draft with each finding as a Word comment on
the paragraph or table cell it concerns (severity, code, message and help in the comment), for
the drafter who works in Word. The original is never touched; the copy is written atomically.

The document's XML is edited as bytes, not re-serialised: expat gives each paragraph's place in
the file, and the comment marks are inserted there, so everything else Word wrote stays as it
was. The paragraphs are the ones the reader took each line and cell from (`cell_paragraphs`)."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from html import escape
from pathlib import Path
from xml.parsers import expat

from gxlint.atomic import write_output
from gxlint.document.read.docx import cell_paragraphs
from gxlint.errors import GxlintError, tell
from gxlint.findings import Finding

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_COMMENTS = "word/comments.xml"
_RELS = "word/_rels/document.xml.rels"
_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
MAX_COPY = 256 * 1024 * 1024  # every part of the Word file, unpacked (images included)
_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"


def write_annotated(source: str, target: str, findings: list[Finding]) -> None:
    """--annotate-docx: write the copy and say how many comments it holds."""
    count = annotate_docx(source, target, findings)
    tell(target, f"已写入 {count} 条批注 (wrote a copy with {count} comments)")


def annotate_docx(source: str, target: str, findings: list[Finding]) -> int:
    """Write `target`: `source` with `findings` as comments. Returns how many were written."""
    if Path(target).resolve() == Path(source).resolve():
        raise GxlintError(target, "批注副本不能覆盖原文件 (--annotate-docx writes a copy)")
    data = Path(source).read_bytes()
    anchors = _anchors(cell_paragraphs(source, data), findings)
    parts = _parts(source, data)
    # numbered after the comments the draft has (whatever prefix their part uses)
    taken = re.findall(rb':id="(\d+)"', parts.get(_COMMENTS, b""))
    first = 1 + max(map(int, taken), default=0)
    numbered = {first + n: pair for n, pair in enumerate(anchors)}
    parts["word/document.xml"] = _marked(parts["word/document.xml"], numbered)
    parts[_COMMENTS] = _comments(parts.get(_COMMENTS), numbered)
    parts[_RELS] = _relationship(parts.get(_RELS))
    parts["[Content_Types].xml"] = _content_type(parts["[Content_Types].xml"])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name, content in parts.items():
            out.writestr(name, content)
    try:
        write_output(Path(target), buffer.getvalue())
    except OSError as exc:
        raise GxlintError(target, f"无法写入批注副本 (cannot write: {exc.strerror})") from None
    return len(anchors)


def _parts(source: str, data: bytes) -> dict[str, bytes]:
    """Every part of the Word file, or a one-line error: too large, damaged (a bad CRC), or
    without the parts a copy needs."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_COPY:
                raise GxlintError(source, "Word 文档解压后过大，不作批注副本 (document too large)")
            parts = {info.filename: archive.read(info) for info in archive.infolist()}
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError):
        raise GxlintError(source, "Word 文档已损坏，无法写批注副本 (damaged .docx)") from None
    missing = [p for p in ("word/document.xml", "[Content_Types].xml") if p not in parts]
    if missing:
        raise GxlintError(source, f"Word 文档缺少 {missing[0]}，无法写批注副本 (incomplete .docx)")
    return parts


def _anchors(
    lines: list[tuple[tuple[int, int], ...]], findings: list[Finding]
) -> list[tuple[int, Finding]]:
    """Each finding with the paragraph its comment goes on: its line's, or in a table row the
    cell's its column falls in (a cell without a paragraph: the row's first that has one)."""
    anchors = []
    for finding in findings:
        line = finding.span.line
        cells = lines[line - 1] if 1 <= line <= len(lines) else ((1, 0),)
        inside = [p for start, p in cells if start <= finding.span.column][-1:]
        usable = [p for p in inside if p >= 0] or [p for _, p in cells if p >= 0] or [0]
        anchors.append((usable[0], finding))
    return anchors


def _marked(xml: bytes, comments: dict[int, tuple[int, Finding]]) -> bytes:
    """The document's XML with each comment's range and reference in its paragraph."""
    places = _paragraph_places(xml)
    by_paragraph: dict[int, list[int]] = {}
    for number, (paragraph, _) in comments.items():
        by_paragraph.setdefault(min(paragraph, len(places) - 1), []).append(number)
    edits: list[tuple[int, int, bytes]] = []  # at, bytes replaced, new bytes
    for paragraph, numbers in by_paragraph.items():
        prefix, content, closing = places[paragraph]
        # The marks are w: elements; where the paragraph names the namespace otherwise (a
        # default namespace, another prefix), each mark declares w: itself.
        declare = b"" if prefix == b"w" else b' xmlns:w="%s"' % _W.encode()
        starts = b"".join(b'<w:commentRangeStart%s w:id="%d"/>' % (declare, n) for n in numbers)
        reference = (
            b'<w:commentRangeEnd%s w:id="%%d"/><w:r%s><w:commentReference w:id="%%d"/></w:r>'
        )
        ends = b"".join(reference % (declare, declare) % (n, n) for n in numbers)
        if closing < 0:  # <w:p/>: opened up around the marks
            end_tag = b"</" + (prefix + b":" if prefix else b"") + b"p>"
            edits.append((content - 2, 2, b">" + starts + ends + end_tag))
        else:
            edits += [(content, 0, starts), (closing, 0, ends)]
    return _edited(xml, edits)


def _edited(xml: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    """`xml` with each edit (at, bytes replaced, new bytes) made, in one pass: the pieces
    between the edits joined once (cutting and joining the whole document per edit took time
    in the square of the comments)."""
    pieces, last = [], 0
    for at, replaced, piece in sorted(edits, key=lambda e: e[0]):
        pieces += [xml[last:at], piece]
        last = at + replaced
    pieces.append(xml[last:])
    return b"".join(pieces)


def _paragraph_places(xml: bytes) -> list[tuple[bytes, int, int]]:
    """For each w:p in document order: its prefix, where its content starts (after w:pPr) and
    where its end tag is (-1 for an empty <w:p/>, whose content start is after its "/>")."""
    parser = expat.ParserCreate(namespace_separator=" ")
    found: list[list] = []
    stack: list[int] = []

    def start(name: str, _attributes: dict) -> None:
        if name != f"{_W} p":
            return
        at = parser.CurrentByteIndex
        tag_end = xml.index(b">", at) + 1
        raw = xml[at + 1 : tag_end].split()[0].rstrip(b"/>")
        prefix = raw.split(b":")[0] if b":" in raw else b""
        found.append([prefix, tag_end, -1, xml[tag_end - 2 : tag_end] == b"/>"])
        stack.append(len(found) - 1)

    def end(name: str) -> None:
        at = parser.CurrentByteIndex
        if name == f"{_W} p" and stack:
            place = found[stack.pop()]
            place[2] = -1 if place[3] else at
        elif name == f"{_W} pPr" and stack:
            found[stack[-1]][1] = xml.index(b">", at) + 1

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.Parse(xml, True)
    return [(prefix, content, closing) for prefix, content, closing, _ in found]


# The end of an existing comments part, whatever prefix it names the namespace by.
_COMMENTS_END = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?comments>\s*$")


def _comments(existing: bytes | None, comments: dict[int, tuple[int, Finding]]) -> bytes:
    """The comments part: an existing one kept with ours added (each declares w: itself, so
    that a part written with another prefix keeps its own comments), or a new one."""
    body = b"".join(_comment(number, finding) for number, (_, finding) in comments.items())
    end = _COMMENTS_END.search(existing) if existing else None
    if existing and end is not None:
        return existing[: end.start()] + body + existing[end.start() :]
    head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="{_W}">'
    return head.encode() + body + b"</w:comments>"


def _comment(number: int, finding: Finding) -> bytes:
    lines = [f"{finding.severity.chinese} {finding.code}：{finding.message}"]
    if finding.hint:
        lines.append(f"帮助：{finding.hint}")
    paragraphs = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(line, quote=False)}</w:t></w:r></w:p>'
        for line in lines
    )
    head = f'<w:comment xmlns:w="{_W}" w:id="{number}" w:author="gxlint" w:initials="gx">'
    return f"{head}{paragraphs}</w:comment>".encode()


def _relationship(existing: bytes | None) -> bytes:
    if existing and _REL_TYPE.encode() in existing:
        return existing
    rel = f'<Relationship Id="rIdGxlintComments" Type="{_REL_TYPE}" Target="comments.xml"/>'
    if existing and b"</Relationships>" in existing:
        return existing.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
    namespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    return f'<?xml version="1.0"?><Relationships xmlns="{namespace}">{rel}</Relationships>'.encode()


def _content_type(existing: bytes) -> bytes:
    if b"/word/comments.xml" in existing:
        return existing
    override = f'<Override PartName="/word/comments.xml" ContentType="{_CONTENT_TYPE}"/>'.encode()
    if b"</Types>" in existing:
        return existing.replace(b"</Types>", override + b"</Types>")
    return re.sub(
        rb"<Types([^>]*)/>", lambda m: b"<Types" + m[1] + b">" + override + b"</Types>", existing
    )
