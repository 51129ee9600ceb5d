"""Command line: ``gikit demo``, ``gikit parse``, ``gikit check``.

>>> main(["--version"]) == 0
True
"""
from __future__ import annotations

import argparse
import sys
import warnings


def _demo(args: argparse.Namespace) -> int:
    import pandas as pd

    import gikit

    rows = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", gikit.GikitWarning)
        for sid in gikit.list_samples()["sample_id"]:
            r = gikit.load_report(sid)
            m = r.meta
            rows.append({"sample": sid, "region": m.region, "province": m.province, "level": m.level,
                         "year": m.year, "template": m.template, "scope": m.scope,
                         "figures": r.summary()["n_figures"], "warnings": len(r.warnings)})
    with pd.option_context("display.width", 200, "display.max_columns", 20,
                           "display.unicode.east_asian_width", True):
        print("gikit demo — the bundled sample reports\n")
        print(pd.DataFrame(rows).to_string(index=False))
    return 0


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    p = argparse.ArgumentParser(prog="gikit", description="Parse government information disclosure annual reports.")
    p.add_argument("--version", action="version", version=f"gikit {__version__}")
    sub = p.add_subparsers(dest="command")
    d = sub.add_parser("demo", help="parse the bundled samples and print a comparison")
    d.set_defaults(func=_demo)
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
