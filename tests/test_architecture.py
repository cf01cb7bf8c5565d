"""The architecture as tests: no import cycle (lazy and type-only imports included), each layer
imports only the layers before it, and the size limits of the style guide."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT

SRC = ROOT / "src"
PACKAGE = SRC / "gxlint"
# Each layer may import itself and the layers before it, never one after it.
LAYERS = [
    (
        "gxlint.errors",
        "gxlint.resources",
        "gxlint.cachedir",
        "gxlint.atomic",
        "gxlint.printable",
        "gxlint.records",
        "gxlint.internals",
        "gxlint.scratch",
        "gxlint.__init__",
    ),
    ("gxlint.document",),
    ("gxlint.findings",),
    ("gxlint.pack",),
    ("gxlint.analysis",),
    ("gxlint.kinds",),
    ("gxlint.engine",),
    ("gxlint.render",),
    ("gxlint.app", "gxlint.web", "gxlint.__main__"),
]
MAX_LINES = 300


def _module(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str, path: Path) -> set[str]:
    """Every gxlint module `name` imports, wherever the import statement stands."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            targets = [f"{base}.{a.name}" for a in node.names] + [base]
        else:
            continue
        found |= {t for t in targets if t in MODULES and t != name}
    return found


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _layer(name: str) -> int:
    for index, prefixes in enumerate(LAYERS):
        if any(name == p or name.startswith(p + ".") for p in prefixes) or (
            name == "gxlint" and "gxlint.__init__" in prefixes
        ):
            return index
    raise AssertionError(f"{name} is in no layer: add it to LAYERS")


def _cycle() -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(GRAPH[node]):
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(GRAPH):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycle() -> None:
    cycle = _cycle()
    assert cycle is None, " → ".join(cycle or [])


@pytest.mark.parametrize("name", sorted(MODULES))
def test_layers_import_only_earlier_layers(name) -> None:
    later = sorted(t for t in GRAPH[name] if _layer(t) > _layer(name))
    assert later == [], f"{name} (layer {_layer(name)}) imports later layers: {later}"


@pytest.mark.parametrize("name", sorted(MODULES))
def test_module_is_small_and_says_what_it_is_for(name) -> None:
    path = MODULES[name]
    text = path.read_text("utf-8")
    assert len(text.splitlines()) <= MAX_LINES, f"{path}: over {MAX_LINES} lines"
    if text.strip() and path.name != "__main__.py":
        assert ast.get_docstring(ast.parse(text)), f"{path}: no module docstring"


def test_each_kind_lives_in_the_module_named_after_it() -> None:
    """From a finding's code to its logic: the rule's kind names its module (kinds/<kind>.py),
    and every module of kinds/ but the shared ones (_…, base) is a registered kind."""
    import importlib

    from gxlint.kinds import registry

    modules = sorted(p.stem for p in (PACKAGE / "kinds").glob("[a-z]*.py") if p.stem != "base")
    for stem in modules:
        kind = importlib.import_module(f"gxlint.kinds.{stem}").KIND
        assert kind.name.replace("-", "_") == stem and registry()[kind.name] is kind, stem
    assert len(modules) == len(registry())
