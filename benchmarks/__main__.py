"""``python -m benchmarks [--quick] [--dir DIR]`` (``make bench``): prints the scale figures.

* ``import gikit`` time;
* per format (text, HTML, PDF), one process: reports/s, MB/s, pages/s (PDF), the ratio to a
  plain read+decode of the same files, and how many generated figures were recovered;
* milliseconds per report in each pipeline stage (text);
* ``write_reports`` to Parquet with 1 worker and with every core: reports/s and the speed-up;
* peak memory of 1,000 and 10,000 text reports streamed to Parquet (``--quick``: 200 and 1,000).

Figures are printed, never asserted: speed is not a test.
"""
from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

from benchmarks import bench_parse, bench_scale

TARGETS = "targets: text/HTML ≥ 1,000 reports/s per core and ≤ 20× the floor; PDF ≥ 5 pages/s per core; " \
          "2 workers ≥ 1.8× one; peak memory of 10,000 reports < 500 MB and flat"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small corpora (about a minute)")
    ap.add_argument("--dir", default=None, help="work folder (default: a temporary one, removed at the end)")
    args = ap.parse_args(argv)
    q = args.quick
    work = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="gikit-bench-"))
    cores = os.cpu_count() or 1
    start = time.perf_counter()
    print(f"gikit benchmarks · {cores} cores · {'quick' if q else 'full'} · work folder {work}")
    print(TARGETS)
    try:
        print(f"\nimport gikit: {bench_parse.import_time():.3f} s")

        print("\nParse speed, one process (load_report per file)")
        print(f"{'format':6} {'n':>5} {'KB/rep':>7} {'rep/s':>8} {'MB/s':>7} {'pages/s':>8} {'×floor':>8} "
              f"{'figures recovered':>20}")
        sizes = {"txt": 60 if q else 400, "html": 30 if q else 200, "pdf": 4 if q else 16}
        text_items = None
        for fmt, n in sizes.items():
            items = bench_parse.corpus(work / f"parse-{fmt}", n, fmt)
            if fmt == "txt":
                text_items = items
            s = bench_parse.parse_speed(items)
            pages = f"{s['pages_s']:8.1f}" if fmt == "pdf" else f"{'':8}"
            print(f"{fmt:6} {s['n']:5d} {s['kb_per_report']:7.1f} {s['reports_s']:8.1f} {s['mb_s']:7.2f} {pages} "
                  f"{s['floor_ratio']:8.0f} {s['recovered']:>10d}/{s['figures']:<9d}"
                  + (f" ({s['reports_with_misses']} reports with misses)" if s["reports_with_misses"] else ""))

        print("\nMilliseconds per text report in each stage of a DuckDB batch (parse + checks + metrics)")
        stages = bench_parse.stage_times(text_items[: 40 if q else 200])
        total = stages.pop("all")
        print("  " + " · ".join(f"{k} {v:.1f} ({100 * v / total:.0f}%)" for k, v in stages.items())
              + f" · all {total:.1f} ms")

        n_scale = 100 if q else 600
        folder = bench_scale.text_corpus(work / "text", n_scale)
        print(f"\nScaling: write_reports of {n_scale} text reports to Parquet")
        one = bench_scale.batch_speed(folder, work / "scale-1.parquet", 1)
        print(f"  1 worker : {one['reports_s']:7.1f} reports/s")
        if cores > 1:
            alln = bench_scale.batch_speed(folder, work / f"scale-{cores}.parquet", cores)
            print(f"  {cores} workers: {alln['reports_s']:7.1f} reports/s · speed-up {alln['reports_s'] / one['reports_s']:.2f}×")

        print("\nPeak memory, text reports streamed to Parquet with every core (fresh interpreter)")
        for n in ((200, 1000) if q else (1000, 10000)):
            folder = bench_scale.text_corpus(work / "text", n)
            sub = work / f"mem-{n}"
            sub.mkdir(exist_ok=True)
            for p in sorted(folder.glob("*.txt"))[:n]:
                target = sub / p.name
                if not target.exists():
                    os.link(p, target)
            m = bench_scale.peak_memory(sub, work / f"mem-{n}.parquet", cores)
            print(f"  {m['reports']:6d} reports: {m['seconds']:6.1f} s · driver {m['driver_mb']:.0f} MB · "
                  f"largest worker {m['worker_mb']:.0f} MB · whole tree {m['tree_peak_mb']:.0f} MB · "
                  f"Parquet {m['output_mb']:.1f} MB")
    finally:
        if not args.dir:
            shutil.rmtree(work, ignore_errors=True)
    print(f"\nbenchmarks took {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
