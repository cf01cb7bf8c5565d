"""bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK; any line ends.

The Source keeps what `--fix` needs to write a report back as it was: its encoding, BOM, line
ends and whether it ended with a newline.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata

from gxlint.errors import ENCODING, GxlintError
from gxlint.records import record

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_LINE_END = re.compile(r"(\r\n|\r|\n)")
# Share of characters that must be ordinary text (letters, digits, CJK, punctuation, spaces).
_MIN_TEXT_SHARE = 0.9
# Control characters (but tab and newline), and the private-use area and beyond, where
# unassigned code points and mis-decoded bytes land.
_ODD = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ue000-\uf8ff\ufff0-\uffff]")


@record(frozen=True, slots=True)
class Source:
    """A report's text ("\\n" line ends, a final newline) and how to write it back as it was:
    its encoding, BOM, each line's own ending, whether it ended with one; and a digest of the
    bytes it was read from."""

    text: str
    encoding: str = "utf-8"
    bom: bytes = b""
    endings: tuple[str, ...] = ()
    final_newline: bool = True
    editable: bool = True  # False for formats gxlint reads but does not write (.docx)
    digest: str = ""
    places: tuple[str, ...] = ()  # for each text line, where it is in the input (HTML line …)

    def encode(self, text: str) -> bytes:
        """`text` (as gxlint holds it) in the file's own encoding, BOM and line ends."""
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        common = max(set(self.endings), key=self.endings.count, default="\n")
        endings = [*self.endings, *[common] * max(0, len(lines) - len(self.endings))]
        if not self.final_newline:
            endings[len(lines) - 1] = ""
        joined = "".join(line + end for line, end in zip(lines, endings, strict=False))
        return self.bom + joined.encode(self.encoding)


def digest(data: bytes) -> str:
    """What tells a report's bytes from another's within a run (the same report twice, a file
    changed since it was checked): BLAKE2b, twice as fast as SHA-256 here, 128 bits."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def decode_report(path: str, data: bytes) -> Source:
    """Decode a report's bytes, or raise GxlintError naming the file and the problem."""
    if not data.strip():
        raise GxlintError(path, "文件为空 (empty file)")
    raw, encoding, bom = _decode(path, data)
    text, endings = _line_ends(raw)
    if not _looks_like_text(text):
        raise GxlintError(
            path, "内容不是可读的文本 (not readable text: wrong encoding or binary)", ENCODING
        )
    final_newline = text.endswith("\n")
    return Source(
        text=text if final_newline else text + "\n",
        encoding=encoding,
        bom=bom,
        endings=endings,
        final_newline=final_newline,
        digest=digest(data),
    )


def _line_ends(raw: str) -> tuple[str, tuple[str, ...]]:
    """The text with "\n" line ends, and each line's own ending."""
    if "\r" not in raw:  # the usual case: nothing to change
        return raw, ("\n",) * raw.count("\n")
    parts = _LINE_END.split(raw)
    return "\n".join(parts[0::2]), tuple(parts[1::2])


def _decode(path: str, data: bytes) -> tuple[str, str, bytes]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding, bom
            except UnicodeDecodeError:
                raise GxlintError(
                    path, f"不是有效的 {encoding} 文本 (invalid {encoding})"
                ) from None
    if b"\x00" in data:
        raise GxlintError(path, "含有 NUL 字节，是二进制文件 (binary file: NUL bytes)")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding, b""
        except UnicodeDecodeError:
            pass
    raise GxlintError(
        path, "无法识别编码：不是 UTF-8、UTF-16 或 GB18030 (unknown encoding)", ENCODING
    )


def _looks_like_text(text: str) -> bool:
    sample = text[:20000]
    odd = _ODD.findall(sample)
    if not odd:
        return True
    unassigned = sum(1 for ch in odd if ch >= "\ue000" and unicodedata.category(ch) in ("Co", "Cn"))
    controls = len(odd) - sum(1 for ch in odd if ch >= "\ue000")
    return controls + unassigned <= (1 - _MIN_TEXT_SHARE) * len(sample)
