"""Instructions per report, counted by Valgrind's cachegrind: a figure the machine's noise does
not move (wall and CPU times on a shared machine vary by half between runs), to compare two
versions of gxlint step by step. Needs `valgrind` on the PATH.

    python bench/instructions.py [--part PART | --phases] [--src OTHER/src] [--rounds 3]
                                 [--ignore GX519,GX6]

Counts the instructions of checking every report in tests/corpus `rounds` times, less those of a
run that only warms up, per report. `--part` counts one stage instead: `read` (reading the file),
`build` (the model of a text already read), and from the text up to `context` (format version
and pack), `tables` (table recognition), `prose` (every section's prose folded) or `rules` (the
engine's check: every rule run, the findings sorted); `check`, the default, is `gxlint`'s own
check of a file, reading included. `--phases` counts every stage and prints what each adds to the
one before it. `--src` counts another checkout's gxlint (a `git worktree` of an earlier commit,
say) on the same reports. `--ignore` checks without some rules (codes or prefixes, as gxlint's own
--ignore): the difference from a run without it is what those rules cost.
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
import gc
import sys
sys.path.insert(0, sys.argv[1])
part, rounds, ignore, files = sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5:]
import gxlint
if not gxlint.__file__.startswith(sys.argv[1]):
    raise SystemExit(f"gxlint was imported from {gxlint.__file__}, not from {sys.argv[1]}")
from gxlint.app.batch import Options, check_one
from gxlint.document.build import build_document
from gxlint.document.read import read_source
from gxlint.engine import check_report, context_for
options = Options(ignore=frozenset(filter(None, ignore.split(","))))


def stage(path, text):
    # The model, then each stage after it up to `part` as the engine goes through them, and
    # for `rules` the engine's own check of the model (the cyclic collector off, as check_one
    # has it).
    gc.disable()
    try:
        upto(path, text)
    finally:
        gc.enable()


def upto(path, text):
    doc = build_document(path, text)
    if part == "build":
        return
    if part == "rules":
        check_report(doc, select=options.select, ignore=options.ignore)
        return
    ctx = context_for(doc)
    if part == "context" or not ctx.is_report:
        return
    ctx.tables
    if part == "tables":
        return
    for key in ("preamble", *(spec.key for spec in ctx.pack.sections)):
        ctx.prose(key)


for f in files:
    failed = check_one(f, options).error
    if failed is not None:  # e.g. a Python without gxlint's dependencies: nothing is counted
        raise SystemExit(f"checking {f} failed: {failed}")
texts = [(f, read_source(f).text) for f in files]
for _ in range(rounds if part != "none" else 0):
    for f, text in texts:
        if part == "check":
            check_one(f, options)
        elif part == "read":
            read_source(f)
        else:
            stage(f, text)
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


# The stages `--phases` counts: each one's name, and the stage its figure includes (None: none).
STAGES = {
    "read": ("reading the file", None),
    "build": ("building the model", None),
    "context": ("format version and context", "build"),
    "tables": ("table recognition", "context"),
    "prose": ("folding the prose", "tables"),
    "rules": ("the rules", "prose"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parts = parser.add_mutually_exclusive_group()
    parts.add_argument("--part", choices=("check", *STAGES), default="check")
    parts.add_argument("--phases", action="store_true", help="every stage, and what each adds")
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

    def per_report(part: str) -> float:
        total = count(args.src, part, args.rounds, args.ignore)
        return (total - base) / (args.rounds * len(CORPUS)) / 1e6

    counted = f"{args.src}, without {args.ignore}" if args.ignore else str(args.src)
    if not args.phases:
        print(f"{args.part}: {per_report(args.part):.2f} M instructions per report ({counted})")
        return
    figures = {part: per_report(part) for part in ("check", *STAGES)}
    print(f"M instructions per report ({counted})")
    for part, (name, before) in STAGES.items():
        own = figures[part] - (figures[before] if before else 0.0)
        print(f"  {name:<28} {own:6.2f}")
    rest = figures["check"] - figures["read"] - figures["rules"]
    print(f"  {'findings and results':<28} {rest:6.2f}")
    print(f"  {'a whole check':<28} {figures['check']:6.2f}")


if __name__ == "__main__":
    main()
