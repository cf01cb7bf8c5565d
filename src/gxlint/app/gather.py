"""What a run keeps of each report as it is checked: the report spooled (app/spool.py), the
findings no report's own check makes (a file that could not be read: GX902), the rules of the
findings, and the compact facts that comparisons across reports need; and a run made of them."""

from __future__ import annotations

from collections.abc import Mapping

from gxlint.app.batch import Options, Result
from gxlint.app.choices import DEFAULT_PACK
from gxlint.app.spool import ByPath, Findings, Kept, Lines, Spool, in_order
from gxlint.engine import FactBook, compare_reports, load_pack
from gxlint.errors import GxlintError, tell
from gxlint.findings import About, Finding
from gxlint.kinds.input_error import input_finding
from gxlint.pack.rule import Rule
from gxlint.printable import shown_path
from gxlint.records import field, record, replace
from gxlint.render import Run
from gxlint.render.run import RULES_URL

INPUT_ERROR = "GX902"  # the rule a file that cannot be checked is reported under
NOT_A_REPORT = "不是政府信息公开工作年度报告，未检查 (not an annual report: skipped)"


@record
class Gathered:
    """What a run keeps while its reports are checked: each report in the spool (none held in
    memory), the findings that belong to no report's check (files that could not be read; those
    across reports), the rules of the findings, and the compact facts the comparisons need."""

    spool: Spool = field(default_factory=Spool)
    sources: Lines = field(init=False)  # the lines findings point at, by path (spooled)
    extra: list[Finding] = field(default_factory=list)
    rules: dict[str, Rule] = field(default_factory=dict)
    facts: FactBook = field(default_factory=FactBook)  # on disk, not in memory
    failures: list[GxlintError] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # files that are no annual report
    digests: set[str] = field(default_factory=set)  # of the bytes of the reports checked
    keep_digests: bool = False  # only a run with --history compares them

    def __post_init__(self) -> None:
        self.sources = Lines(self.spool)

    def run(
        self, findings: Findings, files: int, summary: bool = True, rules_url: str = RULES_URL
    ) -> Run:
        """The run these reports make, showing `findings`."""
        places, about = ByPath(self.spool, _places_of), ByPath(self.spool, _about_of)
        return Run(
            findings,
            self.sources,
            self.rules,
            self.failures,
            files,
            places,
            summary=summary,
            about=about,
            rules_url=rules_url,
        )


def run_of(results: list[Result], options: Options) -> Run:
    """What a run shows of reports checked elsewhere (`gxlint serve`'s workers): gathered as
    the command line gathers them, compared across reports, ready for any renderer."""
    gathered = Gathered()
    for result in results:
        gather(gathered, result, options)
    across = compare_reports(gathered.facts)
    gathered.rules.update(across.rules)
    gathered.extra += across.findings
    files = len(results) - len(gathered.skipped)
    return gathered.run(Findings(in_order(gathered.spool, gathered.extra)), files)


def _places_of(kept: Kept) -> Mapping[int, str]:
    return kept.places


def _about_of(kept: Kept) -> About:
    return kept.about


def gather(gathered: Gathered, result: Result, options: Options) -> Result:
    """Keep a report's result; the result as the run names its file (printable.shown_path)."""
    result = _shown(result)
    _keep(gathered, result, options)
    return result


def _keep(gathered: Gathered, result: Result, options: Options) -> None:
    if result.skipped:
        tell(result.path, NOT_A_REPORT)
        gathered.skipped.append(result.path)
        return
    if result.error is not None:
        error = result.error
        tell(error.where, error.problem)
        gathered.failures.append(result.error)
        _unreadable(gathered, result.error, options)
        if not result.findings:
            return
    kept = Kept(result.findings, result.lines, result.places, result.about)
    gathered.spool.add(result.path, kept)
    if gathered.keep_digests:
        gathered.digests.add(result.digest)
    gathered.rules.update(result.rules)
    gathered.facts.add(result.facts, result.fact_rules)


def _shown(result: Result) -> Result:
    """The result under the name outputs show its file by (checked and fixed by its own name:
    printable.shown_path)."""
    name = shown_path(result.path)
    if name == result.path:
        return result
    error = result.error
    if error is not None and error.where == result.path:
        error = GxlintError(name, error.problem, error.cause)
    for fact in result.facts.values():
        fact.path = name
    findings = [f.at(name) for f in result.findings]
    return replace(result, path=name, findings=findings, error=error)


def _unreadable(gathered: Gathered, error: GxlintError, options: Options) -> None:
    """A file that could not be checked, as a finding every renderer shows (GX902), unless
    the pack in use has no such rule."""
    rule = load_pack(options.pack or DEFAULT_PACK).rule(INPUT_ERROR)
    if rule is None:
        return
    gathered.rules[rule.code] = rule
    gathered.extra.append(input_finding(rule, error))
