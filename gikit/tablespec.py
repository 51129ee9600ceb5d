"""The three statistical templates as data (``gikit/templates/*.tsv``) and label matching.

``rows.tsv`` lists every row of every table in form order (``kind`` = ``value`` rows carry
figures, ``group`` rows carry a derived subtotal that is recorded only if printed, ``header``
rows carry nothing, the ``anchor`` row starts a table whose values follow its header);
``columns.tsv`` lists the value columns of each table (applicant columns of Table 3, the
15 columns of Table 4, the block columns of Table 2); ``sums.tsv`` lists the sums the forms
imply (used for derived subtotals, reusable by checks and the run-together solver).

Labels are matched on ``label_key()``: N() (SPEC §0), bracketed annotations and year words
stripped, ordinal prefix split off (SPEC D11).

>>> label_key("(二)部分公开(区分处理的,只计这一情形,不计其他情形)")
('(二)', '部分公开')
>>> label_key("1.公开2016年预算信息部门数")
('1.', '公开预算信息部门数')
>>> [r.code for r in match_row("规范性文件(行政机关制定发布的决定…)", rows_for("fmt2019"))]
['active.normative_docs.{col}_2019']
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .normalize import N, strip_annotations

TEMPLATES = ("old", "fmt2019", "fmt2021")
ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d{1,2}(?:\.(?!\d)|、)|其中:?)+")
YEAR_WORD = re.compile(r"(?:19|20)\d{2}年度?")
#: a fuzzy match (characters lost, SPEC D6) needs this similarity and this many characters
FUZZY_RATIO = 0.7
FUZZY_MIN_LEN = 6
#: a label without its ordinal must be this long to match a template label that has one
BARE_MIN_LEN = 4


@dataclass(frozen=True)
class RowSpec:
    """One template row: ``code`` may hold ``{col}`` (filled from the column key)."""

    templates: tuple[str, ...]
    table: str
    kind: str
    code: str
    labels: tuple[str, ...]
    keys: tuple[tuple[str, str], ...]
    order: int

    @property
    def label(self) -> str:
        return self.labels[0]


@dataclass(frozen=True)
class ColSpec:
    """One value column of a table: ``key`` is an applicant code, a code suffix or a full code."""

    templates: tuple[str, ...]
    table: str
    key: str
    group: str
    labels: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"{self.group}·{self.labels[0]}" if self.group else self.labels[0]


@dataclass(frozen=True)
class TableSpec:
    table: str
    layout: str  # list (label | unit | value), grid (rows × columns), banner (header, then one value row)
    title: str


def label_key(text: str) -> tuple[str, str]:
    """(ordinal, stem) of a printed label: N(), annotations and year words removed."""
    s = N(text)
    m = ORDINAL.match(s)
    ordinal = m.group(0) if m else ""
    s = strip_annotations(s[len(ordinal):])
    s = re.sub(r"\([^()]*$", "", s)  # an annotation cut at the end of a line
    s = re.sub(r"^[^(]*\)", "", s)  # ... or at the start of the next line
    s = YEAR_WORD.sub("", s).strip(":;,。、 ")
    return ordinal, s


def _read(name: str) -> list[dict[str, str]]:
    with resources.files("gikit").joinpath(f"templates/{name}").open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


@lru_cache(maxsize=1)
def all_rows() -> tuple[RowSpec, ...]:
    out = []
    for i, r in enumerate(_read("rows.tsv")):
        labels = tuple(x for x in r["labels"].split("|") if x)
        out.append(RowSpec(tuple(r["templates"].split(",")), r["table"], r["kind"], r["code"],
                           labels, tuple(label_key(x) for x in labels), i))
    return tuple(out)


@lru_cache(maxsize=1)
def all_columns() -> tuple[ColSpec, ...]:
    return tuple(ColSpec(tuple(r["templates"].split(",")), r["table"], r["key"], r["group"],
                         tuple(x for x in r["labels"].split("|") if x)) for r in _read("columns.tsv"))


@lru_cache(maxsize=1)
def tables() -> dict[str, TableSpec]:
    return {r["table"]: TableSpec(r["table"], r["layout"], r["title"]) for r in _read("tables.tsv")}


@lru_cache(maxsize=1)
def sums() -> tuple[dict[str, object], ...]:
    """The sums of ``sums.tsv``: id, total, parts (list), templates, per_applicant, derive."""
    return tuple({"id": r["id"], "total": r["total"], "parts": r["parts"].split(),
                  "templates": tuple(r["templates"].split(",")),
                  "per_applicant": r["per_applicant"] == "yes", "derive": r["derive"] == "yes"}
                 for r in _read("sums.tsv"))


@lru_cache(maxsize=8)
def rows_for(template: str) -> tuple[RowSpec, ...]:
    """The rows of ``template`` (all its tables, provincial variants included), in form order."""
    return tuple(r for r in all_rows() if template in r.templates)


@lru_cache(maxsize=32)
def columns_for(template: str, table: str) -> tuple[ColSpec, ...]:
    """The value columns of ``table`` in ``template``, in form order."""
    return tuple(c for c in all_columns() if template in c.templates and c.table == table)


def _score(ordinal: str, stem: str, key: tuple[str, str]) -> float:
    k_ord, k_stem = key
    if not stem or not k_stem:
        return 0.0
    if stem == k_stem:
        if ordinal == k_ord:
            return 3.0
        if ordinal or not k_ord or len(stem) >= BARE_MIN_LEN:
            return 2.5
        return 0.0
    if len(k_stem) >= FUZZY_MIN_LEN and len(stem) >= BARE_MIN_LEN and len(stem) < len(k_stem) \
            and len(stem) >= FUZZY_RATIO * len(k_stem) and _subsequence(stem, k_stem):
        return 1.0 + len(stem) / len(k_stem)  # characters lost or label cut short (SPEC D6, D11)
    return 0.0


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def match_row(text: str, rows: tuple[RowSpec, ...]) -> list[RowSpec]:
    """Template rows whose label matches ``text``, best first (ties keep form order)."""
    ordinal, stem = label_key(text)
    if not stem or len(stem) > 120:
        return []
    scored = []
    for r in rows:
        s = max(_score(ordinal, stem, k) for k in r.keys)
        if s > 0:
            scored.append((s, r))
    if not scored:
        return []
    best = max(s for s, _ in scored)
    return [r for s, r in scored if s == best]


def match_column(text: str, columns: tuple[ColSpec, ...]) -> list[ColSpec]:
    """Columns whose header label matches ``text`` (header words may be split, so no ordinals)."""
    _, stem = label_key(text)
    if not stem:
        return []
    out = []
    for c in columns:
        for lab in c.labels:
            k = label_key(lab)[1]
            if stem == k or (len(stem) >= 4 and k.startswith(stem) and len(stem) >= FUZZY_RATIO * len(k)):
                out.append(c)
                break
    return out
