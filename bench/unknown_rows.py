"""A table with 2,000 rows the template does not know, against a plain report of the same size
(the real report's text repeated), in the same run (these machines are noisy: only the ratio
means anything). Each unknown row's label is compared with the template's labels; through the
character index (document/labels.py: NearIndex) only those that share enough characters with
it are compared at all. Each run's labels are new, as the reports of a batch are.

    python bench/unknown_rows.py [--rows 2000] [--runs 15]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
REPORT = (ROOT / "tests" / "corpus" / "huaian-2024.txt").read_text("utf-8")
ANCHOR = "四、结转下年度继续办理"  # the unknown rows go before table 三's last row
WORDS = "政务公开平台办理结果情况统计数量其他申请信息部门服务网站"


def with_unknown_rows(rows: int, seed: int = 1) -> str:
    """The report with `rows` rows of labels of its own (each seed: other labels, as the
    reports of a batch have: none is remembered from an earlier report)."""
    rng = random.Random(seed)
    lines = []
    for i in range(rows):
        label = "".join(rng.choice(WORDS) for _ in range(rng.randint(4, 14))) + str(i)
        lines.append(f"{label}\t" + "\t".join(["0"] * 7))
    at = REPORT.index(ANCHOR)
    return REPORT[:at] + "\n".join(lines) + "\n" + REPORT[at:]


def cpu(check, text: str) -> float:
    start = time.process_time()
    check(text)
    return time.process_time() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    from gxlint.document.build import build_document
    from gxlint.engine import check_report

    def check(text: str) -> None:
        check_report(build_document("r.txt", text))

    check(REPORT)
    check(with_unknown_rows(args.rows, 0))  # warm: the packs, the patterns
    size = len(with_unknown_rows(args.rows, 0))
    plain = (REPORT * (size // len(REPORT) + 1))[:size]
    floors, times = [], []
    for seed in range(1, args.runs + 1):  # in turn: a busy moment slows both alike
        unknown = with_unknown_rows(args.rows, seed)
        floors.append(cpu(check, plain))
        times.append(cpu(check, unknown))
    floor, measured = statistics.median(floors), statistics.median(times)
    ratio = measured / floor
    print(f"a plain report, same size {1000 * floor:8.1f} ms CPU (the floor)")
    print(f"with {args.rows} unknown rows  {1000 * measured:8.1f} ms CPU  {ratio:5.2f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
