"""Fuzzing the text and HTML paths with mutated samples (hypothesis).

Properties: only ``GikitError`` escapes ``load_report``; every number in ``indicators`` is either
``derived`` or traced to the source text (its ``chars a-b`` span lies in ``Report.text``, the text
there belongs to the figure's ``raw``, and ``raw`` stands around it); a NaN row still says where it
was looked for.

The suite runs a few examples; ``make fuzz`` runs 10,000 (``GIKIT_FUZZ_EXAMPLES``).
"""
from __future__ import annotations

import html
import os
import warnings

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gikit
from gikit.exceptions import GikitError
from gikit.normalize import N
from gikit.observations import span_of
from tests.conftest import SAMPLES

EXAMPLES = int(os.environ.get("GIKIT_FUZZ_EXAMPLES", "30"))
SAMPLE_LINES = {p.stem: p.read_text(encoding="utf-8").splitlines() for p in sorted(SAMPLES.glob("*.txt"))}
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 100,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

DIGITS = str.maketrans("0123456789", "7345012986")
NOISE = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@st.composite
def mutated(draw) -> list[str]:
    """A sample's lines after a few random deletions, duplications, swaps, insertions and digit swaps."""
    lines = list(SAMPLE_LINES[draw(st.sampled_from(sorted(SAMPLE_LINES)))])
    for _ in range(draw(st.integers(0, 8))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "digits", "cut", "block"]))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "insert":
            lines.insert(i, draw(NOISE))
        elif op == "digits":
            lines[i] = lines[i].translate(DIGITS)
        elif op == "cut":
            k = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:k] + draw(NOISE) + lines[i][k:]
        else:  # move a block of lines elsewhere
            j = draw(st.integers(i, min(len(lines), i + 30)))
            block, rest = lines[i:j], lines[:i] + lines[j:]
            k = draw(st.integers(0, len(rest)))
            lines = rest[:k] + block + rest[k:]
    return lines


def as_html(lines: list[str]) -> bytes:
    """Pipe lines become table rows, the rest paragraphs."""
    out, table = ['<html><head><meta charset="utf-8"></head><body>'], False
    for ln in lines:
        if "|" in ln:
            if not table:
                out.append("<table>")
                table = True
            out.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in ln.split("|")) + "</tr>")
        else:
            if table:
                out.append("</table>")
                table = False
            out.append(f"<p>{html.escape(ln)}</p>")
    out.append("</table></body></html>" if table else "</body></html>")
    return "".join(out).encode("utf-8")


def check(data: bytes, name: str) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            r = gikit.load_report(data, name=name, warn=False)
    except GikitError:
        return
    text = r.text
    for row in r.indicators.itertuples():
        if row.source == "derived":
            continue
        if row.value != row.value:  # NaN: no number was taken (blank or ambiguous cell); say where
            assert "line " in row.locator or "chars " in row.locator, row
            continue
        span = span_of(row.locator)
        assert span is not None, row
        a, b = span
        assert 0 <= a < b <= len(text), row
        here, raw = N(text[a:b]), N(str(row.raw))
        assert here and (here in raw or raw in here), (row, text[a:b])
        window = N(text[max(0, a - len(str(row.raw)) - 200): b + len(str(row.raw)) + 200])
        assert raw in window, (row, text[a:b])


@FUZZ
@given(mutated())
def test_fuzz_text_path(lines):
    check("\n".join(lines).encode("utf-8"), "fuzz.txt")


@FUZZ
@given(mutated())
def test_fuzz_html_path(lines):
    check(as_html(lines), "fuzz.html")


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from(["x.txt", "x.html", "x.pdf", "x.docx", "x.xlsx", "x.xls"]))
def test_fuzz_raw_bytes(data, name):
    check(data, name)
