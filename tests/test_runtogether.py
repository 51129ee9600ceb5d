"""Run-together tables (issue 9): digit runs cut into cells under the forms' identities.

Fixtures in ``tests/fixtures/runtogether/`` are the samples' tables with their cells joined by hand
(no separators left); expected values are read from the samples (line numbers given) or are the
values typed into the hand-made tables below. Where a run has several valid splits the cells that
differ must be NaN (``ambiguous``) with a warning listing the splits — never a guess.
"""
from __future__ import annotations

import math
from pathlib import Path

import pytest

import gikit
from gikit import codes
from gikit.document import Document
from gikit.exceptions import AmbiguousValueWarning, TableWarning
from gikit.meta import ReportMeta
from gikit.observations import span_of
from gikit.runtogether import Identity, RunRow, solve, splits
from gikit.tables import extract_tables, form_identities

FIX = Path(__file__).resolve().parent / "fixtures" / "runtogether"
APPS = ["natural_person", "commercial_enterprise", "research_institution", "social_welfare_org",
        "legal_service_org", "other_org", "total"]
T4_CODES = [f"{g}.{c}" for g in ("review", "litigation.direct", "litigation.after_review")
            for c in ("upheld", "corrected", "other", "pending", "total")]
T3_HEADER = "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
T4_HEADER = ("行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉"
             "结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计")


def texts(found):
    return [" ".join(p.text for p in s) for s in found]


def by_key(obs):
    return {(o.code, o.applicant): o for o in obs}


def table_frame(report):
    df = report.indicators
    return df[df["source"] == "table"]


def assert_provenance(text, obs):
    """Every settled cell points at its run: text[span] is the run, kept whole in ``raw``."""
    for o in obs:
        if o.qualifier == "ambiguous":
            assert "line " in o.locator, o
            continue
        a, b = span_of(o.locator)
        assert text[a:b] == o.raw, (o.code, o.locator)


# ============================================================ cutting one row

def test_splits_list_every_cut_without_leading_zeros():
    # by hand: "120" gives 1|20 or 12|0 (then "+53000" is one cell), or stays whole and "+53000" gives
    # +5|3000 or +5300|0 (+53|000 and +530|00 have leading zeros); the sign always starts a cell
    assert texts(splits(["120", "+53000"], 3)) == ["1 20 +53000", "12 0 +53000", "120 +5 3000", "120 +5300 0"]
    assert texts(splits(["000"], 3)) == ["0 0 0"]
    assert splits(["0012"], 2) == []  # 0|012, 00|12, 001|2: every cut leaves a leading zero
    assert splits(["12"], 3) == []  # two digits cannot make three cells


def test_decimal_point_and_money_unit_stay_with_their_cell():
    # 7|251000元, 72|51000元, 725|1000元, 725100|0元 (7251|000元 and 72510|00元 have leading zeros)
    assert texts(splits(["7251000元"], 2)) == ["7 251000元", "72 51000元", "725 1000元", "725100 0元"]
    (only,) = splits(["81123.958785"], 1)
    assert only[0].value == pytest.approx(81123.958785)
    assert all("." not in p.text[:1] for s in splits(["12.5310"], 2) for p in s)


def test_row_sum_alone_leaves_the_issue_example_ambiguous():
    # 153010221 into 7 cells with the six applicant cells summing to 总计: checked by hand over all 17
    # cuts, only 15+3+0+1+0+2 = 21 and 1+5+3+0+10+2 = 21 hold
    keys = tuple(("requests.received.total", a) for a in APPS)
    row_sum = [x for x in form_identities("fmt2021") if x.id == "T3.2" and x.keys[0] == keys[0]]
    (res,) = solve([RunRow(keys, (("153010221",),))], {}, row_sum)
    assert texts(res.splits) == ["1 5 3 0 10 2 21", "15 3 0 1 0 2 21"]
    assert res.settled(0) is None and res.settled(4) is None
    assert res.settled(5).value == 2 and res.settled(6).value == 21  # other_org and 总计 agree


def test_search_limit_keeps_only_cells_every_row_split_agrees_on():
    a, b = ("x", "a"), ("x", "b")
    rows = [RunRow((a, b), (("111",),)), RunRow((("y", "a"), ("y", "b")), (("111",),))]
    ident = Identity("I", ((a, 1), (("y", "a"), -1)))
    res = solve(rows, {}, [ident], limit=1)
    assert {r.level for r in res} == {"limit"}
    assert all(r.settled(0) is None for r in res)  # 1|11 or 11|1: never picked


# ============================================================ a hand-made 2021 report, joint solve

OWN_T3 = [  # typed for this test; rows satisfy T3.1-T3.3 (checked in the next test)
    ("一、本年新收政府信息公开申请数量", "requests.received.total", [15, 3, 0, 1, 0, 2, 21]),
    ("二、上年结转政府信息公开申请数量", "requests.carryover.in", [2, 0, 0, 0, 0, 0, 2]),
    ("三、本年度办理结果", None, None),
    ("(一)予以公开", "requests.outcome.disclosed", [10, 2, 0, 1, 0, 1, 14]),
    ("(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "requests.outcome.partially_disclosed", [1, 0, 0, 0, 0, 0, 1]),
    ("(三)不予公开", None, None),
    ("1.属于国家秘密", "requests.outcome.withheld.state_secret", [0] * 7),
    ("2.其他法律行政法规禁止公开", "requests.outcome.withheld.prohibited_by_law", [0] * 7),
    ("3.危及“三安全一稳定”", "requests.outcome.withheld.security_stability", [0] * 7),
    ("4.保护第三方合法权益", "requests.outcome.withheld.third_party_rights", [1, 0, 0, 0, 0, 0, 1]),
    ("5.属于三类内部事务信息", "requests.outcome.withheld.internal_affairs", [0] * 7),
    ("6.属于四类过程性信息", "requests.outcome.withheld.process_info", [0, 1, 0, 0, 0, 0, 1]),
    ("7.属于行政执法案卷", "requests.outcome.withheld.enforcement_file", [0] * 7),
    ("8.属于行政查询事项", "requests.outcome.withheld.admin_inquiry", [0] * 7),
    ("(四)无法提供", None, None),
    ("1.本机关不掌握相关政府信息", "requests.outcome.unavailable.not_held", [3, 0, 0, 0, 0, 1, 4]),
    ("2.没有现成信息需要另行制作", "requests.outcome.unavailable.needs_creation", [0] * 7),
    ("3.补正后申请内容仍不明确", "requests.outcome.unavailable.still_unclear", [0] * 7),
    ("(五)不予处理", None, None),
    ("1.信访举报投诉类申请", "requests.outcome.not_processed.petition", [1, 0, 0, 0, 0, 0, 1]),
    ("2.重复申请", "requests.outcome.not_processed.duplicate", [0] * 7),
    ("3.要求提供公开出版物", "requests.outcome.not_processed.publication", [0] * 7),
    ("4.无正当理由大量反复申请", "requests.outcome.not_processed.mass_repetitive", [0] * 7),
    ("5.要求行政机关确认或重新出具已获取信息", "requests.outcome.not_processed.confirm_or_reissue", [0] * 7),
    ("(六)其他处理", None, None),
    ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "requests.outcome.other.no_correction", [0] * 7),
    ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "requests.outcome.other.fee_unpaid", [0] * 7),
    ("3.其他", "requests.outcome.other.other", [0] * 7),
    ("(七)总计", "requests.outcome.total", [16, 3, 0, 1, 0, 2, 22]),
    ("四、结转下年度继续办理", "requests.carryover.out", [1, 0, 0, 0, 0, 0, 1]),
]


def glued_t3(rows) -> str:
    return T3_HEADER + "".join(label + ("".join(map(str, v)) if v else "") for label, _, v in rows)


def own_report(t4_run: str, rows=OWN_T3) -> Document:
    return Document.from_lines(["某某区2021年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况",
                                glued_t3(rows), "四、政府信息公开行政复议、行政诉讼情况", T4_HEADER + t4_run,
                                "五、存在的主要问题及改进情况"], source="own.txt")


def test_own_table_satisfies_the_identities():  # guards the typed table, not the parser
    t = {code: v for _, code, v in OWN_T3 if code}
    for c in range(7):
        leaves = sum(v[c] for code, v in t.items() if code not in (
            "requests.received.total", "requests.carryover.in", "requests.outcome.total", "requests.carryover.out"))
        assert leaves == t["requests.outcome.total"][c]
        assert t["requests.received.total"][c] + t["requests.carryover.in"][c] == \
            t["requests.outcome.total"][c] + t["requests.carryover.out"][c]
    assert all(sum(v[:6]) == v[6] for v in t.values())


def test_table3_is_solved_jointly_where_rows_alone_are_ambiguous():
    doc = own_report("12001133010410001")
    obs, warns = extract_tables(doc, ReportMeta(template="fmt2021"))
    got = by_key(obs)
    for _, code, values in OWN_T3:
        if code:
            for app, v in zip(APPS, values):
                o = got[(code, app)]
                assert (o.value, o.qualifier) == (v, "exact"), (code, app, o.value)
    assert not [w for w in warns if isinstance(w, AmbiguousValueWarning)]
    first = got[("requests.received.total", "natural_person")]
    assert first.raw == "153010221" and "cut from run-together '153010221' as '15'" in first.locator
    assert "T3.1" in first.locator and "T3.2" in first.locator
    assert_provenance(doc.text, obs)
    # the same first row on its own (no other rows to constrain it): two splits, the differing cells NaN
    alone = by_key(extract_tables(Document.from_lines(["本年制发件数", glued_t3(OWN_T3[:1])]),
                                  ReportMeta(template="fmt2021"))[0])
    assert math.isnan(alone[("requests.received.total", "natural_person")].value)
    assert alone[("requests.received.total", "total")].value == 21


def test_table4_run_with_a_unique_split():
    # 1200113 3010 4 10001: the first group can only be 12+0+0+1 = 13 (checked by hand: a = 1, 120
    # or 1200 leaves no cut with a+b+c+d = e; a shorter or longer first group leaves the other two
    # groups unable to add up), then 3+0+1+0 = 4 and 1+0+0+0 = 1
    obs, warns = extract_tables(own_report("12001133010410001"), ReportMeta(template="fmt2021"))
    got = by_key(obs)
    expected = [12, 0, 0, 1, 13, 3, 0, 1, 0, 4, 1, 0, 0, 0, 1]
    assert [got[(c, None)].value for c in T4_CODES] == expected
    assert all(got[(c, None)].qualifier == "exact" for c in T4_CODES)
    assert "identities: T4.1" in got[("review.total", None)].locator


def test_table4_run_built_to_be_ambiguous_gives_nan_and_the_candidates():
    # 1210114…: 12+1+0+1 = 14 and 1+2+10+1 = 14 both hold, so 维持/纠正/其他 of 行政复议 stay open
    obs, warns = extract_tables(own_report("12101143010410001"), ReportMeta(template="fmt2021"))
    got = by_key(obs)
    for c in T4_CODES[:3]:
        assert math.isnan(got[(c, None)].value) and got[(c, None)].qualifier == "ambiguous"
    assert [got[(c, None)].value for c in T4_CODES[3:]] == [1, 14, 3, 0, 1, 0, 4, 1, 0, 0, 0, 1]
    (w,) = [w for w in warns if isinstance(w, AmbiguousValueWarning)]
    assert "own.txt" in str(w) and "12 1 0 1 14" in str(w) and "1 2 10 1 14" in str(w)


def test_rows_ambiguous_even_jointly_stay_nan():
    # 新收 and (七)总计 both printed 153010221, carry-overs 0, no outcome rows: T3.1 (新收 = 总计 per
    # column) holds for both readings of both rows, so only other_org (2) and 总计 (21) are settled
    rows = [("一、本年新收政府信息公开申请数量", "requests.received.total", [15, 3, 0, 1, 0, 2, 21]),
            ("二、上年结转政府信息公开申请数量", "requests.carryover.in", [0] * 7),
            ("(七)总计", "requests.outcome.total", [15, 3, 0, 1, 0, 2, 21]),
            ("四、结转下年度继续办理", "requests.carryover.out", [0] * 7)]
    obs, warns = extract_tables(Document.from_lines(["本年制发件数", glued_t3(rows)], source="amb.txt"),
                                ReportMeta(template="fmt2021"))
    got = by_key(obs)
    for code in ("requests.received.total", "requests.outcome.total"):
        for app in APPS[:5]:
            assert math.isnan(got[(code, app)].value) and got[(code, app)].qualifier == "ambiguous"
        assert got[(code, "other_org")].value == 2 and got[(code, "total")].value == 21
    msgs = [str(w) for w in warns if isinstance(w, AmbiguousValueWarning)]
    assert len(msgs) == 2 and all("15 3 0 1 0 2 21" in m and "1 5 3 0 10 2 21" in m for m in msgs)


def test_figures_that_break_an_identity_fall_back_to_row_by_row():
    # (七)总计 printed 7 (typo for 8): no reading satisfies T3.1, each row has one split of its own
    rows = [("一、本年新收政府信息公开申请数量", None, [8, 0, 0, 0, 0, 0, 8]),
            ("二、上年结转政府信息公开申请数量", None, [0] * 7),
            ("(七)总计", None, [7, 0, 0, 0, 0, 0, 7]),
            ("四、结转下年度继续办理", None, [0] * 7)]
    obs, warns = extract_tables(Document.from_lines(["本年制发件数", glued_t3(rows)], source="bad.txt"),
                                ReportMeta(template="fmt2021"))
    got = by_key(obs)
    assert got[("requests.received.total", "total")].value == 8
    assert got[("requests.outcome.total", "total")].value == 7
    assert "split row" in got[("requests.outcome.total", "total")].locator
    assert any("no split of the run-together rows satisfies every identity" in str(w) for w in warns)


# ============================================================ labels glued to the previous digits

def test_ordinal_glued_to_digits_with_and_without_its_dot():
    rows = ["1.属于国家秘密0000000", "2.其他法律行政法规禁止公开1000001"]
    for joined in ("".join(rows), "1.属于国家秘密0000000" + "2其他法律行政法规禁止公开1000001"):
        # without the dot, "00000002" (8 digits) has no cut into 7 cells, so the 2 is the ordinal
        obs, _ = extract_tables(Document.from_lines(["本年制发件数", "(三)不予公开" + joined]),
                                ReportMeta(template="fmt2021"))
        got = by_key(obs)
        assert [got[("requests.outcome.withheld.state_secret", a)].value for a in APPS] == [0] * 7
        assert [got[("requests.outcome.withheld.prohibited_by_law", a)].value for a in APPS] == [1, 0, 0, 0, 0, 0, 1]


def test_old_table_channels_decide_whether_a_digit_is_the_next_ordinal():
    # typed: 收到申请数 12 = 当面 3 + 传真 0 + 网络 8 + 信函 1, each ordinal printed without its dot;
    # 121/32/03/84 could end in the next row's ordinal 1/2/3/4: only 12 = 3+0+8+1 holds
    # (121 or 32 or 84 kept whole breaks O3.1; "03" kept whole has a leading zero)
    line = "三、依申请公开情况—(一)收到申请数件121当面申请数件32传真申请数件03网络申请数件84信函申请数件1"
    obs, warns = extract_tables(Document.from_lines(["政府信息公开情况统计表", "统计指标单位统计数" + line]),
                                ReportMeta(template="old"))
    got = {o.code: o for o in obs}
    assert [got[c].value for c in ("requests.received.total", "requests.received.channel.in_person",
                                   "requests.received.channel.fax", "requests.received.channel.online",
                                   "requests.received.channel.letter")] == [12, 3, 0, 8, 1]
    assert "O3.1" in got["requests.received.total"].locator
    # without the channels there is nothing to tell 12 (ordinal 1) from 121: NaN and a warning
    alone = "三、依申请公开情况—(一)收到申请数件121当面申请数件3"
    obs, warns = extract_tables(Document.from_lines(["政府信息公开情况统计表", "统计指标单位统计数" + alone]),
                                ReportMeta(template="old"))
    got = {o.code: o for o in obs}
    assert math.isnan(got["requests.received.total"].value)
    assert got["requests.received.total"].qualifier == "ambiguous"
    assert got["requests.received.channel.in_person"].value == 3
    assert any(isinstance(w, AmbiguousValueWarning) and "121" in str(w) for w in warns)


def test_prose_that_names_labels_is_not_read_as_a_table():
    doc = Document.from_lines(["全年制发规章3件,行政规范性文件12件,行政许可办理22212件。",
                               "行政处罚3375件,行政强制685件,均已公开。"], source="p.txt")
    assert extract_tables(doc, ReportMeta(template="fmt2021")) == ([], [])


# ============================================================ the samples' tables run together

XILINHOT_T2 = {  # data/sample/xilinhot_2021.txt lines 37-85
    "active.regulations.issued": 0, "active.regulations.repealed": 0, "active.regulations.in_force": 0,  # l.39-43
    "active.normative_docs.issued": 0, "active.normative_docs.repealed": 0,
    "active.normative_docs.in_force": 0,  # l.47-51
    "active.licensing.decisions": 22212,  # l.61
    "active.penalties.decisions": 3375, "active.coercion.decisions": 685,  # l.71, 75
    "active.admin_fees.amount": 81123.958785,  # l.85
}
XILINHOT_T3_NONZERO = {  # every other Table 3 cell prints 0 (lines 113-521)
    "requests.received.total": [8, 0, 0, 0, 0, 0, 8],  # l.113-127
    "requests.outcome.disclosed": [8, 0, 0, 0, 0, 0, 8],  # l.147-161
    "requests.outcome.total": [8, 0, 0, 0, 0, 0, 8],  # l.491-505
}


def test_xilinhot_tables_run_together_every_cell():
    r = gikit.load_report(FIX / "xilinhot_2021_glued.txt", warn=False)
    df = table_frame(r)
    assert len(df) == len(XILINHOT_T2) + 25 * 7 + 15
    assert set(df["qualifier"]) == {"exact"}
    val = {(c, a if a == a else None): v for c, a, v in zip(df["code"], df["applicant"], df["value"])}
    for code, v in XILINHOT_T2.items():
        assert val[(code, None)] == pytest.approx(v), code
    for code in {c for c in df["code"] if c.startswith("requests.")}:
        assert [val[(code, a)] for a in APPS] == XILINHOT_T3_NONZERO.get(code, [0] * 7), code
    assert [val[(c, None)] for c in T4_CODES] == [0] * 15  # l.574-600
    assert not [w for w in r.warnings if isinstance(w, TableWarning)]
    a, b = span_of(df[df["code"] == "active.regulations.issued"]["locator"].iloc[0])
    assert r.text[a:b] == "000"  # 规章000: the run after the label


HOHHOT_EXACT = {  # data/sample/hohhot-etdz_2017.txt, value cells of lines 33-266
    "active.items.total": 48, "active.normative_docs.published": 48, "active.normative_docs.issued_legacy": 48,
    "active.items.channel.website": 1111, "active.items.channel.weibo": 1436,  # l.50, 53
    "active.items.channel.weixin": 1736, "response.hotspots.total": 8,  # l.56, 65
    "response.interpretation_articles": 6, "response.weibo_weixin_events": 8,  # l.83, 86
    "capacity.dedicated_units": 1, "capacity.reading_points": 1, "capacity.staff.total": 48,
    "capacity.staff.full_time": 3, "capacity.staff.part_time": 45,  # l.197-209
    "training.meetings": 2, "training.classes": 0, "training.trainees": 6,  # l.218-224
    "ext.nm2017.portal.online_services": 0, "ext.nm2017.portal.linked_approval_system": 0,  # 否
    "ext.nm2017.portal.linked_e_supervision": 0, "ext.nm2017.services.center_colocated_trading": 0,
    "ext.nm2017.services.center_has_e_supervision": 0,
}
HOHHOT_BLANK = ["active.items.channel.other", "response.press_conferences.total",
                "response.press_conferences.principal", "response.online_interviews.total",
                "response.online_interviews.principal", "response.other_events", "capacity.special_funds",
                "ext.nm2017.portal.online_services_content"]


def test_hohhot_old_table_run_together_every_cell():
    r = gikit.load_report(FIX / "hohhot-etdz_2017_glued.txt", warn=False)
    df = table_frame(r)
    got = {c: (v, q) for c, v, q in zip(df["code"], df["value"], df["qualifier"])}
    assert len(df) == 78 == len(got)
    for code, v in HOHHOT_EXACT.items():
        assert got[code] == (v, "exact"), code
    for code in HOHHOT_BLANK:
        assert math.isnan(got[code][0]) and got[code][1] == "blank", code
    wu = [c for c in got if c not in HOHHOT_EXACT and c not in HOHHOT_BLANK]
    assert len(wu) == 48 and all(got[c] == (0, "zero_word") for c in wu)  # the 48 cells printed 无
    assert df[df["code"] == "fees.request_cost_recovery"]["unit"].iloc[0] == codes.unit("fees.request_cost_recovery")


DONGNING = {  # data/sample/dongning_2016.txt
    "active.items.total": 7123, "active.normative_docs.published": 3,  # l.31, 37
    "active.normative_docs.issued_legacy": 3, "active.items.channel.website": 5968,  # l.41, 45 (printed 1.)
    "active.items.channel.weibo": 15, "active.items.channel.weixin": 12, "active.items.channel.other": 1128,
    "ext.hl2016.keyareas.budget_depts": 172, "ext.hl2016.keyareas.final_accounts_depts": 172,  # l.83, 89
    "ext.hl2016.keyareas.random_inspection_lists": 10, "ext.hl2016.keyareas.market_enforcement": 33,
    "ext.hl2016.keyareas.major_projects": 45, "ext.hl2016.keyareas.environment": 35,
    "ext.hl2016.keyareas.tax_fee_cuts": 13, "ext.hl2016.keyareas.poverty_alleviation": 35,
    "ext.hl2016.keyareas.social_assistance": 28, "ext.hl2016.keyareas.employment": 38,
    "ext.hl2016.keyareas.housing": 26, "ext.hl2016.keyareas.health": 28,  # l.155, 159
}


def test_dongning_tables_run_together_every_cell():
    # 制发规范性文件总数31.政府网站… : the renumbered ordinal 1. is not part of the value 3
    r = gikit.load_report(FIX / "dongning_2016_glued.txt", warn=False)
    df = table_frame(r)
    assert dict(zip(df["code"], df["value"])) == DONGNING
    assert set(df["qualifier"]) == {"exact"}
    assert_provenance(r.text, [gikit.observations.Observation(**row) for row in df.to_dict("records")])


FULL_T3 = {  # tests/fixtures/tables/fmt2019_full.html, values as typed into that fixture
    "requests.received.total": [50, 6, 0, 1, 2, 1, 60], "requests.carryover.in": [4, 1, 0, 0, 0, 0, 5],
    "requests.outcome.disclosed": [20, 3, 0, 0, 1, 0, 24],
    "requests.outcome.partially_disclosed": [5, 0, 0, 0, 0, 1, 6],
    "requests.outcome.withheld.state_secret": [1, 0, 0, 0, 0, 0, 1],
    "requests.outcome.withheld.third_party_rights": [2, 0, 0, 0, 0, 0, 2],
    "requests.outcome.withheld.process_info": [1, 1, 0, 0, 0, 0, 2],
    "requests.outcome.unavailable.not_held": [10, 1, 0, 0, 0, 0, 11],
    "requests.outcome.unavailable.needs_creation": [2, 0, 0, 0, 0, 0, 2],
    "requests.outcome.unavailable.still_unclear": [1, 0, 0, 0, 0, 0, 1],
    "requests.outcome.not_processed.petition": [3, 0, 0, 0, 0, 0, 3],
    "requests.outcome.not_processed.duplicate": [2, 0, 0, 0, 0, 0, 2],
    "requests.outcome.not_processed.confirm_or_reissue": [1, 0, 0, 0, 0, 0, 1],
    "requests.outcome.other.total": [1, 0, 0, 1, 0, 0, 2], "requests.outcome.total": [49, 5, 0, 1, 1, 1, 57],
    "requests.carryover.out": [5, 2, 0, 0, 1, 0, 8],
}  # the other seven rows print 0 in every column
FULL_T4 = [2, 1, 0, 1, 4, 1, 0, 1, 0, 2, 0, 1, 0, 0, 1]


def test_own_2019_report_run_together():
    r = gikit.load_report(FIX / "fmt2019_glued.txt", warn=False)
    assert r.meta.template == "fmt2019"
    df = table_frame(r)
    t3 = df[df["code"].str.startswith("requests.")]
    assert len(t3) == 23 * 7 and set(t3["qualifier"]) == {"exact"}
    for code in set(t3["code"]):
        got = [t3[(t3["code"] == code) & (t3["applicant"] == a)]["value"].iloc[0] for a in APPS]
        assert got == FULL_T3.get(code, [0] * 7), code
    assert [df[df["code"] == c]["value"].iloc[0] for c in T4_CODES] == FULL_T4
    # Table 2 has no identities: only runs with a single cut are read (规章 005; 行政事业性收费 12-1,
    # the sign starts a cell); 3340, 1211130, 120+53,000, 80-21500, 600200, 10115, 7251000元 all cut
    # several ways, so their cells are NaN
    t2 = df[df["code"].str.startswith(("active.", "ext."))]
    exact = dict(zip(t2[t2["qualifier"] == "exact"]["code"], t2[t2["qualifier"] == "exact"]["value"]))
    assert exact == {"active.regulations.made_2019": 0, "active.regulations.published_new_2019": 0,
                     "active.regulations.public_total_2019": 5, "active.admin_fees.items_prev_year": 12,
                     "active.admin_fees.items_change": -1}
    # 22 cells of the form plus the three of the Hubei row 其他主动公开文件; 20 = 6 runs × 3 cells + 采购 × 2
    assert len(t2) == 25 and (t2["qualifier"] == "ambiguous").sum() == 20 and t2["value"].isna().sum() == 20
    msgs = " ".join(str(w) for w in r.warnings if isinstance(w, AmbiguousValueWarning))
    assert "3 3 40; 3 34 0; 33 4 0" in msgs and "80 -2 1500" in msgs
