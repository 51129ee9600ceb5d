"""Shared by the spreadsheet readers: cell values to text, a sheet grid to lines + one table.

>>> cell_text(3456.0), cell_text(7730.28), cell_text(None), cell_text(True)
('3456', '7730.28', '', '是')
"""
from __future__ import annotations

import datetime as dt
import re

from ..document import DocumentBuilder

Grid = list[list[tuple[str, bool]]]  # rows of (text, merged-copy flag)


def cell_text(value: object) -> str:
    """A spreadsheet value as the text a reader of the printed table would see."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


#: a numbered row label ("第二十条第(一)项", "一、…", "(一)…", "1.…") belongs to the table even alone on its row
ROW_LABEL = re.compile(r"^\s*(?:第.{1,6}[条项]|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[.、．])")


def _is_banner(row: list[tuple[str, bool]]) -> bool:
    """A row holding one text only that is not a row label (a merged title or footer line), or nothing."""
    texts = {t for t, _ in row if t}
    return not texts or (len(texts) == 1 and not ROW_LABEL.match(next(iter(texts))))


def add_sheet(b: DocumentBuilder, grid: Grid, origin: str) -> None:
    """Title rows above and footer rows below the table become lines; the rest one table grid."""
    grid = [row for row in grid]
    while grid and not any(t for t, _ in grid[-1]):
        grid.pop()
    width = max((i + 1 for row in grid for i, (t, _) in enumerate(row) if t), default=0)
    grid = [row[:width] for row in grid]
    top = 0
    while top < len(grid) and _is_banner(grid[top]):
        top += 1
    bottom = len(grid)
    while bottom > top and _is_banner(grid[bottom - 1]):
        bottom -= 1
    for row in grid[:top]:
        _add_banner(b, row, origin)
    if top < bottom:
        t = b.new_table(origin)
        for r, row in enumerate(grid[top:bottom], start=top + 1):
            b.add_row(t, [x[0] for x in row], [x[1] for x in row], origin=f"{origin} · row {r}")
    for row in grid[bottom:]:
        _add_banner(b, row, origin)


def _add_banner(b: DocumentBuilder, row: list[tuple[str, bool]], origin: str) -> None:
    text = next((t for t, _ in row if t), "")
    if text:
        for line in text.splitlines():
            b.add_line(line, origin)
