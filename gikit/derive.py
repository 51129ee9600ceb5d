"""Derived figures (``source='derived'``): group subtotals the forms do not print and the
harmonised ``h.*`` layer (SPEC §7.2).

Subtotals come from ``templates/sums.tsv`` (rows marked ``derive``), harmonised indicators from
``templates/harmonised.tsv``. A derived figure is computed only when every input is present
and not NaN, and never when the report prints the figure itself.

>>> from gikit.meta import ReportMeta
>>> obs = [Observation("litigation.direct.total", 2.0), Observation("litigation.after_review.total", 1.0)]
>>> [(o.code, o.value, o.source) for o in derive(obs, ReportMeta(template="fmt2021"))][:2]
[('litigation.total', 3.0, 'derived'), ('h.litigation.total', 3.0, 'derived')]
"""
from __future__ import annotations

import csv
import math
from functools import lru_cache
from importlib import resources

from . import codes
from .meta import ReportMeta
from .observations import Observation, locator
from .tablespec import sums

APPROXIMATE = {"more_than", "nearly", "approx", "rounded"}
Key = tuple[str, "str | None", "str | None"]  # code, applicant, scope


@lru_cache(maxsize=1)
def harmonised() -> tuple[dict[str, object], ...]:
    """The ``h.*`` formulas: code, templates, numerator codes, denominator codes (may be empty)."""
    with resources.files("gikit").joinpath("templates/harmonised.tsv").open(encoding="utf-8") as f:
        return tuple({"code": r["code"], "templates": tuple(r["templates"].split(",")),
                      "numerator": r["numerator"].split(), "denominator": r["denominator"].split()}
                     for r in csv.DictReader(f, delimiter="\t"))


def _template(observations: list[Observation], meta: ReportMeta) -> str | None:
    if meta.template:
        return meta.template
    found = {o.code for o in observations}
    if any(c.startswith("requests.outcome.legacy.") or c == "review.other_legacy" for c in found):
        return "old"
    return None


def _total(index: dict[Key, Observation], parts: list[str], applicant: str | None,
           scope: str | None) -> tuple[float, str] | None:
    """Sum of ``parts`` (None if any is missing or NaN) and the qualifier of the sum."""
    values, approx = [], False
    for code in parts:
        o = index.get((code, applicant, scope))
        if o is None and applicant == "total":
            o = index.get((code, None, scope))
        if o is None or o.value is None or math.isnan(o.value):
            return None
        values.append(o.value)
        approx = approx or o.qualifier in APPROXIMATE
    return float(sum(values)), ("approx" if approx else "derived")


def derive(observations: list[Observation], meta: ReportMeta) -> list[Observation]:
    """Subtotals the forms do not print and the ``h.*`` indicators, computed from ``observations``."""
    template = _template(observations, meta)
    if template is None:
        return []
    index: dict[Key, Observation] = {}
    for o in observations:
        index.setdefault((o.code, o.applicant, o.scope), o)
    scopes = sorted({o.scope for o in observations}, key=str)
    out: list[Observation] = []

    def add(code: str, applicant: str | None, scope: str | None, value: float, qual: str, note: str) -> None:
        o = Observation(code, value, applicant, scope, codes.unit(code), qual, "derived",
                        locator(note=f"derived: {note}"), "")
        index[(code, applicant, scope)] = o
        out.append(o)

    for s in sums():
        if not s["derive"] or template not in s["templates"]:
            continue
        parts: list[str] = s["parts"]  # type: ignore[assignment]
        applicants = sorted({o.applicant for o in observations if o.code in parts}, key=str) \
            if s["per_applicant"] else [None]
        for scope in scopes:
            for app in applicants:
                printed = index.get((s["total"], app, scope))
                if printed is not None and not math.isnan(printed.value):
                    continue
                got = _total(index, parts, app, scope)
                if got is not None:
                    add(str(s["total"]), app, scope, got[0], got[1], " + ".join(parts))
    for h in harmonised():
        if template not in h["templates"]:
            continue
        num, den = h["numerator"], h["denominator"]
        for scope in scopes:
            top = _total(index, num, "total", scope)  # type: ignore[arg-type]
            if top is None:
                continue
            note = " + ".join(num)  # type: ignore[arg-type]
            value, qual = top
            if den:
                bottom = _total(index, den, "total", scope)  # type: ignore[arg-type]
                if bottom is None or bottom[0] == 0:
                    continue
                value, note = value / bottom[0], f"({note}) / {' + '.join(den)}"  # type: ignore[arg-type]
                qual = "approx" if "approx" in (qual, bottom[1]) else "derived"
            add(str(h["code"]), None, scope, value, qual, note)
    return out
