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


def _git(repo: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
    }
    env["GIT_COMMITTER_EMAIL"] = "t@t"
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


def _hook_repo(repo: Path, args: list[str] | None = None) -> None:
    hook = {
        **{k: HOOK[k] for k in ("id", "name", "files", "require_serial")},
        "entry": f"{sys.executable} -m gxlint check",
        "language": "system",
        "verbose": True,
        **({"args": args} if args else {}),
    }
    config = {"repos": [{"repo": "local", "hooks": [hook]}]}
    repo.mkdir(parents=True, exist_ok=True)
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, allow_unicode=True))
    _git(repo, "init", "-q")


def test_the_hook_checks_reports_of_every_kind_and_only_reports(tmp_path) -> None:
    """README.md and requirements.txt match the hook's files but are no reports: each is named
    once and skipped; the .txt, .docx and .pdf reports are checked."""
    from test_docx import seed_docx

    repo = tmp_path / "reports"
    _hook_repo(repo)
    (repo / "README.md").write_text("# 年报仓库\n\n本仓库存放各年度报告。\n", "utf-8")
    (repo / "requirements.txt").write_text("gxlint[pdf]\n", "utf-8")
    (repo / "2023.txt").write_text(SEED.read_text("utf-8"), "utf-8")
    (repo / "2023.docx").write_bytes(seed_docx(SEED.read_text("utf-8")))
    (repo / "huaian-2024.pdf").write_bytes((ROOT / "tests/corpus/raw/huaian-2024.pdf").read_bytes())
    _git(repo, "add", "-A")
    run = _pre_commit(repo, tmp_path)
    out = run.stdout + run.stderr
    assert run.returncode == 0, out
    assert "README.md: 不是政府信息公开工作年度报告，未检查" in out
    assert "requirements.txt: 不是政府信息公开工作年度报告，未检查" in out
    assert "GX101" not in out  # no report's missing sections for a README
    # each report checked: the seed's GX509 in the text and the Word copy, the PDF's GX404
    assert "2023.txt:11:" in out and "2023.docx:11:" in out
    assert "huaian-2024.pdf:9:1: GX404" in out


def test_the_hook_compares_a_new_report_with_last_years_committed_one(tmp_path) -> None:
    """history = ["reports"]: committing only the 2024 report compares it with the committed
    2023 report (GX601), never with itself (no GX603/GX604)."""
    from conftest import corpus_text
    from test_across import ROW

    repo = tmp_path / "repo"
    _hook_repo(repo)
    (repo / "gxlint.toml").write_text('history = ["reports"]\n', "utf-8")
    (repo / "reports").mkdir()
    last = ROW.sub(r"\g<1>2\g<2>", corpus_text("pingtan-2023"))  # 2 carried into 2024
    (repo / "reports" / "2023.txt").write_text(last, "utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "2023", "--no-verify")
    (repo / "reports" / "2024.txt").write_text(corpus_text("pingtan-2024"), "utf-8")
    _git(repo, "add", "reports/2024.txt")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "pre_commit", "run"]  # the staged files: 2024.txt only
    run = subprocess.run(command, cwd=repo, capture_output=True, text=True, env=env, timeout=300)
    out = run.stdout + run.stderr
    assert "reports/2024.txt:17:" in out and "GX601" in out, out
    assert "GX603" not in out and "GX604" not in out
    assert "reports/2023.txt:" not in out  # history is compared with, never reported on
