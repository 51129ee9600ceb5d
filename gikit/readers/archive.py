"""Safety checks for zip-based formats (DOCX, XLSX) before any XML parser sees them.

A DOCX or XLSX is a zip of XML parts. Hostile files are rejected here, cheaply:
a zip bomb by the sizes the archive declares (``zipfile`` never inflates a member past
its declared size), an entity bomb by any DTD in an XML part (Office Open XML parts
never carry one, so any ``<!DOCTYPE``/``<!ENTITY`` is refused rather than expanded).

>>> import io, zipfile
>>> buf = io.BytesIO()
>>> with zipfile.ZipFile(buf, "w") as z:
...     z.writestr("word/document.xml", "<w:document/>")
>>> check_zip(buf.getvalue(), "x.docx", "DOCX").namelist()
['word/document.xml']
"""
from __future__ import annotations

import io
import zipfile

from .. import limits
from ..exceptions import InputTooLargeError, ParseError

_DTD_MARKERS = tuple(m for word in (b"<!DOCTYPE", b"<!ENTITY")
                     for m in (word, word.decode().encode("utf-16-le"), word.decode().encode("utf-16-be")))


def check_zip(data: bytes, source: str, kind: str) -> zipfile.ZipFile:
    """Open ``data`` as a zip and refuse bombs, oversized or DTD-carrying archives."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        members = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise ParseError(f"not a readable {kind} file: the zip container is damaged or truncated ({exc})",
                         source=source) from None
    if len(members) > limits.MAX_ZIP_MEMBERS:
        raise InputTooLargeError(f"the {kind} archive holds {len(members):,} parts, above the limit of "
                                 f"{limits.MAX_ZIP_MEMBERS:,} (gikit.limits.MAX_ZIP_MEMBERS)", source=source)
    total = sum(m.file_size for m in members)
    if total > limits.MAX_UNZIPPED_BYTES:
        raise InputTooLargeError(
            f"the {kind} archive would unpack to {total:,} bytes, above the limit of "
            f"{limits.MAX_UNZIPPED_BYTES:,} (a zip bomb?; raise gikit.limits.MAX_UNZIPPED_BYTES "
            "or set GIKIT_MAX_UNZIPPED)", source=source)
    for m in members:
        if m.compress_size and m.file_size / m.compress_size > limits.MAX_ZIP_RATIO and m.file_size > 1_000_000:
            raise InputTooLargeError(
                f"the {kind} part {m.filename!r} expands {m.file_size // m.compress_size:,}-fold "
                f"(limit {limits.MAX_ZIP_RATIO:,}; a zip bomb?)", source=source)
    for m in members:
        if m.filename.lower().endswith((".xml", ".rels")):
            try:
                body = zf.read(m)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
                raise ParseError(f"the {kind} part {m.filename!r} cannot be unpacked ({exc})",
                                 source=source) from None
            if any(marker in body for marker in _DTD_MARKERS):
                raise ParseError(f"the {kind} part {m.filename!r} declares a DTD or XML entities, which "
                                 "Office files never do (an entity-expansion attack?); refused",
                                 source=source)
    return zf
