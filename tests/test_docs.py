"""The documentation: a strict mkdocs build, the data reference in step with the package's registries
(every code the package can emit is on it), and the code blocks of the README and docs run."""
from __future__ import annotations

import doctest
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
DATA_PAGE = DOCS / "reference" / "data.md"
FENCE = re.compile(r"^```(\w+)[^\n]*\n(.*?)^```", re.M | re.S)


def _generator():
    spec = importlib.util.spec_from_file_location("gen_data_reference", ROOT / "tools" / "gen_data_reference.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# ---------------------------------------------------------------- the build

def test_strict_build(tmp_path):
    site = tmp_path / "site"
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file",
                           str(ROOT / "mkdocs.yml"), "--site-dir", str(site)],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    api = (site / "reference" / "api" / "index.html").read_text(encoding="utf-8")
    for name in ["gikit.load_report", "ReportCollection", "report_metrics", "run_checks", "Explorer"]:
        assert name in api, name  # mkdocstrings rendered the docstrings
    data = (site / "reference" / "data" / "index.html").read_text(encoding="utf-8")
    assert "requests.outcome.withheld.state_secret" in data


def _nav_files(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, list):
        return [f for item in node for f in _nav_files(item)]
    if isinstance(node, dict):
        return [f for v in node.values() for f in _nav_files(v)]
    return []


def test_every_page_in_the_nav_and_every_nav_entry_a_page():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    nav = set(_nav_files(config["nav"]))
    pages = {str(p.relative_to(DOCS)) for p in DOCS.rglob("*.md")}
    assert nav == pages


# ---------------------------------------------------------------- the data reference

def test_data_reference_is_up_to_date():
    assert DATA_PAGE.read_text(encoding="utf-8") == _generator().render(), \
        "docs/reference/data.md is stale: run python tools/gen_data_reference.py"


def _page_codes() -> set[str]:
    """Codes listed in the first column of a table row on the data reference page."""
    return set(re.findall(r"^\| `([a-z0-9_.]+)` \|", DATA_PAGE.read_text(encoding="utf-8"), re.M))


def _template_codes() -> set[str]:
    """Every code the template tables can produce: row codes, filled with each column key."""
    from gikit import tablespec

    out = set()
    for row in tablespec.all_rows():
        if not row.code:
            continue
        for template in row.templates:
            cols = tablespec.columns_for(template, row.table)
            if "{col}" in row.code:
                out.update(row.code.replace("{col}", c.key) for c in cols)
            else:
                out.add(row.code)
    return out


def _data_file_codes() -> set[str]:
    """Codes named by the prose cues, the derived sums and the harmonised layer."""
    import csv
    from importlib import resources

    out = set()
    with resources.files("gikit").joinpath("data/prose_cues.tsv").open(encoding="utf-8") as f:
        out.update(r["code"] for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    from gikit.derive import harmonised
    from gikit.tablespec import sums

    out.update(s["total"] for s in sums() if s["derive"])
    out.update(h["code"] for h in harmonised())
    return out


def test_every_code_the_package_can_emit_is_registered_and_on_the_page(samples):
    from gikit import codes
    from gikit.prose import PCT_SUFFIX

    emitted = _template_codes() | _data_file_codes()
    for r in samples.values():
        emitted |= set(r.figures["code"])
    assert len(emitted) > 100  # the enumeration found the templates
    bases = {c[: -len(PCT_SUFFIX)] if c.endswith(PCT_SUFFIX) else c for c in emitted}
    registry = set(codes.codebook().index)
    assert bases - registry == set(), "codes emitted but not in gikit/data/codes.tsv"
    on_page = _page_codes()
    assert registry - on_page == set(), "registered codes missing from the data reference"
    assert bases - on_page == set()
    if any(c.endswith(PCT_SUFFIX) for c in emitted):
        assert f"<code>{PCT_SUFFIX}`" in DATA_PAGE.read_text(encoding="utf-8")


def test_page_lists_qualifiers_checks_and_metrics():
    from gikit.checks import check_definitions
    from gikit.metrics import metric_ids
    from gikit.observations import QUALIFIERS

    text = DATA_PAGE.read_text(encoding="utf-8")
    for q in QUALIFIERS:
        assert f"| `{q}` |" in text, q
    for d in check_definitions():
        assert f"| `{d.id}` | {d.severity} |" in text, d.id
    for m in metric_ids():
        assert f"| `{m}` |" in text, m


def test_page_content_against_spec():
    """Rows of the page compared with values typed from SPEC.md."""
    text = DATA_PAGE.read_text(encoding="utf-8")
    lines = text.splitlines()

    def row(code: str) -> str:
        hits = [ln for ln in lines if ln.startswith(f"| `{code}` |")]
        assert hits, code
        return hits[0]

    # SPEC §4.2 row 5 / §7.1: 属于国家秘密, shared by all three templates, grade S
    assert row("requests.outcome.withheld.state_secret") == (
        "| `requests.outcome.withheld.state_secret` | 属于国家秘密 | Withheld: state secret | case | "
        "old, fmt2019, fmt2021 | S | table |")
    # SPEC §3.4: 接受培训人员数 in 人次
    assert "| person_time | old |" in row("training.trainees")
    # SPEC §8.2 O8.1: staff total = full-time + part-time, hard
    assert ("`capacity.staff.total` = `capacity.staff.full_time` + `capacity.staff.part_time`"
            in row("O8.1"))
    assert row("O8.1").startswith("| `O8.1` | hard |")
    # SPEC §7.2/§8.3: reviews per 100 requests = 100 × h.review.total / h.requests.received
    assert "| `h.review.total` | `h.requests.received` | 100 |" in row("reviews_per_100_requests")
    # SPEC §7.2: the old granted_full is already_public + agreed
    assert ("`requests.outcome.legacy.already_public` + `requests.outcome.legacy.agreed`"
            in next(ln for ln in lines if ln.startswith("| `h.requests.granted_full` | old |")))

    def breaks(before: str, after: str) -> str:
        start = text.index(f"### `{before}` → `{after}`")
        end = text.find("### ", start + 4)
        return text[start: end if end > 0 else None]

    old_2019, f2019_2021 = breaks("old", "fmt2019"), breaks("fmt2019", "fmt2021")
    ends_old = old_2019.split("**Begins")[0]
    begins_2019 = old_2019.split("**Begins")[1]
    # SPEC §7.1: proactive volume and channels, capacity, training are old-only; carry-over is new
    for code in ["active.items.total", "requests.received.channel.online", "capacity.staff.total",
                 "training.trainees", "complaints.total"]:
        assert f"`{code}`" in ends_old, code
    assert "`requests.carryover.in`" in begins_2019
    assert "`requests.received.total`" not in old_2019  # S: continues across
    # SPEC §6: procurement removed in 2021; 其他处理 split into three rows in 2021
    assert "`active.procurement.amount`" in f2019_2021.split("**Begins")[0]
    assert "`requests.outcome.other.no_correction`" in f2019_2021.split("**Begins")[1]
    assert "`requests.outcome.disclosed`" not in f2019_2021


# ---------------------------------------------------------------- code blocks

DOC_PAGES = [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]


def _blocks(path: Path) -> list[tuple[str, str]]:
    return [(lang, body) for lang, body in FENCE.findall(path.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("path", [p for p in DOC_PAGES if any(lang in ("python", "pycon") for lang, _ in _blocks(p))],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_code_blocks_run(path, tmp_path, monkeypatch):
    """Every ```python block of a page runs, in order, in one namespace (in an empty folder);
    ```pycon blocks are doctests."""
    import warnings

    import gikit

    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", gikit.GikitWarning)
        for lang, body in _blocks(path):
            if lang == "python":
                exec(compile(body, f"{path.name}:block", "exec"), namespace)  # noqa: S102
            elif lang == "pycon":
                test = doctest.DocTestParser().get_doctest(body, namespace, path.name, str(path), 0)
                result = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
                result.run(test)
                assert result.failures == 0, f"{path.name}: a doctest failed"
