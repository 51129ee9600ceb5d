"""The explorer: built, its controls driven, the chart redrawn."""
from __future__ import annotations

import subprocess
import sys

from gikit.widgets import CHARTS, explore
from tests._handmade import handmade_collection


def test_explorer_controls_redraw():
    c = handmade_collection()
    ex = explore(c)
    assert ex.chart.options == CHARTS
    assert set(ex.reports.value) == set(c.ids)
    assert ex.ax.get_title() == "Requests received (harmonised)"
    assert len(ex.ax.patches) == 3

    ex.grouping.value = "province"
    assert len(ex.ax.patches) == 2

    ex.indicators.value = ("h.review.total", "h.requests.received")
    assert ex.ax.get_title() == "Reconsiderations (harmonised)"
    assert len(ex.ax.figure.axes) == 2  # one panel per indicator

    ex.chart.value = "heatmap"
    assert ex.ax.get_title().startswith("Indicators by report")

    ex.reports.value = ("赤峰市-2021",)
    assert len(ex.ax.get_yticklabels()) == 1

    ex.chart.value = "outcome_shares"
    assert len(ex.ax.get_legend().get_texts()) == 6

    ex.chart.value = "funnel"
    assert ex.ax.get_title().startswith("Requests received, decided and disputed")

    ex.reports.value = ()
    assert ex.ax is None and ex.message == "choose at least one report"
    assert ex.widget.children[-1] is ex.output


def test_ipywidgets_not_imported_by_gikit():
    code = "import sys, gikit, gikit.collection; print('ipywidgets' in sys.modules, 'matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.split() == ["False", "False"], out.stderr
