"""docs/packs.md, the pack author's guide: how a province writes, tests and uses a pack of its
own, then every rule kind with its parameters and message fields — the same registry
`gxlint kinds` prints and the loader checks packs against (generated: app/rule_docs.py)."""

from __future__ import annotations

from collections.abc import Mapping

from gxlint.pack.params import schema_of
from gxlint.pack.schema import KindSchema

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
    doc: {why: 本省要求……, bad: 一、总体情况……, good: 一、总体情况……政务新媒体……}
    cases:                   # report texts: a line ending in "# expect: CODE" must fire
      - name: 没有写
        text: |
          一、总体情况  # expect: FJ481
          全年主动公开信息 120 条。
change:
  GX406: {severity: info}    # national rules are still named by their GX codes
remove: [GX409]
```

- `gxlint test fujian.yaml` runs the pack's cases (exit 1 if one fails);
- `gxlint --pack fujian.yaml reports/`, or `pack = "fujian.yaml"` in `gxlint.toml`, checks with it;
- `gxlint rules --pack fujian.yaml` lists its rules, `gxlint explain FJ481 --pack fujian.yaml`
  explains one; `--select FJ` and `--ignore FJ4` take its codes.

A message may use only the fields its kind gives (below); a pattern is a regular expression over
the report's folded prose (full-width punctuation written as it reads).

## 规则类型 Rule kinds

"""


def pack_guide(kinds: Mapping[str, KindSchema]) -> str:
    """The guide, its kinds section from the registry."""
    sections = []
    for name, kind in kinds.items():
        lines = [f"### `{name}`", "", kind.summary, ""]
        for key, param in schema_of(kind.params).items():
            need = "（必填 required）" if param.required else ""
            default = f"，默认 `{param.default!r}`" if param.default is not None else ""
            lines.append(f"- `{key}`{need}: {param.type_name}{default} — {param.doc}")
        if kind.fields:
            lines += [
                "",
                "信息字段 message fields: " + "、".join(f"`{{{f}}}`" for f in sorted(kind.fields)),
            ]
        sections.append("\n".join(lines))
    return _GUIDE + "\n\n".join(sections) + "\n"
