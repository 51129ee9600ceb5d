"""Bad, broken and hostile input: a GikitError naming the file and the problem, or a Report with
warnings — never a raw traceback, never a hang. ``GUARD`` seconds is a hang detector, not a speed test."""
from __future__ import annotations

import io
import os
import time
import warnings
import zipfile
from pathlib import Path

import pytest

import gikit
from gikit import limits
from gikit.exceptions import GikitError, InputTooLargeError, ParseError, UnsupportedFormatError
from gikit.report import Report
from tests.conftest import SAMPLES
from tests.fixtures import build as B

GUARD = 60  # seconds; every case here finishes in well under one second on a laptop
XILINHOT = (SAMPLES / "xilinhot_2021.txt").read_text(encoding="utf-8")
ETDZ = (SAMPLES / "hohhot-etdz_2017.txt").read_text(encoding="utf-8")
BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                             for i in range(1, 10))
                  + b"]>")


def load(path_or_bytes, **kw):
    start = time.monotonic()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return gikit.load_report(path_or_bytes, warn=False, **kw)
    finally:
        assert time.monotonic() - start < GUARD


def expect_error(path: Path, cls: type[GikitError], *words: str) -> GikitError:
    with pytest.raises(cls) as info:
        load(path)
    msg = str(info.value)
    assert str(path) in msg, msg
    for w in words:
        assert w in msg, msg
    return info.value


def _replace_in_zip(data: bytes, member: str, body: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info.filename, body if info.filename == member else src.read(info))
    return out.getvalue()


# ---------------------------------------------------------------- empty and noise
@pytest.mark.parametrize("ext", [".txt", ".html", ".pdf", ".docx", ".xlsx", ".xls", ".md"])
def test_empty_file(tmp_path, ext):
    p = tmp_path / f"empty{ext}"
    p.write_bytes(b"")
    expect_error(p, ParseError, "empty")


def test_whitespace_only(tmp_path):
    p = tmp_path / "blank.txt"
    p.write_bytes(b" \r\n\t\n   ")
    expect_error(p, ParseError, "empty")


@pytest.mark.parametrize("ext", [".txt", ".html", ".pdf", ".docx", ".xlsx", ".xls"])
def test_binary_noise(tmp_path, ext):
    p = tmp_path / f"noise{ext}"
    p.write_bytes(bytes(range(256)) * 64 + os.urandom(4096))
    expect_error(p, ParseError)


def test_unknown_extension(tmp_path):
    p = tmp_path / "report.odt"
    p.write_bytes(b"anything")
    expect_error(p, UnsupportedFormatError, ".odt")


def test_text_that_is_not_a_report(tmp_path):
    p = tmp_path / "recipe.txt"
    p.write_text("番茄炒蛋:鸡蛋两个,番茄一个。\n" * 20, encoding="utf-8")
    expect_error(p, ParseError, "no government information disclosure report")


# ---------------------------------------------------------------- truncated and damaged files
@pytest.mark.parametrize("ext", [".pdf", ".docx", ".xlsx", ".xls"])
@pytest.mark.parametrize("keep", [0.5, 0.9])
def test_truncated(tmp_path, ext, keep):
    data = B.WRITERS[ext](B.REPORT_2021)
    p = tmp_path / f"truncated{ext}"
    p.write_bytes(data[: int(len(data) * keep)])
    expect_error(p, ParseError)


def test_pdf_header_only(tmp_path):
    p = tmp_path / "header.pdf"
    p.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    expect_error(p, ParseError, "PDF")


def test_pdf_without_text_layer(tmp_path):
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.rect(100, 100, 200, 200, fill=1)  # a drawing, no text (like a scanned page without OCR)
    c.showPage()
    c.save()
    p = tmp_path / "scan.pdf"
    p.write_bytes(buf.getvalue())
    expect_error(p, ParseError, "no text layer")


def test_zero_length_tables(tmp_path):
    html = ("<html><body><p>武川县2021年政府信息公开工作年度报告</p><table></table><table><tr></tr></table>"
            "<table><tr><td></td></tr></table><p>本年度共收到政府信息公开申请0件。</p></body></html>")
    p = tmp_path / "tables.html"
    p.write_text(html, encoding="utf-8")
    r = load(p)
    assert isinstance(r, Report) and r.document.tables == []
    import docx

    d = docx.Document()
    d.add_paragraph("武川县2021年政府信息公开工作年度报告")
    d.add_table(rows=0, cols=3)
    d.add_table(rows=2, cols=2)  # empty cells only
    buf = io.BytesIO()
    d.save(buf)
    p = tmp_path / "tables.docx"
    p.write_bytes(buf.getvalue())
    r = load(p)
    assert isinstance(r, Report) and r.document.tables == []


# ---------------------------------------------------------------- hostile archives
def test_docx_zip_bomb_by_total_size(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_UNZIPPED_BYTES", 5_000_000)
    out = io.BytesIO(B.to_docx(B.REPORT_2021))
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/media/padding.bin", b"\0" * 20_000_000)
    p = tmp_path / "bomb.docx"
    p.write_bytes(out.getvalue())
    assert p.stat().st_size < 200_000  # 20 MB of zeros packs into a few KB
    expect_error(p, InputTooLargeError, "zip bomb")


def test_xlsx_zip_bomb_by_ratio(tmp_path):
    data = B.to_xlsx(B.REPORT_OLD)
    out = io.BytesIO(data)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/media/padding.bin", b"\0" * 30_000_000)
    p = tmp_path / "bomb.xlsx"
    p.write_bytes(out.getvalue())
    expect_error(p, InputTooLargeError, "expands")


def test_docx_entity_bomb(tmp_path):
    data = B.to_docx(B.REPORT_2021)
    body = BILLION_LAUGHS + (b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                             b"<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>")
    p = tmp_path / "entities.docx"
    p.write_bytes(_replace_in_zip(data, "word/document.xml", body))
    expect_error(p, ParseError, "word/document.xml", "entit")


def test_xlsx_entity_bomb(tmp_path):
    data = B.to_xlsx(B.REPORT_OLD)
    member = "xl/worksheets/sheet1.xml"
    assert member in zipfile.ZipFile(io.BytesIO(data)).namelist()
    body = BILLION_LAUGHS + (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                             b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
                             b"</sheetData></worksheet>")
    p = tmp_path / "entities.xlsx"
    p.write_bytes(_replace_in_zip(data, member, body))
    expect_error(p, ParseError, member, "entit")


def test_xlsx_external_entity(tmp_path):
    data = B.to_xlsx(B.REPORT_OLD)
    member = "xl/worksheets/sheet1.xml"
    assert member in zipfile.ZipFile(io.BytesIO(data)).namelist()
    body = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            b'<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>')
    p = tmp_path / "xxe.xlsx"
    p.write_bytes(_replace_in_zip(data, member, body))
    expect_error(p, ParseError, member, "entit")


def test_sheet_with_a_far_away_cell_is_capped(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["统计指标", "单位", "统计数"])
    ws.append(["(一)收到申请数", "件", 35])
    ws.cell(row=900_000, column=3, value=1)  # a stray cell far below the table
    buf = io.BytesIO()
    wb.save(buf)
    doc = gikit.readers.read(buf.getvalue(), name="far.xlsx")
    assert doc.tables[0].rows[1][2].text == "35"
    assert any("only the first" in n for n in doc.notes)


# ---------------------------------------------------------------- size limits
def test_200_mb_text_file_is_refused_before_reading(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as f:
        f.write("武川县2021年政府信息公开工作年度报告\n".encode())
        f.truncate(200 * 1024 * 1024)  # sparse: no 200 MB written to disk
    start = time.monotonic()
    err = expect_error(p, InputTooLargeError, "209,715,200 bytes", "GIKIT_MAX_BYTES")
    assert time.monotonic() - start < 5  # refused from the file size, not by reading it
    assert isinstance(err, ParseError)


def test_size_limit_is_overridable(tmp_path, monkeypatch):
    p = tmp_path / "xilinhot.txt"
    p.write_text(XILINHOT, encoding="utf-8")
    monkeypatch.setattr(limits, "MAX_BYTES", 1000)
    expect_error(p, InputTooLargeError, "above the limit of 1,000")
    monkeypatch.setattr(limits, "MAX_BYTES", 10_000_000)
    assert load(p).meta.region == "锡林浩特市"


def test_too_many_pdf_pages_reads_the_first(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_PDF_PAGES", 1)
    p = tmp_path / "report.pdf"
    p.write_bytes(B.to_pdf(B.REPORT_2021))
    r = load(p)
    assert any("only the first 1" in str(w) for w in r.warnings)
    assert "四、政府信息公开行政复议、行政诉讼情况" not in r.text  # printed on page 2


def test_deeply_nested_html(tmp_path):
    body = "".join(f"<p>{line}</p>" for line in XILINHOT.splitlines())
    p = tmp_path / "deep.html"
    p.write_text("<html><body>" + "<div>" * 100_000 + body + "</div>" * 100_000 + "</body></html>",
                 encoding="utf-8")
    r = load(p)
    assert any("nests deeper" in str(w) for w in r.warnings)
    assert r.meta.region == "锡林浩特市"
    assert r.value("requests.received.total") == 8  # xilinhot_2021.txt: 一、本年新收 … 总计 8


# ---------------------------------------------------------------- encodings and content oddities
def test_gbk_page_labelled_utf8(tmp_path):
    html = ('<html><head><meta charset="utf-8"></head><body><p>齐齐哈尔市2018年政府信息公开工作年度报告</p>'
            "<p>本年度共受理政府信息公开申请247件。</p></body></html>")
    p = tmp_path / "gbk.html"
    p.write_bytes(html.encode("gbk"))
    r = load(p)
    assert "齐齐哈尔市2018年政府信息公开工作年度报告" in r.text
    assert r.document.encoding == "gb18030"


def test_gbk_text_file(tmp_path):
    p = tmp_path / "gbk.txt"
    p.write_bytes(XILINHOT.replace("\u00a0", " ").replace("\u2003", " ").encode("gbk"))
    assert load(p).meta.year == 2021


def test_mixed_templates_in_one_file(tmp_path):
    p = tmp_path / "mixed.txt"
    p.write_text(XILINHOT + "\n" + ETDZ, encoding="utf-8")
    r = load(p)
    assert isinstance(r, Report)
    assert r.warnings  # the two templates cannot both be this report's: say so
    assert any("template" in str(w) for w in r.warnings)


def test_report_duplicated_three_times(tmp_path):
    p = tmp_path / "thrice.txt"
    p.write_text((XILINHOT + "\n") * 3, encoding="utf-8")
    r = load(p)
    assert any("repeated page content" in str(w) for w in r.warnings)
    assert r.text.count("锡林浩特市2021年政府信息公开工作年度报告") == 1
    assert r.value("requests.received.total") == 8  # once, not 24


def test_bytes_input_names_the_given_name():
    with pytest.raises(ParseError) as info:
        load(b"\x00\x01\x02" * 1000, name="upload.docx")
    assert "upload.docx" in str(info.value)


def test_reader_crash_becomes_parse_error(tmp_path, monkeypatch):
    from gikit.readers import text

    def boom(data, source):
        raise RuntimeError("unexpected")

    monkeypatch.setattr(text, "read_text", boom)
    p = tmp_path / "x.txt"
    p.write_text(XILINHOT, encoding="utf-8")
    expect_error(p, ParseError, "RuntimeError")


# ---------------------------------------------------------------- a batch with broken files
def test_load_reports_keeps_every_good_file(tmp_path):
    good = []
    for f in sorted(SAMPLES.glob("*.txt")):
        for i in range(3):
            p = tmp_path / f"{f.stem}_{i}.txt"
            p.write_bytes(f.read_bytes())
            good.append(p)
    for ext in (".docx", ".pdf", ".xlsx"):
        good.append(B.write(B.REPORT_2021, tmp_path, "wuchuan_2021", ext))
    assert len(good) == 18
    bad = [tmp_path / "broken.pdf", tmp_path / "noise.docx"]
    bad[0].write_bytes(B.to_pdf(B.REPORT_2021)[:3000])
    bad[1].write_bytes(os.urandom(5000))
    c = gikit.load_reports(tmp_path, workers=1, progress=False)
    assert len(c) == 18
    failures = c.failures
    assert len(failures) == 2
    assert sorted(Path(s).name for s in failures["source"]) == ["broken.pdf", "noise.docx"]
    assert all(failures["message"].str.len() > 0)
