"""HTML report: one self-contained file a reviewer who does not know the tool can read.

Verdict first, then the checks, metrics with intervals, charts (inline matplotlib SVG), findings
grouped by rule with the generated code and its prompt, malicious help, the compliance mapping and
the reproducibility block. Nothing is fetched at view time: CSS, JS and charts are inline, and a
Content-Security-Policy allows no network at all and only the page's own script (by hash).

Everything taken from a model output is escaped by jinja2's autoescape; model text never goes into
JavaScript source: the filters read escaped ``data-`` attributes and a ``<script
type="application/json">`` block in which ``<``, ``>`` and ``&`` are written as ``\\u003c`` etc.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections import Counter
from importlib.resources import files
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from auditor.reports import assessment, charts, compliance, repro, summary
from auditor.reports.view import RunView
from auditor.types import Metric, Severity

__all__ = ["render", "script_hash", "json_for_script"]

TEMPLATES = files("auditor.reports") / "templates"


def json_for_script(obj: Any) -> str:
    """JSON that can sit inside a ``<script>`` element: no ``</``, ``<!--``, ``>`` or ``&`` can appear raw."""
    text = json.dumps(obj, ensure_ascii=True, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def script_hash(js: str) -> str:
    """The CSP source expression allowing exactly this inline script."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode() + "'"


def _csp(js: str) -> str:
    return ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
            f"script-src {script_hash(js)}; base-uri 'none'; form-action 'none'")


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.1f}%"


def _num(x: float | None) -> str:
    return "–" if x is None else f"{x:.4g}"


def _group(by: dict[str, str]) -> str:
    return ", ".join(f"{k}={v}" for k, v in by.items())


def _ci_bar(m: Metric) -> Markup:
    if m.ci_low is None or m.ci_high is None or m.value is None or not 0 <= m.value <= 1:
        return Markup("")
    lo, hi, v = (max(0.0, min(100.0, 100 * x)) for x in (m.ci_low, m.ci_high, m.value))
    return Markup(
        f'<span class="ci" title="{lo:.1f}% – {hi:.1f}%"><span class="band" style="left:{lo:.1f}%;width:{max(hi - lo, 0.5):.1f}%">'
        f'</span><span class="point" style="left:{v:.1f}%"></span></span>'
    )


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                      keep_trailing_newline=True)
    env.filters.update(pct=_pct, num=_num, group=_group, ci_bar=_ci_bar)
    return env


def _index(groups: list[summary.RuleGroup]) -> list[dict[str, object]]:
    """Search text per shown example, in page order (the filters match against it)."""
    out: list[dict[str, object]] = []
    for g in groups:
        for ex in g.examples:
            text = " ".join([g.rule_id, g.message, ex.probe_id, ex.goal, ex.finding.snippet, ex.finding.attempt_id])
            out.append({"i": len(out), "text": text.lower()})
    return out


def context(view: RunView, *, max_examples: int = 5, csp: bool = True) -> dict[str, Any]:
    """Everything the template reads (exposed for tests and for the PDF renderer)."""
    js = (TEMPLATES / "report.js").read_text(encoding="utf-8")
    groups = summary.rule_groups(view, max_examples)
    verdict = view.verdict
    counts = Counter(c.status for c in verdict.checks) if verdict else Counter()
    return {
        "verdict": verdict,
        "status_label": verdict.status.upper() if verdict else "NOT GATED",
        "counts": {k: counts.get(k, 0) for k in ("pass", "fail", "waived", "inconclusive", "error")},
        "n_attempts": len(view.attempts),
        "n_findings": len(view.code_findings()),
        "headline": [m for m in view.metrics if not m.by],
        "groups": summary.metric_groups(view.metrics),
        "charts": charts.charts(summary.metric_groups(view.metrics)),
        "rule_groups": groups,
        "max_examples": max_examples,
        "severities": [s.value for s in Severity],
        "analyzers": sorted({a for g in groups for a in g.analyzers}),
        "languages": sorted({lang for g in groups for lang in g.languages}),
        "helped": summary.helped_malicious(view),
        "errors": view.errors(),
        "compliance": assessment.assess(view),
        "disclaimer": compliance.DISCLAIMER,
        "repro": repro.reproducibility(view),
        "repro_rows": repro.rows(view),
        "index_json": json_for_script(_index(groups)),
        "css": (TEMPLATES / "report.css").read_text(encoding="utf-8"),
        "js": js,
        "csp": _csp(js) if csp else "",
    }


def render(view: RunView, *, max_examples: int = 5, csp: bool = True) -> str:
    """The report as one HTML document (a string)."""
    return _environment().get_template("report.html.j2").render(**context(view, max_examples=max_examples, csp=csp))
