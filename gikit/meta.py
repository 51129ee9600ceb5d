"""Report metadata (SPEC §10): title, year, region, province, level, adcode, template, publisher,
dates and scope.

>>> from gikit.document import Document
>>> doc = Document.from_lines(["锡林浩特市2021年政府信息公开工作年度报告", "本年制发件数"])
>>> m = extract_meta(doc)
>>> m.region, m.province, m.level, m.year, m.template
('锡林浩特市', '内蒙古自治区', 'county', 2021, 'fmt2021')
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from . import gazetteer as gz
from .document import Document
from .exceptions import MetadataWarning
from .normalize import N

LEVELS = ("central_dept", "province", "prefecture", "county", "township", "zone", "department")
TEMPLATES = ("old", "fmt2019", "fmt2021")
SCOPES = ("agency", "own_level", "region_aggregate")

ZONE_SUFFIX = re.compile(r"(经济技术开发区|高新技术产业开发区|经济开发区|技术开发区|高新区|开发区|"
                         r"工业园区|产业园区|保税区|综合保税区|新区|园区|试验区|示范区)$")
TOWNSHIP_SUFFIX = re.compile(r"(街道办事处|街道|镇|乡|苏木)$")
DEPT_SUFFIX = re.compile(r"(局|委员会|委|办公室|办公厅|办|厅|部|中心|署|院|所|队|公司|站|馆|处|会|行)$")
GOV_SUFFIX = re.compile(r"(人民政府|政府|管理委员会|管委会|行政公署)$")
TITLE_RE = re.compile(r"政府信息公开.{0,10}(年度报告|工作报告|年报)|信息公开.{0,8}(年度报告|工作报告|年报)"
                      r"|政务公开.{0,8}(年度报告|工作报告|年报)")
DATE_LABELS = r"(?:发布时间|发布日期|上载日期|发文日期|成文日期|公开日期|更新时间|日期|时间)"
_DATE_ISO = re.compile(DATE_LABELS + r"[:：]?\s*(\d{4})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})")
_DATE_CN = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


@dataclass
class ReportMeta:
    """What a report is about and where it came from. ``to_dict()`` for a flat record.

    ``level`` is one of ``LEVELS``, ``template`` one of ``TEMPLATES``, ``scope`` one of ``SCOPES``.
    """

    region: str | None = None
    province: str | None = None
    level: str | None = None
    adcode: str | None = None
    year: int | None = None
    template: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    scope: str | None = None
    title: str | None = None
    source: str | None = None
    parent_region: str | None = None
    agency: str | None = None
    template_confidence: str = "high"
    template_variant: str | None = None
    signature_date: dt.date | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    scopes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Flat dict (dates as ``datetime.date``, missing as None)."""
        d = asdict(self)
        d["scopes"] = ",".join(self.scopes)
        d["warnings"] = "; ".join(self.warnings)
        return d


# ---------------------------------------------------------------- dates (SPEC D6)

def repair_date(raw: str) -> tuple[list[tuple[int, int, int | None]], bool]:
    """Read a possibly garbled date. Returns (candidates (y, m, d|None), garbled?).

    >>> repair_date("2018年3月5日")
    ([(2018, 3, 5)], False)
    >>> repair_date("20183")
    ([(2018, 3, None)], True)
    >>> repair_date("2017112")[0]
    [(2017, 1, 12), (2017, 11, 2)]
    >>> repair_date("20171231")
    ([(2017, 12, 31)], True)
    """
    s = N(raw)
    m = re.fullmatch(r"((?:19|20)\d{2})[年\-/.](\d{1,2})[月\-/.]?(?:(\d{1,2})日?)?", s)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), m.group(3)
        cand = (y, mo, int(d) if d else None)
        return ([cand] if _valid(cand) else []), False
    m = re.fullmatch(r"((?:19|20)\d{2})(\d{1,4})(月|日)?", s)
    if not m:
        return [], False
    y, rest, mark = int(m.group(1)), m.group(2), m.group(3)
    cands: list[tuple[int, int, int | None]] = []
    if mark == "月" or (len(rest) <= 2 and mark is None):
        cands.append((y, int(rest), None))
    if mark != "月":
        for k in range(1, len(rest)):
            cands.append((y, int(rest[:k]), int(rest[k:])))
    cands = [c for c in cands if _valid(c) and not (c[2] is None and mark == "日")]
    return sorted(set(cands)), True


def _valid(c: tuple[int, int, int | None]) -> bool:
    y, m, d = c
    if not 1 <= m <= 12:
        return False
    if d is None:
        return True
    try:
        dt.date(y, m, d)
        return True
    except ValueError:
        return False


def _to_date(c: tuple[int, int, int | None]) -> dt.date:
    return dt.date(c[0], c[1], c[2] or 1)


# ---------------------------------------------------------------- helpers

@lru_cache(maxsize=1)
def _template_cues() -> list[tuple[str, str]]:
    with resources.files("gikit").joinpath("data/template_cues.csv").open(encoding="utf-8") as f:
        return [(r["template"], N(r["cue"])) for r in csv.DictReader(f)]


@lru_cache(maxsize=1)
def _scope_cues() -> list[tuple[str, re.Pattern[str]]]:
    with resources.files("gikit").joinpath("data/scope_cues.tsv").open(encoding="utf-8") as f:
        return [(r["scope"], re.compile(r["pattern"])) for r in csv.DictReader(f, delimiter="\t")]


def detect_template(ntext: str, year: int | None) -> tuple[str | None, str]:
    """SPEC §1: by table labels first (fmt2021 > fmt2019 > old), else by year with low confidence.

    ``ntext`` is N() applied line by line (lines joined with newlines). A cue counts only where a
    table label stands: at a line start or after a digit, bracket, bar or enumeration mark, so a
    phrase in a sentence (e.g. 政府集中采购 in prose) does not decide the template.

    >>> detect_template("规章\\n本年制发件数", 2019)
    ('fmt2021', 'high')
    >>> detect_template("没有表格", 2017)
    ('old', 'low')
    """
    for template in ("fmt2021", "fmt2019", "old"):
        for t, cue in _template_cues():
            if t == template and cue in ntext and re.search(r"(?:^|[\d|).、:])" + re.escape(cue), ntext, re.M):
                return template, "high"
    if year is None:
        return None, "low"
    return ("old" if year <= 2018 else "fmt2019" if year <= 2020 else "fmt2021"), "low"


def detect_variant(ntext: str, template: str | None) -> str | None:
    if template == "old" and "政府门户网站网上办事情况" in ntext:
        return "ext.nm2017"
    if template == "old" and "推进重点领域政府信息公开" in ntext:
        return "ext.hl2016"
    if template == "fmt2019" and "其他主动公开文件" in ntext:
        return "ext.hb2020"
    return None


def find_title(doc: Document) -> str | None:
    """The report's title; a title broken over two lines (body name, then year + 年度报告) is joined."""
    for i, ln in enumerate(doc.lines[:40]):
        if len(ln.text) <= 80 and TITLE_RE.search(N(ln.text)) and not ln.text.endswith(("。", ",")):
            title = ln.text.strip()
            prev = doc.lines[i - 1].text.strip() if i else ""
            if not _subject(title) and prev and len(N(prev)) <= 30 and not re.search(r"[。,;:!?]", prev):
                title = prev + title
            return title
    hint = doc.meta_hints.get("title") or doc.meta_hints.get("html_title")
    if hint and TITLE_RE.search(N(hint)):
        return str(hint).strip()
    return None


def _subject(text: str) -> str:
    """The part of a title or first sentence naming the body: before the year / 政府信息公开."""
    s = N(text)
    s = re.sub(r"^(附表|关于)", "", s)
    s = re.sub(r"^(?:19|20)\d{2}年度?", "", s)
    m = re.search(r"(?:19|20)\d{2}年|政府信息公开|信息公开|政务公开|年度报告|工作报告", s)
    return s[: m.start()] if m else s[:30]


def _report_year(doc: Document, title: str | None) -> tuple[int | None, str | None]:
    """Year the data cover, and a warning when inferred."""
    ntext = N(doc.text[:5000])
    for src in filter(None, [title, doc.lines[0].text if doc.lines else None]):
        m = re.search(r"((?:19|20)\d{2})年度?", N(src))
        if m and ("公开" in N(src) or src is title):
            return int(m.group(1)), None
    for pat in (r"统计期限(?:为|自|从|是)?((?:19|20)\d{2})", r"现将((?:19|20)\d{2})年度?",
                r"^.{0,60}?((?:19|20)\d{2})年度?(?:政府信息公开|信息公开|政务公开)",
                r"((?:19|20)\d{2})年度?(?:政府信息公开|信息公开|政务公开)工作"):
        m = re.search(pat, ntext)
        if m:
            return int(m.group(1)), None
    return None, None


def _published(doc: Document) -> dt.date | None:
    head = "\n".join(doc.chrome + [ln.text for ln in doc.lines[:30]])
    m = _DATE_ISO.search(head)
    if m:
        cand = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if _valid(cand):
            return _to_date(cand)
    return None


_ORG_LINE = re.compile(r"^[\u4e00-\u9fff()]{4,40}$")


def _signature(doc: Document, warnings: list[str]) -> tuple[str | None, dt.date | None]:
    """The last (organisation line, date line) pair: the 落款 block."""
    lines = [ln.text.strip() for ln in doc.lines]
    for i in range(len(lines) - 1, 0, -1):
        date_line = N(lines[i])
        org = N(lines[i - 1])
        if not _ORG_LINE.match(org) or not (DEPT_SUFFIX.search(org) or GOV_SUFFIX.search(org)):
            continue
        cands, garbled = repair_date(date_line)
        if not cands:
            continue
        if len(cands) > 1:
            warnings.append(f"signature date {lines[i]!r} is garbled and ambiguous: "
                            + " or ".join(_fmt(c) for c in cands) + "; left empty")
            return org, None
        if garbled:
            warnings.append(f"signature date {lines[i]!r} is garbled; read as {_fmt(cands[0])}")
        return org, _to_date(cands[0])
    return None, None


def _fmt(c: tuple[int, int, int | None]) -> str:
    return f"{c[0]}-{c[1]:02d}" + (f"-{c[2]:02d}" if c[2] else "")


def _labelled(doc: Document, labels: str) -> str | None:
    pat = re.compile(r"(?:" + labels + r")[:：]\s*([^\s|:：]{2,40})")
    for text in doc.chrome + [ln.text for ln in doc.lines[:40]] + [ln.text for ln in doc.lines[-40:]]:
        m = pat.search(text)
        if m:
            return m.group(1).strip()
    return None


_COMPILED_BY = re.compile(r"本(?:年度)?报告(?:是)?由([\u4e00-\u9fff()]{4,40}?(?:办公室|办公厅|小组|局|委员会|政府))"
                          r"(?:根据|依据|按照|综合|汇总|编制|负责)")


def _compiled_by(doc: Document) -> str | None:
    """The body named in the intro's "本报告由…编制" sentence."""
    m = _COMPILED_BY.search(N(doc.text[:3000]))
    return m.group(1) if m else None


# ---------------------------------------------------------------- region

@dataclass
class _Place:
    region: str | None = None
    level: str | None = None
    region_obj: gz.Region | None = None  # gazetteer unit (itself, or the parent for zones etc.)
    agency: str | None = None


CENTRAL = re.compile(r"^(中华人民共和国|国务院|国家|中国|最高人民)")


def _classify(subject: str, province_hint: gz.Region | None) -> _Place:
    """Region and level from the body's name (e.g. 呼和浩特经济技术开发区, 武汉市生态环境局)."""
    s = GOV_SUFFIX.sub("", subject)
    s = re.sub(r"(关于|的)$", "", s)
    if not s:
        return _Place()
    hits = _disambiguate(gz.find_all(s), province_hint)
    # the unit whose name ends latest in the subject is the most specific one
    best: gz.Region | None = None
    best_end = -1
    for _, end, r in hits:
        if end > best_end:
            best, best_end = r, end
    rest = s[best_end:] if best else s
    if best is None and CENTRAL.match(s) and DEPT_SUFFIX.search(s):
        return _Place("全国", "central_dept", None, s)
    if ZONE_SUFFIX.search(s) and len(s) <= 30:
        parent = best or _short_prefix(s, province_hint)
        zone = s[s.index(rest):] if best and len(rest) >= 4 else s
        return _Place(zone, "zone", parent, s)
    if best is None:
        parent = _short_prefix(s, province_hint)
        if parent is not None and TOWNSHIP_SUFFIX.search(s):
            return _Place(s, "township", parent, None)
        return _Place(s if len(s) <= 20 else None, None, parent, None)
    if rest:
        if TOWNSHIP_SUFFIX.search(rest) and len(rest) <= 12:
            return _Place(re.sub(r"办事处$", "", rest), "township", best, None)
        return _Place(best.name, "department", best, s)
    return _Place(best.name, best.level, best, None)


def _disambiguate(hits: list, province_hint: gz.Region | None) -> list:
    """For names shared by several regions (朝阳区), keep the one whose parent or province is
    also named in the text, else the one in the hinted province."""
    codes = {h[2].adcode for h in hits}
    groups: dict[tuple[int, int], list] = {}
    for h in hits:
        groups.setdefault((h[0], h[1]), []).append(h)
    out = []
    for group in groups.values():
        if len(group) > 1:
            group = ([h for h in group if h[2].parent_adcode in codes or h[2].province_adcode in codes]
                     or [h for h in group if province_hint and h[2].province_adcode == province_hint.adcode]
                     or group)
        out.extend(group)
    return out


def _short_prefix(s: str, province_hint: gz.Region | None) -> gz.Region | None:
    """A region whose short name starts ``s`` (呼和浩特经济技术开发区 -> 呼和浩特市)."""
    for k in range(min(len(s), 8), 1, -1):
        found = gz.lookup_short(s[:k])
        if province_hint is not None:
            found = [r for r in found if r.province_adcode == province_hint.adcode] or found
        if found:
            return min(found, key=lambda r: ("province", "prefecture", "county").index(r.level))
    return None


def _province_hint(doc: Document) -> gz.Region | None:
    """Province from ICP prefixes (蒙ICP备), banners (黑龙江省政府网) or 文号 prefixes."""
    for text in doc.chrome:
        m = re.search(r"([\u4e00-\u9fff])ICP[备证]", text)
        if m and (p := gz.province_by_abbr(m.group(1))):
            return p
    head = N(" ".join(doc.chrome[:10]) + doc.text[:3000])
    for code, row in gz.provinces().items():
        if row["name"] in head or re.search(re.escape(row["short"]) + r"(省|自治区|市)?政府网", head):
            return gz.by_code(code)
    return None


def _scopes(ntext: str, level: str | None) -> list[str]:
    found = [scope for scope, pat in _scope_cues() if pat.search(ntext[:8000])]
    if level in ("department", "zone", "central_dept"):
        base = "agency"
    else:
        base = "own_level"
    ordered = []
    for s in ("region_aggregate", "own_level", "agency"):
        if s in found and s not in ordered:
            ordered.append(s)
    if not ordered:
        ordered.append(base)
    if base == "agency" and "region_aggregate" not in found:
        ordered = ["agency"]
    return ordered


# ---------------------------------------------------------------- main entry

def extract_meta(doc: Document) -> ReportMeta:
    """Metadata of a Document; fields that cannot be found stay None with a warning."""
    warn: list[str] = []
    title = find_title(doc)
    year, _ = _report_year(doc, title)
    published = _published(doc)
    sig_org, sig_date = _signature(doc, warn)
    if year is None and (published or sig_date):
        year = (published or sig_date).year - 1
        warn.append(f"report year not stated; inferred as {year} from the publication date")

    hint = _province_hint(doc)
    subject_src = title or (doc.lines[0].text if doc.lines else "")
    place = _classify(_subject(subject_src), hint) if subject_src else _Place()
    if place.region_obj is None:
        for alt in filter(None, [doc.meta_hints.get("html_title"), sig_org, _labelled(doc, "填报单位\\(盖章\\)|填报单位")]):
            p2 = _classify(_subject(alt), hint)
            if p2.region_obj is not None:
                place = p2
                break

    reg = place.region_obj
    prov = gz.province(reg) if reg else hint
    if reg is not None and reg.level == "province" and place.level == "province":
        prov = reg
    adcode = reg.adcode if reg is not None and place.level in ("province", "prefecture", "county") else None
    parent = None
    if reg is not None:
        parent = reg.name if place.level in ("zone", "department", "township") else (
            gz.parent(reg).name if gz.parent(reg) else None)

    ntext = "\n".join(N(ln.text) for ln in doc.lines)
    template, confidence = detect_template(ntext, year)
    if confidence == "low":
        warn.append(f"template not recognisable from the tables; assumed {template!r} from the year")
    scopes = _scopes(ntext, place.level)

    publisher = sig_org or _labelled(doc, "来源|发布机构|发布单位") or _compiled_by(doc) or _labelled(
        doc, "填报单位\\(盖章\\)|填报单位")
    period_start = dt.date(year, 1, 1) if year else None
    period_end = dt.date(year, 12, 31) if year else None

    if year is None:
        warn.append("report year not found")
    if place.region is None:
        warn.append("region not found")
    elif reg is None and place.level != "central_dept":
        warn.append(f"region {place.region!r} not in the gazetteer: province and adcode unknown")
    if place.level is None and place.region is not None:
        warn.append(f"administrative level of {place.region!r} not determined")

    return ReportMeta(
        region=place.region, province=prov.name if prov else None, level=place.level, adcode=adcode,
        year=year, template=template, publisher=publisher, published=published, scope=scopes[0],
        title=title, source=doc.source, parent_region=parent, agency=place.agency,
        template_confidence=confidence, template_variant=detect_variant(ntext, template),
        signature_date=sig_date, period_start=period_start, period_end=period_end,
        scopes=scopes, warnings=warn)


def meta_warnings(meta: ReportMeta) -> list[MetadataWarning]:
    return [MetadataWarning(f"{meta.source}: {w}") for w in meta.warnings]
