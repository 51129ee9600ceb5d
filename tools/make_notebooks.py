"""Write the notebooks of ``notebooks/`` (outputs stripped) from the cell lists below.

The notebooks are kept in git without outputs; edit them here and run
``python tools/make_notebooks.py``. ``tests/test_notebooks.py`` executes each one top to bottom and
checks that the files in git carry no outputs. Every number a narrative cell quotes is printed by
a code cell (narratives with numbers are built with ``Markdown(f"...")`` from computed values).
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
KERNEL = {"display_name": "Python 3", "language": "python", "name": "python3"}


def md(text: str) -> nbformat.NotebookNode:
    return new_markdown_cell(text.strip("\n"))


def code(text: str) -> nbformat.NotebookNode:
    return new_code_cell(text.strip("\n"))


SETUP = code("""
%matplotlib inline
import warnings

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Markdown, display

import gikit

pd.set_option("display.max_columns", 20)
pd.set_option("display.width", 160)
warnings.filterwarnings("ignore", category=gikit.GikitWarning)  # each report keeps its own in r.warnings
""")

LOAD_ALL = code("""
c = gikit.load_reports(gikit.list_samples()["file"], workers=1, progress=False)
c
""")

# ---------------------------------------------------------------------------------------------- 00

QUICKSTART = [
    md("""
# gikit quickstart

gikit reads Chinese government information disclosure annual reports (政府信息公开工作年度报告)
and turns their statistics into tidy pandas data, with a provenance for every figure. This notebook
loads one of the five bundled sample reports and walks through what you get.
"""),
    SETUP,
    md("## The bundled samples"),
    code("gikit.list_samples()[[\"sample_id\", \"region\", \"province\", \"year\", \"template\", \"description\"]]"),
    md("""
## Load a report

`load_report` takes a sample id, a path (`.txt .md .html .docx .xlsx .xls .pdf`) or bytes. In
Jupyter a report shows as a card.
"""),
    code("""
r = gikit.load_report("xilinhot-2021")
r
"""),
    md("The metadata: region, province, administrative level, year, template, publisher, dates, scope."),
    code("pd.Series(r.meta.to_dict()).to_frame(\"value\")"),
    md("""
## The figures

`r.indicators` is a long frame, one row per figure: a stable English `code`, the applicant column
(for the request table of the 2019/2021 formats), the `scope`, the `value` (NaN when missing), the
`unit`, a `qualifier` saying how exact it is, where it came from (`source`, `locator`) and the
printed text (`raw`).
"""),
    code("r.indicators.head(10)"),
    code("""
received = r.value("requests.received.total")
decided = r.value("requests.outcome.total")
print(f"requests received: {received:g}; requests decided: {decided:g}")
"""),
    md("Every figure can be traced back to the text: the locator holds a character span into `r.text`."),
    code("""
from gikit.observations import span_of

row = r.indicators.query("code == 'active.licensing.decisions'").iloc[0]
start, end = span_of(row["locator"])
print(row["locator"])
print("printed as:", repr(r.text[start:end]), "→ value", row["value"])
"""),
    md("## The request table, wide: outcomes × applicant types"),
    code("r.requests"),
    md("## Proactive disclosure and reviews"),
    code("r.proactive[[\"code\", \"label\", \"value\", \"unit\"]]"),
    code("r.reviews[[\"code\", \"label\", \"value\", \"qualifier\", \"source\"]]"),
    md("""
## Does it add up?

`r.checks()` runs the identities of the report's template (hard checks) and some expectations
(soft checks). A check never changes a figure.
"""),
    code("""
chk = r.checks()
chk["status"].value_counts()
"""),
    code("chk[chk[\"status\"] != \"pass\"]"),
    md("## One plot"),
    code("""
ax = r.plot.outcomes()
plt.show()
"""),
    md("""
## Next

- `01_cross_regional_comparison`: the five sample regions side by side.
- `02_data_quality_audit`: what the checks find, and what to do about it.
- `03_template_crosswalk`: the three national templates and the harmonised `h.*` layer.
- `04_teaching_exercise`: a classroom exercise (solutions in a separate notebook).
"""),
]

# ---------------------------------------------------------------------------------------------- 01

COMPARISON = [
    md("""
# Cross-regional comparison: Inner Mongolia and Heilongjiang

The five bundled reports come from two provinces: three from Inner Mongolia (Ordos, a
prefecture-level city; Xilinhot, a county-level city; the Hohhot economic and technological
development zone) and two from Heilongjiang (Dongning, a county-level city; Qiqihar, a
prefecture-level city). They cover different years and, more importantly, **different national
templates**: four use the 2014–2018 statistical table (some only in prose), one the 2021 format.

This notebook compares request volumes, outcomes, reviews and lawsuits, and proactive disclosure,
using gikit's harmonised layer (`h.*`) so that the old and new templates are set side by side
only where the concepts match, and it says where they do not. Every number in the text is
computed in a cell above it.
"""),
    SETUP,
    LOAD_ALL,
    code("""
meta = c.summary().set_index("report_id")[["region", "province", "level", "year", "template", "scope", "scopes"]]
meta
"""),
    code("""
n_templates = meta["template"].value_counts()
by_province = meta.groupby("province").size()
display(Markdown(
    f"{len(c)} reports, {by_province.get('内蒙古自治区', 0)} from Inner Mongolia and "
    f"{by_province.get('黑龙江省', 0)} from Heilongjiang; templates: "
    + ", ".join(f"{n} × `{t}`" for t, n in n_templates.items())
    + f". Years {meta['year'].min()}–{meta['year'].max()}: the comparison mixes years as well as places."))
"""),
    md("""
**Scope.** A report may give figures for the whole region and for the government's own level
(column `scopes` above lists every scope a report speaks of). gikit takes each report's *headline*
scope (column `scope`) and never adds two scopes together. The reports also differ in level (prefecture, county, zone), so
absolute volumes say as much about size as about openness.

## Which codes can be compared?

The code registry grades every indicator: `S` same concept in old and new templates, `A` only
approximately the same (compare through `h.*`), `N` not comparable, `new-only` present only in the
2019/2021 formats.
"""),
    code("""
from gikit import codes

used = ["requests.received.total", "requests.outcome.total", "requests.outcome.legacy.refused.total",
        "requests.outcome.withheld.total", "review.total", "litigation.total", "active.items.total",
        "requests.received.channel.online"]
book = codes.codebook().loc[used, ["label_en", "templates", "grade"]]
book["harmonised as"] = [gikit.collection.harmonized_code(x) for x in used]
book
"""),
    md("## 1. Request volumes"),
    code("""
volumes = c.compare(["requests.received.total", "requests.outcome.total"], by="report_id")
volumes = volumes.join(meta[["province", "template"]])
volumes
"""),
    code("""
rec = volumes["h.requests.received"]
top, low = rec.idxmax(), rec.idxmin()
grade = codes.codebook().at["requests.received.total", "grade"]
display(Markdown(
    f"Requests received range from {rec.min():g} ({low}) to {rec.max():g} ({top}). "
    f"`requests.received.total` has grade `{grade}`: the old (一)收到申请数 and the 2021 "
    f"本年新收政府信息公开申请数量 count the same thing, so this column compares across templates. "
    f"Requests *decided* (`h.requests.decided`) is only approximately comparable: the old table counts "
    f"answers given in the year, the new one includes requests carried over from the year before."))
"""),
    code("""
fig, ax = plt.subplots(figsize=(9, 4), layout="constrained")
c.plot.compare("requests.received.total", by="report_id", ax=ax)
plt.show()
"""),
    md("Grouped by province (a sum is NaN as soon as one report in the group lacks the figure):"),
    code("c.compare([\"requests.received.total\", \"review.total\", \"litigation.total\"], by=\"province\")"),
    md("""
## 2. How requests were answered

The coarse outcome groups below line up the old and new forms only roughly; they are good for a
picture. The old *不同意公开* (refused) and the 2019/2021 *不予公开* (withheld) are different
concepts with different lists of reasons (registry grade `N`), so the "withheld" segment must not be
read as the same measure in both eras.
"""),
    code("""
from gikit import plotting

outcomes = plotting.outcome_table(c)
outcomes
"""),
    code("""
fig, ax = plt.subplots(figsize=(10, 4), layout="constrained")
c.plot.outcome_shares(ax=ax)
plt.show()
"""),
    code("""
groups = outcomes.drop(columns="decided")
no_total = outcomes.index[outcomes["decided"].isna() & groups.notna().any(axis=1)].tolist()
empty = outcomes.index[groups.isna().all(axis=1)].tolist()
zero = outcomes.index[outcomes["decided"].eq(0)].tolist()
display(Markdown(
    f"Reports whose total decided is not stated, so that the bar shows shares of the outcomes that are "
    f"stated: {', '.join(no_total) or 'none'}. No outcome figures at all: {', '.join(empty) or 'none'}. "
    f"No requests decided: {', '.join(zero) or 'none'}."))
"""),
    md("The metrics put the same comparison into rates, with the number of cases each rests on:"),
    code("""
m = c.metrics()
rates = m[m["metric"].isin(["grant_rate", "grant_rate_full", "not_held_share"])]
rates.pivot(index="report_id", columns="metric", values="value")
"""),
    code("rates[[\"report_id\", \"metric\", \"numerator\", \"denominator\", \"n\", \"reason\"]]"),
    code("""
ok = rates[rates["metric"].eq("grant_rate") & rates["value"].notna()]
skipped = rates[rates["metric"].eq("grant_rate") & rates["value"].isna()]
lines = [f"- **{rid}**: {v:.1%} of {n:g} requests decided were granted in full or in part"
         for rid, v, n in zip(ok["report_id"], ok["value"], ok["n"])]
lines += [f"- {rid}: no grant rate ({reason})" for rid, reason in zip(skipped["report_id"], skipped["reason"])]
display(Markdown("Grant rate (full or partial):\\n\\n" + "\\n".join(lines)))
"""),
    md("""
Rates on fewer than 30 requests are withheld on purpose: with 8 requests, one answer moves the rate
by more than ten points. Where a report states only some outcomes in prose (Qiqihar), the total
decided is missing and so is the rate — it is not replaced by the requests received.

## 3. Reconsiderations and lawsuits
"""),
    code("""
disputes = c.compare(["review.total", "review.upheld", "review.corrected", "litigation.total",
                      "litigation.upheld", "litigation.corrected"], by="report_id")
disputes
"""),
    code("""
per100 = m[m["metric"].isin(["reviews_per_100_requests", "lawsuits_per_100_requests"])]
per100.pivot(index="report_id", columns="metric", values="value")
"""),
    code("""
lit = disputes["h.litigation.total"]
rev = disputes["h.review.total"]
display(Markdown(
    f"Lawsuits: {lit.sum(min_count=1):g} in total across the reports that state them, the most in "
    f"{lit.idxmax()} ({lit.max():g}); reconsiderations: {rev.sum(min_count=1):g}, the most in "
    f"{rev.idxmax()} ({rev.max():g}). Totals, upheld and corrected are graded `S`: the old and new "
    f"forms count them the same way (the 2021 form splits lawsuits into direct and after-review, "
    f"which `h.litigation.*` adds up). The old *其他情形* is only approximately the new "
    f"*其他结果 + 尚未审结* (`h.review.other_or_pending`)."))
"""),
    code("""
fig, ax = plt.subplots(figsize=(10, 4), layout="constrained")
c.plot.funnel(ax=ax, log=True)
plt.show()
"""),
    md("""
## 4. Proactive disclosure and channels

The old table counts information proactively disclosed (`active.items.total`, deduplicated across
channels) and breaks it down by channel; the 2019 and 2021 formats dropped these rows entirely.
"""),
    code("""
channels = ["active.items.total", "active.items.channel.gazette", "active.items.channel.website",
            "active.items.channel.weibo", "active.items.channel.weixin", "active.items.channel.other"]
proactive = c.compare(channels, by="report_id")
proactive
"""),
    code("""
tmpl = codes.codebook().at["active.items.total", "templates"]
missing = proactive.index[proactive["active.items.total"].isna()].tolist()
display(Markdown(
    f"`active.items.total` occurs in templates: `{tmpl}`. Reports without it: "
    f"{', '.join(missing) if missing else 'none'}. For a 2021 report there is no comparable figure, "
    f"and none is substituted; a number quoted in its prose would not be the deduplicated count of the "
    f"old table."))
"""),
    code("""
share = proactive[channels[1:]].div(proactive[channels[1:]].sum(axis=1, min_count=1), axis=0).dropna(how="all")
share.columns = [codes.label(x) for x in share.columns]
share.index = [plotting.latin(i) for i in share.index]
ax = share.plot(kind="barh", stacked=True, figsize=(10, 3.5))
ax.set_xlabel("share of items disclosed, by channel (old template)")
ax.legend(loc="upper left", bbox_to_anchor=(1, 1), frameon=False)
plt.show()
share.round(3)
"""),
    md("""
Requests, too, were broken down differently: by **channel** in the old table (in person, fax,
online, letter), by **type of applicant** in the 2019/2021 formats. There is no mapping between the
two, so the breakdowns are shown separately.
"""),
    code("""
req_channels = c.compare(["requests.received.channel.in_person", "requests.received.channel.fax",
                          "requests.received.channel.online", "requests.received.channel.letter"],
                         by="report_id")
req_channels
"""),
    code("""
new = c.filter(template=["fmt2019", "fmt2021"])
applicants = {rid: rep.requests.loc["requests.received.total"] for rid, rep in zip(new.ids, new)}
pd.DataFrame(applicants).T
"""),
    code("""
online = m[m["metric"].eq("online_share")].set_index("report_id")
lines = [f"- {rid}: {v:.1%} of {n:g} requests were made online" if pd.notna(v) else f"- {rid}: — ({why})"
         for rid, v, n, why in zip(online.index, online["value"], online["n"], online["reason"])]
display(Markdown("Online requests (old template only):\\n\\n" + "\\n".join(lines)))
"""),
    md("""
## 5. Explore

The explorer lets you pick indicators, reports, a grouping and a chart. Controls can also be set from
code.
"""),
    code("""
ex = c.explore()
ex
"""),
    code("""
ex.chart.value = "heatmap"
print(ex.ax.get_title() if ex.ax is not None else ex.message)
"""),
    md("## Summary"),
    code("""
valid = [x for x in used if codes.codebook().at[x, "grade"] == "S"]
approx = [x for x in used if codes.codebook().at[x, "grade"] == "A"]
invalid = [x for x in used if codes.codebook().at[x, "grade"] not in ("S", "A")]
display(Markdown(
    f"- Compared directly across the old and 2021 templates: {', '.join(f'`{x}`' for x in valid)}.\\n"
    f"- Compared only through `h.*` (approximate): {', '.join(f'`{x}`' for x in approx) or 'none'}.\\n"
    f"- Not compared across templates: {', '.join(f'`{x}`' for x in invalid)}.\\n"
    f"- Largest request volume: {top} ({rec.max():g}); rates are given only where n ≥ 30."))
"""),
]

# ---------------------------------------------------------------------------------------------- 02

AUDIT = [
    md("""
# Data-quality audit of the five samples

Annual reports do not always add up. gikit checks every identity of a report's template (hard
checks) and a few expectations (soft checks), and reports what it finds without changing any
figure. This notebook runs the checks over the five samples, looks at each failure in the source
text, and says what a researcher should do with it.
"""),
    SETUP,
    LOAD_ALL,
    code("""
checks = c.checks()
pd.crosstab(checks["report_id"], checks["status"])
"""),
    code("""
failures = checks[checks["status"] == "fail"]
failures[["report_id", "check", "severity", "lhs", "rhs", "diff", "message"]]
"""),
    code("""
from gikit.checks import check_catalogue
from gikit.observations import span_of

catalogue = check_catalogue().drop_duplicates("check").set_index("check")
catalogue.loc[failures["check"].unique(), ["severity", "description"]]
"""),
    md("""
A helper to show a figure together with the text it was read from:
"""),
    code("""
def source_of(report, codes, context=30):
    \"\"\"The figures of `codes` with the text around the span they were read from.\"\"\"
    rows = report.indicators[report.indicators["code"].isin(codes)]
    out = []
    for _, row in rows.iterrows():
        span = span_of(row["locator"])
        text = report.text[max(0, span[0] - context): span[1] + context].replace("\\n", " ") if span else ""
        out.append({"code": row["code"], "scope": row["scope"], "value": row["value"], "raw": row["raw"],
                    "source": row["source"], "text": text})
    return pd.DataFrame(out)
"""),
    md("""
## Ordos 2017: the staff do not add up (`O8.1`)

By definition, staff working on disclosure = full-time + part-time.
"""),
    code("""
ordos = c["ordos-2017"]
staff = source_of(ordos, ["capacity.staff.total", "capacity.staff.full_time", "capacity.staff.part_time"])
staff
"""),
    code("""
o81 = failures[(failures["report_id"] == ordos.report_id) & (failures["check"] == "O8.1")].iloc[0]
display(Markdown(
    f"The report states {o81['lhs']:g} staff in total, but its parts add up to {o81['rhs']:g} "
    f"(difference {o81['diff']:g}). Either the total counts people and the parts count posts held by "
    f"the same people in several units, or one of the numbers is a typo. The report does not say."))
"""),
    md("""
**What to do.** Do not repair it. Use the staff figures of this report only with a note, or leave
them out of a staff analysis; any ratio built on `capacity.staff.total` would differ by a factor of
two depending on which figure you trust.

## Qiqihar 2018: the prose lists fewer outcomes than requests (`P.incomplete`)

Qiqihar publishes its statistics only in prose, for two scopes (the whole region and the city's own
level). The sentences on outcomes leave some requests unaccounted for.
"""),
    code("""
qiqihar = c["qiqihar-2018"]
failures[failures["report_id"] == qiqihar.report_id][["check", "lhs", "rhs", "diff", "message"]]
"""),
    code("""
outcome_codes = [x for x in qiqihar.indicators["code"].unique()
                 if x.startswith("requests.outcome.") and not x.endswith(".stated_pct")]
qiqihar.indicators[qiqihar.indicators["code"].isin(outcome_codes + ["requests.received.total"])] \\
    .pivot_table(index="code", columns="scope", values="value")
"""),
    code("""
inc = failures[(failures["report_id"] == qiqihar.report_id) & (failures["check"] == "P.incomplete")]
display(Markdown("\\n".join(
    f"- {msg} (stated total {lhs:g}, stated parts {rhs:g}, gap {d:g})"
    for msg, lhs, rhs, d in zip(inc["message"], inc["lhs"], inc["rhs"], inc["diff"]))))
"""),
    code("""
q_metrics = c.metrics().query("report_id == @qiqihar.report_id and metric == 'grant_rate'")
display(Markdown(
    f"Requests decided (`h.requests.decided`) for Qiqihar: {qiqihar.value('h.requests.decided')} — "
    f"the grant rate is NaN because: {q_metrics['reason'].iloc[0]}."))
"""),
    md("""
**What to do.** This is an incomplete text, not a contradiction: the identity `O3.3` is reported as
not assessable rather than failed. Outcome shares computed from these sentences would be biased
upward for the outcomes that *are* mentioned, so no total decided is made up from them and the
rates stay NaN. Use the received total, and treat the outcome counts as lower bounds.

## Hohhot ETDZ 2017: copy-filled cells (`O.plaus`) and prose against table (`X.2`)
"""),
    code("""
hohhot = c["hohhot-etdz-2017"]
failures[failures["report_id"] == hohhot.report_id][["check", "lhs", "rhs", "message"]]
"""),
    code("""
plaus = failures[(failures["report_id"] == hohhot.report_id) & (failures["check"] == "O.plaus")].iloc[0]
same = hohhot.indicators[(hohhot.indicators["value"] == plaus["lhs"]) & (hohhot.indicators["source"] == "table")]
same.assign(label=[gikit.codes.label(x) for x in same["code"]])[
    ["code", "label", "value", "raw", "locator"]]
"""),
    code("""
display(Markdown(
    f"The value {plaus['lhs']:g} is printed in {len(same)} rows that measure unrelated things — "
    + "; ".join(gikit.codes.label(x) for x in same["code"])
    + ". That is the signature of a form filled by copying one cell down, not of measurement."))
"""),
    md("""
**What to do.** Treat every copy-filled value of this table as unknown. Where the prose of the same
report states a figure (the `X.2` rows above), it is an independent statement; gikit keeps the table
value and flags the disagreement, and it is up to you to decide which to believe — with a note.

## Xilinhot 2021: a fee with too many decimals (`X.3`)
"""),
    code("""
xilinhot = c["xilinhot-2021"]
fee = source_of(xilinhot, ["active.admin_fees.amount"])
fee
"""),
    code("""
raw = fee["raw"].iloc[0]
value = fee["value"].iloc[0]
decimals = len(raw.split(".")[1]) if "." in raw else 0
display(Markdown(
    f"The 2021 form asks for 本年收费金额 in 万元 (10,000 yuan). The report prints `{raw}`: "
    f"{decimals} decimals, i.e. a precision of 10^-{decimals} 万元 = {10**(4 - decimals):g} yuan. "
    f"Read as printed, that is {value * 1e4:,.2f} yuan. If instead the amount in yuan was typed into "
    f"the 万元 column, the fee would be {value:,.2f} yuan — ten thousand times less. Four decimals of "
    f"万元 are already exact to the yuan, so the extra digits suggest an amount in yuan divided by "
    f"10,000 by a spreadsheet; the size is therefore probably right, but it cannot be confirmed from "
    f"the report alone."))
"""),
    md("""
**What to do.** Keep the value, note the check, and compare with other years of the same county or
with neighbouring counties before using it in a regression on fee levels.

## The remaining failures

The copy-fill heuristic (`O.plaus`) also fires on a prose-only report. A value shared by unrelated
rows can be a coincidence; look before concluding.
"""),
    code("""
shown = {("O8.1", ordos.report_id), ("P.incomplete", qiqihar.report_id), ("O.plaus", hohhot.report_id),
         ("X.2", hohhot.report_id), ("X.3", xilinhot.report_id)}
rest = failures[[(k, rid) not in shown for k, rid in zip(failures["check"], failures["report_id"])]]
rest[["report_id", "check", "severity", "lhs", "message"]]
"""),
    code("""
for _, row in rest[rest["check"] == "O.plaus"].iterrows():
    rep = c[row["report_id"]]
    same = rep.indicators[(rep.indicators["value"] == row["lhs"]) & ~rep.indicators["code"].str.startswith("h.")]
    display(Markdown(f"**{row['report_id']}**: the value {row['lhs']:g} in {len(same)} figures:"))
    display(source_of(rep, same["code"].tolist())[["code", "value", "raw", "source", "text"]])
"""),
    md("""
In a prose report, the sentences around each figure show whether the same number was written
several times by mistake or simply happens to recur; the heuristic cannot tell, a reader can.

## Not assessable

Many checks cannot be run at all because the figures they need are missing — notably for the
prose-only reports. These are not failures, but they are a reminder that "no failed check" is not
"verified".
"""),
    code("""
na = checks[checks["status"] == "not_assessable"]
na.groupby("report_id").size().rename("not assessable").to_frame().join(
    checks.groupby("report_id").size().rename("checks run"))
"""),
    md("""
## Checklist for researchers

1. Run `c.checks()` on your corpus and keep the result with your data.
2. Hard failures: look at the source (`locator`), then exclude or annotate the affected figures;
   never "fix" them silently.
3. Soft failures (`O.plaus`, `X.2`, `X.3`, `P.incomplete`): decide per analysis whether the figure is
   usable, and say so in your methods.
4. Report how many reports and figures were excluded and why.
"""),
]

# ---------------------------------------------------------------------------------------------- 03

CROSSWALK = [
    md("""
# Template crosswalk: the old table, the 2019 format and the 2021 format

Three national templates govern the statistics of the annual reports:

| template | form | report years |
|---|---|---|
| `old` | 政府信息公开情况统计表 (国办发〔2014〕32号 era) | 2014–2018 |
| `fmt2019` | 年度报告格式(试行) (国办公开办函〔2019〕60号) | 2019–2020 |
| `fmt2021` | 年度报告格式 (国办公开办函〔2021〕30号) | 2021– |

This notebook shows, from gikit's own registry, what changed between them and how the harmonised
`h.*` layer lines them up.
"""),
    SETUP,
    code("""
from gikit import codes
from gikit.derive import harmonised

book = codes.codebook()
book = book[~book["code"].str.startswith("h.")]
membership = pd.DataFrame({t: book["templates"].str.split(",").apply(lambda ts, t=t: t in ts)
                           for t in ["old", "fmt2019", "fmt2021"]})
membership.sum().rename("codes").to_frame()
"""),
    md("## Codes by family and template"),
    code("""
family = book["code"].str.split(".").str[0]
membership.groupby(family).sum()
"""),
    md("""
## What ended in 2018

The old table's proactive-disclosure counts and channels, the response/interpretation block, the
request channels, the detailed old outcome categories, complaints, staff, funding and training all
end with the old template.
"""),
    code("""
ended = book[membership["old"] & ~membership["fmt2019"]]
ended.groupby(ended["code"].str.split(".").str[0]).size().rename("codes ending in 2018").to_frame()
"""),
    md("## What changed between 2019 and 2021"),
    code("""
only_2019 = book[membership["fmt2019"] & ~membership["fmt2021"]][["label_zh", "label_en"]]
only_2021 = book[membership["fmt2021"] & ~membership["fmt2019"]][["label_zh", "label_en"]]
display(Markdown(f"**2019 only** ({len(only_2019)} codes):"))
display(only_2019)
display(Markdown(f"**2021 only** ({len(only_2021)} codes):"))
display(only_2021)
"""),
    md("""
The request table (outcomes × applicant types) and the reconsideration/litigation table are the
same in both formats, except that *(六)其他处理* is one row in 2019 and three rows in 2021; gikit
derives the 2021 total so that `requests.outcome.other.total` is comparable.

## Comparability grades
"""),
    code("""
pd.crosstab(book["grade"], family)
"""),
    md("""
## The harmonised layer

Each `h.*` indicator is computed per template from the codes of that template. Where the formula
differs, the harmonised figure is as close as the forms allow, not identical.
"""),
    code("""
h = pd.DataFrame([{"code": x["code"], "templates": ", ".join(x["templates"]),
                   "numerator": " + ".join(x["numerator"]), "denominator": " + ".join(x["denominator"])}
                  for x in harmonised()])
h["grade"] = [codes.codebook().at[x, "grade"] for x in h["code"]]
h
"""),
    md("## The harmonised layer at work: an old report and a 2021 report"),
    code("""
ordos = gikit.load_report("ordos-2017", warn=False)
xilinhot = gikit.load_report("xilinhot-2021", warn=False)

def terms(report, code):
    \"\"\"The h.* formula of `code` for the report's template, with the values used.\"\"\"
    rule = next(x for x in harmonised() if x["code"] == code and report.meta.template in x["templates"])
    parts = {p: report.value(p) for p in rule["numerator"]}
    return parts, report.value(code)

for rep in (ordos, xilinhot):
    parts, total = terms(rep, "h.requests.granted_full")
    shown = " + ".join(f"{k} ({v:g})" for k, v in parts.items())
    print(f"{rep.report_id} [{rep.meta.template}]: h.requests.granted_full = {shown} = {total:g}")
"""),
    code("""
old_sum = sum(terms(ordos, "h.requests.granted_full")[0].values())
assert old_sum == ordos.value("h.requests.granted_full")
display(Markdown(
    f"For the old template, *granted in full* is 属于已主动公开范围 + 同意公开 = {old_sum:g} (Ordos); "
    f"for the 2021 template it is 予以公开 = {xilinhot.value('h.requests.granted_full'):g} (Xilinhot). "
    f"Whether the 2019/2021 forms count 'already public, told where to find it' inside 予以公开 is not "
    f"settled, hence grade `{codes.codebook().at['h.requests.granted_full', 'grade']}`."))
"""),
    md("""
## Concepts that do not cross the boundary

- **Refusals.** The old *不同意公开* had six reasons, including *不是《条例》所指应公开的政府信息*, which
  has no counterpart after 2019; the new *不予公开* has eight, including internal-affairs and
  process information. Only two reasons (state secret; security and stability) are the same.
- **Information not held.** Old *不属于本行政机关公开* + *申请信息不存在* ≈ new *本机关不掌握相关政府信息*.
- **Request channels vs applicant types.** The old table counts requests by channel, the new formats
  by type of applicant; there is no mapping.
- **Fees.** The old *依申请公开信息收取的费用* (万元, cost recovery) and the 2021 *信息处理费* (元, a
  charge for excessive requests) are different things.

`ReportCollection.compare(..., harmonized=True)` applies this crosswalk automatically; the data
reference (docs) lists every code with its grade and the series breaks.
"""),
    code("""
c = gikit.load_reports(["ordos-2017", "xilinhot-2021"], workers=1, progress=False)
c.compare(["requests.received.total", "requests.outcome.disclosed", "requests.outcome.partially_disclosed",
           "requests.outcome.unavailable.not_held", "review.total", "litigation.total"], by="report_id").T
"""),
]

# ---------------------------------------------------------------------------------------------- 04

def teaching(solutions: bool) -> list[nbformat.NotebookNode]:
    """The exercise; with ``solutions`` the answer cells hold worked answers."""
    def answer(solution: str, placeholder: str = "# your code here") -> nbformat.NotebookNode:
        return code(solution if solutions else placeholder)

    title = "# Teaching exercise: comparing disclosure reports" + (" — solutions" if solutions else "")
    cells = [
        md(f"""
{title}

Government bodies in China publish a yearly report on how they disclose information
(政府信息公开工作年度报告). In this exercise you load five real reports, compute a disclosure rate by
hand, find an inconsistency, and plot a comparison. Work in the empty cells; the solutions are in
`04_teaching_exercise_solutions.ipynb`.

Useful tools: `gikit.load_reports`, `c.summary()`, `r.indicators`, `r.value(code)`, `c.metrics()`,
`r.checks()`, `c.plot.compare(code)`, `gikit.codes.label(code)`.
"""),
        SETUP,
        LOAD_ALL,
        md("""
## Task 1 — the reports

Make a table with one row per report: region, province, year and template. Which template does each
report use, and what years does each template cover?
"""),
        answer("""
c.summary()[["report_id", "region", "province", "year", "template"]]
"""),
        md("""
## Task 2 — a disclosure rate by hand

Take Ordos 2017 (`c["ordos-2017"]`), an old-template report. Its grant rate is

> (already proactively disclosed + agreed to disclose + partially disclosed) / requests answered

1. Find the four figures in `r.indicators` (hint: codes starting with `requests.outcome`).
2. Compute the rate.
3. Compare it with the `grant_rate` of `c.metrics()` for the same report. Do they agree?
4. Use the `locator` of one figure to find the sentence it was read from in `r.text`.
"""),
        answer("""
ordos = c["ordos-2017"]
full = ordos.value("requests.outcome.legacy.already_public") + ordos.value("requests.outcome.legacy.agreed")
partial = ordos.value("requests.outcome.partially_disclosed")
answered = ordos.value("requests.outcome.total")
my_rate = (full + partial) / answered
print(f"({full:g} + {partial:g}) / {answered:g} = {my_rate:.4f}")
""", "my_rate = None  # your computation here"),
        answer("""
m = c.metrics()
metric_rate = m[(m["report_id"] == ordos.report_id) & (m["metric"] == "grant_rate")]["value"].iloc[0]
print(f"by hand {my_rate:.6f}, metrics() {metric_rate:.6f}")
assert abs(my_rate - metric_rate) < 1e-12
"""),
        answer("""
from gikit.observations import span_of

row = ordos.indicators[ordos.indicators["code"] == "requests.outcome.legacy.agreed"].iloc[0]
start, end = span_of(row["locator"])
print(row["locator"])
print(ordos.text[max(0, start - 40): end + 10])
"""),
        md("""
## Task 3 — find an inconsistency

The old form asks for staff working on disclosure, split into full-time and part-time staff. Check
whether Ordos's figures add up. Then find the check in `r.checks()` that reports the problem. What
would you do with these figures in a study of staffing?
"""),
        answer("""
total = ordos.value("capacity.staff.total")
parts = ordos.value("capacity.staff.full_time") + ordos.value("capacity.staff.part_time")
print(f"total {total:g} vs full-time + part-time {parts:g}")
chk = ordos.checks()
chk[(chk["check"] == "O8.1")][["check", "severity", "status", "lhs", "rhs", "diff"]]
"""),
        answer("""
failed = chk[chk["status"] == "fail"]
assert "O8.1" in set(failed["check"])
display(Markdown(
    f"The total ({total:g}) and the sum of its parts ({parts:g}) differ by {parts - total:g}. "
    f"A check never repairs data: either leave Ordos out of a staffing study or use it with a note."))
"""),
        md("""
## Task 4 — plot a comparison

Plot the number of requests received by each report, and the number of lawsuits per 100 requests.
Why does `c.compare(["requests.received.total"])` return a column called `h.requests.received`?
"""),
        answer("""
fig, axes = plt.subplots(1, 2, figsize=(13, 4), layout="constrained")
c.plot.compare("requests.received.total", by="report_id", ax=axes[0])
c.plot.metric("lawsuits_per_100_requests", ax=axes[1])
plt.show()
"""),
        md("""
## Task 5 — discussion

Qiqihar 2018 and Xilinhot 2021 both report requests that were not granted. Can you compare Qiqihar's
*不同意公开* with Xilinhot's *不予公开*? Look at `gikit.codes.codebook()` (columns `templates` and
`grade`) for `requests.outcome.legacy.refused.total` and `requests.outcome.withheld.total`.
"""),
        answer("""
gikit.codes.codebook().loc[["requests.outcome.legacy.refused.total", "requests.outcome.withheld.total"],
                           ["label_zh", "label_en", "templates", "grade"]]
"""),
    ]
    if solutions:
        cells.append(md("""
**Answer.** No. The two codes live in different templates and are graded `N`: the old refusal
reasons include *不是《条例》所指应公开的政府信息*, which has no counterpart after 2019, and the new
list adds internal-affairs and process information. Only two reasons (state secret; security and
stability) are shared, and they can be compared through `h.requests.withheld_state_secret` and
`h.requests.withheld_security`. `compare` reports `h.requests.received` because with
`harmonized=True` every code that has a harmonised counterpart is replaced by it.
"""))
    else:
        cells.append(md("*Your answer here.*"))
    return cells


NOTEBOOK_CELLS = {
    "00_quickstart": QUICKSTART,
    "01_cross_regional_comparison": COMPARISON,
    "02_data_quality_audit": AUDIT,
    "03_template_crosswalk": CROSSWALK,
    "04_teaching_exercise": teaching(solutions=False),
    "04_teaching_exercise_solutions": teaching(solutions=True),
}


def build(name: str) -> nbformat.NotebookNode:
    """The notebook ``name`` (no outputs)."""
    nb = new_notebook(cells=[nbformat.from_dict(dict(cell)) for cell in NOTEBOOK_CELLS[name]])
    nb.metadata["kernelspec"] = KERNEL
    nb.metadata["language_info"] = {"name": "python"}
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"{name[:2]}-{i:02d}"
    return nb


def main() -> int:
    NOTEBOOKS.mkdir(exist_ok=True)
    for name in NOTEBOOK_CELLS:
        path = NOTEBOOKS / f"{name}.ipynb"
        nbformat.write(build(name), path)
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
