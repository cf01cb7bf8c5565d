"""The rule engine: one document → its format version → the pack's rules → sorted findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import Any, NamedTuple

from gxlint.analysis.context import Context
from gxlint.analysis.versions import choose, older_tables
from gxlint.document.model import Document
from gxlint.findings import About, Finding
from gxlint.kinds import registry
from gxlint.kinds._across import Fact
from gxlint.pack import load
from gxlint.pack.files import builtin_pack_names
from gxlint.pack.mix import mixed
from gxlint.pack.model import Pack
from gxlint.pack.rule import Rule
from gxlint.scratch import Records


def load_pack(name: str) -> Pack:
    """A pack by name, version or path, validated against the registered kinds."""
    return load.load_pack(name, registry())


def context_for(
    doc: Document, pack_name: str | None = None, format_version: str | None = None
) -> Context:
    """The context a report is checked in: the pack named, or the one for its format version."""
    choice = choose(doc, format_version)
    if pack_name:
        return Context(doc, load_pack(pack_name), choice)
    pack = load_pack(choice.pack)
    if choice.expected is not None and not pack.unchecked:
        current = load_pack(choice.expected.pack)
        older = older_tables(doc, current, pack)
        if set(current.tables) - older - {k for k, t in current.tables.items() if t.optional}:
            # some tables are on the year's template
            pack = _mixed(choice.expected.pack, choice.pack, frozenset(older))
    return Context(doc, pack, choice)


@lru_cache(maxsize=64)  # a batch's reports mix their formats the same few ways: each mix once
def _mixed(current: str, older: str, tables: frozenset[str]) -> Pack:
    """The year's pack `current` with `tables` taken from the `older` pack (pack.mix)."""
    return mixed(load_pack(current), load_pack(older), set(tables))


Facts = dict[str, Fact[Any]]  # rule code → what a report contributes to comparisons


class FactBook:
    """What the reports of a batch contribute to comparisons, each rule's facts in a file of
    their own (scratch.Records: 16 bytes of memory a fact) in the order the reports came, and
    the rule of each code as the first report that contributed to it loaded it. `name` gives
    how messages name a report by its path (Fact.shown), if not by the path itself."""

    def __init__(self, name: Callable[[str], str] | None = None) -> None:
        self.by_code: dict[str, Records[Fact[Any]]] = {}
        self.rules: dict[str, Rule] = {}
        self._name = name

    def add(self, facts: Facts, rules: Mapping[str, Rule]) -> None:
        """A report's facts (and their rules), after the reports before it."""
        shown = self._name(next(iter(facts.values())).path) if facts and self._name else ""
        for code, fact in facts.items():
            fact.shown = shown or fact.shown
            if code not in self.by_code:
                self.by_code[code] = Records()
            self.by_code[code].append(fact)
        for code, rule in rules.items():  # one of each rule, not one a report
            self.rules.setdefault(code, rule)


class Checked(NamedTuple):
    findings: list[Finding]
    facts: Facts
    rules: dict[str, Rule]  # code → the rule, for the findings' codes
    about: About  # what the report is: agency, its kind, year, format version
    fact_rules: dict[str, Rule]  # code → the rule, for the facts' codes
    report: bool = True  # False: the document is no annual report (nothing was checked)


def check_document(
    doc: Document,
    pack_name: str | None = None,
    *,
    format_version: str | None = None,
    select: frozenset[str] = frozenset(),
    ignore: frozenset[str] = frozenset(),
) -> list[Finding]:
    """Run the rules (all, or those in `select`, less those in `ignore`) over `doc`.
    `select` and `ignore` hold codes or code prefixes (GX3: every arithmetic rule)."""
    return check_report(doc, pack_name, format_version, select, ignore).findings


def check_report(
    doc: Document,
    pack_name: str | None = None,
    format_version: str | None = None,
    select: frozenset[str] = frozenset(),
    ignore: frozenset[str] = frozenset(),
) -> Checked:
    """The findings of `doc`, the facts it contributes to comparisons across reports, and the
    rules (as the pack used defines them) that its findings come from."""
    kinds = registry()
    ctx = context_for(doc, pack_name, format_version)
    if not ctx.is_report:
        return Checked([], {}, {}, About(), {}, report=False)
    findings: list[Finding] = []
    facts: Facts = {}
    chosen = ctx.pack.rules
    if select or ignore:
        chosen = [rule for rule in chosen if selected(rule.code, select, ignore)]
    for rule in chosen:
        kind = kinds[rule.kind]
        findings += (f.at(doc.path) for f in kind.check(rule, ctx))
        if kind.collect is not None and (fact := kind.collect(rule, ctx)) is not None:
            facts[rule.code] = fact
    codes = dict.fromkeys(f.code for f in findings)  # each once: a report may have thousands
    rules = {code: r for code in codes if (r := ctx.pack.rule(code)) is not None}
    about = About(
        agency=ctx.agency.name,
        kind=ctx.agency.kind.value,
        year=str(ctx.version.year or ""),
        format=ctx.version.version,
    )
    fact_rules = {code: rule for rule in chosen if (code := rule.code) in facts}
    return Checked(sorted(findings, key=Finding.sort_key), facts, rules, about, fact_rules)


def check_together(docs: Iterable[Document], pack_name: str | None = None) -> list[Finding]:
    """Several reports checked as one batch: each one's findings, then those across them."""
    findings: list[Finding] = []
    book = FactBook()
    for doc in docs:
        checked = check_report(doc, pack_name)
        findings += checked.findings
        book.add(checked.facts, checked.fact_rules)
    return sorted([*findings, *compare_reports(book).findings], key=Finding.sort_key)


class Compared(NamedTuple):
    findings: list[Finding]
    rules: dict[str, Rule]


def compare_reports(book: FactBook) -> Compared:
    """Findings across reports (category 6) from the facts of a batch, each rule's as the
    first report that contributed to it loaded it; in order of code, then as sorted."""
    kinds = registry()
    findings: list[Finding] = []
    rules: dict[str, Rule] = {}
    for code, contributions in sorted(book.by_code.items()):
        rule = book.rules[code]
        compare = kinds[rule.kind].compare
        found = sorted(compare(rule, contributions), key=Finding.sort_key) if compare else []
        if found:
            findings += found
            rules[code] = rule
    return Compared(findings, rules)


def known_codes(pack_name: str | None) -> set[str]:
    """The rule codes of a pack, or of every built-in pack."""
    names = [pack_name] if pack_name else builtin_pack_names()
    return {r.code for name in names for r in load_pack(name).rules}


def selected(code: str, select: frozenset[str], ignore: frozenset[str]) -> bool:
    """Whether a rule code is chosen by `select` (empty: all) and not dropped by `ignore`."""
    chosen = not select or any(code.startswith(s) for s in select)
    return chosen and not any(code.startswith(i) for i in ignore)
