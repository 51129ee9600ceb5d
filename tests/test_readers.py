"""Text and HTML readers: encodings, chrome, duplicated pages, table grids with spans."""
from __future__ import annotations

import pytest

from gikit.readers import read
from gikit.readers.encoding import decode
from tests.conftest import SAMPLES

XILINHOT = (SAMPLES / "xilinhot_2021.txt").read_text(encoding="utf-8")
# GBK has no NBSP / EM SPACE: a GBK-encoded page uses plain spaces
XILINHOT_GBK = XILINHOT.replace("\u00a0", " ").replace("\u2003", " ")


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-8"])
def test_encodings_round_trip(encoding):
    data = (XILINHOT_GBK if encoding.startswith("gb") else XILINHOT).encode(encoding)
    text, detected = decode(data, "x.txt")
    assert "锡林浩特市2021年政府信息公开工作年度报告" in text
    assert "本年制发件数" in text


def test_gb2312_short_text():
    text, _ = decode("东宁市政府2016年度信息公开工作报告".encode("gb2312"), "x.txt")
    assert text == "东宁市政府2016年度信息公开工作报告"


def test_gbk_sample_loads_like_utf8(tmp_path):
    import gikit

    p = tmp_path / "xilinhot_gbk.txt"
    p.write_bytes(XILINHOT_GBK.encode("gbk"))
    r = gikit.load_report(p, warn=False)
    assert r.document.encoding == "gb18030"
    assert (r.meta.region, r.meta.year, r.meta.template) == ("锡林浩特市", 2021, "fmt2021")


def test_utf16_sample_loads(tmp_path):
    import gikit

    p = tmp_path / "xilinhot_utf16.txt"
    p.write_bytes(XILINHOT.encode("utf-16"))
    r = gikit.load_report(p, warn=False)
    assert (r.meta.region, r.meta.template) == ("锡林浩特市", "fmt2021")


def test_normalisation_of_lines():
    doc = read("（一）主动公开\u00a0政府信息数\u3000７１２３\n\n\n".encode(), name="x.txt")
    assert doc.text == "(一)主动公开 政府信息数 7123"


def test_chrome_is_removed_but_kept_for_metadata():
    doc = read((SAMPLES / "qiqihar_2018.txt"))
    assert "黑ICP备" not in doc.text
    assert any("黑ICP备" in c for c in doc.chrome)
    assert "Русская версия" not in doc.text


def test_duplicated_page_kept_once():
    # SPEC D9: the Hohhot ETDZ page holds the body and table twice
    doc = read(SAMPLES / "hohhot-etdz_2017.txt")
    assert doc.text.count("开发区共主动发布政府信息48条") == 1
    assert doc.text.count("(一)盟市本级现有行政审批项目") == 1
    # short repeated lines (table cells) are not mistaken for duplicated pages
    assert doc.text.count("其中:行政许可项目") == 2


def test_html_table_grid_and_spans():
    html = """<html><head><meta charset="utf-8"><title>某县2021年政府信息公开工作年度报告</title></head>
    <body><div class="nav">当前位置: 首页 > 政务公开</div>
    <p>某县2021年政府信息公开工作年度报告</p>
    <table><tr><td rowspan="2">第二十条第(一)项</td><td colspan="2">信息内容</td></tr>
    <tr><td>规章</td><td>本年新<br/>制作数量</td></tr>
    <tr><td>行政许可</td><td>12</td><td>&nbsp;</td></tr></table>
    <p>说明文字。<script>var x = 1;</script></p></body></html>"""
    doc = read(html.encode("utf-8"), name="x.html")
    assert doc.fmt == "html"
    assert doc.meta_hints["html_title"] == "某县2021年政府信息公开工作年度报告"
    assert "当前位置" not in doc.text and "var x" not in doc.text
    grid = doc.tables[0].texts()
    assert grid == [["第二十条第(一)项", "信息内容", "信息内容"],
                    ["第二十条第(一)项", "规章", "本年新制作数量"],
                    ["行政许可", "12", ""]]
    cell = doc.tables[0].rows[2][1]
    assert doc.text[cell.span[0]:cell.span[1]] == "12"
    assert doc.tables[0].rows[1][0].merged and not doc.tables[0].rows[0][0].merged


def test_html_gbk_declared_charset():
    html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>' \
           '<body><p>齐齐哈尔市2018年政府信息公开工作年度报告</p></body></html>'
    doc = read(html.encode("gbk"), name="x.htm")
    assert "齐齐哈尔市2018年政府信息公开工作年度报告" in doc.text


def test_html_layout_tables_are_read_as_text():
    html = ("<table><tr><td><p>某市2019年政府信息公开工作年度报告</p>"
            "<table><tr><td>总计</td><td>5</td></tr></table></td></tr></table>")
    doc = read(html.encode(), name="x.html")
    assert len(doc.tables) == 1 and doc.tables[0].texts() == [["总计", "5"]]
    assert "某市2019年政府信息公开工作年度报告" in doc.text.splitlines()


def test_line_offsets_match_text():
    doc = read(SAMPLES / "dongning_2016.txt")
    for ln in doc.lines:
        assert doc.text[ln.start:ln.end] == ln.text
    assert doc.line_at(doc.lines[5].start + 1).number == 6
