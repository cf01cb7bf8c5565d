"""Writing a file in one step: a temporary file beside it, written and synced, then renamed over
it. Readers see the old file or the new one, never half of one; on failure nothing is left.

What gxlint writes as its own output (`write_output`: --output-file, --write-baseline,
--annotate-docx) is a file like any tool's: created with the mode the umask gives, in a folder
made if missing; through a link, the link's target is replaced and the link kept; a device, a
FIFO or /dev/stdout is written through, never replaced by a regular file."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path


def write_atomically(
    target: Path, data: bytes, like: os.stat_result | None = None, mode: int | None = None
) -> None:
    """Replace `target` with `data`; with `like`, keep that file's mode (and owner, if allowed);
    with `mode`, give it that mode (else the temporary file's 0600). Raises OSError, having
    removed its temporary file."""
    import tempfile  # here: most runs write nothing (a warm cache, output to a pipe)

    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        if like is not None:
            os.chmod(temporary, like.st_mode & 0o7777)
            with contextlib.suppress(OSError, AttributeError):  # only root may give files away
                os.chown(temporary, like.st_uid, like.st_gid)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_output(target: Path, data: bytes) -> None:
    """Write one of gxlint's own outputs to `target` (see the module's docstring). Raises
    OSError."""
    try:
        found = os.stat(target)  # through links
    except FileNotFoundError:
        found = None
    if found is not None and not stat.S_ISREG(found.st_mode):
        with open(target, "wb") as handle:  # /dev/null, a FIFO, /dev/stdout: through
            handle.write(data)
        return
    real = Path(os.path.realpath(target))
    real.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(real, data, like=found, mode=None if found else 0o666 & ~_umask())


def _umask() -> int:
    mask = os.umask(0o22)
    os.umask(mask)
    return mask
