"""Load probe suites from YAML, with errors that name the file, the line, the probe and the field."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any


from auditor.errors import InputError
from auditor.paths import PROBES_DIR
from auditor.probes.schema import SuiteDefaults, SuiteSpec
from auditor.types import Probe
from auditor.yamlfile import load_model

__all__ = ["Suite", "load_suite", "load_suites", "resolve_suites", "suite_files"]


@dataclass(frozen=True, slots=True)
class Suite:
    name: str
    description: str
    defaults: SuiteDefaults
    probes: tuple[Probe, ...]
    path: str
    content_hash: str


def _describe(loc: tuple[Any, ...], data: Any) -> str:
    if len(loc) >= 2 and loc[0] == "probes" and isinstance(loc[1], int):
        probes = data.get("probes") if isinstance(data, dict) else None
        pid = "?"
        if isinstance(probes, list) and loc[1] < len(probes) and isinstance(probes[loc[1]], dict):
            pid = str(probes[loc[1]].get("id", f"#{loc[1] + 1}"))
        field = ".".join(str(p) for p in loc[2:]) or "(probe)"
        return f"probe '{pid}', field '{field}'"
    return f"field '{'.'.join(str(p) for p in loc) or '(suite)'}'"


def load_suite(path: str | Path) -> Suite:
    """Parse and validate one suite file."""
    path = Path(path)
    spec, data, lines = load_model(path, SuiteSpec, _describe)
    seen: dict[str, int] = {}
    for i, p in enumerate(spec.probes):
        if p.id in seen:
            raise InputError(
                path, f"probe '{p.id}', field 'id': duplicate id (first used by probe #{seen[p.id] + 1})",
                lines.get(("probes", i, "id")),
            )
        seen[p.id] = i
    probes = tuple(_to_probe(spec, p) for p in spec.probes)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    return Suite(spec.suite, spec.description, spec.defaults, probes, str(path), digest)


def _to_probe(spec: SuiteSpec, p: Any) -> Probe:
    d = spec.defaults
    params: dict[str, Any] = {"temperature": d.temperature, "max_tokens": d.max_tokens}
    if d.top_p is not None:
        params["top_p"] = d.top_p
    return Probe(
        id=p.id,
        suite=spec.suite,
        kind=p.kind,
        language=p.language,
        cwe=tuple(p.cwe),
        goal=p.goal,
        prompt=p.prompt,
        template=p.template,
        slots={k: tuple(v) for k, v in p.slots.items()},
        expect=p.expect,
        tags=tuple(p.tags),
        samples=p.samples or d.samples,
        params=params,
        extra=dict(p.extra),
    )


def suite_files(root: Path = PROBES_DIR) -> list[Path]:
    return sorted(root.rglob("*.yaml"))


def resolve_suites(names: list[str], root: Path = PROBES_DIR) -> list[Path]:
    """Turn suite names ('security/python-core'), folders ('security') or file paths into files."""
    out: list[Path] = []
    for name in names:
        candidates = [Path(name), root / name, root / f"{name}.yaml"]
        hit = next((c for c in candidates if c.exists()), None)
        if hit is None:
            known = ", ".join(sorted({str(f.relative_to(root).with_suffix("")) for f in suite_files(root)})[:12])
            raise InputError(name, f"no such suite (known: {known} ...)")
        out.extend(sorted(hit.rglob("*.yaml")) if hit.is_dir() else [hit])
    return list(dict.fromkeys(out))


def load_suites(names: list[str], root: Path = PROBES_DIR) -> list[Suite]:
    """Load several suites; probe ids must be unique across all of them."""
    suites = [load_suite(f) for f in resolve_suites(names, root)]
    owner: dict[str, str] = {}
    for s in suites:
        for p in s.probes:
            if p.id in owner and owner[p.id] != s.path:
                raise InputError(s.path, f"probe '{p.id}', field 'id': duplicate id (also in {owner[p.id]})")
            owner[p.id] = s.path
    return suites
