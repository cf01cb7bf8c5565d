"""Which files a command line names: files as given, folders walked for the inputs gxlint reads,
`exclude` globs applied, and every file once (a path given twice, a file and a link to it, or
two hard links of one file, are checked once — and so fixed once)."""

from __future__ import annotations

import os
from fnmatch import fnmatch
from pathlib import Path
from stat import S_ISDIR, S_ISLNK, S_ISREG

from gxlint.document.read import INPUT_SUFFIXES
from gxlint.document.read.url import is_url
from gxlint.scratch import Strings

SUFFIXES = " ".join(INPUT_SUFFIXES)  # as messages name them


def expand_paths(
    paths: list[str], exclude: tuple[str, ...] = (), force_exclude: bool = False
) -> Strings:
    """Files as given; directories walked for the inputs gxlint reads (any case), in sorted
    order, less those matching an `exclude` glob (matched against the path below the directory;
    with `force_exclude`, files named on the command line too, by their path as given); each
    file once, by its real path."""
    found: list[str] = []
    for p in paths:
        if p != "-" and not is_url(p) and os.path.isdir(p):
            folder = str(Path(p))  # named as pathlib names it: tests/x/, ./tests/x → tests/x
            below = _files_below(folder)
            found += [f for f in below if not (exclude and _excluded(_below(f, folder), exclude))]
        elif not (force_exclude and _excluded(Path(p), exclude)):
            found.append(p)
    return _once(found)


def _files_below(top: str) -> list[str]:
    """The files below `top` that gxlint reads, named and ordered as sorted(Path(top).rglob("*"))
    names and orders them (links to folders not entered, folders it may not read left out;
    pathlib sorts by parts, so a folder's entries by name, each folder's files in its place),
    without a Path for each: a folder of thousands of reports would hold them all at once."""
    found: list[str] = []
    try:
        names = sorted(os.listdir(top))  # names, not DirEntry objects: a third of the memory
    except PermissionError:
        return found
    for name in names:
        path = name if top == "." else os.path.join(top, name)
        try:
            mode = os.lstat(path).st_mode
        except OSError:  # gone since it was listed
            continue
        if S_ISDIR(mode):
            found += _files_below(path)
        elif os.path.splitext(name)[1].lower() in INPUT_SUFFIXES and _is_file(mode, path):
            found.append(path)
    return found


def _is_file(mode: int, path: str) -> bool:
    """A file, or a link to one."""
    return S_ISREG(mode) or (S_ISLNK(mode) and os.path.isfile(path))


def _below(file: str, folder: str) -> Path:
    return Path(file[len(os.path.join(folder, "")) :] if folder != "." else file)


def _excluded(relative: Path, exclude: tuple[str, ...]) -> bool:
    return any(relative.match(p) or fnmatch(str(relative), p) for p in exclude)


def _once(paths: list[str]) -> Strings:
    """Each file once: by its real path, and by its inode (two hard links are one file); packed,
    as a batch holds its list of files to the end (scratch.Strings)."""
    seen: set[object] = set()  # an int a file: a batch of thousands holds them all at once
    unique = Strings()
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
    return info.st_dev << 64 | info.st_ino
