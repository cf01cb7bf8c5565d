"""A real `pre-commit run --all-files` in a temporary git repository, with this project's hook as
defined in .pre-commit-hooks.yaml (id, files, require_serial), run as a `repo: local` hook on
the installed gxlint — offline: pre-commit builds no environment for it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT, SEED

HOOK = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))[0]


def _repo(tmp_path: Path, report: str) -> Path:
    repo = tmp_path / "reports"
    repo.mkdir(parents=True)
    hook = {
        **{k: HOOK[k] for k in ("id", "name", "files", "require_serial")},
        "entry": f"{sys.executable} -m gxlint check",
        "language": "system",
    }
    config = {"repos": [{"repo": "local", "hooks": [hook]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, allow_unicode=True))
    (repo / "2023.TXT").write_text(report, "utf-8")  # any case: the hook's files regex
    for command in (["git", "init", "-q"], ["git", "add", "-A"]):
        subprocess.run(command, cwd=repo, check=True, capture_output=True)
    return repo


def _pre_commit(repo: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_AUTHOR_NAME": "t"}
    command = [sys.executable, "-m", "pre_commit", "run", "--all-files"]
    return subprocess.run(command, cwd=repo, capture_output=True, text=True, env=env, timeout=300)


def test_the_hook_blocks_a_defective_report_and_passes_a_clean_one(tmp_path) -> None:
    clean = SEED.read_text("utf-8")  # warnings only: passes the default gate
    defective = clean.replace("规章\t0\t0\t0", "规章\t0\t0\t-1")  # a negative count: an error
    passed = _pre_commit(_repo(tmp_path / "a", clean), tmp_path)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert HOOK["name"] in passed.stdout and "Passed" in passed.stdout
    blocked = _pre_commit(_repo(tmp_path / "b", defective), tmp_path)
    assert blocked.returncode == 1, blocked.stdout + blocked.stderr
    assert "Failed" in blocked.stdout and "GX209" in blocked.stdout
