"""What a batch keeps on disk (scratch.py): values read back as they were kept, by number, in
order and by bucket, whatever was read in between, with a bounded number held in memory."""

from __future__ import annotations

import pytest

from gxlint import scratch
from gxlint.errors import GxlintError
from gxlint.scratch import Buckets, Records, Strings


@pytest.mark.parametrize("in_memory", [scratch.IN_MEMORY, 0, 40])  # in memory, a file, both
def test_records_come_back_by_number_and_in_order_whatever_was_read_between(
    monkeypatch, in_memory
) -> None:
    monkeypatch.setattr(scratch, "IN_MEMORY", in_memory)
    records: Records[object] = Records()
    values = [{"a": 1}, [1, 2, 3], "三", None, ("x", 2.5)]
    numbers = [records.append(v) for v in values]
    assert numbers == list(range(len(values))) and len(records) == len(values)
    assert records[2] == "三" and records[2] == "三"  # at hand, then the same
    seen = []
    for number, value in enumerate(records):
        seen.append(value)
        assert records[len(values) - 1 - number] == values[len(values) - 1 - number]
    assert seen == values


def test_buckets_keep_the_order_values_came_in_and_write_out_what_is_buffered() -> None:
    buckets: Buckets[tuple[int, int]] = Buckets(3, buffered=4)
    pairs = [(i % 3, i) for i in range(20)]
    for bucket, value in pairs:
        buckets.add(bucket, (bucket, value))
    assert buckets._buffered < 4  # the rest was written out
    for bucket in range(3):
        assert buckets.bucket(bucket) == [(b, v) for b, v in pairs if b == bucket]
    assert buckets.bucket(1) == buckets.bucket(1)  # read again: the same


class _Full:
    """A temporary file on a full disk."""

    def write(self, data: bytes) -> int:
        raise OSError(28, "No space left on device")


def test_a_full_disk_is_a_one_line_error_naming_the_folder(monkeypatch) -> None:
    records: Records[str] = Records()
    records.append("x")  # in memory: no file yet
    monkeypatch.setattr(scratch, "IN_MEMORY", 0)
    monkeypatch.setattr(scratch, "temporary", _Full)
    with pytest.raises(GxlintError, match=r"临时文件无法写入.*No space left on device"):
        records.append("y")


def test_a_few_records_make_no_file_and_more_go_to_one(monkeypatch) -> None:
    made: list[object] = []
    real = scratch.temporary
    monkeypatch.setattr(scratch, "temporary", lambda: made.append(1) or real())
    monkeypatch.setattr(scratch, "IN_MEMORY", 100)
    records: Records[str] = Records()
    records.append("x" * 40)
    assert made == []  # a run of a few reports needs no temporary folder
    records.append("y" * 80)
    assert made == [1] and [records[0], records[1]] == ["x" * 40, "y" * 80]
    records.append("z")
    assert made == [1] and list(records) == ["x" * 40, "y" * 80, "z"]


def test_strings_come_back_as_they_went_in_by_number_slice_and_in_order() -> None:
    values = ["tests/a.txt", "", "报告/二〇二五.docx", "bad\udcff名.txt", "x" * 300]
    strings = Strings(values)
    strings.append("last")
    values.append("last")
    assert len(strings) == len(values) and list(strings) == values
    assert [strings[i] for i in range(len(values))] == values
    assert strings[-1] == "last" and strings[-6] == values[0] and strings[1:4] == values[1:4]
    assert strings[::-2] == values[::-2] and strings[10:] == []
    assert "报告/二〇二五.docx" in strings and "报告" not in strings
    with pytest.raises(IndexError):
        strings[len(values)]
