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


@lru_cache(maxsize=4096)  # the same labels and cells are keyed many times per report
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


def _exact_score(ordinal: str, stem: str, k_ord: str) -> float:
    """Score of a template key whose stem equals the printed stem."""
    if ordinal == k_ord:
        return 3.0
    if ordinal or not k_ord or len(stem) >= BARE_MIN_LEN:
        return 2.5
    return 0.0


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


#: results of ``match_row``/``match_column`` kept per row or column set (cleared when this large)
MEMO_SIZE = 2048


class _RowIndex:
    """A set of template rows prepared for ``match_row``: keys by exact stem, keys long enough for
    a fuzzy match with their characters, and the results already computed per printed text."""

    def __init__(self, rows: tuple[RowSpec, ...]) -> None:
        self.rows = rows
        self.exact: dict[str, list[tuple[int, str]]] = {}
        self.fuzzy: list[tuple[int, str, frozenset[str]]] = []
        for i, r in enumerate(rows):
            for k_ord, k_stem in r.keys:
                if not k_stem:
                    continue
                self.exact.setdefault(k_stem, []).append((i, k_ord))
                if len(k_stem) >= FUZZY_MIN_LEN:
                    self.fuzzy.append((i, k_stem, frozenset(k_stem)))
        self.memo: dict[str, tuple[RowSpec, ...]] = {}

    def match(self, text: str) -> tuple[RowSpec, ...]:
        found = self.memo.get(text)
        if found is None:
            if len(self.memo) >= MEMO_SIZE:
                self.memo.clear()
            found = self.memo[text] = self._match(*label_key(text))
        return found

    def _match(self, ordinal: str, stem: str) -> tuple[RowSpec, ...]:
        if not stem or len(stem) > 120:
            return ()
        scores: dict[int, float] = {}  # row position -> its best key's score
        for i, k_ord in self.exact.get(stem, ()):
            scores[i] = max(scores.get(i, 0.0), _exact_score(ordinal, stem, k_ord))
        scores = {i: s for i, s in scores.items() if s > 0}
        if not scores and len(stem) >= BARE_MIN_LEN:  # an exact match (≥ 2.5) beats any fuzzy one (< 2)
            chars = set(stem)
            for i, k_stem, k_chars in self.fuzzy:
                if len(stem) < len(k_stem) and len(stem) >= FUZZY_RATIO * len(k_stem) \
                        and chars <= k_chars and _subsequence(stem, k_stem):
                    # characters lost or label cut short (SPEC D6, D11)
                    scores[i] = max(scores.get(i, 0.0), 1.0 + len(stem) / len(k_stem))
        if not scores:
            return ()
        best = max(scores.values())
        return tuple(self.rows[i] for i in sorted(scores) if scores[i] == best)


class _ColumnIndex:
    """A set of value columns prepared for ``match_column``: label stems computed once, results memoised."""

    def __init__(self, columns: tuple[ColSpec, ...]) -> None:
        self.rows = columns
        self.keys = [(c, tuple(label_key(lab)[1] for lab in c.labels)) for c in columns]
        self.memo: dict[str, tuple[ColSpec, ...]] = {}

    def match(self, text: str) -> tuple[ColSpec, ...]:
        found = self.memo.get(text)
        if found is None:
            if len(self.memo) >= MEMO_SIZE:
                self.memo.clear()
            found = self.memo[text] = self._match(label_key(text)[1])
        return found

    def _match(self, stem: str) -> tuple[ColSpec, ...]:
        if not stem:
            return ()
        return tuple(c for c, keys in self.keys
                     if any(stem == k or (len(stem) >= 4 and k.startswith(stem) and len(stem) >= FUZZY_RATIO * len(k))
                            for k in keys))


_INDEXES: dict[int, _RowIndex | _ColumnIndex] = {}


def _index(items: tuple, kind: type) -> _RowIndex | _ColumnIndex:
    """The index of a row or column set, kept (by identity) for sets of several items, which come
    from the cached ``rows_for``/``columns_for``; a one-item set is indexed afresh."""
    ix = _INDEXES.get(id(items))
    if ix is None or ix.rows is not items:
        ix = kind(items)
        if len(items) > 1:
            if len(_INDEXES) >= 64:
                _INDEXES.clear()
            _INDEXES[id(items)] = ix
    return ix


def match_row(text: str, rows: tuple[RowSpec, ...]) -> list[RowSpec]:
    """Template rows whose label matches ``text``, best first (ties keep form order)."""
    return list(_index(rows, _RowIndex).match(text))


def match_column(text: str, columns: tuple[ColSpec, ...]) -> list[ColSpec]:
    """Columns whose header label matches ``text`` (header words may be split, so no ordinals)."""
    return list(_index(columns, _ColumnIndex).match(text))


# ------------------------------------------------------------------ labels inside a line (issue 9)

#: a bracketed annotation that is not an ordinal like ``(一)`` (ordinals stay in labels)
_NOTE = re.compile(r"\((?![一二三四五六七八九十]+\))[^()]*\)")
#: an ordinal printed right before a label found inside a line (one digit for ``2.``-style ordinals)
_ORDINAL_BEFORE = re.compile(r"(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d[.、]|其中:?)$")


@dataclass(frozen=True)
class InlineLabel:
    """A template label as searched for inside a line: ``core`` (N(), ordinal, annotations and
    year words removed); short cores only count after a printed ordinal; ``digits`` is the
    template's numeric ordinal (``2`` for ``2.其他法律…``), if any."""

    core: str
    needs_ordinal: bool
    digits: str


def label_core(label: str) -> str:
    """The part of a template label that must be printed for it to be found inside a line.

    >>> label_core("(二)部分公开(区分处理的,只计这一情形,不计其他情形)")
    '部分公开'
    >>> label_core("第二十条第(五)项"), label_core("1.公开2016年预算信息部门数")
    ('第二十条第(五)项', '公开预算信息部门数')
    """
    s = N(label)
    m = ORDINAL.match(s)
    s = s[len(m.group(0)):] if m else s
    prev = None
    while prev != s:
        prev, s = s, _NOTE.sub("", s)
    return YEAR_WORD.sub("", s).strip(":;,。、 ")


@lru_cache(maxsize=1)
def inline_labels() -> tuple[InlineLabel, ...]:
    """Every template label (all templates), longest core first."""
    found: dict[str, InlineLabel] = {}
    for r in all_rows():
        for lab, (ordinal, _) in zip(r.labels, r.keys):
            core = label_core(lab)
            if not core:
                continue
            digits = re.fullmatch(r"(\d+)[.、]", ordinal)
            new = InlineLabel(core, bool(ordinal) and len(core) < BARE_MIN_LEN, digits.group(1) if digits else "")
            old = found.get(core)
            if old is None or (old.needs_ordinal and not new.needs_ordinal):
                found[core] = new
    return tuple(sorted(found.values(), key=lambda x: -len(x.core)))


@lru_cache(maxsize=1)
def _any_label() -> re.Pattern[str]:
    """Matches where any template label's core is printed (a quick test before ``find_labels``)."""
    return re.compile("|".join(re.escape(lab.core) for lab in inline_labels()))


def masked_notes(s: str) -> list[tuple[int, int]]:
    """Spans of bracketed annotations in ``s`` (not ordinals like ``(一)``), nesting allowed.

    >>> masked_notes("(一)予以公开(区分(处理)的)8")
    [(7, 16)]
    """
    if "(" not in s:
        return []
    out, stack = [], []
    for i, ch in enumerate(s):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            a = stack.pop()
            if not re.fullmatch(r"[一二三四五六七八九十]+", s[a + 1:i]):
                out = [(x, y) for x, y in out if not (a <= x and y <= i + 1)] + [(a, i + 1)]
    return sorted(out)


def find_labels(s: str) -> list[tuple[int, int, int, str]]:
    """Template labels printed inside ``s`` (already N()-normalised, year words removed):
    ``(start, core_start, end, maybe_ordinal)`` sorted by position, longest labels first when
    they overlap, none inside an annotation. ``start`` includes a printed ordinal; when the
    template's ordinal digit stands before the label without its dot (``…00000002其他法律…``),
    the label starts at its core and ``maybe_ordinal`` holds that digit.

    >>> s = "规章000行政规范性文件0001.属于国家秘密00000002其他法律行政法规禁止公开1000001"
    >>> [(s[a:b], m) for a, _, b, m in find_labels(s)]
    [('规章', ''), ('行政规范性文件', ''), ('1.属于国家秘密', ''), ('其他法律行政法规禁止公开', '2')]
    """
    if not _any_label().search(s):
        return []
    notes = masked_notes(s)
    taken: list[tuple[int, int]] = []
    out = []
    for lab in inline_labels():
        pos = s.find(lab.core)
        while pos >= 0:
            end = pos + len(lab.core)
            free = not any(a < end and pos < b for a, b in taken) and \
                not any(a <= pos and end <= b for a, b in notes)
            m = _ORDINAL_BEFORE.search(s[max(0, pos - 8):pos]) if free else None
            maybe = ""
            if m and m.group(0)[0].isdigit() and lab.digits and len(lab.digits) > 1:
                m = None  # a two-digit template ordinal is not read from one digit
            if free and not m and lab.digits and s[:pos].endswith(lab.digits) and \
                    s[max(0, pos - len(lab.digits) - 1):pos - len(lab.digits)].isdigit():
                maybe = lab.digits
            start = pos - len(m.group(0)) if m else pos
            if free and (m or not lab.needs_ordinal) and not any(a < end and start < b for a, b in taken):
                taken.append((start, end))
                out.append((start, pos, end, maybe))
            pos = s.find(lab.core, pos + 1)
    return sorted(out)


@lru_cache(maxsize=1)
def header_words() -> tuple[str, ...]:
    """Words printed in table headers (value columns, their groups, ``header_words.tsv``), longest first."""
    words = {N(w) for c in all_columns() for w in (*c.labels, c.group) if w}
    words |= {N(r["word"]) for r in _read("header_words.tsv")}
    return tuple(sorted(words, key=len, reverse=True))
