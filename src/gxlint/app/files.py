"""Which files a command line names: files as given, folders walked for the inputs gxlint reads,
`exclude` globs applied, and every file once (a path given twice, a file and a link to it, or
two hard links of one file, are checked once — and so fixed once)."""

from __future__ import annotations

import os
from fnmatch import fnmatch
from pathlib import Path

from gxlint.document.read import INPUT_SUFFIXES
from gxlint.document.read.url import is_url

SUFFIXES = " ".join(INPUT_SUFFIXES)  # as messages name them


def expand_paths(
    paths: list[str], exclude: tuple[str, ...] = (), force_exclude: bool = False
) -> list[str]:
    """Files as given; directories walked for the inputs gxlint reads (any case), in sorted
    order, less those matching an `exclude` glob (matched against the path below the directory;
    with `force_exclude`, files named on the command line too, by their path as given); each
    file once, by its real path."""
    found: list[str] = []
    for p in paths:
        path = Path(p)
        if p != "-" and not is_url(p) and path.is_dir():
            found += [str(f) for f in sorted(path.rglob("*")) if _wanted(f, path, exclude)]
        elif not (force_exclude and _excluded(Path(p), exclude)):
            found.append(p)
    return _once(found)


def _excluded(relative: Path, exclude: tuple[str, ...]) -> bool:
    return any(relative.match(p) or fnmatch(str(relative), p) for p in exclude)


def _wanted(file: Path, folder: Path, exclude: tuple[str, ...]) -> bool:
    if file.suffix.lower() not in INPUT_SUFFIXES or not file.is_file():
        return False
    return not _excluded(file.relative_to(folder), exclude)


def _once(paths: list[str]) -> list[str]:
    """Each file once: by its real path, and by its inode (two hard links are one file)."""
    seen: set[object] = set()
    unique: list[str] = []
    for p in paths:
        key = p if p == "-" or is_url(p) else _identity(p)
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def _identity(path: str) -> object:
    try:
        info = os.stat(path)
    except OSError:
        return os.path.realpath(path)
    return (info.st_dev, info.st_ino)
