"""Text normalisation: ``N()`` for matching labels and ``clean_text`` for display text.

>>> N("（一）主动公开 政府信息数")
'(一)主动公开政府信息数'
>>> N("国办发[2014]32号")
'国办发〔2014〕32号'
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# characters NFKC leaves alone but that behave as spaces on Chinese web pages
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2002\u2003\u2009\u200b\u3000\ufeff\u200c\u200d\u2060"), " ")
#: what N() removes: whitespace and the odd spaces above (those ``\s`` does not cover)
_DROP = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")
#: what N() replaces: one kind of quote and of bracket
_MARKS = {**{c: '"' for c in "“”「」‘’'″"}, "﹝": "〔", "﹞": "〕", "[": "〔", "]": "〕"}
_MARK = re.compile("[" + re.escape("".join(_MARKS)) + "]")
_SPACE_RUN = re.compile(r" {2,}")


@lru_cache(maxsize=8192)  # the same labels and cells are normalised many times per report
def N(label: str) -> str:
    """Normalise a label for matching (SPEC §0): NFKC, no whitespace, one kind of quote and bracket."""
    s = _DROP.sub("", unicodedata.normalize("NFKC", label))
    return _MARK.sub(lambda m: _MARKS[m.group()], s)


def clean_line(line: str) -> str:
    """Normalise one line for ``Report.text``: NFKC, odd spaces to ASCII, runs of space folded."""
    s = unicodedata.normalize("NFKC", line.translate(_SPACES))
    s = s.replace("\t", " ")
    return _SPACE_RUN.sub(" ", s).strip()


def strip_annotations(label: str) -> str:
    """Remove bracketed annotations ``(...)`` from an already normalised label.

    >>> strip_annotations('规章(设区的市、自治州人民政府应提供相关数据)')
    '规章'
    """
    prev = None
    while prev != label:
        prev = label
        label = re.sub(r"\([^()]*\)", "", label)
    return label
