"""The cache entries gxlint ships (src/gxlint/prebuilt/): current, used, and only when valid."""

from __future__ import annotations

import json
import shutil

import pytest

import gxlint.cachedir
from conftest import SEED, lint
from gxlint.app.prebuild import prebuilt_entries
from gxlint.cachedir import SHIPPED
from gxlint.document.scan import SCANNER_ENTRY, lark_pattern
from gxlint.pack import detect, load
from gxlint.resources import resource_dir

BUILD, READ = load.build_pack, detect._read_formats

STALE = "out of date: run `python -m gxlint.app.prebuild` and commit src/gxlint/prebuilt/"


@pytest.fixture(scope="module")
def fresh() -> dict[str, dict]:
    return prebuilt_entries()


def _shipped() -> dict[str, dict]:
    return {p.name: json.loads(p.read_text("utf-8")) for p in SHIPPED.glob("*.json")}


def test_the_shipped_entries_are_those_built_from_the_packs_and_code(fresh) -> None:
    shipped = _shipped()
    assert sorted(shipped) == sorted(fresh), STALE
    for name, data in fresh.items():
        if name != SCANNER_ENTRY:
            assert shipped[name] == json.loads(json.dumps(data)), f"{name}: {STALE}"


def test_the_shipped_terminals_are_the_grammar_as_lark_compiles_it(fresh) -> None:
    """The Lark installed here may be another release than the one the entry was made with
    (then the entry is not used, see below); what it compiles the grammar to must not differ."""
    shipped = _shipped()[SCANNER_ENTRY]
    assert shipped["grammar"] == fresh[SCANNER_ENTRY]["grammar"], STALE
    assert (shipped["pattern"], shipped["flags"]) == lark_pattern()


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


def test_a_fresh_install_builds_nothing(tmp_path, monkeypatch) -> None:
    assert _checked_with_shipped(SHIPPED, tmp_path, monkeypatch) == []
    assert not list((tmp_path / "cache").iterdir())


@pytest.mark.parametrize("damage", ["code", "file", "corrupt", "link"])
def test_a_stale_or_damaged_shipped_entry_is_rebuilt(damage, tmp_path, monkeypatch) -> None:
    folder = tmp_path / "shipped"
    shutil.copytree(SHIPPED, folder)
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
            entry.symlink_to(SHIPPED / entry.name)
    assert sorted(_checked_with_shipped(folder, tmp_path, monkeypatch)) == ["formats", "pack"]
    assert len(list((tmp_path / "cache").glob("[pf]*.json"))) == 2  # into the private cache
