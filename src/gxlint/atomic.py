"""Writing a file in one step: a temporary file beside it, written and synced, then renamed over
it. Readers see the old file or the new one, never half of one; on failure nothing is left."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomically(target: Path, data: bytes, like: os.stat_result | None = None) -> None:
    """Replace `target` with `data`; with `like`, keep that file's mode (and owner, if allowed).
    Raises OSError, having removed its temporary file."""
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if like is not None:
            os.chmod(temporary, like.st_mode & 0o7777)
            with contextlib.suppress(OSError, AttributeError):  # only root may give files away
                os.chown(temporary, like.st_uid, like.st_gid)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
