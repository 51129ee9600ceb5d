"""Plain-text reader (``.txt``, ``.md``): decode, split into lines, clean."""
from __future__ import annotations

from ..document import Document, DocumentBuilder
from .encoding import decode


def read_text(data: bytes, source: str) -> Document:
    """Read a plain-text report.

    >>> doc = read_text("标题\\n\\n正文。".encode("utf-8"), "x.txt")
    >>> doc.text
    '标题\\n正文。'
    """
    text, enc = decode(data, source)
    b = DocumentBuilder(source=source, fmt="text", encoding=enc)
    for line in text.splitlines():
        b.add_line(line)
    return b.build()
