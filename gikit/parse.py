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


#: which figure is kept when several give the same (code, applicant, scope)
PRIORITY = {"table": 0, "derived": 1, "prose": 2}


def _rank(o: Observation) -> tuple[bool, int]:
    """A figure with a number beats a missing one (a blank printed total yields to the sum of its
    printed parts, SPEC D2); then table beats derived beats prose."""
    return (o.value != o.value, PRIORITY.get(o.source, 3))


def merge(observations: list[Observation]) -> tuple[list[Observation], list[Observation]]:
    """Keep one figure per (code, applicant, scope): with a number before without; then table,
    derived, prose.

    Returns (kept, shadowed); the shadowed figures stay available for the prose-vs-table checks.

    >>> t = Observation("review.total", 2.0, source="table")
    >>> p = Observation("review.total", 3.0, source="prose")
    >>> [o.source for o in merge([p, t])[0]], [o.source for o in merge([p, t])[1]]
    (['table'], ['prose'])
    """
    best: dict[tuple, Observation] = {}
    for o in observations:
        key = (o.code, o.applicant, o.scope)
        if key not in best or _rank(o) < _rank(best[key]):
            best[key] = o
    kept_ids = {id(o) for o in best.values()}
    kept = [o for o in observations if id(o) in kept_ids]
    shadowed = [o for o in observations if id(o) not in kept_ids]
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
    kept, shadowed = merge(t_obs + p_obs)
    derived = _soft("derived figures", doc.source, lambda: derive(kept, meta), [], warnings)
    kept, more_shadowed = merge(kept + derived)
    return Report(meta=meta, document=doc, observations=kept, shadowed=shadowed + more_shadowed,
                  sections=sections, warnings=warnings)
