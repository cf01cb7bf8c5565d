"""Peak memory of a batch against its size: N and 10·N copies of the real reports (each with
its agency's name varied and a line of its own, as a year's or an archive's reports are),
checked in each output format, and `gxlint extract`. Printed as MiB, the growth per report, and
the ratio of the larger batch's peak to the smaller's (flat in the batch size: near 1).

    python bench/memory.py [--reports 4000] [--formats json,sarif,csv,html,extract] [--ignore GX6]

The peak is that of the gxlint process or of a worker, whichever is larger (a worker holds one
report at a time). Every output is streamed from a spool (app/spool.py) and the comparisons
across reports read their facts from disk a group at a time (engine.FactBook, kinds/_across.py,
kinds/near_copy.py); what still grows with the batch is each report's path, packed as its bytes
(scratch.Strings: the list of files and the spool's index), where its records are in the
temporary files, and bounded caches (labels, numbers) filling. The reviewers' page also keeps a
row a report for its index.
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.txt"))
TEXTS = [path.read_text("utf-8") for path in CORPUS]
PEAK = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
    "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)
_PLACE = re.compile(r"([\u4e00-\u9fff]{2,6}?)(市|县|区)")


def varied(text: str, number: int, rng: random.Random) -> str:
    """A copy with another agency's name (its first place renamed) and a line of its own."""
    place = "".join(rng.choice("东西南北中新安平和泰华兴") for _ in range(2)) + f"{number}"
    return _PLACE.sub(lambda m: place + m.group(2), text, count=1) + f"\n本文件为第 {number} 份。\n"


def folder_of(count: int, root: Path) -> Path:
    reports = root / f"batch{count}"
    if not reports.exists():
        reports.mkdir()
        rng = random.Random(count)
        for i in range(count):
            text = varied(TEXTS[i % len(TEXTS)], i, rng)
            (reports / f"r{i:06d}.txt").write_text(text, "utf-8")
    return reports


def peak_mib(fmt: str, reports: Path, ignore: str) -> float:
    gxlint = [sys.executable, "-m", "gxlint"]
    if fmt == "extract":
        command = [*gxlint, "extract", str(reports)]
    else:
        command = [*gxlint, "--format", fmt, "--fail-on", "never", "--jobs", "2", str(reports)]
        command += ["--ignore", ignore] if ignore else []
    run = subprocess.run([sys.executable, "-c", PEAK, *command], capture_output=True, text=True)
    return int(run.stdout.split()[-1]) / 1024


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=4000)
    parser.add_argument("--formats", default="json,sarif,csv,html,extract")
    parser.add_argument("--ignore", default="", help="rule codes or prefixes not run: GX6")
    args = parser.parse_args()
    small, large = args.reports, 10 * args.reports
    with tempfile.TemporaryDirectory() as folder:
        batches = {n: folder_of(n, Path(folder)) for n in (small, large)}
        print(f"{'format':8} {small:>7} reports {large:>7} reports  per report  ratio")
        for fmt in args.formats.split(","):
            low, high = (peak_mib(fmt, batches[n], args.ignore) for n in (small, large))
            per = (high - low) * 1024 / (large - small)
            print(f"{fmt:8} {low:11.0f} MiB {high:11.0f} MiB {per:7.2f} KiB {high / low:6.2f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
