"""Findings: what a rule reports, with a severity, a span and a message in Chinese."""

from __future__ import annotations

from enum import IntEnum

from gxlint.document.model import Span
from gxlint.records import record

CATEGORIES = {
    "1": "章节结构 sections and structure",
    "2": "表格形式与标签 table shape and labels",
    "3": "勾稽关系 arithmetic",
    "4": "必备内容 required content and statements",
    "5": "正文数字与年份 prose numbers and years",
    "6": "跨报告 across reports",
    "9": "输入与读取 input and reading",
}


class Severity(IntEnum):
    """Ordered so that `severity >= threshold` means "at least as serious"."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @property
    def chinese(self) -> str:
        return {"info": "提示", "warning": "警告", "error": "错误"}[self.label]

    @classmethod
    def parse(cls, name: str) -> Severity:
        return cls[name.upper()]


@record(frozen=True, slots=True)
class Fix:
    """Replace the text at `span` with `replacement` (single-line spans only)."""

    span: Span
    replacement: str


@record(frozen=True, slots=True)
class Finding:
    """One defect in a report: the rule that found it, where, and what to say."""

    code: str
    name: str
    severity: Severity
    span: Span
    message: str
    path: str = ""
    hint: str = ""
    fix: Fix | None = None

    def at(self, path: str) -> Finding:
        """This finding in the report at `path` (as records.replace, at a third of its cost:
        a report's every finding is given its path)."""
        return Finding(
            self.code, self.name, self.severity, self.span, self.message, path, self.hint, self.fix
        )

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.span.line, self.span.column, self.code)


@record(frozen=True, slots=True)
class About:
    """What a checked report is, as the outputs list it: its agency, the agency's kind
    (government, department…), the year it covers and its format version ("" where unknown)."""

    agency: str = ""
    kind: str = ""
    year: str = ""
    format: str = ""
