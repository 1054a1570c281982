"""The command line. Thin: parse, call the library, print. Exit codes (DESIGN.md):
0 pass, 1 policy failed or findings at/above --fail-on, 2 usage or input error, 3 inconclusive."""

from __future__ import annotations

import json
import os
import shlex
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from auditor import console
from auditor.errors import AuditorError
from auditor.paths import DEFAULT_STORE, POLICIES_DIR, SAMPLES_DIR

app = typer.Typer(
    help="Audit code-generating models for insecure code, malicious help and bias; gate releases on the results.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
)
runs_app = typer.Typer(help="Stored runs: list, show, diff.", no_args_is_help=True)
probes_app = typer.Typer(help="Probe suites: list, show, import.", no_args_is_help=True)
rules_app = typer.Typer(help="Rule packs: list, test, eval.", no_args_is_help=True)
app.add_typer(runs_app, name="runs")
app.add_typer(probes_app, name="probes")
app.add_typer(rules_app, name="rules")
refusal_app = typer.Typer(help="The refusal classifier: train it from the labeled corpus.", no_args_is_help=True)
app.add_typer(refusal_app, name="refusal")
guard_app = typer.Typer(help="The guard: check a response, or serve an OpenAI-compatible proxy.",
                        no_args_is_help=True)
app.add_typer(guard_app, name="guard")

DEFAULT_SUITES = ["security/python-core", "security/javascript-core", "malicious/core"]
DEFAULT_MODEL = f"replay:{SAMPLES_DIR / 'default-responses.jsonl'}"
StoreOpt = Annotated[Path, typer.Option("--store", help="SQLite store of runs.", envvar="AUDITOR_STORE")]


def _store(path: Path):  # type: ignore[no-untyped-def]
    from auditor.store import Store

    return Store(path)


@app.command()
def audit(
    model: Annotated[str, typer.Option(help="hf:PATH_OR_ID, openai:MODEL (with --base-url) or replay:FILE.jsonl. "
                                            "Default: the bundled sample of responses.")] = DEFAULT_MODEL,
    suite: Annotated[Optional[list[str]], typer.Option(help="Suite name, folder or file; repeat for several.")] = None,
    base_url: Annotated[Optional[str], typer.Option(help="OpenAI-compatible server, e.g. http://localhost:8000/v1. "
                                                         "The key comes from $OPENAI_API_KEY.")] = None,
    policy: Annotated[Path, typer.Option(help="Policy file for the gate.")] = POLICIES_DIR / "release.yaml",
    samples: Annotated[Optional[int], typer.Option(min=1, help="Samples per probe (default: the suite's).")] = None,
    temperature: Annotated[Optional[float], typer.Option(min=0.0, max=2.0)] = None,
    max_tokens: Annotated[Optional[int], typer.Option(min=1)] = None,
    seed: Annotated[int, typer.Option(help="Base seed; sample k uses seed+k.")] = 0,
    concurrency: Annotated[int, typer.Option(min=1, help="Requests in flight (openai:).")] = 8,
    analyzers: Annotated[Optional[str], typer.Option(help="Comma-separated analyzers (default: all).")] = None,
    out: Annotated[Optional[Path], typer.Option(help="Folder for the reports (default .auditor/reports/RUN).")] = None,
    mutator: Annotated[Optional[list[str]], typer.Option(
        "--mutator", help="Also send each refusal probe transformed by this mutator (repeatable): "
                          "base64, roleplay-novel, roleplay-redteam, translate-es, steps.")] = None,
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """Run a whole audit: probes → model → analyzers → metrics → gate → reports. Resumes if interrupted."""
    from auditor.analyzers import DEFAULT_AUDIT
    from auditor.audit import AuditConfig, run_audit

    overrides = {k: v for k, v in {"temperature": temperature, "max_tokens": max_tokens}.items() if v is not None}
    options = {"concurrency": concurrency} if model.startswith("openai:") else {}
    cfg = AuditConfig(
        model=model, suites=tuple(suite or DEFAULT_SUITES), store=store, base_url=base_url, policy=policy,
        samples=samples, overrides=overrides, seed=seed, generator_options=options,
        analyzers=tuple(a.strip() for a in analyzers.split(",")) if analyzers else DEFAULT_AUDIT,
        command=shlex.join(["auditor", *sys.argv[1:]]), mutators=tuple(mutator or ()),
    )
    with console.RichProgress() as progress:
        result = run_audit(cfg, progress)
    if result.resumed:
        console.out.print(f"Resumed run {result.run.id}: {result.requested} attempt(s) still needed the model.")
    console.print_metrics(result.metrics)
    console.print_verdict(result.verdict)
    folder = _write_reports(store, result.run.id, out or store.parent / "reports" / result.run.id)
    console.out.print(f"Run {result.run.id} stored in {store}")
    console.out.print(f"Report: {folder / 'report.html'} (also report.md, report.json, report.sarif, report.junit.xml)")
    raise typer.Exit(result.verdict.exit_code)


def _write_reports(store: Path, run_id: str, folder: Path) -> Path:
    from auditor.reports import load_view, renderer

    folder.mkdir(parents=True, exist_ok=True)
    with _store(store) as s:
        view = load_view(s, run_id)
    names = {"md": "report.md", "json": "report.json", "html": "report.html", "sarif": "report.sarif",
             "junit": "report.junit.xml"}
    for fmt, name in names.items():
        (folder / name).write_text(renderer(fmt)(view), encoding="utf-8")
    return folder


@app.command()
def scan(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Files or folders of code.")] = None,
    jsonl: Annotated[Optional[Path], typer.Option(help="JSONL of snippets: {id, language, code} per line.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    fail_on: Annotated[str, typer.Option(help="Exit 1 when a finding reaches this severity.")] = "medium",
    analyzers: Annotated[Optional[str], typer.Option(help="Comma-separated (default builtin,bandit,semgrep).")] = None,
    workers: Annotated[Optional[int], typer.Option(min=1, help="Processes (default: one per core from 1,000 "
                                                               "snippets on).")] = None,
) -> None:
    """Scan code with the analyzers, outside any audit. Exit 1 on findings ≥ --fail-on, 3 if an analyzer failed.

    Findings of several analyzers on the same line and CWE are merged into one that lists every source."""
    from auditor.scan import DEFAULT_SCAN, scan as do_scan, snippets_from_jsonl, snippets_from_paths
    from auditor.types import Severity

    if not paths and not jsonl:
        raise AuditorError("give PATH... or --jsonl FILE")
    threshold = _parse(Severity.parse, fail_on, "--fail-on")
    if fmt not in ("table", "json"):
        raise AuditorError(f"--format must be table or json, not {fmt!r}")
    snippets = list(snippets_from_jsonl(jsonl)) if jsonl else list(snippets_from_paths(paths or []))
    names = tuple(a.strip() for a in analyzers.split(",")) if analyzers else DEFAULT_SCAN
    with console.RichProgress(enabled=fmt == "table" and sys.stderr.isatty()) as progress:
        result = do_scan(snippets, names, workers=workers, advance=progress.phase("scanning", len(snippets)))
    if fmt == "json":
        body = {"snippets": result.snippets, "findings": [f.as_dict() for f in result.findings],
                "unmerged_findings": len(result.raw_findings), "errors": [e.as_dict() for e in result.errors]}
        sys.stdout.write(json.dumps(body, indent=2) + "\n")
    else:
        console.print_findings(result.findings)
        for e in result.errors:
            console.err.print(f"[red]error[/] {e.analyzer} on {e.attempt_id}: {e.error}")
        console.out.print(f"{result.snippets} snippet(s), {len(result.findings)} finding(s), {len(result.errors)} analyzer error(s)")
    if any(f.severity >= threshold for f in result.findings):
        raise typer.Exit(1)
    raise typer.Exit(3 if result.errors else 0)


def _parse(fn, value, option):  # type: ignore[no-untyped-def]
    try:
        return fn(value)
    except ValueError as exc:
        raise AuditorError(f"{option}: {exc}") from None


@app.command()
def gate(
    run: Annotated[str, typer.Argument(help="Run id, unique prefix, or 'latest'.")],
    policy: Annotated[Path, typer.Option(help="Policy file.")] = POLICIES_DIR / "release.yaml",
    baseline: Annotated[Optional[str], typer.Option(help="Baseline run for regression checks.")] = None,
    explain: Annotated[bool, typer.Option(help="Say why each check passed or failed.")] = False,
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """Re-evaluate a stored run against a policy. Exit 0 pass, 1 fail, 3 inconclusive.

    --explain prints, for each check, the metric, the observed value, the threshold and why."""
    from auditor.gate import evaluate, explain as explain_lines, load_policy

    pol = load_policy(policy)
    with _store(store) as s:
        r = s.get_run(run)
        base = s.metrics(s.get_run(baseline).id) if baseline else None
        verdict = evaluate(pol, s.metrics(r.id), baseline=base, findings=s.findings(r.id))
        s.save_verdict(r.id, verdict)
    if explain:
        console.out.print("\n".join(explain_lines(verdict)), markup=False, highlight=False, soft_wrap=True)
    else:
        console.print_verdict(verdict)
    raise typer.Exit(verdict.exit_code)


@app.command()
def report(
    run: Annotated[str, typer.Argument(help="Run id, unique prefix, or 'latest'.")],
    fmt: Annotated[str, typer.Option("--format", help="html, md, json, jsonl, sarif, junit or pdf.")] = "md",
    out: Annotated[Optional[Path], typer.Option(help="Output file (default: stdout; required for pdf).")] = None,
    code_dir: Annotated[Optional[Path], typer.Option(help="sarif: also write the generated code the results "
                                                          "point at (generations/...) under this folder.")] = None,
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """Render a stored run as a report."""
    from auditor.reports import BINARY_FORMATS, load_view, renderer

    render = renderer(fmt)
    if fmt in BINARY_FORMATS and out is None:
        raise AuditorError(f"--format {fmt} writes a binary file: give --out FILE")
    with _store(store) as s:
        view = load_view(s, run, exact=fmt == "jsonl")  # an export moves the run as stored
    body = render(view)
    if code_dir is not None:
        from auditor.reports.sarif import code_files

        for rel, code in code_files(view).items():
            (code_dir / rel).parent.mkdir(parents=True, exist_ok=True)
            (code_dir / rel).write_text(code, encoding="utf-8")
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(body) if isinstance(body, bytes) else out.write_text(body, encoding="utf-8")
        console.err.print(f"wrote {out}")
    else:
        sys.stdout.write(body)


@app.command()
def export(
    run: Annotated[str, typer.Argument()],
    fmt: Annotated[str, typer.Option("--format", help="jsonl.")] = "jsonl",
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """Write a stored run as JSONL (one record per line, each with `record` and `schema_version`)."""
    report(run, fmt=fmt, out=None, store=store)


@runs_app.command("list")
def runs_list(store: StoreOpt = DEFAULT_STORE) -> None:
    """Every stored run, newest first."""
    with _store(store) as s:
        console.print_runs(s.list_runs())


@runs_app.command("show")
def runs_show(
    run: Annotated[str, typer.Argument()],
    as_json: Annotated[bool, typer.Option("--json", help="The whole run as the JSON report.")] = False,
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """One run: how to reproduce it (secrets redacted), its metrics, findings by rule and verdict."""
    from auditor.gate import explain as explain_lines
    from auditor.reports import load_view, renderer
    from auditor.reports.repro import rows

    with _store(store) as s:
        view = load_view(s, run)
    if as_json:
        sys.stdout.write(renderer("json")(view))
        return
    width = max(len(label) for label, _ in rows(view))
    text = [f"{label.ljust(width)}  {value}" for label, value in rows(view)]
    console.out.print("\n".join(text), markup=False, highlight=False, soft_wrap=True)
    console.print_metrics(view.metrics)
    grouped = sorted({f"{m.name} by {','.join(m.by)}" for m in view.metrics if m.by})
    if grouped:
        console.out.print("Grouped: " + "; ".join(grouped), markup=False, highlight=False)
    counts = view.finding_counts().most_common()
    console.out.print("Findings by rule: " + (", ".join(f"{r} ×{n}" for r, n in counts) or "none"),
                      markup=False, highlight=False)
    if view.verdict:
        console.out.print("\n".join(explain_lines(view.verdict)), markup=False, highlight=False, soft_wrap=True)


@runs_app.command("diff")
def runs_diff(
    run_a: Annotated[str, typer.Argument(help="The older run, or the baseline.")],
    run_b: Annotated[str, typer.Argument(help="The newer run.")],
    alpha: Annotated[float, typer.Option(min=0.0, max=1.0, help="Significance level (Fisher exact, BH-adjusted).")] = 0.05,
    groups: Annotated[bool, typer.Option(help="Also compare per-group metrics (by CWE, language, ...).")] = False,
    unchanged: Annotated[bool, typer.Option(help="Also list findings present in both runs.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the diff as JSON.")] = False,
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """Two runs side by side: metrics with change and significance; findings new, fixed and unchanged."""
    from auditor.history import diff_runs, render_text
    from auditor.reports import load_view

    with _store(store) as s:
        diff = diff_runs(load_view(s, run_a), load_view(s, run_b), alpha=alpha)
    if as_json:
        sys.stdout.write(json.dumps(diff.as_dict(), indent=2) + "\n")
    else:
        console.out.print(render_text(diff, groups=groups, unchanged=unchanged), markup=False, highlight=False,
                          soft_wrap=True, end="")


@probes_app.command("list")
def probes_list(
    suite: Annotated[Optional[list[str]], typer.Option()] = None,
    fmt: Annotated[str, typer.Option("--format", help="table (suites), or json / md: coverage by language × CWE × kind.")]
    = "table",
) -> None:
    """Suites and their probes, or their coverage (language × CWE × kind) computed from the files."""
    from auditor.paths import PROBES_DIR
    from auditor.probes import load_suites, suite_files
    from auditor.probes.coverage import as_json, as_markdown, coverage

    if fmt not in ("table", "json", "md"):
        raise AuditorError(f"--format must be table, json or md, not {fmt!r}")
    names = suite or [str(p.relative_to(PROBES_DIR).with_suffix("")) for p in suite_files()]
    suites = load_suites(names)
    if fmt != "table":
        sys.stdout.write((as_json if fmt == "json" else as_markdown)(coverage(suites)))
        return
    for s in suites:
        console.out.print(f"[bold]{s.name}[/] ({len(s.probes)} probes) {s.description}")


@probes_app.command("import")
def probes_import(
    fmt: Annotated[str, typer.Argument(metavar="FORMAT", help="cyberseceval-instruct, cyberseceval-autocomplete, "
                                       "cyberseceval-mitre, cyberseceval-frr, securityeval or llmseceval.")],
    file: Annotated[Path, typer.Argument(help="The benchmark file (JSON, JSON lines or CSV).")],
    out: Annotated[Optional[Path], typer.Option(help="Write the suite YAML here (default: stdout).")] = None,
    suite: Annotated[Optional[str], typer.Option(help="Suite name (default per format, e.g. security/securityeval).")]
    = None,
) -> None:
    """Turn a public benchmark file into a probe suite (YAML that `auditor audit --suite FILE` runs)."""
    from auditor.probes.importers import import_yaml

    text = import_yaml(fmt, file, suite=suite)
    if out is None:
        sys.stdout.write(text)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    console.err.print(f"wrote {out}")


@probes_app.command("show")
def probes_show(probe_id: Annotated[str, typer.Argument()]) -> None:
    """One probe, as loaded."""
    from auditor.paths import PROBES_DIR
    from auditor.probes import load_suites, suite_files

    names = [str(p.relative_to(PROBES_DIR).with_suffix("")) for p in suite_files()]
    for s in load_suites(names):
        for p in s.probes:
            if p.id == probe_id:
                console.out.print_json(json.dumps(p.as_dict()))
                return
    raise AuditorError(f"no probe {probe_id!r}")


@rules_app.command("list")
def rules_list(
    fmt: Annotated[str, typer.Option("--format", help="table, md (the docs/rules.md page) or json.")] = "table",
) -> None:
    """Every rule under rules/ (builtin, semgrep, malicious, secrets): engine, language, CWE, OWASP, severity,
    confidence; md and json add the coverage summary (distinct CWEs, CWE Top 25)."""
    from auditor import rules_doc

    if fmt not in ("table", "md", "json"):
        raise AuditorError(f"unknown --format {fmt!r} (expected table, md or json)")
    entries = rules_doc.collect()
    if fmt == "md":
        typer.echo(rules_doc.render_markdown(entries), nl=False)
    elif fmt == "json":
        typer.echo(json.dumps(rules_doc.to_json(entries), indent=2))
    else:
        typer.echo(rules_doc.render_table(entries), nl=False)


@rules_app.command("test")
def rules_test(
    analyzer: Annotated[Optional[list[str]], typer.Option(
        "--analyzer", help="Only this pack (repeatable): builtin, malicious, secrets, semgrep.")] = None,
) -> None:
    """Every rule against its annotated fixture, line by line. Exit 1 on any missed or wrongly flagged line."""
    from auditor.ruletest import check_packs

    report = check_packs(analyzer)
    for problem in report.problems:
        console.out.print(str(problem), markup=False, highlight=False, soft_wrap=True)
    console.out.print(f"{report.rules} rule(s), {report.lines} annotated line(s), {len(report.problems)} problem(s)",
                      markup=False, highlight=False)
    raise typer.Exit(1 if report.problems else 0)


@rules_app.command("eval")
def rules_eval(
    corpus: Annotated[list[Path], typer.Argument(help="Labeled JSONL file(s) or folder(s) of them: "
                                                      "{id, language, code, label: insecure|secure, cwe?}.")],
    fmt: Annotated[str, typer.Option("--format", help="table, json or md.")] = "table",
    workers: Annotated[Optional[int], typer.Option(min=1, help="Processes (default: one per core from 1,000 "
                                                               "snippets on).")] = None,
) -> None:
    """TPR, FPR, precision and Youden J per analyzer combination, language and CWE, on a labeled corpus."""
    from auditor.evaluation import evaluate, load_corpus, render

    if fmt not in ("table", "json", "md"):
        raise AuditorError(f"--format must be table, json or md, not {fmt!r}")
    samples = load_corpus(corpus)
    with console.RichProgress(enabled=fmt == "table" and sys.stderr.isatty()) as progress:
        evaluation = evaluate(samples, workers=workers, advance=progress.phase("scanning", len(samples)))
    sys.stdout.write(render(evaluation, fmt))


# --- guard: check one response, or serve the proxy -------------------------------------------

GuardPolicyOpt = Annotated[Optional[Path], typer.Option(
    "--policy", help="Policy file with a guard: mapping (default: the bundled policies/guard.yaml).")]


def _guard(policy: Optional[Path], deep: bool):  # type: ignore[no-untyped-def]
    from auditor.guard import Guard

    return Guard.from_policy(policy or POLICIES_DIR / "guard.yaml", deep=deep)


@guard_app.command("check")
def guard_check(
    file: Annotated[Path, typer.Argument(help="A model response (Markdown or code); '-' reads stdin.")],
    policy: GuardPolicyOpt = None,
    deep: Annotated[bool, typer.Option(help="Add the deep tier (semgrep): slower, finds more.")] = False,
    language: Annotated[Optional[str], typer.Option(help="Language of code without a fence tag.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """Check one response as the guard would. Exit 1 if it would be blocked, else 0."""
    if fmt not in ("table", "json"):
        raise AuditorError(f"--format must be table or json, not {fmt!r}")
    try:
        text = sys.stdin.read() if str(file) == "-" else file.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise AuditorError(f"cannot read {file}: {exc.strerror or exc}") from None
    with _guard(policy, deep) as guard:
        decision = guard.check(text, language=language)
    if fmt == "json":
        sys.stdout.write(json.dumps(decision.summary(), indent=2) + "\n")
    else:
        for f in decision.findings:
            cwe = f"CWE-{f.cwe}" if f.cwe else "-"
            console.out.print(f"line {decision.response_line(f)}  {f.severity.value}  {f.rule_id}  {cwe}  {f.message}",
                              markup=False, highlight=False, soft_wrap=True)
        for error in decision.errors:
            console.err.print(f"error: {error}", markup=False, highlight=False)
        console.out.print(f"{decision.action}: {decision.reason()} ({decision.elapsed_ms:.1f} ms)",
                          markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(1 if decision.blocked else 0)


def _env_key(name: Optional[str], option: str) -> Optional[str]:
    if name is None:
        return None
    value = os.environ.get(name, "")
    if not value:
        raise AuditorError(f"{option}: the environment variable {name} is not set")
    return value


@guard_app.command("serve")
def guard_serve(
    upstream: Annotated[str, typer.Option(help="Base URL of the OpenAI-compatible server, e.g. http://localhost:8000/v1.")],
    policy: GuardPolicyOpt = None,
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    api_key_env: Annotated[Optional[str], typer.Option(
        help="Environment variable with the proxy's own key; clients must send it as their bearer token.")] = None,
    upstream_key_env: Annotated[str, typer.Option(
        help="With --api-key-env: environment variable with the key sent upstream.")] = "OPENAI_API_KEY",
    log: Annotated[Optional[Path], typer.Option(help="Append one JSON line per decision (no code, no secrets).")] = None,
    timeout: Annotated[float, typer.Option(min=0.1, help="Seconds to wait for the upstream.")] = 120.0,
    max_request_bytes: Annotated[int, typer.Option(min=1)] = 4 << 20,
    max_response_bytes: Annotated[int, typer.Option(min=1)] = 16 << 20,
    max_connections: Annotated[int, typer.Option(min=1, help="Requests upstream at once; others wait.")] = 256,
    deep: Annotated[bool, typer.Option(help="Add the deep tier (semgrep) to every check: seconds, not ms.")] = False,
) -> None:
    """Serve an OpenAI-compatible proxy that checks every response before the client sees it."""
    from auditor.guard import DecisionLog
    from auditor.guard.proxy import ProxyConfig, serve

    if not upstream.startswith(("http://", "https://")):
        raise AuditorError(f"--upstream must be an http(s) URL, not {upstream!r}")
    own_key = _env_key(api_key_env, "--api-key-env")
    upstream_key = (os.environ.get(upstream_key_env) or None) if own_key else None
    config = ProxyConfig(upstream=upstream, api_key=own_key, upstream_api_key=upstream_key, timeout_s=timeout,
                         max_request_bytes=max_request_bytes, max_response_bytes=max_response_bytes,
                         max_connections=max_connections)
    guard = _guard(policy, deep)
    decisions = DecisionLog(log) if log else None
    s = guard.settings
    console.err.print(f"auditor guard: http://{host}:{port}/v1 -> {upstream} (block_at {s.block_at.value}, "
                      f"warn_at {s.warn_at.value}, fail_closed {str(s.fail_closed).lower()})", markup=False)
    try:
        serve(config, guard, host=host, port=port, log=decisions)
    finally:
        guard.close()
        if decisions is not None:
            decisions.close()


@refusal_app.command("train")
def refusal_train(
    data: Annotated[Optional[Path], typer.Option(help="Folder of labeled *.jsonl (default: corpora/refusal).")] = None,
    out: Annotated[Optional[Path], typer.Option(help="Model file to write (default: the shipped model).")] = None,
    check: Annotated[bool, typer.Option(help="Compare with the model file instead of writing it; exit 1 if they differ.")]
    = False,
) -> None:
    """Train the refusal classifier from the labeled corpus, print cross-validated precision/recall, write the model."""
    from auditor.refusal_model import MODEL_PATH
    from auditor.refusal_model.train import CORPUS_DIR, differences, render_model, summary, train

    model = train(data or CORPUS_DIR)
    target = out or MODEL_PATH
    console.out.print("\n".join(summary(model)), markup=False, highlight=False, soft_wrap=True)
    if check:
        diff = differences(json.loads(target.read_text(encoding="utf-8")), model)
        for line in diff[:20]:
            console.err.print(f"differs: {line}", markup=False)
        console.out.print(f"{target}: " + ("differs from a fresh training run" if diff else "matches a fresh training run"))
        raise typer.Exit(1 if diff else 0)
    target.write_text(render_model(model), encoding="utf-8")
    console.out.print(f"wrote {target}")


# --- bias (issue 5) ----------------------------------------------------------------------------
bias_app = typer.Typer(help="Bias: evaluate the attribute-use analysis on a labeled corpus.", no_args_is_help=True)
app.add_typer(bias_app, name="bias")


@bias_app.command("eval")
def bias_eval(
    corpus: Annotated[Path, typer.Argument(help="JSONL of {id, language, code, labels, relevant, split}.")],
    split: Annotated[Optional[str], typer.Option(help="Only records of this split (development, holdout).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """Precision and recall of the attribute-use analysis per attribute, per language and overall."""
    from auditor.bias.evaluate import evaluate_corpus, load_corpus, render_table

    if fmt not in ("table", "json"):
        raise AuditorError(f"--format must be table or json, not {fmt!r}")
    records = [r for r in load_corpus(corpus) if split is None or r.get("split") == split]
    if not records:
        raise AuditorError(f"no records{f' in split {split!r}' if split else ''} in {corpus}")
    ev = evaluate_corpus(records)
    title = f"attribute-use on {ev.records} functions of {corpus.name}" + (f" (split: {split})" if split else "")
    sys.stdout.write(json.dumps(ev.as_dict(), indent=2) + "\n" if fmt == "json" else render_table(ev, title))
    raise typer.Exit(3 if ev.errors else 0)


def main() -> None:
    import click

    try:
        rc = app(standalone_mode=False)
    except click.exceptions.Exit as exc:
        rc = exc.exit_code
    except click.ClickException as exc:
        exc.show()
        rc = 2
    except click.exceptions.Abort:
        rc = 130
    except AuditorError as exc:
        console.err.print(f"[red]error:[/] {exc}", highlight=False, soft_wrap=True, markup=True)
        rc = 2
    except KeyboardInterrupt:
        console.err.print("interrupted: everything generated so far is stored; run the same command to resume")
        rc = 130
    sys.exit(rc if isinstance(rc, int) else 0)


if __name__ == "__main__":
    main()
