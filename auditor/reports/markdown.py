"""Markdown report, sized for a pull-request comment: verdict, checks, headline metrics, top findings,
then (folded) the compliance mapping per framework and the reproducibility block."""

from __future__ import annotations

from collections import defaultdict

from auditor.reports import assessment, compliance, repro
from auditor.reports.redact import redact
from auditor.reports.view import RunView
from auditor.types import Finding, Metric, Severity

__all__ = ["render"]

_ICON = {"pass": "PASS", "fail": "FAIL", "inconclusive": "INCONCLUSIVE", "error": "ERROR", "waived": "WAIVED"}


def _cell(text: object) -> str:
    """Table-safe text: no pipes, no newlines, no raw HTML from model output."""
    s = str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    return s.replace("<", "&lt;").replace(">", "&gt;").replace("`", "'")


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.1f}%"


def _metric_row(m: Metric) -> str:
    group = ", ".join(f"{k}={v}" for k, v in m.by.items()) or "all"
    ci = f"{_pct(m.ci_low)} – {_pct(m.ci_high)}" if m.ci_low is not None else "–"
    count = f"{m.count}/{m.n}" if m.count is not None else str(m.n)
    return f"| `{m.name}` | {_cell(group)} | {_pct(m.value)} | {ci} | {count} |"


def _findings(view: RunView, limit: int) -> list[str]:
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for f in view.findings:
        if f.analyzer != "refusal":
            by_rule[f.rule_id].append(f)
    lines = ["| rule | analyzer | severity | CWE | count | example |", "|---|---|---|---|---|---|"]
    order = list(Severity)
    ranked = sorted(by_rule.items(), key=lambda kv: (-max(order.index(f.severity) for f in kv[1]), -len(kv[1])))
    for rule, fs in ranked[:limit]:
        f = fs[0]
        cwe = f"CWE-{f.cwe}" if f.cwe else "–"
        lines.append(f"| `{_cell(rule)}` | {f.analyzer} | {f.severity.value} | {cwe} | {len(fs)} | `{_cell(f.snippet[:80])}` |")
    return lines


def render(view: RunView, *, max_rules: int = 15) -> str:
    run, v = view.run, view.verdict
    status = v.status if v else "not gated"
    out = [f"## auditor: {_ICON.get(status, status.upper())} — `{_cell(redact(run.model))}`", ""]
    out.append(f"Run `{run.id}` · suites {', '.join(f'`{s}`' for s in run.suites)} · {len(view.attempts)} attempts · "
               f"auditor {run.tool_version}")
    out.append("")
    if v:
        out += [f"### Gate ({_cell(v.policy)})", "", "| check | metric | observed | threshold | n | status | why |",
                "|---|---|---|---|---|---|---|"]
        for c in v.checks:
            obs = "–" if c.observed is None else f"{c.observed:.4g}"
            thr = "–" if c.threshold is None else f"{c.comparator} {c.threshold:.4g}"
            why = c.reason + (f" — waived by {c.waived_by}" if c.waived_by else "")
            out.append(f"| {c.id} | `{c.metric}` ({c.use}) | {obs} | {thr} | {c.n} | {_ICON[c.status]} | {_cell(why)} |")
        out += [f"- {_cell(n)}" for n in v.notes]
        out.append("")
    headline = [m for m in view.metrics if not m.by]
    out += ["### Metrics (95% Wilson intervals)", "", "| metric | group | value | interval | count/n |", "|---|---|---|---|---|"]
    out += [_metric_row(m) for m in headline]
    groups = [m for m in view.metrics if m.by]
    if groups:
        out += ["", "<details><summary>By group</summary>", "", "| metric | group | value | interval | count/n |",
                "|---|---|---|---|---|", *[_metric_row(m) for m in groups], "", "</details>"]
    out += ["", "### Findings by rule", "", *_findings(view, max_rules), ""]
    errors = view.errors()
    if errors:
        out += [f"### Analyzer errors ({len(errors)})", ""]
        out += [f"- `{e.analyzer}` on `{e.attempt_id}`: {_cell(e.error)}" for e in errors[:20]]
        out.append("")
    out += _compliance(view)
    out += _reproducibility(view)
    return "\n".join(out)


def _compliance(view: RunView) -> list[str]:
    results = assessment.assess(view)
    out = ["### Compliance mapping", "", f"> **Not a certification.** {compliance.DISCLAIMER}", ""]
    for fr in results:
        c = fr.counts()
        out += [f"<details><summary>{_cell(fr.framework.name)}: {c['met']} met, {c['not met']} not met, "
                f"{c['not assessed']} not assessed</summary>", "",
                f"{_cell(fr.framework.note)} References: {_cell(' · '.join(fr.framework.references))}", "",
                "| item | title | status | evidence from this run |", "|---|---|---|---|"]
        out += [f"| {_cell(i.id)} | {_cell(i.title)} | {i.status} | {_cell('; '.join(i.evidence))} |" for i in fr.items]
        out += ["", "</details>", ""]
    return out


def _reproducibility(view: RunView) -> list[str]:
    out = ["### Reproducibility", "", "| | |", "|---|---|"]
    out += [f"| {label} | {_cell(value)} |" for label, value in repro.rows(view) if label != "Command"]
    command = repro.reproducibility(view)["command"].replace("`", "'")
    return [*out, "", "Reproduce with:", "", "```", command, "```", ""]
