"""Derived figures (``source='derived'``): group subtotals and the harmonised ``h.*`` layer (SPEC §7.2)."""
from __future__ import annotations

from .meta import ReportMeta
from .observations import Observation


def derive(observations: list[Observation], meta: ReportMeta) -> list[Observation]:
    """Subtotals the forms do not print and the ``h.*`` indicators, computed from ``observations``."""
    return []
