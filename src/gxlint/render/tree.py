"""`gxlint parse`: the document model as a Rich tree (like `sqlfluff parse`)."""

from __future__ import annotations

from rich.markup import escape
from rich.tree import Tree

from gxlint.context import Context
from gxlint.model import Document, Line, LineKind, Token, TokenKind
from gxlint.packs import Pack

_SHOWN = 60


def _short(text: str) -> str:
    text = text.strip()
    return escape(text if len(text) <= _SHOWN else text[:_SHOWN] + "…")


def _tokens(tokens: list[Token]) -> str:
    shown = [
        f"[magenta]{t.kind.value}[/]={escape(t.text.strip())}"
        for t in tokens
        if t.kind is not TokenKind.TEXT
    ]
    return ("  " + " ".join(shown)) if shown else ""


def _line(line: Line) -> str:
    where = f"[dim]{line.lineno}:{line.span.column}[/]"
    if line.kind is LineKind.ROW:
        cells = " │ ".join(escape(c.text) or "·" for c in line.cells)
        return f"{where} [green]row[/] {cells}"
    number = f"[bold]{escape(line.number)}[/] " if line.number else ""
    return f"{where} [cyan]{line.kind.value}[/] {number}{_short(line.text)}{_tokens(line.tokens)}"


def document_tree(doc: Document, pack: Pack) -> Tree:
    root = Tree(f"[bold]document[/] {escape(doc.path)}  [dim](pack {pack.name})[/]")
    title = root.add("[bold]title[/]")
    for line in doc.title:
        title.add(_line(line))
    if doc.preamble:
        preamble = root.add("[bold]preamble[/]")
        for line in doc.preamble:
            preamble.add(_line(line))
    placements = {id(p.section): p for p in Context(doc, pack).placements}
    for section in doc.sections:
        placed = placements[id(section)]
        key = f" → {placed.spec.key} ({placed.fit})" if placed.spec else " → (不在模板中)"
        node = root.add(f"[bold]section {escape(section.number)}[/] {escape(section.title)}{key}")
        for line in section.lines:
            if line.kind is not LineKind.BLANK:
                node.add(_line(line))
    return root
