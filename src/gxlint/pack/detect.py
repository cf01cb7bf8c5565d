"""How each built-in format is recognised, read from the packs' `detect:` blocks alone: choosing a
report's format does not load and validate every pack. They are kept in the pack cache (plain
values), so a warm run reads no YAML and does not import the YAML parser."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from gxlint.errors import GxlintError
from gxlint.pack.cache import cached
from gxlint.pack.files import builtin_pack_names, display, find_pack, read_yaml
from gxlint.records import astuple, record
from gxlint.resources import portable


@record(frozen=True, slots=True)
class Format:
    """A format version a pack is for, and the wording that marks a report as written in it."""

    pack: str
    version: str
    title: str
    basis: str
    markers: tuple[str, ...]
    first_year: int
    last_year: int | None


@cache
def formats() -> tuple[Format, ...]:
    """The built-in formats with a `detect:` block, oldest first."""
    key, build = formats_source()
    return tuple(Format(*fields) for fields in cached("formats", key, build, list))


def formats_source() -> tuple[str, Callable[[], tuple[list[tuple[Any, ...]], list[Path]]]]:
    """The formats' cache key, and how to build them: their fields and the files read."""
    packs = {name: find_pack(name) for name in builtin_pack_names()}
    key = "\0".join(f"{name}={portable(main)}" for name, main in packs.items())

    def build() -> tuple[list[tuple[Any, ...]], list[Path]]:
        return [astuple(f) for f in _read_formats(packs)], list(packs.values())

    return key, build


def _read_formats(packs: dict[str, Path]) -> list[Format]:
    found = []
    for name, main in packs.items():
        data = read_yaml(main)
        detect = data.get("detect")
        if not detect:
            continue
        try:
            found.append(
                Format(
                    pack=name,
                    version=str(data.get("version", "")),
                    title=str(data.get("title", "")),
                    basis=str(data.get("basis", "")),
                    markers=tuple(str(m) for m in detect.get("markers") or ()),
                    first_year=int(detect.get("first_year", 0)),
                    last_year=int(detect["last_year"]) if detect.get("last_year") else None,
                )
            )
        except (AttributeError, TypeError, ValueError):
            raise GxlintError(display(main), "键 detect: 需要 first_year、markers") from None
    return sorted(found, key=lambda f: f.first_year)
