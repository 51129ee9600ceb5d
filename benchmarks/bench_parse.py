"""Single-process parse speed per format, the read+decode floor, time per stage, and recovery of
every generated figure."""
from __future__ import annotations

import statistics
import subprocess
import sys
import time
import warnings
from pathlib import Path

from benchmarks.corpus import Generated, generate_one, recovery


def import_time(repeats: int = 5) -> float:
    """Seconds for ``import gikit`` in a fresh interpreter, minus the interpreter's own start."""
    def run(code: str) -> float:
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - t

    base = statistics.median(run("pass") for _ in range(repeats))
    return statistics.median(run("import gikit") for _ in range(repeats)) - base


def corpus(folder: Path, n: int, fmt: str, seed: int = 0) -> list[tuple[Path, Generated]]:
    """``n`` reports of one format written to ``folder``; txt cycles through the text layouts."""
    layouts = {"txt": ("pipes", "label_value", "one_per_line", "prose"), "html": ("grid",), "pdf": ("grid",)}[fmt]
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        g = generate_one(i, seed=seed, fmt=fmt, layout=layouts[i % len(layouts)])
        path = folder / g.file
        path.write_bytes(g.data)
        out.append((path, g))
    return out


def floor_seconds(paths: list[Path]) -> float:
    """Plain read + UTF-8 decode of the files (what any reader must do at least)."""
    t = time.perf_counter()
    for p in paths:
        p.read_bytes().decode("utf-8", errors="replace")
    return time.perf_counter() - t


def parse_speed(items: list[tuple[Path, Generated]]) -> dict[str, float]:
    """Parse every file once in this process: reports/s, MB/s, pages/s, figures recovered."""
    from gikit.api import load_report

    paths = [p for p, _ in items]
    load_report(paths[0], warn=False)  # warm caches (template data, gazetteer)
    floor_seconds(paths)
    floor = floor_seconds(paths)
    misses, figures = 0, 0
    bad_reports = 0
    elapsed = 0.0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for p, g in items:
            t = time.perf_counter()
            r = load_report(p, warn=False)
            elapsed += time.perf_counter() - t
            m = recovery(r, g.expected)
            misses += len(m)
            figures += len(g.expected)
            bad_reports += bool(m)
    mb = sum(p.stat().st_size for p in paths) / 1e6
    pages = sum(g.pages for _, g in items)
    return {"n": len(items), "seconds": elapsed, "reports_s": len(items) / elapsed, "mb_s": mb / elapsed,
            "pages_s": pages / elapsed if pages else float("nan"), "floor_ratio": elapsed / floor,
            "figures": figures, "recovered": figures - misses, "reports_with_misses": bad_reports,
            "kb_per_report": 1000 * mb / len(items)}


#: (module file suffix, function) of each pipeline stage, as ``cProfile`` names them
STAGES = {"read": ("readers/__init__.py", "read"), "meta": ("meta.py", "extract_meta"),
          "sections": ("sections.py", "find_sections"), "tables": ("tables.py", "extract_tables"),
          "prose": ("prose.py", "extract_prose"), "derive": ("derive.py", "derive"),
          "checks": ("checks.py", "run_checks"), "metrics": ("metrics.py", "report_metrics")}


def stage_times(items: list[tuple[Path, Generated]]) -> dict[str, float]:
    """Milliseconds per report in each stage (cumulative time under ``cProfile``, which slows
    everything alike, scaled to the unprofiled total). ``checks`` and ``metrics`` run only when a
    batch writes DuckDB."""
    import cProfile
    import pstats

    from gikit.api import load_report
    from gikit.batch import parse_file

    paths = [p for p, _ in items]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = time.perf_counter()
        for p in paths:
            parse_file(str(p), tables=("reports", "indicators", "metrics", "checks"))
        plain = time.perf_counter() - t
        prof = cProfile.Profile()
        prof.enable()
        for p in paths:
            parse_file(str(p), tables=("reports", "indicators", "metrics", "checks"))
        prof.disable()
    del load_report
    stats = pstats.Stats(prof).stats  # (file, line, name) -> (cc, nc, tt, ct, callers)
    total = sum(v[2] for v in stats.values())
    out = {}
    for stage, (suffix, name) in STAGES.items():
        ct = sum(v[3] for (f, _, fn), v in stats.items() if fn == name and f.replace("\\", "/").endswith(suffix))
        out[stage] = 1000 * plain * ct / total / len(paths)
    out["all"] = 1000 * plain / len(paths)
    return out
