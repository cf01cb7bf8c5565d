"""The Chinese catalogue for argparse's own words (`locale/zh_CN/LC_MESSAGES/argparse.po`):
compiled to the GNU .mo gettext reads, and put in place of argparse's English when the command
line is built, whatever the user's locale (every message gxlint prints is Chinese).

    python -m gxlint.app.catalogue      # recompile argparse.mo after editing argparse.po
"""

from __future__ import annotations

import sys
from pathlib import Path

LOCALE = Path(__file__).resolve().parent.parent / "locale"
PO = LOCALE / "zh_CN" / "LC_MESSAGES" / "argparse.po"
MO = PO.with_suffix(".mo")


def use_chinese() -> None:
    """argparse's words from the catalogue (argparse looks up `_` and `ngettext` at each use)."""
    import argparse
    import gettext

    try:  # the one catalogue there is: no search by locale (gettext.translation's)
        with MO.open("rb") as handle:
            chinese: gettext.NullTranslations = gettext.GNUTranslations(handle)
    except OSError:
        chinese = gettext.NullTranslations()
    argparse._ = chinese.gettext  # type: ignore[attr-defined]
    argparse.ngettext = chinese.ngettext  # type: ignore[attr-defined]


def read_po(text: str) -> dict[str, str]:
    """msgid (with its plural after a NUL) → msgstr (plural forms NUL-separated)."""
    import ast  # here and in compile_mo: only to recompile the catalogue, never in a run

    entries: dict[str, str] = {}
    fields: dict[str, str] = {}
    key = ""
    for raw in [*text.splitlines(), ""]:
        line = raw.strip()
        if not line or line.startswith("#"):
            if "msgid" in fields:
                _add(entries, fields)
            fields, key = {}, ""
            continue
        if line.startswith('"'):
            fields[key] += ast.literal_eval(line)
            continue
        key, _, value = line.partition(" ")
        fields[key] = ast.literal_eval(value)
    return entries


def _add(entries: dict[str, str], fields: dict[str, str]) -> None:
    msgid = fields["msgid"]
    if "msgid_plural" in fields:
        msgid += "\0" + fields["msgid_plural"]
        forms = sorted(k for k in fields if k.startswith("msgstr["))
        entries[msgid] = "\0".join(fields[k] for k in forms)
    else:
        entries[msgid] = fields["msgstr"]


def compile_mo(entries: dict[str, str]) -> bytes:
    """The GNU .mo file of `entries` (no hash table: gettext reads it without one)."""
    import struct

    ids = sorted(entries)
    originals = [i.encode("utf-8") for i in ids]
    translations = [entries[i].encode("utf-8") for i in ids]
    count = len(ids)
    start = 7 * 4 + 16 * count  # the header, then the two tables
    table_o, table_t, data = [], [], b""
    for blob in originals:
        table_o += [len(blob), start + len(data)]
        data += blob + b"\0"
    for blob in translations:
        table_t += [len(blob), start + len(data)]
        data += blob + b"\0"
    header = struct.pack("<7I", 0x950412DE, 0, count, 28, 28 + 8 * count, 0, start)
    return header + struct.pack(f"<{4 * count}I", *table_o, *table_t) + data


def main() -> int:
    MO.write_bytes(compile_mo(read_po(PO.read_text("utf-8"))))
    print(MO)
    return 0


if __name__ == "__main__":
    raise SystemExit(main() if not sys.argv[1:] else 2)
