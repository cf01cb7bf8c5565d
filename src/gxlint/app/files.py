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
        if p != "-" and not is_url(p) and os.path.isdir(p):
            folder = str(Path(p))  # named as pathlib names it: tests/x/, ./tests/x → tests/x
            below = sorted(_files_below(folder), key=_parts)  # in pathlib's order
            found += [f for f in below if not (exclude and _excluded(_below(f, folder), exclude))]
        elif not (force_exclude and _excluded(Path(p), exclude)):
            found.append(p)
    return _once(found)


def _files_below(top: str) -> list[str]:
    """The files below `top` that gxlint reads, as Path(top).rglob("*") would name them (links
    to folders not entered, folders it may not read left out), without a Path for each: a
    folder of thousands of reports would otherwise hold them all at once, each name interned."""
    found: list[str] = []
    try:
        entries = list(os.scandir(top))
    except PermissionError:
        return found
    for entry in entries:
        path = entry.name if top == "." else os.path.join(top, entry.name)
        if entry.is_dir(follow_symlinks=False):
            found += _files_below(path)
        elif os.path.splitext(entry.name)[1].lower() in INPUT_SUFFIXES and entry.is_file():
            found.append(path)
    return found


def _parts(path: str) -> list[str]:
    return path.split(os.sep)


def _below(file: str, folder: str) -> Path:
    return Path(file[len(os.path.join(folder, "")) :] if folder != "." else file)


def _excluded(relative: Path, exclude: tuple[str, ...]) -> bool:
    return any(relative.match(p) or fnmatch(str(relative), p) for p in exclude)


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
