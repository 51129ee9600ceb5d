"""Top-level sections of a report, found by their title text, not by numeral sequence (SPEC D18).

>>> from gikit.document import Document
>>> doc = Document.from_lines(["一、总体情况", "今年我市……工作取得新进展。", "三、存在的主要问题及改进情况",
...                            "一是……。", "三、2019年工作思路", "继续……。"])
>>> [(s.key, s.title) for s in find_sections(doc)]
[('overview', '总体情况'), ('problems', '存在的主要问题及改进情况'), ('plans', '2019年工作思路')]
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .document import Document
from .normalize import N

HEADING = re.compile(r"^\s*(?:第[一二三四五六七八九十]{1,3}部分[、:.]?|[一二三四五六七八九十]{1,3}[、.．])\s*(?P<title>.+)$")
MAX_TITLE = 40
#: titles that are rows of the statistical tables, not sections
TABLE_LABEL = re.compile(r"(数量|数|办理结果|结转.*|费用)$|^本年|^上年")
VALUE_OR_UNIT = re.compile(r"^([-+\d.,%—/|]+|无|条|件|次|篇|个|人|人次|万元|元|—|单位|是/否|统计数)\|?$")


@dataclass(frozen=True)
class Section:
    """A section: canonical ``key`` (see data/sections.csv), printed ``title``, char span of its body."""

    key: str
    title: str
    start: int
    end: int
    line: int


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    with resources.files("gikit").joinpath("data/sections.tsv").open(encoding="utf-8") as f:
        return [(r["key"], re.compile(r["pattern"])) for r in csv.DictReader(f, delimiter="\t")]


def classify_title(title: str) -> str | None:
    """Canonical key of a section title (data/sections.tsv), or None if it is of no known kind.

    >>> classify_title("存在的主要问题及改进情况")
    'problems'
    """
    t = N(title)
    for key, pat in _patterns():
        if pat.search(t):
            return key
    return None


def _is_heading(doc: Document, i: int) -> tuple[str, str] | None:
    ln = doc.lines[i]
    m = HEADING.match(ln.text)
    if not m or "|" in ln.text:
        return None
    title = m.group("title").strip().rstrip("。:：")
    if len(N(title)) > MAX_TITLE or "。" in title[:-1]:
        return None
    if TABLE_LABEL.search(N(title)):
        return None
    key = classify_title(title) or "other"
    nxt = N(doc.lines[i + 1].text) if i + 1 < len(doc.lines) else ""
    # a table row label (one cell per line) is followed by a unit or a value, not by prose
    if key != "annex" and VALUE_OR_UNIT.match(nxt):
        return None
    return key, title


def find_sections(doc: Document) -> list[Section]:
    """All top-level sections in reading order."""
    heads = [(i, h) for i in range(len(doc.lines)) if (h := _is_heading(doc, i))]
    out = []
    for n, (i, (key, title)) in enumerate(heads):
        start = doc.lines[i + 1].start if i + 1 < len(doc.lines) else doc.lines[i].end
        end = doc.lines[heads[n + 1][0]].start - 1 if n + 1 < len(heads) else len(doc.text)
        out.append(Section(key, title, start, max(start, end), doc.lines[i].number))
    return out


def sections_dict(doc: Document, sections: list[Section] | None = None) -> dict[str, str]:
    """Section title -> body text; a repeated title gets `` (2)`` appended."""
    out: dict[str, str] = {}
    for s in sections if sections is not None else find_sections(doc):
        title = s.title
        k = 2
        while title in out:
            title = f"{s.title} ({k})"
            k += 1
        out[title] = doc.text[s.start:s.end].strip()
    return out


def section_at(sections: list[Section], offset: int) -> Section | None:
    """The section containing character ``offset`` of the text."""
    for s in sections:
        if s.start <= offset <= s.end:
            return s
    return None
