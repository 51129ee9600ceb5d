"""Readers: turn a file (path or bytes) into a ``Document``. One module per format.

>>> sorted(SUPPORTED)[:3]
['.docx', '.htm', '.html']
"""
from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Callable

from .. import limits
from ..document import Document
from ..exceptions import GikitError, InputTooLargeError, ParseError, SourceNotFoundError, UnsupportedFormatError

#: extension -> "module:function" of the reader (imported only when needed)
SUPPORTED: dict[str, str] = {
    ".txt": "text:read_text",
    ".md": "text:read_text",
    ".html": "html:read_html",
    ".htm": "html:read_html",
    ".shtml": "html:read_html",
    ".docx": "docx:read_docx",
    ".xlsx": "xlsx:read_xlsx",
    ".xls": "xls:read_xls",
    ".pdf": "pdf:read_pdf",
}


def reader_for(ext: str, source: str) -> Callable[[bytes, str], Document]:
    """The reader function for a file extension."""
    target = SUPPORTED.get(ext.lower())
    if target is None:
        raise UnsupportedFormatError(
            f"unsupported file type {ext or '(no extension)'!r}; supported: {', '.join(sorted(SUPPORTED))}",
            source=source)
    module, func = target.split(":")
    try:
        mod = importlib.import_module(f"{__name__}.{module}")
    except ImportError as exc:
        raise UnsupportedFormatError(
            f"reading {ext} files needs an optional dependency ({exc.name}); "
            f"install it with: pip install 'gikit[all]'", source=source) from None
    return getattr(mod, func)


def sniff(data: bytes) -> str:
    """Guess the extension of in-memory bytes from their magic numbers."""
    head = data[:2048]
    if head.startswith(b"%PDF"):
        return ".pdf"
    if head.startswith(b"PK\x03\x04"):
        return ".xlsx" if b"xl/" in data[:65536] else ".docx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return ".xls"
    low = head.lower()
    if any(tag in low for tag in (b"<html", b"<!doctype html", b"<table", b"<body", b"<p>", b"<div")):
        return ".html"
    return ".txt"


def read(source: str | os.PathLike | bytes, *, name: str | None = None) -> Document:
    """Read a path or bytes into a Document, enforcing the size limits of ``gikit.limits``."""
    if isinstance(source, (bytes, bytearray)):
        data = bytes(source)
        label = name or "<bytes>"
        ext = Path(name).suffix.lower() if name and Path(name).suffix else sniff(data)
    else:
        path = Path(source)
        label = str(path)
        if not path.exists():
            raise SourceNotFoundError("no such file", source=label)
        if path.is_dir():
            raise ParseError("is a directory, not a report (use gikit.load_reports for folders)", source=label)
        ext = path.suffix.lower()
        reader_for(ext, label)  # fail on the extension before reading a large file
        size = path.stat().st_size
        if size > limits.MAX_BYTES:
            raise InputTooLargeError(
                f"file is {size:,} bytes, above the limit of {limits.MAX_BYTES:,} "
                "(raise gikit.limits.MAX_BYTES or set GIKIT_MAX_BYTES)", source=label)
        data = path.read_bytes()
    if len(data) > limits.MAX_BYTES:
        raise InputTooLargeError(f"input is {len(data):,} bytes, above the limit of {limits.MAX_BYTES:,}",
                                 source=label)
    if not data.strip():
        raise ParseError("the file is empty", source=label)
    reader = reader_for(ext, label)
    try:
        doc = reader(data, label)
    except GikitError:
        raise
    except Exception as exc:  # noqa: BLE001 — the reader boundary: any failure is this file's problem
        if os.environ.get("GIKIT_DEBUG"):
            raise
        raise ParseError(f"could not read the {ext} file ({type(exc).__name__}: {exc})", source=label) from exc
    if len(doc.text) > limits.MAX_CHARS:
        raise InputTooLargeError(f"text is {len(doc.text):,} characters, above the limit of "
                                 f"{limits.MAX_CHARS:,}", source=label)
    return doc
