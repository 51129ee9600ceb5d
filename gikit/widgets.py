"""The Jupyter explorer: ``c.explore()`` — pick indicators, grouping, reports and chart type; it
draws with the functions of ``gikit.plotting``. ipywidgets is imported only when called.

In a notebook::

    c = gikit.load_reports("reports/")
    ex = c.explore()          # displays the controls and the chart
    ex.chart.value = "heatmap"  # controls can also be driven from code
    ex.ax                     # the Axes drawn last
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import plotting

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from .collection import ReportCollection

#: chart types offered, in menu order
CHARTS = ("compare", "heatmap", "outcome_shares", "funnel")
GROUPINGS = ("report_id", "region", "province", "level", "year", "template")


class Explorer:
    """Controls (``indicators``, ``grouping``, ``reports``, ``chart``, ``lang``) above an output area.
    Changing a control redraws; ``ax`` is the last Axes drawn, ``message`` the last problem shown.
    Displays as its ipywidgets ``widget``."""

    def __init__(self, collection: "ReportCollection") -> None:
        import ipywidgets as w  # noqa: PLC0415

        self.collection = collection
        present = set(collection.indicators["code"]) if len(collection) else set()
        codes = list(dict.fromkeys([*plotting.DEFAULT_CODES, *sorted(c for c in present if c.startswith("h.")),
                                    *sorted(c for c in present if not c.startswith("h."))]))
        self.indicators = w.SelectMultiple(options=[(f"{plotting.code_label(c)} ({c})", c) for c in codes],
                                           value=(codes[0],), rows=8, description="Indicators")
        self.reports = w.SelectMultiple(options=[(rid, rid) for rid in collection.ids],
                                        value=tuple(collection.ids), rows=8, description="Reports")
        self.grouping = w.Dropdown(options=GROUPINGS, value="report_id", description="Group by")
        self.chart = w.Dropdown(options=CHARTS, value="compare", description="Chart")
        self.lang = w.Dropdown(options=plotting.LANGS, value="en", description="Labels")
        self.output = w.Output()
        self.widget = w.VBox([w.HBox([self.indicators, self.reports]),
                              w.HBox([self.grouping, self.chart, self.lang]), self.output])
        self.ax: Axes | None = None
        self.message = ""
        for control in (self.indicators, self.reports, self.grouping, self.chart, self.lang):
            control.observe(lambda _change: self.render(), names="value")
        self.render()

    def render(self) -> "Axes | None":
        """Draw the chart the controls describe into the output area; returns its (first) Axes."""
        from IPython.display import display  # noqa: PLC0415
        from matplotlib.figure import Figure  # noqa: PLC0415

        codes = list(self.indicators.value)
        chosen = self.collection.filter(report_id=set(self.reports.value))
        chart, by, lang = self.chart.value, self.grouping.value, self.lang.value
        self.message = ""
        self.ax = None
        if not len(chosen):
            self.message = "choose at least one report"
        elif chart in ("compare", "heatmap") and not codes:
            self.message = "choose at least one indicator"
        fig = None
        if not self.message:
            n = len(codes) if chart == "compare" else 1
            fig = Figure(figsize=(max(6.0, 4.0 * n), 4.0 + 0.25 * len(chosen)), layout="constrained")
            axes = fig.subplots(1, n, squeeze=False)[0]
            if chart == "compare":
                for ax, code in zip(axes, codes):
                    plotting.compare(chosen, code, by=by, ax=ax, lang=lang)
            elif chart == "heatmap":
                plotting.heatmap(chosen, codes, ax=axes[0], lang=lang)
            elif chart == "outcome_shares":
                plotting.outcome_shares(chosen, ax=axes[0], lang=lang)
            else:
                plotting.funnel(chosen, hue=by, ax=axes[0], lang=lang)
            self.ax = axes[0]
        self.output.clear_output(wait=True)
        with self.output:
            display(fig if fig is not None else self.message)
        return self.ax

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)


def explore(collection: "ReportCollection") -> Explorer:
    """An ipywidgets explorer over a collection (see ``Explorer``)."""
    return Explorer(collection)
