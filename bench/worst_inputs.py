"""Time on the worst input shapes found, as ratios to a plain report of the same size checked in
the same run (these machines are noisy: only ratios mean anything). Every input up to the 4 MiB
cap should take under 10 s; linear shapes stay within a few times the floor.

    python bench/worst_inputs.py [--mib 4]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "tests" / "corpus" / "huaian-2024.txt").read_text("utf-8")
TITLE = "某局2023年政府信息公开工作年度报告\n一、总体情况\n"


def shapes(size: int) -> dict[str, str]:
    """Report texts of about `size` bytes (UTF-8), one per shape."""
    chars = size // 3
    plain = (SEED * (chars // len(SEED) + 1))[:chars]
    lines = plain.split("\n")
    rng = random.Random(1)
    for i in rng.sample(range(len(lines)), min(200, len(lines))):
        lines[i] += "\t| 3 | 4"  # a line the grammar cannot place
    return {
        "plain (floor)": plain,
        "200 unplaceable lines": "\n".join(lines),
        "one long digit run": TITLE + "收到申请" + "1" * (size - 200) + "件。\n",
        "one row of a million cells": TITLE + "\t".join(["1"] * (size // 2 - 100)) + "\n",
        "digits and units": TITLE + "共 1 件、2 条、3 元，" * (size // 40) + "\n",
    }


def timed(path: Path) -> float:
    start = time.perf_counter()
    command = [sys.executable, "-m", "gxlint", "--format", "json", "--fail-on", "never", str(path)]
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mib", type=float, default=3.9)
    size = int(parser.parse_args().mib * 1024 * 1024)
    with tempfile.TemporaryDirectory() as folder:
        times = {}
        for name, text in shapes(size).items():
            path = Path(folder) / "r.txt"
            path.write_text(text, "utf-8")
            times[name] = timed(path)
    floor = times["plain (floor)"]
    for name, seconds in times.items():
        print(f"{name:28} {seconds:6.2f} s  {seconds / floor:5.1f}× the floor")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
