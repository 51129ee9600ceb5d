"""Streaming batch parsing: many files → Parquet, DuckDB or CSV in chunks, with bounded memory.

One per-file function (``parse_file``) does the work wherever it runs: in this process, in a
pool of local processes, or on a Dask cluster (``engine="dask"``, see ``gikit.dask_engine``).
It returns plain records, not a ``Report``, so little crosses between processes. The driver
takes the results **in input order**, gives each report a unique ``report_id`` (the rule of
``ReportCollection``: ``-2``, ``-3`` … for repeats) and hands chunks of ``chunk_size`` reports to
a sink (``gikit.store.open_sink``). Only the files in flight and one chunk are held in memory.

>>> import gikit, tempfile, os, pandas as pd
>>> out = os.path.join(tempfile.mkdtemp(), "reports.parquet")
>>> s = write_reports(["xilinhot-2021", "ordos-2017"], out, workers=1, progress=False)
>>> s.n_reports, s.n_failures
(2, 0)
>>> list(pd.read_parquet(out)["report_id"].unique())  # input order
['锡林浩特市-2021', '鄂尔多斯市-2017']
"""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from .collection import META_COLUMNS, Failure, expand_sources, parse_one
from .observations import INDICATOR_COLUMNS

#: the frames a batch can write (``failures`` always comes along)
TABLES = ("reports", "indicators", "metrics", "checks")
#: engines of ``write_reports`` / ``load_reports``
ENGINES = ("processes", "dask")
#: files per task sent to a worker (amortises the cost of one submission)
FILES_PER_TASK = 8
#: reports per chunk handed to the sink (one Parquet row group / part file, one DuckDB insert)
CHUNK_SIZE = 200


@dataclass
class FileResult:
    """What ``parse_file`` returns for one file: records per table, or the failure."""

    source: str
    report_id: str | None = None
    records: dict[str, list[tuple]] = field(default_factory=dict)
    columns: dict[str, list[str]] = field(default_factory=dict)
    failure: Failure | None = None
    stub: Any = None  # a Report with only the figures the cross-year checks read


def _rows(df) -> tuple[list[str], list[tuple]]:  # noqa: ANN001
    return list(df.columns), list(df.itertuples(index=False, name=None))


def report_records(report: Any, tables: Sequence[str] = ("reports", "indicators")) -> FileResult:
    """The rows one report contributes to each table (``report_id`` still the report's own)."""
    m = report.meta
    rid = report.report_id
    meta_vals = (rid, m.region, m.province, m.level, m.year, m.template)
    res = FileResult(source=m.source or "<bytes>", report_id=rid)
    if "reports" in tables:
        d = report.summary()
        cols = ["report_id"] + [k for k in d if k != "report_id"]
        res.columns["reports"], res.records["reports"] = cols, [tuple(d[k] for k in cols)]
    if "indicators" in tables:
        res.columns["indicators"] = [*META_COLUMNS, *INDICATOR_COLUMNS]
        res.records["indicators"] = [meta_vals + (o.code, o.applicant, o.scope, o.value, o.unit, o.qualifier,
                                                  o.source, o.locator, o.raw) for o in report.observations]
    if "metrics" in tables:
        from .metrics import report_metrics  # noqa: PLC0415

        cols, rows = _rows(report_metrics(report))
        res.columns["metrics"] = [*META_COLUMNS, *cols]
        res.records["metrics"] = [meta_vals + r for r in rows]
    if "checks" in tables:
        cols, rows = _rows(report.checks())
        res.columns["checks"] = ["report_id", *cols]
        res.records["checks"] = [(rid,) + r for r in rows]
        res.stub = _cross_year_stub(report)
    return res


def _cross_year_stub(report: Any) -> Any:
    """A copy of ``report`` that keeps only what ``checks.cross_year_checks`` reads (metadata and
    the figures its checks name), so a long batch can run them at the end in little memory."""
    from .checks import check_definitions  # noqa: PLC0415
    from .document import Document  # noqa: PLC0415
    from .report import Report  # noqa: PLC0415

    wanted = {c for d in check_definitions() if d.kind.startswith("cross_")
              for t in d.lhs + d.rhs for c in t.split("|")}
    obs = [o for o in report.observations if o.code in wanted]
    if not obs:
        return None
    return Report(meta=report.meta, document=Document(text="", lines=[], source=report.meta.source or ""),
                  observations=obs)


def parse_file(source: str, tables: Sequence[str] = ("reports", "indicators")) -> FileResult:
    """Parse one file into table records (or a failure): the unit of work of every engine.

    >>> r = parse_file("xilinhot-2021", tables=("indicators",))
    >>> r.report_id, r.failure, len(r.records["indicators"]) > 100
    ('锡林浩特市-2021', None, True)
    """
    res = parse_one(source)
    if isinstance(res, Failure):
        return FileResult(source=source, failure=res)
    try:
        out = report_records(res, tables)
    except Exception as exc:  # noqa: BLE001 — one bad file must never stop a batch
        if os.environ.get("GIKIT_DEBUG"):
            raise
        return FileResult(source=source, failure=Failure(source, type(exc).__name__,
                                                         f"{source}: unexpected {type(exc).__name__}: {exc}"))
    out.source = source
    return out


def parse_files(sources: Sequence[str], tables: Sequence[str] = ("reports", "indicators")) -> list[FileResult]:
    """``parse_file`` over a few files: one task for a worker."""
    return [parse_file(s, tables) for s in sources]


def parse_reports(sources: Sequence[str]) -> list[Any]:
    """``parse_one`` over a few files (Reports or Failures): one task for ``load_reports``."""
    return [parse_one(s) for s in sources]


# ---------------------------------------------------------------- running tasks in order

def run_ordered(submit: Callable[..., Any], func: Callable[[list[str]], list], files: Sequence[str],
                window: int, files_per_task: int = FILES_PER_TASK,
                on_error: Callable[[str, BaseException], Any] | None = None) -> Iterator[Any]:
    """Yield ``func``'s results for every file, in the order of ``files``.

    ``submit(func, batch)`` returns a future with ``.result()`` (a ``concurrent.futures``
    executor's ``submit`` or a Dask client's). At most ``window`` tasks of ``files_per_task`` files are
    in flight, so memory stays bounded however many files there are. A task that dies (a crashed
    worker) yields ``on_error(file, exc)`` for each of its files.
    """
    k = files_per_task
    batches = (list(files[i:i + k]) for i in range(0, len(files), k))
    pending: deque = deque()
    for batch in batches:
        pending.append((batch, submit(func, batch)))
        if len(pending) >= window:
            yield from _collect(*pending.popleft(), on_error)
    while pending:
        yield from _collect(*pending.popleft(), on_error)


def _collect(batch: list[str], future: Any, on_error: Callable | None) -> list[Any]:
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 — a crashed worker is a failure of its files
        if os.environ.get("GIKIT_DEBUG") or on_error is None:
            raise
        return [on_error(src, exc) for src in batch]


class _Inline:
    """A stand-in executor that runs each task when its result is asked for."""

    class _Done:
        def __init__(self, func: Callable, args: tuple) -> None:
            self.func, self.args = func, args

        def result(self) -> Any:
            return self.func(*self.args)

    def submit(self, func: Callable, *args: Any) -> "_Inline._Done":
        return self._Done(func, args)

    def __enter__(self) -> "_Inline":
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def executor(engine: str = "processes", workers: int | None = None, scheduler: str | None = None,
             n_files: int | None = None) -> Any:
    """A context manager giving an object with ``submit(func, *args) -> future``.

    ``processes``: this process when ``workers == 1``, else a ``ProcessPoolExecutor``;
    ``dask``: a Dask client on ``scheduler`` (an address) or on a new ``LocalCluster``.
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}; got {engine!r}")
    if engine == "dask":
        from .dask_engine import dask_executor  # noqa: PLC0415

        return dask_executor(scheduler=scheduler, workers=workers)
    if workers is None:
        workers = os.cpu_count() or 1
    if n_files is not None:
        workers = min(workers, max(1, -(-n_files // per_task(n_files, workers))))
    if workers <= 1:
        return _Inline()
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    return ProcessPoolExecutor(max_workers=workers)


def _window(workers: int | None) -> int:
    """Tasks in flight: enough to keep every worker busy, few enough to bound memory."""
    return 4 * (workers or os.cpu_count() or 1)


def per_task(n_files: int, workers: int | None) -> int:
    """Files per task: ``FILES_PER_TASK``, fewer when a small batch would leave workers idle."""
    w = workers or os.cpu_count() or 1
    return max(1, min(FILES_PER_TASK, n_files // (2 * w)))


# ---------------------------------------------------------------- the streaming driver

@dataclass
class BatchSummary:
    """What a streamed batch did: counts, the failures, the output and its format."""

    n_files: int = 0
    n_reports: int = 0
    n_figures: int = 0
    failures: list[Failure] = field(default_factory=list)
    output: str = ""
    format: str = ""

    @property
    def n_failures(self) -> int:
        return len(self.failures)


def _crashed(src: str, exc: BaseException) -> FileResult:
    return FileResult(source=src, failure=Failure(src, type(exc).__name__, f"{src}: worker failed: {exc}"))


def write_reports(sources: str | os.PathLike | Iterable[str | os.PathLike], output: str | os.PathLike, *,
                  workers: int | None = None, engine: str = "processes", scheduler: str | None = None,
                  chunk_size: int = CHUNK_SIZE, progress: bool = True, partitioned: bool | None = None
                  ) -> BatchSummary:
    """Parse many files and stream the results to ``output`` (.parquet, .duckdb/.db or .csv).

    Parquet and CSV hold ``indicators`` (with report metadata), as ``ReportCollection.to_parquet``
    and ``to_csv`` do; DuckDB holds the tables ``reports``, ``indicators``, ``metrics``,
    ``checks`` (incl. the cross-year checks), ``failures`` and ``codebook``. With
    ``engine="dask"`` Parquet is written as a folder of part files (``partitioned``), one per
    chunk. Nothing is written when no file could be parsed.
    """
    from tqdm.auto import tqdm  # noqa: PLC0415

    from .store import open_sink  # noqa: PLC0415

    files = expand_sources(sources)
    if partitioned is None:
        partitioned = engine == "dask"
    sink = open_sink(output, partitioned=partitioned)
    tables = sink.tables
    summary = BatchSummary(n_files=len(files), output=str(output), format=sink.format)
    seen: dict[str, int] = {}
    chunk: list[FileResult] = []
    stubs: list[Any] = []
    bar = tqdm(total=len(files), desc="parsing", unit="file", disable=not progress or not files)
    try:
        with executor(engine, workers, scheduler, len(files)) as ex:
            window = getattr(ex, "window", None) or _window(workers)
            results = run_ordered(ex.submit, _Task(tables), files, window, per_task(len(files), workers),
                                  on_error=_crashed)
            for res in results:
                bar.update(1)
                if res.failure is not None:
                    summary.failures.append(res.failure)
                    continue
                rid = res.report_id or "report"
                seen[rid] = seen.get(rid, 0) + 1
                if seen[rid] > 1:
                    _rename(res, rid, f"{rid}-{seen[rid]}")
                if res.stub is not None:
                    stubs.append(res.stub)
                summary.n_reports += 1
                summary.n_figures += len(res.records.get("indicators", ()))
                chunk.append(res)
                if len(chunk) >= chunk_size:
                    sink.write(chunk)
                    chunk = []
        if chunk:
            sink.write(chunk)
        if summary.n_reports:
            sink.finish(summary.failures, stubs)
    finally:
        bar.close()
        sink.close()
    return summary


class _Task:
    """``parse_files`` with the tables bound (picklable, unlike a lambda)."""

    def __init__(self, tables: Sequence[str]) -> None:
        self.tables = tuple(tables)

    def __call__(self, sources: list[str]) -> list[FileResult]:
        return parse_files(sources, self.tables)


def _rename(res: FileResult, old: str, new: str) -> None:
    """Give a repeated report its unique id in every table's rows (report_id is column 0)."""
    res.report_id = new
    for name, rows in res.records.items():
        res.records[name] = [(new,) + r[1:] if r and r[0] == old else r for r in rows]
