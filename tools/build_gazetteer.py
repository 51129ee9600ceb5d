"""Build gikit/data/regions.csv, the region gazetteer, from a public data set on PyPI.

Source: the ``adcodes.csv`` resource of the ``cpca`` package (version 0.5.5, MIT licence,
https://pypi.org/project/cpca/), itself taken from the national administrative-division
codes (GB/T 2260, 12-digit statistical codes, 2020 snapshot): 34 province-level units,
the prefecture-level units and the county-level units.

Usage::

    pip download --no-deps cpca==0.5.5 -d /tmp/cpca && unzip -o /tmp/cpca/*.whl -d /tmp/cpca
    python tools/build_gazetteer.py /tmp/cpca/cpca/resources/adcodes.csv

Placeholder rows (市辖区, 县, 省直辖县级行政区划 …) are dropped; counties under a placeholder
get the province as parent.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "省直辖县级行政单位",
                "自治区直辖县级行政单位"}


def main(src: str) -> None:
    rows = {}
    with open(src, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            rows[r["adcode"][:6]] = r["name"]
    out = []
    for code, name in sorted(rows.items()):
        if name in PLACEHOLDERS:
            continue
        prov = code[:2] + "0000"
        if code.endswith("0000"):
            level, parent = "province", ""
        elif code.endswith("00"):
            level, parent = "prefecture", prov
        else:
            level = "county"
            pref = code[:4] + "00"
            parent = pref if pref in rows and rows[pref] not in PLACEHOLDERS else prov
        out.append({"adcode": code, "name": name, "level": level, "parent_adcode": parent,
                    "province_adcode": prov})
    dest = Path(__file__).resolve().parents[1] / "gikit" / "data" / "regions.csv"
    with open(dest, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(out[0]))
        w.writeheader()
        w.writerows(out)
    print(f"wrote {len(out)} regions to {dest}")


if __name__ == "__main__":
    main(sys.argv[1])
