"""gxlint's speed, measured (never asserted in tests).

    python bench/bench.py [--batch 4000] [--runs 11] [--skip-sizes]

1. Start-up: one report end to end, with a warm cache and with a cold one, against the floor of
   importing lark, rich.console and yaml; `gxlint --version` against a bare `python -c pass`.
   Runs are paired (floor, then gxlint, in turn) and each figure is the median.
2. Batch: folders of 400 and of N copies of the real reports in tests/corpus, each with a line
   of its own, checked with --jobs 2 and --jobs 1, against a plain script that reads the same
   files, types each line with a few regular expressions and sums the numbers of the table rows:
   reports per second, CPU per report (it should not grow with the batch) and the peak memory
   of any one process.
3. Size: a 1 MiB report with 200 lines the grammar cannot place against the same size without
   them, and a 4 MiB report (bench/worst_inputs.py has more shapes).

Every figure is printed with its floor measured in the same run, and as a ratio to it (the
machines are shared and noisy: absolute times mean little). The modules are compiled first, as
an installed gxlint is.
"""

from __future__ import annotations

import argparse
import compileall
import os
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
TEXTS = [path.read_text("utf-8") for path in CORPUS]
PYTHON = sys.executable
GXLINT = [PYTHON, "-m", "gxlint"]
# Runs a command and prints its children's CPU seconds and the peak RSS of any one (KiB).
MEASURED = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
    "stderr=subprocess.DEVNULL); r = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "print(r.ru_utime + r.ru_stime, r.ru_maxrss)"
)


def once(command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd)
    return time.perf_counter() - start


def paired(commands: dict[str, tuple[list[str], dict[str, str] | None]], runs: int, cold: Path):
    """Median wall time of each command over `runs` rounds, the commands taking turns; the
    cache folder `cold` is emptied before each command that uses it."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (command, env) in commands.items():
            if env and env.get("GXLINT_CACHE_DIR") == str(cold):
                shutil.rmtree(cold, ignore_errors=True)
            times[name].append(once(command, env, cwd=SEED.parent))
    return {name: statistics.median(values) for name, values in times.items()}


def measured(command: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds of the command and its workers, peak RSS of one (MiB)."""
    start = time.perf_counter()
    out = subprocess.run([PYTHON, "-c", MEASURED, *command], capture_output=True, text=True)
    wall = time.perf_counter() - start
    cpu, rss = out.stdout.split()
    return wall, float(cpu), int(rss) // 1024


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


def startup(runs: int, folder: Path) -> None:
    warm_env = {**os.environ, "GXLINT_CACHE_DIR": str(folder / "warm")}
    cold_env = {**os.environ, "GXLINT_CACHE_DIR": str(folder / "cold")}
    report = [*GXLINT, "--fail-on", "never", SEED.name]
    once(report, warm_env, SEED.parent)  # the warm cache filled
    t = paired(
        {
            "bare": ([PYTHON, "-c", "pass"], None),
            "version": ([*GXLINT, "--version"], warm_env),
            "floor": ([PYTHON, "-c", "import lark, rich.console, yaml"], None),
            "warm": (report, warm_env),
            "cold": (report, cold_env),
        },
        runs,
        folder / "cold",
    )
    print(f"python -c pass                   {t['bare'] * 1000:6.0f} ms")
    print(f"gxlint --version                 {t['version'] * 1000:6.0f} ms  ", end="")
    print(f"{t['version'] / t['bare']:.2f}× python -c pass")
    print(f"import lark, rich.console, yaml  {t['floor'] * 1000:6.0f} ms")
    for name in ("warm", "cold"):
        print(f"one report, {name} cache            {t[name] * 1000:6.0f} ms  ", end="")
        print(f"{t[name] / t['floor']:.2f}× the import floor")


def batch(size: int, folder: Path) -> None:
    print()
    for count in sorted({400, size}):  # --batch 400: one batch
        reports = folder / f"batch{count}"
        reports.mkdir()
        for i in range(count):  # each copy made distinct: a memo of whole reports gains nothing
            text = TEXTS[i % len(TEXTS)] + f"\n本文件为第 {i} 份副本。\n"
            (reports / f"r{i:05d}.txt").write_text(text, "utf-8")
        plain = once([PYTHON, "-c", FLOOR_SCRIPT, str(reports)])
        print(f"plain script, {count} reports     {plain:6.2f} s  {count / plain:6.0f} reports/s")
        for jobs in ("2", "1"):
            command = [*GXLINT, "--format", "json", "--fail-on", "never", "--jobs", jobs]
            wall, cpu, rss = measured([*command, str(reports)])
            print(
                f"  --jobs {jobs}: {count / wall:5.0f} reports/s "
                f"({wall / plain:4.0f}× the script), "
                f"{count / cpu:4.0f} per CPU-second, {cpu / count * 1000:.2f} ms CPU per report, "
                f"peak RSS {rss} MiB"
            )


def sizes(folder: Path) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from worst_inputs import shapes

    print()
    mib = 1024 * 1024
    one = shapes(mib)
    cases = {
        "1 MiB report": one["plain (floor)"],
        "1 MiB, 200 unplaceable lines": one["200 unplaceable lines"],
        "4 MiB report": shapes(4 * mib - 4096)["plain (floor)"],
    }
    times = {}
    for name, text in cases.items():
        path = folder / "big.txt"
        path.write_text(text, "utf-8")
        times[name] = once([*GXLINT, "--format", "json", "--fail-on", "never", str(path)])
    base = times["1 MiB report"]
    for name, seconds in times.items():
        print(f"{name:30} {seconds:6.2f} s  {seconds / base:.2f}× the 1 MiB report")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=4000, help="reports in the large batch")
    parser.add_argument("--runs", type=int, default=11, help="rounds of start-up runs")
    parser.add_argument("--skip-sizes", action="store_true", help="no large-report runs")
    args = parser.parse_args()
    compileall.compile_dir(ROOT / "src", quiet=2)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        startup(args.runs, folder)
        batch(args.batch, folder)
        if not args.skip_sizes:
            sizes(folder)


if __name__ == "__main__":
    main()
