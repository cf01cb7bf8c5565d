"""A longer fuzz run than the suite's (tests/test_fuzz.py runs 60 examples):

python bench/fuzz.py [--examples 5000]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=5000)
    examples = parser.parse_args().examples
    from hypothesis import HealthCheck, given, settings

    import test_fuzz

    test = settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )(
        given(test_fuzz.report_text())(
            test_fuzz.test_pipeline_renderers_and_fixes_never_raise.hypothesis.inner_test
        )
    )
    test()
    print(f"{examples} examples: no exception")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
