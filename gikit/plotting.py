"""Plots of reports and collections, seaborn style: ``f(data, *, hue=None, order=None, ax=None,
lang="en", **kwargs) -> Axes``. They draw on ``ax`` (``plt.gca()`` when None), never call
``plt.show()`` and never touch rcParams.

Labels are English by default, so the plots render everywhere (Chinese place names are romanised
to pinyin). ``lang="zh"`` uses Chinese labels when a CJK font is installed; otherwise it warns once
(``FontWarning``, naming the font package to install) and keeps English labels.

>>> import gikit
>>> ax = outcomes(gikit.load_report("xilinhot-2021", warn=False))
>>> ax.get_title()
'Xilinhaote 2021: outcomes of information requests'
"""
from __future__ import annotations

import csv
import re
import warnings
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from . import codes as _codes
from .exceptions import FontWarning
from .metrics import outcome_counts, outcome_group_ids, outcome_group_label

if TYPE_CHECKING:
    from .collection import ReportCollection
    from .report import Report

LANGS = ("en", "zh")
#: the font package named in the warning when no CJK font is installed
FONT_HINT = ("install a CJK font, e.g. `apt install fonts-noto-cjk` (Debian/Ubuntu), "
             "`brew install --cask font-noto-sans-cjk-sc` (macOS), then clear matplotlib's font cache")
#: default indicators of ``heatmap`` and the explorer
DEFAULT_CODES = ["h.requests.received", "h.requests.decided", "h.requests.granted_full",
                 "h.requests.granted_partial", "h.requests.info_not_held", "h.review.total", "h.litigation.total"]
_warned: set[str] = set()
_CJK = re.compile(r"[\u3400-\u9fff]+")


# ---------------------------------------------------------------- labels and fonts

@lru_cache(maxsize=1)
def _labels() -> dict[str, dict[str, str]]:
    with resources.files("gikit").joinpath("data/plot_labels.tsv").open(encoding="utf-8") as f:
        return {r["key"]: {"en": r["en"], "zh": r["zh"]} for r in csv.DictReader(f, delimiter="\t")}


def text(key: str, lang: str = "en") -> str:
    """A plot word (axis label, title) in English or Chinese, from ``data/plot_labels.tsv``."""
    return _labels().get(key, {}).get(lang, key)


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """The first installed font family with Chinese glyphs (``data/cjk_fonts.txt``), else None."""
    from matplotlib import font_manager  # noqa: PLC0415

    with resources.files("gikit").joinpath("data/cjk_fonts.txt").open(encoding="utf-8") as f:
        wanted = [ln.strip() for ln in f if ln.strip() and not ln.startswith("#")]
    installed = {fe.name for fe in font_manager.fontManager.ttflist}
    for name in wanted:
        if name in installed:
            return name
    return next((n for n in sorted(installed) if "CJK" in n), None)


def resolve_lang(lang: str) -> tuple[str, str | None]:
    """``(lang actually used, font family)``: ``"zh"`` falls back to ``"en"`` (warning once) when no
    CJK font is installed."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    if lang == "en":
        return "en", None
    family = cjk_font()
    if family:
        return "zh", family
    if "zh" not in _warned:
        _warned.add("zh")
        warnings.warn(FontWarning(f"no CJK font found for Chinese plot labels; using English labels. "
                                  f"To get Chinese labels, {FONT_HINT}."), stacklevel=3)
    return "en", None


def latin(name: Any) -> str:
    """Romanise the Chinese parts of a label (pinyin, administrative suffix dropped).

    >>> latin("锡林浩特市-2021"), latin(2021)
    ('Xilinhaote-2021', '2021')
    """
    from pypinyin import lazy_pinyin  # noqa: PLC0415

    from .gazetteer import short_name  # noqa: PLC0415

    def one(m: re.Match[str]) -> str:
        run = short_name(m.group(0)) or m.group(0)
        return "".join(lazy_pinyin(run)).capitalize()

    return _CJK.sub(one, str(name))


def _name(value: Any, lang: str) -> str:
    return str(value) if lang == "zh" else latin(value)


def code_label(code: str, lang: str = "en") -> str:
    """Label of an indicator code (``gikit.codes``) or a metric id."""
    from .metrics import metric_ids, metric_label  # noqa: PLC0415

    return metric_label(code, lang) if code in metric_ids() else _codes.label(code, lang)


def _finish(ax: Axes, family: str | None) -> Axes:
    """Give every text of ``ax`` the CJK font family (only for ``lang="zh"``)."""
    if family:
        texts = [ax.title, ax.xaxis.label, ax.yaxis.label, *ax.get_xticklabels(), *ax.get_yticklabels(),
                 *ax.texts]
        legend = ax.get_legend()
        if legend is not None:
            texts += [*legend.get_texts(), legend.get_title()]
        for t in texts:
            t.set_fontfamily(family)
    return ax


def _no_hue(hue: Any, func: str) -> None:
    if hue is not None:
        raise ValueError(f"{func}() draws one report; it has no hue (got hue={hue!r})")


# ---------------------------------------------------------------- data conversion

def _collection(data: Any) -> "ReportCollection":
    from .collection import ReportCollection  # noqa: PLC0415
    from .report import Report  # noqa: PLC0415

    if isinstance(data, ReportCollection):
        return data
    if isinstance(data, Report):
        return ReportCollection([data])
    if isinstance(data, Iterable) and not isinstance(data, (str, pd.DataFrame)):
        items = list(data)
        if all(isinstance(r, Report) for r in items):
            return ReportCollection(items)
    raise TypeError(f"expected a Report, a ReportCollection or a list of Reports, got {type(data).__name__}")


def _report_title(r: "Report", lang: str) -> str:
    return f"{_name(r.meta.region or r.report_id, lang)} {r.meta.year or ''}".strip()


def _ordered(df: pd.DataFrame, order: list | None) -> pd.DataFrame:
    if order is None:
        return df
    missing = [o for o in order if o not in df.index]
    if missing:
        raise ValueError(f"order names rows that are not in the data: {missing}")
    return df.loc[list(order)]


# ---------------------------------------------------------------- one report

def outcomes(data: "Report", *, hue: None = None, order: list[str] | None = None, ax: Axes | None = None,
             lang: str = "en", **kwargs: Any) -> Axes:
    """Outcome distribution of one report: requests per outcome group (horizontal bars).

    Groups without figures for the report's template are left out; ``order`` lists group ids
    (``gikit.metrics.outcome_group_ids()``). ``kwargs`` go to ``Axes.barh``.
    """
    _no_hue(hue, "outcomes")
    lang, family = resolve_lang(lang)
    ax = ax or plt.gca()
    counts = outcome_counts(data).drop("decided").dropna()
    counts = counts.reindex(order) if order is not None else counts
    labels = [outcome_group_label(g, lang) for g in counts.index]
    bars = ax.barh(labels[::-1], counts.to_numpy()[::-1], **kwargs)
    ax.bar_label(bars, fmt="%g", padding=2)
    ax.set_xlabel(text("requests", lang))
    sep = ":" if lang == "zh" else ": "
    title = text("outcomes_title", lang)
    ax.set_title(f"{_report_title(data, lang)}{sep}{title if lang == 'zh' else title[0].lower() + title[1:]}")
    return _finish(ax, family)


def funnel(data: "Report | ReportCollection", *, hue: str | None = None, order: list[str] | None = None,
           ax: Axes | None = None, lang: str = "en", log: bool = False, **kwargs: Any) -> Axes:
    """Received → decided → disputed (reconsiderations, lawsuits), from the ``h.*`` figures.

    One report: one bar per step. Several reports: grouped bars, one colour per report
    (``hue="report_id"``, the default) or per another metadata field, summed within it.
    ``log=True`` uses a log scale (disputes are often a hundredth of requests).
    """
    from .collection import ReportCollection  # noqa: PLC0415

    lang, family = resolve_lang(lang)
    ax = ax or plt.gca()
    steps = {"received": "h.requests.received", "decided": "h.requests.decided",
             "reviews": "h.review.total", "lawsuits": "h.litigation.total"}
    c = _collection(data)
    wide = c.compare(list(steps.values()), by=hue or "report_id", harmonized=False)[list(steps.values())]
    wide.columns = [text(k, lang) for k in steps]
    wide = _ordered(wide, order)
    wide.index = [_name(i, lang) for i in wide.index]
    if len(c) == 1 and not isinstance(data, ReportCollection):
        series = wide.iloc[0]
        bars = ax.bar(series.index, series.to_numpy(dtype=float), **kwargs)
        ax.bar_label(bars, fmt="%g", padding=2)
        ax.set_title(f"{_report_title(c[0], lang)}: {text('funnel_title', lang)}")
    else:
        wide.T.plot(kind="bar", ax=ax, rot=0, **kwargs)
        ax.legend(title=text(hue or "report_id", lang))
        ax.set_title(text("funnel_title", lang))
    if log:
        ax.set_yscale("log")
    ax.set_ylabel(text("cases", lang))
    ax.set_xlabel("")
    return _finish(ax, family)


# ---------------------------------------------------------------- many reports

def outcome_table(data: "ReportCollection | Iterable[Report]") -> pd.DataFrame:
    """Requests by coarse outcome group, one row per report (index ``report_id``), plus ``decided``."""
    c = _collection(data)
    rows = [outcome_counts(r).rename(rid) for rid, r in zip(c.ids, c.reports)]
    return pd.DataFrame(rows, columns=[*outcome_group_ids(), "decided"]).astype(float)


def outcome_shares(data: "ReportCollection | pd.DataFrame", *, hue: None = None, order: list[str] | None = None,
                   ax: Axes | None = None, lang: str = "en", **kwargs: Any) -> Axes:
    """Outcome shares across reports: one stacked horizontal bar per report, one segment per
    outcome group, as a share of requests decided (the sum of the groups when ``decided`` is
    missing). ``data`` is a collection or an ``outcome_table`` frame; ``order`` lists report ids.
    A report without any outcome figure gets an empty bar.
    """
    if hue is not None:
        raise ValueError("outcome_shares() colours by outcome group; it has no hue")
    lang, family = resolve_lang(lang)
    ax = ax or plt.gca()
    table = data if isinstance(data, pd.DataFrame) else outcome_table(data)
    table = _ordered(table, order)
    groups = [g for g in outcome_group_ids() if g in table.columns and table[g].notna().any()]
    denom = table["decided"].where(table["decided"] > 0, table[groups].sum(axis=1, min_count=1))
    shares = table[groups].div(denom.replace(0, np.nan), axis=0)
    shares.columns = [outcome_group_label(g, lang) for g in groups]
    shares.index = [_name(i, lang) for i in shares.index]
    if shares.empty or not groups:
        shares = pd.DataFrame(index=shares.index, data={text("requests", lang): np.nan})
    shares.iloc[::-1].plot(kind="barh", stacked=True, ax=ax, **kwargs)
    ax.set_xlim(0, 1)
    ax.set_xlabel(text("share_decided", lang))
    ax.set_ylabel("")
    ax.set_title(text("outcome_shares_title", lang))
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    return _finish(ax, family)


def compare(data: "ReportCollection | pd.DataFrame", code: str, *, by: str = "region", hue: str | None = None,
            order: list | None = None, ax: Axes | None = None, lang: str = "en", harmonized: bool = True,
            **kwargs: Any) -> Axes:
    """One indicator compared across regions, provinces, levels, years or reports (bars).

    ``data`` is a collection (``compare`` is computed with ``by``, ``hue`` and ``harmonized``) or a
    wide frame from ``ReportCollection.compare`` (index = bars, a column named ``code``). With
    ``hue`` (e.g. ``by="region", hue="year"``) the bars are grouped and coloured by ``hue``.
    """
    from .collection import harmonized_code  # noqa: PLC0415

    lang, family = resolve_lang(lang)
    ax = ax or plt.gca()
    used = harmonized_code(code) if harmonized else code
    if isinstance(data, pd.DataFrame):
        col = used if used in data.columns else code
        if col not in data.columns:
            raise ValueError(f"the frame has no column {code!r}; columns are {list(data.columns)}")
        wide = data[[col]]
    else:
        keys = [by] if hue is None else [by, hue]
        wide = _collection(data).compare([code], by=keys, harmonized=harmonized)
        col = used
        if hue is not None:
            wide = wide[col].unstack(hue)
        else:
            wide = wide[[col]]
    wide = _ordered(wide, order)
    wide.index = [_name(i, lang) for i in wide.index]
    if hue is None:
        bars = ax.bar(wide.index.astype(str), wide.iloc[:, 0].to_numpy(dtype=float), **kwargs)
        ax.bar_label(bars, fmt="%g", padding=2)
    else:
        wide.columns = [_name(cn, lang) for cn in wide.columns]
        wide.plot(kind="bar", ax=ax, rot=0, **kwargs)
        ax.legend(title=text(hue, lang))
    ax.set_title(code_label(col, lang))
    ax.set_xlabel(text(by, lang))
    unit = _codes.unit(col)
    ax.set_ylabel(text("cases", lang) if unit == "case" else (unit or ""))
    return _finish(ax, family)


def heatmap(data: "ReportCollection | pd.DataFrame", codes: list[str] | None = None, *, hue: None = None,
            order: list | None = None, ax: Axes | None = None, lang: str = "en", harmonized: bool = True,
            annot: bool = True, **kwargs: Any) -> Axes:
    """Indicators × reports: one row per report, one column per indicator, coloured by the value
    as a share of the column's maximum (so indicators of different size compare), annotated with
    the values. ``data`` is a collection or a wide frame (rows = reports, columns = codes).
    Missing figures stay blank. ``kwargs`` go to ``seaborn.heatmap``.
    """
    import seaborn as sns  # noqa: PLC0415

    if hue is not None:
        raise ValueError("heatmap() has no hue")
    lang, family = resolve_lang(lang)
    ax = ax or plt.gca()
    if isinstance(data, pd.DataFrame):
        wide = data[codes] if codes else data.drop(columns=["n_reports"], errors="ignore")
    else:
        wide = _collection(data).compare(codes or DEFAULT_CODES, by="report_id", harmonized=harmonized)
        wide = wide.drop(columns=["n_reports"])
    wide = _ordered(wide.astype(float), order)
    peak = wide.abs().max(axis=0).replace(0, np.nan)
    norm = wide.div(peak, axis=1)
    labels = wide.rename(index=lambda i: _name(i, lang), columns=lambda cn: code_label(cn, lang))
    sns.heatmap(norm.set_axis(labels.index, axis=0).set_axis(labels.columns, axis=1), ax=ax, vmin=0, vmax=1,
                cmap=kwargs.pop("cmap", "Blues"), annot=wide.to_numpy() if annot else False,
                fmt="g", cbar=kwargs.pop("cbar", True), **kwargs)
    ax.set_title(text("heatmap_title", lang))
    ax.set_xlabel("")
    ax.set_ylabel(text("report_id", lang))
    return _finish(ax, family)


def metric(data: "ReportCollection", metric_id: str, *, hue: None = None, order: list | None = None,
           ax: Axes | None = None, lang: str = "en", min_n: int | None = None, **kwargs: Any) -> Axes:
    """One metric (``gikit.metrics.definitions()``) across reports, as bars; rates that could not
    be computed (missing figures, n below ``min_n``) are left out and listed in the x label."""
    if hue is not None:
        raise ValueError("metric() has no hue")
    lang, family = resolve_lang(lang)
    ax = ax or plt.gca()
    m = _collection(data).metrics(min_n=min_n)
    m = m[m["metric"] == metric_id].set_index("report_id")
    if m.empty:
        raise ValueError(f"unknown metric {metric_id!r}")
    m = _ordered(m, order)
    ok = m[m["value"].notna()]
    bars = ax.bar([_name(i, lang) for i in ok.index], ok["value"].to_numpy(dtype=float), **kwargs)
    ax.bar_label(bars, fmt="%.3g", padding=2)
    ax.set_title(code_label(metric_id, lang))
    left_out = [_name(i, lang) for i in m.index if i not in ok.index]
    ax.set_xlabel(f"not computed: {', '.join(left_out)}" if left_out else "")
    return _finish(ax, family)


# ---------------------------------------------------------------- accessors

class ReportPlotter:
    """``r.plot.outcomes()``, ``r.plot.funnel()`` — the plotting functions bound to one report."""

    def __init__(self, report: "Report") -> None:
        self._report = report

    def outcomes(self, **kwargs: Any) -> Axes:
        """See ``gikit.plotting.outcomes``."""
        return outcomes(self._report, **kwargs)

    def funnel(self, **kwargs: Any) -> Axes:
        """See ``gikit.plotting.funnel``."""
        return funnel(self._report, **kwargs)


class CollectionPlotter:
    """``c.plot.compare(code)``, ``.outcome_shares()``, ``.heatmap()``, ``.funnel()``, ``.metric(id)``."""

    def __init__(self, collection: "ReportCollection") -> None:
        self._c = collection

    def compare(self, code: str, **kwargs: Any) -> Axes:
        """See ``gikit.plotting.compare``."""
        return compare(self._c, code, **kwargs)

    def outcome_shares(self, **kwargs: Any) -> Axes:
        """See ``gikit.plotting.outcome_shares``."""
        return outcome_shares(self._c, **kwargs)

    def heatmap(self, codes: list[str] | None = None, **kwargs: Any) -> Axes:
        """See ``gikit.plotting.heatmap``."""
        return heatmap(self._c, codes, **kwargs)

    def funnel(self, **kwargs: Any) -> Axes:
        """See ``gikit.plotting.funnel``."""
        return funnel(self._c, **kwargs)

    def metric(self, metric_id: str, **kwargs: Any) -> Axes:
        """See ``gikit.plotting.metric``."""
        return metric(self._c, metric_id, **kwargs)


__all__ = ["CollectionPlotter", "ReportPlotter", "compare", "funnel", "heatmap", "metric", "outcome_shares",
           "outcome_table", "outcomes", "resolve_lang", "cjk_font", "latin"]
