"""Clean reader output: normalise lines, drop page chrome (SPEC D15), keep only the first
copy of duplicated page content (SPEC D9)."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ..normalize import N, clean_line

#: A repeated run of lines counts as duplicated page content only when it is this long.
MIN_DUP_CHARS = 300
#: ... and starts on a line at least this long (short lines like "0" or "件" repeat legitimately).
MIN_ANCHOR_CHARS = 15


@lru_cache(maxsize=1)
def chrome_patterns() -> list[re.Pattern[str]]:
    text = resources.files("gikit").joinpath("data/chrome.txt").read_text(encoding="utf-8")
    return [re.compile(p) for p in text.splitlines() if p.strip() and not p.startswith("#")]


@lru_cache(maxsize=1)
def _chrome_regex() -> re.Pattern[str]:
    """The chrome patterns as one alternation (a line matches it iff it matches one of them)."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in chrome_patterns()))


def is_chrome(line: str) -> bool:
    """True for navigation bars, print/close buttons, ICP and copyright lines."""
    return len(line) <= 120 and _chrome_regex().search(line) is not None


def clean_items(items: list, notes: list[str] | None = None) -> tuple[list, list[str]]:
    """Return (kept items, removed chrome lines). Items are ``document._Item``.

    When repeated page content is dropped, a remark is appended to ``notes`` (it becomes a warning).
    """
    kept, chrome = [], []
    for it in items:
        if it.cells is not None:
            it.cells = [clean_line(c) for c in it.cells]
            if not any(it.cells):
                continue
            it.text = " | ".join(it.cells)
        else:
            it.text = clean_line(it.text)
            if not it.text:
                continue
            if is_chrome(it.text):
                chrome.append(it.text)
                continue
        kept.append(it)
    unique = drop_duplicate_runs(kept)
    if notes is not None and len(unique) < len(kept):
        notes.append(f"{len(kept) - len(unique)} lines of repeated page content were dropped "
                     "(the report text appears more than once); the first copy was kept")
    return unique, chrome


def drop_duplicate_runs(items: list) -> list:
    """Remove later copies of long runs of lines that already appeared (SPEC D9)."""
    keys = [N(it.text) for it in items]
    first: dict[str, int] = {}
    drop = [False] * len(items)
    j = 0
    while j < len(items):
        key = keys[j]
        i = first.get(key)
        if i is not None and len(key) >= MIN_ANCHOR_CHARS and not drop[j]:
            run, chars = 0, 0
            while j + run < len(items) and i + run < j and keys[i + run] == keys[j + run]:
                chars += len(keys[j + run])
                run += 1
            if chars >= MIN_DUP_CHARS:
                for k in range(j, j + run):
                    drop[k] = True
                j += run
                continue
        first.setdefault(key, j)
        j += 1
    return [it for it, d in zip(items, drop) if not d]
