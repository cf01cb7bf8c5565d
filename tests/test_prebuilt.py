"""The cache entries a wheel ships (gxlint/prebuilt/, made by hatch_build.py while it is built):
those the packs and code make, used, and only when valid; never committed, so that editing a
rule never leaves a stale entry behind."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

import gxlint.cachedir
from conftest import ROOT, SEED, lint
from gxlint.app.prebuild import prebuilt_entries
from gxlint.document.scan import SCANNER_ENTRY, lark_pattern
from gxlint.pack import detect, load
from gxlint.resources import resource_dir

BUILD, READ = load.build_pack, detect._read_formats


@pytest.fixture(scope="module")
def fresh() -> dict[str, dict]:
    return prebuilt_entries()


def test_the_entries_are_not_committed() -> None:
    """A source checkout builds them at first use (into the private cache); a wheel has them
    made as it is built (tests/test_wheel.py holds the wheel's to those built here)."""
    assert "src/gxlint/prebuilt/" in (ROOT / ".gitignore").read_text("utf-8").splitlines()
    if (ROOT / ".git").exists():
        tracked = subprocess.run(
            ["git", "-C", str(ROOT), "ls-files", "src/gxlint/prebuilt"],
            capture_output=True,
            text=True,
            check=True,
        )
        assert tracked.stdout == ""


def test_the_terminals_entry_is_the_grammar_as_lark_compiles_it(fresh) -> None:
    entry = fresh[SCANNER_ENTRY]
    assert (entry["pattern"], entry["flags"]) == lark_pattern()


def test_the_entries_name_no_install_or_working_directory(fresh, tmp_path, monkeypatch) -> None:
    text = json.dumps(fresh, ensure_ascii=False)
    for folder in (resource_dir("rules"), resource_dir("grammar")):
        assert str(folder) not in text  # a built-in file is named gxlint/rules/...
    assert "gxlint/rules/gov-2021/pack.yaml" in text
    monkeypatch.chdir(tmp_path)
    assert prebuilt_entries() == fresh


def _checked_with_shipped(folder, tmp_path, monkeypatch) -> list[str]:
    """Which of the pack and the formats a check of the seed report had to build."""
    monkeypatch.setattr(gxlint.cachedir, "SHIPPED", folder)
    monkeypatch.setenv("GXLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(load, "_LOADED", {})
    monkeypatch.setattr(load, "_BY_NAME", {})
    detect.formats.cache_clear()
    built = []
    monkeypatch.setattr(load, "build_pack", lambda *a: built.append("pack") or BUILD(*a))
    monkeypatch.setattr(detect, "_read_formats", lambda p: built.append("formats") or READ(p))
    assert [f.code for f in lint(SEED.read_text("utf-8"))] == ["GX509", "GX211"]
    detect.formats.cache_clear()
    return built


def test_a_fresh_install_builds_nothing(shipped, tmp_path, monkeypatch) -> None:
    assert _checked_with_shipped(shipped, tmp_path, monkeypatch) == []
    assert not list((tmp_path / "cache").iterdir())


@pytest.mark.parametrize("damage", ["code", "file", "corrupt", "link"])
def test_a_stale_or_damaged_shipped_entry_is_rebuilt(damage, shipped, tmp_path, monkeypatch):
    folder = tmp_path / "shipped"
    shutil.copytree(shipped, folder)
    for entry in folder.glob("[pf]*.json"):
        data = json.loads(entry.read_text("utf-8"))
        if damage == "code":  # made by another gxlint
            data["code"] = "0" * 64
        elif damage == "file":  # made from a pack file since edited
            data["files"][0][1] = "0" * 64
        entry.write_text(json.dumps(data), "utf-8")
        if damage == "corrupt":
            entry.write_bytes(b"\x80not json")
        elif damage == "link":  # a link is no shipped file
            entry.unlink()
            entry.symlink_to(shipped / entry.name)
    assert sorted(_checked_with_shipped(folder, tmp_path, monkeypatch)) == ["formats", "pack"]
    assert len(list((tmp_path / "cache").glob("[pf]*.json"))) == 2  # into the private cache
