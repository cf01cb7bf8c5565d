"""Baselines and per-file ignores: findings a repository has accepted, kept outside the reports
(a published report cannot be edited, and a comment in it would be published).

A baseline is sorted JSON that diffs well: one entry per finding, matched by file, rule code,
message and the text of the line it points at — not by line number, so a paragraph added above
does not make old findings new.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from fnmatch import fnmatch
from pathlib import Path, PurePath

from gxlint.atomic import write_output
from gxlint.errors import GxlintError
from gxlint.findings import Finding

Key = tuple[str, str, str, str]
Sources = Mapping[str, Mapping[int, str]]
VERSION = 1


def relative(path: str, root: Path) -> str:
    """`path` relative to `root` with `/`, or as given when it is not below it."""
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        return PurePath(path).as_posix()


def _key(finding: Finding, sources: Sources, root: Path) -> Key:
    text = sources.get(finding.path, {}).get(finding.span.line, "")
    return (relative(finding.path, root), finding.code, finding.message, text.strip())


def write_baseline(path: str, findings: Iterable[Finding], sources: Sources) -> int:
    """Record today's findings, their paths relative to the baseline's folder (so that it
    works from any folder gxlint is started in); how many were recorded."""
    root = Path(path).resolve().parent
    counts = Counter(_key(f, sources, root) for f in findings)
    entries = [
        {"path": p, "code": c, "message": m, "text": t, "count": n}
        for (p, c, m, t), n in sorted(counts.items())
    ]
    data = {"gxlint-baseline": VERSION, "findings": entries}
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    try:
        write_output(Path(path), text.encode("utf-8"))
    except OSError as exc:
        raise GxlintError(
            path, f"无法写入基线 (cannot write the baseline: {exc.strerror})"
        ) from None
    return counts.total()


def load_baseline(path: str) -> Counter[Key]:
    try:
        data = json.loads(Path(path).read_text("utf-8-sig"))  # a BOM an editor added is fine
        entries = data["findings"]
        return Counter(
            {(e["path"], e["code"], e["message"], e["text"]): int(e["count"]) for e in entries}
        )
    except FileNotFoundError:
        raise GxlintError(path, "基线文件不存在 (no such baseline)") from None
    except RecursionError:  # nested 200,000 deep
        raise GxlintError(path, "基线文件嵌套过深 (bad baseline: nested too deeply)") from None
    except (OSError, ValueError, KeyError, TypeError, OverflowError) as exc:  # count: 1e309
        problem = f"基线文件无法读取 (bad baseline: {type(exc).__name__}: {str(exc)[:200]})"
        raise GxlintError(path, problem) from None


def new_findings(findings: Iterable[Finding], sources: Sources, path: str) -> Iterator[Finding]:
    """The findings the baseline at `path` does not account for (each entry accounts for
    `count`; its paths are relative to its folder)."""
    root = Path(path).resolve().parent
    left = load_baseline(path)
    for finding in findings:
        key = _key(finding, sources, root)
        if left[key] > 0:
            left[key] -= 1
        else:
            yield finding


def not_ignored(
    findings: Iterable[Finding], ignores: tuple[tuple[str, tuple[str, ...]], ...], root: Path
) -> Iterator[Finding]:
    """The findings no per-file-ignores entry (glob relative to `root` → code prefixes) drops."""
    if not ignores:
        yield from findings
        return
    for finding in findings:
        where = relative(finding.path, root)
        dropped = any(
            (fnmatch(where, glob) or PurePath(where).match(glob)) and finding.code.startswith(codes)
            for glob, codes in ignores
        )
        if not dropped:
            yield finding
