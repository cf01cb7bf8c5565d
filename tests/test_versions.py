"""Format versions: each report checked against the template it uses; outdated templates told."""

from __future__ import annotations

import pytest

from conftest import CORPUS_NAMES, TESTS, corpus_text, lint
from gxlint.analysis.versions import choose
from gxlint.app.cli import main
from gxlint.document.build import build_document
from gxlint.document.labels import normalise_text
from gxlint.engine import context_for

VERSIONS = {
    "hongze-2024": "2021",
    "huaian-2024": "2021",
    "pingtan-2018": "2008",
    "pingtan-2019": "2019",
    "pingtan-2021": "2021",
    "pingtan-2023": "2021",
    "pingtan-2024": "2021",
    "pingtan-county-2013": "2008",
    "pingtan-jinjing-2021": "2021",
    "pingtan-police-2022": "2021",
    "pingtan-transport-2020": "2019",
    "shanghai-office-2025": "2021",
    "shuyang-2025": "2021",
    "xuchang-justice-2023": "2021",
    "shanghai-stcsm-2024": "2021",
    "shanghai-office-2019": "2019",
    "shuyang-fgj-2023": "2021",
    "pingtan-finance-2021": "2021",
    "pingtan-market-2023": "2021",
    "pingtan-market-2025": "2021",
    "pingtan-social-2021": "2021",
    "pingtan-finance-2019": "2019",
    "pingtan-suping-2024": "2021",
    "pingtan-tax-2013": "2008",
}
PRE_2019 = (TESTS / "fixtures" / "pre2019-2017.txt").read_text("utf-8")


def test_every_corpus_report_listed() -> None:
    assert sorted(VERSIONS) == CORPUS_NAMES


@pytest.mark.parametrize("name", [n for n in CORPUS_NAMES if n != "pingtan-social-2021"])
def test_version_per_report(name) -> None:
    choice = choose(build_document(f"{name}.txt", corpus_text(name)))
    assert choice.version == VERSIONS[name]
    assert not choice.outdated
    assert choice.year == int(name[-4:])


def test_2019_reports_checked_with_the_2019_pack() -> None:
    transport = context_for(build_document("t.txt", corpus_text("pingtan-transport-2020")))
    assert transport.pack.name == "gov-2019"
    tables = transport.tables.tables
    assert tables["regulations"].rows["normative_documents"].values[2].value == 5
    assert tables["fees"].rows["fees"].values[1].value == -15  # 本年增/减 may be negative
    assert tables["applications"].rows["other_handling"].values is not None  # one row in 2019
    for name in ("pingtan-2019", "pingtan-transport-2020"):
        ctx = context_for(build_document("r.txt", corpus_text(name)))
        apps = ctx.tables.tables["applications"]
        required = [r for r in apps.spec.rows if not apps.spec.is_label_only(r)]
        assert all(apps.rows[r.key].values is not None for r in required), name
        assert ctx.tables.tables["review"].rows["cases"].values is not None


def test_2019_reports_have_no_false_errors() -> None:
    # pingtan-2019: table 二 run together by the crawl (a warning); overview without the
    # 依申请公开 and 政府信息管理 topics (true: it is organised as 基本情况/主要做法); the
    # prose findings (2599 条 vs its parts; 六 of a government); 一 has 考核 but neither
    # 评议 nor 追究 (a warning: the topic partly covered).
    findings = lint(corpus_text("pingtan-2019"))
    assert {(f.code, f.span.line) for f in findings} == {
        ("GX403", 3),
        ("GX404", 3),
        ("GX202", 28),
        ("GX509", 6),
        ("GX409", 61),
        ("GX405", 67),
        ("GX406", 67),
    }
    assert [f for f in findings if f.severity.label == "error"] == []
    # pingtan-transport-2020: three cells whose digits the crawl ran together (88-720,
    # 26-260, 263042532) — precise shape errors about those cells, as corpus/INDEX.md asks.
    findings = lint(corpus_text("pingtan-transport-2020"))
    assert [(f.code, f.span.line) for f in findings] == [
        ("GX206", 13),
        ("GX206", 17),
        ("GX206", 24),
    ]
    assert findings[0].message == "「行政许可」行应有 3 个数字，实有 1 个：88-720"


def test_2019_arithmetic_is_checked() -> None:
    text = corpus_text("pingtan-2019").replace(
        "\t（六）其他处理\t\t0\t0\t0\t0\t0\t0\t0", "\t（六）其他处理\t\t1\t0\t0\t0\t0\t0\t1"
    )
    errors = [f for f in lint(text) if f.severity.label == "error"]
    assert [f.code for f in errors] == ["GX302", "GX302"]  # （七）总计: 自然人 and 总计 columns
    assert "（六）" in errors[0].message


def test_2021_year_copy_of_a_2019_report_is_outdated() -> None:
    text = corpus_text("pingtan-transport-2020").replace(
        "交通与建设局2020年度", "交通与建设局2022年度", 1
    )
    choice = choose(build_document("t.txt", text))
    assert (choice.version, choice.outdated, choice.year) == ("2019", True, 2022)
    findings = lint(text)
    outdated = [f for f in findings if f.code == "GX106"]
    assert len(outdated) == 1 and outdated[0].span.line == 1
    assert "本年新制作数量" in outdated[0].message
    assert "国办公开办函〔2021〕30号" in outdated[0].hint
    # The title's year now disagrees with the text (2020年，我局……): A11.
    assert [f.span.line for f in findings if f.code == "GX510"] == [1]
    # …and it is still checked on the template it uses: the same shape findings as before;
    # its closing date (2021年1月26日) was copied too (GX112); and a report for 2022 owes the
    # fee statement whatever its tables (GX401 follows the year, not the template).
    others = sorted(f.code for f in findings if f.code not in ("GX106", "GX510"))
    assert others == ["GX112", "GX206", "GX206", "GX206", "GX401"]


PROSE_KEPT = {
    "GX109",
    "GX508",
    "GX509",
    "GX510",
    "GX511",
    "GX514",
    "GX518",
    "GX519",
    "GX520",
    "GX521",
}


def test_pre_2019_report_is_told_once_and_only_its_prose_checked() -> None:
    findings = lint(PRE_2019)
    # The prose rules still run: 1253 条 stated, 45 + 312 + 96 listed; 36 件 handled, 28 + 3
    # listed by outcome (warnings: a part may be unlisted).
    assert [(f.code, f.severity.label, f.span.line) for f in findings] == [
        ("GX107", "info", 1),
        ("GX509", "warning", 9),
        ("GX509", "warning", 12),
    ]
    for name in ("pingtan-2018", "pingtan-county-2013", "pingtan-tax-2013"):
        codes = [f.code for f in lint(corpus_text(name))]
        assert codes.count("GX107") == 1 and set(codes) - {"GX107"} <= PROSE_KEPT, name


def test_2021_copy_of_a_pre_2019_report() -> None:
    findings = lint(PRE_2019.replace("2017年", "2022年"))
    assert sorted(f.code for f in findings) == ["GX106", "GX107", "GX509", "GX509"]


def test_hongze_mixed_layout() -> None:
    text = corpus_text("hongze-2024")
    findings = lint(text)
    single = [f for f in findings if f.code == "GX212"]
    assert [(f.span.line, f.severity.label) for f in single] == [(78, "error")]
    assert "（六）其他处理" in single[0].message and "3 个子项" in single[0].message
    assert "国办公开办函〔2021〕30号" in single[0].hint
    assert not any(f.code.startswith("GX3") for f in findings)  # A2 counts the one row
    bumped = text.replace("\t（六）其他处理\t\t0\t0", "\t（六）其他处理\t\t1\t0", 1)
    assert "GX302" in {f.code for f in lint(bumped)}


def test_forced_version(capsys) -> None:
    path = str(TESTS / "corpus" / "pingtan-transport-2020.txt")
    assert main(["--format-version", "2021", "--format", "json", "--fail-on", "never", path]) == 0
    forced = capsys.readouterr().out
    assert "GX204" in forced  # the 2021 columns are missing from a 2019 table
    assert main(["parse", "--format-version", "2019", path]) == 0
    assert "--format-version 2019" in capsys.readouterr().out


def test_parse_says_version_and_why(capsys) -> None:
    assert main(["parse", str(TESTS / "corpus" / "pingtan-2019.txt")]) == 0
    out = capsys.readouterr().out
    assert "format 2019 年版 → pack gov-2019" in out
    assert "2019 年版特有的标签" in out


def test_rules_pack_2019(capsys) -> None:
    assert main(["rules", "--pack", "2019"]) == 0
    out = capsys.readouterr().out
    assert "gov-2019" in out and "GX301" in out
    assert "GX407" not in out  # no fee notices in the 2019 tables
    assert "GX401" in out  # the fee statement: owed by reports for 2021 on, whatever their tables


def _seed_with_old_table_二(seed_text: str) -> str:
    return (
        seed_text.replace(
            "信息内容\t本年制发件数\t本年度止件数\t现行有效件数",
            "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量",
        )
        .replace(
            "信息内容\t本年处理决定数量\t\t", "信息内容\t上一年项目数量\t本年增/减\t处理决定数量", 3
        )
        .replace("行政许可\t0\t\t", "行政许可\t0\t0\t0")
        .replace("行政处罚\t0\t\t", "行政处罚\t0\t0\t0")
        .replace("行政强制\t0\t\t", "行政强制\t0\t0\t0")
    )


def test_each_table_is_checked_against_the_template_it_follows(seed_text) -> None:
    text = _seed_with_old_table_二(seed_text)
    findings = lint(text)
    assert [f.code for f in findings if f.code == "GX106"] == ["GX106"]
    assert "2019 年试行版" in next(f.message for f in findings if f.code == "GX106")
    # Table 三 follows the 2021 template and is judged by it: no shape finding on it.
    assert not [f for f in findings if f.code[2] in "23" and f.span.line > 46]
    ctx = context_for(build_document("r.txt", text))
    assert ctx.tables.tables["regulations"].spec.columns[0].label == "本年新制作数量"
    assert "other_fee_unpaid" in ctx.tables.tables["applications"].rows
    # …and its arithmetic is still checked.
    broken = text.replace("(七) 总计\t0\t0\t0\t0\t0\t0\t0", "(七) 总计\t1\t0\t0\t0\t0\t0\t1")
    assert broken != text
    assert "GX302" in {f.code for f in lint(broken)}


def test_reports_that_mix_formats_alike_share_one_mixed_pack(seed_text) -> None:
    """A mixed pack is made once for each way of mixing (a batch's older reports keep the same
    few tables), so its tables' label memos serve every such report."""
    old_二 = _seed_with_old_table_二(seed_text)
    first = context_for(build_document("a.txt", old_二)).pack
    again = context_for(build_document("b.txt", old_二.replace("许昌", "洛阳"))).pack
    assert first is again and first.name == "gov-2021+gov-2019"
    assert first.tables["regulations"].outdated and not first.tables["applications"].outdated
    social = context_for(build_document("c.txt", corpus_text("pingtan-social-2021"))).pack
    assert social is first  # its table 二 is the 2019 one too
    assert context_for(build_document("d.txt", seed_text)).pack.name == "gov-2021"  # not mixed


def test_pingtan_social_2021_mixed_templates() -> None:
    text = corpus_text("pingtan-social-2021")
    choice = choose(build_document("r.txt", text))
    assert (choice.version, choice.outdated, choice.year) == ("2019", True, 2021)
    findings = lint(text)
    assert [(f.code, f.span.line) for f in findings if f.code == "GX106"] == [("GX106", 1)]
    assert not [f for f in findings if f.code in ("GX201", "GX203", "GX205")]


def test_a_reports_whole_text_is_not_kept_in_the_label_memo() -> None:
    """Labels are memoised (reports repeat them); a report's whole text must not be, or a batch
    of thousands of distinct reports would keep every one of them in memory."""
    from gxlint.document.labels import normalise

    text = corpus_text("pingtan-2023") + "\n附注：本报告独有的一行。\n"
    lint(text)
    doc = build_document("report.txt", text)
    before = normalise.cache_info().misses
    normalise(doc.text)
    assert normalise.cache_info().misses == before + 1  # not found: it had not been kept


def test_label_folding_drops_every_whitespace_and_the_listed_punctuation() -> None:
    """normalise_text is NFKC, then no whitespace (any of Unicode's: str.split's is the same
    set as the regular expressions' \\s) and none of the punctuation and quotes reports vary
    freely: on every corpus text, every whitespace character, and mixes of them."""
    import re
    import sys

    from gxlint.document.nfkc import nfkc

    dropped = re.compile(r"[\s\u3000\"'“”‘’「」『』《》〈〉·•、,，.．:：;；!！?？()（）\[\]【】]")
    spaces = "".join(chr(c) for c in range(sys.maxunicode + 1) if re.match(r"\s", chr(c)))
    texts = [corpus_text(name) for name in CORPUS_NAMES]
    texts += [f"（一）{spaces}予以\u3000公开「全部」", "本年\u2028新收\u00a0申请\u200b数量"]
    for text in texts:
        assert normalise_text(text) == dropped.sub("", nfkc(text))
    assert normalise_text("（一） 予以\u3000公开：") == "一予以公开"


def test_an_outdated_reports_text_is_folded_once(monkeypatch) -> None:
    """Choosing the format and sorting its tables between two versions read the same folded
    text: a report on an older template folds it once, not once for each."""
    from gxlint.analysis import versions

    folded: list[str] = []
    real = versions.normalise_folded
    monkeypatch.setattr(versions, "normalise_folded", lambda t: folded.append(t) or real(t))
    versions._FOLDED.clear()
    doc = build_document("r.txt", corpus_text("pingtan-social-2021"))
    ctx = context_for(doc)
    assert (ctx.version.pack, ctx.version.expected.pack) == ("gov-2019", "gov-2021")
    assert folded == ["".join(line.folded for line in doc.lines)]
    assert real(folded[0]) == normalise_text(doc.text)


def test_statements_follow_the_report_year_not_the_template() -> None:
    """A report for 2022 written on the 2019 tables still owes the fee statement (GX401); the
    same report for 2019 does not."""
    text = corpus_text("pingtan-2019")
    assert "处理费" not in text
    assert [f.code for f in lint(text) if f.code == "GX401"] == []
    later = [f for f in lint(text.replace("2019年", "2022年")) if f.code in ("GX106", "GX401")]
    assert [(f.code, f.span.line) for f in later] == [("GX106", 1), ("GX401", 67)]
    assert later[1].message == "「六、其他需要报告的事项」没有说明信息处理费收取情况"
