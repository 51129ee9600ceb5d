"""Exports: Excel (openpyxl; one sheet per frame plus a codebook), CSV, Parquet (pyarrow) and DuckDB
(tables ``reports``, ``indicators``, ``checks``, ``metrics``, ``failures``).

>>> import gikit, tempfile, os, duckdb
>>> c = gikit.load_reports(["xilinhot-2021"], workers=1, progress=False)
>>> path = os.path.join(tempfile.mkdtemp(), "reports.duckdb")
>>> c.to_duckdb(path)
>>> duckdb.connect(path, read_only=True).execute("select region from reports").fetchall()
[('锡林浩特市',)]
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from .exceptions import GikitError

if TYPE_CHECKING:
    from .collection import ReportCollection
    from .report import Report

#: Excel's row limit (header included)
EXCEL_MAX_ROWS = 1_048_576
#: the formats ``write`` (and ``gikit parse -o``) knows, by file extension
FORMATS = {".csv": "csv", ".parquet": "parquet", ".xlsx": "excel", ".duckdb": "duckdb", ".db": "duckdb"}


class ExportError(GikitError, ValueError):
    """The data cannot be written in the requested format (e.g. too many rows for Excel)."""


def codebook_frame() -> pd.DataFrame:
    """The code registry (code, label_zh, label_en, unit, templates, grade, kind) for export."""
    from .codes import codebook  # noqa: PLC0415

    return codebook().reset_index(drop=True)


def _storable(df: pd.DataFrame) -> pd.DataFrame:
    """Types every store understands: dates as datetimes, other object columns as strings."""
    df = df.copy()
    for col in df.columns:
        if df[col].dtype != object:
            continue
        values = df[col].dropna()
        if len(values) and all(isinstance(v, (dt.date, dt.datetime)) for v in values):
            df[col] = pd.to_datetime(df[col])
        else:
            df[col] = df[col].map(lambda v: v if v is None or (isinstance(v, float) and pd.isna(v)) else str(v)
                                  ).astype("string")
    return df


def _sheets_to_excel(sheets: dict[str, pd.DataFrame], path: str | os.PathLike) -> None:
    for name, df in sheets.items():
        if len(df) + 1 > EXCEL_MAX_ROWS:
            raise ExportError(f"sheet {name!r} has {len(df):,} rows, more than Excel holds; "
                              f"write .parquet or .duckdb instead", source=str(path))
    with pd.ExcelWriter(path, engine="openpyxl") as xw:
        for name, df in sheets.items():
            _storable(df).to_excel(xw, sheet_name=name, index=False)


# ---------------------------------------------------------------- one report

def report_to_excel(report: "Report", path: str | os.PathLike) -> None:
    """Sheets ``meta`` (field, value), ``indicators``, ``requests`` (when the view is available),
    ``checks``, ``warnings`` and ``codebook``."""
    meta = pd.DataFrame({"field": list(report.meta.to_dict()), "value": [
        "" if v is None else str(v) for v in report.meta.to_dict().values()]})
    sheets = {"meta": meta, "indicators": report.indicators}
    try:
        sheets["requests"] = report.requests.reset_index()
    except ImportError:  # the wide request view is optional
        pass
    sheets["checks"] = report.checks()
    sheets["warnings"] = pd.DataFrame({"warning": [str(w) for w in report.warnings]})
    sheets["codebook"] = codebook_frame()
    _sheets_to_excel(sheets, path)


# ---------------------------------------------------------------- collections

def collection_frames(c: "ReportCollection") -> dict[str, pd.DataFrame]:
    """The frames every export writes: reports, indicators, metrics, checks, failures."""
    return {"reports": c.summary(), "indicators": c.indicators, "metrics": c.metrics(), "checks": c.checks(),
            "failures": c.failures}


def collection_to_excel(c: "ReportCollection", path: str | os.PathLike) -> None:
    """One sheet per frame (reports, indicators, metrics, checks, failures) plus ``codebook``
    (zh/en labels and units of every code)."""
    sheets = collection_frames(c)
    sheets["codebook"] = codebook_frame()
    _sheets_to_excel(sheets, path)


def collection_to_csv(c: "ReportCollection", path: str | os.PathLike) -> None:
    """``indicators`` with report metadata as one UTF-8 CSV file."""
    c.indicators.to_csv(path, index=False, encoding="utf-8")


def collection_to_parquet(c: "ReportCollection", path: str | os.PathLike) -> None:
    """``indicators`` with report metadata as one Parquet file (pyarrow)."""
    try:
        import pyarrow  # noqa: F401, PLC0415
    except ImportError:
        raise ExportError("writing Parquet needs pyarrow: pip install 'gikit[store]'", source=str(path)) from None
    _storable(c.indicators).to_parquet(path, engine="pyarrow", index=False)


def collection_to_duckdb(c: "ReportCollection", path: str | os.PathLike) -> None:
    """A DuckDB file with tables reports, indicators, metrics, checks, failures and codebook
    (an existing file at ``path`` is replaced)."""
    try:
        import duckdb  # noqa: PLC0415
    except ImportError:
        raise ExportError("writing DuckDB needs duckdb: pip install 'gikit[store]'", source=str(path)) from None
    path = Path(path)
    for p in (path, Path(f"{path}.wal")):
        if p.exists():
            p.unlink()
    frames = collection_frames(c)
    frames["codebook"] = codebook_frame()
    con = duckdb.connect(str(path))
    try:
        for name, df in frames.items():
            con.register("frame", _storable(df))
            con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM frame')
            con.unregister("frame")
    finally:
        con.close()


def write(c: "ReportCollection", path: str | os.PathLike) -> str:
    """Write a collection in the format named by the file extension (.csv .parquet .xlsx .duckdb);
    returns the format used."""
    ext = Path(path).suffix.lower()
    fmt = FORMATS.get(ext)
    if fmt is None:
        raise ExportError(f"unknown output type {ext or '(none)'!r}; use one of {', '.join(FORMATS)}",
                          source=str(path))
    {"csv": collection_to_csv, "parquet": collection_to_parquet, "excel": collection_to_excel,
     "duckdb": collection_to_duckdb}[fmt](c, path)
    return fmt
