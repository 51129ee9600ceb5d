"""The command line, run as a subprocess: parse, check, demo."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd

from tests.conftest import SAMPLES

GIKIT = [sys.executable, "-m", "gikit.cli"]


def run(*args, cwd=None):
    return subprocess.run([*GIKIT, *map(str, args)], capture_output=True, text=True, timeout=300, cwd=cwd)


def test_parse_folder_to_duckdb_with_a_failure(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("ordos_2017.txt", "xilinhot_2021.txt"):
        shutil.copy(SAMPLES / name, folder / name)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 truncated garbage")
    out = tmp_path / "out.duckdb"
    res = run("parse", folder, "-o", out, "--workers", "2")
    assert res.returncode == 0, res.stderr
    assert "parsed 2 report(s), 1 failure(s)" in res.stderr
    assert "FAILED" in res.stderr and "broken.pdf" in res.stderr
    con = duckdb.connect(str(out), read_only=True)
    regions = sorted(r for (r,) in con.execute("SELECT region FROM reports").fetchall())
    assert regions == sorted(["锡林浩特市", "鄂尔多斯市"])
    # xilinhot lines 113-127: 一、本年新收政府信息公开申请数量 … 总计 8
    got = con.execute("SELECT value FROM indicators WHERE region = '锡林浩特市' AND code = 'requests.received.total'"
                      " AND applicant = 'total'").fetchall()
    assert got == [(8.0,)]
    assert con.execute("SELECT count(*) FROM failures").fetchone()[0] == 1
    con.close()


def test_parse_to_csv_and_exit_codes(tmp_path):
    out = tmp_path / "q.csv"
    res = run("parse", SAMPLES / "qiqihar_2018.txt", "-o", out, "-q")
    assert res.returncode == 0, res.stderr
    df = pd.read_csv(out)
    assert set(df["region"]) == {"齐齐哈尔市"}
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    res = run("parse", empty, "-o", tmp_path / "none.csv", "-q")
    assert res.returncode == 1 and "nothing parsed" in res.stderr
    assert not (tmp_path / "none.csv").exists()
    res = run("parse", empty, "-o", tmp_path / "out.json")
    assert res.returncode == 2 and "out.json" in res.stderr


def test_check_prints_table(tmp_path):
    res = run("check", SAMPLES / "xilinhot_2021.txt")
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("锡林浩特市-2021 · fmt2021 ·")
    res = run("check", tmp_path / "missing.html")
    assert res.returncode == 1 and "missing.html" in res.stderr and "Traceback" not in res.stderr


def test_demo_prints_comparison_and_writes_figures(tmp_path):
    figs = tmp_path / "figs"
    res = run("demo", "--figures", figs)
    assert res.returncode == 0, res.stderr
    out = res.stdout
    assert "Cross-regional comparison" in out
    for word in ("requests received", "reconsiderations", "lawsuits", "proactive items", "granted in full"):
        assert word in out
    for region in ("鄂尔多斯市", "东宁市", "锡林浩特市", "呼和浩特经济技术开发区", "齐齐哈尔市"):
        assert region in out
    names = sorted(p.name for p in figs.iterdir())
    assert names == ["funnel.png", "heatmap.png", "outcome_shares.png", "requests_received.png"]
    assert all(p.stat().st_size > 5000 for p in figs.iterdir())
    assert str(Path(figs).resolve()) in out
