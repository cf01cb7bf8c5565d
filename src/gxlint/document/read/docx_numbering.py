"""The numbers Word generates for numbered paragraphs (w:numPr): 一、 二、 or （一）（二）, read
from the document's numbering definitions (word/numbering.xml) and counted as Word counts them,
so that a heading Word numbers is read as the text the reader sees."""

from __future__ import annotations

from collections.abc import Callable
from xml.etree import ElementTree

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CHINESE = "一二三四五六七八九十"
MAX_LEVEL = 9


def chinese(n: int) -> str:
    if n <= 10:
        return _CHINESE[n - 1]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _CHINESE[tens - 1]
    return head + "十" + (_CHINESE[ones - 1] if ones else "")


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalFullWidth": lambda n: "".join(chr(ord(c) + 0xFEE0) for c in str(n)),
    "chineseCounting": chinese,
    "chineseCountingThousand": chinese,
    "ideographTraditional": lambda n: "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10],
    "lowerLetter": lambda n: chr(ord("a") + (n - 1) % 26),
    "upperLetter": lambda n: chr(ord("A") + (n - 1) % 26),
}


class Numbering:
    """Levels of each numbering (numId → level → (format, text such as 「%1、」)) and counters."""

    def __init__(self, xml: bytes | None) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, list[int]] = {}
        if xml:
            self._read(ElementTree.fromstring(xml))

    def _read(self, root: ElementTree.Element) -> None:
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in root.findall(f"{_W}abstractNum"):
            levels = {}
            for lvl in node.findall(f"{_W}lvl"):
                ilvl = _int(lvl.get(f"{_W}ilvl"))
                fmt = _val(lvl.find(f"{_W}numFmt")) or "decimal"
                text = _val(lvl.find(f"{_W}lvlText")) or ""
                start = _int(_val(lvl.find(f"{_W}start")) or "1")
                levels[ilvl] = (fmt, text, start)
            abstract[node.get(f"{_W}abstractNumId") or ""] = levels
        for num in root.findall(f"{_W}num"):
            ref = _val(num.find(f"{_W}abstractNumId")) or ""
            self.levels[num.get(f"{_W}numId") or ""] = abstract.get(ref, {})

    def label(self, paragraph: ElementTree.Element) -> str:
        """The number Word shows before this paragraph, or "" if it has none."""
        props = paragraph.find(f"{_W}pPr/{_W}numPr")
        if props is None:
            return ""
        num_id = _val(props.find(f"{_W}numId")) or ""
        ilvl = min(_int(_val(props.find(f"{_W}ilvl")) or "0"), MAX_LEVEL - 1)
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, [0] * MAX_LEVEL)
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, MAX_LEVEL):
            counters[deeper] = 0
        text = levels[ilvl][1]
        for level in range(ilvl + 1):
            fmt, _, start = levels.get(level, ("decimal", "", 1))
            shown = _FORMATS.get(fmt, str)(max(1, counters[level] + start - 1))
            text = text.replace(f"%{level + 1}", shown)
        return text


def _val(node: ElementTree.Element | None) -> str | None:
    return node.get(f"{_W}val") if node is not None else None


def _int(value: str | None) -> int:
    return int(value) if value and value.isdigit() and len(value) < 4 else 0
