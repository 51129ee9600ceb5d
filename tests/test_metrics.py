"""Metrics: definitions as data; values against numbers computed by hand; small-n NaN with a reason."""
from __future__ import annotations

import math

import pytest

from gikit.metrics import definitions, headline, metric_ids, outcome_counts, report_metrics
from tests._handmade import report_a, report_b, report_c


def _m(report, **kw):
    return report_metrics(report, **kw).set_index("metric")


def test_definitions_in_one_place():
    d = definitions()
    assert {"grant_rate", "grant_rate_full", "refusal_share", "not_held_share", "not_processed_share",
            "reviews_per_100_requests", "lawsuits_per_100_requests", "review_correction_rate",
            "litigation_correction_rate", "natural_person_share", "organisation_share",
            "online_share"} <= set(d["metric"])
    assert (d["min_n"] == 30).all()
    assert d["description"].str.len().gt(20).all()
    # refusal share has a definition per template family, and says they are not comparable
    refusal = d[d["metric"] == "refusal_share"]
    assert set(refusal["templates"]) == {"old", "fmt2019,fmt2021"}
    assert refusal["description"].str.contains("Not comparable").all()


def test_new_template_rates_by_hand():
    m = _m(report_a())
    # typed in tests/_handmade.py: 90 full, 18 partial, 9 withheld, 36 not held, 27 not processed of 180 decided
    assert m.loc["grant_rate_full", "value"] == pytest.approx(90 / 180)
    assert m.loc["grant_rate", "value"] == pytest.approx(108 / 180)
    assert m.loc["grant_rate", "numerator"] == 108 and m.loc["grant_rate", "denominator"] == 180
    assert m.loc["grant_rate", "n"] == 180
    assert m.loc["refusal_share", "value"] == pytest.approx(9 / 180)
    assert m.loc["not_held_share", "value"] == pytest.approx(36 / 180)
    assert m.loc["not_processed_share", "value"] == pytest.approx(27 / 180)
    # 10 reviews and 4 lawsuits per 200 requests received
    assert m.loc["reviews_per_100_requests", "value"] == pytest.approx(5.0)
    assert m.loc["lawsuits_per_100_requests", "value"] == pytest.approx(2.0)
    # applicant mix: 150 natural persons, 30+5+5+6+4 = 50 organisations of 200
    assert m.loc["natural_person_share", "value"] == pytest.approx(0.75)
    assert m.loc["organisation_share", "value"] == pytest.approx(0.25)
    assert m.loc["grant_rate", "qualifier"] == "exact"


def test_small_n_is_nan_with_reason():
    m = _m(report_a())
    # 10 reviews (3 corrected) and 4 lawsuits are fewer than 30
    assert math.isnan(m.loc["review_correction_rate", "value"])
    assert m.loc["review_correction_rate", "reason"] == "n=10 is below min_n=30"
    assert m.loc["review_correction_rate", "numerator"] == 3
    assert math.isnan(m.loc["litigation_correction_rate", "value"])
    # the threshold is settable
    m5 = _m(report_a(), min_n=4)
    assert m5.loc["review_correction_rate", "value"] == pytest.approx(0.3)
    assert m5.loc["litigation_correction_rate", "value"] == pytest.approx(0.25)
    # 20 requests decided in report B
    b = _m(report_b())
    assert math.isnan(b.loc["grant_rate_full", "value"]) and "n=20" in b.loc["grant_rate_full", "reason"]


def test_template_specific_and_missing():
    a = _m(report_a())
    assert math.isnan(a.loc["online_share", "value"])
    assert a.loc["online_share", "reason"] == "not defined for template fmt2021"
    b = _m(report_b())
    assert b.loc["not_held_share", "reason"] == "missing h.requests.info_not_held"
    assert list(report_metrics(report_a())["metric"]) == metric_ids()


def test_old_template_headline_scope_and_qualifier():
    m = _m(report_c())
    # region_aggregate is the headline scope: 6 reviews per 300 requests (not the own-level 100)
    assert m.loc["reviews_per_100_requests", "value"] == pytest.approx(2.0)
    assert m.loc["refusal_share", "value"] == pytest.approx(30 / 300)
    # 120 online requests printed "120余件" → the share is approximate
    assert m.loc["online_share", "value"] == pytest.approx(0.4)
    assert m.loc["online_share", "qualifier"] == "approx"
    assert math.isnan(m.loc["natural_person_share", "value"])


def test_headline_rule():
    hl = headline(report_c()).set_index(["code", "applicant"])
    assert hl.loc[("h.requests.received", "total"), "value"] == 300


def test_outcome_groups_old_and_new():
    a = outcome_counts(report_a())
    assert a["granted_full"] == 90 and a["withheld"] == 9 and a["not_processed"] == 27 and a["decided"] == 180
    c = outcome_counts(report_c())
    # old: full = already public 120 + agreed 80; not held = 25 + 15; other = 20 + 10; no 不予处理 group
    assert c["granted_full"] == 200 and c["unavailable"] == 40 and c["other"] == 30
    assert math.isnan(c["not_processed"])


# ---------------------------------------------------------------- samples (values read from the files)

def test_ordos_metrics_from_the_report(samples):
    m = _m(samples["ordos-2017"])
    # line 75: 通过网络提交申请104件 of the 123 (line 73: 全市共受理依申请公开123件)
    assert m.loc["online_share", "value"] == pytest.approx(104 / 123)
    # line 85: 属于已主动公开范围 7, 同意公开 66, 同意部分公开 5 of 已答复的123件
    assert m.loc["grant_rate", "value"] == pytest.approx((7 + 66 + 5) / 123)
    assert m.loc["grant_rate_full", "value"] == pytest.approx((7 + 66) / 123)
    # line 85: 不属于本行政机关公开 31 + 申请信息不存在 6
    assert m.loc["not_held_share", "value"] == pytest.approx(37 / 123)
    # line 73: 行政复议案件3件, 行政诉讼案件13件
    assert m.loc["reviews_per_100_requests", "value"] == pytest.approx(300 / 123)
    assert m.loc["lawsuits_per_100_requests", "value"] == pytest.approx(1300 / 123)
    # line 101: 13 lawsuits, 3 判决行政机关公开 → n=13 < 30
    assert math.isnan(m.loc["litigation_correction_rate", "value"])
    assert m.loc["litigation_correction_rate", "reason"] == "n=13 is below min_n=30"


def test_xilinhot_small_n(samples):
    m = _m(samples["xilinhot-2021"])
    # lines 491-505: (七)总计 8 — too few requests for a rate
    assert math.isnan(m.loc["grant_rate", "value"])
    assert m.loc["grant_rate", "reason"] == "n=8 is below min_n=30"
    assert m.loc["grant_rate", "numerator"] == 8
    # lines 113-127: 自然人 8 of 总计 8
    assert m.loc["natural_person_share", "reason"] == "n=8 is below min_n=30"
    assert _m(samples["xilinhot-2021"], min_n=5).loc["natural_person_share", "value"] == 1.0


def test_qiqihar_region_scope(samples):
    m = _m(samples["qiqihar-2018"])
    # line 41: 本行政区域内 247 requests, 网络申请97件 (the city's own level, line 49, has 62 of 99)
    assert m.loc["online_share", "value"] == pytest.approx(97 / 247)
    # line 58: 行政复议案件2起, 行政诉讼的案件8件
    assert m.loc["reviews_per_100_requests", "value"] == pytest.approx(200 / 247)
    assert m.loc["lawsuits_per_100_requests", "value"] == pytest.approx(800 / 247)
