"""Writes the cache entries a wheel ships (gxlint/prebuilt/): every built-in pack, validated;
the formats' `detect:` blocks; the grammar's terminals as Lark compiles them. A first run on a
fresh install then reads them instead of parsing YAML and loading Lark (cachedir.py).

    python -m gxlint.app.prebuild [FOLDER]

hatch_build.py runs it while a wheel is built; the entries are never committed (a checkout
builds them into the private cache at first use). FOLDER defaults to src/gxlint/prebuilt/.
"""

from __future__ import annotations

import sys
from pathlib import Path

from gxlint.cachedir import SHIPPED, write_entry
from gxlint.document.scan import SCANNER_ENTRY, scanner_entry
from gxlint.kinds import registry
from gxlint.pack.cache import entry, entry_name, pack_key
from gxlint.pack.detect import formats_source
from gxlint.pack.files import builtin_pack_names, find_pack
from gxlint.pack.load import build_pack


def prebuilt_entries() -> dict[str, dict]:
    """Every shipped entry by file name, built afresh (never read from any cache)."""
    entries = {SCANNER_ENTRY: scanner_entry()}
    key, build = formats_source()
    entries[entry_name("formats", key)] = entry(*build())
    for name in builtin_pack_names():
        main = find_pack(name)
        entries[entry_name("pack", pack_key(main))] = entry(*build_pack(main, registry()))
    return entries


def write_prebuilt(folder: Path) -> list[str]:
    """Replace the entries in `folder` with fresh ones (all built before any is removed);
    their names."""
    entries = prebuilt_entries()
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.json"):
        stale.unlink()
    for name, data in entries.items():
        write_entry(name, data, folder)
        (folder / name).chmod(0o644)  # read by every user of an install
    return sorted(entries)


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else SHIPPED
    for name in write_prebuilt(folder):
        print(folder / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
