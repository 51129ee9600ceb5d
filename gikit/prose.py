"""Figures stated in sentences → Observations with ``source='prose'`` (SPEC §3.7, §8.3, D1, D4, D19).

How it works, in four steps, all driven by data files:

1. The text is normalised character by character (NFKC, no spaces, one kind of quote) while
   remembering where each character came from, so every match maps back to a span of
   ``Document.text``.
2. Every cue of ``data/prose_cues.tsv`` (code → regex with ``{N}`` for the quantity) is searched.
   A cue with an empty ``needs`` column is specific enough by itself; otherwise the *topic* of
   the passage before the match (the nearest topic keyword of ``data/prose_context.tsv`` since
   the last heading line) must be one of ``needs`` — so ``维持…2件`` becomes ``review.upheld``
   after a sentence about 行政复议 and ``litigation.upheld`` after one about 行政诉讼, and
   ``办结78777件`` after a sentence about a hotline (topic ``foreign``) is nothing at all.
   Cues without ``{N}`` are negative statements (``没有发生…行政复议``): value 0, ``zero_word``.
   A number is taken by the first cue (in file order) that claims it; a negative statement claims
   no number and cannot overlap one.
3. The *scope* of a figure (SPEC D19) is the last scope marker (``本行政区域``, ``市本级`` …)
   since the last heading line, kept only when the report's intro lists that scope
   (``meta.scopes``); otherwise the scope is left None, meaning the headline scope.
4. A percentage printed right after a count (``当面申请6件,占总数的4.88%``) is kept as its own
   figure, code ``<code>.stated_pct`` with unit ``percent`` — a stated rate, never a count. The
   checks test it against the counts (SPEC §8.3).

The same figure stated twice with the same value is kept once; stated twice with different values,
the first is kept and a ``ProseWarning`` names both.

>>> from gikit.document import Document
>>> from gikit.meta import ReportMeta
>>> doc = Document.from_lines(["2017年,全市共受理依申请公开123件,其中当面申请6件,占总数的4.88%。"])
>>> obs, _ = extract_prose(doc, ReportMeta(template="old", scope="region_aggregate",
...                                        scopes=["region_aggregate"]), [])
>>> [(o.code, o.value, o.qualifier) for o in obs]  # doctest: +NORMALIZE_WHITESPACE
[('requests.received.total', 123.0, 'exact'),
 ('requests.received.channel.in_person', 6.0, 'exact'),
 ('requests.received.channel.in_person.stated_pct', 4.88, 'exact')]
>>> obs[0].raw, obs[0].locator
('受理依申请公开123件', 'line 1 · chars 16-19 · prose')
"""
from __future__ import annotations

import csv
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from . import codes
from .document import Document
from .exceptions import GikitWarning, ProseWarning
from .meta import ReportMeta
from .normalize import N
from .observations import Observation, locator
from .sections import Section
from .values import UNITS, convert, parse_value

#: suffix of the code of a percentage stated beside a count
PCT_SUFFIX = codes.STATED_PCT

#: the quantity: optional 近/约/超…, Arabic or Chinese digits, optional 万/亿 (not 万元), optional 余/多
_QUANTITY = (r"(?:\d+(?:,\d{3})*(?:\.\d+)?|[〇零一二两三四五六七八九十百千]+)"
             r"(?:[万亿](?!元))?(?:余|多)?")
#: a range (10-15件) is matched as one quantity so that it can be refused as a whole
NUMBER = rf"(?P<n>(?:接近|将近|超过|大约|近|约|逾|超)?{_QUANTITY})(?P<range>(?:-|~|至|到){_QUANTITY})?"
FILLER = r"[的为是共计达到有了总数量:]{0,4}?"
PERCENT_AFTER = re.compile(r"[,;。]?\(?(?:占(?:总数|全部|申请总数|总量|总件数)?的?(?:比例)?(?:为|约)?|比例为)"
                           r"(?P<p>\d+(?:\.\d+)?)%")
HEADING_LINE = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十]{1,3}\)|\d{1,2}[.、](?!\d))", re.M)
SENTENCE_END = "。!?;\n"


@dataclass(frozen=True)
class Cue:
    """One row of ``data/prose_cues.tsv``."""

    code: str
    pattern: re.Pattern[str]
    needs: frozenset[str]
    templates: frozenset[str]
    negative: bool


@lru_cache(maxsize=1)
def cues() -> list[Cue]:
    """The cue table (``data/prose_cues.tsv``), compiled, in file order."""
    out = []
    with resources.files("gikit").joinpath("data/prose_cues.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            pat = row["pattern"]
            out.append(Cue(row["code"], re.compile(pat.replace("{N}", NUMBER).replace("{F}", FILLER)),
                           frozenset(filter(None, row["needs"].split("|"))),
                           frozenset(row["templates"].split(",")), "{N}" not in pat))
    return out


def _context_rows() -> list[dict[str, str]]:
    with resources.files("gikit").joinpath("data/prose_context.tsv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


@lru_cache(maxsize=1)
def _context() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """Topic keywords and scope markers (``data/prose_context.tsv``): kind -> [(name, regex)]."""
    out: dict[str, list[tuple[str, re.Pattern[str]]]] = {"topic": [], "scope": []}
    for row in _context_rows():
        out[row["kind"]].append((row["name"], re.compile(row["pattern"])))
    return out


@lru_cache(maxsize=1)
def _groups() -> dict[str, str]:
    """Topic -> group; topics of one group compete (a 维持 after 行政复议 is not litigation)."""
    return {r["name"]: r["group"] or r["name"] for r in _context_rows() if r["kind"] == "topic"}


# ------------------------------------------------------------------ normalised text with offsets

@lru_cache(maxsize=8192)
def _norm_char(ch: str) -> str:
    """One character of ``Document.text`` as ``NormText`` holds it (newlines kept)."""
    return "\n" if ch == "\n" else N(unicodedata.normalize("NFKC", ch))


class NormText:
    """``Document.text`` normalised for matching (NFKC, no spaces except newlines, one quote and
    bracket kind), with ``pos[i]`` = offset in the original text of normalised character ``i``.

    >>> t = NormText("共 受理 “依申请” 12 件")
    >>> t.text, t.span(t.text.index("12"), t.text.index("12") + 2)
    ('共受理"依申请"12件', (11, 13))
    """

    def __init__(self, text: str) -> None:
        # each distinct character normalised once; character i becomes len(pieces[i]) characters
        table = {ch: _norm_char(ch) for ch in set(text)}
        pieces = list(map(table.__getitem__, text))
        self.text = "".join(pieces)
        lengths = np.fromiter(map(len, pieces), dtype=np.intp, count=len(pieces))
        self.pos = np.repeat(np.arange(len(text)), lengths).tolist()
        self._lines = [m.start() for m in re.finditer(r"^", self.text, re.M)]
        self._heads = [s for s in self._lines if HEADING_LINE.match(self.text, s)]

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Original-text span of normalised ``[a, b)``."""
        return self.pos[a], self.pos[b - 1] + 1

    def block_start(self, i: int) -> int:
        """Start of the heading line at or before ``i`` (0 when there is none)."""
        starts = [s for s in self._heads if s <= i]
        return starts[-1] if starts else 0

    def sentence_start(self, i: int) -> int:
        return max(self.text.rfind(c, 0, i) for c in SENTENCE_END) + 1


def _last(pairs: list[tuple[str, re.Pattern[str]]], text: str) -> str | None:
    """The name whose pattern matches last (by match end) in ``text``."""
    best, best_end = None, -1
    for name, pat in pairs:
        for m in pat.finditer(text):
            if m.end() > best_end:
                best, best_end = name, m.end()
    return best


def topic_at(nt: NormText, i: int, sentence_only: bool = False,
             among: frozenset[str] | None = None) -> str | None:
    """The topic of the passage before normalised offset ``i``: the topic whose keyword comes
    last, since the sentence start or the last heading line, counting only the topics ``among``.
    """
    start = nt.sentence_start(i) if sentence_only else nt.block_start(i)
    pairs = [(n, p) for n, p in _context()["topic"] if among is None or n in among]
    return _last(pairs, nt.text[start:i])


def rivals(needs: frozenset[str]) -> frozenset[str]:
    """The topics that compete with ``needs``: those of the same group, and ``foreign``."""
    groups = {_groups()[t] for t in needs}
    return frozenset(t for t, g in _groups().items() if g in groups) | {"foreign"}


def scope_at(nt: NormText, i: int, meta: ReportMeta) -> str | None:
    """The scope marker in force at ``i`` if the report's intro lists that scope and it is not the
    headline scope; else None (= the headline scope)."""
    scope = _last(_context()["scope"], nt.text[nt.block_start(i):i])
    return scope if scope in (meta.scopes or []) and scope != meta.scope else None


# ------------------------------------------------------------------ extraction

def _applies(cue: Cue, meta: ReportMeta) -> bool:
    return "*" in cue.templates or meta.template is None or meta.template in cue.templates


def _context_ok(cue: Cue, nt: NormText, start: int) -> bool:
    if not cue.needs:
        return topic_at(nt, start, sentence_only=True) != "foreign"
    if "any" in cue.needs:
        return topic_at(nt, start) != "foreign"
    return topic_at(nt, start, among=rivals(cue.needs)) in cue.needs


def _obs(code: str, value: float, qualifier: str, unit: str | None, scope: str | None,
         nt: NormText, doc: Document, a: int, b: int, raw_a: int, raw_b: int) -> Observation:
    span = nt.span(a, b)
    line = doc.line_at(span[0])
    raw_span = nt.span(raw_a, raw_b)
    return Observation(code, value, applicant="total" if code.startswith("requests.") else None,
                       scope=scope, unit=unit, qualifier=qualifier, source="prose",
                       locator=locator(span=span, line=line.number if line else None, note="prose"),
                       raw=doc.text[raw_span[0]:raw_span[1]])


def _read_number(m: re.Match[str], code: str) -> tuple[float, str, str | None]:
    """Value, qualifier and unit of the quantity of a cue match, in the code's canonical unit."""
    target = codes.unit(code)
    pv = parse_value(m.group("n"))
    value, unit = pv.value, target
    stated = m.groupdict().get("u")
    if stated and not math.isnan(value):
        value, unit = convert(value, UNITS.get(stated), target)
    return value, pv.qualifier, unit


def extract_prose(doc: Document, meta: ReportMeta, sections: list[Section]
                  ) -> tuple[list[Observation], list[GikitWarning]]:
    """Figures stated in the report's sentences, each with its character span.

    Returns the observations in text order and the warnings (ranges not recorded, a figure
    stated twice with different values, a missing unit).
    """
    nt = NormText(doc.text)
    warnings: list[GikitWarning] = []
    claimed: list[tuple[int, int]] = []
    found: list[tuple[int, Observation]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in claimed)

    for cue in cues():
        if not _applies(cue, meta):
            continue
        for m in cue.pattern.finditer(nt.text):
            if cue.negative:
                a, b = m.span()
                if not free(a, b) or not _context_ok(cue, nt, a):
                    continue
                found.append((a, _obs(cue.code, 0.0, "zero_word", codes.unit(cue.code),
                                      scope_at(nt, a, meta), nt, doc, a, b, a, b)))
                continue
            a, b = m.span("n")
            after = nt.text[b:b + 1]
            if after in ("%", "‰", ".") or not free(a, b) or not _context_ok(cue, nt, m.start()):
                continue
            claimed.append((a, b))
            if m.group("range"):
                warnings.append(ProseWarning(
                    f"{doc.source}: {cue.code} is stated as a range ({m.group(0)!r}); not recorded"))
                continue
            value, qualifier, unit = _read_number(m, cue.code)
            if math.isnan(value):
                continue
            if m.end() == b:
                warnings.append(ProseWarning(
                    f"{doc.source}: {cue.code} is stated without a unit "
                    f"({nt.text[m.start():m.end() + 1]!r}); assumed {unit}"))
            scope = scope_at(nt, m.start(), meta)
            found.append((a, _obs(cue.code, value, qualifier, unit, scope, nt, doc, a, b,
                                  m.start(), m.end())))
            pm = PERCENT_AFTER.match(nt.text, m.end())
            if pm:
                found.append((pm.start("p"), _obs(cue.code + PCT_SUFFIX, float(pm.group("p")), "exact",
                                                  "percent", scope, nt, doc, pm.start("p"), pm.end(),
                                                  pm.start(), pm.end())))
    found.sort(key=lambda t: t[0])
    return _dedupe([o for _, o in found], doc.source, warnings), warnings


def _dedupe(obs: list[Observation], source: str, warnings: list[GikitWarning]) -> list[Observation]:
    """Keep the first statement of each (code, applicant, scope); warn when a later one differs."""
    kept: dict[tuple, Observation] = {}
    for o in obs:
        key = (o.code, o.applicant, o.scope)
        if key not in kept:
            kept[key] = o
        elif kept[key].value != o.value:
            first = kept[key]
            warnings.append(ProseWarning(
                f"{source}: {o.code} (scope {o.scope or 'headline'}) is stated as {first.value:g} "
                f"({first.raw!r}, {first.locator}) and as {o.value:g} ({o.raw!r}, {o.locator}); "
                f"kept the first"))
    return list(kept.values())
