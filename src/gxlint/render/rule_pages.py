"""A rule in words for readers outside the terminal: its Chinese description (SARIF's
shortDescription, fullDescription and help) and its page (`docs/rules/GXnnn.md`, like ruff's
rule pages), from what the pack writes — code, name, severity, kind, message, doc, cases — and
the formats whose packs hold it."""

from __future__ import annotations

import re

from gxlint.pack.rule import Rule

# A rule's `why` is Chinese, then the same in English: the first sentence that starts with a
# Latin letter after a full stop begins the English.
_ENGLISH = re.compile(r"(?<=[。）」])\s*(?=[A-Z])")
SEVERITY_WORDS = {"error": "错误 error", "warning": "警告 warning", "info": "提示 info"}


def chinese_why(rule: Rule) -> str:
    """The Chinese part of the rule's `why` (all of it when it has no English part)."""
    return _ENGLISH.split(rule.doc.why.strip(), maxsplit=1)[0].strip()


def summary(rule: Rule) -> str:
    """The first sentence of the Chinese `why`: what the rule asks, in one line."""
    why = chinese_why(rule)
    end = why.find("。")
    return why[: end + 1] if end != -1 else why


def help_text(rule: Rule) -> str:
    """What a code-scanning page shows under a finding: why, a violation, its fix."""
    return (
        f"{chinese_why(rule)}\n\n违反示例：\n{rule.doc.bad.rstrip()}\n\n"
        f"正确示例：\n{rule.doc.good.rstrip()}\n\n（gxlint explain {rule.code}）"
    )


def rule_page(rule: Rule, formats: list[str]) -> str:
    """docs/rules/<code>.md."""
    return (
        f"# {rule.code} {rule.name}\n\n"
        f"- 级别 severity: {SEVERITY_WORDS[rule.severity.label]}\n"
        f"- 类型 kind: `{rule.kind}`\n"
        f"- 适用格式 formats: {'、'.join(formats)}\n"
        f"- 信息 message: {rule.message}\n\n"
        f"## 为什么 Why\n\n{rule.doc.why.strip()}\n\n"
        f"## 违反示例 Violation\n\n```\n{rule.doc.bad.rstrip()}\n```\n\n"
        f"## 正确示例 Fix\n\n```\n{rule.doc.good.rstrip()}\n```\n\n"
        f"`gxlint explain {rule.code}` prints the same in a terminal.\n"
    )


def index_page(rules: list[tuple[Rule, list[str]]]) -> str:
    """docs/rules/README.md: every rule with its severity, formats and summary."""
    rows = [
        f"| [{r.code}]({r.code}.md) | {r.name} | {r.severity.label} | {'、'.join(f)} "
        f"| {summary(r)} |"
        for r, f in rules
    ]
    return (
        "# gxlint 规则 rules\n\n"
        "每条规则一页：为什么、违反示例、正确示例。本目录由 `python -m gxlint.app.rule_docs` "
        "从内置规则包生成（tests/test_rule_docs.py 检查它是最新的），请勿手改。\n\n"
        "| 代码 | 名称 | 级别 | 格式 | 说明 |\n| --- | --- | --- | --- | --- |\n"
        + "\n".join(rows)
        + "\n"
    )
