"""A worker that dies takes only the file that killed it: the rest of a parallel batch is
checked as if nothing happened (app/pool.py). The workers are forked, so a `_check` patched
here is the workers' too."""

from __future__ import annotations

import json
import os
import pickle
import shutil

import pytest

from conftest import CORPUS
from gxlint.app import batch
from gxlint.app.cli import main
from gxlint.pack.rule import RuleDoc

REPORTS = sorted(CORPUS.glob("*.txt"))


def _folder(tmp_path, count: int):
    for i in range(count):
        shutil.copy(REPORTS[i % len(REPORTS)], tmp_path / f"r{i:03d}.txt")
    return tmp_path


def _run(capsys, folder, jobs: str) -> tuple[list[tuple[str, str, int]], str]:
    """Each report's own findings (those across reports depend on which reports were read),
    and what was said on stderr."""
    main(["--format", "json", "--fail-on", "never", "--ignore", "GX6", "--jobs", jobs, str(folder)])
    out, err = capsys.readouterr()
    return [(i["path"], i["code"], i["line"]) for i in json.loads(out)], err


@pytest.mark.parametrize("killers", [("r005.txt",), ("r000.txt", "r037.txt", "r071.txt")])
def test_only_the_file_that_kills_its_worker_is_lost(tmp_path, capsys, monkeypatch, killers):
    folder = _folder(tmp_path, 80)
    serial, _ = _run(capsys, folder, "1")
    check = batch._check

    def dying(path, name, options):
        if path.endswith(killers):
            os._exit(3)  # as a segfault or the OOM killer would end it: no exception, no result
        return check(path, name, options)

    monkeypatch.setattr(batch, "_check", dying)
    parallel, err = _run(capsys, folder, "2")
    lost = [str(folder / k) for k in killers]
    assert [f for f in parallel if f[1] == "GX902"] == [(p, "GX902", 1) for p in lost]
    assert [f for f in parallel if f[1] != "GX902"] == [f for f in serial if f[0] not in lost]
    assert err.count("its worker died") == len(killers)


def test_checking_a_report_leaves_the_cyclic_collector_as_it_was(tmp_path) -> None:
    """check_one pauses the collector for a report (its objects hold no cycles) and always
    turns it back on: after a report, after one that cannot be read, after an internal error."""
    import gc

    good = tmp_path / "r.txt"
    shutil.copy(REPORTS[0], good)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    options = batch.Options()
    for path in (good, empty, tmp_path / "missing.txt"):
        assert gc.isenabled()
        result = batch.check_one(str(path), options)
        assert gc.isenabled(), path.name
    assert result.error is not None
    gc.disable()
    try:
        batch.check_one(str(good), options)
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()


def test_a_result_crosses_to_the_parent_whole() -> None:
    """Results are pickled field by field (gxlint/records.py): every finding, fix, rule (its
    doc, cases and params), fact and line comes back equal and of its own class."""
    results = [batch.check_one(str(path), batch.Options()) for path in REPORTS]
    fixes = [f.fix for r in results for f in r.findings if f.fix is not None]
    cases = [case for r in results for rule in r.rules.values() for case in rule.cases]
    assert fixes and cases and any(r.facts for r in results)
    back = pickle.loads(pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == results
    assert [type(f.fix) for r in back for f in r.findings] == [
        type(f.fix) for r in results for f in r.findings
    ]
    assert {type(rule.doc) for r in back for rule in r.rules.values()} == {RuleDoc}


@pytest.mark.parametrize("started", [0, 3])
def test_when_no_more_processes_can_be_started_the_rest_is_checked_here(
    tmp_path, capsys, monkeypatch, started
) -> None:
    """Under a process limit (ulimit -u) a worker cannot be forked: the batch is checked in
    this process instead, every file once, without a wrong "worker died" message or a hang."""
    from concurrent.futures import ProcessPoolExecutor

    folder = _folder(tmp_path, 40)
    expected, _ = _run(capsys, folder, "1")
    submit = ProcessPoolExecutor.submit
    calls = []

    def limited(self, *args, **kwargs):
        calls.append(1)
        if len(calls) > started:
            raise BlockingIOError(11, "Resource temporarily unavailable")
        return submit(self, *args, **kwargs)

    monkeypatch.setattr(ProcessPoolExecutor, "submit", limited)
    got, err = _run(capsys, folder, "100")
    assert sorted(got) == sorted(expected) and "died" not in err and "内部错误" not in err
