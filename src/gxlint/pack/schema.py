"""What a rule entry must look like: the common keys, and the parameters and message fields of
its kind. Kinds declare their parameters as a params class (pack/params.py) and satisfy
`KindSchema`; the loader reads every rule's parameters into its kind's class, so a mistake in a
pack is an error at load time that names the file, the rule and the key, never a KeyError while
a report is checked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from gxlint.errors import GxlintError
from gxlint.findings import CATEGORIES, Severity
from gxlint.pack.params import check_keys, read_params, schema_of
from gxlint.pack.rule import Rule, RuleCase, RuleDoc, template_fields
from gxlint.pack.template import SectionSpec, TableSpec

_CODE = re.compile(r"^[A-Z]{2,4}\d{3}$")  # GX101, or a province's own prefix: FJ101
# Compiled on first use (about 6 ms: a warm run takes its packs from the cache and needs none).
_FOLDED_SPACE = r"(?<=[\u2e80-\uffef]) (?=\S)|(?<=\S) (?=[\u2e80-\uffef])"
RULE_KEYS = frozenset({"code", "name", "kind", "severity", "message", "hint", "doc", "cases"})
SEVERITIES = ("error", "warning", "info")


class KindSchema(Protocol):
    """What the loader needs of a rule kind (kinds.Kind satisfies it)."""

    @property
    def name(self) -> str: ...

    @property
    def summary(self) -> str: ...

    @property
    def params(self) -> type[Any]:  # the kind's params class (pack/params.py)
        ...

    @property
    def fields(self) -> frozenset[str]:  # every field a message of this kind may use
        ...

    @property
    def validate(self) -> Callable[[Any], str | None] | None: ...

    @property
    def check_in_pack(
        self,
    ) -> Callable[[Any, list[SectionSpec], dict[str, TableSpec]], str | None] | None: ...

    def message_fields(self, params: Any) -> frozenset[str]: ...


def rule_from_entry(where: str, entry: Any, kinds: Mapping[str, KindSchema]) -> Rule:
    """A validated Rule from a merged rule entry (`_from`: the file that last wrote it)."""
    if not isinstance(entry, dict):
        raise GxlintError(where, f"规则应为映射 (a rule must be a mapping), 实为 {entry!r}")
    entry = dict(entry)
    source = str(entry.pop("_from", where))
    pack = str(entry.pop("_pack", ""))
    code = str(entry.get("code", "?"))
    at = f"{source}: 规则 {code}"
    if not _CODE.match(code) or code[-3] not in CATEGORIES:
        raise GxlintError(
            at, "键 code: 应为前缀（GX 或本包的 prefix）加三位数字，首位为类别 1–6 或 9"
        )
    kind_name = _need(at, entry, "kind")
    kind = kinds.get(kind_name) if isinstance(kind_name, str) else None
    if kind is None:
        raise GxlintError(at, f"键 kind: 未知的规则类型 {kind_name!r}（gxlint kinds 列出全部）")
    check_keys(at, entry, RULE_KEYS | frozenset(schema_of(kind.params)), "规则")
    severity = str(_need(at, entry, "severity"))
    if severity not in SEVERITIES:
        raise GxlintError(at, f"键 severity: 应为 error、warning 或 info，实为 {severity!r}")
    params = read_params(at, entry, kind.params)
    if kind.validate and (problem := kind.validate(params)):
        raise GxlintError(at, problem)
    message, hint = _text(at, entry, "message", True), _text(at, entry, "hint", False)
    _check_fields(at, kind, params, message=message, hint=hint)
    return Rule(
        code=code,
        name=_text(at, entry, "name", True),
        kind=kind.name,
        severity=Severity.parse(severity),
        message=message,
        hint=hint,
        doc=_doc(at, _need(at, entry, "doc")),
        cases=tuple(_case(at, i, c) for i, c in enumerate(_cases(at, entry))),
        params=params,
        pack=pack,
        source=source,
    )


def _need(at: str, entry: dict[str, Any], key: str) -> Any:
    if entry.get(key) in (None, ""):
        raise GxlintError(at, f"缺少键 {key} (missing key)")
    return entry[key]


def _text(at: str, entry: dict[str, Any], key: str, required: bool) -> str:
    value = _need(at, entry, key) if required else entry.get(key) or ""
    if not isinstance(value, str):
        raise GxlintError(at, f"键 {key}: 应为文本 (must be a string)")
    return value


def _check_fields(at: str, kind: KindSchema, params: Any, **templates: str) -> None:
    supplied = kind.message_fields(params)
    for key, template in templates.items():
        try:
            unknown = template_fields(template) - supplied
        except ValueError as exc:
            raise GxlintError(at, f"键 {key}: 模板格式有误 ({exc})") from None
        if unknown:
            raise GxlintError(
                at,
                f"键 {key}: 模板字段 {sorted(unknown)} 不是 {kind.name} 提供的"
                f"（可用：{', '.join(sorted(supplied))}）",
            )


def _doc(at: str, doc: Any) -> RuleDoc:
    if not isinstance(doc, dict) or not all(isinstance(doc.get(k), str) for k in _DOC_KEYS):
        raise GxlintError(at, "键 doc: 需要 why、bad、good 三项文本")
    return RuleDoc(why=unfold(doc["why"]), bad=doc["bad"], good=doc["good"])


_DOC_KEYS = ("why", "bad", "good")


def unfold(text: str) -> str:
    """Undo the spaces YAML's folded style puts at line breaks next to Chinese characters."""
    return re.sub(_FOLDED_SPACE, "", text.strip())


def _cases(at: str, entry: dict[str, Any]) -> list[Any]:
    cases = entry.get("cases") or []
    if not isinstance(cases, list):
        raise GxlintError(at, "键 cases: 应为列表")
    return cases


def _case(at: str, index: int, case: Any) -> RuleCase:
    if not isinstance(case, dict) or not isinstance(case.get("text"), str):
        raise GxlintError(at, f"cases[{index}]: 需要 text")
    previous = case.get("previous", "")
    if not isinstance(previous, str):
        raise GxlintError(at, f"cases[{index}]: previous 应为文本")
    return RuleCase(
        name=str(case.get("name", f"case {index + 1}")), text=case["text"], previous=previous
    )
