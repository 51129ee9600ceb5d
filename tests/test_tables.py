"""Statistical tables: every cell of the bundled samples and of hand-written table variants.

Expected values are typed from the report text (the line numbers of the sample files are given)
or, for hand-made fixtures, are the values typed into the fixture.
"""
from __future__ import annotations

import math
import warnings

import pytest

import gikit
from gikit.document import Document
from gikit.exceptions import AmbiguousValueWarning, TableWarning
from gikit.meta import ReportMeta
from gikit.normalize import N
from gikit.observations import span_of
from gikit.tables import extract_tables

from pathlib import Path

FIX = Path(__file__).resolve().parent / "fixtures" / "tables"
APPLICANTS = ["natural_person", "commercial_enterprise", "research_institution", "social_welfare_org",
              "legal_service_org", "other_org", "total"]


def table_obs(report):
    df = report.indicators
    return df[df["source"] == "table"]


def cell(report, code, applicant=None):
    df = table_obs(report)
    rows = df[(df["code"] == code) & (df["applicant"].isna() if applicant is None else df["applicant"] == applicant)]
    assert len(rows) == 1, (code, applicant, len(rows))
    return rows.iloc[0]


def assert_cell(report, code, applicant, value, unit, qualifier):
    row = cell(report, code, applicant)
    if value is None:
        assert math.isnan(row["value"]), (code, applicant, row["value"])
    else:
        assert row["value"] == pytest.approx(value), (code, applicant)
    assert row["unit"] == unit, (code, row["unit"])
    assert row["qualifier"] == qualifier, (code, applicant, row["qualifier"])


def assert_provenance(report):
    for row in table_obs(report).itertuples():
        span = span_of(row.locator)
        if row.qualifier == "ambiguous":
            continue
        assert span is not None, row.locator
        assert report.text[span[0]:span[1]] == row.raw, (row.code, row.locator)


# ============================================================ Xilinhot 2021 (fmt2021, one cell per line)

# data/sample/xilinhot_2021.txt lines 37-85 (Table 2)
XILINHOT_T2 = {
    "active.regulations.issued": 0, "active.regulations.repealed": 0, "active.regulations.in_force": 0,  # l.39-43
    "active.normative_docs.issued": 0, "active.normative_docs.repealed": 0,  # l.47, 49
    "active.normative_docs.in_force": 0,  # l.51
    "active.licensing.decisions": 22212,  # l.61
    "active.penalties.decisions": 3375,  # l.71
    "active.coercion.decisions": 685,  # l.75
}
# lines 113-521 (Table 3): only these rows hold non-zero cells; every other cell prints 0
XILINHOT_T3_NONZERO = {
    "requests.received.total": [8, 0, 0, 0, 0, 0, 8],  # l.113-127
    "requests.outcome.disclosed": [8, 0, 0, 0, 0, 0, 8],  # l.147-161
    "requests.outcome.total": [8, 0, 0, 0, 0, 0, 8],  # l.491-505
}
T3_ROWS_2021 = [
    "requests.received.total", "requests.carryover.in", "requests.outcome.disclosed",
    "requests.outcome.partially_disclosed", "requests.outcome.withheld.state_secret",
    "requests.outcome.withheld.prohibited_by_law", "requests.outcome.withheld.security_stability",
    "requests.outcome.withheld.third_party_rights", "requests.outcome.withheld.internal_affairs",
    "requests.outcome.withheld.process_info", "requests.outcome.withheld.enforcement_file",
    "requests.outcome.withheld.admin_inquiry", "requests.outcome.unavailable.not_held",
    "requests.outcome.unavailable.needs_creation", "requests.outcome.unavailable.still_unclear",
    "requests.outcome.not_processed.petition", "requests.outcome.not_processed.duplicate",
    "requests.outcome.not_processed.publication", "requests.outcome.not_processed.mass_repetitive",
    "requests.outcome.not_processed.confirm_or_reissue", "requests.outcome.other.no_correction",
    "requests.outcome.other.fee_unpaid", "requests.outcome.other.other", "requests.outcome.total",
    "requests.carryover.out",
]
T4_CODES = ["review.upheld", "review.corrected", "review.other", "review.pending", "review.total",
            "litigation.direct.upheld", "litigation.direct.corrected", "litigation.direct.other",
            "litigation.direct.pending", "litigation.direct.total", "litigation.after_review.upheld",
            "litigation.after_review.corrected", "litigation.after_review.other",
            "litigation.after_review.pending", "litigation.after_review.total"]


def test_xilinhot_every_cell(samples):
    r = samples["xilinhot-2021"]
    assert r.meta.template == "fmt2021"
    for code, v in XILINHOT_T2.items():
        assert_cell(r, code, None, v, "doc" if "regulations" in code or "normative" in code else "case", "exact")
    # l.81-85: 本年收费金额(单位:万元) 81123.958785, kept as printed
    assert_cell(r, "active.admin_fees.amount", None, 81123.958785, "wan_yuan", "exact")
    assert cell(r, "active.admin_fees.amount")["raw"] == "81123.958785"
    for code in T3_ROWS_2021:
        expected = XILINHOT_T3_NONZERO.get(code, [0] * 7)
        for app, v in zip(APPLICANTS, expected):
            assert_cell(r, code, app, v, "case", "exact")
    for code in T4_CODES:  # l.574-602: fifteen 0
        assert_cell(r, code, None, 0, "case", "exact")
    assert len(table_obs(r)) == 10 + 25 * 7 + 15
    assert not [w for w in r.warnings if isinstance(w, TableWarning)]
    assert_provenance(r)


def test_xilinhot_split_header_column_labels(samples):
    # header words 商业/企业 (l.99-101) are split; the column label is rebuilt from the form
    loc = cell(samples["xilinhot-2021"], "requests.received.total", "commercial_enterprise")["locator"]
    assert "商业企业" in loc and "row 一、本年新收政府信息公开申请数量" in loc


# ============================================================ Hohhot ETDZ 2017 (old, pipe text, duplicated page)

# data/sample/hohhot-etdz_2017.txt lines 30-290; (value, qualifier); None = blank cell
HOHHOT = {
    "active.items.total": (48, "exact"),  # l.33-35
    "active.normative_docs.published": (48, "exact"),  # l.36-38
    "active.normative_docs.issued_legacy": (48, "exact"),  # l.39-41
    "active.items.channel.gazette": (0, "zero_word"),  # l.45-47 无
    "active.items.channel.website": (1111, "exact"),  # l.48-50
    "active.items.channel.weibo": (1436, "exact"),  # l.51-53
    "active.items.channel.weixin": (1736, "exact"),  # l.54-56
    "active.items.channel.other": (None, "blank"),  # l.57-59
    "response.hotspots.total": (8, "exact"),  # l.63-65
    "response.press_conferences.total": (None, "blank"),  # l.69-71
    "response.press_conferences.principal": (None, "blank"),  # l.72-74
    "response.online_interviews.total": (None, "blank"),  # l.75-77
    "response.online_interviews.principal": (None, "blank"),  # l.78-80
    "response.interpretation_articles": (6, "exact"),  # l.81-83
    "response.weibo_weixin_events": (8, "exact"),  # l.84-86
    "response.other_events": (None, "blank"),  # l.87-89
    "capacity.dedicated_units": (1, "exact"),  # l.195-197
    "capacity.reading_points": (1, "exact"),  # l.198-200
    "capacity.staff.total": (48, "exact"),  # l.201-203
    "capacity.staff.full_time": (3, "exact"),  # l.204-206
    "capacity.staff.part_time": (45, "exact"),  # l.207-209
    "capacity.special_funds": (None, "blank"),  # l.210-212
    "training.meetings": (2, "exact"),  # l.216-218
    "training.classes": (0, "exact"),  # l.219-221
    "training.trainees": (6, "exact"),  # l.222-224
    "ext.nm2017.portal.online_services": (0, "exact"),  # l.228-230 否
    "ext.nm2017.portal.linked_approval_system": (0, "exact"),  # l.234-236 否
    "ext.nm2017.portal.linked_e_supervision": (0, "exact"),  # l.237-239 否
    "ext.nm2017.services.center_colocated_trading": (0, "exact"),  # l.261-263 否
    "ext.nm2017.services.center_has_e_supervision": (0, "exact"),  # l.264-266 否
    "ext.nm2017.portal.online_services_content": (None, "blank"),  # l.231-233 (no unit, no value)
}
# rows printing 无 (zero_word): l.93-161 (requests), 162-191 (review..fees), 243-290 (Inner Mongolia)
HOHHOT_WU = [
    "requests.received.total", "requests.received.channel.in_person", "requests.received.channel.fax",
    "requests.received.channel.online", "requests.received.channel.letter", "requests.closed.total",
    "requests.closed.on_time", "requests.closed.extended", "requests.outcome.total",
    "requests.outcome.legacy.already_public", "requests.outcome.legacy.agreed",
    "requests.outcome.partially_disclosed", "requests.outcome.legacy.refused.total",
    "requests.outcome.withheld.state_secret", "requests.outcome.legacy.refused.commercial_secret",
    "requests.outcome.legacy.refused.personal_privacy", "requests.outcome.withheld.security_stability",
    "requests.outcome.legacy.refused.not_gov_info", "requests.outcome.legacy.refused.other_legal",
    "requests.outcome.legacy.not_this_agency", "requests.outcome.legacy.not_exist",
    "requests.outcome.legacy.needs_amendment", "requests.outcome.legacy.other_channel",
    "review.total", "review.upheld", "review.corrected", "review.other_legacy", "litigation.total",
    "litigation.upheld", "litigation.corrected", "litigation.other_legacy", "complaints.total",
    "fees.request_cost_recovery",
    "ext.nm2017.services.approval_items.total", "ext.nm2017.services.approval_items.licensing",
    "ext.nm2017.services.approval_items.non_licensing", "ext.nm2017.services.in_center.total",
    "ext.nm2017.services.in_center.licensing", "ext.nm2017.services.in_center.non_licensing",
    "ext.nm2017.services.county_centers.built", "ext.nm2017.services.county_centers.under_construction",
    "ext.nm2017.services.county_centers.not_built", "ext.nm2017.services.county_centers.with_e_supervision",
    "ext.nm2017.services.townships.total", "ext.nm2017.services.townships.with_service_center",
    "ext.nm2017.services.villages.total", "ext.nm2017.services.villages.with_agency_point",
]


def test_hohhot_every_cell(samples):
    r = samples["hohhot-etdz-2017"]
    from gikit import codes
    for code, (v, q) in HOHHOT.items():
        app = "total" if code.startswith("requests.") else None
        assert_cell(r, code, app, v, codes.unit(code), q)
    for code in HOHHOT_WU:
        app = "total" if code.startswith("requests.") else None
        assert_cell(r, code, app, 0, codes.unit(code), "zero_word")
    assert len(table_obs(r)) == len(HOHHOT) + len(HOHHOT_WU) == 78
    assert cell(r, "ext.nm2017.portal.online_services")["unit"] == "bool"
    assert_provenance(r)
    # the page is printed twice (SPEC D9); the reader keeps one copy, so no duplicate-row warning
    assert not [w for w in r.warnings if isinstance(w, TableWarning)]


# ============================================================ Dongning 2016 (old partial + Heilongjiang)

DONGNING = {  # data/sample/dongning_2016.txt
    "active.items.total": 7123,  # l.29-31
    "active.normative_docs.published": 3,  # l.35-37
    "active.normative_docs.issued_legacy": 3,  # l.39-41
    "active.items.channel.website": 5968,  # l.43-45 (renumbered 1.)
    "active.items.channel.weibo": 15,  # l.47-49
    "active.items.channel.weixin": 12,  # l.51-53
    "active.items.channel.other": 1128,  # l.55-57
    "ext.hl2016.keyareas.budget_depts": 172,  # l.79-83
    "ext.hl2016.keyareas.final_accounts_depts": 172,  # l.85-89
    "ext.hl2016.keyareas.random_inspection_lists": 10,  # l.97-101
    "ext.hl2016.keyareas.market_enforcement": 33,  # l.103-107
    "ext.hl2016.keyareas.major_projects": 45,  # l.115-119
    "ext.hl2016.keyareas.environment": 35,  # l.121-125
    "ext.hl2016.keyareas.tax_fee_cuts": 13,  # l.127-131
    "ext.hl2016.keyareas.poverty_alleviation": 35,  # l.133-137
    "ext.hl2016.keyareas.social_assistance": 28,  # l.139-143
    "ext.hl2016.keyareas.employment": 38,  # l.145-149
    "ext.hl2016.keyareas.housing": 26,  # l.151-155
    "ext.hl2016.keyareas.health": 28,  # l.157-159 (no unit cell)
}


def test_dongning_every_cell(samples):
    r = samples["dongning-2016"]
    from gikit import codes
    for code, v in DONGNING.items():
        assert_cell(r, code, None, v, codes.unit(code), "exact")
    assert len(table_obs(r)) == len(DONGNING)
    assert "active.items.channel.gazette" not in set(table_obs(r)["code"])  # row not printed
    assert "ref_year 2016" in cell(r, "ext.hl2016.keyareas.budget_depts")["locator"]
    assert "ref_year 2015" in cell(r, "ext.hl2016.keyareas.final_accounts_depts")["locator"]
    assert_provenance(r)


def test_prose_only_samples_have_no_table_figures(samples):
    for sid in ("ordos-2017", "qiqihar-2018"):
        assert table_obs(samples[sid]).empty


# ============================================================ hand-written fmt2019 report (HTML, Hubei labels)

FULL_T3 = {  # tests/fixtures/tables/fmt2019_full.html, values as typed into the fixture
    "requests.received.total": [50, 6, 0, 1, 2, 1, 60],
    "requests.carryover.in": [4, 1, 0, 0, 0, 0, 5],
    "requests.outcome.disclosed": [20, 3, 0, 0, 1, 0, 24],
    "requests.outcome.partially_disclosed": [5, 0, 0, 0, 0, 1, 6],
    "requests.outcome.withheld.state_secret": [1, 0, 0, 0, 0, 0, 1],
    "requests.outcome.withheld.prohibited_by_law": [0] * 7,
    "requests.outcome.withheld.security_stability": [0] * 7,
    "requests.outcome.withheld.third_party_rights": [2, 0, 0, 0, 0, 0, 2],
    "requests.outcome.withheld.internal_affairs": [0] * 7,
    "requests.outcome.withheld.process_info": [1, 1, 0, 0, 0, 0, 2],
    "requests.outcome.withheld.enforcement_file": [0] * 7,
    "requests.outcome.withheld.admin_inquiry": [0] * 7,
    "requests.outcome.unavailable.not_held": [10, 1, 0, 0, 0, 0, 11],
    "requests.outcome.unavailable.needs_creation": [2, 0, 0, 0, 0, 0, 2],
    "requests.outcome.unavailable.still_unclear": [1, 0, 0, 0, 0, 0, 1],
    "requests.outcome.not_processed.petition": [3, 0, 0, 0, 0, 0, 3],
    "requests.outcome.not_processed.duplicate": [2, 0, 0, 0, 0, 0, 2],
    "requests.outcome.not_processed.publication": [0] * 7,
    "requests.outcome.not_processed.mass_repetitive": [0] * 7,
    "requests.outcome.not_processed.confirm_or_reissue": [1, 0, 0, 0, 0, 0, 1],
    "requests.outcome.other.total": [1, 0, 0, 1, 0, 0, 2],
    "requests.outcome.total": [49, 5, 0, 1, 1, 1, 57],
    "requests.carryover.out": [5, 2, 0, 0, 1, 0, 8],
}
FULL_T2 = {
    "active.regulations.made_2019": (0, "doc"), "active.regulations.published_new_2019": (0, "doc"),
    "active.regulations.public_total_2019": (5, "doc"), "active.normative_docs.made_2019": (3, "doc"),
    "active.normative_docs.published_new_2019": (3, "doc"),
    "active.normative_docs.public_total_2019": (40, "doc"),
    "ext.hb2020.active.other_docs.made": (12, "doc"), "ext.hb2020.active.other_docs.published_new": (11, "doc"),
    "ext.hb2020.active.other_docs.public_total": (130, "doc"),
    "active.licensing.items_prev_year": (120, "unit"), "active.licensing.items_change": (5, "unit"),
    "active.licensing.decisions": (3000, "case"),
    "active.other_admin_services.items_prev_year": (80, "unit"),
    "active.other_admin_services.items_change": (-2, "unit"),
    "active.other_admin_services.decisions": (1500, "case"),
    "active.penalties.items_prev_year": (60, "unit"), "active.penalties.items_change": (0, "unit"),
    "active.penalties.decisions": (200, "case"), "active.coercion.items_prev_year": (10, "unit"),
    "active.coercion.items_change": (1, "unit"), "active.coercion.decisions": (15, "case"),
    "active.admin_fees.items_prev_year": (12, "unit"), "active.admin_fees.items_change": (-1, "unit"),
    "active.procurement.projects": (7, "unit"),
    "active.procurement.amount": (25.1, "wan_yuan"),  # 251000元 → 25.1 万元
}
FULL_T4 = [2, 1, 0, 1, 4, 1, 0, 1, 0, 2, 0, 1, 0, 0, 1]


@pytest.fixture(scope="module")
def full2019():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return gikit.load_report(FIX / "fmt2019_full.html")


def test_full_2019_report_every_cell(full2019):
    r = full2019
    assert r.meta.template == "fmt2019"
    for code, (v, unit) in FULL_T2.items():
        assert_cell(r, code, None, v, unit, "exact")
    for code, values in FULL_T3.items():
        for app, v in zip(APPLICANTS, values):
            assert_cell(r, code, app, v, "case", "exact")
    for code, v in zip(T4_CODES, FULL_T4):
        assert_cell(r, code, None, v, "case", "exact")
    assert len(table_obs(r)) == len(FULL_T2) + 23 * 7 + 15
    assert not [w for w in r.warnings if isinstance(w, TableWarning)]
    assert_provenance(r)


def test_full_2019_identities_hold_in_the_fixture():
    # the fixture's own numbers satisfy SPEC §8 T3.1-T3.3 (guards the fixture, not the parser)
    t = FULL_T3
    for c in range(7):
        leaves = [v[c] for k, v in t.items() if k not in (
            "requests.received.total", "requests.carryover.in", "requests.outcome.total", "requests.carryover.out")]
        assert sum(leaves) == t["requests.outcome.total"][c]
        assert t["requests.received.total"][c] + t["requests.carryover.in"][c] == \
            t["requests.outcome.total"][c] + t["requests.carryover.out"][c]
    for v in t.values():
        assert sum(v[:6]) == v[6]


# ============================================================ layouts: one table, three shapes

T3_LABELS = [  # fmt2021 Table 3 labels, as printed (SPEC §5.2)
    ("一、本年新收政府信息公开申请数量", "requests.received.total"),
    ("二、上年结转政府信息公开申请数量", "requests.carryover.in"),
    ("三、本年度办理结果", None),
    ("(一)予以公开", "requests.outcome.disclosed"),
    ("(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "requests.outcome.partially_disclosed"),
    ("(三)不予公开", None),
    ("1.属于国家秘密", "requests.outcome.withheld.state_secret"),
    ("2.其他法律行政法规禁止公开", "requests.outcome.withheld.prohibited_by_law"),
    ("3.危及“三安全一稳定”", "requests.outcome.withheld.security_stability"),
    ("4.保护第三方合法权益", "requests.outcome.withheld.third_party_rights"),
    ("5.属于三类内部事务信息", "requests.outcome.withheld.internal_affairs"),
    ("6.属于四类过程性信息", "requests.outcome.withheld.process_info"),
    ("7.属于行政执法案卷", "requests.outcome.withheld.enforcement_file"),
    ("8.属于行政查询事项", "requests.outcome.withheld.admin_inquiry"),
    ("(四)无法提供", None),
    ("1.本机关不掌握相关政府信息", "requests.outcome.unavailable.not_held"),
    ("2.没有现成信息需要另行制作", "requests.outcome.unavailable.needs_creation"),
    ("3.补正后申请内容仍不明确", "requests.outcome.unavailable.still_unclear"),
    ("(五)不予处理", None),
    ("1.信访举报投诉类申请", "requests.outcome.not_processed.petition"),
    ("2.重复申请", "requests.outcome.not_processed.duplicate"),
    ("3.要求提供公开出版物", "requests.outcome.not_processed.publication"),
    ("4.无正当理由大量反复申请", "requests.outcome.not_processed.mass_repetitive"),
    ("5.要求行政机关确认或重新出具已获取信息", "requests.outcome.not_processed.confirm_or_reissue"),
    ("(六)其他处理", None),
    ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "requests.outcome.other.no_correction"),
    ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "requests.outcome.other.fee_unpaid"),
    ("3.其他", "requests.outcome.other.other"),
    ("(七)总计", "requests.outcome.total"),
    ("四、结转下年度继续办理", "requests.carryover.out"),
]
# typed values: 无 and — cells in row 2, a blank cell in the 总计 column of row 4 (HTML/pipe only)
T3_VALUES = {
    "requests.received.total": ["12", "3", "0", "0", "1", "0", "16"],
    "requests.carryover.in": ["无", "—", "0", "0", "0", "0", "0"],
    "requests.outcome.disclosed": ["6", "1", "0", "0", "0", "0", "7"],
    "requests.outcome.partially_disclosed": ["2", "0", "0", "0", "0", "0", ""],
    "requests.outcome.unavailable.not_held": ["3", "1", "0", "0", "1", "0", "5"],
    "requests.outcome.total": ["11", "2", "0", "0", "1", "0", "14"],
    "requests.carryover.out": ["1", "1", "0", "0", "0", "0", "2"],
}
HEADER_2021 = ["(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "申请人情况", "自然人",
               "法人或其他组织", "总计", "商业", "企业", "科研", "机构", "社会公益组织", "法律服务机构", "其他"]
T2_2021 = ["第二十条第(一)项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数",
           "规章", "1", "0", "3", "行政规范性文件", "4", "2", "20",
           "第二十条第(五)项", "信息内容", "本年处理决定数量", "行政许可", "1,205",
           "第二十条第(六)项", "信息内容", "本年处理决定数量", "行政处罚", "88", "行政强制", "-",
           "第二十条第(八)项", "信息内容", "本年收费金额(单位:万元)", "行政事业性收费", "12.5"]
T2_2021_EXPECTED = {"active.regulations.issued": (1, "exact"), "active.regulations.repealed": (0, "exact"),
                    "active.regulations.in_force": (3, "exact"), "active.normative_docs.issued": (4, "exact"),
                    "active.normative_docs.repealed": (2, "exact"), "active.normative_docs.in_force": (20, "exact"),
                    "active.licensing.decisions": (1205, "exact"), "active.penalties.decisions": (88, "exact"),
                    "active.coercion.decisions": (0, "dash"), "active.admin_fees.amount": (12.5, "exact")}
T4_VALUES = ["1", "0", "0", "0", "1", "0", "0", "0", "1", "1", "无", "0", "0", "0", "0"]


def t3_values(code):
    return T3_VALUES.get(code, ["0"] * 7)


def expected_qualifier(raw):
    return {"无": "zero_word", "—": "dash", "": "blank"}.get(raw, "exact")


def expected_value(raw):
    if raw == "":
        return None
    return 0.0 if raw in ("无", "—") else float(raw.replace(",", ""))


def html_2021():
    rows = "".join(f"<tr><td colspan='3'>{lab}</td>" + "".join(f"<td>{v}</td>" for v in t3_values(code))
                   + "</tr>" for lab, code in T3_LABELS if code)
    t2 = ("<table><tr><td colspan='4'>第二十条第(一)项</td></tr>"
          "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
          "<tr><td>规章</td><td>1</td><td>0</td><td>3</td></tr>"
          "<tr><td>行政规范性文件</td><td>4</td><td>2</td><td>20</td></tr>"
          "<tr><td colspan='4'>第二十条第(五)项</td></tr>"
          "<tr><td>信息内容</td><td colspan='3'>本年处理决定数量</td></tr>"
          "<tr><td>行政许可</td><td colspan='3'>1,205</td></tr>"
          "<tr><td colspan='4'>第二十条第(六)项</td></tr>"
          "<tr><td>信息内容</td><td colspan='3'>本年处理决定数量</td></tr>"
          "<tr><td>行政处罚</td><td colspan='3'>88</td></tr><tr><td>行政强制</td><td colspan='3'>-</td></tr>"
          "<tr><td colspan='4'>第二十条第(八)项</td></tr>"
          "<tr><td>信息内容</td><td colspan='3'>本年收费金额(单位:万元)</td></tr>"
          "<tr><td>行政事业性收费</td><td colspan='3'>12.5</td></tr></table>")
    t3 = ("<table><tr><td rowspan='3' colspan='3'>(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)</td>"
          "<td colspan='7'>申请人情况</td></tr><tr><td rowspan='2'>自然人</td><td colspan='5'>法人或其他组织</td>"
          "<td rowspan='2'>总计</td></tr><tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td>"
          "<td>法律服务机构</td><td>其他</td></tr>" + rows + "</table>")
    t4 = ("<table><tr><td colspan='5'>行政复议</td><td colspan='10'>行政诉讼</td></tr>"
          "<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>"
          "<td colspan='5'>未经复议直接起诉</td><td colspan='5'>复议后起诉</td></tr>"
          "<tr>" + "<td></td>" * 5 + "<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>" * 2
          + "</tr><tr>" + "".join(f"<td>{v}</td>" for v in T4_VALUES) + "</tr></table>")
    body = ("<p>某某市2021年政府信息公开工作年度报告</p><p>二、主动公开政府信息情况</p>" + t2
            + "<p>三、收到和处理政府信息公开申请情况</p>" + t3 + "<p>四、政府信息公开行政复议、行政诉讼情况</p>" + t4)
    return _read_html(body)


def _read_html(body):
    from gikit.readers.html import read_html
    return read_html(f"<html><body>{body}</body></html>".encode("utf-8"), "variant.html")


def pipe_2021():
    lines = ["某某市2021年政府信息公开工作年度报告", "二、主动公开政府信息情况",
             "| 第二十条第(一)项 | | | |", "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
             "| 规章 | 1 | 0 | 3 |", "| 行政规范性文件 | 4 | 2 | 20 |", "| 第二十条第(五)项 | | | |",
             "| 信息内容 | 本年处理决定数量 |", "| 行政许可 | 1,205 |", "| 第二十条第(六)项 |",
             "| 信息内容 | 本年处理决定数量 |", "| 行政处罚 | 88 |", "| 行政强制 | - |", "| 第二十条第(八)项 |",
             "| 信息内容 | 本年收费金额(单位:万元) |", "| 行政事业性收费 | 12.5 |",
             "三、收到和处理政府信息公开申请情况",
             "| (本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 | | | | | | |",
             "| | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |"]
    lines += [f"| {lab} | " + " | ".join(t3_values(code)) + " |" for lab, code in T3_LABELS if code]
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "| 行政复议 | | | | | 行政诉讼 |",
              "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |",
              "| " + " | ".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2) + " |",
              "| " + " | ".join(T4_VALUES) + " |", "五、存在的主要问题及改进情况"]
    return Document.from_lines(lines, source="variant.md")


def one_cell_2021():
    lines = ["某某市2021年政府信息公开工作年度报告", "二、主动公开政府信息情况", *T2_2021,
             "三、收到和处理政府信息公开申请情况", *HEADER_2021]
    for lab, code in T3_LABELS:
        lines.append(lab)
        if code:
            lines += [v for v in t3_values(code) if v != ""]  # a blank cell leaves no line
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "行政复议", "行政诉讼", "结果维持", "结果", "纠正", "其他",
              "结果", "尚未", "审结", "总计", "未经复议直接起诉", "复议后起诉"]
    lines += ["结果", "维持", "结果", "纠正", "其他结果", "尚未审结", "总计"] * 2
    lines += T4_VALUES + ["五、存在的问题及改进情况"]
    return Document.from_lines(lines, source="variant.txt")


def check_2021(doc, blank_row_dropped=False):
    obs, warns = extract_tables(doc, ReportMeta(template="fmt2021"))
    got = {(o.code, o.applicant): o for o in obs}
    for code, (v, q) in T2_2021_EXPECTED.items():
        o = got[(code, None)]
        assert (o.value, o.qualifier) == (pytest.approx(v), q), code
    for lab, code in T3_LABELS:
        if not code:
            continue
        for app, raw in zip(APPLICANTS, t3_values(code)):
            o = got[(code, app)]
            if blank_row_dropped and code == "requests.outcome.partially_disclosed":
                assert math.isnan(o.value) and o.qualifier == "ambiguous"
                continue
            want = expected_value(raw)
            assert (math.isnan(o.value) if want is None else o.value == want), (code, app, o.value)
            assert o.qualifier == expected_qualifier(raw), (code, app)
            assert o.unit == "case"
            if o.qualifier != "blank":
                a, b = span_of(o.locator)
                assert doc.text[a:b] == o.raw == raw
    for code, raw in zip(T4_CODES, T4_VALUES):
        o = got[(code, None)]
        assert o.value == expected_value(raw) and o.qualifier == expected_qualifier(raw), code
    return obs, warns


def test_fmt2021_as_html_grid():
    obs, warns = check_2021(html_2021())
    assert len(obs) == 10 + 175 + 15
    assert not warns


def test_fmt2021_as_pipe_rows():
    obs, warns = check_2021(pipe_2021())
    assert len(obs) == 10 + 175 + 15
    assert not warns


def test_fmt2021_one_cell_per_line_split_headers():
    # the blank 总计 cell of 部分公开 leaves 6 lines for 7 columns: that row is in doubt (NaN + warning),
    # every other row is placed correctly
    obs, warns = check_2021(one_cell_2021(), blank_row_dropped=True)
    assert len(obs) == 10 + 175 + 15
    assert len(warns) == 1 and isinstance(warns[0], TableWarning) and "部分公开" in str(warns[0])
    assert "variant.txt" in str(warns[0])


# ============================================================ old template in three shapes

OLD_ROWS = [  # (label as printed, unit cell, value cell, code, expected value, qualifier)
    ("统 计 指 标", "单位", "统计数", None, None, None),
    ("一、主动公开情况", "—", "", None, None, None),
    ("(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条)", "条", "1,520", "active.items.total", 1520, "exact"),
    ("其中:主动公开规范性文件数", "条", "12", "active.normative_docs.published", 12, "exact"),
    ("2.政府网站公开政府信息数", "条", "约1300", "active.items.channel.website", 1300, "approx"),
    ("三、依申请公开情况", "—", "", None, None, None),
    ("(一)收到申请数", "件", "无", "requests.received.total", 0, "zero_word"),
    ("1.当面申请数", "件", "—", "requests.received.channel.in_person", 0, "dash"),
    ("四、行政复议数量", "件", "2", "review.total", 2, "exact"),
    ("(三)其他情形数", "件", "1", "review.other_legacy", 1, "exact"),
    ("五、行政诉讼数量", "件", "3", "litigation.total", 3, "exact"),
    ("(三)其他情形数", "件", "２", "litigation.other_legacy", 2, "exact"),
    ("七、依申请公开信息收取的费用", "元", "5000", "fees.request_cost_recovery", 0.5, "exact"),
    ("(三)从事政府信息公开工作人员数", "人", "十二", "capacity.staff.total", 12, "exact"),
]


def check_old(doc):
    obs, warns = extract_tables(doc, ReportMeta(template="old"))
    got = {o.code: o for o in obs}
    placed = [r for r in OLD_ROWS if r[3]]
    assert len(obs) == len(placed)
    for label, _unit, raw, code, v, q in placed:
        o = got[code]
        assert o.value == pytest.approx(v) and o.qualifier == q, code
        a, b = span_of(o.locator)
        assert doc.text[a:b] == o.raw and N(o.raw) == N(raw)  # readers apply NFKC: ２ -> 2
    assert got["requests.received.total"].applicant == "total"
    assert got["review.total"].applicant is None
    assert got["fees.request_cost_recovery"].unit == "wan_yuan"
    return warns


def test_old_table_as_html():
    body = "<table>" + "".join(f"<tr><td>{a}</td><td>{u}</td><td>{v}</td></tr>" for a, u, v, *_ in OLD_ROWS) + "</table>"
    assert not check_old(_read_html("<p>政府信息公开情况统计表</p>" + body))


def test_old_table_as_split_pipe_cells():
    # the crawled shape of the Hohhot sample: one cell per line ending in ' |', rows closed by '||'
    lines = ["政府信息公开情况统计表 |", "||||"]
    for a, u, v, *_ in OLD_ROWS:
        lines += [f"{a} |", f"{u} |", f"{v} | ||"]
    assert not check_old(Document.from_lines(lines, source="old.txt"))


def test_old_table_one_cell_per_line_and_label_value_lines():
    lines = ["政府信息公开情况统计表"]
    for a, u, v, *_ in OLD_ROWS:
        lines += [a, u] + ([v] if v else [])
    assert not check_old(Document.from_lines(lines, source="old.txt"))
    lines = ["政府信息公开情况统计表"] + [f"{a} {u} {v}".strip() for a, u, v, *_ in OLD_ROWS if a != "统 计 指 标"]
    assert not check_old(Document.from_lines(lines, source="old.txt"))


# ============================================================ shapes that do not fit

def test_cut_short_table_gives_nan_and_warning_for_cells_in_doubt():
    lines = ["某某市2021年政府信息公开工作年度报告", "本年制发件数", *HEADER_2021,
             "一、本年新收政府信息公开申请数量", "5", "0", "0", "0", "0", "0", "5",
             "二、上年结转政府信息公开申请数量", "1", "0", "0",  # cut short here
             "五、存在的问题及改进情况", "无。"]
    obs, warns = extract_tables(Document.from_lines(lines, source="cut.txt"), ReportMeta(template="fmt2021"))
    got = {(o.code, o.applicant): o for o in obs}
    assert got[("requests.received.total", "natural_person")].value == 5
    assert got[("requests.received.total", "total")].value == 5
    for app in APPLICANTS:
        o = got[("requests.carryover.in", app)]
        assert math.isnan(o.value) and o.qualifier == "ambiguous"
    assert ("requests.outcome.total", "total") not in got
    msgs = " ".join(str(w) for w in warns)
    assert "cut.txt" in msgs and "3 cells for 7 columns" in msgs and "rows not found" in msgs


def test_extra_row_is_not_shifted_into_the_next_row():
    lines = ["本年制发件数", *HEADER_2021,
             "一、本年新收政府信息公开申请数量", "5", "0", "0", "0", "0", "0", "5",
             "(八)其他本地指标", "9", "9", "9", "9", "9", "9", "9",  # not a row of the form
             "二、上年结转政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"]
    obs, warns = extract_tables(Document.from_lines(lines, source="extra.txt"), ReportMeta(template="fmt2021"))
    got = {(o.code, o.applicant): o.value for o in obs}
    assert got[("requests.received.total", "total")] == 5
    assert got[("requests.carryover.in", "natural_person")] == 1
    assert got[("requests.carryover.in", "total")] == 1
    assert 9 not in got.values()


def test_extra_cell_in_a_row_gives_nan_not_a_shift():
    doc = Document.from_lines(["本年制发件数", "| 一、本年新收政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 0 | 5 | 7 |",
                               "| 二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |"], source="x.md")
    obs, warns = extract_tables(doc, ReportMeta(template="fmt2021"))
    got = {(o.code, o.applicant): o for o in obs}
    assert math.isnan(got[("requests.received.total", "total")].value)
    assert got[("requests.carryover.in", "total")].value == 1
    assert any("8 cells for 7 columns" in str(w) for w in warns)


def test_run_together_digits_are_ambiguous():
    doc = Document.from_lines(["本年制发件数", "一、本年新收政府信息公开申请数量153010221",
                               "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0"], source="run.txt")
    obs, warns = extract_tables(doc, ReportMeta(template="fmt2021"))
    got = {(o.code, o.applicant): o for o in obs}
    # two splits satisfy the row sum (15 3 0 1 0 2 21 and 1 5 3 0 10 2 21): cells that differ are NaN
    assert math.isnan(got[("requests.received.total", "natural_person")].value)
    assert got[("requests.carryover.in", "total")].value == 0
    assert any(isinstance(w, AmbiguousValueWarning) and "run.txt" in str(w) for w in warns)


def test_characters_lost_in_labels_still_match():
    # SPEC D6 / PDF sample: '2.其他法律行政止公开' lost 法规禁
    doc = Document.from_lines(["本年制发件数", "| 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
                               "| 2.其他法律行政止公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |"], source="x.md")
    obs, _ = extract_tables(doc, ReportMeta(template="fmt2021"))
    got = {(o.code, o.applicant): o.value for o in obs}
    assert got[("requests.outcome.withheld.prohibited_by_law", "total")] == 1
    assert len(obs) == 14


def test_wrong_template_in_meta_is_overridden_by_labels():
    obs, warns = extract_tables(pipe_2021(), ReportMeta(template="old"))
    assert ("requests.outcome.other.fee_unpaid", "total") in {(o.code, o.applicant) for o in obs}
    assert any("fmt2021" in str(w) for w in warns)


def test_prose_document_yields_no_table_cells():
    doc = Document.from_lines(["规章制度不断完善,全年共收到申请12件。", "行政许可事项办理顺利。"], source="p.txt")
    assert extract_tables(doc, ReportMeta()) == ([], [])
