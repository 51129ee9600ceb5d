"""One extracted figure (``Observation``) and the tidy ``indicators`` frame built from many.

>>> obs = Observation("requests.received.total", 8.0, applicant="total", unit="case",
...                   source="table", locator="table 2 · row 一、本年新收政府信息公开申请数量 · col 总计 · chars 10-11",
...                   raw="8")
>>> row = to_frame([obs]).iloc[0]
>>> row["code"], float(row["value"]), row["qualifier"]
('requests.received.total', 8.0, 'exact')
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

#: the columns of ``Report.indicators``, in order
INDICATOR_COLUMNS = ["code", "applicant", "scope", "value", "unit", "qualifier", "source", "locator", "raw"]

#: qualifier vocabulary (SPEC §2, plus ``ambiguous`` and ``unparsed``)
QUALIFIERS = {
    "exact": "the number as printed",
    "more_than": "printed with 余/多/超/逾: at least this much",
    "nearly": "printed with 近/接近: a little less than this",
    "approx": "printed with 约/左右 (or 近…余): about this much",
    "rounded": "printed as x.y万/亿: rounded",
    "derived": "computed by gikit from other figures",
    "zero_word": "printed as 无/没有/未… and recorded as 0",
    "dash": "printed as —, - or / and recorded as 0",
    "blank": "the cell is empty: missing (NaN)",
    "ambiguous": "several readings fit; left NaN (see warnings)",
    "unparsed": "the cell holds text gikit could not read as a number: NaN",
}
SOURCES = ("table", "prose", "derived")


@dataclass
class Observation:
    """One figure: code, value and where it came from (``locator``, ``raw``)."""

    code: str
    value: float
    applicant: str | None = None
    scope: str | None = None
    unit: str | None = None
    qualifier: str = "exact"
    source: str = "table"
    locator: str = ""
    raw: str = ""


def locator(*, table: str | None = None, row: str | None = None, col: str | None = None,
            span: tuple[int, int] | None = None, line: int | None = None, note: str | None = None) -> str:
    """Format a provenance string: ``table T3 · row … · col … · line 12 · chars 100-103``."""
    parts = []
    if table:
        parts.append(f"table {table}")
    if row:
        parts.append(f"row {row}")
    if col:
        parts.append(f"col {col}")
    if line is not None:
        parts.append(f"line {line}")
    if span is not None:
        parts.append(f"chars {span[0]}-{span[1]}")
    if note:
        parts.append(note)
    return " · ".join(parts)


def span_of(loc: str) -> tuple[int, int] | None:
    """The character span recorded in a locator string, if any.

    >>> span_of("table 1 · row x · chars 10-12")
    (10, 12)
    """
    import re

    m = re.search(r"chars (\d+)-(\d+)", loc or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def to_frame(observations: list[Observation]) -> pd.DataFrame:
    """Tidy long frame with ``INDICATOR_COLUMNS``; empty but typed when there are no figures."""
    if not observations:
        df = pd.DataFrame({c: pd.Series(dtype="object") for c in INDICATOR_COLUMNS})
        df["value"] = df["value"].astype(float)
        return df
    # plain columns: dataclasses.asdict deep-copies every field, and a frame from a list of
    # records costs more than one from columns
    cols = {c: [getattr(o, c) for o in observations] for c in INDICATOR_COLUMNS}
    cols["value"] = np.array(cols["value"], dtype=float)
    return pd.DataFrame(cols, columns=INDICATOR_COLUMNS).replace({None: np.nan})
