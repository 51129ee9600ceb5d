"""gikit — Chinese government information disclosure annual reports as analysis-ready pandas data.

>>> import gikit
>>> r = gikit.load_report("xilinhot-2021")
>>> r.meta.template
'fmt2021'
"""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .api import load_report
from .exceptions import (
    GikitError,
    GikitWarning,
    ParseError,
    SourceNotFoundError,
    UnsupportedFormatError,
)
from .report import Report
from .samples import list_samples

try:
    __version__ = version("gikit")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"


def load_reports(sources, **kwargs):  # noqa: ANN001, ANN201 - typed in gikit.collection
    """Load many reports into a ``ReportCollection`` (see ``gikit.collection.load_reports``)."""
    from .collection import load_reports as _load  # noqa: PLC0415 — tqdm/multiprocessing only when used

    return _load(sources, **kwargs)


__all__ = [
    "GikitError", "GikitWarning", "ParseError", "Report", "SourceNotFoundError",
    "UnsupportedFormatError", "__version__", "list_samples", "load_report", "load_reports",
]
