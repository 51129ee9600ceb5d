"""Value parsing (SPEC D1-D5, D12, D20); expected values typed from the SPEC examples."""
from __future__ import annotations

import math

import pytest

from gikit.values import cn_to_int, parse_value


@pytest.mark.parametrize("raw, value, qualifier, unit", [
    ("8", 8, "exact", None),
    ("81123.958785", 81123.958785, "exact", None),
    ("+1036", 1036, "exact", None),           # D20
    ("-8", -8, "exact", None),                # D20 (Hubei: 减用负值表示,如-8)
    ("－3", -3, "exact", None),               # full-width minus
    ("1,205", 1205, "exact", None),           # thousands separator
    ("１２３", 123, "exact", None),           # full-width digits (D7)
    ("无", 0, "zero_word", None),             # D1
    ("没有", 0, "zero_word", None),
    ("—", 0, "dash", None),                   # D3
    ("-", 0, "dash", None),
    ("/", 0, "dash", None),
    ("3000余条", 3000, "more_than", "item"),  # D4
    ("10余件", 10, "more_than", "case"),
    ("300多个", 300, "more_than", "unit"),
    ("接近400万次", 4_000_000, "nearly", "times"),
    ("约5000次", 5000, "approx", "times"),
    ("约55.4万条", 554_000, "approx", "item"),
    ("15.1万条", 151_000, "rounded", "item"),
    ("超3万人次", 30_000, "more_than", "person_time"),
    ("四个", 4, "exact", "unit"),             # D5
    ("两次", 2, "exact", "times"),
])
def test_parse_value(raw, value, qualifier, unit):
    pv = parse_value(raw)
    assert pv.value == pytest.approx(value)
    assert pv.qualifier == qualifier
    assert pv.unit == unit
    assert pv.raw == raw


def test_blank_is_nan_not_zero():
    for raw in ("", "  ", None, "\u00a0"):
        pv = parse_value(raw)
        assert math.isnan(pv.value) and pv.qualifier == "blank"


def test_money_units_are_converted_to_the_code_unit():
    assert parse_value("251000元", "wan_yuan").value == pytest.approx(25.1)   # D12 (S9)
    assert parse_value("1.2亿元", "wan_yuan").value == pytest.approx(12000)
    assert parse_value("3.5万元", "yuan").value == pytest.approx(35000)
    assert parse_value("12", "wan_yuan").unit == "wan_yuan"


def test_booleans():
    assert (parse_value("否", "bool").value, parse_value("是", "bool").value) == (0, 1)


def test_words_are_not_numbers():
    # header words must not read as zero words or numerals (未经… is a Table 4 header)
    for raw in ("未经复议直接起诉", "行政复议", "结果维持", "信息内容"):
        assert parse_value(raw).qualifier == "unparsed", raw
        assert math.isnan(parse_value(raw).value)


def test_cn_to_int():
    assert cn_to_int("十二") == 12
    assert cn_to_int("一百零五") == 105
    assert cn_to_int("二〇二一") == 2021
    assert cn_to_int("abc") is None


def test_unit_words_alone_are_not_numbers():
    # a unit cell such as "万元" (Hohhot ETDZ 专项经费 row) must never become 0
    for word in ("万元", "亿元", "万", "百"):
        got = parse_value(word)
        assert got.value != got.value and got.qualifier == "unparsed", word
