"""The prose checks on the twelve released opening passages (tests/prose/, truth checked by hand
in tests/prose/truth.yaml): each passage with sections 二–六 of a complete report appended, its
own lines' findings against its truth.

    python bench/prose_precision.py      # the figures the README's "Precision" paragraph gives
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from passages import passage_names, score  # noqa: E402


def main() -> int:
    names = passage_names()
    right = false_errors = false_warnings = missed = 0
    for name in names:
        result = score(name)
        right += result.right
        missed += len(result.missed)
        false_errors += sum(f.severity.label == "error" for f in result.false)
        false_warnings += sum(f.severity.label == "warning" for f in result.false)
        notes = [f"missed {result.missed}"] if result.missed else []
        notes += [
            f"false {f.severity.label} {f.code}@{f.span.line} {f.message}" for f in result.false
        ]
        print(f"{name}  {'right' if result.right else 'WRONG'}  {'; '.join(notes)}")
    print(
        f"\n{len(names)} passages: {right} right, defects missed {missed}, "
        f"false errors {false_errors}, false warnings {false_warnings}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
