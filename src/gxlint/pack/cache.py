"""A disk cache of validated rule packs, as plain JSON (a format that cannot run code).

Loading a pack means parsing YAML and validating every rule (tens of milliseconds); reading the
cached result takes about one. An entry is named by gxlint's version and the pack's path, so two
installs sharing a cache folder keep their own entries; inside, it lists every file the pack was
built from (its extends chain included) with a hash of its bytes, and the hash of the code that
validates packs: a changed file or a changed gxlint rebuilds the entry. The folder is private
(cachedir.py); a corrupt, foreign or stale entry is ignored and rebuilt, never fatal.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
from collections.abc import Callable
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any

from gxlint import __version__
from gxlint.atomic import write_atomically
from gxlint.cachedir import is_own_file, private_cache_dir
from gxlint.findings import Severity
from gxlint.pack.expr import Relation, Term
from gxlint.pack.model import Pack
from gxlint.pack.rule import Rule, RuleCase, RuleDoc
from gxlint.pack.template import ColumnSpec, RowSpec, SectionSpec, TableSpec

_TYPES: dict[str, type] = {
    t.__name__: t
    for t in (
        *(Pack, Rule, RuleDoc, RuleCase, SectionSpec, TableSpec, ColumnSpec, RowSpec, Severity),
        *(Relation, Term),
    )
}
MAX_ENTRY_BYTES = 8 * 1024 * 1024


def cached_pack(main: Path, build: Callable[[], tuple[Pack, list[Path]]]) -> Pack:
    """The pack whose main file is `main`: from the cache when nothing it was built from
    changed, else built (`build` gives the pack and the files it read) and stored."""
    return cached("pack", str(main), build, Pack)


def cached(what: str, key: str, build: Callable[[], tuple[Any, list[Path]]], kind: type) -> Any:
    """The cached `what` for `key` when it is a `kind` and the files it was built from are
    unchanged; else built (`build` gives the value and the files it read) and stored."""
    folder = private_cache_dir()
    if folder is None:
        return build()[0]
    entry = folder / f"{what}-{_name(key)}.json"
    value = _read(entry)
    if isinstance(value, kind):
        return value
    value, files = build()
    with contextlib.suppress(OSError, TypeError, ValueError):
        _write(entry, value, files)  # TypeError: a value JSON cannot hold; no cache then
    return value


def _name(key: str) -> str:
    return hashlib.sha256(f"{__version__}\0{key}".encode()).hexdigest()[:24]


@cache
def _code_hash() -> str:
    """The code that shapes a cached pack: this package's modules and the kinds'."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for file in sorted([*here.glob("*.py"), *(here.parent / "kinds").glob("*.py")]):
        digest.update(file.read_bytes())
    return digest.hexdigest()


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _read(entry: Path) -> Any:
    try:
        if not is_own_file(entry) or entry.stat().st_size > MAX_ENTRY_BYTES:
            return None
        data = json.loads(entry.read_text("utf-8"))
        if data.get("code") != _code_hash():
            return None
        if any(_file_hash(Path(p)) != h for p, h in data["files"]):
            return None
        return _decode(data["value"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _write(entry: Path, value: Any, files: list[Path]) -> None:
    data = {
        "code": _code_hash(),
        "files": [[str(f), _file_hash(f)] for f in files],
        "value": _encode(value),
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    write_atomically(entry, text.encode("utf-8"))


def _encode(value: Any) -> Any:
    if isinstance(value, Enum):
        return {"$": type(value).__name__, "value": value.value}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {  # derived fields (init=False) are derived again when read back
            f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init
        }
        return {"$": type(value).__name__, **fields}
    if isinstance(value, tuple):
        return {"$tuple": [_encode(v) for v in value]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {"$dict": [[_encode(k), _encode(v)] for k, v in value.items()]}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "$tuple" in value:
        return tuple(_decode(v) for v in value["$tuple"])
    if "$dict" in value:
        return {_decode(k): _decode(v) for k, v in value["$dict"]}
    kind = _TYPES[value["$"]]  # only the pack's own types: a KeyError for anything else
    if issubclass(kind, Enum):
        return kind(value["value"])
    return kind(**{k: _decode(v) for k, v in value.items() if k != "$"})
