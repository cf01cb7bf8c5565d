"""Configuration files: found upwards, checked, and overridden by the command line."""

from __future__ import annotations

import json

import pytest

from gxlint.app.cli import main
from gxlint.app.config import find_config, load_config
from gxlint.errors import GxlintError


@pytest.fixture
def repo(tmp_path, seed_text, monkeypatch):
    """A repository of reports: the seed, a draft without its fee sentence, and a draft folder."""
    (tmp_path / "reports" / "drafts").mkdir(parents=True)
    (tmp_path / "reports" / "seed.txt").write_text(seed_text, "utf-8")
    broken = seed_text.replace("本年度未收取信息处理费。", "")
    (tmp_path / "reports" / "drafts" / "draft.txt").write_text(broken, "utf-8")
    monkeypatch.chdir(tmp_path / "reports")
    return tmp_path


def _codes(capsys) -> list[tuple[str, str]]:
    return sorted((i["path"], i["code"]) for i in json.loads(capsys.readouterr().out))


def test_found_upwards_and_pyproject(repo) -> None:
    assert find_config(repo / "reports") is None
    (repo / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert find_config(repo / "reports") is None  # no [tool.gxlint] table
    (repo / "pyproject.toml").write_text("[tool.gxlint]\nfail-on = 'warning'\n")
    assert find_config(repo / "reports" / "drafts") == repo / "pyproject.toml"
    assert load_config(repo / "pyproject.toml").fail_on == "warning"
    (repo / "reports" / "gxlint.toml").write_text("fail-on = 'never'\n")
    assert find_config(repo / "reports") == repo / "reports" / "gxlint.toml"


@pytest.mark.parametrize(
    "body",
    [
        "[tool.gxlint]\nfail-on = 'warning'\n",
        '[ tool . "gxlint" ]\nfail-on = "warning"\n',
        "[tool]\ngxlint = { fail-on = 'warning' }\n",
        "[tool]\ngxlint.fail-on = 'warning'\n",
        "tool.gxlint.fail-on = 'warning'\n",
        "tool = { gxlint = { fail-on = 'warning' } }\n",
    ],
)
def test_every_spelling_of_the_tool_table_is_found(repo, body) -> None:
    (repo / "pyproject.toml").write_text(
        f"[project]\nname = 'gxlint'\n\n{body}" if body[0] == "[" else body
    )
    assert find_config(repo / "reports") == repo / "pyproject.toml"
    assert load_config(repo / "pyproject.toml").fail_on == "warning"


@pytest.mark.parametrize(
    "body",
    [
        "[project]\nname = 'gxlint'\ndependencies = [\n  \"gxlint>=0.1\",\n]\n[tool.ruff]\n",
        "[project.scripts]\ngxlint = 'gxlint.app.cli:main'\n[tool.hatch]\n",  # gxlint's own
        "[tool.poetry.dependencies]\ngxlint = '^0.1'\n",  # a key gxlint under another table
    ],
)
def test_a_pyproject_that_only_names_gxlint_is_not_parsed(repo, monkeypatch, body) -> None:
    import sys

    (repo / "pyproject.toml").write_text(body)
    monkeypatch.delitem(sys.modules, "tomllib", raising=False)
    assert find_config(repo / "reports") is None
    assert "tomllib" not in sys.modules


def test_config_select_ignore_exclude_fail_on(repo, capsys) -> None:
    assert main(["--format", "json", "."]) == 1
    assert ("drafts/draft.txt", "GX401") in _codes(capsys)
    (repo / "gxlint.toml").write_text(
        'fail-on = "warning"\nignore = ["GX509"]\nexclude = ["drafts/*"]\n'
    )
    assert main(["--format", "json", "."]) == 1  # the seed's GX211 warning now fails
    assert _codes(capsys) == [("seed.txt", "GX211")]
    assert main(["--format", "json", "--fail-on", "error", "."]) == 0  # the command line wins
    capsys.readouterr()
    assert main(["--format", "json", "--select", "GX2,GX5", "."]) == 1  # prefixes; fail-on warning
    assert _codes(capsys) == [("seed.txt", "GX211")]  # the config's ignore still drops GX509
    assert main(["--format", "json", "--no-config", "."]) == 1
    assert ("drafts/draft.txt", "GX401") in _codes(capsys)


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("fail-on = 'fatal'\n", "配置项 fail-on"),
        ("colour = 'red'\n", "未知的配置项"),
        ("select = 'GX1'\n", "配置项 select"),
        ("fail-on = \n", "TOML 格式错误"),
    ],
)
def test_bad_config_is_one_line_exit_two(repo, capsys, body, problem) -> None:
    (repo / "gxlint.toml").write_text(body)
    with pytest.raises(GxlintError, match=problem):
        load_config(repo / "gxlint.toml")
    assert main(["."]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"gxlint: {repo / 'gxlint.toml'}: ") and "\n" not in err


def test_relative_pack_path(repo, capsys) -> None:
    (repo / "province.yaml").write_text("pack: province\nextends: gov-2021\nremove: [GX509]\n")
    (repo / "gxlint.toml").write_text('pack = "province.yaml"\n')
    assert main(["--format", "json", "seed.txt"]) == 0
    assert _codes(capsys) == [("seed.txt", "GX211")]


def test_reports_under_two_configurations_are_not_checked_under_one(tmp_path, capsys) -> None:
    """gxlint a/ b/ where only a/ has a gxlint.toml: the first path's settings no longer apply
    to b/ silently; one line names both configurations (each report's nearest applies)."""
    from conftest import SEED
    from gxlint.app.cli import main

    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "r.txt").write_text(SEED.read_text("utf-8"), "utf-8")
    (tmp_path / "a" / "gxlint.toml").write_text('ignore = ["GX5"]\n')
    assert main([str(tmp_path / "a"), str(tmp_path / "b")]) == 2
    err = capsys.readouterr().err
    assert (
        "不同的配置文件" in err and str(tmp_path / "a" / "gxlint.toml") in err and "无配置" in err
    )
    assert main(["--format", "json", str(tmp_path / "a" / "r.txt")]) == 0
    assert "GX509" not in capsys.readouterr().out  # its own configuration applies
