"""Many reports at once: ``load_reports`` (parallel, with a progress bar, failures kept aside) and
``ReportCollection`` (indexing, ``filter``, ``indicators``, ``compare``, ``metrics``, ``checks``,
plots and exports).

>>> import gikit
>>> c = gikit.load_reports(["xilinhot-2021", "ordos-2017"], workers=1, progress=False)
>>> len(c), c["xilinhot-2021"].meta.region
(2, '锡林浩特市')
"""
from __future__ import annotations

import difflib
import glob
import math
import os
import re
import warnings as _warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from .exceptions import GikitError, ReportNotFoundError, SourceNotFoundError
from .report import Report

if TYPE_CHECKING:
    from .plotting import CollectionPlotter

#: metadata columns put in front of every collection frame
META_COLUMNS = ["report_id", "region", "province", "level", "year", "template"]
#: ``by=`` values accepted by ``compare``
GROUPINGS = ("report_id", "region", "province", "level", "year", "template", "scope")
FAILURE_COLUMNS = ["source", "error", "message"]


@dataclass(frozen=True)
class Failure:
    """A file that could not be parsed: its path, the error class and the message."""

    source: str
    error: str
    message: str


# ---------------------------------------------------------------- finding files

def _supported() -> set[str]:
    from .readers import SUPPORTED  # noqa: PLC0415

    return set(SUPPORTED)


def expand_sources(sources: str | os.PathLike | Iterable[str | os.PathLike]) -> list[str]:
    """Folders (searched recursively for supported files), glob patterns, paths and sample ids →
    a sorted, de-duplicated list. A folder or pattern that matches nothing raises
    ``SourceNotFoundError``.

    >>> [Path(p).name for p in expand_sources(["xilinhot-2021"])]
    ['xilinhot-2021']
    """
    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    out: list[str] = []
    for src in sources:
        text = str(src)
        path = Path(text)
        if path.is_dir():
            found = sorted(str(p) for p in path.rglob("*") if p.is_file() and p.suffix.lower() in _supported())
            if not found:
                raise SourceNotFoundError(f"no report files ({', '.join(sorted(_supported()))}) in this folder",
                                          source=text)
            out.extend(found)
        elif glob.has_magic(text):
            found = sorted(p for p in glob.glob(text, recursive=True) if Path(p).is_file())
            if not found:
                raise SourceNotFoundError("the pattern matches no file", source=text)
            out.extend(found)
        else:
            out.append(text)  # a file or a sample id; a missing one becomes a failure, not an abort
    return list(dict.fromkeys(out))


# ---------------------------------------------------------------- per-file work

def parse_one(source: str) -> Report | Failure:
    """Parse one file (or sample id) into a Report, or a ``Failure`` naming the file and the reason.

    This is the unit of work of every batch (processes, Dask); it never raises unless
    ``GIKIT_DEBUG`` is set.
    """
    from .api import load_report  # noqa: PLC0415

    try:
        with _warnings.catch_warnings():
            _warnings.simplefilter("ignore")
            return load_report(source, warn=False)
    except GikitError as exc:
        return Failure(source, type(exc).__name__, str(exc))
    except Exception as exc:  # noqa: BLE001 — one bad file must never stop a batch
        if os.environ.get("GIKIT_DEBUG"):
            raise
        return Failure(source, type(exc).__name__, f"{source}: unexpected {type(exc).__name__}: {exc}")


def iter_parsed(sources: list[str], workers: int | None = None, progress: bool = True,
                engine: str = "processes", scheduler: str | None = None
                ) -> Iterator[tuple[int, Report | Failure]]:
    """Yield ``(index, Report | Failure)`` for every source, in input order.

    ``engine="processes"``: ``workers=1`` parses in this process, otherwise a
    ``ProcessPoolExecutor`` with ``workers`` processes (default: the CPU count, at most one per
    task of a few files). ``engine="dask"``: a Dask cluster at ``scheduler`` or a new
    ``LocalCluster`` (see ``gikit.dask_engine``). Only a bounded number of files is in flight.
    """
    from tqdm.auto import tqdm  # noqa: PLC0415 — a widget in Jupyter, text in a terminal

    from .batch import _window, executor, parse_reports, per_task, run_ordered  # noqa: PLC0415

    n = len(sources)
    bar = tqdm(total=n, desc="parsing", unit="file", disable=not progress or n == 0)

    def crashed(src: str, exc: BaseException) -> Failure:
        return Failure(src, type(exc).__name__, f"{src}: worker failed: {exc}")

    try:
        if n == 0:
            return
        with executor(engine, workers, scheduler, n) as ex:
            window = getattr(ex, "window", None) or _window(workers)
            results = run_ordered(ex.submit, parse_reports, sources, window, per_task(n, workers),
                                  on_error=crashed)
            for i, res in enumerate(results):
                bar.update(1)
                yield i, res
    finally:
        bar.close()


def load_reports(sources: str | os.PathLike | Iterable[str | os.PathLike], workers: int | None = None,
                 progress: bool = True, engine: str = "processes", scheduler: str | None = None
                 ) -> "ReportCollection":
    """Parse many reports in parallel into a ``ReportCollection``.

    ``sources``: a folder (searched recursively), a glob pattern (``"reports/**/*.html"``), a path,
    a sample id, or a list of any of these. Files that fail are kept in ``c.failures`` with the
    reason; one bad file never stops the batch. ``progress`` shows a tqdm bar (a widget in Jupyter).
    ``engine="dask"`` parses on a Dask cluster (``scheduler`` address, or a new LocalCluster with
    ``workers`` processes); the result is the same. To stream a large batch to Parquet or DuckDB
    without holding every Report, use ``gikit.batch.write_reports`` (``gikit parse``).

    >>> import gikit
    >>> c = gikit.load_reports(gikit.list_samples()["file"], workers=1, progress=False)
    >>> len(c), len(c.failures)
    (5, 0)
    """
    files = expand_sources(sources)
    ordered = [res for _, res in iter_parsed(files, workers=workers, progress=progress, engine=engine,
                                             scheduler=scheduler)]
    reports = [r for r in ordered if isinstance(r, Report)]
    failures = [f for f in ordered if isinstance(f, Failure)]
    return ReportCollection(reports, failures=failures)


# ---------------------------------------------------------------- the collection

def _key(text: str) -> str:
    """Forgiving id key: lower case, ``_``/space → ``-``, no file extension."""
    text = str(text).strip().lower().replace("_", "-").replace(" ", "-")
    return re.sub(r"\.(txt|md|html?|shtml|docx|xlsx?|pdf)$", "", text)


def unique_ids(reports: list[Report]) -> list[str]:
    """``report_id`` of each report, made unique with ``-2``, ``-3`` … suffixes."""
    seen: dict[str, int] = {}
    out = []
    for r in reports:
        rid = r.report_id
        seen[rid] = seen.get(rid, 0) + 1
        out.append(rid if seen[rid] == 1 else f"{rid}-{seen[rid]}")
    return out


class ReportCollection:
    """Many parsed reports: ``len(c)``, ``c[0]``, ``c["锡林浩特市-2021"]`` (or a file stem / sample id),
    iteration, ``filter``, frames (``indicators``, ``compare``, ``metrics``, ``checks``, ``summary``),
    ``plot``, ``explore`` and exports. ``failures`` lists the files that could not be parsed.
    """

    def __init__(self, reports: Iterable[Report], failures: Iterable[Failure] = ()) -> None:
        self.reports: list[Report] = list(reports)
        self.ids: list[str] = unique_ids(self.reports)
        self._failures = list(failures)

    # ------------------------------------------------------------------ container
    def __len__(self) -> int:
        return len(self.reports)

    def __iter__(self) -> Iterator[Report]:
        return iter(self.reports)

    def __getitem__(self, key: int | str) -> Report:
        if isinstance(key, int):
            return self.reports[key]
        return self.reports[self._position(str(key))]

    def __contains__(self, key: object) -> bool:
        try:
            self._position(str(key))
        except ReportNotFoundError:
            return False
        return True

    def _aliases(self, i: int) -> set[str]:
        r = self.reports[i]
        names = {_key(self.ids[i])}
        if r.meta.source and r.meta.source != "<bytes>":
            names.add(_key(Path(r.meta.source).name))
        return names

    def _position(self, key: str) -> int:
        if key in self.ids:
            return self.ids.index(key)
        wanted = _key(key)
        hits = [i for i in range(len(self)) if wanted in self._aliases(i)]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            raise ReportNotFoundError(f"{key!r} names {len(hits)} reports; use one of "
                                      f"{', '.join(self.ids[i] for i in hits)}", key=key)
        names = sorted({a for i in range(len(self)) for a in self._aliases(i)} | set(self.ids))
        close = difflib.get_close_matches(key, names, n=3, cutoff=0.6)
        raise ReportNotFoundError(f"no report {key!r} in this collection of {len(self)}", key=key,
                                  suggestions=close)

    def __repr__(self) -> str:
        years = sorted({r.meta.year for r in self.reports if r.meta.year})
        span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "?")
        regions = len({r.meta.region for r in self.reports})
        return (f"<ReportCollection {len(self)} reports · {regions} regions · {span} · "
                f"{len(self._failures)} failures>")

    def _repr_html_(self) -> str:
        table = self.summary()[["report_id", "region", "province", "level", "year", "template", "n_figures",
                                "n_warnings"]].to_html(index=False, max_rows=20)
        return (f"<div><b>{len(self)} reports</b> · {len(self._failures)} failures{table}"
                f"<p style='color:#666'><code>c.indicators</code> · <code>c.compare(codes, by='region')</code> · "
                f"<code>c.metrics()</code> · <code>c.checks()</code> · <code>c.plot.compare(code)</code> · "
                f"<code>c.explore()</code></p></div>")

    # ------------------------------------------------------------------ selection
    def filter(self, **criteria: Any) -> "ReportCollection":
        """Reports whose metadata match every criterion; a criterion is a value, a list/set/range of
        values, or a function of the value returning True/False.

        >>> import gikit
        >>> c = gikit.load_reports(gikit.list_samples()["file"], workers=1, progress=False)
        >>> len(c.filter(province="内蒙古自治区", year=2017))
        2
        """
        from .meta import ReportMeta  # noqa: PLC0415

        fields = set(ReportMeta.__dataclass_fields__)
        unknown = set(criteria) - fields - {"report_id"}
        if unknown:
            raise TypeError(f"filter() got unknown field(s) {sorted(unknown)}; fields are {sorted(fields)}")

        def ok(rid: str, r: Report) -> bool:
            for k, want in criteria.items():
                have = rid if k == "report_id" else getattr(r.meta, k)
                if callable(want):
                    if not want(have):
                        return False
                elif isinstance(want, (list, tuple, set, frozenset, range)):
                    if have not in want:
                        return False
                elif have != want:
                    return False
            return True

        keep = [i for i, (rid, r) in enumerate(zip(self.ids, self.reports)) if ok(rid, r)]
        out = ReportCollection([self.reports[i] for i in keep])
        out.ids = [self.ids[i] for i in keep]
        return out

    # ------------------------------------------------------------------ frames
    @property
    def failures(self) -> pd.DataFrame:
        """Files that could not be parsed: source, error (class name), message."""
        return pd.DataFrame([vars(f) for f in self._failures], columns=FAILURE_COLUMNS)

    def _meta_rows(self) -> pd.DataFrame:
        return pd.DataFrame([{"report_id": rid, "region": r.meta.region, "province": r.meta.province,
                              "level": r.meta.level, "year": r.meta.year, "template": r.meta.template,
                              "scope": r.meta.scope}
                             for rid, r in zip(self.ids, self.reports)],
                            columns=[*META_COLUMNS, "scope"])

    def summary(self) -> pd.DataFrame:
        """One row per report: report_id, metadata (``ReportMeta.to_dict()``), n_figures, n_warnings."""
        rows = []
        for rid, r in zip(self.ids, self.reports):
            d = r.summary()
            d["report_id"] = rid
            rows.append(d)
        df = pd.DataFrame(rows)
        if df.empty:
            return pd.DataFrame(columns=[*META_COLUMNS, "n_figures", "n_warnings"])
        return df[["report_id"] + [c for c in df.columns if c != "report_id"]]

    @property
    def indicators(self) -> pd.DataFrame:
        """Every report's ``indicators`` stacked, with report_id, region, province, level, year, template."""
        frames = []
        for rid, r in zip(self.ids, self.reports):
            df = r.indicators.copy()
            m = r.meta
            for i, (k, v) in enumerate(zip(META_COLUMNS, [rid, m.region, m.province, m.level, m.year, m.template])):
                df.insert(i, k, v)
            frames.append(df)
        if not frames:
            from .observations import INDICATOR_COLUMNS  # noqa: PLC0415
            return pd.DataFrame(columns=[*META_COLUMNS, *INDICATOR_COLUMNS])
        df = pd.concat(frames, ignore_index=True)
        df["year"] = df["year"].astype("Int64")
        return df

    def headline(self, codes: Iterable[str] | None = None, applicant: str = "total") -> pd.DataFrame:
        """Wide: one row per report (index ``report_id``), one column per code, values in each
        report's headline scope (the rule of ``Report.value``)."""
        from .metrics import headline  # noqa: PLC0415

        codes = list(codes) if codes is not None else None
        rows = []
        for rid, r in zip(self.ids, self.reports):
            hl = headline(r)
            hl = hl[hl["applicant"] == applicant]
            vals = dict(zip(hl["code"], hl["value"]))
            rows.append({"report_id": rid, **({c: vals.get(c, math.nan) for c in codes} if codes is not None
                                              else vals)})
        if not rows:
            return pd.DataFrame(columns=codes or [], index=pd.Index([], name="report_id"), dtype=float)
        return pd.DataFrame(rows).set_index("report_id").astype(float)

    def compare(self, codes: str | Iterable[str], by: str | list[str] = "region", harmonized: bool = True,
                applicant: str = "total", agg: str = "sum") -> pd.DataFrame:
        """Wide comparison: one row per report or group (``by``: report_id, region, province, level,
        year, template, or a list of them), one column per code.

        With ``harmonized=True`` a code that has a harmonised counterpart (``h.*``, SPEC §7.2) is
        replaced by it, so old and new templates line up only where the concepts do; the column is
        named after the code used. Groups of several reports are combined with ``agg`` (sum, mean,
        median, min, max); a group **sum** is NaN when any report in it lacks the figure (a partial
        sum would be a silently wrong number). ``n_reports`` counts the reports in each row.

        >>> import gikit
        >>> c = gikit.load_reports(gikit.list_samples()["file"], workers=1, progress=False)
        >>> list(c.compare(["requests.received.total"], by="province").columns)
        ['n_reports', 'h.requests.received']
        """
        codes = [codes] if isinstance(codes, str) else list(codes)
        if harmonized:
            codes = [harmonized_code(c) for c in codes]
        codes = list(dict.fromkeys(codes))
        keys = [by] if isinstance(by, str) else list(by)
        bad = [k for k in keys if k not in GROUPINGS]
        if bad:
            raise ValueError(f"compare(by=...) must be among {GROUPINGS}; got {bad}")
        if agg not in ("sum", "mean", "median", "min", "max"):
            raise ValueError(f"compare(agg=...) must be sum, mean, median, min or max; got {agg!r}")
        values = self.headline(codes, applicant=applicant).reset_index()
        df = self._meta_rows().merge(values, on="report_id", how="left")
        if keys == ["report_id"]:
            out = df.set_index("report_id")[codes]
            out.insert(0, "n_reports", 1)
            return out
        grouped = df.groupby(keys, dropna=False, sort=True)
        if agg == "sum":
            table = grouped[codes].sum(min_count=1)
            incomplete = grouped[codes].apply(lambda g: g.isna().any())
            table = table.mask(incomplete)
        else:
            table = grouped[codes].agg(agg)
        table.insert(0, "n_reports", grouped.size())
        return table

    def metrics(self, min_n: int | None = None) -> pd.DataFrame:
        """Derived rates per report (long): report_id, metadata, metric, value, numerator, denominator,
        n, min_n, reason, definition. See ``gikit.metrics.definitions()``; rates on fewer than
        ``min_n`` (default 30) are NaN with a reason."""
        from .metrics import metrics  # noqa: PLC0415

        return metrics(self.reports, ids=self.ids, min_n=min_n)

    def checks(self) -> pd.DataFrame:
        """Every report's ``checks()`` stacked (with report_id), plus the cross-year checks for
        regions reported in consecutive years."""
        from . import checks as _checks  # noqa: PLC0415

        frames = []
        for rid, r in zip(self.ids, self.reports):
            df = r.checks().copy()
            df.insert(0, "report_id", rid)
            frames.append(df)
        cross = getattr(_checks, "cross_year_checks", None)
        if cross is not None and len(self) > 1:
            extra = cross(self.reports)
            if extra is not None and not extra.empty:
                frames.append(extra)
        cols = ["report_id", *_checks.CHECK_COLUMNS]
        frames = [f for f in frames if not f.empty]
        if not frames:
            return pd.DataFrame(columns=cols)
        return pd.concat(frames, ignore_index=True)

    # ------------------------------------------------------------------ plots, widgets, exports
    @property
    def plot(self) -> "CollectionPlotter":
        """Plots across reports: ``c.plot.compare(code)``, ``c.plot.outcome_shares()``, ``c.plot.heatmap()``."""
        from .plotting import CollectionPlotter  # noqa: PLC0415

        return CollectionPlotter(self)

    def explore(self) -> Any:
        """An ipywidgets explorer: pick indicators, grouping, reports and chart type."""
        from .widgets import explore  # noqa: PLC0415

        return explore(self)

    def to_excel(self, path: str | os.PathLike) -> None:
        """One sheet per frame (reports, indicators, metrics, checks, failures) plus a codebook."""
        from .store import collection_to_excel  # noqa: PLC0415

        collection_to_excel(self, path)

    def to_csv(self, path: str | os.PathLike) -> None:
        """``indicators`` (with report metadata) as one UTF-8 CSV file."""
        from .store import collection_to_csv  # noqa: PLC0415

        collection_to_csv(self, path)

    def to_parquet(self, path: str | os.PathLike) -> None:
        """``indicators`` (with report metadata) as one Parquet file (pyarrow)."""
        from .store import collection_to_parquet  # noqa: PLC0415

        collection_to_parquet(self, path)

    def to_duckdb(self, path: str | os.PathLike) -> None:
        """A DuckDB database file with tables ``reports``, ``indicators``, ``checks``, ``metrics``,
        ``failures``."""
        from .store import collection_to_duckdb  # noqa: PLC0415

        collection_to_duckdb(self, path)


# ---------------------------------------------------------------- harmonised codes

def harmonized_code(code: str) -> str:
    """The ``h.*`` counterpart of a code (SPEC §7.2), or the code itself when it has none.

    >>> harmonized_code("requests.received.total"), harmonized_code("review.total")
    ('h.requests.received', 'h.review.total')
    >>> harmonized_code("active.licensing.decisions"), harmonized_code("capacity.staff.total")
    ('h.active.decisions.licensing', 'capacity.staff.total')
    """
    return _harmonized().get(code, code)


def _harmonized() -> dict[str, str]:
    from .derive import harmonised  # noqa: PLC0415

    # a code maps to the h.* indicator whose formula (in some template) is that code alone
    return {h["numerator"][0]: h["code"] for h in harmonised()
            if len(h["numerator"]) == 1 and not h["denominator"]}