"""Instructions per report, counted by Valgrind's cachegrind: a figure the machine's noise does
not move (wall and CPU times on a shared machine vary by half between runs), to compare two
versions of gxlint step by step. Needs `valgrind` on the PATH.

    python bench/instructions.py [--part check|build] [--src OTHER/src] [--rounds 3]
                                 [--ignore GX519,GX6]

Counts the instructions of checking (or only building the model of) every report in
tests/corpus `rounds` times, less those of a run that only warms up, per report. `--src` counts
another checkout's gxlint (a `git worktree` of an earlier commit, say) on the same reports.
`--ignore` checks without some rules (codes or prefixes, as gxlint's own --ignore): the
difference from a run without it is what those rules cost.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.txt"))
# Run by the counted Python: warm up on every report, then do `part` `rounds` times.
WORK = """
import sys
sys.path.insert(0, sys.argv[1])
part, rounds, ignore, files = sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5:]
import gxlint
if not gxlint.__file__.startswith(sys.argv[1]):
    raise SystemExit(f"gxlint was imported from {gxlint.__file__}, not from {sys.argv[1]}")
from gxlint.app.batch import Options, check_one
from gxlint.document.build import build_document
from gxlint.document.read import read_source
options = Options(ignore=frozenset(filter(None, ignore.split(","))))
for f in files:
    failed = check_one(f, options).error
    if failed is not None:  # e.g. a Python without gxlint's dependencies: nothing is counted
        raise SystemExit(f"checking {f} failed: {failed}")
texts = [(f, read_source(f).text) for f in files]
for _ in range(rounds if part != "none" else 0):
    for f, text in texts:
        if part == "build":
            build_document(f, text)
        else:
            check_one(f, options)
"""


def count(src: Path, part: str, rounds: int, ignore: str) -> int:
    command = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
    command += [sys.executable, "-c", WORK, str(src), part, str(rounds), ignore, *map(str, CORPUS)]
    # One hash seed for every counted run: a random one moves the count by about 0.2% (the
    # order sets and dicts are iterated in, their collisions), which would hide small changes.
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    run = subprocess.run(command, capture_output=True, text=True, env=env)
    found = re.search(r"I\s+refs:\s+([\d,]+)", run.stderr)
    if run.returncode != 0 or found is None:
        own = [ln for ln in run.stderr.splitlines() if ln.strip() and not ln.startswith("==")]
        last = own[-1] if own else "no output"  # the run's own last words, not valgrind's
        raise SystemExit(f"bench/instructions.py: the counted run failed ({src}): {last}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("check", "build"), default="check")
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the gxlint to count")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--ignore", default="", help="rule codes or prefixes not run: GX519,GX6")
    args = parser.parse_args()
    args.src = args.src.resolve()
    if not (args.src / "gxlint").is_dir():
        raise SystemExit(f"bench/instructions.py: no gxlint package in {args.src}")
    if shutil.which("valgrind") is None:
        raise SystemExit("bench/instructions.py needs valgrind (apt-get install valgrind)")
    count(args.src, "none", 0, args.ignore)  # a first run fills the cache: not counted
    base = count(args.src, "none", 0, args.ignore)
    total = count(args.src, args.part, args.rounds, args.ignore)
    per_report = (total - base) / (args.rounds * len(CORPUS)) / 1e6
    without = f", without {args.ignore}" if args.ignore else ""
    print(f"{args.part}: {per_report:.2f} M instructions per report ({args.src}{without})")


if __name__ == "__main__":
    main()
