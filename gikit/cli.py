"""Command line: ``gikit demo``, ``gikit parse``, ``gikit check``.

    gikit parse reports/ -o reports.duckdb --workers 4
    gikit parse reports/ -o reports.parquet --engine dask --scheduler tcp://10.0.0.5:8786
    gikit check report.html
    gikit demo --figures ./gikit-figures

>>> build_parser().parse_args(["parse", "reports/", "-o", "out.duckdb"]).output
'out.duckdb'
"""
from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

#: the demo's comparison: column name -> indicator code (harmonised where old and new line up)
DEMO_COLUMNS = {
    "requests received": "h.requests.received",
    "decided": "h.requests.decided",
    "granted in full": "h.requests.granted_full",
    "granted in part": "h.requests.granted_partial",
    "not held": "h.requests.info_not_held",
    "reconsiderations": "h.review.total",
    "lawsuits": "h.litigation.total",
    "proactive items (old)": "active.items.total",
    "new normative docs": "h.active.normative_docs.new",
}


def _print_frame(df, **kwargs) -> None:  # noqa: ANN001
    import pandas as pd  # noqa: PLC0415

    with pd.option_context("display.width", 220, "display.max_columns", 30, "display.max_rows", 500,
                           "display.unicode.east_asian_width", True):
        print(df.to_string(**kwargs))


def _demo(args: argparse.Namespace) -> int:
    import matplotlib  # noqa: PLC0415

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415

    import gikit  # noqa: PLC0415
    from gikit import plotting  # noqa: PLC0415

    c = gikit.load_reports(gikit.list_samples()["file"], workers=args.workers, progress=False)
    meta = c.summary()[["report_id", "province", "level", "year", "template", "scope", "n_figures", "n_warnings"]]
    print("gikit demo — the five bundled sample reports\n")
    _print_frame(meta, index=False)

    table = c.compare(list(DEMO_COLUMNS.values()), by="report_id", harmonized=False)
    table = table[list(DEMO_COLUMNS.values())]
    table.columns = list(DEMO_COLUMNS)
    print("\nCross-regional comparison (headline scope of each report; blank = not reported)\n")
    _print_frame(table.T, na_rep="", float_format=lambda v: f"{v:,.0f}")

    shares = plotting.outcome_table(c)
    print("\nOutcomes of information requests (coarse groups; old and new templates line up only roughly)\n")
    _print_frame(shares, na_rep="", float_format=lambda v: f"{v:,.0f}")

    m = c.metrics()
    computed = m[m["value"].notna()]
    print(f"\nMetrics: {len(computed)} of {len(m)} computed (the rest lack figures or rest on n < 30; "
          f"see c.metrics()['reason'])")
    if len(computed):
        _print_frame(computed[["report_id", "metric", "value", "numerator", "denominator"]], index=False)

    out = Path(args.figures)
    out.mkdir(parents=True, exist_ok=True)
    figures = {
        "requests_received.png": lambda ax: plotting.compare(c, "requests.received.total", by="report_id", ax=ax),
        "outcome_shares.png": lambda ax: plotting.outcome_shares(c, ax=ax),
        "funnel.png": lambda ax: plotting.funnel(c, ax=ax, log=True),
        "heatmap.png": lambda ax: plotting.heatmap(c, ax=ax),
    }
    for name, draw in figures.items():
        fig, ax = plt.subplots(figsize=(10, 5), layout="constrained")
        draw(ax)
        fig.savefig(out / name, dpi=110)
        plt.close(fig)
    print(f"\nFigures written to {out.resolve()}/: {', '.join(figures)}")
    print("Next: gikit.load_reports('folder/') · c.compare(codes, by='region') · c.metrics() · c.to_duckdb(path)")
    return 0


def _report_failures(n_reports: int, failures: list) -> None:
    print(f"parsed {n_reports} report(s), {len(failures)} failure(s)", file=sys.stderr)
    for f in failures:
        print(f"  FAILED {f.source}: {f.error}: {f.message}", file=sys.stderr)


def _parse(args: argparse.Namespace) -> int:
    import gikit  # noqa: PLC0415
    from gikit.batch import write_reports  # noqa: PLC0415
    from gikit.store import FORMATS, write  # noqa: PLC0415

    out = Path(args.output)
    fmt = FORMATS.get(out.suffix.lower())
    if fmt is None:
        print(f"gikit parse: unknown output type {out.suffix or '(none)'!r} for {out}; "
              f"use one of {', '.join(FORMATS)}", file=sys.stderr)
        return 2
    if args.scheduler and args.engine != "dask":
        print("gikit parse: --scheduler needs --engine dask", file=sys.stderr)
        return 2
    try:
        if fmt == "excel":  # a workbook cannot be streamed: build the collection, then write it
            c = gikit.load_reports(args.paths, workers=args.workers, progress=not args.quiet,
                                   engine=args.engine, scheduler=args.scheduler)
            _report_failures(len(c), c._failures)
            n_reports, n_figures = len(c), len(c.indicators)
            if n_reports:
                write(c, out)
        else:
            s = write_reports(args.paths, out, workers=args.workers, engine=args.engine,
                              scheduler=args.scheduler, chunk_size=args.chunk_size, progress=not args.quiet)
            _report_failures(s.n_reports, s.failures)
            n_reports, n_figures = s.n_reports, s.n_figures
    except gikit.GikitError as exc:
        print(f"gikit parse: {exc}", file=sys.stderr)
        return 1
    if not n_reports:
        print("gikit parse: nothing parsed; no output written", file=sys.stderr)
        return 1
    print(f"wrote {n_figures} figure(s) from {n_reports} report(s) to {out} ({fmt})", file=sys.stderr)
    return 0


def _check(args: argparse.Namespace) -> int:
    import gikit  # noqa: PLC0415

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", gikit.GikitWarning)
            r = gikit.load_report(args.file, warn=False)
    except gikit.GikitError as exc:
        print(f"gikit check: {exc}", file=sys.stderr)
        return 1
    checks = r.checks()
    print(f"{r.report_id} · {r.meta.template} · {len(checks)} checks")
    if len(checks):
        _print_frame(checks, index=False)
    else:
        print("(no checks could be run: the report has no figures they apply to)")
    for w in r.warnings:
        print(f"warning: {w}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    from . import __version__  # noqa: PLC0415

    p = argparse.ArgumentParser(prog="gikit", description="Parse government information disclosure annual reports.")
    p.add_argument("--version", action="version", version=f"gikit {__version__}")
    sub = p.add_subparsers(dest="command")

    d = sub.add_parser("demo", help="parse the bundled samples, print a comparison and write figures")
    d.add_argument("--figures", default="gikit-figures", help="folder for the PNG figures (default: ./gikit-figures)")
    d.add_argument("--workers", type=int, default=1, help="parallel processes (default 1)")
    d.set_defaults(func=_demo)

    pa = sub.add_parser("parse", help="parse reports into one .csv, .parquet, .xlsx or .duckdb file")
    pa.add_argument("paths", nargs="+", help="files, folders (searched recursively) or glob patterns")
    pa.add_argument("-o", "--output", required=True, help="output file: OUT.csv, OUT.parquet, OUT.xlsx or OUT.duckdb")
    pa.add_argument("--workers", type=int, default=None,
                    help="parallel processes (default: CPU count); with --engine dask, LocalCluster workers")
    pa.add_argument("--engine", choices=["processes", "dask"], default="processes",
                    help="processes on this machine (default) or a Dask cluster")
    pa.add_argument("--scheduler", default=None,
                    help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a LocalCluster)")
    pa.add_argument("--chunk-size", type=int, default=200,
                    help="reports per chunk written (a Parquet row group or part file; default 200)")
    pa.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    pa.set_defaults(func=_parse)

    ch = sub.add_parser("check", help="print the consistency checks of one report")
    ch.add_argument("file", help="a report file or a sample id")
    ch.set_defaults(func=_check)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
