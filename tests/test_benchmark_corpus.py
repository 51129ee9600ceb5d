"""The benchmark corpus generator: its figures obey the forms' identities, and gikit gives back
every generated figure from every shape (text layouts, HTML grids, PDF, prose only)."""
from __future__ import annotations

import json
import warnings

import pytest

import gikit
from benchmarks.corpus import APPLICANTS, generate, generate_one, recovery, write_corpus

TEXT_SHAPES = [("txt", "pipes"), ("txt", "label_value"), ("txt", "one_per_line"), ("html", "grid")]
TEMPLATES = ["old", "fmt2019", "fmt2021"]


def _load(g):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return gikit.load_report(g.data, name=g.file, warn=False)


def _ok(g):
    r = _load(g)
    assert (r.meta.region, r.meta.year, r.meta.template) == (g.region, g.year, g.template)
    assert recovery(r, g.expected) == []
    return r


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("fmt,layout", TEXT_SHAPES)
def test_every_generated_figure_is_recovered(fmt, layout, template):
    for i in range(2):
        g = generate_one(i, seed=11, fmt=fmt, layout=layout, template=template)
        _ok(g)
        # the form's cells (SPEC §3–§5): old 8 + 8 + 23 + 19 value rows; fmt2019 T2 22 + T3 23×7 + T4 15;
        # fmt2021 T2 10 + T3 25×7 + T4 15
        assert len(g.expected) == {"old": 58, "fmt2019": 22 + 161 + 15, "fmt2021": 10 + 175 + 15}[template]


def test_prose_only_reports_are_recovered():
    for i in range(3):
        g = generate_one(i, seed=5, fmt="txt", layout="prose")
        assert g.template == "old" and len(g.expected) == 21  # the 21 figures the sentences state
        _ok(g)


@pytest.mark.parametrize("template", TEMPLATES)
def test_pdf_reports_are_recovered(template):
    g = generate_one(0, seed=7, fmt="pdf", layout="grid", template=template)
    assert g.data.startswith(b"%PDF") and g.pages >= 2
    _ok(g)


@pytest.mark.parametrize("template", ["fmt2019", "fmt2021"])
def test_new_format_figures_obey_the_identities(template):
    e = generate_one(3, seed=2, fmt="txt", layout="pipes", template=template).expected
    v = lambda code, a="total": e[(code, a)]  # noqa: E731
    for a in (*APPLICANTS, "total"):
        # T3.1: received + carried in = answered + carried out, in every applicant column
        assert v("requests.received.total", a) + v("requests.carryover.in", a) == \
            v("requests.outcome.total", a) + v("requests.carryover.out", a)
        outcomes = [c for (c, app) in e if app == a and c.startswith("requests.outcome.") and c != "requests.outcome.total"]
        assert v("requests.outcome.total", a) == sum(v(c, a) for c in outcomes)  # T3.3
    for (c, a), x in e.items():
        if a == "total" and c.startswith("requests."):  # T3.2: total column = Σ six applicant columns
            assert x == sum(e[(c, app)] for app in APPLICANTS)
    for g in ("review", "litigation.direct", "litigation.after_review"):  # T4.1
        assert v(f"{g}.total") == sum(v(f"{g}.{k}") for k in ("upheld", "corrected", "other", "pending"))
    assert all(x >= 0 for (c, _), x in e.items() if not c.endswith("items_change"))


def test_old_figures_obey_the_identities():
    e = {c: x for (c, _), x in generate_one(4, seed=2, fmt="txt", layout="pipes", template="old").expected.items()}
    ch = ("in_person", "fax", "online", "letter")
    assert e["requests.received.total"] == sum(e[f"requests.received.channel.{k}"] for k in ch)  # O3.1
    assert e["requests.closed.total"] == e["requests.closed.on_time"] + e["requests.closed.extended"]  # O3.2
    items = ["legacy.already_public", "legacy.agreed", "partially_disclosed", "legacy.refused.total",
             "legacy.not_this_agency", "legacy.not_exist", "legacy.needs_amendment", "legacy.other_channel"]
    assert e["requests.outcome.total"] == sum(e[f"requests.outcome.{k}"] for k in items)  # O3.3
    reasons = ["withheld.state_secret", "legacy.refused.commercial_secret", "legacy.refused.personal_privacy",
               "withheld.security_stability", "legacy.refused.not_gov_info", "legacy.refused.other_legal"]
    assert e["requests.outcome.legacy.refused.total"] == sum(e[f"requests.outcome.{k}"] for k in reasons)  # O3.4
    for g in ("review", "litigation"):  # O4.1
        assert e[f"{g}.total"] == e[f"{g}.upheld"] + e[f"{g}.corrected"] + e[f"{g}.other_legacy"]
    assert e["capacity.staff.total"] == e["capacity.staff.full_time"] + e["capacity.staff.part_time"]  # O8.1
    channels = sum(e[f"active.items.channel.{k}"] for k in ("gazette", "website", "weibo", "weixin", "other"))
    assert e["active.items.total"] <= channels  # O1.1


def test_generation_is_reproducible_and_mixes_shapes(tmp_path):
    a, b = generate(12, seed=9), generate(12, seed=9)
    assert [g.data for g in a] == [g.data for g in b]
    assert generate_one(0, seed=10).data != a[0].data
    big = generate(60, seed=1)
    assert {g.layout for g in big} == {"pipes", "label_value", "one_per_line", "grid", "prose"}
    assert {g.template for g in big} == set(TEMPLATES)
    sizes = [len(g.data) for g in big if g.fmt == "txt"]
    assert min(sizes) > 8_000 and max(sizes) < 80_000  # bytes: the length of real reports
    folder = write_corpus(tmp_path / "c", a)
    manifest = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    assert sorted(manifest) == sorted(g.file for g in a)
    first = manifest[a[0].file]
    assert {tuple(x[:2]): x[2] for x in first["figures"]} == a[0].expected
    assert (folder / a[0].file).read_bytes() == a[0].data
