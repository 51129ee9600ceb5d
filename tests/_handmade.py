"""Hand-made reports with numbers typed here (not parsed), for collection / metrics / plot / store tests."""
from __future__ import annotations

from gikit.collection import ReportCollection
from gikit.document import Document
from gikit.meta import ReportMeta
from gikit.observations import Observation
from gikit.report import Report

APPLICANTS_A = {"natural_person": 150, "commercial_enterprise": 30, "research_institution": 5,
                "social_welfare_org": 5, "legal_service_org": 6, "other_org": 4, "total": 200}


def make_report(region, province, year, template, figures, *, scope="own_level", level="prefecture",
                source=None):
    """``figures``: list of (code, value) or (code, value, applicant) or (code, value, applicant, scope,
    qualifier)."""
    obs = []
    for f in figures:
        code, value, applicant, fscope, qualifier = (*f, None, None, None)[:5]
        obs.append(Observation(code, float(value), applicant=applicant, scope=fscope or scope,
                               qualifier=qualifier or "exact", source="table",
                               locator=f"hand-made · {code}", raw=str(value)))
    meta = ReportMeta(region=region, province=province, level=level, year=year, template=template,
                      scope=scope, source=source or f"/data/{region}_{year}.txt")
    return Report(meta=meta, document=Document.from_lines(["政府信息公开工作年度报告"], source=meta.source),
                  observations=obs)


def report_a():
    """赤峰市 2021 (fmt2021): 200 received, 180 decided; 90 full + 18 partial + 9 withheld + 36 unavailable
    + 27 not processed + 0 other = 180; 10 reviews (3 corrected), 4 lawsuits (1 corrected)."""
    figs = [("h.requests.received", 200), ("h.requests.decided", 180), ("h.requests.granted_full", 90),
            ("h.requests.granted_partial", 18), ("h.requests.info_not_held", 36), ("h.review.total", 10),
            ("h.review.corrected", 3), ("h.litigation.total", 4), ("h.litigation.corrected", 1),
            ("requests.outcome.total", 180, "total"), ("requests.outcome.disclosed", 90, "total"),
            ("requests.outcome.partially_disclosed", 18, "total"), ("requests.outcome.withheld.total", 9, "total"),
            ("requests.outcome.unavailable.total", 36, "total"),
            ("requests.outcome.not_processed.total", 27, "total"), ("requests.outcome.other.total", 0, "total"),
            ("active.licensing.decisions", 5000)]
    figs += [("requests.received.total", v, a) for a, v in APPLICANTS_A.items()]
    return make_report("赤峰市", "内蒙古自治区", 2021, "fmt2021", figs, source="/data/chifeng_2021.html")


def report_b():
    """鄂尔多斯市 2020 (fmt2019): 20 received and decided, 15 granted in full, 1 review."""
    return make_report("鄂尔多斯市", "内蒙古自治区", 2020, "fmt2019",
                       [("h.requests.received", 20), ("h.requests.decided", 20), ("h.requests.granted_full", 15),
                        ("h.requests.granted_partial", 2), ("h.review.total", 1),
                        ("requests.outcome.disclosed", 15, "total"), ("requests.outcome.total", 20, "total")],
                       source="/data/ordos_2020.txt")


def report_c():
    """齐齐哈尔市 2017 (old), headline scope region_aggregate: 300 received (the city's own level: 100),
    120 online (printed "120余件": more_than), 200 full + 20 partial, 30 refused, 40 not held,
    6 reviews, 3 lawsuits; 50 staff."""
    agg = "region_aggregate"
    return make_report("齐齐哈尔市", "黑龙江省", 2017, "old",
                       [("h.requests.received", 300, None, agg), ("h.requests.received", 100, None, "own_level"),
                        ("requests.received.total", 300, "total", agg),
                        ("requests.received.channel.online", 120, None, agg, "more_than"),
                        ("h.requests.decided", 300, None, agg), ("requests.outcome.total", 300, "total", agg),
                        ("h.requests.granted_full", 200, None, agg), ("h.requests.granted_partial", 20, None, agg),
                        ("requests.outcome.legacy.already_public", 120, None, agg),
                        ("requests.outcome.legacy.agreed", 80, None, agg),
                        ("requests.outcome.partially_disclosed", 20, None, agg),
                        ("requests.outcome.legacy.refused.total", 30, None, agg),
                        ("requests.outcome.legacy.not_this_agency", 25, None, agg),
                        ("requests.outcome.legacy.not_exist", 15, None, agg),
                        ("requests.outcome.legacy.needs_amendment", 20, None, agg),
                        ("requests.outcome.legacy.other_channel", 10, None, agg),
                        ("h.requests.info_not_held", 40, None, agg), ("h.review.total", 6, None, agg),
                        ("h.litigation.total", 3, None, agg), ("capacity.staff.total", 50, None, agg)],
                       scope=agg, source="/data/qiqihar_2017.txt")


def report_a_copy():
    """A second 赤峰市 2021 report (another file) — its id must be made unique."""
    return make_report("赤峰市", "内蒙古自治区", 2021, "fmt2021", [("h.requests.received", 7)],
                       source="/data/chifeng_2021_copy.txt")


def handmade_collection():
    return ReportCollection([report_a(), report_b(), report_c()])
