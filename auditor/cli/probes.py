"""`auditor probes`: list, show and import probe suites."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from auditor import console
from auditor.errors import AuditorError

probes_app = typer.Typer(help="Probe suites: list, show, import.", no_args_is_help=True)


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
