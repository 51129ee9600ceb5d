"""Metadata of the five samples, each value read by hand from the file (line quoted)."""
from __future__ import annotations

import datetime as dt

import pytest

from gikit.document import Document
from gikit.meta import detect_template, extract_meta, repair_date
from tests.conftest import ROOT

# sample id -> expected metadata, with the line each value comes from
EXPECTED = {
    "ordos-2017": dict(
        region="鄂尔多斯市",          # l.1 "2017年鄂尔多斯市政府信息公开工作年度报告"
        year=2017,                    # same line
        province="内蒙古自治区",       # 鄂尔多斯市 is in Inner Mongolia; l.39 cites "内政办发"
        level="prefecture",           # 鄂尔多斯市 is a prefecture-level city
        adcode="150600",
        template="old",               # 2017, no table printed; "(二)回应解读情况" heading (old-era block)
        publisher="鄂尔多斯市人民政府办公厅",  # cover block: "鄂尔多斯市人民政府办公厅" / "20183"
        published=dt.date(2018, 3, 13),       # l.3 "发布时间:2018-03-13 09:45"
        scope="region_aggregate",     # "在2017年度全市各旗区人民政府和市人民政府各部门的…基础上编制"
    ),
    "dongning-2016": dict(
        region="东宁市",              # l.1 "东宁市政府2016年度信息公开工作报告"
        year=2016,
        province="黑龙江省",           # 东宁市 is under 牡丹江市 ("牡市公开办", l.175)
        level="county",               # county-level city
        adcode="231086",
        template="old",               # "统 计 指 标 | 单位 | 统计数" table (l.21-25)
        publisher="东宁市政务公开领导小组办公室",  # 落款 l.193
        published=None,               # the page carries no publication date
        scope="region_aggregate",     # "综合所辖各镇人民政府和市政府各直属单位"
    ),
    "xilinhot-2021": dict(
        region="锡林浩特市",          # title "锡林浩特市2021年政府信息公开工作年度报告"
        year=2021,
        province="内蒙古自治区",
        level="county",               # county-level city, seat of 锡林郭勒盟
        adcode="152502",
        template="fmt2021",           # "本年制发件数" / "本年废止件数" headers
        publisher="锡林浩特市政务公开领导小组办公室",  # 落款 before "2022年1月20日"
        published=dt.date(2022, 1, 20),  # "来源:锡市政务服务局  发布日期:2022-01-20 10:34"
        scope="own_level",
    ),
    "hohhot-etdz-2017": dict(
        region="呼和浩特经济技术开发区",  # l.1 "呼和浩特经济技术开发区2017年政府信息公开工作认真贯彻落实…"
        year=2017,
        province="内蒙古自治区",       # "蒙ICP备20000293号", zone of 呼和浩特市
        level="zone",
        adcode=None,                  # a development zone has no GB/T 2260 code
        template="old",               # "统 计 指 标 | 单位 | 统计数" table
        publisher="呼和浩特经济技术开发区管理委员会办公室",  # 落款 before "2018年1月20日"
        published=None,
        scope="agency",               # the zone's 管委会 reports on itself
    ),
    "qiqihar-2018": dict(
        region="齐齐哈尔市",          # "齐齐哈尔市2018年政府信息公开工作年度报告"
        year=2018,
        province="黑龙江省",           # "黑ICP备 05009380 号", banner "黑龙江省政府网"
        level="prefecture",
        adcode="230200",
        template="old",               # 2018, prose only
        publisher="市营商环境建设监督局",  # "上载日期: 2019-03-20 来源: 市营商环境建设监督局" (no 落款)
        published=dt.date(2019, 3, 20),
        scope="region_aggregate",     # "由市政府办公室综合各县(市)、区政府和市政府各委、办、局的…"
    ),
}


@pytest.mark.parametrize("sample_id", list(EXPECTED))
def test_sample_metadata(samples, sample_id):
    meta = samples[sample_id].meta
    for field, expected in EXPECTED[sample_id].items():
        assert getattr(meta, field) == expected, (sample_id, field)


def test_parent_regions(samples):
    assert samples["dongning-2016"].meta.parent_region == "牡丹江市"
    assert samples["xilinhot-2021"].meta.parent_region == "锡林郭勒盟"
    assert samples["hohhot-etdz-2017"].meta.parent_region == "呼和浩特市"


def test_template_variants(samples):
    assert samples["hohhot-etdz-2017"].meta.template_variant == "ext.nm2017"  # rows 十、十一
    assert samples["dongning-2016"].meta.template_variant == "ext.hl2016"     # 推进重点领域政府信息公开
    assert samples["xilinhot-2021"].meta.template_variant is None


def test_qiqihar_has_two_scopes(samples):
    # "本行政区域内…" and "市本级…" paragraphs
    assert samples["qiqihar-2018"].meta.scopes == ["region_aggregate", "own_level"]


def test_garbled_signature_dates(samples):
    # Dongning's 落款 "201732" (年/月/日 lost) is read as 2017-03-02 with a warning
    dn = samples["dongning-2016"]
    assert dn.meta.signature_date == dt.date(2017, 3, 2)
    assert any("201732" in str(w) for w in dn.warnings)
    assert samples["xilinhot-2021"].meta.signature_date == dt.date(2022, 1, 20)


@pytest.mark.parametrize("raw,expected,garbled", [
    ("2022年1月20日", [(2022, 1, 20)], False),
    ("2018-01-20", [(2018, 1, 20)], False),
    ("20183", [(2018, 3, None)], True),                      # SPEC D6: cover of Ordos
    ("20171231", [(2017, 12, 31)], True),
    ("201711日", [(2017, 1, 1)], True),
    ("2017112", [(2017, 1, 12), (2017, 11, 2)], True),       # ambiguous: two readings
    ("2017927日", [(2017, 9, 27)], True),
])
def test_repair_date(raw, expected, garbled):
    assert repair_date(raw) == (expected, garbled)


def test_ambiguous_signature_date_is_left_empty_with_warning():
    doc = Document.from_lines(["某某县2017年政府信息公开工作年度报告", "正文。", "某某县人民政府办公室", "2018112"])
    meta = extract_meta(doc)
    assert meta.signature_date is None
    assert any("ambiguous" in w for w in meta.warnings)


@pytest.mark.parametrize("lines,template,conf", [
    (["第二十条第(一)项", "本年制发件数"], "fmt2021", "high"),
    (["第二十条第(九)项", "政府集中采购"], "fmt2019", "high"),
    (["统计指标", "(一)收到申请数"], "old", "high"),
    # a template word inside a sentence does not decide: falls back on the year
    (["今年推进政府集中采购信息公开。"], "old", "low"),
])
def test_detect_template(lines, template, conf):
    assert detect_template("\n".join(lines), 2017) == (template, conf)


def test_template_by_content_not_cited_notice():
    # cites the 2019 notice but prints the 2021 table (SPEC S11)
    doc = Document.from_lines(["某区2023年政府信息公开工作年度报告",
                               "根据国办公开办函〔2019〕60号要求……", "信息内容", "本年制发件数", "本年废止件数"])
    assert extract_meta(doc).template == "fmt2021"


@pytest.mark.parametrize("title,region,level,province", [
    ("武汉市生态环境局2020年政府信息公开工作年度报告", "武汉市", "department", "湖北省"),
    ("2019年上海市人民政府办公厅政府信息公开工作年度报告", "上海市", "department", "上海市"),
    ("黑龙江省2018年政府信息公开工作年度报告", "黑龙江省", "province", "黑龙江省"),
    ("锡林郭勒盟2020年政府信息公开工作年度报告", "锡林郭勒盟", "prefecture", "内蒙古自治区"),
    ("达茂联合旗2019年政府信息公开工作年度报告", "达尔罕茂明安联合旗", None, None),
])
def test_region_and_level_from_titles(title, region, level, province):
    meta = extract_meta(Document.from_lines([title, "正文。"]))
    if level is None:  # short forms not in the gazetteer: a warning, never a guess
        assert meta.adcode is None
        assert meta.warnings
        return
    assert (meta.region, meta.level, meta.province) == (region, level, province)


def test_duplicate_county_name_resolved_by_province_cue():
    # 朝阳区 exists in Beijing and in Changchun; the ICP prefix names the province
    from gikit.readers import read

    text = "吉ICP备12345号\n朝阳区2019年政府信息公开工作年度报告\n正文。".encode()
    meta = extract_meta(read(text, name="x.txt"))
    assert meta.region == "朝阳区" and meta.province == "吉林省" and meta.adcode == "220104"


def test_missing_year_and_region_give_warnings():
    meta = extract_meta(Document.from_lines(["政府信息公开工作情况", "本机关全年主动公开信息。"]))
    assert meta.year is None and meta.region is None
    assert any("year" in w for w in meta.warnings)
    assert any("region" in w for w in meta.warnings)


def test_to_dict_is_flat(samples):
    d = samples["xilinhot-2021"].meta.to_dict()
    assert d["region"] == "锡林浩特市" and isinstance(d["scopes"], str)


@pytest.mark.parametrize("title,expected", [
    ("国家机关事务管理局2021年政府信息公开工作年度报告", ("全国", "central_dept", None, None)),
    ("中华人民共和国教育部2020年政府信息公开工作年度报告", ("全国", "central_dept", None, None)),
    # 朝阳区 of 长春市 (not Beijing's): the parent named before it decides
    ("长春市朝阳区永昌街道办事处2019年政府信息公开工作年度报告", ("永昌街道", "township", "吉林省", "朝阳区")),
    ("安徽省宣城市宣州区水阳镇2024年政府信息公开工作年度报告", ("水阳镇", "township", "安徽省", "宣州区")),
    ("合肥高新技术产业开发区管委会2020年政府信息公开工作年度报告", ("合肥高新技术产业开发区", "zone", "安徽省", "合肥市")),
    ("2020年江苏省南京市玄武区人民政府政府信息公开工作年度报告", ("玄武区", "county", "江苏省", "南京市")),
    ("宿迁市2017年政府信息公开年度报告", ("宿迁市", "prefecture", "江苏省", "江苏省")),
])
def test_levels_of_many_kinds_of_bodies(title, expected):
    m = extract_meta(Document.from_lines([title, "正文。"]))
    assert (m.region, m.level, m.province, m.parent_region) == expected


PDF_SAMPLES = ROOT.parent / "shared" / "pdf-samples"
# values read from page 1 of each PDF: the title is printed on two lines ("洪泽区人民政府" /
# "2023 年政府信息公开工作年度报告"), the intro says "本报告由淮安市洪泽区人民政府办公室…编制"
PDF_EXPECTED = {
    "025_huaian_hongzequ_2023.pdf": ("洪泽区", "江苏省", "county", "320813", 2023, "fmt2021", "淮安市洪泽区人民政府办公室"),
    "026_huaian_hongzequ_2024.pdf": ("洪泽区", "江苏省", "county", "320813", 2024, "fmt2021", "淮安市洪泽区人民政府办公室"),
    "027_huaianshi_2024.pdf": ("淮安市", "江苏省", "prefecture", "320800", 2024, "fmt2021", "淮安市人民政府办公室"),
}


@pytest.mark.skipif(not PDF_SAMPLES.is_dir(), reason="shared/pdf-samples is not beside the repository")
@pytest.mark.parametrize("name", sorted(PDF_EXPECTED))
def test_pdf_sample_metadata(name):
    import warnings

    import gikit

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = gikit.load_report(PDF_SAMPLES / name).meta
    assert (m.region, m.province, m.level, m.adcode, m.year, m.template, m.publisher) == PDF_EXPECTED[name]
