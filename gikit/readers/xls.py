"""Legacy XLS reader (xlrd): every sheet becomes a table grid, merged cells expanded.

Old-era statistics tables were often ``统计表.xls`` attachments. Web systems also save
HTML tables or XLSX workbooks under an ``.xls`` name; those are read by the matching reader.
"""
from __future__ import annotations

import struct

from .. import limits
from ..document import Document, DocumentBuilder
from ..exceptions import ParseError
from .grid import Grid, add_sheet, cell_text


def read_xls(data: bytes, source: str) -> Document:
    """Read a BIFF (Excel 97–2003) workbook; HTML or XLSX content under an .xls name is read as such."""
    if data[:4] == b"PK\x03\x04":
        from .xlsx import read_xlsx  # noqa: PLC0415
        return read_xlsx(data, source)
    if data[:8] != b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        head = data[:2048].lower()
        if b"<table" in head or b"<html" in head or b"<meta" in head:
            from .html import read_html  # noqa: PLC0415
            return read_html(data, source)
        raise ParseError("not an Excel file (no XLS signature)", source=source)
    try:
        import xlrd  # noqa: PLC0415
    except ImportError as exc:
        raise ParseError("reading .xls files needs xlrd: pip install 'gikit[xls]'", source=source) from exc
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True,
                                  logfile=_Null())
        b = DocumentBuilder(source=source, fmt="xls")
        for i in range(book.nsheets):
            sheet = book.sheet_by_index(i)
            add_sheet(b, _grid(sheet, book.datemode, b), f"sheet {sheet.name}")
            book.unload_sheet(i)
    except (xlrd.XLRDError, xlrd.compdoc.CompDocError, AssertionError, struct.error, IndexError,
            KeyError, ValueError, TypeError, UnicodeDecodeError, EOFError) as exc:
        raise ParseError(f"not a readable XLS workbook ({type(exc).__name__}: {exc})", source=source) from None
    return b.build()


class _Null:
    """xlrd writes warnings to a log file; keep them out of the user's output."""

    def write(self, *_: object) -> None:
        pass

    def flush(self) -> None:
        pass


def _grid(sheet, datemode: int, b: DocumentBuilder) -> Grid:
    import xlrd  # noqa: PLC0415

    n_rows, n_cols = sheet.nrows, sheet.ncols
    if n_rows > limits.MAX_TABLE_ROWS or n_cols > limits.MAX_TABLE_COLS:
        b.notes.append(f"sheet {sheet.name!r} is {n_rows:,}×{n_cols:,} cells; only the first "
                       f"{limits.MAX_TABLE_ROWS:,} rows and {limits.MAX_TABLE_COLS} columns were read")
        n_rows, n_cols = min(n_rows, limits.MAX_TABLE_ROWS), min(n_cols, limits.MAX_TABLE_COLS)
    grid: Grid = []
    for r in range(n_rows):
        row = []
        for c in range(min(n_cols, sheet.row_len(r))):
            cell = sheet.cell(r, c)
            value = cell.value
            if cell.ctype == xlrd.XL_CELL_DATE:
                try:
                    value = xlrd.xldate.xldate_as_datetime(value, datemode)
                except (ValueError, OverflowError, xlrd.xldate.XLDateError):
                    pass
            elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                value = bool(value)
            elif cell.ctype in (xlrd.XL_CELL_ERROR, xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                value = None
            row.append((cell_text(value), False))
        row.extend(("", False) for _ in range(n_cols - len(row)))
        grid.append(row)
    for r0, r1, c0, c1 in sheet.merged_cells:
        if r0 >= n_rows or c0 >= n_cols:
            continue
        text = grid[r0][c0][0]
        for r in range(r0, min(r1, n_rows)):
            for c in range(c0, min(c1, n_cols)):
                if (r, c) != (r0, c0):
                    grid[r][c] = (text, True)
    return grid

