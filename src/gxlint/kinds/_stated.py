"""Stated totals and their parts in prose (「3585 条，其中网站 750 条、微信 1774 条……」), as the
`stated-parts` and `percentages` kinds read them.

A total is a number with a unit before 其中/包括/分别为 (or within 「在…N 条…中，」). Its list runs
to the end of the sentence, or of the bracket the list opened, or to a nested 其中/包括; it is read
in one pass (`_scan`), bracket depth kept, so that:

- a breakdown in brackets belongs to the part before it (「455 条（文件 94 条、…）」: no parts),
  and so does a run of parts that adds up to the part before it without brackets
  (kinds/_readings.py: the level its parts stand at);
- groups separated by ；count while each goes on with the list: not after a group ending in 等,
  nor one that starts a statement of its own (共/合计/另有…, a nested list, a channel that
  publishes: 「；微信公众号发布 1135 条」);
- parts are the numbers in the total's unit (or, when every part is in another word for
  documents, 条/份/篇, in that one); a number without a unit between parts is a part; numbers in
  other units are left out of the sum and named in the message;
- the list may end where a group ends or before a part that starts a statement of its own;
  each such end is a reading, the total said again as the first part (「共受理 33 件，其中本年
  新收 33 件，上年结转 0 件」) included or not: a list that some reading makes equal to its
  total is consistent.

Which reading is reported, and how sure it is, is in `Stated`: `certain` only when nothing had to
be guessed (one unit, one level, no part without its unit, no group left out by its wording).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from itertools import pairwise

from gxlint.analysis.context import Context, MemoKey
from gxlint.document.numbers import COUNT_UNIT_PATTERN, MAX_DIGITS
from gxlint.document.prose import Prose
from gxlint.kinds._patterns import Matcher
from gxlint.kinds._readings import (
    NEW,
    PUBLISHES,
    Group,
    Part,
    consistent,
    guessed,
    top_level,
    total_of,
)
from gxlint.records import record

# A total and the words that open its list (「3585 条，其中」), and a total said within 在…中.
# The first starts with a number, which Python's regular expressions try at every character:
# it is matched from where the opening words are (`_listed`), back to the number before them.
_OPENING = r"其中|包括|分别为|分别是"
_LISTED = re.compile(
    rf"(?<![\d.])(?P<total>\d+(?:\.\d+)?)(?P<unit>{COUNT_UNIT_PATTERN})"
    rf"[,:;]?(?P<open>\(?)(?:{_OPENING})[:,]?"
)
_OPENINGS = re.compile(_OPENING)
_BETWEEN = max(map(len, COUNT_UNIT_PATTERN.split("|"))) + 2  # a unit, then , and ( at most
_WITHIN = Matcher(
    rf"在[^,。;]{{0,20}}?(?<![\d.])(?P<total>\d+(?:\.\d+)?)(?P<unit>{COUNT_UNIT_PATTERN})"
    r"[^,。;\d]{0,16}?中(?P<open>)[,:]"
)
# What the list's one pass looks at: brackets, the sentence's end and ；, a nested list, numbers.
_OPEN, _CLOSE = "(《“〔[【「『", ")》”〕]】」』"
_TOKEN = re.compile(
    rf"(?P<open>[{re.escape(_OPEN)}])|(?P<close>[{re.escape(_CLOSE)}])|(?P<stop>[。;])"
    r"|(?P<nested>其中|包括)"
    rf"|(?<![\d.第])(?P<n>\d{{1,{MAX_DIGITS}}}(?:\.\d+)?)(?![\d.])(?P<unit>{COUNT_UNIT_PATTERN}|份)?"
)
_DOCUMENTS = frozenset("条份篇")  # words for a published item: parts in one of them are compared
# What may follow a number written without its unit for it to be a part: a separator, the end,
# or the next part's label; not a measure word (年, 场, 人 …) nor a percent sign.
# (Words that also start labels, 栏目, 部门, 本级, 处理, are not among them.)
_MEASURES = frozenset("年月日号时分秒人户场名位届岁万亿千百元倍天周批类余多%")
_OPEN_ENDED = re.compile(r"等[^\d]{0,4}$")  # 「……17 条等。」: the list is not exhaustive
_SEPARATORS = ",、;:"
_JOINED = 80  # characters before a total searched for the counts it may be joined with
_HALF = Decimal("0.5")


@record(frozen=True, slots=True)
class Stated:
    """A stated total and the reading of its parts that a rule reports."""

    total: Decimal
    unit: str
    start: int  # of the total's number
    end: int  # after the total's unit
    parts: tuple[Part, ...]  # the reading: the parts of the groups that go on with the list
    clause_end: int
    open_ended: bool  # the list ends with 等
    others: tuple[Part, ...] = ()  # numbers in other units, left out of the sum
    consistent: bool = False  # some reading of where the list ends gives the total
    certain: bool = True  # nothing in the reading was guessed
    complete: bool = False  # 分别为: the parts are said to be all of it

    @property
    def listed(self) -> Decimal:
        return total_of(self.parts)

    @property
    def highlights(self) -> bool:
        """Notable items of the total (文件、政策解读、工作报告…) rather than a breakdown: far
        below it, not said to be all of it (分别为), and not named as its categories (…类)."""
        categories = sum("类" in p.label for p in self.parts) * 2 > len(self.parts)
        return not self.complete and not categories and self.listed < self.total * _HALF


_STATED: MemoKey[dict[Prose, list[Stated]]] = MemoKey("stated")


def stated_in(ctx: Context, prose: Prose) -> list[Stated]:
    """The totals a report's prose states, worked out once per report (three rules ask)."""
    found = ctx.remember(_STATED, dict)
    if prose not in found:  # a Prose is its own key (compared by identity)
        found[prose] = list(stated_totals(prose))
    return found[prose]


def _listed(text: str) -> Iterator[re.Match[str]]:
    """`_LISTED.finditer(text)`, from each opening word back: the number before it starts its
    run of digits and points, and the match from there must end in that word."""
    for opening in _OPENINGS.finditer(text):
        at = opening.start()
        end, lowest = at, max(0, at - _BETWEEN)
        while end > lowest and not text[end - 1].isdecimal():
            end -= 1
        start = end
        while start > 0 and (text[start - 1].isdecimal() or text[start - 1] == "."):
            start -= 1
        match = _LISTED.match(text, start) if start < end else None
        if match is not None and match.end("open") == at:
            yield match


def stated_totals(prose: Prose) -> Iterator[Stated]:
    text = prose.text
    for matches in (_listed(text), _WITHIN.finditer(text)):
        for match in matches:
            if len(match.group("total")) <= MAX_DIGITS:
                yield _read(text, match)


def _read(text: str, match: re.Match[str]) -> Stated:
    total, unit = Decimal(match.group("total")), match.group("unit")
    groups, end, nested = _scan(text, match.end(), bool(match.group("open")), total, unit)
    going = _going_on(text, groups, nested)
    chosen = groups[:going]
    parts = [p for g in chosen for p in g.parts]
    # The total said again (全文电子化的信息共 90 条) is no part of it; said first, it is sure.
    restated = [p for p in parts[1:] if p.value == total]
    parts = [p for p in parts if p.value != total]
    parts = _in_documents(parts, [o for g in chosen for o in g.others], unit)
    top, inner = top_level(parts)  # a reading in levels: kept only if it makes the total
    joined = _joined(text, match.start("total"), unit) + total
    others = tuple(
        o for g in chosen for o in g.others if o.unit != (parts[0].unit if parts else unit)
    )
    return Stated(
        total=total,
        unit=unit,
        start=match.start("total"),
        end=match.end("unit"),
        parts=tuple(parts),
        clause_end=chosen[-1].end if chosen else end,
        open_ended=_ends_open(text, chosen[-1]) if chosen else False,
        others=others,
        consistent=consistent(groups, total)
        or (inner and len(top) > 1 and total_of(top) == total)
        or (joined != total and total_of(parts) == joined),
        certain=not (
            others or restated or inner or going < len(groups) or guessed(parts) or joined != total
        ),
        complete=match.group(0).rstrip(":,").endswith(("分别为", "分别是")),
    )


def _joined(text: str, at: int, unit: str) -> Decimal:
    """The counts in the total's unit said just before it in its sentence (「人大建议 20 件、政协
    提案 30 件，其中主办 15 件、协办 35 件」: 其中 may be of 20 + 30): their sum, 0 if none."""
    start = max(text.rfind(ch, 0, at) for ch in "。;") + 1
    before = text[max(start, at - _JOINED) : at]
    return total_of(
        Part(Decimal(m.group("n")), 0, 0, "", unit)
        for m in _TOKEN.finditer(before)
        if m.group("n") and m.group("unit") == unit
    )


def _scan(
    text: str, start: int, bracket: bool, total: Decimal, unit: str
) -> tuple[list[Group], int, bool]:
    """The list's groups, where it ends, and whether a nested 其中/包括 ended it."""
    groups, depth, end, nested = [Group(start)], 0, len(text), False
    for token in _TOKEN.finditer(text, start):
        kind = "n" if token.group("n") else token.lastgroup
        if kind == "open":
            depth += 1
        elif kind == "close" and depth:
            depth -= 1
        elif (
            (kind == "close" and bracket)
            or token.group() == "。"
            or (kind == "nested" and not depth)
        ):
            end, nested = token.start(), kind == "nested"
            break
        elif kind == "stop" and not depth:
            groups[-1].end = token.start()
            groups.append(Group(token.end()))
        elif kind == "n" and not depth:
            _add(text, groups[-1], token, total, unit)
    groups[-1].end = end
    return groups, end, nested


def _add(text: str, group: Group, token: re.Match[str], total: Decimal, unit: str) -> None:
    value, written = Decimal(token.group("n")), token.group("unit") or ""
    after = text[token.end()] if token.end() < len(text) else "。"
    label = _label(text, max(group.last, group.start), token.start())
    # A number without its unit is a part only after the words that name it (「公告 307」, not
    # 「12345 热线」), and not before a measure word or a letter, nor over the total.
    if not written and (
        not label.strip()
        or after in _MEASURES
        or value > total
        or (after.isascii() and after.isalnum())
    ):
        return
    group.last = token.end()
    part = Part(value, token.start("n"), token.end(), label, written)
    (group.parts if written in ("", unit) else group.others).append(part)


def _label(text: str, start: int, at: int) -> str:
    cut = max(text.rfind(s, start, at) for s in _SEPARATORS)
    return text[max(cut + 1, start) : at]


def _going_on(text: str, groups: list[Group], nested: bool) -> int:
    """How many groups the list runs over: the first, and each next that goes on with it."""
    count = 1
    for previous, group in pairwise(groups):
        last = group is groups[-1]
        members: list[Part] = group.parts or group.others
        first = members[0] if members else None
        if (
            _ends_open(text, previous)
            or NEW.search(text, group.start, group.end)
            or (last and nested)
            or not any(p.unit for p in group.parts)
            or (first is not None and PUBLISHES.search(first.label))
        ):
            break
        count += 1
    return count


def _ends_open(text: str, group: Group) -> bool:
    return _OPEN_ENDED.search(text, group.start, group.end) is not None


def _in_documents(parts: list[Part], others: list[Part], unit: str) -> list[Part]:
    """Parts all in one other word for documents (发布信息 607 条，其中主动公开 380 份…) are
    compared as the total's unit; else the parts as they are."""
    units = {o.unit for o in others}
    if any(p.unit for p in parts) or len(units) != 1 or not {unit, *units} <= _DOCUMENTS:
        return parts
    return parts + others
