"""What kind of agency wrote the report: a people's government (or its general office reporting for
it), a department, or a township or sub-district. Some rules apply to governments only."""

from __future__ import annotations

import re
from enum import StrEnum

from gxlint.document.model import Document
from gxlint.document.nfkc import nfkc
from gxlint.records import record


class AgencyKind(StrEnum):
    GOVERNMENT = "government"
    DEPARTMENT = "department"
    TOWNSHIP = "township"
    UNKNOWN = "unknown"

    @property
    def chinese(self) -> str:
        return {
            "government": "人民政府",
            "department": "政府部门",
            "township": "乡镇（街道）",
            "unknown": "未能判断",
        }[self.value]


@record(frozen=True, slots=True)
class Agency:
    """The kind of agency a report is from, its name, and why gxlint read it so."""

    kind: AgencyKind
    name: str
    reason: str


_LEADING_YEAR = re.compile(r"^(?:19|20)\d{2}年(?:度)?")
_AFTER_NAME = re.compile(r"(?:19|20)\d{2}年.*$|政府信息公开.*$|关于.*$")
_GOVERNMENT = re.compile(r"人民政府(?:办公厅|办公室)?$")
_TOWNSHIP = re.compile(r"(?:乡|镇|街道|街道办事处|片区管理局|片区管委会|管理区)$")
_DEPARTMENT = re.compile(r"(?:局|委员会|委|厅|办公室|办|署|中心|院|馆|所|队|站|公司)$")
_PLACE = re.compile(r"(?:省|市|县|区|州|旗|盟|自治区|自治州|自治县|实验区|新区|开发区)$")


def agency_name(doc: Document) -> str:
    """The issuing body as the title names it: 「2025 年上海市人民政府办公厅政府信息公开…」
    → 上海市人民政府办公厅."""
    title = nfkc("".join(ln.raw for ln in doc.title))
    title = _LEADING_YEAR.sub("", re.sub(r"\s+", "", title))
    return _AFTER_NAME.sub("", title)


def classify(doc: Document) -> Agency:
    name = agency_name(doc)
    if not name:
        return Agency(AgencyKind.UNKNOWN, "", "标题中没有机关名称")
    if _GOVERNMENT.search(name):
        return Agency(AgencyKind.GOVERNMENT, name, "标题中的机关是人民政府（或其办公厅、办公室）")
    if _TOWNSHIP.search(name):
        return Agency(AgencyKind.TOWNSHIP, name, "标题中的机关是乡镇、街道或片区")
    if _DEPARTMENT.search(name):
        return Agency(AgencyKind.DEPARTMENT, name, "标题中的机关是局、委、办等部门")
    if _PLACE.search(name):
        return Agency(AgencyKind.GOVERNMENT, name, "标题以地名开头、不带部门名称，按人民政府处理")
    return Agency(AgencyKind.UNKNOWN, name, "未能从标题判断机关类型")
