"""From a Document to a Report: metadata, sections, tables, prose, derived figures.

Each extraction stage fails softly: an unexpected error in one stage becomes a
``GikitWarning`` and that stage's figures are missing, never a crash of the whole load
(set ``GIKIT_DEBUG=1`` to re-raise).
"""
from __future__ import annotations

import os
import re
from typing import Callable, TypeVar

from .derive import derive
from .document import Document
from .exceptions import GikitWarning, ParseError
from .meta import extract_meta, meta_warnings
from .normalize import N
from .observations import Observation
from .prose import extract_prose
from .report import Report
from .sections import find_sections
from .tables import extract_tables

T = TypeVar("T")

#: a text must contain one of these (after N()) to be taken for a disclosure report
REPORT_WORDS = re.compile(r"信息公开|政务公开|依申请|主动公开|公开工作|统计指标|申请数量|行政复议")


def _soft(stage: str, source: str, func: Callable[[], T], default: T, warnings: list) -> T:
    try:
        return func()
    except Exception as exc:  # noqa: BLE001 — a stage failing must not lose the whole report
        if os.environ.get("GIKIT_DEBUG"):
            raise
        warnings.append(GikitWarning(f"{source}: {stage} failed ({type(exc).__name__}: {exc}); "
                                     f"its figures are missing (set GIKIT_DEBUG=1 to see the traceback)"))
        return default


def merge(table: list[Observation], prose: list[Observation]) -> tuple[list[Observation], list[Observation]]:
    """Table beats prose for the same (code, applicant, scope); returns (kept, shadowed prose)."""
    seen = {(o.code, o.applicant, o.scope) for o in table}
    kept, shadowed = list(table), []
    for o in prose:
        (shadowed if (o.code, o.applicant, o.scope) in seen else kept).append(o)
    return kept, shadowed


def parse_document(doc: Document) -> Report:
    """Build a Report from a Document."""
    if not REPORT_WORDS.search(N(doc.text[:200_000])):
        raise ParseError("no government information disclosure report found in the text", source=doc.source)
    warnings: list[GikitWarning] = [GikitWarning(f"{doc.source}: {n}") for n in doc.notes]
    meta = extract_meta(doc)
    warnings.extend(meta_warnings(meta))
    sections = _soft("section detection", doc.source, lambda: find_sections(doc), [], warnings)
    t_obs, t_warn = _soft("table extraction", doc.source, lambda: extract_tables(doc, meta), ([], []), warnings)
    p_obs, p_warn = _soft("prose extraction", doc.source, lambda: extract_prose(doc, meta, sections),
                          ([], []), warnings)
    warnings.extend(t_warn)
    warnings.extend(p_warn)
    for o in p_obs:
        if o.scope is None:
            o.scope = meta.scope
    for o in t_obs:
        if o.scope is None:
            o.scope = meta.scope
    kept, shadowed = merge(t_obs, p_obs)
    derived = _soft("derived figures", doc.source, lambda: derive(kept, meta), [], warnings)
    return Report(meta=meta, document=doc, observations=kept + derived, shadowed=shadowed,
                  sections=sections, warnings=warnings)
