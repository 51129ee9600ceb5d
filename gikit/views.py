"""Wide and tidy views of a report's tables: ``requests_view``, ``proactive_view``, ``reviews_view``.

>>> import gikit
>>> r = gikit.load_report("xilinhot-2021")
>>> r.requests.loc["requests.received.total", ["natural_person", "total"]].tolist()
[8.0, 8.0]
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from . import codes
from .tablespec import columns_for, rows_for

if TYPE_CHECKING:
    from .report import Report

TIDY_COLUMNS = ["code", "label", "applicant", "scope", "value", "unit", "qualifier", "source"]


def _headline(report: "Report") -> pd.DataFrame:
    """Indicators of the report's headline scope (figures without a scope count as headline)."""
    df = report.indicators
    if df.empty:
        return df
    want = report.meta.scope
    return df[(df["scope"] == want) | df["scope"].isna()] if want else df


def requests_view(report: "Report") -> pd.DataFrame:
    """Request figures, one row per code in form order; columns are the applicant types
    (2019/2021 formats) or ``total`` (old format). Missing cells are NaN."""
    template = report.meta.template or "fmt2021"
    df = _headline(report)
    if template == "old":
        order = [r.code for r in rows_for("old") if r.code.startswith("requests.")]
        columns = ["total"]
    else:
        order = [r.code for r in rows_for(template) if r.table == "T3" and r.kind in ("value", "group")]
        columns = [c.key for c in columns_for(template, "T3")]
    order = list(dict.fromkeys(order))
    wide = pd.DataFrame(index=pd.Index(order, name="code"), columns=columns, dtype=float)
    if df.empty:
        return wide
    sub = df[df["code"].isin(order)].copy()
    sub["applicant"] = sub["applicant"].fillna("total")
    sub = sub[sub["applicant"].isin(columns)].drop_duplicates(["code", "applicant"])
    for row in sub.itertuples(index=False):
        wide.at[row.code, row.applicant] = row.value
    return wide


def _tidy(report: "Report", prefixes: tuple[str, ...]) -> pd.DataFrame:
    df = _headline(report)
    if df.empty:
        return pd.DataFrame(columns=TIDY_COLUMNS)
    sub = df[df["code"].str.startswith(prefixes)].copy()
    sub["label"] = [codes.label(c) for c in sub["code"]]
    return sub[TIDY_COLUMNS].reset_index(drop=True)


def proactive_view(report: "Report") -> pd.DataFrame:
    """Proactive-disclosure figures (``active.*``, ``h.active.*``) as a tidy frame."""
    return _tidy(report, ("active.", "h.active."))


def reviews_view(report: "Report") -> pd.DataFrame:
    """Reconsideration and litigation figures (``review.*``, ``litigation.*`` and their ``h.*``)."""
    return _tidy(report, ("review.", "litigation.", "h.review.", "h.litigation."))
