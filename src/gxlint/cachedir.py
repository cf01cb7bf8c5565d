"""The one place gxlint keeps caches: a per-user folder, created with mode 0700 and checked
before anything in it is read (a directory, not a link, owned by the running user, writable by
no one else). Where it cannot be had, gxlint works without a cache.

$GXLINT_CACHE_DIR, else $XDG_CACHE_HOME/gxlint, else ~/.cache/gxlint.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path


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


def is_private(path: Path) -> bool:
    """Whether `path` is a real directory of the running user that no one else can write."""
    return _owned(path, stat.S_ISDIR)


def is_own_file(path: Path) -> bool:
    """Whether `path` is a regular file of the running user that no one else can write."""
    return _owned(path, stat.S_ISREG)


def _owned(path: Path, is_type: Callable[[int], bool]) -> bool:
    info = path.lstat()  # lstat: a link is neither a directory nor a regular file
    owner = os.getuid() if hasattr(os, "getuid") else info.st_uid
    writable_by_others = info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    return is_type(info.st_mode) and info.st_uid == owner and not writable_by_others


def parser_cache(name: str) -> str | bool:
    """Where Lark may cache the parser of grammar `name`: a file in the private folder, never
    the shared temporary folder (Lark unpickles its cache). False: no cache."""
    folder = private_cache_dir()
    if folder is None:
        return False
    path = folder / f"lark-{name}.cache"
    try:
        if path.is_symlink() or (path.exists() and not is_own_file(path)):
            path.unlink()  # planted or foreign: never read
    except OSError:
        return False
    return str(path)
