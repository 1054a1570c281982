"""`auditor guard`: check a response, or serve the OpenAI-compatible proxy."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from auditor import console
from auditor.errors import AuditorError
from auditor.paths import POLICIES_DIR

GuardPolicyOpt = Annotated[Optional[Path], typer.Option(
    "--policy", help="Policy file with a guard: mapping (default: the bundled policies/guard.yaml).")]

guard_app = typer.Typer(help="The guard: check a response, or serve an OpenAI-compatible proxy.",
                        no_args_is_help=True)


def _guard(policy: Optional[Path], deep: bool, processes: int = 0):  # type: ignore[no-untyped-def]
    from auditor.guard import Guard

    return Guard.from_policy(policy or POLICIES_DIR / "guard.yaml", deep=deep, processes=processes)


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
    log: Annotated[Optional[Path], typer.Option(
        help="Decision log, one record per checked response (no code, no secrets): SQLite if the name ends "
             "in .db, .sqlite or .sqlite3, else JSON Lines.")] = None,
    timeout: Annotated[float, typer.Option(min=0.1, help="Seconds to wait for the upstream.")] = 120.0,
    max_request_bytes: Annotated[int, typer.Option(min=1)] = 4 << 20,
    max_response_bytes: Annotated[int, typer.Option(min=1)] = 16 << 20,
    max_connections: Annotated[int, typer.Option(min=1, help="Requests upstream at once; others wait.")] = 256,
    deep: Annotated[bool, typer.Option(help="Add the deep tier (semgrep) to every check: seconds, not ms.")] = False,
    processes: Annotated[Optional[int], typer.Option(
        min=0, help="Worker processes for checks of long responses, so that answers arriving together are "
                    "checked on several cores (default: one per CPU, at most 8; 0 checks in the proxy's own "
                    "process).")] = None,
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
    workers = min(8, os.cpu_count() or 1) if processes is None else processes
    guard = _guard(policy, deep, workers)
    decisions = DecisionLog(log) if log else None
    s = guard.settings
    console.err.print(f"auditor guard: http://{host}:{port}/v1 -> {upstream} (block_at {s.block_at.value}, "
                      f"warn_at {s.warn_at.value}, fail_closed {str(s.fail_closed).lower()}, {workers} check processes)",
                      markup=False)
    try:
        serve(config, guard, host=host, port=port, log=decisions)
    finally:
        guard.close()
        if decisions is not None:
            decisions.close()
