"""What each CLI command does, in terms of the library: read, check, render."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from gxlint.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, GxlintError
from gxlint.findings import Finding, Severity

if TYPE_CHECKING:
    from gxlint.app.batch import Options, Result


def _known_codes(pack_name: str | None) -> set[str]:
    from gxlint.engine import load_pack
    from gxlint.pack.files import builtin_pack_names

    names = [pack_name] if pack_name else builtin_pack_names()
    return {r.code for name in names for r in load_pack(name).rules}


def check(
    paths: list[str],
    options: Options,
    output: str,
    fail_on: str,
    jobs: int = 0,
    exclude: tuple[str, ...] = (),
    fix: bool = False,
) -> int:
    from gxlint.app.batch import check_many
    from gxlint.document.read import expand_paths
    from gxlint.engine import Facts, compare_reports
    from gxlint.render import renderer

    if options.pack:
        from gxlint.engine import load_pack

        load_pack(options.pack)  # a bad --pack is an error before any report is read
    chosen = options.select | options.ignore
    known = _known_codes(options.pack) if chosen else set()
    unknown = sorted(c for c in chosen if not any(k.startswith(c) for k in known))
    if unknown:
        raise GxlintError(
            "--select/--ignore", f"没有这些规则 (unknown codes): {', '.join(unknown)}"
        )
    findings: list[Finding] = []
    sources: dict[str, dict[int, str]] = {}
    facts: list[Facts] = []
    failed = False
    files = expand_paths(paths, exclude)
    if fix and "-" in files:
        raise GxlintError("--fix", "不能修复标准输入 (cannot fix standard input)")
    for result in check_many(files, options, jobs):
        if fix and any(f.fix for f in result.findings):
            result = _fix(result, options)
        if result.error is not None:
            print(f"gxlint: {result.error.where}: {result.error.problem}", file=sys.stderr)
            failed = True
            continue
        sources[result.path] = result.lines
        findings.extend(result.findings)
        facts.append(result.facts)
    across, lines = compare_reports(facts)
    for path, numbered in lines.items():
        sources.setdefault(path, {}).update(numbered)
    findings = sorted([*findings, *across], key=Finding.sort_key)
    renderer(output)(findings, sources, sys.stdout)
    if failed:
        return EXIT_ERROR
    if fail_on == "never":
        return EXIT_OK
    threshold = Severity.parse(fail_on)
    return EXIT_FINDINGS if any(f.severity >= threshold for f in findings) else EXIT_OK


def _fix(result: Result, options: Options) -> Result:
    """Apply a report's fixes, write it back, and check it again."""
    from gxlint.app.batch import check_one
    from gxlint.app.fix import apply_fixes, write_atomically
    from gxlint.document.read import read_source

    source = read_source(result.path)
    if not source.editable:
        print(
            f"gxlint: {result.path}: 不能自动修复这种文件 (--fix only edits text files)",
            file=sys.stderr,
        )
        return result
    text, applied = apply_fixes(source.text, result.findings)
    write_atomically(result.path, source, text)
    print(f"gxlint: {result.path}: 已修复 {applied} 处 (fixed {applied})", file=sys.stderr)
    return check_one(result.path, options)


def list_rules(pack_name: str) -> int:
    from rich.console import Console
    from rich.table import Table

    from gxlint.engine import load_pack

    pack = load_pack(pack_name)
    table = Table(title=f"{pack.name}：{pack.title}（{pack.basis}）", title_justify="left")
    table.add_column("代码", no_wrap=True)
    table.add_column("级别", no_wrap=True)
    table.add_column("名称", overflow="fold", max_width=22)
    table.add_column("信息（gxlint explain 代码 查看说明）", overflow="fold", ratio=1)
    for rule in pack.rules:
        table.add_row(rule.code, rule.severity.label, rule.name, rule.message)
    Console(highlight=False).print(table)
    return EXIT_OK


def explain(code: str, pack_name: str) -> int:
    from rich.console import Console
    from rich.markup import escape
    from rich.panel import Panel

    from gxlint.engine import load_pack

    pack = load_pack(pack_name)
    rule = pack.rule(code.upper())
    if rule is None:
        raise GxlintError(code, f"规则包 {pack.name} 中没有这条规则 (unknown rule)")
    console = Console(highlight=False)
    console.print(f"[bold]{rule.code} {rule.name}[/]  ({rule.severity.label}, {rule.kind})")
    console.print(f"信息：{escape(rule.message)}")
    console.print()
    console.print("[bold]为什么 Why[/]")
    console.print(escape(rule.doc.why))
    console.print()
    console.print(Panel(escape(rule.doc.bad.rstrip()), title="违反示例 Violation", style="red"))
    console.print(Panel(escape(rule.doc.good.rstrip()), title="正确示例 Fix", style="green"))
    return EXIT_OK


def show_parse(path: str, pack_name: str | None, format_version: str | None) -> int:
    from rich.console import Console

    from gxlint.document.build import build_document
    from gxlint.document.read import read_report
    from gxlint.engine import context_for
    from gxlint.render.tree import document_tree, table_views

    doc = build_document(path, read_report(path))
    ctx = context_for(doc, pack_name, format_version)
    console = Console(highlight=False, soft_wrap=True)
    if not console.is_terminal:
        console = Console(highlight=False, soft_wrap=True, width=160)  # a file: room for tables
    console.print(document_tree(ctx))
    for view in table_views(ctx):
        console.print(view)
    return EXIT_OK
