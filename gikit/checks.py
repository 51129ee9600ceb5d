"""Consistency checks (SPEC §8): identities and expectations held as data, one runner."""
from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from .report import Report

CHECK_COLUMNS = ["check", "severity", "status", "lhs", "rhs", "diff", "message"]


def run_checks(report: "Report") -> pd.DataFrame:
    """One row per check: check, severity (hard/soft), status (pass/fail/not_assessable), lhs, rhs, diff, message."""
    return pd.DataFrame(columns=CHECK_COLUMNS)
