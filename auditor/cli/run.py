"""Top-level commands: audit, scan, gate, report, export."""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from auditor import console
from auditor.cli._common import DEFAULT_MODEL, DEFAULT_SUITES, StoreOpt, app, open_store, parse_option
from auditor.errors import AuditorError
from auditor.paths import DEFAULT_STORE, POLICIES_DIR


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
    with open_store(store) as s:
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
    cluster: Annotated[Optional[str], typer.Option(
        help="Scan on a Dask cluster: the scheduler's address (tcp://host:8786), or 'local' for one started "
             "here. Needs the dask extra, and auditor installed on the workers.")] = None,
) -> None:
    """Scan code with the analyzers, outside any audit. Exit 1 on findings ≥ --fail-on, 3 if an analyzer failed.

    Findings of several analyzers on the same line and CWE are merged into one that lists every source."""
    from auditor.scan import DEFAULT_SCAN, snippets_from_jsonl, snippets_from_paths
    from auditor.scan import scan as do_scan
    from auditor.types import Severity

    if not paths and not jsonl:
        raise AuditorError("give PATH... or --jsonl FILE")
    threshold = parse_option(Severity.parse, fail_on, "--fail-on")
    if fmt not in ("table", "json"):
        raise AuditorError(f"--format must be table or json, not {fmt!r}")
    snippets = list(snippets_from_jsonl(jsonl)) if jsonl else list(snippets_from_paths(paths or []))
    names = tuple(a.strip() for a in analyzers.split(",")) if analyzers else DEFAULT_SCAN
    with console.RichProgress(enabled=fmt == "table" and sys.stderr.isatty()) as progress:
        result = do_scan(snippets, names, workers=workers, cluster=cluster,
                         advance=progress.phase("scanning", len(snippets)))
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
    from auditor.gate import evaluate, load_policy
    from auditor.gate import explain as explain_lines

    pol = load_policy(policy)
    with open_store(store) as s:
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
    with open_store(store) as s:
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
