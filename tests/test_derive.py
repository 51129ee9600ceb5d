"""Derived subtotals and the harmonised h.* layer (SPEC §4.2, §4.3, §7.2)."""
from __future__ import annotations

import math
import warnings
from pathlib import Path

import pytest

import gikit
from gikit.derive import derive
from gikit.meta import ReportMeta
from gikit.observations import Observation

FIX = Path(__file__).resolve().parent / "fixtures" / "tables"


def derived(report, code, applicant=None):
    df = report.indicators
    rows = df[(df["code"] == code) & (df["source"] == "derived")
              & (df["applicant"].isna() if applicant is None else df["applicant"] == applicant)]
    assert len(rows) == 1, (code, applicant)
    return rows.iloc[0]


@pytest.fixture(scope="module")
def full2019():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return gikit.load_report(FIX / "fmt2019_full.html")


def test_group_subtotals_per_applicant(full2019):
    # fixture values: 不予公开 natural 1+0+0+2+0+1+0+0 = 4, total 1+2+2 = 5; 无法提供 total 11+2+1 = 14;
    # 不予处理 total 3+2+0+0+1 = 6
    assert derived(full2019, "requests.outcome.withheld.total", "natural_person")["value"] == 4
    assert derived(full2019, "requests.outcome.withheld.total", "total")["value"] == 5
    assert derived(full2019, "requests.outcome.unavailable.total", "total")["value"] == 14
    assert derived(full2019, "requests.outcome.not_processed.total", "total")["value"] == 6
    row = derived(full2019, "requests.outcome.withheld.total", "total")
    assert row["qualifier"] == "derived" and "derived:" in row["locator"]


def test_printed_2019_other_total_is_not_rederived(full2019):
    df = full2019.indicators
    rows = df[(df["code"] == "requests.outcome.other.total") & (df["applicant"] == "total")]
    assert rows["source"].tolist() == ["table"] and rows["value"].tolist() == [2]


def test_litigation_totals_and_h_layer(full2019):
    # fixture Table 4: direct total 2, after-review total 1; upheld 1+0; corrected 0+1
    assert derived(full2019, "litigation.total")["value"] == 3
    assert derived(full2019, "litigation.upheld")["value"] == 1
    assert derived(full2019, "litigation.corrected")["value"] == 1
    assert derived(full2019, "h.litigation.total")["value"] == 3
    assert derived(full2019, "h.review.other_or_pending")["value"] == 0 + 1
    assert derived(full2019, "h.review.correction_rate")["value"] == pytest.approx(1 / 4)
    # grant rate = (disclosed 24 + partial 6) / total 57
    assert derived(full2019, "h.requests.grant_rate")["value"] == pytest.approx(30 / 57)
    assert derived(full2019, "h.requests.info_not_held")["value"] == 11
    assert derived(full2019, "h.active.normative_docs.new")["value"] == 3
    assert derived(full2019, "h.active.decisions.licensing")["value"] == 3000


def test_old_template_h_layer():
    obs = [Observation("requests.outcome.legacy.already_public", 7, "total"),
           Observation("requests.outcome.legacy.agreed", 66, "total"),
           Observation("requests.outcome.partially_disclosed", 5, "total"),
           Observation("requests.outcome.total", 123, "total"),
           Observation("requests.outcome.legacy.not_this_agency", 31, "total"),
           Observation("requests.outcome.legacy.not_exist", 6, "total"),
           Observation("review.other_legacy", 1)]
    got = {o.code: o.value for o in derive(obs, ReportMeta(template="old"))}
    assert got["h.requests.granted_full"] == 73
    assert got["h.requests.grant_rate"] == pytest.approx(78 / 123)
    assert got["h.requests.info_not_held"] == 37
    assert got["h.review.other_or_pending"] == 1
    assert "requests.outcome.withheld.total" not in got  # no 2019/2021 subtotals for the old form


def test_nothing_derived_from_missing_or_nan_parts():
    obs = [Observation("litigation.direct.total", 2.0), Observation("litigation.after_review.total", math.nan)]
    assert derive(obs, ReportMeta(template="fmt2021")) == []
    obs = [Observation("review.corrected", 0.0), Observation("review.total", 0.0)]
    got = {o.code for o in derive(obs, ReportMeta(template="fmt2021"))}
    assert "h.review.correction_rate" not in got  # 0/0 is not a rate


def test_approximate_inputs_make_an_approximate_sum():
    obs = [Observation("litigation.direct.total", 10.0, qualifier="more_than"),
           Observation("litigation.after_review.total", 1.0)]
    out = {o.code: o for o in derive(obs, ReportMeta(template="fmt2021"))}
    assert out["litigation.total"].value == 11 and out["litigation.total"].qualifier == "approx"


def test_views(samples, full2019):
    wide = full2019.requests
    assert list(wide.columns)[-1] == "total" and wide.index[0] == "requests.received.total"
    assert wide.loc["requests.outcome.total"].tolist() == [49, 5, 0, 1, 1, 1, 57]
    assert wide.loc["requests.outcome.withheld.total", "total"] == 5
    old = samples["hohhot-etdz-2017"].requests
    assert list(old.columns) == ["total"] and old.loc["requests.received.total", "total"] == 0
    rv = samples["xilinhot-2021"].reviews
    assert set(rv["code"]) >= {"review.total", "litigation.total", "h.review.total"}
    pa = samples["xilinhot-2021"].proactive
    assert pa.set_index("code").loc["active.licensing.decisions", "value"] == 22212
