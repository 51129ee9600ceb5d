"""DOCX, XLSX, XLS and PDF readers: the same hand-typed tables come out cell for cell in every format.

The tables live in ``tests/fixtures/build.py`` (values typed by hand there); each test writes
them to a file of one format in a temporary folder and reads it back.
"""
from __future__ import annotations

import math
import warnings

import pytest

import gikit
from gikit.normalize import N
from gikit.readers import read
from tests.conftest import SHARED
from tests.fixtures import build as B

FORMATS = [".html", ".docx", ".xlsx", ".xls", ".pdf"]
PDF_SAMPLES = SHARED / "pdf-samples"


def _load(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return gikit.load_report(path, warn=False)


def _grid(table) -> list[list[str]]:
    # N(): a PDF cell wrapped over two lines comes back with a space where the line broke
    return [[N(c) for c in row] for row in table.texts()]


@pytest.fixture(scope="module")
def files_2021(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fmt2021")
    return {ext: B.write(B.REPORT_2021, folder, "wuchuan_2021", ext) for ext in FORMATS}


@pytest.fixture(scope="module")
def files_old(tmp_path_factory):
    folder = tmp_path_factory.mktemp("old")
    files = {ext: B.write(B.REPORT_OLD, folder, "tuoketuo_2017", ext) for ext in FORMATS}
    files["unruled.pdf"] = B.write(B.REPORT_OLD, folder, "tuoketuo_2017_unruled", ".pdf", ruled=False,
                                   header="托克托县人民政府办公室")
    return files


# ---------------------------------------------------------------- grids, cell by cell
@pytest.mark.parametrize("ext", FORMATS)
def test_fmt2021_tables_cell_by_cell(files_2021, ext):
    doc = read(files_2021[ext])
    expected = [B.expand(t) for kind, t in B.REPORT_2021 if kind == "table"]
    assert [_grid(t) for t in doc.tables] == [[[N(c) for c in row] for row in g] for g in expected]
    t2, t3, t4 = doc.tables
    # spot checks against the values typed in build.py
    assert t2.rows[13][0].text == "行政事业性收费" and t2.rows[13][1].text == "12.5"
    assert t3.shape == (28, 10)
    assert N(t3.rows[26][1].text) == "(七)总计" and t3.rows[26][9].text == "28"
    assert N(t3.rows[7][1].text) == "(三)不予公开" and t3.rows[7][1].merged is False
    assert t3.rows[9][0].text == "三、本年度办理结果" and t3.rows[9][0].merged
    assert t3.rows[3][9].text == "27" and t3.rows[3][3].text == "21"
    assert [c.text for c in t4.rows[3]] == ["2", "1", "0", "1", "4", "1", "0", "0", "1", "2",
                                            "0", "0", "1", "0", "1"]


@pytest.mark.parametrize("ext", [*FORMATS, "unruled.pdf"])
def test_old_table_cell_by_cell(files_old, ext):
    doc = read(files_old[ext])
    assert len(doc.tables) == 1
    assert _grid(doc.tables[0]) == [[N(c) for c in row] for row in B.expand(B.OLD_TABLE)]
    rows = {N(r[0].text): [c.text for c in r[1:]] for r in doc.tables[0].rows}
    assert rows["(一)收到申请数"] == ["件", "35"]
    assert rows["5.其他方式公开政府信息数"] == ["条", "无"]
    assert rows["七、依申请公开信息收取的费用"] == ["万元", "0.35"]


@pytest.mark.parametrize("ext", FORMATS)
def test_every_cell_span_points_into_the_text(files_2021, ext):
    doc = read(files_2021[ext])
    n = 0
    for t in doc.tables:
        for row in t.rows:
            for cell in row:
                assert doc.text[cell.span[0]:cell.span[1]] == cell.text
                n += 1
    assert n == 14 * 4 + 28 * 10 + 4 * 15
    for ln in doc.lines:
        assert doc.text[ln.start:ln.end] == ln.text


def test_provenance_names_page_sheet_or_table(files_2021):
    pdf = read(files_2021[".pdf"])
    assert all(ln.origin.startswith("page ") for ln in pdf.lines)
    row_origin = next(ln.origin for ln in pdf.lines if ln.text.startswith("行政许可"))
    assert row_origin.startswith("page 1 · bbox ") and len(row_origin.split("bbox ")[1].split(",")) == 4
    xlsx = read(files_2021[".xlsx"])
    assert xlsx.tables[1].origin == "sheet 表2"
    assert any(ln.origin == "sheet 表2 · row 5" and ln.text.startswith("一、本年新收") for ln in xlsx.lines)
    docx = read(files_2021[".docx"])
    assert docx.tables[0].origin == "docx table 1"
    assert docx.meta_hints["title"] == B.TITLE_2021


def test_pdf_page_chrome_and_joins(files_2021):
    doc = read(files_2021[".pdf"])
    # "- 1 -" page numbers and the running header are removed from the text, kept as chrome
    assert "- 1 -" in doc.chrome and "- 2 -" in doc.chrome
    assert "武川县人民政府办公室" in doc.chrome
    assert "- 1 -" not in doc.text.splitlines()
    # the 28-row Table 3 runs over a page break and comes back as one grid
    t3 = doc.tables[1]
    assert t3.origin == "pages 1-2 table"
    # the intro paragraph, wrapped over several lines in the PDF, is one line again
    assert N(B.INTRO_2021) in [N(ln) for ln in doc.text.splitlines()]
    assert doc.meta_hints["title"] == B.TITLE_2021


def test_spreadsheet_title_row_is_a_line(files_2021):
    for ext in (".xlsx", ".xls"):
        doc = read(files_2021[ext])
        assert doc.lines[0].text == B.TITLE_2021
        assert doc.tables[0].rows[0][0].text == "第二十条第(一)项"


def test_xls_name_holding_html_or_xlsx(tmp_path, files_old):
    html = tmp_path / "统计表.xls"
    html.write_bytes(B.to_html(B.REPORT_OLD))
    assert read(html).fmt == "html"
    xlsx = tmp_path / "统计表2.xls"
    xlsx.write_bytes(files_old[".xlsx"].read_bytes())
    assert read(xlsx).fmt == "xlsx"


# ---------------------------------------------------------------- values through the whole parser
# expected values: T3_VALUES / T2_2021 / T4_2021 / OLD_TABLE as typed in tests/fixtures/build.py
EXPECTED_2021 = [
    ("requests.received.total", "total", 27.0),            # 一、本年新收 … 总计 27
    ("requests.received.total", "natural_person", 21.0),   # 一、本年新收 … 自然人 21
    ("requests.carryover.in", "total", 2.0),                # 二、上年结转 … 2
    ("requests.outcome.disclosed", "total", 10.0),          # (一)予以公开 10
    ("requests.outcome.withheld.third_party_rights", "commercial_enterprise", 1.0),
    ("requests.outcome.unavailable.not_held", "total", 6.0),
    ("requests.outcome.other.other", "total", 1.0),         # (六)3.其他 1
    ("requests.outcome.total", "total", 28.0),              # (七)总计 28
    ("requests.carryover.out", "total", 1.0),               # 四、结转下年度继续办理 1
    ("active.regulations.in_force", None, 12.0),            # 规章 现行有效件数 12
    ("active.normative_docs.issued", None, 5.0),            # 行政规范性文件 本年制发件数 5
    ("active.licensing.decisions", None, 1234.0),           # 行政许可 1234
    ("active.coercion.decisions", None, 7.0),               # 行政强制 7
    ("active.admin_fees.amount", None, 12.5),               # 行政事业性收费 12.5 万元
    ("review.total", None, 4.0),                            # 行政复议 总计 4
    ("litigation.direct.total", None, 2.0),                 # 未经复议直接起诉 总计 2
    ("litigation.after_review.other", None, 1.0),           # 复议后起诉 其他结果 1
]

EXPECTED_OLD = [
    ("active.items.total", 3456.0), ("active.normative_docs.published", 12.0),
    ("active.items.channel.website", 3100.0), ("requests.received.total", 35.0),
    ("requests.received.channel.online", 27.0), ("requests.closed.extended", 1.0),
    ("review.total", 2.0), ("review.corrected", 1.0), ("fees.request_cost_recovery", 0.35),
]


def _value(r, code, applicant):
    df = r.indicators
    rows = df[(df["code"] == code) & ((df["applicant"] == applicant) if applicant else df["applicant"].isna()
                                     | (df["applicant"] == "total"))]
    return float(rows["value"].iloc[0]) if len(rows) else math.nan


@pytest.mark.parametrize("ext", FORMATS)
def test_fmt2021_values_identical_in_every_format(files_2021, ext):
    r = _load(files_2021[ext])
    assert r.meta.template == "fmt2021"
    got = [(code, applicant, _value(r, code, applicant)) for code, applicant, _ in EXPECTED_2021]
    assert got == EXPECTED_2021


@pytest.mark.parametrize("ext", [*FORMATS, "unruled.pdf"])
def test_old_values_identical_in_every_format(files_old, ext):
    r = _load(files_old[ext])
    assert r.meta.template == "old"
    assert [(code, r.value(code)) for code, _ in EXPECTED_OLD] == EXPECTED_OLD
    row = r.indicators[r.indicators["code"] == "active.items.channel.other"].iloc[0]
    assert row["value"] == 0 and row["qualifier"] == "zero_word"   # typed as 无


# ---------------------------------------------------------------- real PDFs
needs_pdfs = pytest.mark.skipif(not PDF_SAMPLES.is_dir(), reason=f"real PDF samples not found at {PDF_SAMPLES}")


@needs_pdfs
def test_real_pdf_hongzequ_2023_grids():
    doc = read(PDF_SAMPLES / "025_huaian_hongzequ_2023.pdf")
    assert "- 3 -" in doc.chrome
    shapes = [t.shape for t in doc.tables]
    assert (26, 10) in shapes and (4, 15) in shapes
    t3 = next(t for t in doc.tables if t.shape == (26, 10))
    assert t3.origin == "pages 3-4 table"   # Table 3 breaks after "2.没有现成信息需要另行制作" on page 3
    rows = {N(r[2].text): [c.text for c in r[3:]] for r in t3.rows}
    # values as printed on pages 3-4 of the PDF
    assert rows["一、本年新收政府信息公开申请数量"] == ["21", "0", "0", "0", "0", "0", "21"]
    assert rows["(二)部分公开(区分处理的,只计这一情形,不计其他情形)"] == ["4", "0", "0", "0", "0", "0", "4"]
    assert rows["1.本机关不掌握相关政府信息"] == ["10", "0", "0", "0", "0", "0", "10"]
    assert rows["2.没有现成信息需要另行制作"] == ["3", "0", "0", "0", "0", "0", "3"]   # the row cut by the page end
    assert rows["3.补正后申请内容仍不明确"] == ["0"] * 7
    assert rows["(七)总计"] == ["21", "0", "0", "0", "0", "0", "21"]
    group = {N(r[2].text): N(r[1].text) for r in t3.rows}
    assert group["3.补正后申请内容仍不明确"] == "(四)无法提供"   # carried over the page break
    assert all(r[0].text == "三、本年度办理结果" for r in t3.rows[5:24])
    t4 = next(t for t in doc.tables if t.shape == (4, 15))
    assert [c.text for c in t4.rows[3]] == ["10", "1", "0", "0", "0", "0", "0", "0", "0", "0",
                                            "5", "0", "0", "0", "0"]


@needs_pdfs
def test_real_pdf_huaianshi_2024_values():
    r = _load(PDF_SAMPLES / "027_huaianshi_2024.pdf")
    assert r.meta.template == "fmt2021"
    assert r.document.meta_hints["title"]  # UTF-16 title string decoded
    # values read from the PDF's pages 4-5
    assert r.value("requests.received.total") == 3119
    assert r.value("requests.received.total", applicant="natural_person") == 3001
    assert r.value("requests.carryover.in") == 34
    assert r.value("requests.outcome.disclosed") == 1362
    assert r.value("requests.outcome.total") == 3050
    assert r.value("requests.carryover.out") == 103
    assert r.value("active.licensing.decisions") == 447228
    assert r.value("active.penalties.decisions") == 3985758
    assert r.value("active.admin_fees.amount") == 96171.6
