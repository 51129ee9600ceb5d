"""Figures stated in sentences → Observations with ``source='prose'`` (SPEC §3.7)."""
from __future__ import annotations

from .document import Document
from .exceptions import GikitWarning
from .meta import ReportMeta
from .observations import Observation
from .sections import Section


def extract_prose(doc: Document, meta: ReportMeta, sections: list[Section]
                  ) -> tuple[list[Observation], list[GikitWarning]]:
    """Figures stated in the report's sentences, each with its character span."""
    return [], []
