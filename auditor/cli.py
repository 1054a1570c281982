"""The command line. Thin: parse, call the library, print. Exit codes (DESIGN.md):
0 pass, 1 policy failed or findings at/above --fail-on, 2 usage or input error, 3 inconclusive."""

from __future__ import annotations

import json
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
runs_app = typer.Typer(help="Stored runs: list, show.", no_args_is_help=True)
probes_app = typer.Typer(help="Probe suites: list, show.", no_args_is_help=True)
rules_app = typer.Typer(help="Rule packs: list, test.", no_args_is_help=True)
app.add_typer(runs_app, name="runs")
app.add_typer(probes_app, name="probes")
app.add_typer(rules_app, name="rules")

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
        command=shlex.join(["auditor", *sys.argv[1:]]),
    )
    with console.RichProgress() as progress:
        result = run_audit(cfg, progress)
    if result.resumed:
        console.out.print(f"Resumed run {result.run.id}: {result.requested} attempt(s) still needed the model.")
    console.print_metrics(result.metrics)
    console.print_verdict(result.verdict)
    folder = _write_reports(store, result.run.id, out or store.parent / "reports" / result.run.id)
    console.out.print(f"Run {result.run.id} stored in {store}; reports in {folder}/ (report.md, report.json)")
    raise typer.Exit(result.verdict.exit_code)


def _write_reports(store: Path, run_id: str, folder: Path) -> Path:
    from auditor.reports import load_view, renderer

    folder.mkdir(parents=True, exist_ok=True)
    with _store(store) as s:
        view = load_view(s, run_id)
    for fmt, name in (("md", "report.md"), ("json", "report.json")):
        (folder / name).write_text(renderer(fmt)(view), encoding="utf-8")
    return folder


@app.command()
def scan(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Files or folders of code.")] = None,
    jsonl: Annotated[Optional[Path], typer.Option(help="JSONL of snippets: {id, language, code} per line.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    fail_on: Annotated[str, typer.Option(help="Exit 1 when a finding reaches this severity.")] = "medium",
    analyzers: Annotated[Optional[str], typer.Option(help="Comma-separated (default builtin,bandit,semgrep).")] = None,
) -> None:
    """Scan code with the analyzers, outside any audit. Exit 1 on findings ≥ --fail-on, 3 if an analyzer failed."""
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
        result = do_scan(snippets, names, advance=progress.phase("scanning", len(snippets)))
    if fmt == "json":
        body = {"snippets": result.snippets, "findings": [f.as_dict() for f in result.findings],
                "errors": [e.as_dict() for e in result.errors]}
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
    """Re-evaluate a stored run against a policy. Exit 0 pass, 1 fail, 3 inconclusive."""
    from auditor.gate import evaluate, load_policy

    pol = load_policy(policy)
    with _store(store) as s:
        r = s.get_run(run)
        base = s.metrics(s.get_run(baseline).id) if baseline else None
        verdict = evaluate(pol, s.metrics(r.id), baseline=base)
        s.save_verdict(r.id, verdict)
    console.print_verdict(verdict, explain=explain)
    raise typer.Exit(verdict.exit_code)


@app.command()
def report(
    run: Annotated[str, typer.Argument(help="Run id, unique prefix, or 'latest'.")],
    fmt: Annotated[str, typer.Option("--format", help="md, json or jsonl.")] = "md",
    out: Annotated[Optional[Path], typer.Option(help="Output file (default: stdout).")] = None,
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """Render a stored run as a report."""
    from auditor.reports import load_view, renderer

    render = renderer(fmt)
    with _store(store) as s:
        text = render(load_view(s, run))
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        console.out.print(f"wrote {out}")
    else:
        sys.stdout.write(text)


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
def runs_show(run: Annotated[str, typer.Argument()], store: StoreOpt = DEFAULT_STORE) -> None:
    """One run: its parameters, metrics and verdict."""
    with _store(store) as s:
        r = s.get_run(run)
        metrics, verdict = s.metrics(r.id), s.verdict(r.id)
    console.out.print_json(json.dumps(r.as_dict()))
    console.print_metrics(metrics)
    if verdict:
        console.print_verdict(verdict, explain=True)


@probes_app.command("list")
def probes_list(suite: Annotated[Optional[list[str]], typer.Option()] = None) -> None:
    """Suites and their probes."""
    from auditor.paths import PROBES_DIR
    from auditor.probes import load_suites, suite_files

    names = suite or [str(p.relative_to(PROBES_DIR).with_suffix("")) for p in suite_files()]
    for s in load_suites(names):
        console.out.print(f"[bold]{s.name}[/] ({len(s.probes)} probes) {s.description}")


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
def rules_list() -> None:
    """Every builtin rule (id, language, CWE, severity)."""
    from auditor.analyzers.builtin import load_rules
    from auditor.paths import RULES_DIR

    for r in load_rules(RULES_DIR / "builtin"):
        console.out.print(f"{r.id}\t{','.join(r.languages)}\t{r.metadata.cwe}\t{r.severity}")


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
