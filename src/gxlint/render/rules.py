"""`gxlint rules`, `gxlint explain` and `gxlint kinds` as Rich renderables (ruff's `rule` and
`linter` commands): a pack's rules, one rule's documentation, the registered rule kinds."""

from __future__ import annotations

from collections.abc import Mapping

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from gxlint.pack.model import Pack
from gxlint.pack.params import schema_of
from gxlint.pack.rule import Rule
from gxlint.pack.schema import KindSchema
from gxlint.printable import printable
from gxlint.render.markup import safe


def rules_table(pack: Pack) -> Table:
    table = Table(title=f"{pack.name}：{pack.title}（{pack.basis}）", title_justify="left")
    table.add_column("代码", no_wrap=True)
    table.add_column("级别", no_wrap=True)
    table.add_column("名称", overflow="fold", max_width=22)
    table.add_column("信息（gxlint explain 代码 查看说明）", overflow="fold", ratio=1)
    for rule in pack.rules:
        table.add_row(rule.code, rule.severity.label, rule.name, safe(rule.message))
    return table


def explanation(rule: Rule, pack: Pack) -> RenderableType:
    """A rule's name, severity, kind, message, why, a violation and its fix."""
    return Group(
        Text.from_markup(
            f"[bold]{rule.code} {safe(rule.name)}[/]  "
            f"({rule.severity.label}, {rule.kind}; {safe(pack.name)}: {safe(rule.source)})"
            f"\n类型 kind: {rule.kind} → src/gxlint/kinds/{rule.kind.replace('-', '_')}.py"
        ),
        Text(printable(f"信息：{rule.message}")),
        Text(""),
        Text.from_markup("[bold]为什么 Why[/]"),
        Text(printable(rule.doc.why)),
        Text(""),
        Panel(Text(printable(rule.doc.bad.rstrip())), title="违反示例 Violation", style="red"),
        Panel(Text(printable(rule.doc.good.rstrip())), title="正确示例 Fix", style="green"),
    )


def kinds_table(kinds: Mapping[str, KindSchema]) -> Table:
    """Each kind: what it checks, its parameters (required ones marked, with defaults and what
    they are), and the fields its rules' messages may use."""
    table = Table(title="规则类型 rule kinds（规则包中 kind: 的取值）", title_justify="left")
    table.add_column("kind", style="bold", no_wrap=True)
    table.add_column("检查什么 / 参数 parameters（* 必填）", overflow="fold", ratio=3)
    table.add_column("信息字段 message fields", overflow="fold", ratio=1)
    for name, kind in kinds.items():
        lines = [safe(kind.summary)]
        for key, param in schema_of(kind.params).items():
            mark = "[red]*[/]" if param.required else ""
            lines.append(f"  [cyan]{key}[/]{mark}: {safe(param.described())}  {safe(param.doc)}")
            if param.item is not None:  # a mapping (or a list of them) with keys of its own
                inner = schema_of(param.item).items()
                lines += [f"    [cyan]{key}.{k}[/]: {safe(p.described())}" for k, p in inner]
        table.add_row(name, "\n".join(lines), ", ".join(sorted(kind.fields)))
    return table
