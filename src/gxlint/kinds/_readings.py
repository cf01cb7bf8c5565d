"""How a stated list may be read (kinds/_stated.py reads the lists): its parts and groups,
where it may end, which runs of parts break down the part before them, and whether a reading
had to guess. Every reading is made by running sums in one pass."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from gxlint.records import field, record

NEW = re.compile(r"共|合计|总计|累计|另有|此外")  # a group that starts a statement of its own
PUBLISHES = re.compile(  # 「微信公众号发布 1135 条」: a channel's own count, not a part
    r"(?:发布|公开|推送|刊发|刊登|更新|受理|收到|办结|答复|召开|举办|开展|编发|转载|报送|上传"
    r"|印发|制发|发行)[^,、]{0,4}$"
)
_AGAIN = re.compile(r"同步|转发|转载|推送")  # the same items posted on another channel
_BREAKDOWN = 50  # parts a breakdown run may have (bounded: a list of 60,000 stays linear)


@record(frozen=True, slots=True)
class Part:
    """A number the prose states, with its unit, and where it stands."""

    value: Decimal
    start: int  # of its number in the prose
    end: int  # after its unit
    label: str  # the words before the number in its clause: 「主动公开政府信息」
    unit: str = ""  # "" for a number written without its unit


@record(slots=True)
class Group:
    """The list's numbers between two ；."""

    start: int
    end: int = -1
    last: int = -1  # where its last number ends: the next one's label starts after it
    parts: list[Part] = field(default_factory=list)
    others: list[Part] = field(default_factory=list)  # in other units


def consistent(groups: list[Group], total: Decimal) -> bool:
    """Whether some reading of where the list ends gives the total, with the total said again
    or without it. A list ends where a group ends, or before a part that starts a statement of
    its own (「、微信平台同步发布 812 条」); never in the middle of a run of plain parts (a
    hundred parts of 1 would otherwise make any total up to 100). Running sums: one pass."""
    sums = _Sums(total)
    for group in groups:
        for part in group.parts:
            if sums.count and starts_statement(part) and sums.make_total():
                return True
            sums.add(part.value)
        if sums.make_total():
            return True
    return False


def total_of(parts: Iterable[Part]) -> Decimal:
    return sum((p.value for p in parts), Decimal(0))


def top_level(parts: list[Part]) -> tuple[list[Part], bool]:
    """The parts without the runs that break down the part before them (「网站 455 条，政策文件
    94 条、动态 160 条、公告 201 条，新媒体 128 条」: 94 + 160 + 201 is the 455), and whether
    there were such runs. A run is two parts at least, within _BREAKDOWN parts of its head."""
    top: list[Part] = []
    at = 0
    while at < len(parts):
        head = parts[at]
        top.append(head)
        at += 1
        at += _breakdown(parts, at, head.value)  # the run after it, if it breaks it down
    return top, len(top) < len(parts)


def _breakdown(parts: list[Part], start: int, value: Decimal) -> int:
    """How many parts from `start` add up to `value` exactly (0 if no run of two or more)."""
    running = Decimal(0)
    for count, part in enumerate(parts[start : start + _BREAKDOWN], start=1):
        running += part.value
        if running == value and count >= 2:
            return count
        if running > value:
            return 0
    return 0


def guessed(parts: list[Part]) -> bool:
    """Whether the reading guessed: a part without its unit, or one that may count the same
    items again (「微信同步推送 60 条」: posted on another channel too)."""
    return any(not p.unit or _AGAIN.search(p.label) for p in parts)


def starts_statement(part: Part) -> bool:
    return bool(PUBLISHES.search(part.label) or NEW.search(part.label))


@record(slots=True)
class _Sums:
    """The parts read so far: their sum, and their sum without the total said again."""

    total: Decimal
    count: int = 0
    whole: Decimal = Decimal(0)
    others: int = 0  # parts that are not the total said again
    rest: Decimal = Decimal(0)

    def add(self, value: Decimal) -> None:
        self.count, self.whole = self.count + 1, self.whole + value
        if value != self.total:
            self.others, self.rest = self.others + 1, self.rest + value

    def make_total(self) -> bool:
        """A reading has two parts at least: the total said again is not a list of one."""
        return (self.count >= 2 and self.whole == self.total) or (
            self.others >= 2 and self.rest == self.total
        )
