"""Rich HTML display (``_repr_html_``) of reports: a small card ending in a hint line."""
from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .report import Report

_FIELDS = [("Region", "region"), ("Province", "province"), ("Level", "level"), ("Adcode", "adcode"),
           ("Year", "year"), ("Template", "template"), ("Scope", "scope"), ("Publisher", "publisher"),
           ("Published", "published")]


def report_card(r: "Report") -> str:
    m = r.meta
    rows = "".join(
        f"<tr><th style='text-align:left;padding-right:1em'>{k}</th><td>{html.escape(str(getattr(m, a)))}</td></tr>"
        for k, a in _FIELDS if getattr(m, a) is not None)
    n = int(r.indicators["value"].notna().sum()) if not r.indicators.empty else 0
    warn = ""
    if r.warnings:
        items = "".join(f"<li>{html.escape(str(w))}</li>" for w in r.warnings[:5])
        more = f"<li>… and {len(r.warnings) - 5} more</li>" if len(r.warnings) > 5 else ""
        warn = f"<details><summary>{len(r.warnings)} warnings</summary><ul>{items}{more}</ul></details>"
    title = html.escape(m.title or r.report_id)
    return (f"<div style='border:1px solid #ccc;border-radius:6px;padding:8px;max-width:640px'>"
            f"<b>{title}</b><table>{rows}</table>"
            f"<p>{n} figures · {len(r.section_list)} sections</p>{warn}"
            f"<p style='color:#666'><code>r.indicators</code> · <code>r.requests</code> · "
            f"<code>r.checks()</code> · <code>r.plot.outcomes()</code></p></div>")
