"""``Report``: one parsed annual report, as plain pandas objects.

>>> import gikit
>>> r = gikit.load_report("xilinhot-2021")
>>> r.meta.region, r.meta.year, r.meta.template
('锡林浩特市', 2021, 'fmt2021')
"""
from __future__ import annotations

import math
from functools import cached_property
from typing import TYPE_CHECKING, Any

import pandas as pd

from .document import Document
from .exceptions import GikitWarning
from .meta import ReportMeta
from .observations import Observation, to_frame
from .sections import Section, sections_dict

if TYPE_CHECKING:
    from .plotting import ReportPlotter


def make_report_id(meta: ReportMeta) -> str:
    """``region-year`` (e.g. ``锡林浩特市-2021``); the file name stem when either is unknown."""
    from pathlib import Path  # noqa: PLC0415

    if meta.region and meta.year:
        return f"{meta.region}-{meta.year}"
    return Path(meta.source or "report").stem


class Report:
    """A parsed report: ``meta``, ``text``, ``sections``, ``indicators``, ``checks()``, ``warnings``.

    ``indicators`` holds one row per figure (table beats prose for the same code, applicant and
    scope); ``figures`` also keeps the prose figures a table shadowed, for the prose-vs-table checks.
    """

    def __init__(self, *, meta: ReportMeta, document: Document, observations: list[Observation],
                 shadowed: list[Observation] | None = None, sections: list[Section] | None = None,
                 warnings: list[GikitWarning] | None = None) -> None:
        self.meta = meta
        self.document = document
        self.observations = observations
        self.shadowed = shadowed or []
        self.section_list = sections or []
        self.warnings: list[GikitWarning] = warnings or []

    # ------------------------------------------------------------------ basics
    @property
    def report_id(self) -> str:
        """A readable id: ``region-year`` (or the file stem when those are unknown)."""
        return make_report_id(self.meta)

    @property
    def text(self) -> str:
        """The normalised full text; every ``chars a-b`` locator points into it."""
        return self.document.text

    @cached_property
    def sections(self) -> dict[str, str]:
        """Section title -> section text, found by title (not by numeral)."""
        return sections_dict(self.document, self.section_list)

    @cached_property
    def indicators(self) -> pd.DataFrame:
        """Tidy long frame: code, applicant, scope, value, unit, qualifier, source, locator, raw."""
        return to_frame(self.observations)

    @cached_property
    def figures(self) -> pd.DataFrame:
        """Every figure found, including prose figures shadowed by a table (column ``shadowed``)."""
        df = to_frame(self.observations + self.shadowed)
        df["shadowed"] = [False] * len(self.observations) + [True] * len(self.shadowed)
        return df

    def value(self, code: str, applicant: str | None = "total", scope: str | None = None) -> float:
        """One number, NaN if absent.

        ``applicant="total"`` also matches figures without an applicant breakdown; ``scope=None``
        means the report's headline scope (``meta.scope``).

        >>> import gikit
        >>> gikit.load_report("xilinhot-2021").value("requests.received.total")
        8.0
        """
        df = self.indicators
        if df.empty:
            return math.nan
        rows = df[df["code"] == code]
        if applicant is not None:
            if applicant == "total":
                rows = rows[rows["applicant"].isna() | (rows["applicant"] == "total")]
            else:
                rows = rows[rows["applicant"] == applicant]
        want = scope or self.meta.scope
        scoped = rows[rows["scope"] == want]
        if scope is None and scoped.empty:
            scoped = rows[rows["scope"].isna()]
        return float(scoped["value"].iloc[0]) if not scoped.empty else math.nan

    # ------------------------------------------------------------------ views
    @property
    def requests(self) -> pd.DataFrame:
        """Wide table of request outcomes (rows in form order × applicant columns)."""
        from .views import requests_view  # noqa: PLC0415
        return requests_view(self)

    @property
    def proactive(self) -> pd.DataFrame:
        """Proactive-disclosure figures (tidy)."""
        from .views import proactive_view  # noqa: PLC0415
        return proactive_view(self)

    @property
    def reviews(self) -> pd.DataFrame:
        """Administrative reconsideration and litigation figures (tidy)."""
        from .views import reviews_view  # noqa: PLC0415
        return reviews_view(self)

    def checks(self) -> pd.DataFrame:
        """Consistency checks: check, severity, status, lhs, rhs, diff, message."""
        from .checks import run_checks  # noqa: PLC0415
        return run_checks(self)

    @property
    def plot(self) -> "ReportPlotter":
        """Plots of this report, e.g. ``r.plot.outcomes()``."""
        from .plotting import ReportPlotter  # noqa: PLC0415 — matplotlib only when plotting
        return ReportPlotter(self)

    def to_excel(self, path: str) -> None:
        """Write meta, indicators, requests, checks and warnings, one sheet each (openpyxl)."""
        from .store import report_to_excel  # noqa: PLC0415
        report_to_excel(self, path)

    # ------------------------------------------------------------------ display
    def __repr__(self) -> str:
        m = self.meta
        n = self._n_figures()
        return (f"<Report {m.region or '?'} {m.year or '?'} · {m.template or '?'} · {n} figures · "
                f"{len(self.warnings)} warnings>")

    def _repr_html_(self) -> str:
        from .display import report_card  # noqa: PLC0415
        return report_card(self)

    def _n_figures(self) -> int:
        """Figures with a value (the non-NaN rows of ``indicators``), counted without building the frame."""
        return sum(1 for o in self.observations if o.value is not None and not math.isnan(o.value))

    def summary(self) -> dict[str, Any]:
        """Flat metadata plus counts, one record (used by collections and ``gikit demo``)."""
        d = self.meta.to_dict()
        d["report_id"] = self.report_id
        d["n_figures"] = self._n_figures()
        d["n_warnings"] = len(self.warnings)
        return d
