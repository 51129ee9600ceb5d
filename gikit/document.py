"""The ``Document``: what every reader produces, whatever the file format.

A Document holds the normalised text of a report (one string, split into
lines), the table grids found in the source, and for each line and cell where
it came from. Extraction works only on Documents, never on raw files.

>>> doc = Document.from_lines(["第一行", "第二行"], source="x.txt", fmt="text")
>>> doc.lines[1].number, doc.text[doc.lines[1].start:doc.lines[1].end]
(2, '第二行')
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Line:
    """One line of ``Document.text``: 1-based ``number``, character span ``[start, end)``."""

    text: str
    number: int
    start: int
    end: int
    origin: str = ""  # where it came from in the source, e.g. "page 3" or "html p"


@dataclass
class Cell:
    """One cell of a table grid; ``span`` points into ``Document.text`` (None if not rendered)."""

    text: str
    span: tuple[int, int] | None = None
    merged: bool = False  # True for the copies a rowspan/colspan produced


@dataclass
class Table:
    """A table grid as found in the source (HTML ``<table>``, DOCX table, sheet, PDF table).

    ``rows`` is rectangular after expanding row and column spans; ``origin`` says where it
    was in the source (e.g. ``"html table 2"``, ``"sheet 统计表"``, ``"page 4"``).
    """

    rows: list[list[Cell]]
    origin: str = ""
    index: int = 0

    @property
    def shape(self) -> tuple[int, int]:
        return (len(self.rows), max((len(r) for r in self.rows), default=0))

    def texts(self) -> list[list[str]]:
        """The grid as plain strings."""
        return [[c.text for c in row] for row in self.rows]


@dataclass
class Document:
    """Normalised text + lines + table grids of one source file.

    ``chrome`` keeps the page-chrome lines removed from the text (navigation,
    ICP lines, footers) because metadata such as the ICP prefix or the site
    code lives there. ``meta_hints`` holds format-level metadata (e.g. a PDF's
    title or a DOCX's core properties).
    """

    text: str
    lines: list[Line]
    tables: list[Table] = field(default_factory=list)
    source: str = "<bytes>"
    fmt: str = "text"
    encoding: str | None = None
    chrome: list[str] = field(default_factory=list)
    meta_hints: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # reader remarks that become warnings

    @classmethod
    def from_lines(cls, lines: list[str], *, source: str = "<bytes>", fmt: str = "text",
                   origins: list[str] | None = None, **kwargs: Any) -> "Document":
        """Build a Document from already cleaned lines, computing offsets."""
        out: list[Line] = []
        pos = 0
        for i, text in enumerate(lines):
            origin = origins[i] if origins else ""
            out.append(Line(text, i + 1, pos, pos + len(text), origin))
            pos += len(text) + 1
        return cls(text="\n".join(lines), lines=out, source=source, fmt=fmt, **kwargs)

    def line_at(self, offset: int) -> Line | None:
        """The line containing character ``offset`` of ``text``."""
        lo, hi = 0, len(self.lines) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            ln = self.lines[mid]
            if offset < ln.start:
                hi = mid - 1
            elif offset > ln.end:
                lo = mid + 1
            else:
                return ln
        return None


@dataclass
class _Item:
    text: str
    origin: str = ""
    cells: list[str] | None = None  # set for table rows
    table: int | None = None  # table index for table rows
    merged: list[bool] | None = None


class DocumentBuilder:
    """Collects lines and table rows from a reader, cleans them, then builds the Document.

    Table rows are rendered into the text as ``cell | cell | cell`` so that every
    cell has a span in ``Document.text``.

    >>> b = DocumentBuilder(source="x.html", fmt="html")
    >>> b.add_line("标题")
    >>> t = b.new_table("html table 1")
    >>> b.add_row(t, ["规章", "0", "1"])
    >>> doc = b.build()
    >>> doc.text.splitlines()[1]
    '规章 | 0 | 1'
    >>> cell = doc.tables[0].rows[0][2]
    >>> doc.text[cell.span[0]:cell.span[1]]
    '1'
    """

    SEP = " | "

    def __init__(self, *, source: str, fmt: str, encoding: str | None = None) -> None:
        self.source, self.fmt, self.encoding = source, fmt, encoding
        self.items: list[_Item] = []
        self.table_origins: list[str] = []
        self.meta_hints: dict[str, Any] = {}
        self.notes: list[str] = []

    def add_line(self, text: str, origin: str = "") -> None:
        self.items.append(_Item(text, origin))

    def new_table(self, origin: str = "") -> int:
        self.table_origins.append(origin)
        return len(self.table_origins) - 1

    def add_row(self, table: int, cells: list[str], merged: list[bool] | None = None,
                origin: str = "") -> None:
        cells = [c.replace("\n", " ").strip() for c in cells]
        self.items.append(_Item(self.SEP.join(cells), origin or self.table_origins[table],
                                cells, table, merged))

    def build(self) -> Document:
        from .readers.clean import clean_items  # local import: readers depend on this module

        items, chrome = clean_items(self.items, self.notes)
        lines: list[Line] = []
        grids: dict[int, list[list[Cell]]] = {}
        pos = 0
        for i, it in enumerate(items):
            lines.append(Line(it.text, i + 1, pos, pos + len(it.text), it.origin))
            if it.cells is not None and it.table is not None:
                row, off = [], pos
                for j, c in enumerate(it.cells):
                    merged = bool(it.merged[j]) if it.merged else False
                    row.append(Cell(c, (off, off + len(c)), merged))
                    off += len(c) + len(self.SEP)
                grids.setdefault(it.table, []).append(row)
            pos += len(it.text) + 1
        tables = []
        for k in sorted(grids):
            rows = grids[k]
            width = max(len(r) for r in rows)
            for r in rows:
                r.extend(Cell("", None, True) for _ in range(width - len(r)))
            tables.append(Table(rows, self.table_origins[k], len(tables)))
        return Document(text="\n".join(it.text for it in items), lines=lines, tables=tables,
                        source=self.source, fmt=self.fmt, encoding=self.encoding,
                        chrome=chrome, meta_hints=self.meta_hints, notes=self.notes)
