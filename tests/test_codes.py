"""The code registry (gikit.codes, gikit/data/codes.tsv)."""
from __future__ import annotations

import re

from gikit import codes

# SPEC §2 units, plus 'ratio' for the h.* rates
UNITS = {"item", "case", "doc", "times", "article", "unit", "person", "person_time",
         "wan_yuan", "yuan", "bool", "text", "ratio"}


def test_codebook_columns_and_unique_codes():
    cb = codes.codebook()
    assert list(cb.columns) == codes.CODEBOOK_COLUMNS
    assert cb["code"].is_unique


def test_every_row_well_formed():
    cb = codes.codebook()
    for row in cb.itertuples(index=False):
        assert re.fullmatch(r"[a-z0-9_]+(\.[a-z0-9_]+)+", row.code), row.code
        assert row.unit in UNITS, row.code
        assert row.grade in codes.GRADES, row.code
        assert row.kind in codes.KINDS, row.code
        assert row.label_zh and row.label_en, row.code
        assert set(row.templates.split(",")) <= {"old", "fmt2019", "fmt2021"}, row.code


def test_appendix_a_and_spec_codes_present():
    # a sample of codes typed from SPEC Appendix A, §3.5, §3.6, §4.1, §7.2 and the prose-only ones
    for code in ["active.items.total", "requests.outcome.withheld.admin_inquiry",
                 "requests.outcome.other.fee_unpaid", "litigation.after_review.total",
                 "capacity.special_funds", "ext.nm2017.services.in_center.licensing",
                 "ext.hl2016.keyareas.health", "ext.hb2020.active.other_docs.public_total",
                 "h.requests.grant_rate", "h.active.decisions.coercion",
                 "training.meetings_and_classes", "fees.info_processing.amount",
                 "fees.info_processing.cases", "requests.outcome.withheld.total"]:
        assert codes.is_code(code), code


def test_label_unit_lookup():
    assert codes.label("review.total") == "Administrative reconsiderations"
    assert codes.label("requests.outcome.withheld.state_secret", lang="zh") == "属于国家秘密"
    assert codes.label("no.such.code") == "no.such.code"
    assert codes.unit("training.trainees") == "person_time"
    assert codes.unit("capacity.special_funds") == "wan_yuan"
    assert codes.unit("no.such.code") is None
    assert codes.templates("requests.carryover.in") == ("fmt2019", "fmt2021")


def test_derived_group_totals_are_derived_and_h_codes_harmonised():
    cb = codes.codebook()
    for code in ["requests.outcome.withheld.total", "requests.outcome.unavailable.total",
                 "requests.outcome.not_processed.total"]:
        assert cb.at[code, "kind"] == "derived"
    assert set(cb[cb["code"].str.startswith("h.")]["kind"]) == {"harmonised"}
