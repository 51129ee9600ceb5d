"""Derived rates per report — grant rate, refusal share, reviews per 100 requests, … — with their
numerator, denominator and n. Every definition lives in one place, ``gikit/data/metrics.tsv``.

A rate whose denominator is below ``min_n`` (default 30) is NaN with a reason: rankings built on
8 requests mislead.

>>> from gikit.meta import ReportMeta
>>> from gikit.document import Document
>>> from gikit.observations import Observation
>>> from gikit.report import Report
>>> r = Report(meta=ReportMeta(region="甲市", year=2021, template="fmt2021"), document=Document.from_lines(["x"]),
...            observations=[Observation("h.review.total", 4.0), Observation("h.requests.received", 200.0)])
>>> m = report_metrics(r).set_index("metric")
>>> float(m.loc["reviews_per_100_requests", "value"])
2.0
>>> m.loc["grant_rate", "reason"]
'missing h.requests.granted_full, h.requests.granted_partial, h.requests.decided'
"""
from __future__ import annotations

import csv
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from .report import Report

#: the columns of ``report_metrics`` / ``ReportCollection.metrics()``
METRIC_COLUMNS = ["metric", "value", "numerator", "denominator", "n", "min_n", "scale", "qualifier",
                  "reason", "definition"]
#: qualifiers that make a figure approximate (SPEC §2); a metric built on one is ``approx``
APPROXIMATE = {"more_than", "nearly", "approx", "rounded"}

Term = tuple[str, str]  # (code, applicant)


@dataclass(frozen=True)
class MetricDef:
    """One metric definition (a row of ``data/metrics.tsv``) for some templates."""

    metric: str
    templates: tuple[str, ...]  # ("*",) = every template
    numerator: tuple[Term, ...]
    denominator: tuple[Term, ...]
    scale: float
    min_n: int
    label_en: str
    label_zh: str
    description: str

    def applies_to(self, template: str | None) -> bool:
        return "*" in self.templates or template in self.templates

    @property
    def formula(self) -> str:
        return f"{scale_prefix(self.scale)}({_show(self.numerator)}) / ({_show(self.denominator)})"


def scale_prefix(scale: float) -> str:
    return "" if scale == 1 else f"{scale:g} × "


def _show(terms: tuple[Term, ...]) -> str:
    return " + ".join(c if a == "total" else f"{c}[{a}]" for c, a in terms)


def _terms(expr: str) -> tuple[Term, ...]:
    """``"a + b[natural_person]"`` → ``(("a", "total"), ("b", "natural_person"))``."""
    out = []
    for part in expr.split("+"):
        part = part.strip()
        code, _, rest = part.partition("[")
        out.append((code.strip(), rest.rstrip("]").strip() or "total"))
    return tuple(out)


@lru_cache(maxsize=1)
def _definitions() -> tuple[MetricDef, ...]:
    with resources.files("gikit").joinpath("data/metrics.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return tuple(MetricDef(r["metric"], tuple(t.strip() for t in r["templates"].split(",")),
                           _terms(r["numerator"]), _terms(r["denominator"]), float(r["scale"]),
                           int(r["min_n"]), r["label_en"], r["label_zh"], r["description"]) for r in rows)


def definitions() -> pd.DataFrame:
    """The metric definitions: metric, templates, formula, min_n, labels and description.

    >>> "grant_rate" in set(definitions()["metric"])
    True
    """
    return pd.DataFrame([{"metric": d.metric, "templates": ",".join(d.templates), "formula": d.formula,
                          "min_n": d.min_n, "label_en": d.label_en, "label_zh": d.label_zh,
                          "description": d.description} for d in _definitions()])


def metric_ids() -> list[str]:
    """Metric ids in definition order (each once)."""
    return list(dict.fromkeys(d.metric for d in _definitions()))


def metric_label(metric: str, lang: str = "en") -> str:
    """English or Chinese label of a metric id (the id itself if unknown)."""
    for d in _definitions():
        if d.metric == metric:
            return d.label_zh if lang == "zh" else d.label_en
    return metric


# ---------------------------------------------------------------- headline figures

def headline(report: "Report") -> pd.DataFrame:
    """The report's figures in its headline scope, one row per (code, applicant).

    Same rule as ``Report.value``: the scope ``meta.scope`` first, figures without a scope
    otherwise; a figure with no applicant breakdown gets applicant ``"total"``.
    """
    df = report.indicators
    cols = ["code", "applicant", "value", "unit", "qualifier", "source", "locator"]
    if df.empty:
        return pd.DataFrame(columns=cols).astype({"value": float})
    df = df.assign(applicant=df["applicant"].fillna("total"))
    scoped = df[df["scope"] == report.meta.scope] if report.meta.scope else df.iloc[0:0]
    unscoped = df[df["scope"].isna()]
    both = pd.concat([scoped, unscoped]).drop_duplicates(["code", "applicant"], keep="first")
    return both[cols].reset_index(drop=True)


def _headline_figures(report: "Report") -> dict[Term, tuple[float, str]]:
    """(code, applicant) -> (value, qualifier) of ``headline(report)``, read from the observations."""
    scope = report.meta.scope
    out: dict[Term, tuple[float, str]] = {}
    for want in ([scope] if scope else []) + [None]:
        for o in report.observations:
            if o.scope == want:
                out.setdefault((o.code, "total" if o.applicant is None else o.applicant), (float(o.value), o.qualifier))
    return out


# ---------------------------------------------------------------- computing

def _sum(terms: tuple[Term, ...], figures: dict[Term, tuple[float, str]]) -> tuple[float, list[str], bool]:
    """Sum of the terms; NaN with the missing codes when any term is missing."""
    missing = [_show((t,)) for t in terms if t not in figures or math.isnan(figures[t][0])]
    if missing:
        return math.nan, missing, False
    approx = any(figures[t][1] in APPROXIMATE for t in terms)
    return float(sum(figures[t][0] for t in terms)), [], approx


def _one(d: MetricDef, figures: dict[Term, tuple[float, str]], min_n: int) -> dict:
    num, miss_num, approx_num = _sum(d.numerator, figures)
    den, miss_den, approx_den = _sum(d.denominator, figures)
    row = {"metric": d.metric, "value": math.nan, "numerator": num, "denominator": den, "n": den,
           "min_n": min_n, "scale": d.scale, "qualifier": "approx" if approx_num or approx_den else "exact",
           "reason": "", "definition": d.formula}
    if miss_num or miss_den:
        row["reason"] = "missing " + ", ".join(miss_num + miss_den)
    elif den == 0:
        row["reason"] = "denominator is 0"
    elif den < min_n:
        row["reason"] = f"n={den:g} is below min_n={min_n}"
    else:
        row["value"] = d.scale * num / den
    return row


def report_metrics(report: "Report", min_n: int | None = None) -> pd.DataFrame:
    """Every metric for one report (columns ``METRIC_COLUMNS``), NaN with a ``reason`` when it
    cannot be computed, is not defined for the report's template, or rests on fewer than ``min_n``
    (default: each metric's ``min_n`` in ``data/metrics.tsv``)."""
    figures = _headline_figures(report)
    template = report.meta.template
    rows = []
    for metric in metric_ids():
        defs = [d for d in _definitions() if d.metric == metric]
        d = next((d for d in defs if d.applies_to(template)), None)
        if d is None:
            rows.append({"metric": metric, "value": math.nan, "numerator": math.nan, "denominator": math.nan,
                         "n": math.nan, "min_n": min_n if min_n is not None else defs[0].min_n,
                         "scale": defs[0].scale, "qualifier": "exact",
                         "reason": f"not defined for template {template}", "definition": ""})
            continue
        rows.append(_one(d, figures, d.min_n if min_n is None else min_n))
    return pd.DataFrame(rows, columns=METRIC_COLUMNS)


def metrics(reports: Iterable["Report"], ids: Iterable[str] | None = None, min_n: int | None = None) -> pd.DataFrame:
    """Metrics of many reports, long: one row per (report, metric), with report_id and metadata.
    ``ids`` are the report ids to use (default: each report's ``report_id``)."""
    reports = list(reports)
    ids = list(ids) if ids is not None else [r.report_id for r in reports]
    frames = []
    for rid, r in zip(ids, reports):
        df = report_metrics(r, min_n=min_n)
        m = r.meta
        df.insert(0, "report_id", rid)
        for i, (k, v) in enumerate([("region", m.region), ("province", m.province), ("level", m.level),
                                    ("year", m.year), ("template", m.template)]):
            df.insert(1 + i, k, v)
        frames.append(df)
    if not frames:
        return pd.DataFrame(columns=["report_id", "region", "province", "level", "year", "template", *METRIC_COLUMNS])
    return pd.concat(frames, ignore_index=True)


# ---------------------------------------------------------------- outcome groups (for plots)

@lru_cache(maxsize=1)
def _outcome_groups() -> tuple[tuple[str, tuple[str, ...], tuple[Term, ...], str, str], ...]:
    with resources.files("gikit").joinpath("data/outcome_groups.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return tuple((r["group"], tuple(r["templates"].split(",")), _terms(r["codes"]), r["label_en"], r["label_zh"])
                 for r in rows)


def outcome_group_ids() -> list[str]:
    """The coarse outcome groups, in display order (``data/outcome_groups.tsv``)."""
    return list(dict.fromkeys(g[0] for g in _outcome_groups()))


def outcome_group_label(group: str, lang: str = "en") -> str:
    """English or Chinese label of an outcome group."""
    for g, _, _, en, zh in _outcome_groups():
        if g == group:
            return zh if lang == "zh" else en
    return group


def outcome_counts(report: "Report") -> pd.Series:
    """Requests by coarse outcome group (granted in full, in part, withheld, not held, not processed,
    other) plus ``decided`` (``h.requests.decided``), in the report's headline scope. A group is NaN
    when one of its figures is missing or when the report's template has no such group.

    The groups line up the old and new templates only roughly (SPEC §7.1: refusals are not
    comparable); they are meant for pictures, the metrics for analysis.
    """
    figures = _headline_figures(report)
    out: dict[str, float] = {}
    for group in outcome_group_ids():
        defs = [g for g in _outcome_groups() if g[0] == group and ("*" in g[1] or report.meta.template in g[1])]
        out[group] = _sum(defs[0][2], figures)[0] if defs else math.nan
    out["decided"] = figures.get(("h.requests.decided", "total"), (math.nan, ""))[0]
    return pd.Series(out, name=report.report_id, dtype=float)
