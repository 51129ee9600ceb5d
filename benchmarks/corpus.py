"""A corpus generator: realistic reports with random but identity-consistent figures, and the
figures each one states, so a benchmark can check that every generated number is recovered.

Reports follow the three templates as data (``gikit/templates/*.tsv`` via ``gikit.tablespec``):
the rows, columns and sums of the real forms. Every report has a title, an intro with the
statistical period, several sections of work narrative (no figures in it) and a signature, and
comes out in one of these shapes:

* ``html`` — tables as ``<table>`` grids with rowspan/colspan (via ``tests/fixtures/build.py``);
* ``pdf`` — the same as an A4 PDF with ruled tables, running header and page numbers
  (reportlab with the STSong-Light CID font, via ``tests/fixtures/build.py``);
* ``txt`` with one of the table layouts gikit reads: ``pipes`` (``a | b | c``), ``label_value``
  (``label 8 0 0``), ``one_per_line`` (every cell on its own line);
* ``prose`` — an old-era report whose statistics are only stated in sentences (SPEC §3.7).

Figures: Table 3 per applicant column with ``received + carried in = answered + carried out``
and ``answered = Σ outcomes``; the total column is the sum of the applicant columns; Table 4
totals are the sum of their four results; old tables keep channels = received, on time +
extended = closed, Σ items 1–8 = answered, Σ reasons = refused, full + part time = staff. Some old
cells print 无 (recorded as 0).

>>> g = generate_one(0, seed=1, fmt="txt", layout="pipes", template="fmt2021")
>>> g.template, g.expected[("requests.received.total", "total")] >= 0
('fmt2021', True)
"""
from __future__ import annotations

import csv
import json
import random
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from gikit import codes
from gikit.tablespec import columns_for, rows_for

APPLICANTS = ("natural_person", "commercial_enterprise", "research_institution", "social_welfare_org",
              "legal_service_org", "other_org")
#: printed unit word of each code unit (the old table's 单位 column)
UNIT_WORDS = {"item": "条", "case": "件", "doc": "件", "times": "次", "article": "篇", "unit": "个",
              "person": "人", "person_time": "人次", "wan_yuan": "万元", "yuan": "元"}
#: (format, layout) shapes and how often each is drawn
SHAPES = (("txt", "pipes", 3), ("txt", "label_value", 2), ("txt", "one_per_line", 3), ("html", "grid", 4),
          ("txt", "prose", 2))
CORNER = "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)"

#: narrative sentences without figures (they pad reports to realistic lengths)
NARRATIVE = (
    "坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开。",
    "不断完善政府信息公开制度，健全信息发布审核机制，严格落实保密审查要求。",
    "持续加强政府网站和政务新媒体建设管理，推动政务公开工作规范、有序、健康发展。",
    "围绕优化营商环境、乡村振兴、生态环境保护等重点领域，及时准确发布权威信息。",
    "进一步规范依申请公开办理流程，严格按照法定时限答复，切实保障人民群众的知情权。",
    "加强政策解读工作，采用图文、视频、问答等多种形式，提高政策知晓度和透明度。",
    "健全政府信息管理动态调整机制，对已公开的政府信息进行全面梳理和更新。",
    "强化政务公开平台建设，优化政府门户网站栏目设置，提升网站信息检索功能。",
    "认真落实政务公开工作要点，将政务公开工作纳入年度绩效考核，压实工作责任。",
    "组织开展政务公开业务培训，提升工作人员的业务能力和依法公开意识。",
    "积极回应社会关切，对群众关心关注的热点问题及时发声、主动解读。",
    "推进基层政务公开标准化规范化建设，编制完善基层政务公开事项标准目录。",
    "加强政府公报编辑发行工作，及时刊登规章和行政规范性文件，方便群众查阅。",
    "落实重大行政决策预公开制度，广泛听取公众意见，提高决策的科学性和民主性。",
    "规范行政规范性文件管理，严格执行合法性审查、集体讨论决定和统一发布制度。",
    "推进政务服务事项网上办理，进一步优化办事流程，提升群众办事便利度。",
)
PROBLEMS = ("一是公开内容还不够全面，二是政策解读形式较为单一，三是基层政务公开工作发展不够平衡。"
            "下一步，将进一步加强统筹协调，完善工作机制，持续提升政务公开工作质量和实效。")


@dataclass
class Generated:
    """One generated report: the file bytes and every figure it states."""

    name: str
    fmt: str
    layout: str
    template: str
    region: str
    year: int
    data: bytes
    expected: dict[tuple[str, str], float] = field(default_factory=dict)
    pages: int = 0

    @property
    def file(self) -> str:
        return f"{self.name}.{self.fmt}"


# ---------------------------------------------------------------- regions

@lru_cache(maxsize=1)
def regions() -> list[str]:
    """Prefecture- and county-level names that occur once in the gazetteer (unambiguous)."""
    with resources.files("gikit").joinpath("data/regions.csv").open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["level"] in ("prefecture", "county")]
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["name"]] = counts.get(r["name"], 0) + 1
    return sorted(n for n, k in counts.items() if k == 1 and len(n) >= 3)


# ---------------------------------------------------------------- figures

def _small(rng: random.Random, hi: int, p_zero: float = 0.5) -> int:
    return 0 if rng.random() < p_zero else rng.randint(1, hi)


def _t3_figures(rng: random.Random, template: str) -> dict[tuple[str, str], int]:
    specs = [s for s in rows_for(template) if s.table == "T3" and s.kind == "value"]
    fixed = {"requests.received.total", "requests.carryover.in", "requests.outcome.total", "requests.carryover.out"}
    leaves = [s.code for s in specs if s.code not in fixed]
    out: dict[tuple[str, str], int] = {}
    for a in APPLICANTS:
        scale = rng.randint(5, 300) if a == "natural_person" else rng.choice((0, 0, 2, 5, 20))
        vals = {c: _small(rng, max(1, scale // 4), 0.6 if a != "natural_person" else 0.3) for c in leaves}
        if scale and "requests.outcome.disclosed" in vals:
            vals["requests.outcome.disclosed"] += rng.randint(0, scale)
        answered = sum(vals.values())
        carry_out = _small(rng, 5)
        carry_in = min(_small(rng, 5), answered + carry_out)
        vals.update({"requests.outcome.total": answered, "requests.carryover.out": carry_out,
                     "requests.carryover.in": carry_in,
                     "requests.received.total": answered + carry_out - carry_in})
        out.update({(c, a): v for c, v in vals.items()})
    for s in specs:
        out[(s.code, "total")] = sum(out[(s.code, a)] for a in APPLICANTS)
    return out


def _t4_figures(rng: random.Random) -> dict[str, int]:
    out = {}
    for g in ("review", "litigation.direct", "litigation.after_review"):
        parts = {f"{g}.{k}": _small(rng, 12) for k in ("upheld", "corrected", "other", "pending")}
        out.update(parts)
        out[f"{g}.total"] = sum(parts.values())
    return out


def _t2_figures(rng: random.Random, template: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for s in rows_for(template):
        if not s.table.startswith("T2") or s.kind != "value" or s.code.startswith("ext."):
            continue
        for col in columns_for(template, s.table):
            code = s.code.replace("{col}", col.key)
            if col.key == "items_change":
                out[code] = rng.randint(-20, 30)
            elif col.key == "amount" and template == "fmt2021":
                out[code] = round(rng.uniform(0, 5000), 2)
            elif col.key in ("decisions", "amount"):
                out[code] = rng.randint(0, 60000)
            else:
                out[code] = rng.randint(0, 400)
    return out


def _old_figures(rng: random.Random) -> dict[str, float]:
    f: dict[str, float] = {}
    ch = {k: rng.randint(0, 3000) for k in ("gazette", "website", "weibo", "weixin", "other")}
    f.update({f"active.items.channel.{k}": v for k, v in ch.items()})
    f["active.items.total"] = sum(ch.values()) - rng.randint(0, min(ch.values()))
    f["active.normative_docs.issued_legacy"] = rng.randint(0, 80)
    f["active.normative_docs.published"] = rng.randint(0, int(f["active.normative_docs.issued_legacy"]))
    f["response.hotspots.total"] = rng.randint(0, 60)
    for k in ("press_conferences", "online_interviews"):
        f[f"response.{k}.total"] = rng.randint(0, 40)
        f[f"response.{k}.principal"] = rng.randint(0, int(f[f"response.{k}.total"]))
    for k in ("interpretation_articles", "weibo_weixin_events", "other_events"):
        f[f"response.{k}"] = rng.randint(0, 200)
    channels = {k: _small(rng, 80, 0.2) for k in ("in_person", "fax", "online", "letter")}
    f.update({f"requests.received.channel.{k}": v for k, v in channels.items()})
    received = sum(channels.values())
    f["requests.received.total"] = received
    f["requests.closed.total"] = received
    f["requests.closed.extended"] = rng.randint(0, received // 10)
    f["requests.closed.on_time"] = received - f["requests.closed.extended"]
    reasons = ["requests.outcome.withheld.state_secret", "requests.outcome.legacy.refused.commercial_secret",
               "requests.outcome.legacy.refused.personal_privacy", "requests.outcome.withheld.security_stability",
               "requests.outcome.legacy.refused.not_gov_info", "requests.outcome.legacy.refused.other_legal"]
    items = ["requests.outcome.legacy.already_public", "requests.outcome.partially_disclosed",
             "requests.outcome.legacy.not_this_agency", "requests.outcome.legacy.not_exist",
             "requests.outcome.legacy.needs_amendment", "requests.outcome.legacy.other_channel"]
    left = received
    for c in reasons + items:
        f[c] = min(left, _small(rng, max(1, received // 8)))
        left -= f[c]
    f["requests.outcome.legacy.refused.total"] = sum(f[c] for c in reasons)
    f["requests.outcome.legacy.agreed"] = left
    f["requests.outcome.total"] = received
    for g in ("review", "litigation"):
        parts = {f"{g}.upheld": _small(rng, 6), f"{g}.corrected": _small(rng, 3), f"{g}.other_legacy": _small(rng, 3)}
        f.update(parts)
        f[f"{g}.total"] = sum(parts.values())
    f["complaints.total"] = _small(rng, 10)
    f["fees.request_cost_recovery"] = 0.0
    f["capacity.dedicated_units"] = rng.randint(1, 120)
    f["capacity.reading_points"] = rng.randint(1, 120)
    f["capacity.staff.full_time"] = rng.randint(1, 100)
    f["capacity.staff.part_time"] = rng.randint(0, 300)
    f["capacity.staff.total"] = f["capacity.staff.full_time"] + f["capacity.staff.part_time"]
    f["capacity.special_funds"] = round(rng.uniform(0, 80), 2)
    f["training.meetings"] = rng.randint(0, 30)
    f["training.classes"] = rng.randint(0, 30)
    f["training.trainees"] = rng.randint(0, 3000)
    return f


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:.2f}"


# ---------------------------------------------------------------- tables (rows of cells; a cell is
# a string or (text, rowspan, colspan), the format of tests/fixtures/build.py)

def _spread(cells: list[str]) -> list:
    """Value cells spread over the three value columns of the Table 2 grid."""
    widths = {1: (3,), 2: (1, 2), 3: (1, 1, 1)}[len(cells)]
    return [c if w == 1 else (c, 1, w) for c, w in zip(cells, widths)]


def _t2_table(template: str, figs: dict[str, float]) -> list[list]:
    rows: list[list] = []
    for t in ("T2.1", "T2.5", "T2.6", "T2.8", "T2.9"):
        cols = columns_for(template, t)
        if not cols:
            continue
        block = next(s.label for s in rows_for(template) if s.table == t and s.label.startswith("第二十条"))
        rows.append([(block, 1, 4)])
        rows.append(["信息内容", *_spread([c.labels[0] for c in cols])])
        for s in rows_for(template):
            if s.table == t and s.kind == "value" and not s.code.startswith("ext."):
                rows.append([s.label, *_spread([_num(figs[s.code.replace("{col}", c.key)]) for c in cols])])
    return rows


def _t3_table(template: str, figs: dict[tuple[str, str], int]) -> list[list]:
    specs = [s for s in rows_for(template) if s.table == "T3" and s.kind in ("value", "group")]
    cols = [c.key for c in columns_for(template, "T3")]
    rows: list[list] = [
        [(CORNER, 3, 3), ("申请人情况", 1, 7)],
        [("自然人", 2, 1), ("法人或其他组织", 1, 5), ("总计", 2, 1)],
        ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"],
    ]
    top = ("requests.received.total", "requests.carryover.in", "requests.carryover.out")
    outcome_rows = sum(1 for s in specs if s.kind == "value" and s.code not in top)
    n_leaves: dict[str, int] = {}
    group = None
    for s in specs:  # how many numbered leaves each group row spans
        if s.kind == "group":
            group = s.code
            n_leaves[group] = 0
        elif group and s.label[0].isdigit():
            n_leaves[group] += 1
        else:
            group = None
    pending, first = None, True
    for s in specs:
        if s.kind == "group":
            pending = s
            continue
        vals = [str(figs[(s.code, a)]) for a in cols]
        if s.code in top:
            rows.append([(s.label, 1, 3), *vals])
            continue
        lead: list = [("三、本年度办理结果", outcome_rows, 1)] if first else []
        first = False
        if s.label[0].isdigit():
            if pending is not None:
                lead.append((pending.label, n_leaves[pending.code], 1))
                pending = None
            rows.append([*lead, s.label, *vals])
        else:
            pending = None
            rows.append([*lead, (s.label, 1, 2), *vals])
    return rows


def _t4_table(figs: dict[str, int]) -> list[list]:
    order = [c.key for c in columns_for("fmt2021", "T4")]
    return [
        [("行政复议", 2, 5), ("行政诉讼", 1, 10)],
        [("未经复议直接起诉", 1, 5), ("复议后起诉", 1, 5)],
        ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3,
        [str(figs[k]) for k in order],
    ]


def _old_table(rng: random.Random, figs: dict[str, float]) -> tuple[list[list], dict[str, float], set[str]]:
    rows: list[list] = [["统计指标", "单位", "统计数"]]
    zero_words = set()
    for s in rows_for("old"):
        if s.table != "old" or s.label == "统计指标":
            continue
        if s.kind == "header":
            rows.append([s.label, "—", ""])
            continue
        v = figs[s.code]
        text = _num(v)
        if v == 0 and rng.random() < 0.5:
            text = "无"
            zero_words.add(s.code)
        rows.append([s.label, UNIT_WORDS.get(codes.unit(s.code) or "", "件"), text])
    return rows, figs, zero_words


# ---------------------------------------------------------------- text layouts

def _cell_text(cell) -> str:  # noqa: ANN001
    return cell if isinstance(cell, str) else cell[0]


def _is_number(text: str) -> bool:
    return bool(re.fullmatch(r"[-+]?\d+(?:\.\d+)?|无", text))


def render_table(table: list[list], layout: str) -> list[str]:
    """A table as text lines in one of the layouts gikit reads (origin cells only, as a page
    that lost its table markup prints them)."""
    lines: list[str] = []
    for row in table:
        cells = [_cell_text(c) for c in row]
        if layout == "pipes":
            lines.append(" | ".join(cells))
        elif layout == "one_per_line":
            lines.extend(cells)
        else:  # label_value: labels on their own lines, then "label v v v"
            labels = [c for c in cells if not _is_number(c)]
            values = [c for c in cells if _is_number(c) or c == "—" or c in UNIT_WORDS.values()]
            if not labels:
                lines.extend(values)  # a row of figures only (Table 4): one per line
                continue
            labels = [c for c in labels if c not in values]
            lines.extend(labels[:-1])
            lines.append(" ".join([labels[-1], *values]) if labels else " ".join(values))
    return lines


# ---------------------------------------------------------------- prose-only (old era, SPEC §3.7)

def _prose_paragraphs(f: dict[str, float]) -> tuple[list[str], dict[str, float]]:
    g = {k: int(v) for k, v in f.items()}
    said = {}
    paras = [
        f"全年共受理依申请公开{g['requests.received.total']}件，其中当面申请{g['requests.received.channel.in_person']}件，"
        f"传真申请{g['requests.received.channel.fax']}件，网络申请{g['requests.received.channel.online']}件，"
        f"信函申请{g['requests.received.channel.letter']}件。按时办结{g['requests.closed.on_time']}件，"
        f"延期办结{g['requests.closed.extended']}件。",
        f"已答复的{g['requests.outcome.total']}件申请中，属于已主动公开范围的{g['requests.outcome.legacy.already_public']}件，"
        f"同意公开答复{g['requests.outcome.legacy.agreed']}件，同意部分公开{g['requests.outcome.partially_disclosed']}件，"
        f"不同意公开答复{g['requests.outcome.legacy.refused.total']}件，"
        f"不属于本行政机关公开的{g['requests.outcome.legacy.not_this_agency']}件，"
        f"申请信息不存在的{g['requests.outcome.legacy.not_exist']}件，"
        f"告知作出更改补充的{g['requests.outcome.legacy.needs_amendment']}件，"
        f"告知通过其他途径办理的{g['requests.outcome.legacy.other_channel']}件。",
        f"全年政府信息公开工作专门机构{g['capacity.dedicated_units']}个，设置政府信息公开查阅点{g['capacity.reading_points']}个，"
        f"从事政府信息公开工作人员{g['capacity.staff.total']}名，其中专职人员{g['capacity.staff.full_time']}名，"
        f"兼职人员{g['capacity.staff.part_time']}名。",
    ]
    for k in ("requests.received.total", "requests.received.channel.in_person", "requests.received.channel.fax",
              "requests.received.channel.online", "requests.received.channel.letter", "requests.closed.on_time",
              "requests.closed.extended", "requests.outcome.total", "requests.outcome.legacy.already_public",
              "requests.outcome.legacy.agreed", "requests.outcome.partially_disclosed",
              "requests.outcome.legacy.refused.total", "requests.outcome.legacy.not_this_agency",
              "requests.outcome.legacy.not_exist", "requests.outcome.legacy.needs_amendment",
              "requests.outcome.legacy.other_channel", "capacity.dedicated_units", "capacity.reading_points",
              "capacity.staff.total", "capacity.staff.full_time", "capacity.staff.part_time"):
        said[k] = float(g[k])
    return paras, said


# ---------------------------------------------------------------- whole reports

def _narrative(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(NARRATIVE) for _ in range(n))


def generate_one(i: int, seed: int = 0, fmt: str | None = None, layout: str | None = None,
                 template: str | None = None, target_chars: int | None = None) -> Generated:
    """Report number ``i`` of the corpus with ``seed`` (the same arguments give the same report)."""
    rng = random.Random(f"{seed}-{i}")
    if fmt is None or layout is None:
        shapes = [(f, lay) for f, lay, w in SHAPES for _ in range(w)]
        fmt, layout = rng.choice(shapes)
    if layout == "prose":
        template = "old"
    template = template or rng.choice(("old", "fmt2019", "fmt2021"))
    year = {"old": rng.randint(2014, 2018), "fmt2019": rng.randint(2019, 2020),
            "fmt2021": rng.randint(2021, 2024)}[template]
    region = rng.choice(regions())
    office = f"{region}人民政府办公室"
    title = f"{region}{year}年政府信息公开工作年度报告"
    intro = (f"本报告由{office}根据《中华人民共和国政府信息公开条例》要求编制。报告中所列数据统计期限自"
             f"{year}年1月1日起至{year}年12月31日止。如对本报告有疑问，请与{office}联系。")
    target = target_chars or rng.randint(3000, 8000)  # narrative characters (≈ 9–24 KB of UTF-8)
    expected: dict[tuple[str, str], float] = {}
    tables: list[tuple[str, list[list]]] = []
    prose: list[str] = []
    if template == "old":
        figs = _old_figures(rng)
        if layout == "prose":
            prose, said = _prose_paragraphs(figs)
            expected.update({(k, "total"): v for k, v in said.items()})
        else:
            table, figs, _ = _old_table(rng, figs)
            tables.append(("附表 政府信息公开情况统计表", table))
            expected.update({(k, "total"): float(v) for k, v in figs.items()})
    else:
        t2, t3, t4 = _t2_figures(rng, template), _t3_figures(rng, template), _t4_figures(rng)
        tables += [("二、主动公开政府信息情况", _t2_table(template, t2)),
                   ("三、收到和处理政府信息公开申请情况", _t3_table(template, t3)),
                   ("四、政府信息公开行政复议、行政诉讼情况", _t4_table(t4))]
        expected.update({(k, "total"): float(v) for k, v in {**t2, **t4}.items()})
        expected.update({k: float(v) for k, v in t3.items()})
    n_sentences = max(12, target // 36)
    body = [_narrative(rng, max(2, n_sentences // 6)) for _ in range(6)]
    report: list[tuple[str, object]] = [("title", title), ("p", intro), ("h", "一、总体情况"), ("p", body[0]),
                                         ("p", body[1]), ("p", body[2])]
    if template == "old":
        report += [("h", "二、主动公开政府信息情况"), ("p", body[3]),
                   ("h", "三、依申请公开政府信息情况"), *[("p", p) for p in prose[:2]], ("p", body[4]),
                   ("h", "四、政府信息公开的收费及减免情况"), ("p", "全年无涉及收费和减免情况。"),
                   ("h", "五、机构建设和保障经费情况"), *[("p", p) for p in prose[2:]],
                   ("h", "六、存在的主要问题及改进情况"), ("p", PROBLEMS + body[5])]
        report += [item for name, t in tables for item in (("h", name), ("table", t))]
    else:
        for name, t in tables:
            report += [("h", name), ("table", t)]
        report += [("h", "五、存在的主要问题及改进情况"), ("p", PROBLEMS + body[3]), ("p", body[4]),
                   ("h", "六、其他需要报告的事项"), ("p", body[5])]
    report += [("p", office), ("p", f"{year + 1}年1月{rng.randint(10, 28)}日")]
    name = f"r{i:06d}_{template}_{layout}"
    g = Generated(name, fmt, layout, template, region, year, b"", expected)
    g.data = render(report, fmt, layout, office)
    if fmt == "pdf":
        g.pages = len(re.findall(rb"/Type /Page\b", g.data))
    return g


def render(report: list, fmt: str, layout: str, header: str = "") -> bytes:
    """Bytes of a report in ``fmt`` (txt, html, pdf); text tables in ``layout``."""
    if fmt in ("html", "pdf"):
        from tests.fixtures import build  # the writers of the test fixtures (reportlab for PDF)

        return build.to_html(report) if fmt == "html" else build.to_pdf(report, ruled=True, header=header)
    lines: list[str] = []
    for kind, content in report:
        if kind == "table":
            lines += render_table(content, layout)
        else:
            lines.append(str(content))
    return "\n".join(lines).encode("utf-8")


def generate(n: int, seed: int = 0, **kwargs) -> list[Generated]:  # noqa: ANN003
    """``n`` reports (shapes drawn with the weights of ``SHAPES`` unless ``fmt``/``layout`` given)."""
    return [generate_one(i, seed, **kwargs) for i in range(n)]


def write_corpus(folder: str | Path, reports: list[Generated]) -> Path:
    """Write the files and ``expected.json`` (file → template, region, year, figures)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    manifest = {}
    for g in reports:
        (folder / g.file).write_bytes(g.data)
        manifest[g.file] = {"template": g.template, "region": g.region, "year": g.year, "layout": g.layout,
                            "pages": g.pages,
                            "figures": [[c, a, v] for (c, a), v in g.expected.items()]}
    (folder / "expected.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return folder


def recovery(report, expected: dict[tuple[str, str], float]) -> list[tuple[str, str, float, float]]:  # noqa: ANN001
    """The generated figures the parsed ``report`` does not give back: (code, applicant, expected, got)."""
    import math

    misses = []
    for (code, applicant), want in expected.items():
        got = report.value(code, applicant=applicant)
        if math.isnan(got) or abs(got - want) > 1e-9:
            misses.append((code, applicant, want, got))
    return misses
