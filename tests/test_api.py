"""load_report: sample ids, paths, bytes; clear errors for bad input; light import."""
from __future__ import annotations

import subprocess
import sys
import warnings

import pandas as pd
import pytest

import gikit
from gikit.exceptions import (GikitError, MetadataWarning, ParseError, SourceNotFoundError,
                              UnsupportedFormatError)
from tests.conftest import ROOT, SAMPLES


def test_list_samples():
    df = gikit.list_samples()
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns[:6]) == ["sample_id", "region", "province", "year", "template", "file"]
    assert set(df["sample_id"]) == {"ordos-2017", "dongning-2016", "xilinhot-2021",
                                    "hohhot-etdz-2017", "qiqihar-2018"}
    assert all(pd.io.common.file_exists(f) for f in df["file"])


@pytest.mark.parametrize("alias", ["xilinhot-2021", "Xilinhot_2021", "XILINHOT-2021", " xilinhot_2021.txt"])
def test_sample_id_is_forgiving(alias):
    assert gikit.load_report(alias, warn=False).meta.region == "锡林浩特市"


def test_sample_miss_suggests():
    with pytest.raises(SourceNotFoundError) as exc:
        gikit.load_report("xilinhot-2012")
    assert "did you mean 'xilinhot-2021'" in str(exc.value)
    assert exc.value.suggestions == ["xilinhot-2021"]
    assert isinstance(exc.value, FileNotFoundError)


def test_path_and_bytes(tmp_path):
    by_path = gikit.load_report(SAMPLES / "qiqihar_2018.txt", warn=False)
    by_str = gikit.load_report(str(SAMPLES / "qiqihar_2018.txt"), warn=False)
    by_bytes = gikit.load_report((SAMPLES / "qiqihar_2018.txt").read_bytes(), warn=False)
    assert by_path.meta.region == by_str.meta.region == by_bytes.meta.region == "齐齐哈尔市"
    assert by_bytes.meta.source == "<bytes>"


def test_missing_file_names_path(tmp_path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(SourceNotFoundError) as exc:
        gikit.load_report(missing)
    assert str(missing) in str(exc.value)


def test_unknown_extension_lists_supported(tmp_path):
    p = tmp_path / "report.rtf"
    p.write_text("政府信息公开工作年度报告", encoding="utf-8")
    with pytest.raises(UnsupportedFormatError) as exc:
        gikit.load_report(p)
    msg = str(exc.value)
    assert str(p) in msg and ".rtf" in msg and ".html" in msg and ".pdf" in msg


@pytest.mark.parametrize("content", [b"", b"   \n\n  "])
def test_empty_file(tmp_path, content):
    p = tmp_path / "empty.txt"
    p.write_bytes(content)
    with pytest.raises(ParseError) as exc:
        gikit.load_report(p)
    assert str(p) in str(exc.value) and "empty" in str(exc.value)


def test_binary_garbage(tmp_path):
    import random

    rng = random.Random(7)
    p = tmp_path / "garbage.txt"
    p.write_bytes(bytes(rng.randrange(256) for _ in range(5000)))
    with pytest.raises(ParseError) as exc:
        gikit.load_report(p)
    assert str(p) in str(exc.value)
    assert not isinstance(exc.value, UnicodeError)


def test_text_without_report(tmp_path):
    p = tmp_path / "recipe.txt"
    p.write_text("红烧肉的做法:五花肉切块,焯水,加糖炒色。", encoding="utf-8")
    with pytest.raises(ParseError) as exc:
        gikit.load_report(p)
    assert str(p) in str(exc.value) and "no government information disclosure report" in str(exc.value)


def test_no_year_no_region_loads_with_warnings(tmp_path):
    p = tmp_path / "anon.txt"
    p.write_text("政府信息公开工作情况\n本机关全年主动公开政府信息若干条。\n", encoding="utf-8")
    with pytest.warns(MetadataWarning) as record:
        r = gikit.load_report(p)
    assert r.meta.year is None and r.meta.region is None and r.meta.province is None
    messages = " ".join(str(w.message) for w in record)
    assert "year" in messages and "region" in messages and str(p) in messages


def test_errors_are_gikit_errors():
    for cls in (SourceNotFoundError, UnsupportedFormatError, ParseError):
        assert issubclass(cls, GikitError)


def test_report_basics(samples):
    r = samples["xilinhot-2021"]
    assert repr(r).startswith("<Report 锡林浩特市 2021 · fmt2021")
    html = r._repr_html_()
    assert "锡林浩特市" in html and "r.checks()" in html
    assert list(r.indicators.columns) == ["code", "applicant", "scope", "value", "unit", "qualifier",
                                          "source", "locator", "raw"]
    assert r.report_id == "锡林浩特市-2021"
    assert "锡林浩特市2021年政府信息公开工作年度报告" in r.text


def test_sections_by_title(samples):
    # Qiqihar numbers two sections "三、" (SPEC D18); both are found, by title
    titles = list(samples["qiqihar-2018"].sections)
    assert "存在的主要问题" in titles and "2019年工作思路" in titles
    xl = samples["xilinhot-2021"].sections
    assert list(xl) == ["总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
                        "政府信息公开行政复议、行政诉讼情况", "存在的问题及改进情况", "其他需要报告的事项"]
    assert xl["其他需要报告的事项"].startswith("本年度本部门未收取政府信息公开信息处理费。")


def test_import_is_light():
    code = ("import sys, gikit; heavy = [m for m in ('matplotlib', 'seaborn', 'ipywidgets') if m in sys.modules];"
            "print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_blank_printed_total_yields_to_sum_of_parts():
    # SPEC D2: a 2021 Table 4 whose 行政复议 总计 cell is blank while its parts are printed
    from gikit.observations import Observation
    from gikit.parse import merge

    blank = Observation("review.total", float("nan"), qualifier="blank", source="table")
    derived = Observation("review.total", 3.0, qualifier="derived", source="derived")
    prose = Observation("review.total", 4.0, source="prose")
    kept, shadowed = merge([blank, prose, derived])
    assert [(o.source, o.value) for o in kept] == [("derived", 3.0)]
    assert {o.source for o in shadowed} == {"table", "prose"}
