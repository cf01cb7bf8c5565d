"""The commands besides `check`: `rules`, `explain`, `kinds` and `parse`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from gxlint.app.choices import DEFAULT_PACK
from gxlint.errors import EXIT_OK, GxlintError

if TYPE_CHECKING:
    from rich.console import Console


def _console(wide: bool = False) -> Console:
    from rich.console import Console

    console = Console(highlight=False, soft_wrap=True)
    if wide and not console.is_terminal:
        console = Console(highlight=False, soft_wrap=True, width=160)  # a file: room for tables
    return console


def list_rules(pack_name: str, output: str = "text") -> int:
    from gxlint.engine import load_pack

    pack = load_pack(pack_name)
    if output == "json":
        import sys

        from gxlint.render.parse_json import rules_list, write_json

        write_json(rules_list(pack), sys.stdout)
        return EXIT_OK
    from gxlint.render.rules import rules_table

    _console().print(rules_table(pack))
    return EXIT_OK


def explain(code: str, pack_name: str | None) -> int:
    """A rule's documentation: from the pack named, else the first built-in pack that has it
    (the current format first)."""
    from gxlint.engine import load_pack
    from gxlint.pack.files import builtin_pack_names
    from gxlint.render.rules import explanation

    names = [pack_name] if pack_name else [DEFAULT_PACK, *builtin_pack_names()]
    for name in names:
        pack = load_pack(name)
        rule = pack.rule(code.upper())
        if rule is not None:
            _console().print(explanation(rule, pack))
            return EXIT_OK
    where = f"规则包 {pack_name} 中" if pack_name else "gxlint 的规则中"
    raise GxlintError(code, f"{where}没有这条规则 (unknown rule); gxlint rules 列出全部")


def list_kinds() -> int:
    from gxlint.kinds import registry
    from gxlint.render.rules import kinds_table

    _console().print(kinds_table(registry()))
    return EXIT_OK


def show_parse(
    path: str, pack_name: str | None, format_version: str | None, output: str = "text"
) -> int:
    from gxlint.document.build import build_document
    from gxlint.document.read import read_report
    from gxlint.engine import context_for
    from gxlint.render.tree import document_tree, table_views

    doc = build_document(path, read_report(path))
    ctx = context_for(doc, pack_name, format_version)
    if output == "json":
        import sys

        from gxlint.render.parse_json import document_dict, write_json

        write_json(document_dict(ctx), sys.stdout)
        return EXIT_OK
    console = _console(wide=True)
    console.print(document_tree(ctx))
    for view in table_views(ctx):
        console.print(view)
    return EXIT_OK


def show_text(path: str) -> int:
    """The text gxlint extracted from a file, numbered as findings number it, with each line's
    place in the input (for a web page or a Word file)."""
    import sys

    from gxlint.document.read import read_source
    from gxlint.printable import printable

    source = read_source(path)
    lines = source.text.split("\n")[:-1]
    width = len(str(len(lines)))
    for number, line in enumerate(lines, start=1):
        place = source.places[number - 1] if number <= len(source.places) else ""
        suffix = f"    [{place}]" if place else ""
        sys.stdout.write(f"{number:>{width}} │ {printable(line)}{suffix}\n")
    return EXIT_OK


def run(options: argparse.Namespace) -> int:
    """Every command but check, by its name."""
    if options.command == "rules":
        return list_rules(options.pack, options.format)
    if options.command == "explain":
        return explain(options.code, options.pack)
    if options.command == "kinds":
        return list_kinds()
    if options.command == "test":
        from gxlint.app.cases import test_packs

        return test_packs(options.packs)
    if options.command == "serve":
        from gxlint.app.serve import serve

        return serve(options.host, options.port, options.workers, options.token)
    if options.command == "extract":
        from gxlint.app.extract import extract

        return extract(options.paths, options.format, options.output_file)
    if options.text:  # parse --text
        return show_text(options.path)
    return show_parse(options.path, options.pack, options.format_version, options.format)
