"""Plots asserted on artists (titles, axis labels, bars, legend entries), Agg backend."""
from __future__ import annotations

import warnings

import matplotlib.pyplot as plt
import pytest

import gikit.plotting as P
from gikit.exceptions import FontWarning
from tests._handmade import handmade_collection, report_a, report_c


def _ticks(labels):
    return [t.get_text() for t in labels]


def test_outcomes_one_report():
    fig, ax = plt.subplots()
    out = P.outcomes(report_a(), ax=ax)
    assert out is ax
    assert ax.get_title() == "Chifeng 2021: outcomes of information requests"
    assert ax.get_xlabel() == "Requests"
    # six groups of the 2021 form, in display order from the top
    assert _ticks(ax.get_yticklabels())[::-1] == ["Granted in full", "Granted in part", "Refused / withheld",
                                                   "Not held / cannot be provided", "Not processed",
                                                   "Other handling"]
    assert sorted(p.get_width() for p in ax.patches) == [0, 9, 18, 27, 36, 90]  # typed in report_a


def test_outcomes_old_report_has_no_not_processed_bar():
    ax = P.outcomes(report_c())
    assert "Not processed" not in _ticks(ax.get_yticklabels())
    assert len(ax.patches) == 5
    assert ax is plt.gca()  # draws on the current Axes when none is given


def test_outcome_shares_stacked():
    c = handmade_collection()
    ax = P.outcome_shares(c)
    legend = _ticks(ax.get_legend().get_texts())
    assert legend == ["Granted in full", "Granted in part", "Refused / withheld", "Not held / cannot be provided",
                      "Not processed", "Other handling"]
    assert len(ax.patches) == 3 * 6  # one segment per group and report
    assert _ticks(ax.get_yticklabels())[::-1] == ["Chifeng-2021", "Eerduosi-2020", "Qiqihaer-2017"]
    assert ax.get_xlabel() == "Share of requests decided"
    # report A: 90 of 180 granted in full → the first segment of its bar is 0.5 wide
    widths = {round(p.get_width(), 4) for p in ax.patches}
    assert 0.5 in widths


def test_compare_bars_and_hue():
    c = handmade_collection()
    ax = P.compare(c, "requests.received.total", by="region")
    assert ax.get_title() == "Requests received (harmonised)"
    assert ax.get_xlabel() == "Region" and ax.get_ylabel() == "Cases"
    assert len(ax.patches) == 3
    assert sorted(p.get_height() for p in ax.patches) == [20, 200, 300]
    plt.figure()
    ax2 = P.compare(c, "h.requests.received", by="province", hue="year")
    assert _ticks(ax2.get_legend().get_texts()) == ["2017", "2020", "2021"]
    assert ax2.get_legend().get_title().get_text() == "Year"


def test_compare_from_frame_and_order():
    c = handmade_collection()
    wide = c.compare("h.review.total", by="report_id")
    ax = P.compare(wide, "h.review.total", by="report_id", order=["齐齐哈尔市-2017", "赤峰市-2021"])
    assert _ticks(ax.get_xticklabels()) == ["Qiqihaer-2017", "Chifeng-2021"]
    assert [p.get_height() for p in ax.patches] == [6, 10]
    with pytest.raises(ValueError):
        P.compare(wide, "h.nothing", by="report_id")


def test_heatmap_normalised_per_column():
    c = handmade_collection()
    ax = P.heatmap(c, ["h.requests.received", "h.review.total"])
    assert ax.get_title().startswith("Indicators by report")
    assert _ticks(ax.get_xticklabels()) == ["Requests received (harmonised)", "Reconsiderations (harmonised)"]
    assert len(ax.get_yticklabels()) == 3
    annotations = sorted(t.get_text() for t in ax.texts)
    assert annotations == sorted(["200", "20", "300", "10", "1", "6"])
    mesh = ax.collections[0]
    assert mesh.get_array().max() == pytest.approx(1.0)  # the column maximum is 1


def test_funnel_report_and_collection():
    ax = P.funnel(report_a())
    assert _ticks(ax.get_xticklabels()) == ["Received", "Decided", "Reconsiderations", "Lawsuits"]
    assert [p.get_height() for p in ax.patches] == [200, 180, 10, 4]
    plt.figure()
    ax2 = P.funnel(handmade_collection(), log=True)
    assert len(ax2.get_legend().get_texts()) == 3 and ax2.get_yscale() == "log"


def test_metric_plot_leaves_out_small_n():
    ax = P.metric(handmade_collection(), "reviews_per_100_requests")
    # 200 (A) and 300 (C) requests are enough; B has 20
    assert len(ax.patches) == 2 and "Eerduosi-2020" in ax.get_xlabel()


def test_accessors():
    r = report_a()
    assert r.plot.outcomes().get_title().startswith("Chifeng 2021")
    plt.figure()
    c = handmade_collection()
    assert c.plot.compare("h.review.total", by="report_id").get_title() == "Reconsiderations (harmonised)"


def test_zh_without_font_warns_once_and_falls_back(monkeypatch):
    monkeypatch.setattr(P, "cjk_font", lambda: None)
    monkeypatch.setattr(P, "_warned", set())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ax = P.outcomes(report_a(), lang="zh")
        P.outcomes(report_a(), lang="zh", ax=plt.figure().gca())
    fonts = [w for w in caught if issubclass(w.category, FontWarning)]
    assert len(fonts) == 1
    assert "fonts-noto-cjk" in str(fonts[0].message)
    assert ax.get_xlabel() == "Requests"  # English kept


def test_zh_with_font_uses_chinese_labels(monkeypatch):
    monkeypatch.setattr(P, "cjk_font", lambda: "DejaVu Sans")  # stands in for an installed CJK font
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # DejaVu has no CJK glyphs: matplotlib warns about them
        ax = P.outcomes(report_a(), lang="zh")
        ax.figure.canvas.draw()
    assert ax.get_xlabel() == "申请数"
    assert ax.get_title() == "赤峰市 2021:依申请公开办理结果"
    assert "予以公开" in _ticks(ax.get_yticklabels())
    assert ax.title.get_fontfamily() == ["DejaVu Sans"]
    with pytest.raises(ValueError):
        P.outcomes(report_a(), lang="fr")


def test_import_does_not_touch_rcparams():
    import subprocess
    import sys

    code = ("import matplotlib as m; before = dict(m.rcParams); import gikit.plotting; "
            "assert dict(m.rcParams) == before; print('same')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "same", out.stderr
