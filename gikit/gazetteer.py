"""Region gazetteer: every province-, prefecture- and county-level unit with its GB/T 2260 code.

Data: ``gikit/data/regions.csv`` (built by ``tools/build_gazetteer.py`` from a public data set,
see there) and ``gikit/data/provinces.csv`` (short names and one-character abbreviations used in
ICP numbers).

>>> r = lookup("东宁市")[0]
>>> r.adcode, r.level, parent(r).name, province(r).name
('231086', 'county', '牡丹江市', '黑龙江省')
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

#: suffixes stripped to make a region's short name (鄂尔多斯市 -> 鄂尔多斯)
SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县",
            "自治旗", "地区", "林区", "特区", "省", "市", "县", "区", "旗", "盟", "州")


@dataclass(frozen=True)
class Region:
    adcode: str
    name: str
    level: str  # province | prefecture | county
    parent_adcode: str
    province_adcode: str

    @property
    def short(self) -> str:
        return short_name(self.name)


def short_name(name: str) -> str:
    """Name without its administrative suffix, if at least two characters remain.

    >>> short_name("锡林郭勒盟"), short_name("内蒙古自治区"), short_name("和县")
    ('锡林郭勒', '内蒙古', '和县')
    """
    for suf in SUFFIXES:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            return name[: -len(suf)]
    return name


@lru_cache(maxsize=1)
def regions() -> tuple[Region, ...]:
    with resources.files("gikit").joinpath("data/regions.csv").open(encoding="utf-8") as f:
        return tuple(Region(**row) for row in csv.DictReader(f))


@lru_cache(maxsize=1)
def _by_code() -> dict[str, Region]:
    return {r.adcode: r for r in regions()}


@lru_cache(maxsize=1)
def _by_name() -> dict[str, list[Region]]:
    out: dict[str, list[Region]] = {}
    for r in regions():
        out.setdefault(r.name, []).append(r)
    return out


@lru_cache(maxsize=1)
def _by_short() -> dict[str, list[Region]]:
    out: dict[str, list[Region]] = {}
    for r in regions():
        if r.short != r.name:
            out.setdefault(r.short, []).append(r)
    return out


@lru_cache(maxsize=1)
def provinces() -> dict[str, dict[str, str]]:
    """adcode -> {name, short, abbr}."""
    with resources.files("gikit").joinpath("data/provinces.csv").open(encoding="utf-8") as f:
        return {row["adcode"]: row for row in csv.DictReader(f)}


@lru_cache(maxsize=1)
def _name_pattern() -> re.Pattern[str]:
    names = sorted(_by_name(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


def by_code(adcode: str) -> Region | None:
    return _by_code().get(adcode)


def lookup(name: str) -> list[Region]:
    """All regions with this full name (several for names like 朝阳区)."""
    return list(_by_name().get(name, []))


def lookup_short(short: str) -> list[Region]:
    """All regions whose short name is ``short`` (呼和浩特 -> 呼和浩特市)."""
    return list(_by_short().get(short, [])) + lookup(short)


def find_all(text: str) -> list[tuple[int, int, Region]]:
    """Every full region name in ``text`` as (start, end, region), longest match first at each place."""
    out = []
    for m in _name_pattern().finditer(text):
        for r in _by_name()[m.group()]:
            out.append((m.start(), m.end(), r))
    return out


def parent(r: Region) -> Region | None:
    return by_code(r.parent_adcode) if r.parent_adcode else None


def province(r: Region) -> Region | None:
    return by_code(r.province_adcode)


def province_by_abbr(abbr: str) -> Region | None:
    """Province from its one-character abbreviation (蒙 -> 内蒙古自治区)."""
    for code, row in provinces().items():
        if row["abbr"] == abbr:
            return by_code(code)
    return None


def province_by_short(short: str) -> Region | None:
    for code, row in provinces().items():
        if row["short"] == short or row["name"] == short:
            return by_code(code)
    return None
