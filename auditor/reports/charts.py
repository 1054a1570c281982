"""Charts for the HTML report: matplotlib (Agg backend) bar charts of grouped metrics, as inline SVG.

One chart per (metric, group key) — rates by CWE, language, ATT&CK tactic, demographic group —
with 95% intervals as error bars. The SVG is made safe to inline: no XML prolog, DOCTYPE, metadata
or namespace URLs, deterministic ids, text kept as escaped text (never parsed as mathtext), and a
chart that somehow carries script or event handlers is dropped rather than shown.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from auditor.types import Metric

__all__ = ["Chart", "chart_svg", "charts"]

MAX_BARS = 30
_UNSAFE = re.compile(r"<script|<foreignObject|\son\w+\s*=|javascript:|(?:href|src)\s*=\s*[\"'](?!#)", re.IGNORECASE)

_TITLES = {"cwe": "CWE", "language": "language", "tactic": "ATT&CK tactic"}


@dataclass(frozen=True)
class Chart:
    metric: str
    key: str
    title: str
    svg: str


def _label(m: Metric, key: str, width: int = 32) -> str:
    value = ",".join(m.by[k] for k in sorted(m.by))
    value = f"CWE-{value}" if key == "cwe" else value
    return value if len(value) <= width else value[: width - 1] + "…"


def _order(metrics: list[Metric], key: str) -> list[Metric]:
    top = sorted(metrics, key=lambda m: -m.n)[:MAX_BARS]
    if key == "cwe":
        return sorted(top, key=lambda m: int(m.by["cwe"]) if m.by["cwe"].isdigit() else 10**9)
    return sorted(top, key=lambda m: _label(m, key))


def _clean(svg: str) -> str:
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.DOTALL)
    svg = re.sub(r'\s+xmlns(:\w+)?="[^"]*"', "", svg)
    svg = re.sub(r'\s(width|height)="[\d.]+pt"', "", svg, count=2)  # size follows the page (viewBox kept)
    return svg.replace("<svg ", '<svg role="img" ', 1)


def chart_svg(metrics: list[Metric], key: str) -> str:
    """One horizontal bar chart with interval whiskers, as an inline-safe SVG string (the caption is the page's)."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib import pyplot as plt
    from matplotlib.figure import Figure

    rows = _order(metrics, key)
    rates = all(m.count is not None and 0.0 <= (m.value or 0.0) <= 1.0 for m in rows)  # a rate has count/n
    scale = 100.0 if rates else 1.0
    values = [(m.value or 0.0) * scale for m in rows]
    lows = [max(0.0, v - (m.ci_low * scale if m.ci_low is not None else v)) for m, v in zip(rows, values, strict=True)]
    highs = [max(0.0, (m.ci_high * scale if m.ci_high is not None else v) - v) for m, v in zip(rows, values, strict=True)]
    labels = [f"{_label(m, key)} (n={m.n})" for m in rows]
    with plt.rc_context({"svg.fonttype": "none", "svg.hashsalt": "auditor", "text.parse_math": False,
                         "font.size": 9, "font.family": "sans-serif"}):
        fig = Figure(figsize=(7.0, 0.9 + 0.28 * len(rows)), dpi=72)
        ax = fig.add_subplot()
        y = list(range(len(rows)))
        ax.barh(y, values, xerr=[lows, highs], color="#4a78b5", ecolor="#222", capsize=2, height=0.6)
        ax.set_yticks(y, labels)
        ax.invert_yaxis()
        ax.set_xlabel("% of attempts (bars: value, whiskers: 95% interval)" if rates else "value")
        if rates:
            ax.set_xlim(0, 100)
        ax.grid(axis="x", color="#ddd", linewidth=0.6)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        fig.tight_layout()
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    return _clean(buf.getvalue())


def _prefix_ids(svg: str, prefix: str) -> str:
    """Make element ids unique per chart, so several charts can share one page."""
    svg = re.sub(r'\bid="', f'id="{prefix}', svg)
    svg = svg.replace("url(#", f"url(#{prefix}")
    return re.sub(r'href="#', f'href="#{prefix}', svg)


def charts(groups: list[tuple[str, str, list[Metric]]], limit: int = 12) -> list[Chart]:
    """Charts for grouped metrics (see :func:`auditor.reports.summary.metric_groups`), unsafe ones dropped."""
    out = []
    for number, (name, key, metrics) in enumerate(groups[:limit]):
        title = f"{name} by {_TITLES.get(key, key)}"
        svg = _prefix_ids(chart_svg(metrics, key), f"c{number}-")
        markup = re.sub(r">[^<]*<", "><", svg)  # tags only: escaped label text may mention anything
        if not _UNSAFE.search(markup):
            out.append(Chart(name, key, title, svg))
    return out
