"""Shared test fixtures."""
from __future__ import annotations

import os
import warnings
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "sample"
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


@pytest.fixture(scope="session")
def samples():
    """All five bundled samples parsed once: sample_id -> Report."""
    import gikit

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {sid: gikit.load_report(sid) for sid in gikit.list_samples()["sample_id"]}
