"""docs/packs.md, the pack author's guide: how a province writes, tests and uses a pack of its
own, then every rule kind with its parameters and message fields — the same registry
`gxlint kinds` prints and the loader checks packs against (generated: app/rule_docs.py)."""

from __future__ import annotations

from collections.abc import Mapping

from gxlint.pack.params import Param, schema_of
from gxlint.pack.schema import KindSchema
from gxlint.pack.template import TableSpec

_GUIDE = """# 规则包编写指南 Writing a rule pack

一个省（市）的要求写成自己的规则包：扩展国家规则包，加上本省的规则，改动或去掉国家规则，
不写 Python。
A province's requirements as a pack of its own: it extends the national pack, adds its rules,
changes or removes national ones — no Python. `examples/province-example.yaml` is a whole one.

```yaml
pack: fujian                 # the pack's name
extends: gov-2021            # the national pack (or a path to another pack)
prefix: FJ                   # this pack's own codes: FJ101 … (GX is the national packs')
rules:
  - code: FJ481              # prefix + three digits; the first digit is the category (1–6, 9)
    name: new-media
    kind: occurrence         # one of the kinds below
    severity: warning        # error, warning or info
    sections: [overview]
    patterns: [政务新媒体]
    min: 1
    message: 「{section}」没有写到政务新媒体
    hint: 说明政务新媒体的信息发布情况
    doc:                     # why the rule exists, a bad and a good example
      why: 本省要求写明政务新媒体的情况。
      bad: 一、总体情况……
      good: 一、总体情况……政务新媒体……
    cases:                   # report texts: a line ending in "# expect: CODE" must fire
      - name: 没有写
        text: |
          一、总体情况  # expect: FJ481
          全年主动公开信息 120 条。
      - name: 写了
        text: |
          一、总体情况
          全年通过政务新媒体发布信息 120 条。
  - code: FJ501
    name: old-wording
    kind: substitution       # each wrong wording → the right one; --fix writes it
    severity: warning
    swap: {政府信息公开年报: 政府信息公开工作年度报告, 依申请公开件: 依申请公开申请}
    message: 「{found}」应为「{right}」
    doc:
      why: 用规范名称。
      bad: 本年度政府信息公开年报如下。
      good: 本年度政府信息公开工作年度报告如下。
    cases:
      - name: 旧称
        text: |
          一、总体情况
          现将本机关政府信息公开年报公布如下。  # expect: FJ501
  - code: FJ301
    name: disclosed-within-received
    kind: relation           # cells of a national table, by the keys listed at the end
    severity: error
    table: applications
    per: column              # each column: the keys are rows
    expr: disclosed <= new + carried_over
    message: 予以公开的申请多于收到的申请：{lhs}，{rhs}（{where}）
    doc:
      why: 予以公开的不能多于收到的。
      bad: （一）予以公开 80（共收到 70）
      good: （一）予以公开 60（共收到 70）
    cases:
      - name: 多于收到的
        text: |
          三、收到和处理政府信息公开申请情况
          一、本年新收政府信息公开申请数量		70	0	0	0	0	0	70
          二、上年结转政府信息公开申请数量		0	0	0	0	0	0	0
          （一）予以公开		80	0	0	0	0	0	80  # expect: FJ301
change:
  GX406: {severity: info}    # national rules are still named by their GX codes
remove: [GX409]
```

- `gxlint test fujian.yaml` runs the pack's cases (exit 1 if one fails);
- `gxlint --pack fujian.yaml reports/`, or `pack = "fujian.yaml"` in `gxlint.toml`, checks with it;
- `gxlint rules --pack fujian.yaml` lists its rules, `gxlint explain FJ481 --pack fujian.yaml`
  explains one; `--select FJ` and `--ignore FJ4` take its codes.

A message may use only the fields its kind gives (below); a pattern is a regular expression over
the report's folded prose (full-width punctuation written as it reads). A relation names the
cells of the national pack's tables by their keys, listed after the kinds.

## 规则类型 Rule kinds

"""


_TABLES = """

## 国家规则包的表格 Tables of the national pack

A relation's `table`, and the row and column keys its `expr` adds up (`sum(group)`: a group's
sub-items), as `{pack}` defines them.
"""


def pack_guide(kinds: Mapping[str, KindSchema], tables: Mapping[str, TableSpec], pack: str) -> str:
    """The guide: its kinds from the registry, its tables from the national pack `pack`."""
    sections = [_kind(name, kind) for name, kind in kinds.items()]
    listed = [_table(spec) for spec in tables.values()]
    body = "\n\n".join(sections) + _TABLES.format(pack=pack) + "\n" + "\n\n".join(listed)
    return _GUIDE + body + "\n"


def _kind(name: str, kind: KindSchema) -> str:
    lines = [f"### `{name}`", "", kind.summary, ""]
    for key, param in schema_of(kind.params).items():
        lines.append(f"- `{key}`{_about(param)} — {param.doc}")
        if param.item is not None:  # a mapping (or a list of them) with keys of its own
            inner = schema_of(param.item).items()
            lines += [f"  - `{key}.{k}`{_about(p)} — {p.doc}" for k, p in inner]
    if kind.fields:
        fields = "、".join(f"`{{{f}}}`" for f in sorted(kind.fields))
        lines += ["", f"信息字段 message fields: {fields}"]
    return "\n".join(lines)


def _about(param: Param) -> str:
    """What a parameter is: whether it is required, its type, default and values."""
    return f"{'（必填 required）' if param.required else ''}: {param.described()}"


def _table(spec: TableSpec) -> str:
    rows = "、".join(f"`{r.key}` {r.label}" for r in spec.rows)
    columns = "、".join(f"`{c.key}` {c.label}" for c in spec.columns)
    return f"### `{spec.key}` {spec.title}\n\n- 行 rows: {rows}\n- 列 columns: {columns}"
