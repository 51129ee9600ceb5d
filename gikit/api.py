"""``load_report``: a sample id, a path or bytes → ``Report``."""
from __future__ import annotations

import os
import warnings as _warnings
from pathlib import Path

from . import readers
from .exceptions import SourceNotFoundError
from .parse import parse_document
from .report import Report
from .samples import is_sample_id, sample_path


def load_report(source: str | os.PathLike | bytes, *, name: str | None = None, warn: bool = True) -> Report:
    """Load one report from a sample id, a file path (.txt .md .html .htm .docx .xlsx .xls .pdf) or bytes.

    Parsing problems become ``r.warnings`` (also emitted as ``GikitWarning`` when ``warn``);
    unreadable input raises a ``GikitError`` subclass naming the file.

    >>> import gikit
    >>> r = gikit.load_report("qiqihar-2018")
    >>> r.meta.province
    '黑龙江省'
    """
    if isinstance(source, (bytes, bytearray)):
        doc = readers.read(bytes(source), name=name)
    else:
        path = Path(source)
        if not path.exists():
            text = str(source)
            if is_sample_id(text):
                path = sample_path(text)  # raises SourceNotFoundError with suggestions
            else:
                raise SourceNotFoundError("no such file", source=text)
        doc = readers.read(path)
    report = parse_document(doc)
    if warn:
        for w in report.warnings:
            _warnings.warn(w, stacklevel=2)
    return report
