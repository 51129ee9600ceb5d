"""Statistical tables → Observations (filled by the tables work; see SPEC §3–§5)."""
from __future__ import annotations

from .document import Document
from .exceptions import GikitWarning
from .meta import ReportMeta
from .observations import Observation


def extract_tables(doc: Document, meta: ReportMeta) -> tuple[list[Observation], list[GikitWarning]]:
    """Every cell of the report's statistical tables, matched to the template by label."""
    return [], []
