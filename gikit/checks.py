"""Consistency checks (SPEC §8): identities and expectations held as data, one runner.

Every check is a row of ``data/checks.tsv`` (``id``, ``severity``, ``templates``, ``kind``,
``per``, ``lhs``, ``rhs``, ``description``); ``run_checks`` runs the rows that apply to the
report's template, for every scope the report states figures for (SPEC D19) and, where ``per``
is ``applicant``, for every applicant column. The result has one row per evaluation:

``check, severity, status, lhs, rhs, diff, message`` — ``status`` is ``pass``, ``fail`` or
``not_assessable`` (the message says why, e.g. a needed figure is NaN).

Kinds: ``eq`` (Σ lhs = Σ rhs), ``le`` (Σ lhs ≤ Σ rhs), ``subtotal`` (a *printed* subtotal equals
its leaves; derived subtotals are never compared with themselves), ``applicant_sum`` (T3.2),
``nonneg`` (T2.1), ``pct`` (a stated percentage against its count, SPEC §8.3: rounding and
truncation both accepted), ``prose_table`` (X.2), ``precision`` (X.3), ``copy_fill`` (O.plaus),
``cross_*`` (X.1, T2.2, run by ``cross_year_checks``). A ``lhs`` term ``a|b`` means "a, or b
when a is not stated".

Prose states parts, not forms: when every figure of an ``eq`` identity comes from prose and
some parts are not stated, the unstated parts are taken as 0. If the stated parts then fall
*short* of the total, the identity is ``not_assessable`` and a separate soft check
``P.incomplete`` fails with "the prose covers 243 of 247" — an incomplete text, not a data error.
Stated parts that *exceed* the total still fail the identity.

Figures with an approximate qualifier (``more_than``, ``nearly``, ``approx``, ``rounded``) make an
``eq`` check ``not_assessable``.
"""
from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Iterable

import pandas as pd

from .codes import STATED_PCT

if TYPE_CHECKING:
    from .report import Report

CHECK_COLUMNS = ["check", "severity", "status", "lhs", "rhs", "diff", "message"]
APPLICANTS = ("natural_person", "commercial_enterprise", "research_institution",
              "social_welfare_org", "legal_service_org", "other_org")
APPROXIMATE = {"more_than", "nearly", "approx", "rounded", "ambiguous"}
PCT_SUFFIX = STATED_PCT
TOL = 1e-6
#: copy-fill heuristic: a value at least this large shared by ≥ 3 rows of ≥ 2 parts of the form
COPY_MIN_VALUE, COPY_MIN_ROWS, COPY_MIN_GROUPS = 10, 3, 2
#: X.3: money in 万元 above this (10^7 万元 = 1000亿元) is implausible for one report
MAX_WAN_YUAN = 1e7


@dataclass(frozen=True)
class CheckDef:
    """One row of ``data/checks.tsv``; ``lhs``/``rhs`` are lists of terms (a term: ``a|b``)."""

    id: str
    severity: str
    templates: frozenset[str]
    kind: str
    per: str
    lhs: tuple[str, ...]
    rhs: tuple[str, ...]
    description: str

    def applies(self, template: str | None) -> bool:
        return "*" in self.templates or (template is not None and template in self.templates)


def _terms(s: str) -> tuple[str, ...]:
    return tuple(t for t in re.split(r"\s*\+\s*|\s+", s.strip()) if t)


@lru_cache(maxsize=1)
def check_definitions() -> tuple[CheckDef, ...]:
    """All checks of ``data/checks.tsv``, in file order.

    >>> sorted({d.id for d in check_definitions()})[:4]
    ['O.plaus', 'O1.1', 'O1.2', 'O3.1']
    """
    with resources.files("gikit").joinpath("data/checks.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return tuple(CheckDef(r["id"], r["severity"], frozenset(r["templates"].split(",")), r["kind"],
                          r["per"], _terms(r["lhs"]), _terms(r["rhs"]), r["description"])
                 for r in rows)


def check_catalogue() -> pd.DataFrame:
    """The checks as a frame (id, severity, templates, kind, description) for documentation."""
    return pd.DataFrame([{"check": d.id, "severity": d.severity, "templates": ",".join(sorted(d.templates)),
                          "kind": d.kind, "description": d.description} for d in check_definitions()])


# ------------------------------------------------------------------ figures

@dataclass(frozen=True)
class Fig:
    code: str
    value: float
    source: str
    qualifier: str
    raw: str


class Figures:
    """Kept figures of a report, looked up by (code, applicant, scope); NaN values count as absent."""

    def __init__(self, report: "Report") -> None:
        self.headline = report.meta.scope
        self.by_key: dict[tuple[str, str, str | None], Fig] = {}
        for o in report.observations:  # the rows of report.indicators, without building the frame
            if _missing(o.value):
                continue
            key = (o.code, _app(o.applicant), self._scope(o.scope))
            self.by_key.setdefault(key, Fig(o.code, float(o.value), str(o.source),
                                            str(o.qualifier), "" if o.raw is None else str(o.raw)))
        order = list(report.meta.scopes or []) + [self.headline]
        found = {k[2] for k in self.by_key}
        self.scopes = sorted(found, key=lambda s: order.index(s) if s in order else len(order)) or [self.headline]

    def _scope(self, scope) -> str | None:
        return self.headline if scope is None or (isinstance(scope, float) and math.isnan(scope)) else scope

    def get(self, code: str, applicant: str = "total", scope: str | None = None) -> Fig | None:
        return self.by_key.get((code, applicant, self._scope(scope)))

    def applicants(self, codes: Iterable[str], scope: str | None) -> list[str]:
        codes = set(codes)
        found = {k[1] for k in self.by_key if k[0] in codes and k[2] == scope}
        return [a for a in ("total",) + APPLICANTS if a in found] or ["total"]

    def in_scope(self, scope: str | None) -> list[Fig]:
        return [f for k, f in self.by_key.items() if k[2] == scope]


def _missing(value) -> bool:
    return value is None or math.isnan(value)


def _app(applicant) -> str:
    return "total" if applicant is None or (isinstance(applicant, float) and math.isnan(applicant)) else applicant


def _row(d: CheckDef, status: str, lhs: float = math.nan, rhs: float = math.nan, message: str = "",
         check: str | None = None, severity: str | None = None) -> dict:
    diff = lhs - rhs if not (math.isnan(lhs) or math.isnan(rhs)) else math.nan
    return {"check": check or d.id, "severity": severity or d.severity, "status": status,
            "lhs": lhs, "rhs": rhs, "diff": diff, "message": message}


def _fmt(x: float) -> str:
    return f"{x:g}"


# ------------------------------------------------------------------ kinds

def _resolve(figs: Figures, term: str, applicant: str, scope: str | None) -> tuple[str, Fig | None, str]:
    """A term ``a|b``: the first alternative that is stated; returns (code used, figure, note)."""
    if re.fullmatch(r"-?\d+(?:\.\d+)?", term):
        return term, Fig(term, float(term), "constant", "exact", term), ""
    alts = term.split("|")
    for i, code in enumerate(alts):
        f = figs.get(code, applicant, scope)
        if f is not None:
            note = f"{alts[0]} not stated; compared with {code}" if i else ""
            return code, f, note
    return alts[0], None, ""


def _sum_check(d: CheckDef, figs: Figures, applicant: str, scope: str | None, ctx: str) -> list[dict]:
    left = [_resolve(figs, t, applicant, scope) for t in d.lhs]
    right = [_resolve(figs, t, applicant, scope) for t in d.rhs]
    if d.kind == "subtotal" and (left[0][1] is None or left[0][1].source != "table"):
        return []
    notes = [n for _, _, n in left + right if n]
    present = [f for _, f, _ in left + right if f is not None]
    miss_l = [c for c, f, _ in left if f is None]
    miss_r = [c for c, f, _ in right if f is None]
    if not present or (len(left) == 1 and not left[0][1] and d.kind != "le"):
        return [_row(d, "not_assessable", message=f"{ctx}not stated: {', '.join(miss_l) or 'all figures'}")]
    if d.kind == "eq" and len(left) == 1 and left[0][1] is not None and left[0][1].source == "derived":
        return [_row(d, "not_assessable", message=f"{ctx}{left[0][0]} is derived from its parts; nothing to check")]
    approx = [f.code for f in present if f.qualifier in APPROXIMATE]
    L = sum(f.value for _, f, _ in left if f is not None)
    R = sum(f.value for _, f, _ in right if f is not None)
    head = f"{ctx}{' + '.join(c for c, _, _ in left)} = {_fmt(L)}; sum of {len(right)} part(s) = {_fmt(R)}"
    if notes:
        head += " (" + "; ".join(notes) + ")"
    if d.kind == "le":
        if miss_l or miss_r:
            return [_row(d, "not_assessable", message=f"{ctx}not stated: {', '.join(miss_l + miss_r)}")]
        status = "pass" if L <= R + TOL else "fail"
        extra = f"; approximate: {', '.join(approx)}" if approx else ""
        return [_row(d, status, L, R, head + extra)]
    if approx:
        return [_row(d, "not_assessable", L, R, f"{head}; approximate figure(s): {', '.join(approx)}")]
    if not (miss_l or miss_r):
        return [_row(d, "pass" if abs(L - R) <= TOL else "fail", L, R, head)]
    stated_l = len(left) - len(miss_l)
    stated_r = len(right) - len(miss_r)
    if not all(f.source == "prose" for f in present) or not stated_l or not stated_r:
        return [_row(d, "not_assessable", L, R, f"{ctx}not stated: {', '.join(miss_l + miss_r)}")]
    # prose states some parts only: unstated parts count as 0
    gap = L - R
    unstated = ", ".join(miss_l + miss_r)
    if abs(gap) <= TOL:
        return [_row(d, "pass", L, R, f"{head}; not stated in the prose, taken as 0: {unstated}")]
    short_right = gap > 0 and miss_r and not miss_l
    short_left = gap < 0 and miss_l and not miss_r
    if short_right or short_left:
        total, covered = (L, R) if short_right else (R, L)
        msg = (f"{ctx}the prose covers {_fmt(covered)} of {_fmt(total)} "
               f"({_fmt(abs(gap))} unaccounted; not stated: {unstated})")
        return [_row(d, "not_assessable", L, R, f"{head}; prose incomplete, see P.incomplete"),
                _row(d, "fail", total, covered, f"{d.id}: {msg}", check="P.incomplete", severity="soft")]
    return [_row(d, "fail", L, R, f"{head}; not stated in the prose: {unstated}")]


def _applicant_sum(d: CheckDef, figs: Figures, scope: str | None, ctx: str) -> list[dict]:
    codes = sorted({k[0] for k in figs.by_key if k[2] == scope and k[1] in APPLICANTS})
    rows = []
    for code in codes:
        total = figs.get(code, "total", scope)
        if total is None or total.source == "derived":
            continue
        parts = [figs.get(code, a, scope) for a in APPLICANTS]
        missing = [a for a, p in zip(APPLICANTS, parts) if p is None]
        if missing:
            rows.append(_row(d, "not_assessable", total.value, message=f"{ctx}{code}: no value for {', '.join(missing)}"))
            continue
        s = sum(p.value for p in parts)
        rows.append(_row(d, "pass" if abs(total.value - s) <= TOL else "fail", total.value, s,
                         f"{ctx}{code}: 总计 {_fmt(total.value)}; sum of applicant columns {_fmt(s)}"))
    return rows or [_row(d, "not_assessable", message=f"{ctx}no figure with an applicant breakdown")]


def _nonneg(d: CheckDef, figs: Figures, scope: str | None, ctx: str) -> list[dict]:
    bad = [f for f in figs.in_scope(scope) if f.value < 0 and not f.code.endswith("items_change")]
    if not bad:
        return [_row(d, "pass", message=f"{ctx}no negative figure")]
    return [_row(d, "fail", bad[0].value, 0.0, f"{ctx}negative: " + ", ".join(f"{f.code}={_fmt(f.value)}" for f in bad))]


def _decimals(raw: str) -> int:
    m = re.search(r"\d+\.(\d+)", raw or "")
    return len(m.group(1)) if m else 0


def pct_ok(p: float, printed: str, n: float, denominator: float) -> str | None:
    """How the printed percentage ``p`` relates to ``100·n/d``: ``"round"``, ``"truncate"`` or None.

    Accept if ``|p − 100n/d| < 10^(−k)`` with ``k`` printed decimals (SPEC §8.3).

    >>> pct_ok(49.79, "49.79%", 123, 247), pct_ok(4.88, "4.88%", 6, 123), pct_ok(4.7, "4.7%", 6, 123)
    ('truncate', 'round', None)
    """
    if denominator <= 0:
        return None
    exact = 100.0 * n / denominator
    k = _decimals(printed)
    if abs(p - exact) >= 10.0 ** (-k):
        return None
    return "round" if abs(round(exact, k) - p) <= TOL else "truncate"


def _pct(d: CheckDef, figs: Figures, scope: str | None, ctx: str) -> list[dict]:
    rows = []
    for f in figs.in_scope(scope):
        if not f.code.endswith(PCT_SUFFIX):
            continue
        base = f.code[: -len(PCT_SUFFIX)]
        n = figs.get(base, "total", scope)
        group_total = base.split(".")[0] + ".total"
        denoms = [c for c in dict.fromkeys(d.rhs + (group_total,)) if c != base]
        if n is None:
            rows.append(_row(d, "not_assessable", f.value, message=f"{ctx}{base}: the count is not stated"))
            continue
        tried = []
        for code in denoms:
            den = figs.get(code, "total", scope)
            if den is None:
                continue
            how = pct_ok(f.value, f.raw, n.value, den.value)
            tried.append(f"{_fmt(100 * n.value / den.value)}% of {code}" if den.value else code)
            if how:
                rows.append(_row(d, "pass", f.value, 100 * n.value / den.value,
                                 f"{ctx}{base}: {f.raw.strip(',;。')} = {_fmt(n.value)}/{_fmt(den.value)} "
                                 f"({code}), {'rounded' if how == 'round' else 'truncated'}"))
                break
        else:
            status = "fail" if tried else "not_assessable"
            rows.append(_row(d, status, f.value, message=f"{ctx}{base}: {f.raw.strip(',;。')} matches no "
                             f"denominator" + (f" (tried {', '.join(tried)})" if tried else " stated")))
    return rows


def _agrees(prose: float, qualifier: str, table: float) -> bool:
    if qualifier == "more_than":
        return table >= prose
    if qualifier == "nearly":
        return 0.9 * prose <= table <= prose
    if qualifier in ("approx", "rounded"):
        return abs(table - prose) <= 0.05 * abs(prose)
    return abs(table - prose) <= TOL


def _prose_table(d: CheckDef, report: "Report", figs: Figures, scope: str | None, ctx: str) -> list[dict]:
    rows = []
    for r in report.observations + report.shadowed:  # the rows of report.figures
        if r.source != "prose" or _missing(r.value):
            continue
        if r.code.endswith(PCT_SUFFIX) or figs._scope(r.scope) != scope:
            continue
        other = [f for f in (figs.by_key.get((r.code, _app(r.applicant), scope)),)
                 if f is not None and f.source != "prose"]
        if not other:
            continue
        t = other[0]
        ok = _agrees(float(r.value), str(r.qualifier), t.value)
        rows.append(_row(d, "pass" if ok else "fail", float(r.value), t.value,
                         f"{ctx}{r.code}: prose {r.raw!r} vs {t.source} {_fmt(t.value)}"
                         + ("" if ok else "; the table value is kept (prose_table_mismatch)")))
    return rows or [_row(d, "not_assessable", message=f"{ctx}no figure is stated both in prose and in a table")]


def _precision(d: CheckDef, figs: Figures, scope: str | None, ctx: str) -> list[dict]:
    rows = []
    for code in d.rhs:
        f = figs.get(code, "total", scope)
        if f is None or f.source == "prose":
            continue
        k = _decimals(f.raw)
        problems = []
        if k > 4:
            problems.append(f"{k} decimals")
        if abs(f.value) > MAX_WAN_YUAN:
            problems.append("implausibly large")
        rows.append(_row(d, "fail" if problems else "pass", f.value, message=f"{ctx}{code}: printed {f.raw!r}"
                         + (f" — {', '.join(problems)}; is it in 元 rather than 万元?" if problems else "")))
    return rows or [_row(d, "not_assessable", message=f"{ctx}no money figure in 万元 from a table")]


def _copy_fill(d: CheckDef, figs: Figures, scope: str | None, ctx: str) -> list[dict]:
    by_value: dict[float, list[str]] = {}
    for f in figs.in_scope(scope):
        if (f.source == "derived" or f.qualifier != "exact" or f.value < COPY_MIN_VALUE
                or f.code.endswith(PCT_SUFFIX) or f.code.startswith(("ext.", "h."))):
            continue
        by_value.setdefault(f.value, []).append(f.code)
    rows = []
    for value, codes_ in sorted(by_value.items()):
        groups = {c.split(".")[0] for c in codes_}
        if len(codes_) >= COPY_MIN_ROWS and len(groups) >= COPY_MIN_GROUPS:
            rows.append(_row(d, "fail", value, message=f"{ctx}the value {_fmt(value)} appears in "
                             f"{len(codes_)} rows of unrelated parts: {', '.join(sorted(codes_))} (copy-filled?)"))
    return rows or [_row(d, "pass", message=f"{ctx}no value repeated across unrelated rows")]


# ------------------------------------------------------------------ runners

def run_checks(report: "Report") -> pd.DataFrame:
    """One row per check: check, severity (hard/soft), status (pass/fail/not_assessable), lhs, rhs, diff, message.

    >>> import gikit
    >>> r = gikit.load_report("ordos-2017")
    >>> c = r.checks()
    >>> c.loc[c.check == "O8.1", ["status", "lhs", "rhs"]].values.tolist()
    [['fail', 226.0, 472.0]]
    """
    figs = Figures(report)
    multi = len(figs.scopes) > 1
    rows: list[dict] = []
    for d in check_definitions():
        if not d.applies(report.meta.template) or d.kind.startswith("cross_") or d.kind == "incomplete":
            continue
        for scope in figs.scopes:
            ctx = f"[{scope}] " if multi else ""
            if d.kind in ("eq", "le", "subtotal"):
                applicants = figs.applicants(_codes(d), scope) if d.per == "applicant" else ["total"]
                out = []
                for a in applicants:
                    actx = ctx + (f"[{a}] " if d.per == "applicant" else "")
                    out.extend(_sum_check(d, figs, a, scope, actx))
                if d.kind == "subtotal" and not out:
                    out = [_row(d, "not_assessable", message=f"{ctx}no printed subtotal (the form prints none)")]
                rows.extend(out)
            elif d.kind == "applicant_sum":
                rows.extend(_applicant_sum(d, figs, scope, ctx))
            elif d.kind == "nonneg":
                rows.extend(_nonneg(d, figs, scope, ctx))
            elif d.kind == "pct":
                rows.extend(_pct(d, figs, scope, ctx))
            elif d.kind == "prose_table":
                rows.extend(_prose_table(d, report, figs, scope, ctx))
            elif d.kind == "precision":
                rows.extend(_precision(d, figs, scope, ctx))
            elif d.kind == "copy_fill":
                rows.extend(_copy_fill(d, figs, scope, ctx))
    return _frame(rows)


def _codes(d: CheckDef) -> list[str]:
    return [c for t in d.lhs + d.rhs for c in t.split("|")]


def _frame(rows: list[dict], extra: list[str] | None = None) -> pd.DataFrame:
    cols = (extra or []) + CHECK_COLUMNS
    df = pd.DataFrame(rows, columns=cols)
    return df.astype({"lhs": float, "rhs": float, "diff": float})


def cross_year_checks(reports: list["Report"]) -> pd.DataFrame:
    """X.1 (carry-over continuity) and T2.2 (in-force stock) between consecutive years of one region.

    Reports are grouped by (region, level, agency); each pair of consecutive years is checked in
    the later report's headline scope. Columns: ``report_id`` (the later year) + the check columns.
    """
    groups: dict[tuple, list["Report"]] = {}
    for r in reports:
        if r.meta.region and r.meta.year:
            groups.setdefault((r.meta.region, r.meta.level, r.meta.agency), []).append(r)
    rows: list[dict] = []
    for group in groups.values():
        by_year = {r.meta.year: r for r in group}
        for year, later in sorted(by_year.items()):
            earlier = by_year.get(year - 1)
            if earlier is None:
                continue
            for d in check_definitions():
                if not d.kind.startswith("cross_") or not (d.applies(later.meta.template)
                                                           and d.applies(earlier.meta.template)):
                    continue
                for row in _cross(d, earlier, later):
                    rows.append({"report_id": later.report_id, **row})
    return _frame(rows, ["report_id"])


def _cross(d: CheckDef, earlier: "Report", later: "Report") -> list[dict]:
    ctx = f"{earlier.meta.year}→{later.meta.year} "
    if d.kind == "cross_carryover":
        rows = []
        for a in ("total",) + APPLICANTS:
            now, before = later.value(d.lhs[0], applicant=a), earlier.value(d.rhs[0], applicant=a)
            if a != "total" and math.isnan(now) and math.isnan(before):
                continue
            if math.isnan(now) or math.isnan(before):
                rows.append(_row(d, "not_assessable", now, before, f"{ctx}[{a}] a carry-over figure is not stated"))
            else:
                rows.append(_row(d, "pass" if abs(now - before) <= TOL else "fail", now, before,
                                 f"{ctx}[{a}] carried over in {_fmt(now)}; carried forward last year {_fmt(before)}"))
        return rows
    stock_now, stock_before = later.value(d.lhs[0]), earlier.value(d.lhs[0])
    issued, repealed = (later.value(c) for c in d.rhs)
    vals = [stock_now, stock_before, issued, repealed]
    if any(math.isnan(v) for v in vals):
        return [_row(d, "not_assessable", message=f"{ctx}{d.lhs[0]}: a needed figure is not stated")]
    expected = stock_before + issued - repealed
    return [_row(d, "pass" if abs(stock_now - expected) <= TOL else "fail", stock_now, expected,
                 f"{ctx}{d.lhs[0]} {_fmt(stock_now)}; last year {_fmt(stock_before)} + issued {_fmt(issued)} "
                 f"− repealed {_fmt(repealed)} = {_fmt(expected)}")]
