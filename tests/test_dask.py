"""The Dask engine on a LocalCluster with 2 workers: the same output as the single-process path
(streamed Parquet and DuckDB, and load_reports), and the streamed output equals the in-memory
collection's export."""
from __future__ import annotations

import shutil
import warnings

import duckdb
import pandas as pd
import pytest

import gikit
from benchmarks.corpus import generate, write_corpus
from gikit.batch import write_reports
from gikit.cli import main
from tests.conftest import SAMPLES

pytest.importorskip("dask.distributed")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """14 generated reports, two samples, a repeated report (id gets -2) and two broken files."""
    folder = write_corpus(tmp_path_factory.mktemp("corpus"), generate(14, seed=21))
    for name in ("xilinhot_2021.txt", "ordos_2017.txt"):
        shutil.copy(SAMPLES / name, folder / name)
    shutil.copy(SAMPLES / "xilinhot_2021.txt", folder / "xilinhot_again.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    return folder


@pytest.fixture(scope="module")
def cluster():
    from dask.distributed import LocalCluster

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=40) as c:
            assert len(c.workers) == 2
            yield c.scheduler_address


def test_parquet_same_as_single_process(corpus, cluster, tmp_path):
    local = write_reports(corpus, tmp_path / "local.parquet", workers=1, progress=False, chunk_size=4)
    dist = write_reports(corpus, tmp_path / "dask.parquet", engine="dask", scheduler=cluster, progress=False,
                         chunk_size=4)
    assert (local.n_files, local.n_reports, local.n_failures) == (19, 17, 2)  # 14 + 3 samples; empty, broken
    assert (dist.n_reports, dist.n_failures, dist.n_figures) == (local.n_reports, 2, local.n_figures)
    assert sorted(f.source.rsplit("/", 1)[-1] for f in dist.failures) == ["broken.pdf", "empty.txt"]
    parts = sorted(p.name for p in (tmp_path / "dask.parquet").iterdir())
    assert parts == [f"part-{i:05d}.parquet" for i in range(5)]  # 17 reports in chunks of 4
    a, b = pd.read_parquet(tmp_path / "local.parquet"), pd.read_parquet(tmp_path / "dask.parquet")
    pd.testing.assert_frame_equal(a, b)  # same rows in the same order, same types
    assert {"锡林浩特市-2021", "锡林浩特市-2021-2"} <= set(a["report_id"])
    # xilinhot lines 113-127: 一、本年新收政府信息公开申请数量 … 总计 8
    got = a[(a["report_id"] == "锡林浩特市-2021-2") & (a["code"] == "requests.received.total")
            & (a["applicant"] == "total")]["value"].tolist()
    assert got == [8.0]


def test_streamed_output_equals_in_memory_export(corpus, tmp_path):
    write_reports(corpus, tmp_path / "s.parquet", workers=2, progress=False, chunk_size=3)
    c = gikit.load_reports(corpus, workers=1, progress=False)
    c.to_parquet(tmp_path / "m.parquet")
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "s.parquet"), pd.read_parquet(tmp_path / "m.parquet"))


def test_duckdb_cli_same_as_single_process(corpus, cluster, tmp_path):
    assert main(["parse", str(corpus), "-o", str(tmp_path / "local.duckdb"), "-q", "--workers", "1",
                 "--chunk-size", "5"]) == 0
    assert main(["parse", str(corpus), "-o", str(tmp_path / "dask.duckdb"), "-q", "--engine", "dask",
                 "--scheduler", cluster, "--chunk-size", "5"]) == 0
    c = gikit.load_reports(corpus, workers=1, progress=False)
    c.to_duckdb(tmp_path / "memory.duckdb")
    cons = [duckdb.connect(str(tmp_path / f"{n}.duckdb"), read_only=True) for n in ("local", "dask", "memory")]
    for table in ("reports", "indicators", "metrics", "checks", "failures"):
        frames = [con.execute(f'SELECT * FROM "{table}"').df() for con in cons]
        assert len(frames[0]) > 0
        pd.testing.assert_frame_equal(frames[0], frames[1])
        pd.testing.assert_frame_equal(frames[0], frames[2])
    for con in cons:
        con.close()


def test_load_reports_on_dask_same_as_local(corpus, cluster):
    local = gikit.load_reports(corpus, workers=1, progress=False)
    dist = gikit.load_reports(corpus, engine="dask", scheduler=cluster, progress=False)
    assert dist.ids == local.ids and len(dist) == 17
    pd.testing.assert_frame_equal(dist.indicators, local.indicators)
    pd.testing.assert_frame_equal(dist.failures, local.failures)


def test_scheduler_needs_dask_engine_and_bad_address(tmp_path, capsys):
    assert main(["parse", str(SAMPLES / "ordos_2017.txt"), "-o", str(tmp_path / "x.parquet"),
                 "--scheduler", "tcp://127.0.0.1:9"]) == 2
    assert "--engine dask" in capsys.readouterr().err
    with pytest.raises(ValueError, match="engine"):
        write_reports(SAMPLES / "ordos_2017.txt", tmp_path / "y.parquet", engine="spark", progress=False)
