"""`gxlint parse`: the document model as a Rich tree (like `sqlfluff parse`)."""

from __future__ import annotations

from rich.table import Table
from rich.tree import Tree

from gxlint.analysis.context import Context
from gxlint.analysis.tables.model import TableMatch
from gxlint.document.model import Line, LineKind, Section, Token, TokenKind
from gxlint.render.markup import safe

_SHOWN = 60


def _short(text: str) -> str:
    text = text.strip()
    return safe(text if len(text) <= _SHOWN else text[:_SHOWN] + "…")


def _tokens(tokens: list[Token]) -> str:
    shown = [
        f"[magenta]{t.kind.value}[/]={safe(t.text.strip())}"
        for t in tokens
        if t.kind is not TokenKind.TEXT
    ]
    return ("  " + " ".join(shown)) if shown else ""


def _line(line: Line) -> str:
    where = f"[dim]{line.lineno}:{line.span.column}[/]"
    if line.kind is LineKind.ROW:
        cells = " │ ".join(safe(c.text) or "·" for c in line.cells)
        return f"{where} [green]row[/] {cells}"
    number = f"[bold]{safe(line.number)}[/] " if line.number else ""
    return f"{where} [cyan]{line.kind.value}[/] {number}{_short(line.text)}{_tokens(line.tokens)}"


def document_tree(ctx: Context) -> Tree:
    doc, pack, choice = ctx.doc, ctx.pack, ctx.version
    root = Tree(f"[bold]document[/] {safe(doc.path)}")
    version = root.add(f"[bold]format[/] {safe(choice.version)} 年版 → pack {safe(pack.name)}")
    for reason in choice.reasons:
        version.add(f"[dim]{safe(reason)}[/]")
    if choice.outdated and choice.expected is not None:
        version.add(f"[red]报告年度应使用 {safe(choice.expected.basis)}[/]")
    agency = ctx.agency
    root.add(
        f"[bold]agency[/] {safe(agency.name or '?')} → {agency.kind.value}"
        f"（{agency.kind.chinese}）  [dim]{safe(agency.reason)}[/]"
    )
    title = root.add("[bold]title[/]")
    for line in doc.title:
        title.add(_line(line))
    if doc.preamble:
        preamble = root.add("[bold]preamble[/]")
        for line in doc.preamble:
            preamble.add(_line(line))
    placements = {id(p.section): p for p in ctx.placements}
    for section in doc.sections:
        placed = placements[id(section)]
        key = f" → {placed.spec.key} ({placed.fit})" if placed.spec else " → (不在模板中)"
        node = root.add(f"[bold]section {safe(section.number)}[/] {safe(section.title)}{key}")
        _section_lines(node, section)
    return root


def _section_lines(node: Tree, section: Section) -> None:
    """A section's lines under its node; consecutive table rows grouped under a table node."""
    table_node = None
    for line in section.lines:
        if line.kind is LineKind.BLANK:
            continue
        if line.kind is not LineKind.ROW or not line.cells:
            table_node = None
            node.add(_line(line))
            continue
        if table_node is None:
            table_node = node.add("[green]table[/]")
        table_node.add(_line(line))


def table_views(ctx: Context) -> list[Table]:
    """Each recognised template table as a Rich table: rows and columns keyed by template keys."""
    views = []
    for match in ctx.tables.tables.values():
        if match.found:
            views.append(_table_view(match))
    return views


def _table_view(match: TableMatch) -> Table:
    spec = match.spec
    view = Table(title=f"{safe(spec.title)}  [dim]({spec.key})[/]", title_justify="left")
    view.add_column("key", style="magenta", overflow="fold", min_width=8)
    view.add_column("行 (报告原文)", overflow="fold", max_width=24)
    for column in spec.columns:
        view.add_column(
            f"{column.key}\n[dim]{safe(column.name)}[/]", justify="right", overflow="fold"
        )
    for row in spec.rows:
        found = match.rows.get(row.key)
        if found is None:
            if not spec.is_label_only(row):
                view.add_row(row.key, f"[red]缺少 {safe(row.label)}[/]")
            continue
        if found.values is None:
            cells = ["[red]?[/]"] * len(spec.columns)
        else:
            cells = [
                "[dim]空[/]" if v.blank else safe(v.cell.text) if v.value is None else str(v.value)
                for v in found.values
            ]
        view.add_row(row.key, safe(found.name), *cells)
    return view
