"""A disk cache of validated rule packs, as plain JSON (a format that cannot run code).

Loading a pack means parsing YAML and validating every rule (tens of milliseconds); reading the
cached result takes about one. An entry is named by gxlint's version and the pack's path, so two
installs sharing a cache folder keep their own entries; inside, it lists every file the pack was
built from (its extends chain included) with a hash of its bytes, and the hash of the code that
validates packs: a changed file or a changed gxlint rebuilds the entry. Built-in files are named
as in every install (resources.portable), so the built-in packs' entries ship prebuilt. The
folder is private (cachedir.py); a corrupt, foreign or stale entry is ignored and rebuilt, never
fatal.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from gxlint import __version__
from gxlint.cachedir import read_entry, write_entry
from gxlint.findings import Severity
from gxlint.pack.expr import Relation, Term
from gxlint.pack.model import Pack
from gxlint.pack.rule import Rule, RuleCase, RuleDoc
from gxlint.pack.template import ColumnSpec, RowSpec, SectionSpec, TableSpec
from gxlint.records import fields as record_fields
from gxlint.records import is_record
from gxlint.resources import is_builtin, located, portable

V = TypeVar("V")
_PACK_TYPES = (
    *(Pack, Rule, RuleDoc, RuleCase, SectionSpec, TableSpec, ColumnSpec, RowSpec, Severity),
    *(Relation, Term),
)


def cached_pack(
    main: Path, build: Callable[[], tuple[Pack, list[Path]]], params: Iterable[type]
) -> Pack:
    """The pack whose main file is `main`: from the cache when nothing it was built from
    changed, else built (`build` gives the pack and the files it read) and stored. `params`:
    the kinds' params classes its rules' parameters are rebuilt as."""
    return cached("pack", pack_key(main), build, Pack, params)


def pack_key(main: Path) -> str:
    """What names a pack's entry. A built-in pack's is the same in every install (gxlint ships
    it prebuilt); another's holds the working directory, which its messages' paths depend on."""
    key = portable(main)
    if not is_builtin(key):
        with contextlib.suppress(OSError):  # a working directory since removed: no key of it
            key = f"{key}\0{Path.cwd()}"
    return key


def cached(
    what: str,
    key: str,
    build: Callable[[], tuple[V, list[Path]]],
    kind: type[V],
    types: Iterable[type] = (),
) -> V:
    """The cached `what` for `key` when it is a `kind` and the files it was built from are
    unchanged; else built (`build` gives the value and the files it read) and stored. The
    entry may hold the pack's own types and `types`, nothing else."""
    name = entry_name(what, key)
    data = read_entry(name, _is_fresh)
    with contextlib.suppress(ValueError, KeyError, TypeError, AttributeError):
        known = {_type_name(t): t for t in (*_PACK_TYPES, *types)}
        value = _decode(data["value"], known) if data else None
        if isinstance(value, kind):
            return value
    value, files = build()
    with contextlib.suppress(TypeError, ValueError):  # a value JSON cannot hold: no cache then
        write_entry(name, entry(value, files))
    return value


def entry_name(what: str, key: str) -> str:
    """The file name of the entry for `what` (pack, formats) and `key`."""
    digest = hashlib.sha256(f"{__version__}\0{key}".encode()).hexdigest()[:24]
    return f"{what}-{digest}.json"


def entry(value: Any, files: list[Path]) -> dict[str, Any]:
    """An entry: `value`, the files it was built from with their hashes, the code's hash."""
    return {
        "code": _code_hash(),
        "files": [[portable(f), _file_hash(f)] for f in files],
        "value": _encode(value),
    }


@cache
def _code_hash() -> str:
    """The code that shapes a cached pack: this package's modules, the kinds' and records.py
    (how a pack's classes are made from their fields)."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    shaping = [
        *here.glob("*.py"),
        *(here.parent / "kinds").glob("*.py"),
        here.parent / "records.py",
    ]
    for file in sorted(shaping):
        digest.update(file.read_bytes())
    return digest.hexdigest()


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _is_fresh(data: dict[str, Any]) -> bool:
    if data["code"] != _code_hash():
        return False
    return all(_file_hash(located(name)) == digest for name, digest in data["files"])


def _encode(value: Any) -> Any:
    if isinstance(value, Enum):
        return {"$": _type_name(type(value)), "value": value.value}
    if is_record(value) and not isinstance(value, type):
        fields = {  # derived fields (init=False) are derived again when read back
            f.name: _encode(getattr(value, f.name)) for f in record_fields(value) if f.init
        }
        return {"$": _type_name(type(value)), **fields}
    if isinstance(value, tuple):
        return {"$tuple": [_encode(v) for v in value]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {"$dict": [[_encode(k), _encode(v)] for k, v in value.items()]}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _type_name(kind: type) -> str:
    return f"{kind.__module__}.{kind.__qualname__}"


def _decode(value: Any, known: Mapping[str, type]) -> Any:
    if isinstance(value, list):
        return [_decode(v, known) for v in value]
    if not isinstance(value, dict):
        return value
    if "$tuple" in value:
        return tuple(_decode(v, known) for v in value["$tuple"])
    if "$dict" in value:
        return {_decode(k, known): _decode(v, known) for k, v in value["$dict"]}
    kind = known[value["$"]]  # only the types named: a KeyError for anything else
    if issubclass(kind, Enum):
        return kind(value["value"])
    return kind(**{k: _decode(v, known) for k, v in value.items() if k != "$"})
