"""A disk cache of validated rule packs, as Lark caches its parser: loading a pack means parsing
YAML and validating every rule (tens of milliseconds); unpickling the result takes one or two.

The key covers gxlint's version and the bytes of every YAML file the pack could extend (the built-in
packs and the files beside the pack), so an edited pack is never served stale. The cache lives in
$GXLINT_CACHE_DIR, else $XDG_CACHE_HOME/gxlint, else ~/.cache/gxlint; where it cannot be written,
gxlint works without it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from gxlint import __version__
from gxlint.resources import resource_dir

T = TypeVar("T")


def cache_dir() -> Path:
    if explicit := os.environ.get("GXLINT_CACHE_DIR"):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "gxlint"


def _key(path: Path) -> str:
    digest = hashlib.sha256(__version__.encode())
    path = path.resolve()  # the same pack by any name gets the same entry
    files = {*resource_dir("rules").resolve().glob("*.yaml"), *path.parent.glob("*.y*ml"), path}
    for file in sorted(files):
        digest.update(str(file).encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()[:32]


def cached(path: Path, build: Callable[[], T]) -> T:
    """`build()`'s result for the pack at `path`, from the cache when its files are unchanged."""
    try:
        entry = cache_dir() / f"pack-{path.stem}-{_key(path)}.pickle"
    except OSError:
        return build()
    try:
        with entry.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    value = build()
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=entry.parent, delete=False) as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, entry)
        for stale in entry.parent.glob(f"pack-{path.stem}-*.pickle"):
            if stale != entry:
                stale.unlink(missing_ok=True)  # an older version of this pack
    except OSError:
        pass
    return value
