"""ReportCollection: loading in parallel, failures, indexing, filter, indicators, compare, checks."""
from __future__ import annotations

import math
import shutil

import pandas as pd
import pytest

import gikit
from gikit.collection import ReportCollection, expand_sources, harmonized_code
from gikit.exceptions import GikitError, ReportNotFoundError, SourceNotFoundError
from tests._handmade import handmade_collection, report_a, report_a_copy, report_b, report_c
from tests.conftest import SAMPLES


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """The five samples, a copy of one under another name, a corrupt DOCX and an empty file."""
    folder = tmp_path_factory.mktemp("batch")
    for f in SAMPLES.glob("*.txt"):
        shutil.copy(f, folder / f.name)
    sub = folder / "more"
    sub.mkdir()
    shutil.copy(SAMPLES / "xilinhot_2021.txt", sub / "xilinhot_copy.txt")
    (folder / "corrupt.docx").write_bytes(b"PK\x03\x04 this is not a zip archive at all" * 10)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "notes.csv").write_text("not a report format", encoding="utf-8")  # skipped: not supported
    return folder, gikit.load_reports(folder, workers=2, progress=False)


def test_batch_finishes_with_failures_kept(batch):
    folder, c = batch
    assert len(c) == 6  # five samples + the copy
    f = c.failures
    assert list(f.columns) == ["source", "error", "message"]
    assert sorted(p.rsplit("/", 1)[-1] for p in f["source"]) == ["corrupt.docx", "empty.txt"]
    empty = f[f["source"].str.endswith("empty.txt")].iloc[0]
    assert empty["error"] == "ParseError" and "empty" in empty["message"] and "empty.txt" in empty["message"]
    assert (f["message"].str.len() > 10).all()
    assert "6 reports" in repr(c) and "2 failures" in repr(c)


def test_ids_unique_and_lookup(batch):
    _, c = batch
    assert len(set(c.ids)) == len(c)
    assert "锡林浩特市-2021" in c.ids and "锡林浩特市-2021-2" in c.ids
    # sample id, file stem and report id all work
    assert c["xilinhot-2021"].meta.region == "锡林浩特市"
    assert c["qiqihar_2018"].meta.year == 2018
    assert c["齐齐哈尔市-2018"] is c["qiqihar-2018"]
    assert c["xilinhot_copy"].meta.source.endswith("xilinhot_copy.txt")
    assert isinstance(c[0], gikit.Report)
    assert sum(1 for _ in c) == 6


def test_lookup_miss_suggests():
    c = ReportCollection([report_a(), report_b()])
    with pytest.raises(ReportNotFoundError) as exc:
        c["chifeng-2012"]
    assert isinstance(exc.value, KeyError) and isinstance(exc.value, GikitError)
    assert "chifeng-2021" in exc.value.suggestions
    assert "did you mean 'chifeng-2021'" in str(exc.value)
    assert "chifeng-2021" in c and "nowhere-1999" not in c


def test_duplicate_ids_get_suffixes():
    c = ReportCollection([report_a(), report_a_copy()])
    assert c.ids == ["赤峰市-2021", "赤峰市-2021-2"]
    assert c["赤峰市-2021-2"].value("h.requests.received") == 7  # typed in report_a_copy


def test_filter(batch):
    _, c = batch
    inner = c.filter(province="内蒙古自治区", year=2017)
    assert sorted(r.meta.region for r in inner) == ["呼和浩特经济技术开发区", "鄂尔多斯市"]
    assert len(c.filter(template="fmt2021")) == 2
    assert len(c.filter(year=range(2016, 2018))) == 3
    assert len(c.filter(level=["prefecture", "zone"], year=lambda y: y >= 2018)) == 1
    assert isinstance(inner, ReportCollection) and inner["ordos-2017"].meta.year == 2017
    with pytest.raises(TypeError):
        c.filter(colour="red")


def test_indicators_long_frame():
    c = handmade_collection()
    df = c.indicators
    assert list(df.columns[:6]) == ["report_id", "region", "province", "level", "year", "template"]
    assert len(df) == sum(len(r.indicators) for r in c)
    row = df[(df["report_id"] == "齐齐哈尔市-2017") & (df["code"] == "capacity.staff.total")]
    assert row["value"].tolist() == [50.0] and row["province"].tolist() == ["黑龙江省"]


def test_compare_by_report_and_group():
    c = handmade_collection()
    per = c.compare(["requests.received.total", "review.total"], by="report_id")
    assert list(per.columns) == ["n_reports", "h.requests.received", "h.review.total"]
    assert per.loc["赤峰市-2021", "h.requests.received"] == 200
    assert per.loc["齐齐哈尔市-2017", "h.requests.received"] == 300  # headline scope, not own level 100
    prov = c.compare("h.requests.received", by="province")
    assert prov.shape == (2, 2)
    assert prov.loc["内蒙古自治区", "h.requests.received"] == 220  # 200 + 20
    assert prov.loc["内蒙古自治区", "n_reports"] == 2
    # a group sum with a missing member is NaN, not a partial sum
    lit = c.compare("h.litigation.total", by="province")
    assert math.isnan(lit.loc["内蒙古自治区", "h.litigation.total"])  # report B has no lawsuits figure
    assert lit.loc["黑龙江省", "h.litigation.total"] == 3
    assert c.compare("h.requests.received", by="province", agg="mean").loc["内蒙古自治区", "h.requests.received"] == 110
    two = c.compare("h.requests.received", by=["province", "year"])
    assert two.loc[("内蒙古自治区", 2020), "h.requests.received"] == 20
    with pytest.raises(ValueError):
        c.compare("h.requests.received", by="colour")


def test_compare_harmonized_switch():
    c = handmade_collection()
    raw = c.compare("requests.received.total", by="report_id", harmonized=False)
    assert "requests.received.total" in raw.columns
    assert raw.loc["赤峰市-2021", "requests.received.total"] == 200  # the applicant 'total' column
    assert raw.loc["齐齐哈尔市-2017", "requests.received.total"] == 300
    assert math.isnan(raw.loc["鄂尔多斯市-2020", "requests.received.total"])  # B has only the h.* figure
    assert harmonized_code("requests.outcome.disclosed") == "h.requests.granted_full"
    assert harmonized_code("capacity.staff.total") == "capacity.staff.total"


def test_compare_samples_by_province(batch):
    _, c = batch
    samples_only = c.filter(report_id=lambda rid: not rid.endswith("-2"))
    t = samples_only.compare("requests.received.total", by="province")
    # ordos line 73: 123; xilinhot lines 113-127: 8; hohhot-etdz lines 93-95: (一)收到申请数 无 → 0
    assert t.loc["内蒙古自治区", "h.requests.received"] == 123 + 8 + 0
    # dongning line 163: 受理依申请公开5件; qiqihar line 41: 本行政区域内 247
    assert t.loc["黑龙江省", "h.requests.received"] == 5 + 247
    assert t["n_reports"].tolist() == [3, 2]


def test_metrics_and_summary_frames():
    c = handmade_collection()
    m = c.metrics()
    assert list(m.columns[:6]) == ["report_id", "region", "province", "level", "year", "template"]
    assert len(m) == 3 * m["metric"].nunique()
    v = m[(m["report_id"] == "赤峰市-2021") & (m["metric"] == "grant_rate")]["value"].item()
    assert v == pytest.approx(108 / 180)
    s = c.summary()
    assert s["report_id"].tolist() == c.ids and "n_figures" in s.columns


def test_checks_stacked(batch):
    _, c = batch
    ch = c.checks()
    assert "report_id" in ch.columns and "status" in ch.columns
    per_report = sum(len(r.checks()) for r in c)
    assert len(ch) >= per_report
    assert set(ch["report_id"].dropna()) <= set(c.ids)


def test_sources_and_errors(tmp_path):
    with pytest.raises(SourceNotFoundError):
        expand_sources(str(tmp_path))  # an empty folder
    with pytest.raises(SourceNotFoundError):
        expand_sources(str(tmp_path / "*.html"))
    c = gikit.load_reports([str(tmp_path / "missing.txt"), "xilinhot-2021"], workers=1, progress=False)
    assert len(c) == 1 and c.failures["error"].tolist() == ["SourceNotFoundError"]
    glob_c = gikit.load_reports(str(SAMPLES / "q*.txt"), workers=1, progress=False)
    assert [r.meta.region for r in glob_c] == ["齐齐哈尔市"]


def test_empty_collection_frames():
    c = ReportCollection([])
    assert len(c) == 0 and c.indicators.empty and c.metrics().empty and c.failures.empty
    assert isinstance(c.compare("h.requests.received", by="report_id"), pd.DataFrame)
