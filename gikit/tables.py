"""Statistical tables → Observations (SPEC §3–§5).

Two steps, so that any source layout goes through the same placement:

1. **Layout readers** turn the document into ``SourceRow``s (lists of cells with their
   character spans): grids from ``doc.tables`` (HTML/DOCX/XLSX/PDF; merged copies skipped),
   pipe text (``a | b | c`` rows, or cells ending in `` |`` with rows closed by ``||``),
   ``label value value`` lines, and one cell per line.
2. **Placement** walks the rows, anchors each one on a template row by its label (``tablespec``),
   takes the value cells that follow (in the same row, or in the next one-cell lines) and maps
   them to the table's columns. A row whose cell count does not fit its table gives NaN
   (qualifier ``ambiguous``) and a warning for its cells; rows are never matched by position.

>>> from gikit.document import Document
>>> from gikit.meta import ReportMeta
>>> doc = Document.from_lines(["(一)收到申请数 | 件 | 12", "(二)申请办结数 | 件 | 无"])
>>> obs, warns = extract_tables(doc, ReportMeta(template="old"))
>>> [(o.code, o.applicant, o.value, o.qualifier) for o in obs]
[('requests.received.total', 'total', 12.0, 'exact'), ('requests.closed.total', 'total', 0.0, 'zero_word')]
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, repeat

from . import codes, runtogether
from .checks import check_definitions
from .document import Document
from .exceptions import AmbiguousValueWarning, GikitWarning, TableWarning
from .meta import ReportMeta
from .normalize import N
from .observations import Observation, locator
from .tablespec import (TEMPLATES, YEAR_WORD, ColSpec, RowSpec, columns_for, find_labels, header_words,
                        label_key, masked_notes, match_column, match_row, rows_for, tables)
from .values import UNITS, parse_value

#: printed unit-column words (SPEC §3: 单位 column), besides the units of ``values.UNITS``
UNIT_WORDS = set(UNITS) | {"是/否", "—", "-", "--", "——", "/", "万元", "个(事项)"}
#: the banner table (Table 4) may print this many header rows before its values
MAX_HEADER_ROWS = 60
_RUN_TOGETHER = re.compile(r"\d{2,}$")
#: a printed cell that may hold several run-together cells
_SPLITTABLE = re.compile(r"[+\-−－]?\d[\d.,]*\d(?:万元|亿元|元)?")


@dataclass
class Tok:
    """One source cell: text as printed and its span in ``Document.text``."""

    text: str
    span: tuple[int, int]
    line: int
    head: bool = False  # a header word printed between a label and its values (glued lines)
    ordinal_tail: str = ""  # trailing digits that may be the next label's ordinal (``…00000002其他…``)

    @property
    def empty(self) -> bool:
        return not N(self.text).strip("|")


@dataclass
class SourceRow:
    cells: list[Tok]
    origin: str = "text"
    multi: bool = False  # the row holds several cells (grid, pipes, label-value line)


# ------------------------------------------------------------------ cell kinds

@lru_cache(maxsize=4096)  # cells repeat within and across reports
def is_value(text: str) -> bool:
    """True for a cell that reads as a figure (number, 无, dash, 是/否)."""
    return parse_value(text).qualifier not in ("unparsed", "blank")


def is_unit(text: str) -> bool:
    return N(text) in UNIT_WORDS


def _is_filler(tok: Tok) -> bool:
    """Empty cells and annotation-only cells, e.g. ``(不同渠道和方式公开相同信息计1条)``."""
    return tok.empty or not label_key(tok.text)[1]


# ------------------------------------------------------------------ layout readers

def grid_rows(doc: Document) -> list[SourceRow]:
    """Rows of every table grid, merged copies skipped."""
    out = []
    for t in doc.tables:
        for row in t.rows:
            cells = []
            for c in row:
                if c.merged or c.span is None:
                    continue
                ln = doc.line_at(c.span[0])
                cells.append(Tok(c.text, c.span, ln.number if ln else 0))
            if cells:
                out.append(SourceRow(cells, t.origin or f"table {t.index + 1}", True))
    return out


def _split(text: str, base: int, sep: str) -> list[tuple[str, int, int]]:
    """Split ``text`` on ``sep`` keeping each stripped piece's span (offset ``base``)."""
    out, pos = [], 0
    for piece in text.split(sep):
        stripped = piece.strip()
        start = base + pos + (piece.find(stripped) if stripped else len(piece))
        out.append((stripped, start, start + len(stripped)))
        pos += len(piece) + len(sep)
    return out


def _label_value_split(text: str) -> int | None:
    """Index in ``text`` where trailing value tokens start (``label 8 0 0``), else None."""
    parts = list(re.finditer(r"\S+", text))
    k = len(parts)
    while k > 1 and (is_value(parts[k - 1].group()) or is_unit(parts[k - 1].group())):
        k -= 1
    if k == len(parts) or not any(is_value(p.group()) for p in parts[k:]):
        return None
    return parts[k].start()


# -- glued lines: several rows of a table run together in one line (issue 9)

#: a value in a glued line: a number (a sign starts one, a money unit ends one), 无, a dash, 是/否
_GLUED_VALUE = re.compile(r"[+\-−－]?\d[\d.,]*(?:万元|亿元|元)?|无|—+|–|－|-{1,2}|/|是|否")
#: what may follow a row's values in a glued line besides the next label: an ordinal (section title)
_ORDINAL_START = re.compile(r"[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+[.、]")
_PRINTED_UNITS = tuple(sorted({"是/否", "个(事项)"} | set(UNITS), key=len, reverse=True))


def _squeeze(text: str) -> tuple[str, list[int]]:
    """``text`` as labels are matched (N(); year words and annotations such as ``(市、区)`` removed)
    and each kept character's offset."""
    pieces = [N(ch) for ch in text]
    s = "".join(pieces)
    idx = list(chain.from_iterable(map(repeat, range(len(text)), map(len, pieces))))
    drop = {j for m in YEAR_WORD.finditer(s) for j in range(m.start(), m.end())}
    drop |= {j for a, b in masked_notes(s) for j in range(a, b)}
    if not drop:
        return s, idx
    return "".join(c for j, c in enumerate(s) if j not in drop), [i for j, i in enumerate(idx) if j not in drop]


def _word_at(text: str, pos: int, words: tuple[str, ...]) -> int:
    return next((len(w) for w in words if text.startswith(w, pos)), 0)


def _tail(text: str) -> tuple[list[tuple[str, int, int]], int]:
    """Read what follows a label in a glued line: annotations, header words and units, then values.
    Returns the tokens ``(kind, start, end)`` and where the row's text ends."""
    toks: list[tuple[str, int, int]] = []
    pos, values = 0, False
    heads = header_words()
    while pos < len(text):
        if text[pos].isspace() or text[pos] == "|":
            pos += 1
            continue
        if text[pos] == "(":  # an annotation, before or after the values: (不同渠道和方式公开相同信息计1条)
            close = text.find(")", pos)
            if close < 0 or re.fullmatch(r"[一二三四五六七八九十]+", text[pos + 1:close]):
                break  # unclosed, or an ordinal such as (三): not part of this row
            toks.append(("note", pos, close + 1))
            pos = close + 1
            continue
        if not values:
            w = _word_at(text, pos, heads)
            kind = "head"
            if not w:
                w, kind = _word_at(text, pos, _PRINTED_UNITS), "unit"
            if w:
                toks.append((kind, pos, pos + w))
                pos += w
                continue
        m = _GLUED_VALUE.match(text, pos)
        if not m:
            break
        toks.append(("value", pos, m.end()))
        pos, values = m.end(), True
    return toks, pos


def glued_rows(text: str, base: int, line: int) -> list[SourceRow] | None:
    """The rows of a line where labels and values run together (``规章 000行政规范性文件000第二十条…``,
    ``(一)收到申请数件12``): labels are found inside the line; each takes the values after it up to
    the next label. None when the line is not such a row (e.g. prose that mentions a label)."""
    if "无" not in text and not any(map(str.isdigit, text)):
        return None
    s, idx = _squeeze(text)
    hits = [(idx[a], idx[b - 1] + 1, maybe) for a, _, b, maybe in find_labels(s)]
    if not hits:
        return None
    read = []
    for n, (a, b, _) in enumerate(hits):
        stop = hits[n + 1][0] if n + 1 < len(hits) else len(text)
        toks, end = _tail(text[b:stop])
        rest = text[b + end:stop].strip()
        read.append((not rest or bool(_ORDINAL_START.match(rest)), toks, b + end, stop, rest))
    good = [n for n, r in enumerate(read) if r[0]]
    if not any(k == "value" for n in good for k, _, _ in read[n][1]):
        return None
    prefix = text[:hits[good[0]][0]].strip() if good else ""
    title = not prefix or (_ORDINAL_START.match(N(prefix)) and not any(ch.isdigit() for ch in prefix))
    lone = len(good) == 1 and bool(title)
    if len(good) < 2 and not lone:
        return None
    out: list[SourceRow] = []

    def junk(a: int, b: int) -> None:
        piece = text[a:b]
        if piece.strip():
            a += len(piece) - len(piece.lstrip())
            out.append(SourceRow([Tok(piece.strip(), (base + a, base + a + len(piece.strip())), line)]))

    cursor = 0
    for n in good:
        a, b, _ = hits[n]
        _, toks, end, stop, _ = read[n]
        junk(cursor, a)
        cells = [Tok(text[a:b], (base + a, base + b), line)]
        for kind, x, y in toks:
            if kind != "note":
                cells.append(Tok(text[b + x:b + y], (base + b + x, base + b + y), line, head=kind == "head"))
        maybe = hits[n + 1][2] if n + 1 < len(hits) else ""
        if maybe and toks and toks[-1][0] == "value" and b + toks[-1][2] == stop and cells[-1].text.endswith(maybe):
            cells[-1].ordinal_tail = maybe
        out.append(SourceRow(cells, "text", any(k in ("value", "unit") for k, _, _ in toks)))
        cursor = end
    junk(cursor, len(text))
    return out


def text_rows(doc: Document, skip: set[int]) -> list[SourceRow]:
    """Rows from the lines that are not grid rows: pipe rows, label-value lines, single cells."""
    out: list[SourceRow] = []
    pending: list[Tok] = []  # cells of a pipe row whose cells sit on several lines (closed by '||')
    for ln in doc.lines:
        if ln.number in skip:
            continue
        text = ln.text
        if "|" in text:
            body = text[:-1] if text.endswith("|") else text
            cells = [Tok(t, (a, b), ln.number) for t, a, b in _split(body, ln.start, "|")]
            markdown = text.startswith("|") and text.endswith("|") and len(text) > 1 \
                and not text.endswith("||") and not pending
            if markdown:
                cells = cells[1:]  # markdown row: the leading pipe is a border
            pending.extend(cells)
            if markdown or text.endswith("||") or not text.endswith("|"):
                out.append(SourceRow(pending, "text", True))
                pending = []
            continue
        if pending:
            out.append(SourceRow(pending, "text", True))
            pending = []
        glued = glued_rows(text, ln.start, ln.number)
        if glued is not None:
            out.extend(glued)
            continue
        cut = _label_value_split(text)
        if cut is not None:
            lab = text[:cut].rstrip()
            cells = [Tok(lab, (ln.start, ln.start + len(lab)), ln.number)]
            cells += [Tok(t, (a, b), ln.number) for t, a, b in _split(text[cut:], ln.start + cut, " ") if t]
            out.append(SourceRow(cells, "text", True))
        else:
            out.append(SourceRow([Tok(text, (ln.start, ln.end), ln.number)], "text", False))
    if pending:
        out.append(SourceRow(pending, "text", True))
    return out


def source_rows(doc: Document) -> list[SourceRow]:
    """All rows of the document in reading order (grid rows replace their rendered lines)."""
    grids = grid_rows(doc)
    covered = {c.line for r in grids for c in r.cells}
    rows = grids + text_rows(doc, covered)
    rows.sort(key=lambda r: r.cells[0].span[0])
    return rows


# ------------------------------------------------------------------ placement

@dataclass(frozen=True)
class _Run:
    """A row whose printed cells are fewer than its columns (digits run together): split later."""

    spec: RowSpec
    label: Tok
    cols: tuple[ColSpec, ...]
    cells: tuple[Tok, ...]
    origin: str


@dataclass
class _Placer:
    doc: Document
    template: str
    obs: list[Observation] = field(default_factory=list)
    warnings: list[GikitWarning] = field(default_factory=list)
    used: dict[int, list[float]] = field(default_factory=dict)
    cursor: int = -1
    pending: list[_Run] = field(default_factory=list)

    @property
    def src(self) -> str:
        return self.doc.source

    def warn(self, msg: str, cls: type[GikitWarning] = TableWarning) -> None:
        self.warnings.append(cls(f"{self.src}: {msg}"))

    # -- which template row does a row's label name?
    def find_label(self, row: SourceRow, specs: tuple[RowSpec, ...]) -> tuple[int, RowSpec] | None:
        found = None
        for j, tok in enumerate(row.cells):
            if tok.empty or tok.head or is_value(tok.text):
                continue
            cands = match_row(tok.text, specs)
            if not cands:
                text = N(tok.text)
                m = _RUN_TOGETHER.search(text)  # run-together digits: 收到申请数12
                cands = match_row(text[:m.start()], specs) if m else []
                if cands:
                    cands = [c for c in cands if c.kind in ("value", "group")]
            if cands:
                found = (j, self.pick(cands))
        return found

    def pick(self, cands: list[RowSpec]) -> RowSpec:
        """Among rows with the same label (e.g. 其他情形数), the next one in form order."""
        fresh = [c for c in cands if c.order not in self.used]
        pool = fresh or cands
        after = [c for c in pool if c.order > self.cursor]
        return (after or pool)[0]

    # -- gather the cells of a row
    def gather(self, rows: list[SourceRow], i: int, j: int, spec: RowSpec) -> tuple[list[Tok], int, str]:
        """Value cells after the label (row ``i``, cell ``j``); returns (cells, next row, header text)."""
        row = rows[i]
        rest = row.cells[j + 1:]
        label = row.cells[j]
        m = _RUN_TOGETHER.search(N(label.text))
        if m and not match_row(label.text, (spec,)) and label.text.endswith(m.group()):
            a = label.span[1] - len(m.group())  # run-together digits after the label (issue 9)
            rest = [Tok(m.group(), (a, label.span[1]), label.line)] + rest
        header = ""
        if spec.kind != "anchor":
            rest = [t for t in rest if not t.head]
        if spec.kind == "anchor":
            header = "".join(N(t.text) for t in rest if not is_value(t.text))
            rest = [t for t in rest if is_value(t.text)]
        if row.multi and (rest or spec.kind != "anchor") or (m and rest):
            return rest, i + 1, header
        vals: list[Tok] = list(rest)
        k = i + 1
        while k < len(rows):
            cells = rows[k].cells
            if all(is_value(t.text) or t.empty or (is_unit(t.text) and not vals) for t in cells):
                vals.extend(cells)
                k += 1
            elif spec.kind == "anchor" and not vals and k - i <= MAX_HEADER_ROWS \
                    and not any(match_row(t.text, rows_for(self.template)) for t in cells
                                if len(N(t.text)) > 4):
                header += "".join(N(t.text) for t in cells)
                k += 1
            elif all(_is_filler(t) for t in cells):
                k += 1
            else:
                break
        return vals, k, header

    # -- one matched row
    def place(self, spec: RowSpec, label: Tok, cells: list[Tok], origin: str, header: str) -> None:
        layout = tables()[spec.table].layout
        if layout == "list":
            self.place_list(spec, label, cells, origin)
            return
        cols = columns_for(self.template, spec.table)
        cells = [c for c in cells if not (N(c.text) in UNITS or is_unit(c.text) and not is_value(c.text))]
        while len(cells) > len(cols) and cells[0].empty:
            cells = cells[1:]  # value columns are right-aligned (empty label cells before them)
        if spec.kind == "group" and (not cells or all(c.empty for c in cells)):
            return  # the form prints no subtotal for a group; derive computes it
        if spec.kind == "anchor":
            header = N(label.text) + header
            missing = [g for g in dict.fromkeys(c.group for c in cols) if g and g not in header]
            if missing and header:
                self.warn(f"table {spec.table}: header lacks {', '.join(missing)}; "
                          f"columns placed in form order")
        if (len(cells) != len(cols) or any(c.ordinal_tail for c in cells)) and \
                self.defer(spec, label, cols, cells, origin):
            return
        if len(cells) != len(cols):
            self.doubt(spec, label, cols, cells, origin)
            return
        for col, tok in zip(cols, cells):
            self.emit(spec, col, label, tok, origin)

    def place_list(self, spec: RowSpec, label: Tok, cells: list[Tok], origin: str) -> None:
        unit_tok = None
        cells = list(cells)
        if len(cells) >= 2 and (is_unit(cells[0].text) or cells[0].empty):
            unit_tok = cells.pop(0)
        elif len(cells) == 1 and is_unit(cells[0].text) and not re.search(r"\d|无", cells[0].text):
            unit_tok = cells.pop(0)
        col = columns_for(self.template, spec.table)[0]
        if not cells:
            a = (unit_tok or label).span[1]
            cells = [Tok("", (a, a), (unit_tok or label).line)]
        filled = [c for c in cells[1:] if not c.empty and not _is_filler(c)]
        if not filled and cells[0].ordinal_tail and self.defer(spec, label, (col,), cells[:1], origin):
            return
        if filled:
            self.doubt(spec, label, (col,), cells, origin)
            return
        self.emit(spec, col, label, cells[0], origin, unit_tok)

    def emit(self, spec: RowSpec, col: ColSpec, label: Tok, tok: Tok, origin: str,
             unit_tok: Tok | None = None) -> None:
        code, applicant = self.code_of(spec, col)
        target = codes.unit(code)
        raw = tok.text
        if target == "text":
            pv_value, qual, unit = math.nan, ("blank" if tok.empty else "exact"), "text"
        else:
            text = raw
            if unit_tok is not None and N(unit_tok.text) in ("元", "万元", "亿元") and not tok.empty:
                text = raw + N(unit_tok.text)
            pv = parse_value(text, target)
            pv_value, qual, unit = pv.value, pv.qualifier, pv.unit if target != "bool" else "bool"
            if qual == "unparsed":
                self.warn(f"table {spec.table}, row {label.text[:30]!r}: cannot read {raw!r} as a number; "
                          f"left NaN")
            if code == "active.procurement.amount" and pv.unit is None and not tok.empty:
                unit = None
        note = origin if origin != "text" else None
        y = YEAR_WORD.search(N(label.text)) if spec.table == "hl2016" else None
        if y:
            note = ", ".join(x for x in (note, f"ref_year {y.group()[:4]}") if x)
        loc = locator(table=spec.table, row=N(label.text)[:40], col=col.label, line=tok.line,
                      span=tok.span, note=note)
        self.obs.append(Observation(code, pv_value, applicant, None, unit, qual, "table", loc, raw))

    def doubt(self, spec: RowSpec, label: Tok, cols: tuple[ColSpec, ...], cells: list[Tok],
              origin: str) -> None:
        """The row's cells do not fit the table's columns: NaN for each, and a warning."""
        printed = [c.text for c in cells if not c.empty]
        run_together = len(printed) == 1 and len(cols) > 1 and re.fullmatch(r"\d+", N(printed[0] or ""))
        cls = AmbiguousValueWarning if run_together else TableWarning
        what = "run-together digits" if run_together else f"{len(cells)} cells for {len(cols)} columns"
        self.warn(f"table {spec.table}, row {N(label.text)[:30]!r}: {what} ({' '.join(printed)[:60]!r}); "
                  f"its values are left NaN", cls)
        first = cells[0] if cells else label
        for col in cols:
            code, applicant = self.code_of(spec, col)
            loc = locator(table=spec.table, row=N(label.text)[:40], col=col.label, line=first.line,
                          note="cells in doubt")
            self.obs.append(Observation(code, math.nan, applicant, None, codes.unit(code), "ambiguous",
                                        "table", loc, " ".join(printed)))

    # -- run-together rows (issue 9): deferred, then split jointly under the form's identities
    def defer(self, spec: RowSpec, label: Tok, cols: tuple[ColSpec, ...], cells: list[Tok],
              origin: str) -> bool:
        """Keep a row whose cells are digit runs for ``resolve_runs``; False if it is not one."""
        texts = [N(c.text) for c in cells]
        if not cells or len(cells) > len(cols) or not all(t and is_value(t) for t in texts):
            return False
        if len(cells) == len(cols) and not cells[-1].ordinal_tail:
            return False
        if len(cells) < len(cols) and not any(_SPLITTABLE.fullmatch(t) for t in texts):
            return False
        self.pending.append(_Run(spec, label, tuple(cols), tuple(cells), origin))
        return True

    def resolve_runs(self) -> None:
        """Split the deferred rows: all rows of the report at once, under every identity of the form."""
        if not self.pending:
            return
        fixed = {(o.code, o.applicant or "total"): o.value for o in self.obs
                 if o.qualifier in ("exact", "zero_word", "dash") and not math.isnan(o.value)}
        rows = []
        for run in self.pending:
            keys = tuple(self._key(run.spec, c) for c in run.cols)
            segs = tuple(N(c.text) for c in run.cells)
            variants = [segs]
            tail = run.cells[-1].ordinal_tail
            if tail and len(segs[-1]) > len(tail) and segs[-1].endswith(tail):
                variants.append(segs[:-1] + (segs[-1][:-len(tail)],))
            rows.append(runtogether.RunRow(keys, tuple(variants)))
        results = runtogether.solve(rows, fixed, list(form_identities(self.template)))
        loose = sorted({run.spec.table for run, res in zip(self.pending, results) if res.level != "joint"})
        if loose:
            self.warn(f"table {', '.join(loose)}: no split of the run-together rows satisfies every identity "
                      f"of the form together (the printed figures disagree, or the search was too large); "
                      f"rows were split on their own and cells that differ are left NaN")
        for run, res in zip(self.pending, results):
            self.emit_run(run, res)
        self.pending = []

    def _key(self, spec: RowSpec, col: ColSpec) -> runtogether.Key:
        code, applicant = self.code_of(spec, col)
        return code, applicant or "total"

    def emit_run(self, run: _Run, res: runtogether.RowResult) -> None:
        spec, label, k = run.spec, run.label, len(run.cols)
        row = N(label.text)[:40]
        ids = ", ".join(res.identities) or "none"
        a, b = run.cells[0].span[0], run.cells[-1].span[1]
        printed = self.doc.text[a:b]
        open_cols = []
        for c, col in enumerate(run.cols):
            code, applicant = self.code_of(spec, col)
            piece = res.settled(c)
            if piece is None:
                open_cols.append(col.label)
                cands = "/".join("?" if v is None else f"{v:g}" for v in res.cell_values(c)) or "none"
                loc = locator(table=spec.table, row=row, col=col.label, line=run.cells[0].line, span=(a, b),
                              note=f"run-together, cell {c + 1} of {k} ambiguous: {cands}")
                self.obs.append(Observation(code, math.nan, applicant, None, codes.unit(code), "ambiguous",
                                            "table", loc, printed))
                continue
            tok = run.cells[piece.seg]
            target = codes.unit(code)
            pv = parse_value(piece.text, target)
            note = f"cell {c + 1} of {k} cut from run-together {tok.text!r} as {piece.text!r}; identities: {ids}"
            if res.level != "joint":
                note += f" (split {res.level})"
            if run.origin != "text":
                note = f"{run.origin}, {note}"
            loc = locator(table=spec.table, row=row, col=col.label, line=tok.line, span=tok.span, note=note)
            self.obs.append(Observation(code, pv.value, applicant, None, "bool" if target == "bool" else pv.unit,
                                        pv.qualifier, "table", loc, tok.text))
        if open_cols:
            if res.splits:
                alts = "; ".join(" ".join(p.text for p in s) for s in res.splits[:6])
                more = " …" if len(res.splits) > 6 else ""
                what = f"splits {len(res.splits)} ways (identities: {ids}): {alts}{more}"
            else:
                what = f"cannot be cut into {k} cells (identities: {ids})"
            self.warn(f"table {spec.table}, row {row[:30]!r}: run-together {printed!r} {what}; "
                      f"{', '.join(open_cols)} left NaN", AmbiguousValueWarning)

    def code_of(self, spec: RowSpec, col: ColSpec) -> tuple[str, str | None]:
        if spec.table == "T3":
            return spec.code, col.key
        code = spec.code.replace("{col}", col.key)
        applicant = "total" if self.template == "old" and code.startswith("requests.") else None
        return code, applicant


@lru_cache(maxsize=4)
def form_identities(template: str) -> tuple[runtogether.Identity, ...]:
    """The form's hard identities (``data/checks.tsv``) as linear equations over table cells:
    row sums of Table 3 (T3.2), column identities (T3.1, T3.3, printed subtotals T3.4), Table 4
    groups (T4.1) and the old table's sub-items (O3.*, O4.1, O8.1). ``a|b`` terms use ``a``."""
    t3 = [c.key for c in columns_for(template, "T3")]
    out = []
    for d in check_definitions():
        if d.severity != "hard" or not d.applies(template):
            continue
        if d.kind == "applicant_sum":
            for r in rows_for(template):
                if r.table == "T3" and r.kind in ("value", "group"):
                    terms = tuple(((r.code, a), 1) for a in t3 if a != "total") + (((r.code, "total"), -1),)
                    out.append(runtogether.Identity(d.id, terms))
        elif d.kind in ("eq", "subtotal"):
            for a in (t3 if d.per == "applicant" else ["total"]):
                terms = tuple(((t.split("|")[0], a), 1) for t in d.lhs) + \
                    tuple(((t.split("|")[0], a), -1) for t in d.rhs)
                out.append(runtogether.Identity(d.id, terms))
    return tuple(out)


def _label_texts(rows: list[SourceRow]) -> list[str]:
    """The distinct texts of the first three cells of each row that may be labels (not values)."""
    texts = dict.fromkeys(tok.text for row in rows for tok in row.cells[:3])
    return [t for t in texts if len(t) <= 150 and N(t).strip("|") and not is_value(t)]


def _score(texts: list[str], template: str) -> int:
    """How many distinct rows and column headers of ``template`` the label ``texts`` name."""
    specs, cols, seen = rows_for(template), _all_cols(template), set()
    for text in texts:
        for s in match_row(text, specs):
            seen.add(("r", s.table, s.labels[0]))
        for c in match_column(text, cols):
            seen.add(("c", c.table, c.key))
    return len(seen)


@lru_cache(maxsize=8)
def _all_cols(template: str) -> tuple[ColSpec, ...]:
    return tuple(c for t in tables() for c in columns_for(template, t) if c.table.startswith("T2"))


def extract_tables(doc: Document, meta: ReportMeta) -> tuple[list[Observation], list[GikitWarning]]:
    """Every cell of the report's statistical tables, matched to the template by label."""
    rows = source_rows(doc)
    texts = _label_texts(rows)
    scores = {t: _score(texts, t) for t in TEMPLATES}
    best = max(scores.values())
    if best < 2:
        return [], []
    template = meta.template if meta.template in scores and scores[meta.template] == best else \
        max(TEMPLATES, key=lambda t: scores[t])
    p = _Placer(doc, template)
    if meta.template and template != meta.template:
        p.warn(f"the tables follow the {template} template, not {meta.template}")
    specs = rows_for(template)
    i = 0
    while i < len(rows):
        hit = p.find_label(rows[i], specs)
        if hit is None:
            i += 1
            continue
        j, spec = hit
        if spec.kind == "header":
            p.cursor = max(p.cursor, spec.order)
            i += 1
            continue
        cells, nxt, header = p.gather(rows, i, j, spec)
        if spec.order in p.used:
            p.warn(f"table {spec.table}: row {spec.label!r} printed twice; the second copy is ignored")
        else:
            p.used[spec.order] = []
            p.cursor = max(p.cursor, spec.order)
            p.place(spec, rows[i].cells[j], cells, rows[i].origin, header)
        i = max(nxt, i + 1)
    p.resolve_runs()
    _missing_rows(p, specs)
    return p.obs, p.warnings


def _missing_rows(p: _Placer, specs: tuple[RowSpec, ...]) -> None:
    """Fixed-form tables (2019/2021) that were found but lack rows: say which."""
    found_tables = {s.table for s in specs if s.order in p.used}
    for t in sorted(found_tables):
        if tables()[t].layout == "list":
            continue
        missing = [s.label for s in specs if s.table == t and s.kind == "value" and s.order not in p.used]
        if missing:
            p.warn(f"table {t}: rows not found: {'; '.join(missing)}")
