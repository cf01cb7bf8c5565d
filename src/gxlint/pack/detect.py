"""How each built-in format is recognised, read from the packs' `detect:` blocks alone: choosing a
report's format does not load and validate every pack."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from gxlint.errors import GxlintError
from gxlint.pack.files import builtin_pack_names, display, find_pack, read_yaml


@dataclass(frozen=True, slots=True)
class Format:
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
    found = []
    for name in builtin_pack_names():
        main = find_pack(name)
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
    return tuple(sorted(found, key=lambda f: f.first_year))
