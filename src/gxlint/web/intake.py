"""What an upload holds: report files (by name and bytes), each within the command line's
4 MiB, a bounded number of them; a .zip of reports opened here with limits on its entries and
their total size, no path leaving the archive, no archive inside it. Anything else is a
`Refused` with a reason a person can act on."""

from __future__ import annotations

import io
import posixpath
import zipfile

from gxlint.document.read import INPUT_SUFFIXES, MAX_BYTES
from gxlint.records import record

MAX_FILES = 300  # reports in one request (a province's batch)
MAX_ZIP_ENTRIES = 1000
MAX_ZIP_TOTAL = 256 * 1024 * 1024  # bytes unpacked, all entries together
_ARCHIVES = (".zip", ".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".xz")


class Refused(Exception):
    """An upload that is not checked, and why (in Chinese, for the page and the API)."""


@record(frozen=True, slots=True)
class Upload:
    """A file as uploaded."""

    name: str  # as the person named it (no folders)
    data: bytes

    @property
    def suffix(self) -> str:
        return posixpath.splitext(self.name)[1].lower()


def reports(uploads: list[Upload]) -> list[Upload]:
    """The reports in what was uploaded: files as they are, zips opened."""
    found: list[Upload] = []
    for upload in uploads:
        found += _unzipped(upload) if upload.suffix == ".zip" else [_report(upload)]
        if len(found) > MAX_FILES:
            raise Refused(f"一次最多检查 {MAX_FILES} 份报告")
    if not found:
        raise Refused("没有收到报告文件")
    return found


def _report(upload: Upload) -> Upload:
    if len(upload.data) > MAX_BYTES:
        raise Refused(f"{upload.name}：文件过大，超过 {MAX_BYTES // 2**20} MiB")
    if upload.suffix in _ARCHIVES:
        raise Refused(f"{upload.name}：压缩包里不能再有压缩包")
    if upload.suffix not in (*INPUT_SUFFIXES, ".doc", ".wps"):
        raise Refused(f"{upload.name}：不是报告文件（可检查 {'、'.join(INPUT_SUFFIXES)}）")
    return upload


def _unzipped(upload: Upload) -> list[Upload]:
    try:
        with zipfile.ZipFile(io.BytesIO(upload.data)) as archive:
            entries = [i for i in archive.infolist() if not i.is_dir()]
            _check_entries(upload.name, entries)
            return [
                _report(Upload(posixpath.basename(_name(i)), archive.read(i)))
                for i in entries
                if not _hidden(_name(i))
            ]
    except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
        raise Refused(f"{upload.name}：不是有效的 zip 压缩包（{type(exc).__name__}）") from None


def _check_entries(name: str, entries: list[zipfile.ZipInfo]) -> None:
    if len(entries) > MAX_ZIP_ENTRIES:
        raise Refused(f"{name}：压缩包内文件过多（最多 {MAX_ZIP_ENTRIES} 个）")
    if sum(i.file_size for i in entries) > MAX_ZIP_TOTAL:
        raise Refused(f"{name}：压缩包解压后过大（最多 {MAX_ZIP_TOTAL // 2**20} MiB）")
    for info in entries:
        path = _name(info)
        if path.startswith("/") or ".." in path.split("/") or ":" in path.split("/")[0]:
            raise Refused(f"{name}：压缩包内的路径 {path!r} 指向包外，拒绝处理")
        if info.flag_bits & 0x1:
            raise Refused(f"{name}：压缩包已加密")


def _name(info: zipfile.ZipInfo) -> str:
    """An entry's path with / separators (a zip made on Windows may use \\)."""
    return info.filename.replace("\\", "/")


def _hidden(path: str) -> bool:
    """macOS's __MACOSX/ and ._ files, a desktop.ini: not reports."""
    base = posixpath.basename(path)
    return path.startswith("__MACOSX/") or base.startswith(".") or base == "desktop.ini"
