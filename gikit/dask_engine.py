"""Run the batch on a Dask cluster (``dask.distributed``): the same per-file function as the
local engine, scheduled by Dask instead of a process pool.

    gikit parse reports/ -o out.parquet --engine dask --scheduler tcp://10.0.0.5:8786
    gikit.load_reports("reports/", engine="dask")          # a LocalCluster on this machine

Every worker must have gikit installed and see the input files at the same paths (a shared
file system). Without a scheduler address a ``LocalCluster`` is started (one single-threaded
worker process per core, or ``workers``) and closed at the end.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from .exceptions import GikitError


class EngineError(GikitError, RuntimeError):
    """The distributed engine cannot run (dask missing, scheduler unreachable)."""


class DaskExecutor:
    """``submit(func, *args) -> future`` on a Dask client (``future.result()`` as in
    ``concurrent.futures``)."""

    def __init__(self, client: Any) -> None:
        self.client = client
        threads = sum(w.get("nthreads", 1) for w in client.scheduler_info().get("workers", {}).values())
        #: tasks kept in flight: four per worker thread
        self.window = 4 * max(1, threads)

    def submit(self, func: Callable, *args: Any) -> Any:
        return self.client.submit(func, *args, pure=False)


@contextmanager
def dask_executor(scheduler: str | None = None, workers: int | None = None) -> Iterator[DaskExecutor]:
    """A ``DaskExecutor`` on the cluster at ``scheduler``, or on a new ``LocalCluster`` with
    ``workers`` single-threaded worker processes (default: the CPU count)."""
    try:
        from dask.distributed import Client, LocalCluster  # noqa: PLC0415
    except ImportError:
        raise EngineError("engine='dask' needs dask.distributed: pip install 'gikit[dask]'") from None
    if scheduler:
        try:
            client = Client(scheduler, timeout="30s")
        except (OSError, TimeoutError) as exc:
            raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        try:
            yield DaskExecutor(client)
        finally:
            client.close()
        return
    n = workers or os.cpu_count() or 1
    with LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=40) as cluster, Client(cluster) as client:
        yield DaskExecutor(client)
