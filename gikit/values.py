"""Parse one printed value: numbers, 无, dashes, approximations, Chinese numerals, units.

>>> parse_value("3000余条")
ParsedValue(value=3000.0, qualifier='more_than', unit='item', raw='3000余条')
>>> parse_value("无").qualifier, parse_value("无").value
('zero_word', 0.0)
>>> parse_value("251000元", "wan_yuan").value
25.1
>>> parse_value("约55.4万条")
ParsedValue(value=554000.0, qualifier='approx', unit='item', raw='约55.4万条')
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from .normalize import N

#: printed unit -> unit code (SPEC §2)
UNITS: dict[str, str] = {
    "条": "item", "件": "case", "次": "times", "篇": "article", "个": "unit", "项": "unit",
    "人次": "person_time", "人": "person", "名": "person", "万元": "wan_yuan", "元": "yuan",
    "亿元": "yi_yuan", "篇次": "times", "场": "times", "期": "times", "家": "unit", "处": "unit",
}
#: conversion factors between money units
_MONEY = {"yuan": 1.0, "wan_yuan": 1e4, "yi_yuan": 1e8}
MULTIPLIERS = {"万": 1e4, "亿": 1e8, "千": 1e3, "百": 1e2}
ZERO_WORDS = ("无", "没有", "未", "零", "〇", "暂无", "0件")
#: a cell that is only a zero word (SPEC D1), e.g. 无, 没有, 暂无, 零件, 未发生, 无。
_ZERO_CELL = re.compile(r"(?:无|没有|暂无|零|〇|未|未发生|未收到|未收取|未开展)"
                        r"(?:人次|件|条|次|篇|个|项|人|名|元|万元)?[。.;;]?")
DASHES = {"-", "—", "–", "－", "/", "\\", "——", "--", "─", "―", "一"}

_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}

_NUM = re.compile(
    r"(?P<pre>接近|将近|超过|超|逾|近|约|大约|共计|共|合计)?"
    r"(?P<sign>[+\-−－])?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<mult>[万亿千])?"
    r"(?P<post>余|多|左右)?"
    r"(?P<unit>人次|万元|亿元|篇次|条|件|次|篇|个|项|人|名|元|场|期|家|处)?"
    r"(?P<post2>余|多|左右)?"
)
_CN_NUM = re.compile(
    r"(?P<pre>接近|将近|超过|超|逾|近|约|大约)?"
    r"(?P<num>[〇零一二两三四五六七八九十百千万亿]+)"
    r"(?P<post>余|多|左右)?"
    r"(?P<unit>人次|万元|亿元|条|件|次|篇|个|项|人|名|元|场|期|家|处)?"
    r"(?P<post2>余|多|左右)?"
)


@dataclass(frozen=True)
class ParsedValue:
    """A parsed value: ``value`` (float, NaN when missing), ``qualifier`` (SPEC §2), ``unit``."""

    value: float
    qualifier: str
    unit: str | None
    raw: str


def cn_to_int(s: str) -> int | None:
    """Chinese numeral to int.

    >>> cn_to_int("四百"), cn_to_int("二〇二二"), cn_to_int("十一"), cn_to_int("三万五千")
    (400, 2022, 11, 35000)
    >>> cn_to_int("万"), cn_to_int("百")  # a unit word alone is no number
    (None, None)
    """
    if s and s[0] not in _CN_DIGITS and s[0] != "十":
        return None
    if not s or any(ch not in _CN_DIGITS and ch not in _CN_UNITS and ch not in _CN_BIG for ch in s):
        return None
    if all(ch in _CN_DIGITS for ch in s) and len(s) > 1:  # digit-by-digit: 二〇二二
        return int("".join(str(_CN_DIGITS[ch]) for ch in s))
    total, section, digit = 0, 0, None
    for ch in s:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            section += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        else:  # 万 / 亿
            section += digit or 0
            total = (total + section) * _CN_BIG[ch]
            section, digit = 0, None
    return total + section + (digit or 0)


def qualifier_for(pre: str | None, post: str | None, decimal_mult: bool) -> str:
    """SPEC D4: 余/多/超/逾 → more_than; 近/接近 → nearly (with 余 too → approx); 约/左右 → approx."""
    pre, post = pre or "", post or ""
    nearly = pre in ("近", "接近", "将近")
    more = post in ("余", "多") or pre in ("超", "超过", "逾")
    if nearly and more:
        return "approx"
    if nearly:
        return "nearly"
    if more:
        return "more_than"
    if pre in ("约", "大约") or post == "左右":
        return "approx"
    if decimal_mult:
        return "rounded"
    return "exact"


def convert(value: float, unit: str | None, target: str | None) -> tuple[float, str | None]:
    """Convert between money units (元/万元/亿元); other units pass through."""
    if unit in _MONEY and target in _MONEY and unit != target:
        return value * _MONEY[unit] / _MONEY[target], target
    return value, unit or target


def parse_value(raw: str | None, target_unit: str | None = None) -> ParsedValue:
    """Parse a table cell or a prose quantity; ``target_unit`` is the code's canonical unit."""
    return _parse_text("" if raw is None else str(raw), target_unit)


@lru_cache(maxsize=4096)  # cells such as "0", "1" or "无" repeat within and across reports
def _parse_text(text: str, target_unit: str | None) -> ParsedValue:
    s = N(text).strip("|")
    if not s:
        return ParsedValue(math.nan, "blank", target_unit, text)
    if s in DASHES or set(s) <= set("-—–－/─―"):
        return ParsedValue(0.0, "dash", target_unit, text)
    if target_unit == "bool" or s in ("是", "否"):
        if s.startswith("是"):
            return ParsedValue(1.0, "exact", "bool", text)
        if s.startswith("否"):
            return ParsedValue(0.0, "exact", "bool", text)
    if _ZERO_CELL.fullmatch(s):
        return ParsedValue(0.0, "zero_word", target_unit, text)
    m = _NUM.fullmatch(s)
    if m:
        num = float(m.group("num").replace(",", ""))
        if m.group("sign") in ("-", "−", "－"):
            num = -num
        mult = m.group("mult")
        if mult:
            num *= MULTIPLIERS[mult]
        unit = UNITS.get(m.group("unit") or "", None)
        qual = qualifier_for(m.group("pre"), m.group("post") or m.group("post2"),
                             bool(mult) and "." in m.group("num"))
        value, unit = convert(num, unit, target_unit)
        return ParsedValue(value, qual, unit, text)
    m = _CN_NUM.fullmatch(s)
    if m:
        n = cn_to_int(m.group("num"))
        if n is not None:
            unit = UNITS.get(m.group("unit") or "", None)
            value, unit = convert(float(n), unit, target_unit)
            return ParsedValue(value, qualifier_for(m.group("pre"), m.group("post") or m.group("post2"),
                                                    False), unit, text)
    return ParsedValue(math.nan, "unparsed", target_unit, text)
