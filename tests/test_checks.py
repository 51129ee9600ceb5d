"""Checks (SPEC §8): hand-built reports whose numbers are typed here, plus the samples.

For hand-built reports every value is typed in the test; for the samples the expected outcome
comes from the sentences quoted next to it (line numbers in data/sample/<file>.txt).
"""
from __future__ import annotations

import math

import pandas as pd
import pytest

from gikit.checks import CHECK_COLUMNS, check_catalogue, cross_year_checks, pct_ok, run_checks
from gikit.document import Document
from gikit.meta import ReportMeta
from gikit.observations import Observation
from gikit.report import Report

APPS = ["natural_person", "commercial_enterprise", "research_institution", "social_welfare_org",
        "legal_service_org", "other_org"]


def obs(code, value, applicant=None, scope=None, source="table", qualifier="exact", raw=None):
    return Observation(code, float(value), applicant=applicant, scope=scope, source=source,
                       qualifier=qualifier, raw=str(value) if raw is None else raw)


def report(template, observations, *, scope="own_level", scopes=None, shadowed=None, region="甲市", year=2021):
    meta = ReportMeta(region=region, year=year, template=template, scope=scope, scopes=scopes or [scope],
                      source="hand.txt", level="county")
    return Report(meta=meta, document=Document.from_lines(["手工报告"], source="hand.txt"),
                  observations=observations, shadowed=shadowed)


def rows(df, check):
    return df[df["check"] == check]


def only(df, check):
    sel = rows(df, check)
    assert len(sel) == 1, sel
    return sel.iloc[0]


# ------------------------------------------------------------------ catalogue

def test_every_spec_check_is_defined_as_data():
    ids = set(check_catalogue()["check"])
    spec = {"T3.1", "T3.2", "T3.3", "T3.4", "T4.1", "T2.1", "T2.2", "T2.3", "X.1", "X.2", "X.3",
            "O3.1", "O3.2", "O3.3", "O3.4", "O4.1", "O8.1", "O1.1", "O1.2", "O.plaus", "R.pct", "P.incomplete"}
    assert spec <= ids
    cat = check_catalogue()
    assert set(cat["severity"]) == {"hard", "soft"}
    assert set(cat.loc[cat["check"].isin(["T3.1", "T3.3", "O3.1", "O8.1"]), "severity"]) == {"hard"}


def test_frame_shape_and_types():
    df = run_checks(report("old", [obs("capacity.staff.total", 5)]))
    assert list(df.columns) == CHECK_COLUMNS
    assert set(df["status"]) <= {"pass", "fail", "not_assessable"}
    assert df["lhs"].dtype == float


# ------------------------------------------------------------------ fmt2019 / fmt2021

def t3(code, total, parts):
    """A Table 3 row: typed total plus six typed applicant values."""
    return [obs(code, total, "total")] + [obs(code, v, a) for a, v in zip(APPS, parts)]


def test_t3_1_carry_over_identity_per_column():
    base = (t3("requests.received.total", 10, [8, 2, 0, 0, 0, 0]) + t3("requests.carryover.in", 2, [2, 0, 0, 0, 0, 0])
            + t3("requests.outcome.total", 9, [7, 2, 0, 0, 0, 0]) + t3("requests.carryover.out", 3, [3, 0, 0, 0, 0, 0]))
    df = run_checks(report("fmt2021", base))
    t = rows(df, "T3.1")
    assert len(t) == 7 and set(t["status"]) == {"pass"}  # 10+2 = 9+3; 8+2 = 7+3; 2+0 = 2+0 …
    bad = [o for o in base if not (o.code == "requests.carryover.out" and o.applicant == "total")]
    bad.append(obs("requests.carryover.out", 2, "total"))
    t = rows(run_checks(report("fmt2021", bad)), "T3.1")
    failed = t[t["status"] == "fail"]
    assert len(failed) == 1
    assert (failed.iloc[0]["lhs"], failed.iloc[0]["rhs"], failed.iloc[0]["diff"]) == (12, 11, 1)
    assert "[total]" in failed.iloc[0]["message"]


def test_t3_2_total_column_is_the_sum_of_applicants():
    df = run_checks(report("fmt2021", t3("requests.received.total", 7, [5, 1, 0, 0, 0, 0])))
    r = only(df, "T3.2")
    assert (r["status"], r["lhs"], r["rhs"]) == ("fail", 7, 6)
    df = run_checks(report("fmt2021", t3("requests.received.total", 6, [5, 1, 0, 0, 0, 0])))
    assert only(df, "T3.2")["status"] == "pass"


LEAVES_2021 = {
    "requests.outcome.disclosed": 6, "requests.outcome.partially_disclosed": 1,
    "requests.outcome.withheld.state_secret": 1, "requests.outcome.withheld.prohibited_by_law": 0,
    "requests.outcome.withheld.security_stability": 0, "requests.outcome.withheld.third_party_rights": 0,
    "requests.outcome.withheld.internal_affairs": 0, "requests.outcome.withheld.process_info": 0,
    "requests.outcome.withheld.enforcement_file": 0, "requests.outcome.withheld.admin_inquiry": 0,
    "requests.outcome.unavailable.not_held": 1, "requests.outcome.unavailable.needs_creation": 0,
    "requests.outcome.unavailable.still_unclear": 0, "requests.outcome.not_processed.petition": 0,
    "requests.outcome.not_processed.duplicate": 0, "requests.outcome.not_processed.publication": 0,
    "requests.outcome.not_processed.mass_repetitive": 0, "requests.outcome.not_processed.confirm_or_reissue": 0,
    "requests.outcome.other.no_correction": 0, "requests.outcome.other.fee_unpaid": 0,
    "requests.outcome.other.other": 1,
}


def test_t3_3_outcome_total_is_the_sum_of_leaves_2021():
    leaves = [obs(c, v, "total") for c, v in LEAVES_2021.items()]
    df = run_checks(report("fmt2021", leaves + [obs("requests.outcome.total", 10, "total")]))
    r = only(df, "T3.3")
    assert (r["status"], r["lhs"], r["rhs"]) == ("pass", 10, 10)  # 6+1+1+1+1 = 10
    df = run_checks(report("fmt2021", leaves + [obs("requests.outcome.total", 11, "total")]))
    assert only(df, "T3.3")["status"] == "fail"


def test_t3_3_2019_form_uses_the_single_other_row():
    leaves = {c: v for c, v in LEAVES_2021.items() if ".other." not in c}
    leaves["requests.outcome.other.total"] = 1
    df = run_checks(report("fmt2019", [obs(c, v, "total") for c, v in leaves.items()]
                           + [obs("requests.outcome.total", 10, "total")], year=2019))
    assert only(df, "T3.3")["status"] == "pass"


def test_t3_3_missing_table_cell_is_not_assessable():
    leaves = [obs(c, v, "total") for c, v in LEAVES_2021.items() if c != "requests.outcome.other.other"]
    df = run_checks(report("fmt2021", leaves + [obs("requests.outcome.total", 10, "total")]))
    r = only(df, "T3.3")
    assert r["status"] == "not_assessable"
    assert "requests.outcome.other.other" in r["message"]


def test_t3_4_printed_subtotal_must_equal_leaves_and_derived_is_not_compared():
    leaves = [obs(c, v, "total") for c, v in LEAVES_2021.items()]
    printed = obs("requests.outcome.withheld.total", 3, "total")  # typed: printed 3, leaves give 1
    df = run_checks(report("fmt2021", leaves + [printed]))
    t = rows(df, "T3.4")
    assert list(t.loc[t["status"] == "fail", "lhs"]) == [3]
    derived = obs("requests.outcome.withheld.total", 1, "total", source="derived", qualifier="derived")
    t = rows(run_checks(report("fmt2021", leaves + [derived])), "T3.4")
    assert set(t["status"]) == {"not_assessable"}


def test_t4_1_review_and_litigation_totals():
    o = [obs("review.total", 5), obs("review.upheld", 3), obs("review.corrected", 1), obs("review.other", 0),
         obs("review.pending", 1), obs("litigation.direct.total", 4), obs("litigation.direct.upheld", 1),
         obs("litigation.direct.corrected", 1), obs("litigation.direct.other", 1), obs("litigation.direct.pending", 0)]
    t = rows(run_checks(report("fmt2021", o)), "T4.1")
    assert list(t["status"]) == ["pass", "fail", "not_assessable"]  # 5=3+1+0+1; 4≠3; no 复议后起诉 figures
    assert t.iloc[1]["diff"] == 1


def test_t2_1_negative_counts_fail_but_signed_change_is_allowed():
    df = run_checks(report("fmt2019", [obs("requests.received.total", -3, "total"),
                                       obs("active.licensing.items_change", -8)], year=2019))
    r = only(df, "T2.1")
    assert r["status"] == "fail" and "requests.received.total=-3" in r["message"]
    assert "items_change" not in r["message"]
    df = run_checks(report("fmt2019", [obs("active.licensing.items_change", -8)], year=2019))
    assert only(df, "T2.1")["status"] == "pass"


def test_t2_3_2019_expectations():
    df = run_checks(report("fmt2019", [obs("active.regulations.published_new_2019", 5),
                                       obs("active.regulations.public_total_2019", 3),
                                       obs("active.licensing.items_prev_year", 10),
                                       obs("active.licensing.items_change", -12)], year=2019))
    t = rows(df, "T2.3")
    failed = t[t["status"] == "fail"]
    assert sorted(failed["lhs"]) == [0, 5]  # 5 > 3 ; 0 > 10 + (−12)


def test_x3_fee_precision():
    df = run_checks(report("fmt2021", [obs("active.admin_fees.amount", 81123.958785, raw="81123.958785")]))
    r = only(df, "X.3")
    assert r["status"] == "fail" and "6 decimals" in r["message"]
    df = run_checks(report("fmt2021", [obs("active.admin_fees.amount", 12.5, raw="12.5")]))
    assert only(df, "X.3")["status"] == "pass"


def test_x2_prose_versus_table():
    table = [obs("requests.received.total", 9, "total")]
    shadowed = [obs("requests.received.total", 8, "total", source="prose", raw="共收到依申请公开8件")]
    r = only(run_checks(report("fmt2021", table, shadowed=shadowed)), "X.2")
    assert (r["status"], r["lhs"], r["rhs"]) == ("fail", 8, 9)
    assert "prose_table_mismatch" in r["message"]
    shadowed = [obs("requests.received.total", 9, "total", source="prose")]
    assert only(run_checks(report("fmt2021", table, shadowed=shadowed)), "X.2")["status"] == "pass"
    # 10余件 agrees with a table value of 12, not with 8
    more = [obs("requests.received.total", 10, "total", source="prose", qualifier="more_than")]
    assert only(run_checks(report("fmt2021", [obs("requests.received.total", 12, "total")], shadowed=more)),
                "X.2")["status"] == "pass"
    assert only(run_checks(report("fmt2021", [obs("requests.received.total", 8, "total")], shadowed=more)),
                "X.2")["status"] == "fail"


# ------------------------------------------------------------------ old template, prose rules

def prose_obs(code, value, scope=None, qualifier="exact", raw=None):
    return obs(code, value, "total" if code.startswith("requests.") else None, scope, "prose", qualifier, raw)


def test_o3_1_channels_sum_and_unstated_channel_is_zero_in_prose():
    o = [prose_obs("requests.received.total", 99), prose_obs("requests.received.channel.in_person", 19),
         prose_obs("requests.received.channel.online", 62), prose_obs("requests.received.channel.letter", 18)]
    r = only(run_checks(report("old", o, scope="region_aggregate", year=2018)), "O3.1")
    assert (r["status"], r["lhs"], r["rhs"]) == ("pass", 99, 99)
    assert "requests.received.channel.fax" in r["message"]


def test_prose_parts_exceeding_the_total_fail_the_identity():
    o = [prose_obs("requests.received.total", 10), prose_obs("requests.received.channel.in_person", 8),
         prose_obs("requests.received.channel.online", 5)]
    df = run_checks(report("old", o, scope="region_aggregate", year=2018))
    r = only(df, "O3.1")
    assert (r["status"], r["severity"], r["lhs"], r["rhs"]) == ("fail", "hard", 10, 13)
    assert rows(df, "P.incomplete").empty


def test_prose_incomplete_is_reported_apart_not_as_a_hard_error():
    # typed like Qiqihar line 41/45: 247 received; answers 130+76+7+15+7+2+6 = 243
    o = [prose_obs("requests.received.total", 247), prose_obs("requests.outcome.legacy.already_public", 130),
         prose_obs("requests.outcome.legacy.agreed", 76), prose_obs("requests.outcome.legacy.refused.total", 7),
         prose_obs("requests.outcome.legacy.not_this_agency", 15), prose_obs("requests.outcome.legacy.not_exist", 7),
         prose_obs("requests.outcome.legacy.needs_amendment", 2), prose_obs("requests.outcome.legacy.other_channel", 6)]
    df = run_checks(report("old", o, scope="region_aggregate", year=2018))
    o33 = only(df, "O3.3")
    assert o33["status"] == "not_assessable" and o33["severity"] == "hard"
    inc = only(df, "P.incomplete")
    assert (inc["status"], inc["severity"], inc["lhs"], inc["rhs"], inc["diff"]) == ("fail", "soft", 247, 243, 4)
    assert "243 of 247" in inc["message"] and "partially_disclosed" in inc["message"]


def test_mixed_sources_with_a_missing_part_are_not_assessable():
    o = [obs("requests.received.total", 10, "total"), prose_obs("requests.received.channel.in_person", 4)]
    r = only(run_checks(report("old", o, scope="region_aggregate", year=2017)), "O3.1")
    assert r["status"] == "not_assessable"


def test_approximate_figures_make_an_identity_not_assessable():
    o = [prose_obs("capacity.staff.total", 30, qualifier="approx"), prose_obs("capacity.staff.full_time", 10),
         prose_obs("capacity.staff.part_time", 20)]
    r = only(run_checks(report("old", o, scope="region_aggregate", year=2017)), "O8.1")
    assert r["status"] == "not_assessable" and "approximate" in r["message"]


def test_o8_1_o4_1_o3_2_o3_4():
    o = [obs("capacity.staff.total", 48), obs("capacity.staff.full_time", 3), obs("capacity.staff.part_time", 45),
         obs("review.total", 3), obs("review.upheld", 2), obs("review.corrected", 0), obs("review.other_legacy", 0),
         obs("requests.closed.total", 123, "total"), obs("requests.closed.on_time", 114, "total"),
         obs("requests.closed.extended", 9, "total"),
         obs("requests.outcome.legacy.refused.total", 6, "total"), obs("requests.outcome.withheld.state_secret", 2, "total"),
         obs("requests.outcome.legacy.refused.commercial_secret", 2, "total"),
         obs("requests.outcome.legacy.refused.personal_privacy", 0, "total"),
         obs("requests.outcome.withheld.security_stability", 1, "total"),
         obs("requests.outcome.legacy.refused.not_gov_info", 0, "total"),
         obs("requests.outcome.legacy.refused.other_legal", 0, "total")]
    df = run_checks(report("old", o, scope="agency", year=2017))
    assert only(df, "O8.1")["status"] == "pass"  # 48 = 3 + 45
    assert only(df, "O3.2")["status"] == "pass"  # 123 = 114 + 9
    o41 = rows(df, "O4.1")
    assert list(o41["status"]) == ["fail", "not_assessable"]  # 3 ≠ 2+0+0; no litigation figures
    o34 = only(df, "O3.4")
    assert (o34["status"], o34["severity"], o34["lhs"], o34["rhs"]) == ("fail", "soft", 6, 5)


def test_o1_expectations_are_inequalities():
    o = [obs("active.items.total", 100), obs("active.items.channel.gazette", 10), obs("active.items.channel.website", 30),
         obs("active.items.channel.weibo", 0), obs("active.items.channel.weixin", 0), obs("active.items.channel.other", 30),
         obs("response.press_conferences.total", 5), obs("response.press_conferences.principal", 10)]
    df = run_checks(report("old", o, scope="agency", year=2017))
    r = only(df, "O1.1")
    assert (r["status"], r["lhs"], r["rhs"]) == ("fail", 100, 70)
    o12 = rows(df, "O1.2")
    assert list(o12.loc[o12["status"] == "fail", "lhs"]) == [10]  # principal 10 > all 5


def test_o_plaus_copy_filled_values():
    # typed like SEED003: 48 printed in 主动公开政府信息数, 主动公开规范性文件数, 制发规范性文件总数 and 工作人员数
    o = [obs("active.items.total", 48), obs("active.normative_docs.published", 48),
         obs("active.normative_docs.issued_legacy", 48), obs("capacity.staff.total", 48),
         obs("requests.received.total", 123, "total"), obs("requests.closed.total", 123, "total"),
         obs("requests.outcome.total", 123, "total")]
    r = only(run_checks(report("old", o, scope="agency", year=2017)), "O.plaus")
    assert r["status"] == "fail" and r["lhs"] == 48 and "capacity.staff.total" in r["message"]
    assert "123" not in r["message"]  # the same count across the request rows is normal


def test_percentages_round_or_truncate():
    assert pct_ok(49.79, "49.79%", 123, 247) == "truncate"  # SEED004
    assert pct_ok(4.88, "4.88%", 6, 123) == "round"  # SEED000
    assert pct_ok(8.9, "8.9%", 22, 247) is not None  # 8.906…, one decimal
    assert pct_ok(49.8, "49.8%", 123, 247) == "round"
    assert pct_ok(49.7, "49.7%", 123, 247) == "truncate"  # 49.797… cut to one decimal
    assert pct_ok(49.6, "49.6%", 123, 247) is None
    assert pct_ok(5.0, "5%", 6, 0) is None


def test_r_pct_tests_the_stated_rate_against_both_denominators():
    o = [prose_obs("requests.received.total", 247), prose_obs("requests.received.channel.in_person", 123),
         prose_obs("requests.received.channel.in_person.stated_pct", 49.79, raw="占49.79%"),
         prose_obs("requests.outcome.total", 200), prose_obs("requests.outcome.legacy.agreed", 50),
         prose_obs("requests.outcome.legacy.agreed.stated_pct", 25, raw="占25%"),  # 50/200, not 50/247
         prose_obs("requests.received.channel.letter", 22),
         prose_obs("requests.received.channel.letter.stated_pct", 9.9, raw="占9.9%")]  # 22/247 = 8.9
    t = rows(run_checks(report("old", o, scope="region_aggregate", year=2018)), "R.pct")
    assert list(t["status"]) == ["pass", "pass", "fail"]
    assert "requests.outcome.total" in t.iloc[1]["message"]


def test_checks_run_per_scope():
    o = [prose_obs("capacity.staff.total", 71, "own_level"), prose_obs("capacity.staff.full_time", 12, "own_level"),
         prose_obs("capacity.staff.part_time", 59, "own_level"), prose_obs("capacity.staff.total", 165),
         prose_obs("capacity.staff.full_time", 26), prose_obs("capacity.staff.part_time", 130)]
    r = report("old", o, scope="region_aggregate", scopes=["region_aggregate", "own_level"], year=2018)
    t = rows(run_checks(r), "O8.1")
    assert dict(zip(t["message"].str.extract(r"^\[(\w+)\]")[0], t["status"])) == {
        "region_aggregate": "fail", "own_level": "pass"}  # 165 ≠ 26+130 (typed); 71 = 12+59


def test_template_selects_checks():
    df = run_checks(report("old", [obs("capacity.staff.total", 5)], scope="agency", year=2017))
    assert not any(df["check"].str.startswith("T3"))
    df = run_checks(report("fmt2021", [obs("capacity.staff.total", 5)]))
    assert not any(df["check"].str.startswith("O"))


# ------------------------------------------------------------------ cross-year

def year_report(year, out=None, cin=None, in_force=None, issued=None, repealed=None, region="甲市"):
    o = []
    if out is not None:
        o.append(obs("requests.carryover.out", out, "total"))
    if cin is not None:
        o.append(obs("requests.carryover.in", cin, "total"))
    for code, v in (("active.normative_docs.in_force", in_force), ("active.normative_docs.issued", issued),
                    ("active.normative_docs.repealed", repealed)):
        if v is not None:
            o.append(obs(code, v))
    return report("fmt2021", o, year=year, region=region)


def test_cross_year_carry_over_and_stock():
    a = year_report(2021, out=3, in_force=10)
    b = year_report(2022, cin=3, in_force=11, issued=2, repealed=1)
    df = cross_year_checks([b, a])
    assert list(df.columns) == ["report_id"] + CHECK_COLUMNS
    x1 = df[df["check"] == "X.1"]
    assert list(x1["status"]) == ["pass"] and x1.iloc[0]["report_id"] == b.report_id
    t22 = df[df["check"] == "T2.2"]
    assert list(t22["status"]) == ["not_assessable", "pass"]  # regulations not stated; 10 + 2 − 1 = 11
    c = year_report(2022, cin=4, in_force=12, issued=2, repealed=1)
    df = cross_year_checks([a, c])
    assert set(df.loc[df["check"].isin(["X.1", "T2.2"]) & (df["status"] != "not_assessable"), "status"]) == {"fail"}


def test_cross_year_needs_consecutive_years_of_one_region():
    a = year_report(2019, out=3)
    b = year_report(2021, cin=3)
    other = year_report(2022, cin=3, region="乙市")
    assert cross_year_checks([a, b, other]).empty


# ------------------------------------------------------------------ samples

def test_ordos_checks(samples):
    df = samples["ordos-2017"].checks()
    # line 109: 从事政府信息公开工作人员226名,其中,专职人员114名,兼职人员358名 → 226 ≠ 472
    r = only(df, "O8.1")
    assert (r["status"], r["severity"], r["lhs"], r["rhs"]) == ("fail", "hard", 226, 472)
    # line 75: 6 + 104 + 13 = 123 (no 传真 stated); line 83: 114 + 9 = 123
    assert only(df, "O3.1")["status"] == "pass"
    assert only(df, "O3.2")["status"] == "pass"
    # line 85: 7+66+5+6+31+6+2 = 123; 不同意公开 6 = 2+2+1+1
    assert only(df, "O3.3")["status"] == "pass"
    assert only(df, "O3.4")["status"] == "pass"
    # line 73/97/101: 行政复议 3 = 2 + 1; 行政诉讼 13 = 10 + 3
    assert list(rows(df, "O4.1")["status"]) == ["pass", "pass"]
    # the ten percentages of lines 75 and 85 are all rounded correctly
    pct = rows(df, "R.pct")
    assert len(pct) == 10 and set(pct["status"]) == {"pass"}
    # 114 is printed as 按时办结 (line 83), 查阅点 and 专职人员 (line 109)
    plaus = only(df, "O.plaus")
    assert plaus["status"] == "fail" and plaus["lhs"] == 114
    assert rows(df, "P.incomplete").empty


def test_qiqihar_checks(samples):
    df = samples["qiqihar-2018"].checks()
    # line 45: the outcome sentences cover 243 of the 247 requests of line 41 → incomplete, not an error
    inc = rows(df, "P.incomplete")
    first = inc[inc["message"].str.contains("O3.3") & inc["message"].str.contains("region_aggregate")].iloc[0]
    assert (first["status"], first["severity"], first["lhs"], first["rhs"]) == ("fail", "soft", 247, 243)
    assert set(rows(df, "O3.3")["status"]) == {"not_assessable"}
    assert df[(df["severity"] == "hard") & (df["status"] == "fail")].empty
    # line 11: 71 = 12 + 59 (市本级) and 165 = 26 + 139 (本行政区域)
    assert list(rows(df, "O8.1")["status"]) == ["pass", "pass"]
    # line 41: 123 + 5 + 97 + 22 = 247
    assert rows(df, "O3.1").iloc[0]["status"] == "pass"
    # all twenty printed percentages agree with their counts (SEED004 truncates)
    pct = rows(df, "R.pct")
    assert len(pct) == 20 and set(pct["status"]) == {"pass"}
    assert pct["message"].str.contains("truncated").any()


def test_xilinhot_checks_pass(samples):
    df = samples["xilinhot-2021"].checks()
    hard = df[df["severity"] == "hard"]
    assert not hard.empty and (hard["status"] != "fail").all(), hard[hard["status"] == "fail"]
    for check in ("T3.1", "T3.2", "T3.3", "T4.1"):
        assert (rows(df, check)["status"] == "pass").all(), check
    assert len(rows(df, "T3.1")) == 7  # seven columns of Table 3
    # line 17: 共收到依申请公开8件,完成答复8件,正在办理0件 agrees with Table 3
    x2 = rows(df, "X.2")
    assert len(x2) >= 3 and set(x2["status"]) == {"pass"}
    # the one expected soft failure: 行政事业性收费 81123.958785 万元 (SPEC X.3)
    soft_fail = df[(df["severity"] == "soft") & (df["status"] == "fail")]
    assert list(soft_fail["check"]) == ["X.3"]


def test_checks_never_raise_on_the_other_samples(samples):
    for sid in ("dongning-2016", "hohhot-etdz-2017"):
        df = samples[sid].checks()
        assert isinstance(df, pd.DataFrame) and list(df.columns) == CHECK_COLUMNS
        assert not df.empty
        assert df["status"].isin(["pass", "fail", "not_assessable"]).all()
        assert not math.isnan(float((df["status"] == "fail").sum()))
