"""Run-together tables: how fast a full 2021 Table 3 + Table 4 with every cell boundary lost is
solved, and how many cells come out settled, open (ambiguous) or wrong.

``python -m benchmarks.bench_runtogether [N] [--seed S]`` generates N random consistent tables
(applicant columns add up, outcome rows add up to (七)总计, 新收 + 结转 = 总计 + 结转下年,
Table 4 groups add up), writes each as one glued line per table, parses it, and prints figures.
Nothing is asserted: speed is not a test.
"""
from __future__ import annotations

import argparse
import math
import random
import statistics
import time
import warnings

from gikit.document import Document
from gikit.meta import ReportMeta
from gikit.tables import extract_tables
from gikit.tablespec import rows_for

APPS = ["natural_person", "commercial_enterprise", "research_institution", "social_welfare_org",
        "legal_service_org", "other_org"]
HEADER3 = "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
HEADER4 = ("行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉"
           "结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计")
T4 = [f"{g}.{c}" for g in ("review", "litigation.direct", "litigation.after_review")
      for c in ("upheld", "corrected", "other", "pending", "total")]


def _count(rng: random.Random, scale: int) -> int:
    """Mostly zeros, sometimes small, now and then large (as in real tables)."""
    r = rng.random()
    return 0 if r < 0.6 else rng.randint(1, 9) if r < 0.9 else rng.randint(10, scale)


def table(rng: random.Random) -> tuple[str, str, dict[tuple[str, str | None], int]]:
    """One consistent 2021 Table 3 and Table 4 as glued lines, and the values typed into them."""
    specs = [r for r in rows_for("fmt2021") if r.table == "T3"]
    leaves = [r for r in specs if r.kind == "value" and r.code.startswith("requests.outcome.")
              and r.code != "requests.outcome.total"]
    vals: dict[str, list[int]] = {}
    for r in leaves:
        vals[r.code] = [_count(rng, 300 if a == "natural_person" else 40) for a in APPS]
    total = [sum(vals[r.code][i] for r in leaves) for i in range(6)]
    out = [_count(rng, 30) for _ in APPS]
    carry_in = [rng.randint(0, t + o) if rng.random() < 0.3 else 0 for t, o in zip(total, out)]
    vals["requests.outcome.total"] = total
    vals["requests.carryover.out"] = out
    vals["requests.carryover.in"] = carry_in
    vals["requests.received.total"] = [t + o - c for t, o, c in zip(total, out, carry_in)]
    truth: dict[tuple[str, str | None], int] = {}
    line = HEADER3
    for r in specs:
        line += r.label
        if r.code in vals:
            row = vals[r.code] + [sum(vals[r.code])]
            line += "".join(map(str, row))
            truth.update({(r.code, a): v for a, v in zip(APPS + ["total"], row)})
    t4 = []
    for _ in range(3):
        group = [_count(rng, 12) for _ in range(4)]
        t4 += group + [sum(group)]
    truth.update({(c, None): v for c, v in zip(T4, t4)})
    return line, HEADER4 + "".join(map(str, t4)), truth


def run(n: int, seed: int) -> None:
    rng = random.Random(seed)
    times, settled, open_, wrong, cells = [], 0, 0, 0, 0
    for _ in range(n):
        t3, t4, truth = table(rng)
        doc = Document.from_lines(["某某市2021年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", t3,
                                   "四、政府信息公开行政复议、行政诉讼情况", t4, "五、存在的主要问题及改进情况"])
        start = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            obs, _ = extract_tables(doc, ReportMeta(template="fmt2021"))
        times.append(time.perf_counter() - start)
        got = {(o.code, o.applicant): o.value for o in obs}
        for key, v in truth.items():
            cells += 1
            x = got.get(key, math.nan)
            if math.isnan(x):
                open_ += 1
            elif x == v:
                settled += 1
            else:
                wrong += 1
    ms = sorted(1000 * t for t in times)
    print(f"run-together 2021 Table 3 (175 cells) + Table 4 (15 cells), {n} random tables, seed {seed}")
    print(f"  time per report: median {statistics.median(ms):.1f} ms, p95 {ms[int(0.95 * (n - 1))]:.1f} ms, "
          f"max {ms[-1]:.1f} ms")
    print(f"  cells: {cells}; settled and right {settled} ({100 * settled / cells:.2f}%), "
          f"left NaN as ambiguous {open_} ({100 * open_ / cells:.2f}%), wrong {wrong}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.bench_runtogether", description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=200, help="number of random tables (default 200)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    run(args.n, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
