"""Batch figures: scaling from 1 to all cores, and peak memory of a batch streamed to Parquet.

Memory is measured in a fresh interpreter (``python -m benchmarks.bench_scale FOLDER OUT WORKERS``)
that streams the folder to Parquet and prints its own peak RSS, its workers' largest peak RSS
(``getrusage``) and the peak of the whole process tree sampled with psutil.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

from benchmarks.corpus import generate_one


def text_corpus(folder: Path, n: int, seed: int = 1) -> Path:
    """``n`` text reports (all text layouts, all templates) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    have = {p.name for p in folder.glob("*.txt")}
    for i in range(n):
        g = generate_one(i, seed=seed, fmt="txt", layout=("pipes", "label_value", "one_per_line", "prose")[i % 4])
        if g.file not in have:
            (folder / g.file).write_bytes(g.data)
    return folder


def batch_speed(folder: Path, out: Path, workers: int) -> dict[str, float]:
    """``write_reports`` (parse + write Parquet) on the folder with ``workers`` processes."""
    from gikit.batch import write_reports

    files = sorted(folder.glob("*.txt"))
    t = time.perf_counter()
    s = write_reports(files, out, workers=workers, progress=False)
    dt = time.perf_counter() - t
    return {"workers": workers, "reports": s.n_reports, "seconds": dt, "reports_s": s.n_reports / dt}


def peak_memory(folder: Path, out: Path, workers: int) -> dict[str, float]:
    """Run a streamed batch in a fresh interpreter and return its memory figures (MB)."""
    res = subprocess.run([sys.executable, "-m", "benchmarks.bench_scale", str(folder), str(out), str(workers)],
                         capture_output=True, text=True, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def _tree_rss() -> float:
    import psutil

    me = psutil.Process()
    total = 0
    for p in [me, *me.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total / 1e6


def _measure(folder: str, out: str, workers: int) -> None:
    from gikit.batch import write_reports

    peak = [0.0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss())
            time.sleep(0.1)

    try:
        import psutil  # noqa: F401
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
    except ImportError:
        sampler = None
    t = time.perf_counter()
    s = write_reports(sorted(Path(folder).glob("*.txt")), out, workers=workers, progress=False)
    dt = time.perf_counter() - t
    done.set()
    if sampler is not None:
        sampler.join()
    kb = 1024 if sys.platform != "darwin" else 1  # ru_maxrss: KB on Linux, bytes on macOS
    print(json.dumps({"reports": s.n_reports, "seconds": dt,
                      "driver_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * kb / 1e6,
                      "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * kb / 1e6,
                      "tree_peak_mb": peak[0] if sampler is not None else float("nan"),
                      "output_mb": os.path.getsize(out) / 1e6}))


if __name__ == "__main__":
    _measure(sys.argv[1], sys.argv[2], int(sys.argv[3]))
