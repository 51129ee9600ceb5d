"""Run-together table rows: cut digit runs into cells under the forms' identities (SPEC §8).

Scraping a web table to plain text often drops the boundaries between its cells:
``一、本年新收政府信息公开申请数量153010221`` holds the seven cells 15, 3, 0, 1, 0, 2, 21.

``splits()`` lists every way to cut a row's printed pieces into the number of cells the row needs:
each cell is a number without leading zeros (``0`` itself is fine); a sign starts a cell, and a
decimal point or a money unit binds to its cell; pieces that are not numbers (无, —) are one cell.
Identities whose figures all lie in the row (or in cells printed cleanly) prune the cuts as they
are made. ``solve()`` then combines the rows' candidate splits so that *every* identity of the
table holds (row sums, column sums, group sums): a backtracking search over rows with bound
pruning. Cells on which all valid combinations agree are settled; the others stay open, and the
caller leaves them NaN. Nothing is ever picked among several valid readings.

>>> [" ".join(p.text for p in s) for s in splits(["153010221"], 7)][:3]
['1 5 3 0 1 0 221', '1 5 3 0 10 2 21', '1 5 3 0 10 22 1']
>>> row = RunRow(keys=tuple(("x", c) for c in "abcdefT"), variants=(("153010221",),))
>>> row_sum = Identity("T3.2", tuple((("x", c), 1) for c in "abcdef") + ((("x", "T"), -1),))
>>> [" ".join(p.text for p in s) for s in solve([row], {}, [row_sum])[0].splits]
['1 5 3 0 10 2 21', '15 3 0 1 0 2 21']
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

Key = tuple[str, str]  # (code, applicant) — applicant "total" for figures without a breakdown

#: a numeric piece: optional sign, digits (with decimal points / thousands commas), optional money unit
_NUMERIC = re.compile(r"([+\-−－]?)(\d[\d.,]*)(万元|亿元|元)?")
#: one cell's number: no leading zeros, optional thousands groups and decimals
_CELL = re.compile(r"(?:0|[1-9]\d*|[1-9]\d{0,2}(?:,\d{3})+)(?:\.\d+)?")
_ZERO = re.compile(r"无|—+|-{1,2}|/|–|－")
#: search limits: cuts tried for one row, and nodes of the joint search for one table
ROW_LIMIT = 200_000
JOINT_LIMIT = 200_000


@dataclass(frozen=True)
class Identity:
    """A linear identity ``Σ coef · value = 0`` over cells (``id`` as in ``data/checks.tsv``)."""

    id: str
    terms: tuple[tuple[Key, int], ...]

    @property
    def keys(self) -> tuple[Key, ...]:
        return tuple(k for k, _ in self.terms)


@dataclass(frozen=True)
class Piece:
    """One cell cut from a row: segment index, offsets in that segment, text and number."""

    seg: int
    start: int
    end: int
    text: str
    value: float | None


@dataclass(frozen=True)
class RunRow:
    """A row to split: one key per cell; ``variants`` = alternative readings of its printed pieces
    (a trailing digit may be the next label's ordinal, e.g. ``…00000002其他法律…``)."""

    keys: tuple[Key, ...]
    variants: tuple[tuple[str, ...], ...]


@dataclass
class RowResult:
    """What the solver settled for one row."""

    splits: list[tuple[Piece, ...]]  # the row's splits that occur in some valid solution
    identities: tuple[str, ...] = ()  # the identities the accepted splits satisfy
    level: str = "joint"  # joint | row | own | none | limit
    variant: dict[int, int] = field(default_factory=dict)  # split index -> variant used

    def cell_values(self, i: int) -> list[float | None]:
        return sorted({s[i].value for s in self.splits}, key=lambda v: (v is None, v or 0))

    def settled(self, i: int) -> Piece | None:
        """The cell's piece when every valid split gives it the same value, else None."""
        vals = {s[i].value for s in self.splits}
        return self.splits[0][i] if len(vals) == 1 and self.splits else None


class _Limit(Exception):
    pass


# ------------------------------------------------------------------ one row

def _number(text: str) -> float | None:
    m = _NUMERIC.fullmatch(text)
    if m:
        v = float(m.group(2).replace(",", "")) if _CELL.fullmatch(m.group(2)) else math.nan
        return -v if m.group(1) and m.group(1) != "+" else v
    return 0.0 if _ZERO.fullmatch(text) else None


def _bounds_ok(ident: Identity, known: dict[Key, float], ranges: dict[Key, tuple[float, float]]) -> bool:
    """Can ``ident`` still hold, given known values and [lo, hi] ranges of the rest (default [0, ∞))?"""
    lo = hi = 0.0
    for key, coef in ident.terms:
        if key in known:
            v = known[key]
            if v is None or v != v or v < 0:
                return False
            lo += coef * v
            hi += coef * v
            continue
        a, b = ranges.get(key, (0.0, math.inf))
        if coef > 0:
            lo, hi = lo + coef * a, hi + coef * b
        else:
            lo, hi = lo - (-coef) * b, hi - (-coef) * a
    return lo <= 1e-9 and hi >= -1e-9


def _closed_ok(ident: Identity, known: dict[Key, float]) -> bool:
    total = 0.0
    for key, coef in ident.terms:
        v = known[key]
        if v is None or v != v or v < 0:
            return False
        total += coef * v
    return abs(total) < 1e-9


def _forced(idents, key: Key, known: dict[Key, float]) -> float | None:
    """The value ``key`` must take to close one of ``idents`` (all its other members known)."""
    for x in idents:
        coef = dict(x.terms)[key]
        rest = 0.0
        for k2, c in x.terms:
            if k2 != key:
                v = known.get(k2)
                if v is None or v != v:
                    break
                rest += c * v
        else:
            return -rest / coef
    return None


def splits(segments: list[str] | tuple[str, ...], k: int, *, keys: tuple[Key, ...] | None = None,
           identities: list[Identity] | tuple[Identity, ...] = (), fixed: dict[Key, float] | None = None,
           limit: int = ROW_LIMIT) -> list[tuple[Piece, ...]]:
    """Every way to cut ``segments`` into ``k`` cells that keeps ``identities`` true.

    ``identities`` may only name ``keys`` (one per cell) and ``fixed`` figures; raises
    ``OverflowError`` when more than ``limit`` cuts would have to be tried.

    >>> [" ".join(p.text for p in s) for s in splits(["120", "+53000"], 3)]
    ['1 20 +53000', '12 0 +53000', '120 +5 3000', '120 +5300 0']
    >>> [" ".join(p.text for p in s) for s in splits(["000"], 3)]
    ['0 0 0']
    """
    fixed = fixed or {}
    keys = keys or tuple((f"cell{i}", "") for i in range(k))
    pos_of = {key: i for i, key in enumerate(keys)}
    closing: dict[int, list[Identity]] = {}
    touching: dict[int, list[Identity]] = {}
    for ident in identities:
        idx = [pos_of[key] for key in ident.keys if key in pos_of]
        if not idx or any(key not in pos_of and key not in fixed for key in ident.keys):
            continue
        closing.setdefault(max(idx), []).append(ident)
        for i in set(idx):
            touching.setdefault(i, []).append(ident)
    parsed = []
    for seg in segments:
        m = _NUMERIC.fullmatch(seg)
        parsed.append((m.group(1), m.group(2), m.group(3) or "", len(m.group(1))) if m else None)
    out: list[tuple[Piece, ...]] = []
    known = dict(fixed)
    steps = 0

    # digits left from each offset of each segment, and cells the later segments can give at most
    left_in = [[1] if p is None else [sum(ch.isdigit() for ch in p[1][q:]) for q in range(len(p[1]) + 1)]
               for p in parsed]
    after = [0] * (len(segments) + 1)
    for j in range(len(segments) - 1, -1, -1):
        after[j] = after[j + 1] + max(left_in[j][0], 1)

    def capacity(s: int, pos: int) -> tuple[int, int]:
        """(min, max) cells the material from segment ``s``, offset ``pos`` can still give."""
        return len(segments) - s, max(left_in[s][pos], 1) + after[s + 1]

    def place(i: int, piece: Piece, acc: list[Piece], nxt: tuple[int, int]) -> None:
        known[keys[i]] = piece.value
        ok = all(_closed_ok(x, known) for x in closing.get(i, ()))
        open_ = [x for x in touching.get(i, ()) if x not in closing.get(i, ())]
        if ok and open_:
            # the cells still to cut share the digits left: none can exceed 10^(digits - cells + 1) - 1
            left = k - i - 1
            most = capacity(*nxt)[1] - left + 1 if nxt[0] < len(segments) else 0
            top = 10.0 ** most - 1 if left and most > 0 else 0.0
            ranges = {keys[j]: (0.0, top) for j in range(i + 1, k)}
            ok = all(_bounds_ok(x, known, ranges) for x in open_)
        if ok:
            acc.append(piece)
            walk(i + 1, *nxt, acc)
            acc.pop()
        del known[keys[i]]

    def walk(i: int, s: int, pos: int, acc: list[Piece]) -> None:
        nonlocal steps
        steps += 1
        if steps > limit:
            raise OverflowError("too many ways to split the row")
        if s == len(segments) or i == k:
            if s == len(segments) and i == k:
                out.append(tuple(acc))
            return
        lo, hi = capacity(s, pos)
        if not lo <= k - i <= hi:
            return
        p = parsed[s]
        if p is None:
            seg = segments[s]
            place(i, Piece(s, 0, len(seg), seg, _number(seg)), acc, (s + 1, 0))
            return
        sign, body, unit, off = p
        need = _forced(closing.get(i, ()), keys[i], known)
        for end in range(pos + 1, len(body) + 1):
            num = body[pos:end]
            if not _CELL.fullmatch(num):
                continue
            if need is not None and "." not in num and not sign and float(num.replace(",", "")) > need:
                break  # the cell closes an identity: its value is known, longer cuts only grow
            last = end == len(body)
            text = (sign if pos == 0 else "") + num + (unit if last else "")
            value = float(num.replace(",", ""))
            if pos == 0 and sign and sign != "+":
                value = -value
            a = pos + (0 if pos == 0 else off)
            b = end + off + (len(unit) if last else 0)
            place(i, Piece(s, a, b, text, value), acc, (s + 1, 0) if last else (s, end))

    if k > 0:
        walk(0, 0, 0, [])
    return out


# ------------------------------------------------------------------ the table

def _components(rows: list[RunRow], idents: list[Identity]) -> list[list[int]]:
    owner = {key: i for i, r in enumerate(rows) for key in r.keys}
    parent = list(range(len(rows)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for ident in idents:
        members = {owner[k] for k in ident.keys if k in owner}
        first = min(members)
        for m in members:
            parent[find(m)] = find(first)
    groups: dict[int, list[int]] = {}
    for i in range(len(rows)):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def _row_splits(row: RunRow, idents: list[Identity], fixed: dict[Key, float]
                ) -> tuple[list[tuple[Piece, ...]], dict[int, int]]:
    out: list[tuple[Piece, ...]] = []
    variant: dict[int, int] = {}
    seen = set()
    for v, segs in enumerate(row.variants):
        for s in splits(segs, len(row.keys), keys=row.keys, identities=idents, fixed=fixed):
            sig = (v, tuple((p.seg, p.start, p.end) for p in s))
            if sig not in seen:
                seen.add(sig)
                variant[len(out)] = v
                out.append(s)
    return out, variant


def _local(idents: list[Identity], keys: set[Key], fixed: dict[Key, float]) -> list[Identity]:
    return [x for x in idents if all(k in keys or k in fixed for k in x.keys)]


def solve(rows: list[RunRow], fixed: dict[Key, float], identities: list[Identity],
          limit: int = JOINT_LIMIT) -> list[RowResult]:
    """Settle the rows' splits jointly: keep the splits that belong to some assignment of all rows
    under which every identity holds. ``fixed`` = cells printed cleanly (NaN ones are left out).

    If no assignment satisfies every identity (the printed figures disagree), each row falls back
    to the identities it can check alone (``level`` ``row``), then to those inside the row
    (``own``), then to none; if the search grows past ``limit``, rows keep their own splits
    (``limit``) and the caller treats their differing cells as open.
    """
    fixed = {k: v for k, v in fixed.items() if v is not None and v == v}
    row_keys = {k for r in rows for k in r.keys}
    idents = [x for x in identities if any(k in row_keys for k in x.keys)
              and all(k in row_keys or k in fixed for k in x.keys)]
    results: list[RowResult | None] = [None] * len(rows)
    for comp in _components(rows, idents):
        keys = {k for i in comp for k in rows[i].keys}
        comp_idents = [x for x in idents if any(k in keys for k in x.keys)]
        cands, variants, ok = {}, {}, True
        for i in comp:
            try:
                cands[i], variants[i] = _row_splits(rows[i], _local(comp_idents, set(rows[i].keys), fixed), fixed)
            except OverflowError:
                cands[i], variants[i] = [], {}
            ok = ok and bool(cands[i])
        if ok:
            try:
                seen = _joint(rows, comp, cands, fixed, comp_idents, limit)
            except _Limit:
                for i in comp:
                    results[i] = RowResult(cands[i], _ids(comp_idents, rows[i]), "limit", variants[i])
                continue
            if all(seen[i] for i in comp):
                for i in comp:
                    chosen = sorted(seen[i])
                    results[i] = RowResult([cands[i][j] for j in chosen], _ids(comp_idents, rows[i]), "joint",
                                           {n: variants[i][j] for n, j in enumerate(chosen)})
                continue
        for i in comp:
            results[i] = _fallback(rows[i], comp_idents, fixed, cands.get(i))
    return results  # type: ignore[return-value]


def _ids(idents: list[Identity], row: RunRow) -> tuple[str, ...]:
    keys = set(row.keys)
    return tuple(dict.fromkeys(x.id for x in idents if any(k in keys for k in x.keys)))


def _fallback(row: RunRow, idents: list[Identity], fixed: dict[Key, float],
              local: list[tuple[Piece, ...]] | None) -> RowResult:
    keys = set(row.keys)
    levels = (("row", _local(idents, keys, fixed)), ("own", _local(idents, keys, {})), ("none", []))
    for level, subset in levels:
        try:
            cands, variant = _row_splits(row, subset, fixed)
        except OverflowError:
            return RowResult([], (), "limit")
        if cands:
            return RowResult(cands, tuple(dict.fromkeys(x.id for x in subset)), level, variant)
    return RowResult([], (), "none")


def _joint(rows: list[RunRow], comp: list[int], cands: dict[int, list[tuple[Piece, ...]]],
           fixed: dict[Key, float], idents: list[Identity], limit: int) -> dict[int, set[int]]:
    """For each row of one component, the splits that occur in *some* assignment of all its rows
    satisfying every identity: one depth-first search per split not yet seen in a solution
    (each stops at its first solution), with [lo, hi] bound pruning on the open rows."""
    order = sorted(comp, key=lambda i: len(cands[i]))
    ranges: dict[Key, tuple[float, float]] = {}
    for i in comp:
        for c, key in enumerate(rows[i].keys):
            vals = [s[c].value for s in cands[i] if s[c].value is not None]
            ranges[key] = (min(vals), max(vals)) if vals else (0.0, math.inf)
    by_row = {i: [x for x in idents if any(k in set(rows[i].keys) for k in x.keys)] for i in comp}
    known = dict(fixed)
    chosen: dict[int, int] = {}
    seen: dict[int, set[int]] = {i: set() for i in comp}
    nodes = 0

    def assign(i: int, j: int) -> bool:
        for key, piece in zip(rows[i].keys, cands[i][j]):
            known[key] = piece.value
        if all(_bounds_ok(x, known, ranges) for x in by_row[i]):
            chosen[i] = j
            return True
        unassign(i)
        return False

    def unassign(i: int) -> None:
        chosen.pop(i, None)
        for key in rows[i].keys:
            known.pop(key, None)

    def first(d: int) -> bool:
        nonlocal nodes
        nodes += 1
        if nodes > limit:
            raise _Limit
        if d == len(order):
            for i, j in chosen.items():
                seen[i].add(j)
            return True
        i = order[d]
        if i in chosen:
            return first(d + 1)
        for j in range(len(cands[i])):
            if assign(i, j):
                found = first(d + 1)
                unassign(i)
                if found:
                    return True
        return False

    for i in order:
        for j in range(len(cands[i])):
            if j in seen[i]:
                continue
            if assign(i, j):
                first(0)
                unassign(i)
    return seen
