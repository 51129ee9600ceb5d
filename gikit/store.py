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


# ---------------------------------------------------------------- streaming sinks (gikit.batch)

#: the date fields of ``ReportMeta`` (typed as dates in every chunk, even when all missing)
DATE_COLUMNS = ("published", "signature_date", "period_start", "period_end")


def chunk_frame(name: str, results: list) -> pd.DataFrame:
    """One table's rows of a chunk of ``batch.FileResult``s as a frame typed like the in-memory
    collection's (``year`` nullable integer, dates as datetimes, text as strings)."""
    import numpy as np  # noqa: PLC0415

    cols = next((r.columns[name] for r in results if name in r.columns), None)
    rows = [row for r in results for row in r.records.get(name, ())]
    df = pd.DataFrame.from_records(rows, columns=cols) if cols else pd.DataFrame()
    if "year" in df.columns:
        df["year"] = df["year"].astype("Int64")
    if name == "indicators":
        df = df.replace({None: np.nan}).astype({"value": float})
    if name == "reports":
        for c in DATE_COLUMNS:
            if c in df.columns:
                df[c] = pd.to_datetime(df[c])
    return _storable(df)


class _Sink:
    """Receives chunks of results from ``gikit.batch.write_reports``; opens its file lazily so
    that nothing is written when nothing was parsed."""

    format = ""
    tables: tuple[str, ...] = ("reports", "indicators")

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)

    def write(self, results: list) -> None:
        raise NotImplementedError

    def finish(self, failures: list, stubs: list) -> None:
        """Called once after the last chunk when at least one report was written."""

    def close(self) -> None:
        """Release files (also after an error)."""


class ParquetSink(_Sink):
    """``indicators`` to one Parquet file (a row group per chunk), or with ``partitioned`` to a
    folder of ``part-00000.parquet`` … files, one per chunk."""

    format = "parquet"
    tables = ("indicators",)

    def __init__(self, path: str | os.PathLike, partitioned: bool = False) -> None:
        super().__init__(path)
        try:
            import pyarrow  # noqa: F401, PLC0415
        except ImportError:
            raise ExportError("writing Parquet needs pyarrow: pip install 'gikit[store]'", source=str(path)) from None
        self.partitioned = partitioned
        self.writer = None
        self.parts = 0

    def write(self, results: list) -> None:
        import pyarrow as pa  # noqa: PLC0415
        import pyarrow.parquet as pq  # noqa: PLC0415

        table = pa.Table.from_pandas(chunk_frame("indicators", results), preserve_index=False)
        if self.partitioned:
            if self.parts == 0:
                if self.path.exists() and not self.path.is_dir():
                    self.path.unlink()
                self.path.mkdir(parents=True, exist_ok=True)
                for old in self.path.glob("part-*.parquet"):
                    old.unlink()
            pq.write_table(table, self.path / f"part-{self.parts:05d}.parquet")
            self.parts += 1
            return
        if self.writer is None:
            self.schema = table.schema
            self.writer = pq.ParquetWriter(str(self.path), self.schema)
        self.writer.write_table(table.cast(self.schema))

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


class CsvSink(_Sink):
    """``indicators`` appended to one UTF-8 CSV file."""

    format = "csv"
    tables = ("indicators",)

    def __init__(self, path: str | os.PathLike) -> None:
        super().__init__(path)
        self.started = False

    def write(self, results: list) -> None:
        chunk_frame("indicators", results).to_csv(self.path, mode="a" if self.started else "w",
                                                   header=not self.started, index=False, encoding="utf-8")
        self.started = True


class DuckDBSink(_Sink):
    """Tables reports, indicators, metrics, checks (with the cross-year checks), failures and
    codebook in one DuckDB file (an existing file is replaced)."""

    format = "duckdb"
    tables = ("reports", "indicators", "metrics", "checks")

    def __init__(self, path: str | os.PathLike) -> None:
        super().__init__(path)
        try:
            import duckdb  # noqa: F401, PLC0415
        except ImportError:
            raise ExportError("writing DuckDB needs duckdb: pip install 'gikit[store]'", source=str(path)) from None
        self.con = None
        self.created: set[str] = set()

    def _connect(self):  # noqa: ANN202
        import duckdb  # noqa: PLC0415

        if self.con is None:
            for p in (self.path, Path(f"{self.path}.wal")):
                if p.exists():
                    p.unlink()
            self.con = duckdb.connect(str(self.path))
        return self.con

    def _append(self, name: str, df: pd.DataFrame) -> None:
        con = self._connect()
        if df.empty and name in self.created:
            return
        con.register("frame", _storable(df))
        if name in self.created:
            con.execute(f'INSERT INTO "{name}" BY NAME SELECT * FROM frame')
        else:
            con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM frame')
            self.created.add(name)
        con.unregister("frame")

    def write(self, results: list) -> None:
        for name in self.tables:
            df = chunk_frame(name, results)
            if not df.empty or name not in self.created:
                if df.columns.empty:
                    continue
                self._append(name, df)

    def finish(self, failures: list, stubs: list) -> None:
        from .checks import CHECK_COLUMNS, cross_year_checks  # noqa: PLC0415

        if len(stubs) > 1:
            extra = cross_year_checks(stubs)
            if not extra.empty:
                self._append("checks", extra)
        if "checks" not in self.created:
            self._append("checks", pd.DataFrame(columns=["report_id", *CHECK_COLUMNS]))
        from .collection import FAILURE_COLUMNS  # noqa: PLC0415

        self._append("failures", pd.DataFrame([vars(f) for f in failures], columns=FAILURE_COLUMNS))
        self._append("codebook", codebook_frame())

    def close(self) -> None:
        if self.con is not None:
            self.con.close()
            self.con = None


def open_sink(path: str | os.PathLike, partitioned: bool = False) -> _Sink:
    """The streaming sink for ``path``'s extension (.parquet, .duckdb/.db, .csv); Excel cannot be
    streamed (use ``ReportCollection.to_excel``)."""
    ext = Path(path).suffix.lower()
    fmt = FORMATS.get(ext)
    if fmt == "parquet":
        return ParquetSink(path, partitioned=partitioned)
    if fmt == "duckdb":
        return DuckDBSink(path)
    if fmt == "csv":
        return CsvSink(path)
    raise ExportError(f"cannot stream to {ext or '(none)'!r}; use .parquet, .duckdb or .csv "
                      f"(Excel: load_reports(...).to_excel(path))", source=str(path))
