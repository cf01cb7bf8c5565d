"""The one place gxlint keeps caches: a per-user folder, created with mode 0700 and checked
before anything in it is read (a directory, not a link, owned by the running user, writable by
no one else). Where it cannot be had, gxlint works without a cache.

$GXLINT_CACHE_DIR, else $XDG_CACHE_HOME/gxlint, else ~/.cache/gxlint.

Entries are JSON (a format that cannot run code). gxlint also ships entries prebuilt for its own
packs and grammar (prebuilt/, written by `python -m gxlint.app.prebuild`), so that a first run
on a fresh install need not build them: an entry is read from the private folder, else from
there, and used only if it is still valid for the files it was built from.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gxlint.atomic import write_atomically

SHIPPED = Path(__file__).resolve().parent / "prebuilt"
MAX_ENTRY_BYTES = 8 * 1024 * 1024


def _location() -> Path:
    if explicit := os.environ.get("GXLINT_CACHE_DIR"):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "gxlint"


def private_cache_dir() -> Path | None:
    """The cache folder if it is safe to read and write, else None (no caching)."""
    try:
        folder = _location()
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        return folder if is_private(folder) else None
    except (OSError, RuntimeError):  # RuntimeError: no home directory to expand
        return None


def read_entry(name: str, valid: Callable[[dict[str, Any]], bool]) -> dict[str, Any] | None:
    """The entry `name` that `valid` accepts: the private folder's, else the shipped one (as
    trusted as gxlint's own code). None if neither is there, readable and valid."""
    folder = private_cache_dir()
    places = [] if folder is None else [(folder / name, is_own_file)]
    places.append((SHIPPED / name, _is_regular))
    for path, trusted in places:
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError, AttributeError):
            if trusted(path) and path.stat().st_size <= MAX_ENTRY_BYTES:
                data = json.loads(path.read_text("utf-8"))
                if isinstance(data, dict) and valid(data):
                    return data
    return None


def write_entry(name: str, data: dict[str, Any], folder: Path | None = None) -> None:
    """Store the entry `name` in `folder`, by default the private folder if there is one."""
    folder = folder or private_cache_dir()
    if folder is not None:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        with contextlib.suppress(OSError):
            write_atomically(folder / name, text.encode("utf-8"))


def is_private(path: Path) -> bool:
    """Whether `path` is a real directory of the running user that no one else can write."""
    return _owned(path, stat.S_ISDIR)


def is_own_file(path: Path) -> bool:
    """Whether `path` is a regular file of the running user that no one else can write."""
    return _owned(path, stat.S_ISREG)


def _is_regular(path: Path) -> bool:
    return stat.S_ISREG(path.lstat().st_mode)


def _owned(path: Path, is_type: Callable[[int], bool]) -> bool:
    info = path.lstat()  # lstat: a link is neither a directory nor a regular file
    owner = os.getuid() if hasattr(os, "getuid") else info.st_uid
    writable_by_others = info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    return is_type(info.st_mode) and info.st_uid == owner and not writable_by_others
