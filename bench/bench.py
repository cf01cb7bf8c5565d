"""gxlint's speed, measured (never asserted in tests).

    python bench/bench.py [--batch 2000] [--runs 5]

1. Start-up: one report end to end, against the floor of importing lark, rich and yaml.
2. Batch: a folder of N copies of the real reports in tests/corpus, checked with --jobs 0
   (all cores) and --jobs 1; reports per second.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=2000, help="reports in the batch")
    parser.add_argument("--runs", type=int, default=5, help="runs per start-up measurement")
    args = parser.parse_args()
    python = sys.executable
    gxlint = [python, "-m", "gxlint"]

    floor = timed([python, "-c", "import lark, rich, yaml"], args.runs)
    version = timed([*gxlint, "--version"], args.runs)
    one = timed([*gxlint, "--fail-on", "never", str(SEED)], args.runs)
    print(f"import lark+rich+yaml      {floor * 1000:7.0f} ms")
    print(f"gxlint --version           {version * 1000:7.0f} ms")
    print(f"gxlint one report (text)   {one * 1000:7.0f} ms  ({one / floor:.1f}× the import floor)")

    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.batch):
            shutil.copy(CORPUS[i % len(CORPUS)], Path(tmp) / f"r{i:05d}.txt")
        for jobs in ("0", "1"):
            command = [*gxlint, "--format", "json", "--fail-on", "never", "--jobs", jobs, tmp]
            seconds = timed(command, 1)
            print(
                f"batch of {args.batch} (--jobs {jobs})    {seconds:7.2f} s  "
                f"{args.batch / seconds:7.0f} reports/s"
            )


if __name__ == "__main__":
    main()
