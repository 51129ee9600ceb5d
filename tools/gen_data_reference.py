"""Write ``docs/reference/data.md`` from the package's registries.

Everything on the page comes from data the package itself uses: the code registry
(``gikit.codes.codebook()``), the qualifiers (``gikit.observations.QUALIFIERS``), the checks
(``gikit/data/checks.tsv``), the metrics (``gikit/data/metrics.tsv``), the harmonised layer
(``gikit/templates/harmonised.tsv``) and the templates each code occurs in. The series breaks
between templates are computed from the same registry. ``tests/test_docs.py`` regenerates the page
in memory and fails when the file in ``docs/`` is out of date.

Usage: ``python tools/gen_data_reference.py`` (rewrites the page), ``--check`` (exit 1 if stale).
"""
from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

import pandas as pd

from gikit import codes
from gikit.checks import check_definitions
from gikit.derive import harmonised
from gikit.meta import SCOPES
from gikit.observations import QUALIFIERS, SOURCES
from gikit.prose import PCT_SUFFIX
from gikit.tablespec import columns_for

PAGE = Path(__file__).resolve().parents[1] / "docs" / "reference" / "data.md"

TEMPLATES = {
    "old": "政府信息公开情况统计表 (国办发〔2014〕32号 era), report years 2014–2018",
    "fmt2019": "年度报告格式(试行) (国办公开办函〔2019〕60号), report years 2019–2020",
    "fmt2021": "年度报告格式 (国办公开办函〔2021〕30号), report years 2021–",
}
GRADES = {
    "S": "same concept in the old table and the 2019/2021 formats: compare directly",
    "A": "approximately the same concept: compare only through the harmonised `h.*` code",
    "N": "not comparable across the old/new boundary (present in one era only, or a different concept)",
    "new-only": "present in the 2019 and 2021 formats only",
}
KINDS = {
    "table": "read from a table cell (or, in prose-only reports, from a sentence)",
    "derived": "computed by gikit: a group subtotal the form does not print",
    "harmonised": "computed by gikit: the harmonised layer that lines the templates up (SPEC §7.2)",
    "prose": "stated only in prose (sections 六 or 总体情况)",
}
UNITS = {
    "item": "条 (pieces of information)", "case": "件 (requests, cases)", "doc": "件 (documents)",
    "times": "次", "article": "篇", "unit": "个", "person": "人", "person_time": "人次",
    "wan_yuan": "万元 (10,000 yuan)", "yuan": "元", "bool": "是/否 (1/0)", "text": "free text",
    "ratio": "a share between 0 and 1",
}
FAMILIES = [
    ("active.", "Proactive disclosure (主动公开)"),
    ("response.", "Responses and interpretation (回应解读, old table only)"),
    ("requests.", "Requests for disclosure (依申请公开)"),
    ("review.", "Administrative reconsideration (行政复议)"),
    ("litigation.", "Administrative litigation (行政诉讼)"),
    ("complaints.", "Complaints (举报投诉)"),
    ("fees.", "Fees (收费)"),
    ("capacity.", "Staff and funding (机构建设和保障经费)"),
    ("training.", "Meetings and training (会议和培训)"),
    ("ext.", "Provincial additions (`ext.<province><year>.*`)"),
    ("h.", "Harmonised layer (`h.*`)"),
]
SCOPE_MEANINGS = {
    "region_aggregate": "the whole region (全市/本行政区域, compiled from all its bodies)",
    "own_level": "the government's own level (市本级/本机关)",
    "agency": "one agency or zone administration",
}
KIND_FORMULA = {"eq": "=", "le": "≤", "subtotal": "="}


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _term(term: str) -> str:
    first, *rest = term.split("|")
    return f"`{first}`" + "".join(f" (or `{r}` when not stated)" for r in rest)


def _side(terms: tuple[str, ...]) -> str:
    return " + ".join(_term(t) for t in terms)


def _terms(expr: str) -> str:
    return " + ".join(f"`{t.strip()}`" for t in expr.split("+"))


def _table(header: list[str], rows: list[list[object]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return out + [""]


def _codes_section() -> list[str]:
    cb = codes.codebook()
    out = ["## Indicator codes", "",
           f"{len(cb)} codes. Columns: the code; its label in Chinese and English; the canonical unit; "
           "the templates it occurs in; the comparability grade between the old table and the 2019/2021 "
           "formats; how gikit obtains it. Codes are stable: they are the public vocabulary of "
           "`Report.indicators`.", ""]
    seen: set[str] = set()
    for prefix, title in FAMILIES:
        part = cb[cb["code"].str.startswith(prefix) & ~cb["code"].isin(seen)]
        if part.empty:
            continue
        seen.update(part["code"])
        out += [f"### {title}", ""]
        out += _table(["code", "中文", "English", "unit", "templates", "grade", "kind"],
                      [[f"`{r.code}`", r.label_zh, r.label_en, r.unit, r.templates.replace(",", ", "), r.grade,
                        r.kind] for r in part.itertuples(index=False)])
    rest = cb[~cb["code"].isin(seen)]
    if not rest.empty:
        out += ["### Other codes", ""]
        out += _table(["code", "中文", "English", "unit", "templates", "grade", "kind"],
                      [[f"`{r.code}`", r.label_zh, r.label_en, r.unit, r.templates, r.grade, r.kind]
                       for r in rest.itertuples(index=False)])
    out += ["### Stated percentages", "",
            f"A percentage printed beside a prose figure (e.g. 网络申请104件,占84.55%) is kept as "
            f"`<code>{PCT_SUFFIX}` with unit `percent` — a rate as the report states it, never a count. "
            "It feeds check `R.pct`; gikit's own rates are the metrics below.", ""]
    return out


def _vocabulary_section() -> list[str]:
    out = ["## Units", ""]
    out += _table(["unit", "meaning"], [[f"`{u}`", m] for u, m in UNITS.items()])
    out += ["## Templates", ""]
    out += _table(["template", "form"], [[f"`{t}`", d] for t, d in TEMPLATES.items()])
    out += ["## Comparability grades", ""]
    out += _table(["grade", "meaning"], [[f"`{g}`", GRADES.get(g, "")] for g in codes.GRADES])
    out += ["## Kinds", ""]
    out += _table(["kind", "meaning"], [[f"`{k}`", KINDS.get(k, "")] for k in codes.KINDS])
    out += ["## Applicant columns", "",
            "The request table of the 2019 and 2021 formats has one column per type of applicant; their "
            "figures carry `applicant`. Figures without that breakdown have no applicant, and "
            "`Report.value(code)` reads them as `total`.", ""]
    out += _table(["applicant", "column (fmt2019, fmt2021)"],
                  [[f"`{c.key}`", c.label] for c in columns_for("fmt2021", "T3")])
    out += ["## Scopes", "",
            "A report may state figures for more than one scope; they are kept apart, never summed.", ""]
    out += _table(["scope", "meaning"], [[f"`{x}`", SCOPE_MEANINGS.get(x, "")] for x in SCOPES])
    out += ["## Qualifiers", "",
            "Every figure carries a qualifier saying how exact it is. Missing is NaN, never 0.", ""]
    out += _table(["qualifier", "meaning"], [[f"`{q}`", m] for q, m in QUALIFIERS.items()])
    out += ["## Sources", ""]
    out += _table(["source", "meaning"],
                  [[f"`{s}`", {"table": "a table cell", "prose": "a sentence of the report",
                               "derived": "computed by gikit from other figures"}.get(s, "")] for s in SOURCES])
    return out


def _checks_section() -> list[str]:
    out = ["## Checks", "",
           "`Report.checks()` and `ReportCollection.checks()` evaluate these identities (hard: defined "
           "by the form, a failure means a data or parse error) and expectations (soft). Statuses are "
           "`pass`, `fail` and `not_assessable`. Checks are never used to change a figure.", ""]
    rows = []
    for d in check_definitions():
        if d.kind in KIND_FORMULA and d.lhs and d.rhs:
            formula = f"{_side(d.lhs)} {KIND_FORMULA[d.kind]} {_side(d.rhs)}"
        elif d.lhs and d.rhs:
            formula = f"{_side(d.lhs)} vs {_side(d.rhs)}"
        elif d.rhs:
            formula = "figures: " + ", ".join(f"`{t}`" for t in d.rhs)
        else:
            formula = "—"
        per = " (per applicant column)" if d.per == "applicant" else ""
        rows.append([f"`{d.id}`", d.severity, ", ".join(sorted(d.templates)), d.kind + per, formula, d.description])
    out += _table(["check", "severity", "templates", "kind", "formula", "description"], rows)
    return out


def _metrics_section() -> list[str]:
    out = ["## Metrics", "",
           "`ReportCollection.metrics()` computes these rates per report, in the report's headline scope. "
           "A rate whose denominator is below `min_n` is NaN with a reason; `x[applicant]` is the figure "
           "of one applicant column.", ""]
    with resources.files("gikit").joinpath("data/metrics.tsv").open(encoding="utf-8") as f:
        defs = pd.read_csv(f, sep="\t", dtype=str, keep_default_na=False)
    rows = [[f"`{d.metric}`", d.templates.replace(",", ", "), _terms(d.numerator), _terms(d.denominator), d.scale,
             d.min_n, f"{d.label_en} ({d.label_zh})", d.description] for d in defs.itertuples(index=False)]
    out += _table(["metric", "templates", "numerator", "denominator", "scale", "min_n", "label", "definition"], rows)
    return out


def _harmonised_section() -> list[str]:
    out = ["## Harmonised layer", "",
           "Each `h.*` code is computed per template from the codes below (sum of the numerator codes, "
           "divided by the denominator when there is one). A formula that differs between templates "
           "marks a series break: the harmonised figure is as close as the forms allow, not identical.", ""]
    rows = []
    for h in harmonised():
        num = " + ".join(f"`{c}`" for c in h["numerator"])
        den = " + ".join(f"`{c}`" for c in h["denominator"])
        formula = f"({num}) / ({den})" if den else num
        rows.append([f"`{h['code']}`", ", ".join(h["templates"]), formula, codes.codebook().at[h["code"], "grade"]])
    out += _table(["code", "templates", "formula", "grade"], rows)
    return out


def _breaks_section() -> list[str]:
    cb = codes.codebook()
    cb = cb[~cb["code"].str.startswith("h.")]
    out = ["## Series breaks between templates", "",
           "Computed from the templates each code occurs in. A code that ends or begins at a boundary "
           "cannot be followed across it; use the harmonised layer where it offers a counterpart.", ""]
    formulas: dict[str, dict[str, str]] = {}
    for h in harmonised():
        for t in h["templates"]:
            formulas.setdefault(h["code"], {})[t] = " + ".join(h["numerator"]) + " / " + " + ".join(h["denominator"])
    order = list(TEMPLATES)
    for before, after in zip(order, order[1:]):
        in_before = {c for c, ts in zip(cb["code"], cb["templates"]) if before in ts.split(",")}
        in_after = {c for c, ts in zip(cb["code"], cb["templates"]) if after in ts.split(",")}
        ended = [c for c in cb["code"] if c in in_before - in_after]
        began = [c for c in cb["code"] if c in in_after - in_before]
        grades = dict(zip(cb["code"], cb["grade"]))
        # grades speak of the old table against the 2019/2021 formats, so only that boundary has them
        shifted = [c for c in cb["code"] if c in in_before & in_after and grades[c] == "A" and before == "old"]
        changed = [h for h, f in formulas.items() if before in f and after in f and f[before] != f[after]]
        out += [f"### `{before}` → `{after}`", ""]
        out += [f"**Ends with `{before}`** ({len(ended)}): " + (", ".join(f"`{c}`" for c in ended) or "none"), ""]
        out += [f"**Begins with `{after}`** ({len(began)}): " + (", ".join(f"`{c}`" for c in began) or "none"), ""]
        if before == "old":
            out += [f"**Shared, but only approximately the same concept** ({len(shifted)}): "
                    + (", ".join(f"`{c}`" for c in shifted) or "none"), ""]
        out += [f"**Harmonised codes whose formula changes** ({len(changed)}): "
                + (", ".join(f"`{c}`" for c in changed) or "none"), ""]
    return out


def render() -> str:
    """The whole page as a string."""
    lines = ["# Data reference", "",
             "<!-- generated by tools/gen_data_reference.py from the package registries; do not edit -->", "",
             "The vocabulary of gikit's data: every indicator code the package emits, the units, qualifiers "
             "and comparability grades, the consistency checks with their formulas, the metric definitions "
             "and the series breaks between the three national templates. The same registry ships inside the "
             "package: `gikit.codes.codebook()`, `gikit.checks.check_catalogue()`, "
             "`gikit.metrics.definitions()`.", ""]
    lines += _codes_section() + _vocabulary_section() + _checks_section() + _metrics_section()
    lines += _harmonised_section() + _breaks_section()
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = PAGE.read_text(encoding="utf-8") if PAGE.exists() else ""
        if current != text:
            print(f"{PAGE} is out of date; run python tools/gen_data_reference.py", file=sys.stderr)
            return 1
        return 0
    PAGE.write_text(text, encoding="utf-8")
    print(f"wrote {PAGE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
