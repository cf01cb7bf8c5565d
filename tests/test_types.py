"""The types hold: mypy over src/ (strict for pack/, engine.py and findings.py, the layers the
rest is built on; pyproject.toml's [tool.mypy]) finds nothing."""

from __future__ import annotations

import subprocess
import sys
import tomllib

from conftest import ROOT


def test_mypy_finds_nothing_in_src() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.startswith("Success: no issues found")


def test_the_foundation_is_checked_strictly() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["mypy"]
    (strict,) = [o for o in config["overrides"] if "gxlint.engine" in o["module"]]
    assert {"gxlint.pack.*", "gxlint.engine", "gxlint.findings"} <= set(strict["module"])
    assert strict["disallow_untyped_defs"] and strict["disallow_any_generics"]
    assert strict["warn_return_any"] and strict["disallow_untyped_calls"]
