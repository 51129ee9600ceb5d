"""The code registry: every indicator code gikit can emit, with labels, unit and comparability.

The registry is the data file ``gikit/data/codes.tsv`` (columns ``code``, ``label_zh``,
``label_en``, ``unit``, ``templates``, ``grade``, ``kind``). ``grade`` says how comparable a
code is between the old table and the 2019/2021 formats (SPEC §7): ``S`` same concept,
``A`` approximate (compare through ``h.*``), ``N`` not comparable, ``new-only`` present in the
2019 and 2021 formats only. ``kind`` is ``table``, ``derived``, ``harmonised`` or ``prose``.

>>> label("requests.received.total")
'Requests received'
>>> label("requests.outcome.disclosed", lang="zh")
'予以公开'
>>> unit("active.admin_fees.amount")
'wan_yuan'
>>> codebook().loc["review.total", "grade"]
'S'
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import pandas as pd

CODEBOOK_COLUMNS = ["code", "label_zh", "label_en", "unit", "templates", "grade", "kind"]
GRADES = ("S", "A", "N", "new-only")
KINDS = ("table", "derived", "harmonised", "prose")
#: suffix of a percentage a report states beside a count (``<code>.stated_pct``, unit ``percent``)
STATED_PCT = ".stated_pct"


@lru_cache(maxsize=1)
def _codebook() -> pd.DataFrame:
    with resources.files("gikit").joinpath("data/codes.tsv").open(encoding="utf-8") as f:
        df = pd.read_csv(f, sep="\t", dtype=str, keep_default_na=False)
    return df.set_index("code", drop=False)


@lru_cache(maxsize=1)
def _records() -> dict[str, dict[str, str]]:
    """code -> its registry row as a dict (per-code lookups without pandas)."""
    return _codebook().to_dict(orient="index")


def codebook() -> pd.DataFrame:
    """All codes, indexed by code, in form order (a copy you may modify)."""
    return _codebook().copy()


def is_code(code: str) -> bool:
    """True if ``code`` is in the registry (or is a registered code's stated percentage).

    >>> is_code("review.total"), is_code("review.nonsense"), is_code("review.total.stated_pct")
    (True, False, True)
    """
    return code in _records() or (code.endswith(STATED_PCT) and code[: -len(STATED_PCT)] in _records())


def label(code: str, lang: str = "en") -> str:
    """The label of ``code`` in English (``lang="en"``) or Chinese (``lang="zh"``); the code itself
    if it is unknown.

    >>> label("requests.outcome.legacy.agreed.stated_pct")
    'Agreed to disclose (stated %)'
    """
    if code.endswith(STATED_PCT) and is_code(code):
        base = label(code[: -len(STATED_PCT)], lang)
        return f"{base}（占比）" if lang == "zh" else f"{base} (stated %)"
    rec = _records().get(code)
    return code if rec is None else rec["label_zh" if lang == "zh" else "label_en"]


def unit(code: str) -> str | None:
    """The canonical unit of ``code`` (SPEC §2), None if the code is unknown."""
    if code.endswith(STATED_PCT) and is_code(code):
        return "percent"
    rec = _records().get(code)
    return None if rec is None else rec["unit"] or None


def templates(code: str) -> tuple[str, ...]:
    """The templates (``old``, ``fmt2019``, ``fmt2021``) in which ``code`` can occur.

    >>> templates("active.licensing.decisions")
    ('fmt2019', 'fmt2021')
    """
    rec = _records().get(code)
    return () if rec is None else tuple(t for t in rec["templates"].split(",") if t)
