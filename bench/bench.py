"""gxlint's speed, measured (never asserted in tests).

    python bench/bench.py [--batch 2000] [--runs 5]

1. Start-up: one report end to end, against the floor of importing lark, rich and yaml;
   `gxlint --version` against a bare `python -c pass`.
2. Batch: a folder of N copies of the real reports in tests/corpus, checked with --jobs 0
   (all cores) and --jobs 1, against the floor of a plain script that reads the same files,
   types each line with a few regular expressions and sums the numbers of the table rows.

Every figure is printed with its floor measured in the same run, and as a ratio to it (the
machines are shared and noisy: absolute times mean little).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "xuchang-justice-2023.txt"
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.txt"))


def timed(command: list[str], runs: int) -> float:
    """Median wall time of `runs` runs, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


FLOOR_SCRIPT = r"""
import re, sys
from pathlib import Path
heading = re.compile(r"^[一二三四五六七八九十]+、")
row = re.compile(r"^[^\t]+(\t[-\d.]*)+$")
number = re.compile(r"-?\d+(?:\.\d+)?")
total = 0.0
for path in sorted(Path(sys.argv[1]).iterdir()):
    for line in path.read_text("utf-8").splitlines():
        if heading.match(line):
            continue
        if row.match(line):
            total += sum(float(n) for n in number.findall(line))
print(total)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=2000, help="reports in the batch")
    parser.add_argument("--runs", type=int, default=5, help="runs per start-up measurement")
    args = parser.parse_args()
    python = sys.executable
    gxlint = [python, "-m", "gxlint"]

    bare = timed([python, "-c", "pass"], args.runs)
    floor = timed([python, "-c", "import lark, rich, yaml"], args.runs)
    version = timed([*gxlint, "--version"], args.runs)
    one = timed([*gxlint, "--fail-on", "never", str(SEED)], args.runs)
    print(f"python -c pass             {bare * 1000:7.0f} ms")
    print(f"import lark+rich+yaml      {floor * 1000:7.0f} ms")
    print(
        f"gxlint --version           {version * 1000:7.0f} ms  "
        f"({version / bare:.1f}× python -c pass)"
    )
    print(f"gxlint one report (text)   {one * 1000:7.0f} ms  ({one / floor:.1f}× the import floor)")

    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.batch):
            shutil.copy(CORPUS[i % len(CORPUS)], Path(tmp) / f"r{i:05d}.txt")
        plain = timed([python, "-c", FLOOR_SCRIPT, tmp], 1)
        print(
            f"plain script, {args.batch} reports  {plain:7.2f} s  "
            f"{args.batch / plain:7.0f} reports/s"
        )
        for jobs in ("0", "1"):
            command = [*gxlint, "--format", "json", "--fail-on", "never", "--jobs", jobs, tmp]
            seconds = timed(command, 1)
            print(
                f"batch of {args.batch} (--jobs {jobs})    {seconds:7.2f} s  "
                f"{args.batch / seconds:7.0f} reports/s  ({seconds / plain:.0f}× the plain script)"
            )


if __name__ == "__main__":
    main()
