"""Exports read back: openpyxl, pyarrow, duckdb SQL, CSV."""
from __future__ import annotations

import duckdb
import openpyxl
import pandas as pd
import pyarrow.parquet as pq
import pytest

from gikit.store import ExportError, write
from tests._handmade import handmade_collection, report_a


@pytest.fixture
def c():
    return handmade_collection()


def test_collection_excel_sheets_and_codebook(c, tmp_path):
    path = tmp_path / "out.xlsx"
    c.to_excel(path)
    wb = openpyxl.load_workbook(path, read_only=True)
    assert wb.sheetnames == ["reports", "indicators", "metrics", "checks", "failures", "codebook"]
    ind = pd.read_excel(path, sheet_name="indicators")
    row = ind[(ind["report_id"] == "赤峰市-2021") & (ind["code"] == "active.licensing.decisions")]
    assert row["value"].tolist() == [5000]  # typed in report_a
    book = pd.read_excel(path, sheet_name="codebook").set_index("code")
    assert {"label_zh", "label_en", "unit"} <= set(book.columns)
    assert book.loc["requests.outcome.disclosed", "label_zh"] == "予以公开"
    reports = pd.read_excel(path, sheet_name="reports")
    assert reports["report_id"].tolist() == c.ids


def test_report_excel(tmp_path):
    path = tmp_path / "r.xlsx"
    report_a().to_excel(path)
    sheets = pd.read_excel(path, sheet_name=None)
    assert {"meta", "indicators", "checks", "warnings", "codebook"} <= set(sheets)
    meta = sheets["meta"].set_index("field")["value"]
    assert meta["region"] == "赤峰市" and str(meta["year"]) == "2021"
    assert len(sheets["indicators"]) == len(report_a().indicators)


def test_parquet_roundtrip(c, tmp_path):
    path = tmp_path / "out.parquet"
    c.to_parquet(path)
    table = pq.read_table(path)
    assert table.num_rows == len(c.indicators)
    df = table.to_pandas()
    got = df[(df["report_id"] == "齐齐哈尔市-2017") & (df["code"] == "h.requests.received")]
    assert sorted(got["value"]) == [100, 300]  # own level and region aggregate, both kept
    assert set(got["scope"]) == {"own_level", "region_aggregate"}


def test_duckdb_tables_queryable(c, tmp_path):
    path = tmp_path / "out.duckdb"
    c.to_duckdb(path)
    c.to_duckdb(path)  # writing again replaces the file
    con = duckdb.connect(str(path), read_only=True)
    tables = {t for (t,) in con.execute("SHOW TABLES").fetchall()}
    assert {"reports", "indicators", "checks", "metrics", "failures", "codebook"} <= tables
    rows = con.execute("""
        SELECT r.province, SUM(i.value) FROM indicators i JOIN reports r USING (report_id)
        WHERE i.code = 'h.requests.received' AND i.scope = r.scope GROUP BY r.province ORDER BY 1
    """).fetchall()
    assert rows == [("内蒙古自治区", 220.0), ("黑龙江省", 300.0)]  # 200 + 20; 300 (region aggregate)
    rate = con.execute("SELECT value FROM metrics WHERE report_id = '赤峰市-2021' AND metric = 'grant_rate'"
                       ).fetchone()[0]
    assert rate == pytest.approx(0.6)
    con.close()


def test_csv_and_write_dispatch(c, tmp_path):
    path = tmp_path / "out.csv"
    assert write(c, path) == "csv"
    back = pd.read_csv(path)
    assert len(back) == len(c.indicators) and back.columns[0] == "report_id"
    assert set(back["region"]) == {"赤峰市", "鄂尔多斯市", "齐齐哈尔市"}
    with pytest.raises(ExportError) as exc:
        write(c, tmp_path / "out.json")
    assert "out.json" in str(exc.value) and ".duckdb" in str(exc.value)
