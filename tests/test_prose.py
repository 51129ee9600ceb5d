"""Prose figures: the SPEC §3.7 figures of the two prose-only samples, read by hand, and traps.

Every expected value below was read from the report text; the comment next to it quotes the
sentence (with its line number in data/sample/<file>.txt). Hand-written sentences are typed here.
"""
from __future__ import annotations

import math
import warnings

import pytest

from gikit.document import Document
from gikit.exceptions import ProseWarning
from gikit.meta import ReportMeta
from gikit.observations import span_of
from gikit.prose import PCT_SUFFIX, NormText, extract_prose


def prose(report, code, scope=None):
    """The prose figure of ``code`` in ``scope`` (None = headline) from ``report.figures``."""
    df = report.figures
    want = scope or report.meta.scope
    rows = df[(df["code"] == code) & (df["source"] == "prose") & (df["scope"] == want)]
    assert len(rows) == 1, f"{code} [{want}]: {len(rows)} prose figures"
    return rows.iloc[0]


def check_figure(report, code, value, qualifier="exact", scope=None):
    row = prose(report, code, scope)
    assert row["value"] == pytest.approx(value), code
    assert row["qualifier"] == qualifier, code
    span = span_of(row["locator"])
    assert span is not None, code
    assert span[0] >= 0 and span[1] <= len(report.text)
    # the span covers the stated quantity, which is also inside the raw sentence fragment
    stated = report.text[span[0]:span[1]]
    assert stated and stated in row["raw"], (code, stated, row["raw"])


# ------------------------------------------------------------------ Ordos 2017 (old era, prose only)

ORDOS = [
    # line 61: 发布《鄂尔多斯市人民政府公报》文件信息167条,主动公开规范性文件30件
    ("active.normative_docs.published", 30, "exact"),
    # line 63: 全市各级行政机关主动公开政府信息约55.4万条
    ("active.items.total", 554_000, "approx"),
    # line 63: 通过政府公报公开政府信息603条,政府网站公开政府信息691007条,政务微博公开政府信息62095,
    #          政务微信公开政府信息31623条,其他方式公开政府信息45195条
    ("active.items.channel.gazette", 603, "exact"),
    ("active.items.channel.website", 691_007, "exact"),
    ("active.items.channel.weibo", 62_095, "exact"),
    ("active.items.channel.weixin", 31_623, "exact"),
    ("active.items.channel.other", 45_195, "exact"),
    # line 67: 全市回应公众关注热点或重大舆情194件 … 参加或举办新闻发布会56次(主要负责同志参加新闻发布会28次);
    #          政府网站在线访谈86次(主要负责同志参加政府网站在线访谈49次);政策解读稿件发布1023篇;
    #          微博微信回应事件8383次;其他方式回应事件9974次
    ("response.hotspots.total", 194, "exact"),
    ("response.press_conferences.total", 56, "exact"),
    ("response.press_conferences.principal", 28, "exact"),
    ("response.online_interviews.total", 86, "exact"),
    ("response.online_interviews.principal", 49, "exact"),
    ("response.interpretation_articles", 1023, "exact"),
    ("response.weibo_weixin_events", 8383, "exact"),
    ("response.other_events", 9974, "exact"),
    # line 73: 全市共受理依申请公开123件 … 涉及信息公开的行政复议案件3件,维持具体行为2件。
    #          涉及信息公开的行政诉讼案件13件,其中驳回诉讼请求10件、判决行政机关公开3件
    ("requests.received.total", 123, "exact"),
    ("review.total", 3, "exact"),
    ("review.upheld", 2, "exact"),
    ("litigation.total", 13, "exact"),
    ("litigation.upheld", 10, "exact"),
    ("litigation.corrected", 3, "exact"),
    # line 75: 当面申请6件 … 通过网络提交申请104件 … 以信函形式申请13件
    ("requests.received.channel.in_person", 6, "exact"),
    ("requests.received.channel.online", 104, "exact"),
    ("requests.received.channel.letter", 13, "exact"),
    # line 83: 全市123件申请全部办结,其中按时办结114件,延期办结9件
    ("requests.closed.total", 123, "exact"),
    ("requests.closed.on_time", 114, "exact"),
    ("requests.closed.extended", 9, "exact"),
    # line 85: 已答复的123件申请中,"属于已主动公开范围"7件 … "同意公开"66件;"同意部分公开"5件。"不同意公开"6件,
    #          其中涉及国家秘密2件,涉及商业秘密2件,危及国家安全、公共安全、经济安全和社会稳定1件,
    #          不是《中华人民共和国政府信息公开条例》所指政府信息1件。"不属于本行政机关公开"31件 …
    #          "申请信息不存在"6件 … "告知作出更改补充"2件
    ("requests.outcome.total", 123, "exact"),
    ("requests.outcome.legacy.already_public", 7, "exact"),
    ("requests.outcome.legacy.agreed", 66, "exact"),
    ("requests.outcome.partially_disclosed", 5, "exact"),
    ("requests.outcome.legacy.refused.total", 6, "exact"),
    ("requests.outcome.withheld.state_secret", 2, "exact"),
    ("requests.outcome.legacy.refused.commercial_secret", 2, "exact"),
    ("requests.outcome.withheld.security_stability", 1, "exact"),
    ("requests.outcome.legacy.refused.not_gov_info", 1, "exact"),
    ("requests.outcome.legacy.not_this_agency", 31, "exact"),
    ("requests.outcome.legacy.not_exist", 6, "exact"),
    ("requests.outcome.legacy.needs_amendment", 2, "exact"),
    # line 97: 维持行政机关做出的信息公开答复告知的2件,其他方式结案1件
    ("review.other_legacy", 1, "exact"),
    # line 105: 市人民政府办公厅接到与政府信息公开有关的举报投诉10余件
    ("complaints.total", 10, "more_than"),
    # line 109: 专门机构数为121个,设置政府信息公开查阅点114个。从事政府信息公开工作人员226名,其中,专职人员114名,
    #           兼职人员358名。政府信息公开专项经费54.19万元。召开政府信息公开工作会议、培训会议64次,
    #           接受培训人员2742人次
    ("capacity.dedicated_units", 121, "exact"),
    ("capacity.reading_points", 114, "exact"),
    ("capacity.staff.total", 226, "exact"),
    ("capacity.staff.full_time", 114, "exact"),
    ("capacity.staff.part_time", 358, "exact"),
    ("capacity.special_funds", 54.19, "exact"),
    ("training.meetings_and_classes", 64, "exact"),
    ("training.trainees", 2742, "exact"),
]

# line 75 and line 85: the percentage printed after each count (占总数的…%)
ORDOS_PCT = [
    ("requests.received.channel.in_person", 4.88), ("requests.received.channel.online", 84.55),
    ("requests.received.channel.letter", 10.57), ("requests.outcome.legacy.already_public", 5.69),
    ("requests.outcome.legacy.agreed", 53.66), ("requests.outcome.partially_disclosed", 4.07),
    ("requests.outcome.legacy.refused.total", 4.88), ("requests.outcome.legacy.not_this_agency", 25.20),
    ("requests.outcome.legacy.not_exist", 4.88), ("requests.outcome.legacy.needs_amendment", 1.63),
]


@pytest.mark.parametrize("code,value,qualifier", ORDOS)
def test_ordos_stated_figures(samples, code, value, qualifier):
    check_figure(samples["ordos-2017"], code, value, qualifier)


@pytest.mark.parametrize("code,pct", ORDOS_PCT)
def test_ordos_percentages_are_rates_not_counts(samples, code, pct):
    r = samples["ordos-2017"]
    row = prose(r, code + PCT_SUFFIX)
    assert row["value"] == pytest.approx(pct)
    assert row["unit"] == "percent"
    assert prose(r, code)["value"] != pytest.approx(pct)  # the count is the count


def test_ordos_units_money_and_negative_fee(samples):
    r = samples["ordos-2017"]
    assert prose(r, "capacity.special_funds")["unit"] == "wan_yuan"  # line 109: 54.19万元
    # line 91: 全市各行政机关对申请人均免费提供政府信息检索、复制、邮寄服务
    fee = prose(r, "fees.request_cost_recovery")
    assert (fee["value"], fee["qualifier"]) == (0.0, "zero_word")


def test_ordos_figures_not_stated_stay_absent(samples):
    r = samples["ordos-2017"]
    prose_codes = set(r.figures.loc[r.figures["source"] == "prose", "code"])
    # line 75 names no 传真 channel; line 85 names no 告知通过其他途径办理; line 109 does not split meetings
    for code in ("requests.received.channel.fax", "requests.outcome.legacy.other_channel",
                 "training.meetings", "training.classes", "capacity.staff.other"):
        assert code not in prose_codes


def test_ordos_hotline_and_other_counts_are_not_disclosure_figures(samples):
    r = samples["ordos-2017"]
    values = set(r.figures.loc[r.figures["source"] == "prose", "value"])
    # line 49: 市长热线受理群众来电79977件,办结78777件 … 创城热线…8000余件 … 咨询6774件 … 1457个 … 113件
    # line 53: 行政许可信息150050条、行政处罚信息6696条; line 55: 2400余条 … 536件
    for v in (79977, 78777, 10071, 1353, 8000, 6774, 1457, 113, 150050, 6696, 2400, 536, 2017, 2018):
        assert v not in values, v


# ------------------------------------------------------------------ Qiqihar 2018 (two scopes)

QIQIHAR = [
    # line 11: 2018年,市本级政府信息公开机构达到13个。从事政府信息公开工作人员数达71人,其中,专职人员12人,
    #          兼职人员59人。政府信息公开专项经费投入达6万元。
    ("capacity.dedicated_units", 13, "own_level"),
    ("capacity.staff.total", 71, "own_level"),
    ("capacity.staff.full_time", 12, "own_level"),
    ("capacity.staff.part_time", 59, "own_level"),
    ("capacity.special_funds", 6, "own_level"),
    # line 11: 本行政区域内的政府信息公开机构达到72个。从事政府信息公开工作人员数达165人,其中,专职人员26人,
    #          兼职人员139人。政府信息公开专项经费投入达37.68万元。
    ("capacity.dedicated_units", 72, "region_aggregate"),
    ("capacity.staff.total", 165, "region_aggregate"),
    ("capacity.staff.full_time", 26, "region_aggregate"),
    ("capacity.staff.part_time", 139, "region_aggregate"),
    ("capacity.special_funds", 37.68, "region_aggregate"),
    # line 38: 2018年全市主动公开政府信息数量71882条。本行政区域内制发的规范性文件194个 … 其中,市本级制发的规范性文件83个
    ("active.items.total", 71882, "region_aggregate"),
    ("active.normative_docs.issued_legacy", 194, "region_aggregate"),
    ("active.normative_docs.issued_legacy", 83, "own_level"),
    # line 41: 本行政区域内共接收有效依申请公开政府信息247件 … 当面申请123件 … 传真申请5件 … 网络申请97件 … 信函申请22件
    ("requests.received.total", 247, "region_aggregate"),
    ("requests.received.channel.in_person", 123, "region_aggregate"),
    ("requests.received.channel.fax", 5, "region_aggregate"),
    ("requests.received.channel.online", 97, "region_aggregate"),
    ("requests.received.channel.letter", 22, "region_aggregate"),
    # line 45: 属于已主动公开范围的130件 … 同意公开答复76件 … 不同意公开答复7件 … 不属于本行政机关公开的15件 …
    #          申请信息不存在的7件 … 告知作出更改补充的2件 … 告知通过其他途径办理的6件
    ("requests.outcome.legacy.already_public", 130, "region_aggregate"),
    ("requests.outcome.legacy.agreed", 76, "region_aggregate"),
    ("requests.outcome.legacy.refused.total", 7, "region_aggregate"),
    ("requests.outcome.legacy.not_this_agency", 15, "region_aggregate"),
    ("requests.outcome.legacy.not_exist", 7, "region_aggregate"),
    ("requests.outcome.legacy.needs_amendment", 2, "region_aggregate"),
    ("requests.outcome.legacy.other_channel", 6, "region_aggregate"),
    # line 49: 在本行政区域内,市本级共接收有效依申请公开政府信息99件。其中,当面申请19件 … 网络申请62件 … 信函申请18件
    ("requests.received.total", 99, "own_level"),
    ("requests.received.channel.in_person", 19, "own_level"),
    ("requests.received.channel.online", 62, "own_level"),
    ("requests.received.channel.letter", 18, "own_level"),
    # line 53: 属于已主动公开范围的8件 … 同意公开答复65件 … 不同意公开答复3件 … 不属于本行政机关公开的11件 …
    #          申请信息不存在的6件 … 告知通过其他途径办理的1件
    ("requests.outcome.legacy.already_public", 8, "own_level"),
    ("requests.outcome.legacy.agreed", 65, "own_level"),
    ("requests.outcome.legacy.refused.total", 3, "own_level"),
    ("requests.outcome.legacy.not_this_agency", 11, "own_level"),
    ("requests.outcome.legacy.not_exist", 6, "own_level"),
    ("requests.outcome.legacy.other_channel", 1, "own_level"),
    # line 58 (section (三), no scope marker: headline): 发生因依申请公开行政复议案件2起,维持具体行政行为2起;
    #          发生因依申请公开行政诉讼的案件8件,维持具体行政行为或驳回原告诉讼请求的2起,…其他情形6起
    ("review.total", 2, None),
    ("review.upheld", 2, None),
    ("litigation.total", 8, None),
    ("litigation.upheld", 2, None),
    ("litigation.other_legacy", 6, None),
]

# line 41, 45, 49, 53: the printed percentages
QIQIHAR_PCT = [
    ("requests.received.channel.in_person", 49.79, "region_aggregate"),
    ("requests.received.channel.fax", 2.02, "region_aggregate"),
    ("requests.received.channel.online", 39.27, "region_aggregate"),
    ("requests.received.channel.letter", 8.9, "region_aggregate"),
    ("requests.outcome.legacy.already_public", 52.63, "region_aggregate"),
    ("requests.outcome.legacy.agreed", 30.76, "region_aggregate"),
    ("requests.outcome.legacy.refused.total", 2.83, "region_aggregate"),
    ("requests.outcome.legacy.not_this_agency", 6.07, "region_aggregate"),  # "的15件。占6.07%"
    ("requests.outcome.legacy.not_exist", 2.83, "region_aggregate"),
    ("requests.outcome.legacy.needs_amendment", 0.8, "region_aggregate"),
    ("requests.outcome.legacy.other_channel", 2.42, "region_aggregate"),
    ("requests.received.channel.in_person", 19.19, "own_level"),
    ("requests.received.channel.online", 62.62, "own_level"),
    ("requests.received.channel.letter", 18.18, "own_level"),
    ("requests.outcome.legacy.already_public", 8.08, "own_level"),
    ("requests.outcome.legacy.agreed", 65.65, "own_level"),
    ("requests.outcome.legacy.refused.total", 3.03, "own_level"),
    ("requests.outcome.legacy.not_this_agency", 11.11, "own_level"),
    ("requests.outcome.legacy.not_exist", 6.06, "own_level"),
    ("requests.outcome.legacy.other_channel", 1.01, "own_level"),
]


@pytest.mark.parametrize("code,value,scope", QIQIHAR)
def test_qiqihar_stated_figures_with_scope(samples, code, value, scope):
    check_figure(samples["qiqihar-2018"], code, value, "exact", scope)


@pytest.mark.parametrize("code,pct,scope", QIQIHAR_PCT)
def test_qiqihar_percentages(samples, code, pct, scope):
    assert prose(samples["qiqihar-2018"], code + PCT_SUFFIX, scope)["value"] == pytest.approx(pct)


def test_qiqihar_value_selects_scope(samples):
    r = samples["qiqihar-2018"]
    assert r.meta.scope == "region_aggregate"
    assert r.value("requests.received.total") == 247  # line 41, headline scope
    assert r.value("requests.received.total", scope="own_level") == 99  # line 49
    assert r.value("capacity.staff.total", scope="own_level") == 71  # line 11
    assert r.value("capacity.staff.total") == 165  # line 11


def test_qiqihar_negatives(samples):
    r = samples["qiqihar-2018"]
    # line 58: 没有发生被依法纠错的现象 (a lawsuit sentence)
    row = prose(r, "litigation.corrected")
    assert (row["value"], row["qualifier"]) == (0.0, "zero_word")
    # line 62: 2018年全市政府信息公开工作无涉及收费和减免情况
    row = prose(r, "fees.request_cost_recovery")
    assert (row["value"], row["qualifier"]) == (0.0, "zero_word")


def test_qiqihar_conflicting_statement_is_warned(samples):
    r = samples["qiqihar-2018"]
    # line 38: after 市本级制发的规范性文件83个 comes 市政府制发的规范性文件26个 (the government proper):
    # the first is kept and the second is reported, never silently taken
    assert r.value("active.normative_docs.issued_legacy", scope="own_level") == 83
    msgs = [str(w) for w in r.warnings if isinstance(w, ProseWarning)]
    assert any("issued_legacy" in m and "83" in m and "26" in m for m in msgs)


def test_qiqihar_unrelated_counts_ignored(samples):
    r = samples["qiqihar-2018"]
    values = set(r.figures.loc[r.figures["source"] == "prose", "value"])
    # line 19: 政务信息1432条, 粉丝达到80余万人, 《关注·沟通》44期; line 60: 人大代表建议179件, 提案400件;
    # line 29: 78个子项, 37个子项
    for v in (1432, 800_000, 44, 179, 400, 78, 37):
        assert v not in values, v


def test_xilinhot_prose_figures_are_shadowed_by_the_table(samples):
    r = samples["xilinhot-2021"]
    shadowed = r.figures[r.figures["shadowed"]]
    # line 17: 今年共收到依申请公开8件,完成答复8件,正在办理0件
    got = {c: v for c, v in zip(shadowed["code"], shadowed["value"])}
    assert got.get("requests.received.total") == 8
    assert got.get("requests.outcome.total") == 8
    assert got.get("requests.carryover.out") == 0
    kept = r.indicators
    assert set(kept.loc[kept["code"] == "requests.received.total", "source"]) == {"table"}
    # line 612: 本年度本部门未收取政府信息公开信息处理费。 (no table has this)
    fee = prose(r, "fees.info_processing.amount")
    assert (fee["value"], fee["qualifier"]) == (0.0, "zero_word")


# ------------------------------------------------------------------ hand-written traps

OLD = ReportMeta(template="old", scope="region_aggregate", scopes=["region_aggregate"], source="trap.txt")
NEW = ReportMeta(template="fmt2021", scope="own_level", scopes=["own_level"], source="trap.txt")


def run(lines, meta=OLD):
    doc = Document.from_lines(lines, source="trap.txt")
    obs, warns = extract_prose(doc, meta, [])
    return doc, obs, warns


def figures(lines, meta=OLD):
    return {(o.code, o.scope): o for o in run(lines, meta)[1]}


def test_trap_hotline_counts_are_not_requests():
    _, obs, _ = run(["2017年,市长热线受理群众来电79977件,办结78777件,按时办结率98.5%;"
                     "12345政务服务热线受理来件8000余件,全部办结。",
                     "全盟12345热线共计受理来电来件70457件,其中热线中心直接答复34877件;共办结68999件。"])
    assert obs == []


def test_trap_years_and_dates():
    got = figures(["截至2018年12月31日,共受理依申请公开政府信息45件。",
                   "本报告所列数据的统计期限自2017年1月1日起至2017年12月31日止。"])
    assert list(got) == [("requests.received.total", None)]
    assert got[("requests.received.total", None)].value == 45  # typed: 45件


def test_trap_document_numbers():
    got = figures(["根据《关于印发2017年政务公开工作要点的通知》(鄂府办发〔2017〕88号)要求,全年受理依申请公开12件。",
                   "(内政办发〔201128号)、(鄂府办发〔201788号)"])
    assert {k[0]: o.value for k, o in got.items()} == {"requests.received.total": 12}


def test_trap_phone_numbers():
    _, obs, _ = run(["如对报告有疑问,请联系政务公开科,联系电话:0477-85886768589994,依申请公开咨询电话0477-8588676。"])
    assert obs == []


def test_trap_percentages_are_not_counts():
    got = figures(["依申请公开答复率100%,按时办结率98%,当面申请10件,占25%。"])
    assert {k[0]: o.value for k, o in got.items()} == {
        "requests.received.channel.in_person": 10,  # typed: 当面申请10件
        "requests.received.channel.in_person.stated_pct": 25,  # typed: 占25%
    }
    assert got[("requests.received.channel.in_person.stated_pct", None)].unit == "percent"


def test_trap_ranges_are_warned_not_recorded():
    _, obs, warns = run(["每月受理依申请公开10-15件。"])
    assert obs == []
    assert len(warns) == 1 and isinstance(warns[0], ProseWarning) and "range" in str(warns[0])


def test_negative_statements_are_zero_words():
    got = figures(["2016年度,没有发生有关政府信息公开事项的行政复议案、行政诉讼案和各类申诉案。",
                   "开发区未收到依申请公开事项。"])
    for code in ("review.total", "litigation.total", "requests.received.total"):
        o = got[(code, None)]
        assert (o.value, o.qualifier, o.source) == (0.0, "zero_word", "prose")


def test_lost_lawsuits_are_not_a_zero_review_count():
    _, obs, _ = run(["全年未出现因信息公开引发的行政复议败诉案件,未出现漏件、错件及败诉件。"])
    assert obs == []


def test_chinese_numerals_and_approximations():
    got = figures(["全年共受理依申请公开两件。", "涉及政府信息公开的行政复议案件三起。",
                   "接到与政府信息公开有关的举报投诉近20件。", "从事政府信息公开工作人员约30人。"])
    assert got[("requests.received.total", None)].value == 2  # 两件
    assert got[("review.total", None)].value == 3  # 三起
    assert (got[("complaints.total", None)].value, got[("complaints.total", None)].qualifier) == (20, "nearly")
    assert (got[("capacity.staff.total", None)].value, got[("capacity.staff.total", None)].qualifier) == (30, "approx")


def test_review_and_litigation_outcomes_follow_their_subject():
    got = figures(["涉及信息公开的行政复议案件3件,维持2件;涉及信息公开的行政诉讼案件4件,维持1件,判决公开3件。"])
    assert {k[0]: o.value for k, o in got.items()} == {
        "review.total": 3, "review.upheld": 2, "litigation.total": 4, "litigation.upheld": 1,
        "litigation.corrected": 3}


def test_2021_narrative_review_and_litigation_outcomes():
    # typed in the style of a 2021-format 总体情况 paragraph
    got = figures(["(二)依申请公开情况", "政府信息公开行政复议351件,其中结果维持72件,结果纠正64件,其他结果178件,"
                   "尚未审结37件;政府信息公开行政诉讼46件,其中结果维持25件,结果纠正5件,其他结果9件,尚未审结7件。"], NEW)
    assert {k[0]: o.value for k, o in got.items()} == {
        "review.total": 351, "review.upheld": 72, "review.corrected": 64, "review.other": 178, "review.pending": 37,
        "litigation.total": 46, "litigation.upheld": 25, "litigation.corrected": 5, "litigation.other": 9,
        "litigation.pending": 7}


def test_combined_categories_are_not_split():
    # S9 (SPEC §8.1 X.2): 予以公开及部分公开258件 is neither 予以公开 nor 部分公开
    got = figures(["三、收到和处理政府信息公开申请情况", "本年度予以公开及部分公开258件(33.9%),无法提供265件。"], NEW)
    assert {k[0]: o.value for k, o in got.items()} == {"requests.outcome.unavailable.total": 265}


def test_scope_markers_split_figures_when_the_intro_lists_both_scopes():
    lines = ["(二)依申请公开情况", "本行政区域内共受理依申请公开120件;其中,市本级共受理依申请公开30件。"]
    both = ReportMeta(template="old", scope="region_aggregate", scopes=["region_aggregate", "own_level"])
    got = figures(lines, both)
    assert got[("requests.received.total", None)].value == 120  # None = the headline scope
    assert got[("requests.received.total", "own_level")].value == 30
    # a report whose intro names one scope only: markers do not split it, the first statement stays
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _, obs, warns = run(lines, OLD)
    assert [(o.code, o.value, o.scope) for o in obs] == [("requests.received.total", 120, None)]
    assert any("120" in str(w) and "30" in str(w) for w in warns)


def test_scope_marker_does_not_leak_past_a_heading():
    both = ReportMeta(template="old", scope="region_aggregate", scopes=["region_aggregate", "own_level"])
    got = figures(["(一)机构建设", "市本级政府信息公开机构达到13个。", "(二)行政复议",
                   "发生因依申请公开行政复议案件2起。"], both)
    assert got[("capacity.dedicated_units", "own_level")].value == 13
    assert got[("review.total", None)].value == 2


def test_spans_point_into_the_original_text_full_width():
    doc, obs, _ = run(["  全年共受理“依申请公开”１２３件，当面申请６件。"])
    by = {o.code: o for o in obs}
    assert by["requests.received.total"].value == 123
    span = span_of(by["requests.received.total"].locator)
    assert doc.text[span[0]:span[1]] == "１２３"
    span = span_of(by["requests.received.channel.in_person"].locator)
    assert doc.text[span[0]:span[1]] == "６"


def test_missing_unit_is_accepted_for_specific_cues_with_a_warning():
    _, obs, warns = run(["政务微博公开政府信息62095,政务微信公开政府信息31623条。"])
    assert [(o.code, o.value) for o in obs] == [("active.items.channel.weibo", 62095),
                                                ("active.items.channel.weixin", 31623)]
    assert any("without a unit" in str(w) for w in warns)


def test_money_is_converted_to_the_code_unit():
    got = figures(["政府信息公开专项经费投入达5000元。"])
    o = got[("capacity.special_funds", None)]
    assert (o.value, o.unit) == (0.5, "wan_yuan")  # typed: 5000元 = 0.5万元


def test_template_gates_legacy_codes():
    lines = ["(二)依申请公开情况", "共收到政府信息公开申请20件,予以公开12件,不同意公开3件。"]
    new = figures(lines, NEW)
    assert {k[0] for k in new} == {"requests.received.total", "requests.outcome.disclosed"}
    old = figures(lines, OLD)
    assert {k[0] for k in old} == {"requests.received.total", "requests.outcome.legacy.refused.total"}


def test_normtext_maps_back():
    nt = NormText("共 受理\u3000“依申请” 12 件")
    i = nt.text.index("12")
    a, b = nt.span(i, i + 2)
    assert "共 受理\u3000“依申请” 12 件"[a:b] == "12"
    assert not math.isnan(a)
