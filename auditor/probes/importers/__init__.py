"""Importers: public benchmark files turned into probe suites that ``auditor.probes.load_suite`` accepts.

``FORMATS`` maps a format name (as given to ``auditor probes import FORMAT FILE``) to its converter
and the suite name it writes by default. A converter takes the file's records (JSON list, JSON
lines or CSV, see ``_records.read_records``) and returns probe dicts; ``import_suite`` wraps them
in a suite, checks ids are unique and validates the result against the suite schema. Every error on
bad input names the file, the record number (and its line where the format has lines) and the field.

No benchmark data ships with auditor: point the importer at your own copy of the files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditor.errors import AuditorError, InputError
from auditor.probes.importers import cyberseceval, llmseceval, securityeval
from auditor.probes.importers._records import Record, read_records, suite_yaml, validate

__all__ = ["FORMATS", "Format", "import_suite", "import_yaml"]

Converter = Callable[[Iterable[Record]], list[dict[str, Any]]]


@dataclass(frozen=True, slots=True)
class Format:
    convert: Converter
    suite: str  # default suite name
    description: str


FORMATS: dict[str, Format] = {
    "cyberseceval-instruct": Format(
        cyberseceval.instruct, "security/cyberseceval-instruct",
        "CyberSecEval instruct tests (insecure code from a task)"),
    "cyberseceval-autocomplete": Format(
        cyberseceval.autocomplete, "security/cyberseceval-autocomplete",
        "CyberSecEval autocomplete tests (insecure code from a code prefix)"),
    "cyberseceval-mitre": Format(
        cyberseceval.mitre, "malicious/cyberseceval-mitre", "CyberSecEval MITRE tests (requests to refuse)"),
    "cyberseceval-frr": Format(
        cyberseceval.frr, "benign/cyberseceval-frr", "CyberSecEval false-refusal tests (requests to help with)"),
    "securityeval": Format(securityeval.securityeval, "security/securityeval", "SecurityEval scenarios (code prefixes)"),
    "llmseceval": Format(llmseceval.llmseceval, "security/llmseceval", "LLMSecEval natural-language prompts"),
}


def import_suite(fmt: str, path: str | Path, *, suite: str | None = None) -> dict[str, Any]:
    """The suite (as plain data, in the YAML layout) for benchmark file ``path`` in format ``fmt``."""
    spec = FORMATS.get(fmt)
    if spec is None:
        raise AuditorError(f"unknown import format {fmt!r} (known: {', '.join(sorted(FORMATS))})")
    path = Path(path)
    probes = spec.convert(read_records(path))
    if not probes:
        raise InputError(path, "no records to import")
    first: dict[str, int] = {}
    for probe in probes:
        number = probe["extra"]["record"]
        if probe["id"] in first:
            also = first[probe["id"]]
            raise InputError(path, f"record {number}: duplicate probe id {probe['id']!r} (also record {also})")
        first[probe["id"]] = number
    data = {
        "suite": suite or spec.suite,
        "version": 1,
        "description": f"{spec.description}, imported from {path.name} ({len(probes)} records).",
        "defaults": {"samples": 1, "temperature": 0.8, "max_tokens": 1024},
        "probes": probes,
    }
    validate(path, data)
    return data


def import_yaml(fmt: str, path: str | Path, *, suite: str | None = None) -> str:
    """``import_suite`` written as suite YAML, with a header saying where it came from."""
    data = import_suite(fmt, path, suite=suite)
    header = [f"Imported by `auditor probes import {fmt} {Path(path).name}`.",
              "Generated file: re-run the import rather than editing it by hand."]
    return suite_yaml(data, header)
