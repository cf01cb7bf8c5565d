"""Report-shaped random text for fuzzing: real report lines, cut, joined, mutated, mixed with
the characters that break parsers (tabs, pipes, brackets, digits, control characters)."""

from __future__ import annotations

from hypothesis import strategies as st

from conftest import CORPUS_NAMES, corpus_text

LINES = sorted({line for name in CORPUS_NAMES for line in corpus_text(name).split("\n")})
NOISE = st.text(
    alphabet=st.sampled_from(
        list("\t|（）()《》一二三、.0123456789件条元%年 \x1b\x00\r\u3000-，。")
    ),
    max_size=40,
)


@st.composite
def report_text(draw: st.DrawFn) -> str:
    lines = draw(st.lists(st.sampled_from(LINES), min_size=1, max_size=60))
    out = []
    for line in lines:
        action = draw(st.integers(0, 5))
        if action == 0:
            cut = draw(st.integers(0, len(line)))
            line = line[:cut] + draw(NOISE) + line[cut:]
        elif action == 1:
            line = line[: draw(st.integers(0, len(line)))]
        elif action == 2:
            line = line.replace("\t", draw(st.sampled_from(["", "\t\t", "|", " "])))
        out.append(line)
    return "\n".join(out) + draw(st.sampled_from(["", "\n", "\r\n"]))


# A sentence with a percentage of a stated total, its numbers up to 40 digits long.
DIGITS = st.text(alphabet="0123456789", min_size=1, max_size=40)


@st.composite
def percentage_sentence(draw: st.DrawFn) -> str:
    total, part, share = draw(DIGITS), draw(DIGITS), draw(DIGITS)
    point = draw(st.sampled_from(["", ".5", ".05", "." + draw(DIGITS)]))
    unit = draw(st.sampled_from(["件", "条", ""]))
    return f"共受理申请{total}件，其中予以公开{part}{unit}，占{share}{point}%。"


# File names as they come: Chinese, spaces and %, GBK bytes on a UTF-8 system, control bytes.
FILE_NAME = st.one_of(
    st.text(alphabet=st.sampled_from(list("报告定稿 %#()'\"&;=+-@年")), min_size=1, max_size=12),
    st.sampled_from(["报告".encode("gbk"), "年报".encode("gb18030"), b"\xff\xfe", b"a\x1b[2Jb"]),
).map(lambda n: n if isinstance(n, bytes) else n.encode("utf-8"))
