"""PDF reader (pdfplumber): text in reading order, ruled and unruled tables as grids.

Per page: invisible white boxes (paragraph backgrounds some editors draw) are ignored, ruled
tables are found from their lines, merged cells are expanded into copies (as the HTML reader
does), text outside the tables is read line by line and wrapped lines are joined back into
paragraphs. Across pages: page numbers (``- 4 -``) and repeated headers/footers are removed
(kept in ``Document.chrome``), and a table that runs on at the top of the next page with the
same number of columns is joined into one grid. Every line and row records its page, and
table rows their bounding box (``page 3 · bbox 74,176,518,203``).
"""
from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from statistics import median

from .. import limits
from ..document import Document, DocumentBuilder
from ..exceptions import ParseError

#: top and bottom share of a page where headers, footers and page numbers live
BAND = 0.09
#: a gap wider than this many character widths separates table columns laid out without rules
GAP = 2.5
#: a repeated header/footer line must appear on at least this share of the pages (and on 2+ pages)
REPEAT_SHARE = 0.6
HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|第[一二三四五六七八九十]+[章节条])")
NUMBER = re.compile(r"^[+\-－]?\d[\d,，.]*%?$")


@lru_cache(maxsize=1)
def page_number_patterns() -> list[re.Pattern[str]]:
    text = resources.files("gikit").joinpath("data/page_numbers.txt").read_text(encoding="utf-8")
    return [re.compile(p) for p in text.splitlines() if p.strip() and not p.startswith("#")]


@dataclass
class _Line:
    text: str
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    tabular: bool  # wide gaps between characters: a table row laid out with spaces
    chars: list[tuple[float, float, str]] = field(default_factory=list, repr=False)


@dataclass
class _Table:
    page: int
    top: float
    bbox: tuple[float, float, float, float]
    texts: list[list[str | None]]  # None: covered by a merged cell
    origin_of: dict[tuple[int, int], tuple[int, int]]  # covered position -> its merged cell
    row_boxes: list[tuple[float, float, float, float]]
    pages: list[int] = field(default_factory=list)
    row_pages: list[int] = field(default_factory=list)
    cols: list[tuple[float, float]] = field(default_factory=list)  # x-range of each column

    @property
    def n_cols(self) -> int:
        return len(self.texts[0]) if self.texts else 0


def read_pdf(data: bytes, source: str) -> Document:
    """Read a PDF report (needs pdfplumber: ``pip install 'gikit[pdf]'``)."""
    if b"%PDF" not in data[:1024]:
        raise ParseError("not a PDF file (no %PDF header)", source=source)
    try:
        import pdfplumber  # noqa: PLC0415
        from pdfminer.pdfdocument import PDFPasswordIncorrect  # noqa: PLC0415
        from pdfminer.pdfexceptions import PDFException  # noqa: PLC0415
        from pdfminer.psexceptions import PSException  # noqa: PLC0415
        from pdfplumber.utils.exceptions import PdfminerException  # noqa: PLC0415
    except ImportError as exc:
        raise ParseError("reading .pdf files needs pdfplumber: pip install 'gikit[pdf]'", source=source) from exc
    b = DocumentBuilder(source=source, fmt="pdf")
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            _meta_hints(pdf, b)
            pages = pdf.pages
            if len(pages) > limits.MAX_PDF_PAGES:
                b.notes.append(f"the PDF has {len(pages)} pages; only the first {limits.MAX_PDF_PAGES} were read "
                               "(gikit.limits.MAX_PDF_PAGES)")
            blocks = []
            for n, page in enumerate(pages[: limits.MAX_PDF_PAGES], start=1):
                blocks.append(_page_blocks(page, n, b))
                page.close()
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect):
            raise ParseError("the PDF is password-protected", source=source) from None
        raise ParseError(f"the PDF is damaged or truncated ({type(cause).__name__}: {cause})",
                         source=source) from None
    except (PDFException, PSException, KeyError, AttributeError, TypeError, ValueError, IndexError,
            ZeroDivisionError, AssertionError, RecursionError) as exc:
        raise ParseError(f"the PDF is damaged or cannot be laid out ({type(exc).__name__}: {exc})",
                         source=source) from None
    if not any(blocks_ for blocks_, _height in blocks):
        raise ParseError("the PDF has no text layer (scanned images?); gikit does not do OCR", source=source)
    chrome = _drop_headers_and_footers(blocks)
    _emit(_join_tables(_join_paragraphs(blocks)), b)
    doc = b.build()
    doc.chrome = chrome + doc.chrome
    return doc


def _meta_hints(pdf, b: DocumentBuilder) -> None:
    info = pdf.doc.info[0] if pdf.doc.info else {}
    for key, name in (("Title", "title"), ("Author", "author"), ("CreationDate", "created")):
        raw = info.get(key)
        if hasattr(raw, "resolve"):
            raw = raw.resolve()
        if isinstance(raw, bytes):
            text = _decode_pdf_string(raw)
            if text:
                b.meta_hints[name] = text


def _decode_pdf_string(raw: bytes) -> str:
    """PDF strings: UTF-16 with either BOM (some Chinese editors write little-endian), else PDFDocEncoding."""
    from pdfminer.utils import decode_text  # noqa: PLC0415

    if raw[:2] == b"\xfe\xff":
        return raw[2:].decode("utf-16-be", errors="replace").strip("\x00 ")
    if raw[:2] == b"\xff\xfe":
        return raw[2:].decode("utf-16-le", errors="replace").strip("\x00 ")
    try:
        return raw.decode("utf-8").strip()
    except UnicodeDecodeError:
        return decode_text(raw).strip()


def _visible(obj: dict) -> bool:
    """Drop filled, unstroked white rectangles: paragraph backgrounds, not table rules."""
    if obj.get("object_type") != "rect" or obj.get("stroke"):
        return True
    color = obj.get("non_stroking_color")
    if isinstance(color, (list, tuple)) and color and all(isinstance(v, (int, float)) for v in color):
        white = all(v >= 0.99 for v in color) if len(color) in (1, 3) else all(v <= 0.01 for v in color[:4])
        return not white
    return True


def _page_blocks(page, n: int, b: DocumentBuilder) -> tuple[list, float]:
    """Lines and tables of one page, top to bottom; and the page height."""
    if not page.chars:
        if page.images:
            b.notes.append(f"page {n} has no text layer (a scanned image?); it was skipped")
        return [], float(page.height)
    if len(page.chars) > limits.MAX_PAGE_CHARS:
        b.notes.append(f"page {n} holds {len(page.chars):,} characters; read as plain text without "
                       f"table detection (gikit.limits.MAX_PAGE_CHARS)")
        lines = [_Line(t, n, 0.0, 0.0, 0.0, 0.0, 10.0, False)
                 for t in (page.extract_text() or "").splitlines()]
        return lines, float(page.height)
    page = page.filter(_visible)
    tables = [t for t in (_table(t, page, n) for t in page.find_tables()) if t is not None]
    boxes = [t.bbox for t in tables]

    def outside(obj: dict) -> bool:
        if obj.get("object_type") != "char":
            return True
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    lines = [_line(d, n) for d in page.filter(outside).extract_text_lines(return_chars=True)]
    blocks = sorted([*[ln for ln in lines if ln.text], *tables], key=lambda blk: blk.top)
    return _unruled(blocks, n), float(page.height)


def _line(d: dict, n: int) -> _Line:
    chars = [c for c in d["chars"] if c["text"].strip()]
    sizes = [c["x1"] - c["x0"] for c in chars if c["x1"] > c["x0"]] or [d["bottom"] - d["top"]]
    size = median(sizes) if sizes else 10.0
    gaps = [b["x0"] - a["x1"] for a, b in zip(chars, chars[1:])]
    return _Line(d["text"].strip(), n, d["top"], d["bottom"], d["x0"], d["x1"], size,
                 any(g > GAP * size for g in gaps), [(c["x0"], c["x1"], c["text"]) for c in chars])


def _unruled(blocks: list, n: int) -> list:
    """Runs of 3+ lines laid out in columns with wide gaps (a table without rules) become grids.

    Column separators are the vertical strips left blank by every line of the run.
    """
    out: list = []
    run: list[_Line] = []

    def flush() -> None:
        table = _grid_from_lines(run, n) if len(run) >= 3 else None
        out.extend([table] if table else run)
        run.clear()

    for blk in blocks:
        if isinstance(blk, _Line) and blk.tabular and blk.chars:
            run.append(blk)
        else:
            flush()
            out.append(blk)
    flush()
    return out


def _grid_from_lines(lines: list[_Line], n: int) -> _Table | None:
    size = median(ln.size for ln in lines)
    spans = sorted((x0, x1) for ln in lines for x0, x1, _ in ln.chars)
    cols: list[list[float]] = []
    for x0, x1 in spans:  # merge character extents into occupied x-ranges
        if cols and x0 <= cols[-1][1] + GAP * size:
            cols[-1][1] = max(cols[-1][1], x1)
        else:
            cols.append([x0, x1])
    if len(cols) < 2:
        return None
    texts: list[list[str | None]] = []
    for ln in lines:
        row = ["" for _ in cols]
        for x0, x1, ch in ln.chars:
            k = next(i for i, (a, b) in enumerate(cols) if a <= (x0 + x1) / 2 <= b)
            row[k] += ch
        texts.append(row)
    if sum(1 for row in texts if sum(1 for x in row if x) >= 2) < 3:
        return None
    x0, x1 = cols[0][0], cols[-1][1]
    top, bottom = lines[0].top, lines[-1].bottom
    return _Table(n, top, (x0, top, x1, bottom), texts, {},
                  [(x0, ln.top, x1, ln.bottom) for ln in lines], [n], [n] * len(lines),
                  [(a, b) for a, b in cols])


def _cell(text: str | None) -> str | None:
    """Join the lines of a wrapped cell: no space inside Chinese text, one between Latin words."""
    if text is None:
        return None
    parts = [p.strip() for p in text.splitlines() if p.strip()]
    out = ""
    for p in parts:
        out += (" " if out and out[-1].isascii() and out[-1].isalpha() and p[0].isascii() and p[0].isalpha()
                else "") + p
    return out


def _bounds(values: list[float], end: float) -> list[tuple[float, float]]:
    """Column (or row) ranges from the sorted distinct starts of the cells."""
    starts = sorted({round(v, 1) for v in values})
    return [(a, b) for a, b in zip(starts, [*starts[1:], end])]


def _table(t, page, n: int) -> _Table | None:
    """A pdfplumber table as a grid, or None when it is a page frame rather than a table."""
    texts = [[_cell(x) for x in row] for row in t.extract()]
    if not texts or len(texts[0]) < 2 or sum(1 for row in texts if sum(1 for x in row if x) >= 2) < 2:
        return None
    x0, top, x1, bottom = t.bbox
    cols = _bounds([c[0] for c in t.cells], x1)
    rows = _bounds([c[1] for c in t.cells], bottom)
    if len(cols) != len(texts[0]) or len(rows) != len(texts):
        return None
    origins = {tuple(box): (r, c) for r, row in enumerate(t.rows) for c, box in enumerate(row.cells)
               if box is not None}
    origin_of: dict[tuple[int, int], tuple[int, int]] = {}
    for r, row in enumerate(t.rows):
        for c, box in enumerate(row.cells):
            if box is None:
                cx, cy = sum(cols[c]) / 2, sum(rows[r]) / 2
                pos = next((p for (a, b, e, f), p in origins.items() if a <= cx <= e and b <= cy <= f), None)
                if pos is not None:
                    origin_of[(r, c)] = pos
    # a merged cell left open at a page break has no cell of its own: read its area directly
    for c, (a, e) in enumerate(cols):
        r = 0
        while r < len(texts):
            if texts[r][c] is None and (r, c) not in origin_of:
                end = r
                while end + 1 < len(texts) and texts[end + 1][c] is None and (end + 1, c) not in origin_of:
                    end += 1
                texts[r][c] = _cell(page.crop((a, rows[r][0], e, rows[end][1])).extract_text()) or ""
                origin_of.update({(k, c): (r, c) for k in range(r + 1, end + 1)})
                r = end
            r += 1
    table = _Table(n, top, (x0, top, x1, bottom), texts, origin_of,
                   [(x0, a, x1, b) for a, b in rows], [n], [n] * len(texts), cols)
    _open_last_row(table, page, cols)
    return table


def _open_last_row(t: _Table, page, cols: list[tuple[float, float]]) -> None:
    """A table broken by a page end has no rule under its last row: read that row from the rules above."""
    x0, top, x1, bottom = t.bbox
    edges = [e for e in page.vertical_edges
             if x0 - 1 <= e["x0"] <= x1 + 1 and e["top"] <= bottom + 1 and e["bottom"] > bottom + 3]
    if len(edges) < 2:
        return
    end = max(e["bottom"] for e in edges)
    seps = sorted({round(e["x0"], 1) for e in edges})
    r = len(t.texts)
    row: list[str | None] = []
    first_of: dict[tuple[float, float], int] = {}  # rule-bounded segment -> first column in it
    for c, (a, e) in enumerate(cols):
        seg = next(((p, q) for p, q in zip(seps, seps[1:]) if p - 1 <= (a + e) / 2 <= q + 1), None)
        if seg is not None and seg in first_of:
            row.append(None)
            t.origin_of[(r, c)] = (r, first_of[seg])
            continue
        if seg is not None:
            first_of[seg] = c
        box = seg or (a, e)
        row.append(_cell(page.crop((box[0], bottom, box[1], end)).extract_text()) or "")
    t.texts.append(row)
    for c, text in enumerate(row):
        if any(_numeric(x) for x in row[: c + 1]):
            break
        if text == "":
            t.origin_of[(r, c)] = (r - 1, c) if (r - 1, c) not in t.origin_of else t.origin_of[(r - 1, c)]
    t.row_boxes.append((x0, bottom, x1, end))
    t.row_pages.append(t.page)
    t.bbox = (x0, top, x1, end)


def _is_page_number(text: str) -> bool:
    return any(p.fullmatch(text.strip()) for p in page_number_patterns())


def _drop_headers_and_footers(pages: list[tuple[list, float]]) -> list[str]:
    """Remove page numbers and lines repeated in the header/footer band of most pages."""
    def in_band(blk, height: float) -> bool:
        return isinstance(blk, _Line) and blk.bottom > 0 and (
            blk.top < height * BAND or blk.bottom > height * (1 - BAND))

    def key(text: str) -> str:
        return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))

    pages_with: Counter[str] = Counter()
    for blocks, h in pages:
        for k in {key(blk.text) for blk in blocks if in_band(blk, h)}:
            pages_with[k] += 1
    repeated = {k for k, c in pages_with.items() if c >= 2 and c >= REPEAT_SHARE * len(pages)}
    removed = []
    for i, (blocks, h) in enumerate(pages):
        keep = []
        for blk in blocks:
            if in_band(blk, h) and (_is_page_number(blk.text) or key(blk.text) in repeated):
                removed.append(blk.text)
            else:
                keep.append(blk)
        pages[i] = (keep, h)
    return removed


def _continues(a: _Line, b: _Line, left: float, right: float) -> bool:
    """Does line ``b`` continue the paragraph of line ``a`` (``a`` wrapped at the right margin)?"""
    if a.tabular or b.tabular or HEADING.match(b.text) or NUMBER.match(b.text) or NUMBER.match(a.text):
        return False
    if a.x1 < right - 1.5 * a.size or b.x0 > left + 0.8 * b.size:
        return False
    if a.page == b.page and b.top - a.bottom > 1.5 * (a.bottom - a.top):
        return False
    return not a.text.endswith(("。", "：", ":", "；", ";"))


def _join_paragraphs(pages: list[tuple[list, float]]) -> list:
    """Flatten pages to one block list, joining lines wrapped at the right margin."""
    blocks = [blk for page_blocks, _ in pages for blk in page_blocks]
    lines = [blk for blk in blocks if isinstance(blk, _Line) and blk.bottom > 0]
    if not lines:
        return blocks
    left = Counter(round(ln.x0) for ln in lines).most_common(1)[0][0]
    right = max(ln.x1 for ln in lines)
    out: list = []
    for blk in blocks:
        prev = out[-1] if out else None
        if isinstance(blk, _Line) and isinstance(prev, _Line) and _continues(prev, blk, left, right):
            sep = " " if prev.text[-1].isascii() and prev.text[-1].isalnum() and blk.text[0].isascii() \
                and blk.text[0].isalnum() else ""
            out[-1] = _Line(prev.text + sep + blk.text, prev.page, prev.top, blk.bottom, prev.x0, blk.x1,
                            blk.size, False)
            if blk.page != prev.page:
                out[-1].page = prev.page  # a paragraph keeps the page it starts on
        else:
            out.append(blk)
    return out


def _numeric(text: str | None) -> bool:
    return bool(text) and bool(NUMBER.match(text.replace(" ", "")))


def _join_tables(blocks: list) -> list:
    """Join a table with its continuation at the top of the next page.

    The parts must have the same columns, or the columns of one must be a subset of the other's
    (a part whose rows all span some columns shows fewer column rules); the coarser part is then
    re-gridded onto the finer columns, its wide cells becoming merged copies.
    """
    out: list = []
    for blk in blocks:
        prev = out[-1] if out else None
        if isinstance(blk, _Table) and isinstance(prev, _Table) and blk.page == prev.pages[-1] + 1:
            if prev.n_cols != blk.n_cols and _subgrid(prev.cols, blk.cols):
                _regrid(prev, blk.cols)
            elif prev.n_cols != blk.n_cols and _subgrid(blk.cols, prev.cols):
                _regrid(blk, prev.cols)
            if prev.n_cols == blk.n_cols:
                _carry_labels(prev, blk)
                offset = len(prev.texts)
                prev.texts.extend(blk.texts)
                prev.origin_of.update({(r + offset, c): (r0 + offset, c0)
                                       for (r, c), (r0, c0) in blk.origin_of.items()})
                prev.row_boxes.extend(blk.row_boxes)
                prev.row_pages.extend(blk.row_pages)
                prev.pages.append(blk.page)
                continue
        out.append(blk)
    return out


def _subgrid(coarse: list[tuple[float, float]], fine: list[tuple[float, float]], tol: float = 3.0) -> bool:
    """Are the column rules of ``coarse`` a subset of those of ``fine`` (same outer edges)?"""
    if len(coarse) >= len(fine) or not coarse:
        return False
    starts = [a for a, _ in fine]
    return (abs(coarse[0][0] - fine[0][0]) <= tol and abs(coarse[-1][1] - fine[-1][1]) <= tol
            and all(any(abs(a - x) <= tol for x in starts) for a, _ in coarse))


def _regrid(t: _Table, fine: list[tuple[float, float]], tol: float = 3.0) -> None:
    """Spread ``t``'s columns over the finer ``fine`` columns; the extra positions are merged copies."""
    first = [next(k for k, (x, _) in enumerate(fine) if abs(x - a) <= tol) for a, _ in t.cols]
    ends = [*first[1:], len(fine)]
    texts, origin_of = [], {}
    for r, row in enumerate(t.texts):
        new: list[str | None] = [None] * len(fine)
        for j, text in enumerate(row):
            r0, c0 = t.origin_of.get((r, j), (r, j))
            if (r0, c0) == (r, j):
                new[first[j]] = text
            for k in range(first[j], ends[j]):
                if (r0, c0) != (r, j) or k > first[j]:
                    origin_of[(r, k)] = (r0, first[c0])
        texts.append(new)
    t.texts, t.origin_of, t.cols = texts, origin_of, list(fine)


def _carry_labels(prev: _Table, cont: _Table) -> None:
    """A row label cell merged over the page break is printed only on the first page: carry it over."""
    last = [_resolve(prev, len(prev.texts) - 1, c) for c in range(prev.n_cols)]
    first = cont.texts[0]
    for c, text in enumerate(first):
        if any(_numeric(x) for x in first[: c + 1]):
            break
        if text == "" and (0, c) not in cont.origin_of and last[c] and not _numeric(last[c]):
            first[c] = last[c]
            cont.origin_of[(0, c)] = (0, c)  # a merged copy of itself


def _resolve(t: _Table, r: int, c: int) -> str:
    pos = t.origin_of.get((r, c))
    if pos is not None:
        return t.texts[pos[0]][pos[1]] or ""
    return t.texts[r][c] or ""


def _emit(blocks: list, b: DocumentBuilder) -> None:
    for blk in blocks:
        if isinstance(blk, _Line):
            b.add_line(blk.text, f"page {blk.page}")
            continue
        pages = f"page {blk.pages[0]}" if len(blk.pages) == 1 else f"pages {blk.pages[0]}-{blk.pages[-1]}"
        t = b.new_table(f"{pages} table")
        for r, row in enumerate(blk.texts):
            cells, merged = [], []
            for c, _ in enumerate(row):
                pos = blk.origin_of.get((r, c))
                cells.append(_resolve(blk, r, c))
                merged.append(pos is not None)
            x0, top, x1, bottom = blk.row_boxes[r]
            b.add_row(t, cells, merged,
                      origin=f"page {blk.row_pages[r]} · bbox {x0:.0f},{top:.0f},{x1:.0f},{bottom:.0f}")
