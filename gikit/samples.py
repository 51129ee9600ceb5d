"""The bundled sample reports (``data/sample/``) and their ids.

>>> list_samples()["sample_id"].tolist()[:2]
['ordos-2017', 'dongning-2016']
>>> sample_path("Xilinhot_2021").name
'xilinhot_2021.txt'
"""
from __future__ import annotations

import difflib
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pandas as pd

from .exceptions import SourceNotFoundError


def sample_dir() -> Path:
    """Folder holding the samples: inside the installed package, else the source tree's data/sample."""
    packaged = Path(str(resources.files("gikit"))) / "data" / "sample"
    if (packaged / "manifest.csv").is_file():
        return packaged
    return Path(__file__).resolve().parents[1] / "data" / "sample"


@lru_cache(maxsize=1)
def _manifest() -> pd.DataFrame:
    return pd.read_csv(sample_dir() / "manifest.csv", dtype={"year": int})


def list_samples() -> pd.DataFrame:
    """The bundled samples: sample_id, region, province, year, template, file, description."""
    df = _manifest().copy()
    df["file"] = [str(sample_dir() / f) for f in df["file"]]
    return df


def _key(s: str) -> str:
    s = s.strip().lower().replace("_", "-").replace(" ", "-")
    return re.sub(r"\.(txt|html?|md)$", "", s)


def sample_path(sample_id: str) -> Path:
    """Path of a sample by id; forgiving about case, ``_`` vs ``-`` and a file extension."""
    ids = _manifest()["sample_id"].tolist()
    files = _manifest()["file"].tolist()
    wanted = _key(sample_id)
    for sid, f in zip(ids, files):
        if wanted in (_key(sid), _key(f)):
            return sample_dir() / f
    close = difflib.get_close_matches(wanted, ids, n=2, cutoff=0.7)
    raise SourceNotFoundError(
        f"no file or sample called {sample_id!r}; samples are {', '.join(ids)}",
        source=sample_id, suggestions=close)


def is_sample_id(text: str) -> bool:
    """Looks like a sample id (no folder separators) rather than a path."""
    return "/" not in text and "\\" not in text
