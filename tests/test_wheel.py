"""The wheel ships grammar/ and rules/: installed in a fresh venv, `gxlint` runs from anywhere."""

from __future__ import annotations

import json
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, SEED


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("gxlint-*.whl")
    return built


def test_wheel_contents(wheel) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "gxlint/grammar/report.lark" in names
    assert "gxlint/rules/gov-2021/pack.yaml" in names
    assert "gxlint/app/cli.py" in names
    assert "gxlint/prebuilt/scanner-report.json" in names
    assert "gxlint/locale/zh_CN/LC_MESSAGES/argparse.mo" in names  # the Chinese command line
    assert (
        "gxlint/render/templates/page.html" in names and "gxlint/web/templates/upload.html" in names
    )
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)  # the licence text
    from gxlint import __version__

    metadata = next(n for n in names if n.endswith("METADATA"))
    text = zipfile.ZipFile(wheel).read(metadata).decode()
    assert f"Version: {__version__}" in text
    for dependency in ("lark", "rich", "pyyaml"):
        assert f"Requires-Dist: {dependency}" in text
    assert sum(n.startswith("gxlint/prebuilt/pack-") for n in names) == 3


def test_the_wheels_cache_entries_are_those_its_packs_and_code_make(wheel) -> None:
    """hatch_build.py made them from the files the wheel holds, as a first run would."""
    from gxlint.app.prebuild import prebuilt_entries

    archive = zipfile.ZipFile(wheel)
    shipped = {
        name.removeprefix("gxlint/prebuilt/"): json.loads(archive.read(name))
        for name in archive.namelist()
        if name.startswith("gxlint/prebuilt/")
    }
    assert shipped == json.loads(json.dumps(prebuilt_entries()))


def test_installed_wheel_runs_from_any_directory(wheel, tmp_path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    # Offline: the dependencies come from this interpreter's site-packages through a .pth file.
    import lark
    import rich
    import yaml

    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    dirs = {str(Path(m.__file__).resolve().parent.parent) for m in (lark, rich, yaml)}
    (Path(site) / "deps.pth").write_text("\n".join(sorted(dirs)) + "\n")
    subprocess.run([python, "-m", "pip", "install", "-q", "--no-deps", str(wheel)], check=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {"NO_COLOR": "1", "PATH": "/usr/bin:/bin", "GXLINT_CACHE_DIR": str(tmp_path / "cache")}
    result = subprocess.run(
        [env_dir / "bin" / "gxlint", str(SEED)],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "发现 2 个问题：0 个错误，2 个警告，0 个提示" in result.stdout
    # The shipped entries served the installed packs and grammar: nothing was built and cached.
    assert not list((tmp_path / "cache").glob("*.json"))
    rules = subprocess.run(
        [env_dir / "bin" / "gxlint", "rules"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env=env,
    )
    assert "GX401" in rules.stdout
