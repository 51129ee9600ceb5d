"""DOCX reader (python-docx): paragraphs and tables, in document order, into one Document.

Tables are walked from the XML (``w:gridSpan`` for column spans, ``w:vMerge`` for row spans)
so merged cells are expanded into copies exactly as the HTML reader does. Nested tables are
read as their own grids after the table holding them.
"""
from __future__ import annotations

import io
import zipfile

from lxml import etree

from .. import limits
from ..document import Document, DocumentBuilder
from ..exceptions import ParseError
from .archive import check_zip

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(data: bytes, source: str) -> Document:
    """Read a Word (.docx) report.

    >>> import io, docx
    >>> d = docx.Document(); _ = d.add_paragraph("某县2021年政府信息公开工作年度报告")
    >>> t = d.add_table(rows=2, cols=2); t.cell(0, 0).merge(t.cell(1, 0)).text = "规章"
    >>> t.cell(0, 1).text, t.cell(1, 1).text = "1", "2"
    >>> buf = io.BytesIO(); d.save(buf)
    >>> read_docx(buf.getvalue(), "x.docx").tables[0].texts()
    [['规章', '1'], ['规章', '2']]
    """
    check_zip(data, source, "DOCX")
    try:
        import docx  # noqa: PLC0415
        from docx.opc.exceptions import PackageNotFoundError  # noqa: PLC0415
    except ImportError as exc:
        raise ParseError("reading .docx files needs python-docx: pip install 'gikit[docx]'",
                         source=source) from exc
    try:
        d = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        raise ParseError(f"not a readable DOCX document ({type(exc).__name__}: {exc})", source=source) from None
    b = DocumentBuilder(source=source, fmt="docx")
    core = d.core_properties
    if core.title:
        b.meta_hints["title"] = core.title
    if core.author:
        b.meta_hints["author"] = core.author
    if core.created:
        b.meta_hints["created"] = core.created.isoformat()
    _body(d.element.body, b)
    return b.build()


def _text(el: etree._Element) -> str:
    """Visible text of a paragraph: runs, tabs as spaces, breaks as newlines (no deleted text)."""
    parts = []
    for node in el.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}delText"):
        if node.tag == f"{W}t":
            parts.append(node.text or "")
        elif node.tag == f"{W}tab":
            parts.append(" ")
        elif node.tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
    return "".join(parts)


def _body(body: etree._Element, b: DocumentBuilder) -> None:
    n = 0
    pending: list[etree._Element] = []
    for child in body.iterchildren():
        if child.tag == f"{W}p":
            for line in _text(child).splitlines():
                b.add_line(line, "docx paragraph")
        elif child.tag == f"{W}tbl":
            pending.append(child)
            while pending:
                n += 1
                pending.extend(_table(pending.pop(0), b, n))
        elif child.tag == f"{W}sdt":  # content control: read what it holds
            content = child.find(f"{W}sdtContent")
            if content is not None:
                _body(content, b)


def _int(el: etree._Element | None, default: int) -> int:
    if el is None:
        return default
    try:
        return max(1, min(limits.MAX_TABLE_COLS, int(el.get(f"{W}val", default))))
    except ValueError:
        return default


def _table(tbl: etree._Element, b: DocumentBuilder, n: int) -> list[etree._Element]:
    """Add one table grid; return the tables nested in its cells."""
    nested: list[etree._Element] = []
    rows: list[list[tuple[str, bool]]] = []
    trs = tbl.findall(f"{W}tr")
    if len(trs) > limits.MAX_TABLE_ROWS:
        b.notes.append(f"docx table {n} has {len(trs):,} rows; only the first {limits.MAX_TABLE_ROWS:,} were read")
        trs = trs[: limits.MAX_TABLE_ROWS]
    for tr in trs:
        row: list[tuple[str, bool]] = []
        pr = tr.find(f"{W}trPr")
        before = _int(pr.find(f"{W}gridBefore") if pr is not None else None, 0)
        row.extend(("", True) for _ in range(before))
        for tc in tr.findall(f"{W}tc"):
            tcpr = tc.find(f"{W}tcPr")
            span = _int(tcpr.find(f"{W}gridSpan") if tcpr is not None else None, 1)
            vmerge = tcpr.find(f"{W}vMerge") if tcpr is not None else None
            col = len(row)
            if vmerge is not None and vmerge.get(f"{W}val", "continue") == "continue":
                above = rows[-1][col][0] if rows and col < len(rows[-1]) else ""
                cells = [(above, True)] * span
            else:
                text = "\n".join(_text(p) for p in tc.findall(f"{W}p"))
                cells = [(text, False)] + [(text, True)] * (span - 1)
            nested.extend(tc.findall(f"{W}tbl"))
            row.extend(cells)
            if len(row) >= limits.MAX_TABLE_COLS:
                break
        rows.append(row[: limits.MAX_TABLE_COLS])
    if rows:
        t = b.new_table(f"docx table {n}")
        for r, row in enumerate(rows, start=1):
            b.add_row(t, [x[0] for x in row], [x[1] for x in row], origin=f"docx table {n} · row {r}")
    return nested
