"""XLSX reader (openpyxl): every sheet becomes a table grid, merged cells expanded.

Statistics tables were often published as spreadsheet attachments (``统计表.xlsx``).
Title rows above a sheet's table and footer rows below it become plain lines; each
row's origin names the sheet and row (``sheet 统计表 · row 5``).
"""
from __future__ import annotations

import io
import zipfile

from .. import limits
from ..document import Document, DocumentBuilder
from ..exceptions import ParseError
from .archive import check_zip
from .grid import Grid, add_sheet, cell_text


def read_xlsx(data: bytes, source: str) -> Document:
    """Read an XLSX workbook.

    >>> import io, openpyxl
    >>> wb = openpyxl.Workbook(); ws = wb.active; ws.title = "统计表"
    >>> ws.append(["统计指标", "单位", "统计数"]); ws.append(["(一)收到申请数", "件", 35])
    >>> buf = io.BytesIO(); wb.save(buf)
    >>> read_xlsx(buf.getvalue(), "x.xlsx").tables[0].texts()
    [['统计指标', '单位', '统计数'], ['(一)收到申请数', '件', '35']]
    """
    check_zip(data, source, "XLSX")
    import openpyxl  # noqa: PLC0415 — core dependency, imported when needed
    from openpyxl.utils.exceptions import InvalidFileException  # noqa: PLC0415

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as exc:
        raise ParseError(f"not a readable XLSX workbook ({type(exc).__name__}: {exc})", source=source) from None
    b = DocumentBuilder(source=source, fmt="xlsx")
    props = wb.properties
    if props.title:
        b.meta_hints["title"] = props.title
    if props.creator:
        b.meta_hints["author"] = props.creator
    for ws in wb.worksheets:
        add_sheet(b, _grid(ws, b), f"sheet {ws.title}")
    return b.build()


def _grid(ws, b: DocumentBuilder) -> Grid:
    n_rows, n_cols = ws.max_row or 0, ws.max_column or 0
    if n_rows > limits.MAX_TABLE_ROWS or n_cols > limits.MAX_TABLE_COLS:
        b.notes.append(f"sheet {ws.title!r} is {n_rows:,}×{n_cols:,} cells; only the first "
                       f"{limits.MAX_TABLE_ROWS:,} rows and {limits.MAX_TABLE_COLS} columns were read "
                       "(gikit.limits.MAX_TABLE_ROWS / MAX_TABLE_COLS)")
        n_rows, n_cols = min(n_rows, limits.MAX_TABLE_ROWS), min(n_cols, limits.MAX_TABLE_COLS)
    grid: Grid = [[(cell_text(v), False) for v in row]
                  for row in ws.iter_rows(max_row=n_rows, max_col=n_cols, values_only=True)]
    for rng in ws.merged_cells.ranges:
        r0, c0 = rng.min_row - 1, rng.min_col - 1
        if r0 >= len(grid) or c0 >= n_cols:
            continue
        text = grid[r0][c0][0]
        for r in range(r0, min(rng.max_row, len(grid))):
            for c in range(c0, min(rng.max_col, n_cols)):
                if (r, c) != (r0, c0):
                    grid[r][c] = (text, True)
    return grid
