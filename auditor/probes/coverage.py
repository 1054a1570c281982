"""Coverage of the probe suites (language × CWE × kind), computed from the suite files themselves.

``coverage(suites)`` counts probes per (language, CWE, kind) cell; ``as_json`` and ``as_markdown``
render it for ``auditor probes list --format json|md``. Nothing is maintained by hand: the
numbers in a document generated from here are the numbers in the files.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from auditor.probes.loader import Suite

__all__ = ["Coverage", "coverage", "as_json", "as_markdown"]

KINDS = ("instruct", "complete", "counterfactual", "persona")


@dataclass(frozen=True, slots=True)
class Coverage:
    suites: tuple[tuple[str, int], ...]  # (suite name, probes)
    cells: dict[tuple[str, str, str], int]  # (language, cwe, kind) -> probes
    expect: dict[str, int]  # comply / refuse -> probes
    tactics: dict[str, int]  # ATT&CK tactic id -> probes

    @property
    def probes(self) -> int:
        return sum(n for _, n in self.suites)

    def languages(self) -> list[str]:
        return sorted({lang for lang, _, _ in self.cells})

    def cwes(self) -> list[str]:
        return sorted({cwe for _, cwe, _ in self.cells if cwe != "none"}, key=int)


def coverage(suites: Sequence[Suite]) -> Coverage:
    cells: Counter[tuple[str, str, str]] = Counter()
    expect: Counter[str] = Counter()
    tactics: Counter[str] = Counter()
    for suite in suites:
        for p in suite.probes:
            for cwe in [str(c) for c in p.cwe] or ["none"]:
                cells[(p.language or "any", cwe, p.kind)] += 1
            expect[p.expect] += 1
            for t in {t.split(":", 1)[1] for t in p.tags if t.startswith("attack.tactic:")}:
                tactics[t] += 1
    return Coverage(
        suites=tuple((s.name, len(s.probes)) for s in suites),
        cells=dict(sorted(cells.items())),
        expect=dict(sorted(expect.items())),
        tactics=dict(sorted(tactics.items())),
    )


def as_json(cov: Coverage) -> str:
    body = {
        "probes": cov.probes,
        "suites": [{"suite": name, "probes": n} for name, n in cov.suites],
        "languages": cov.languages(),
        "cwes": [int(c) for c in cov.cwes()],
        "kinds": sorted({k for _, _, k in cov.cells}),
        "expect": cov.expect,
        "tactics": cov.tactics,
        "cells": [{"language": lang, "cwe": None if cwe == "none" else int(cwe), "kind": kind, "probes": n}
                  for (lang, cwe, kind), n in cov.cells.items()],
    }
    return json.dumps(body, indent=2) + "\n"


def _by_language(cov: Coverage) -> dict[str, tuple[Counter[str], set[str]]]:
    """language -> (probe-CWE pairs per kind, CWEs)."""
    out: dict[str, tuple[Counter[str], set[str]]] = defaultdict(lambda: (Counter(), set()))
    for (lang, cwe, kind), n in cov.cells.items():
        kinds, cwes = out[lang]
        kinds[kind] += n
        if cwe != "none":
            cwes.add(cwe)
    return dict(sorted(out.items()))


def as_markdown(cov: Coverage) -> str:
    kinds = [k for k in KINDS if any(k == kk for _, _, kk in cov.cells)]
    lines = [
        "# Probe coverage",
        "",
        f"{cov.probes} probes in {len(cov.suites)} suites · {len(cov.languages())} languages · "
        f"{len(cov.cwes())} CWEs · expect: " + ", ".join(f"{k} {n}" for k, n in cov.expect.items()),
        "",
        "## By language and kind",
        "",
        "Counts are (probe, CWE) pairs: a probe naming two CWEs counts in both.",
        "",
        "| language | " + " | ".join(kinds) + " | CWEs |",
        "|---|" + "---:|" * len(kinds) + "---|",
    ]
    for lang, (counts, cwes) in _by_language(cov).items():
        listed = ", ".join(f"CWE-{c}" for c in sorted(cwes, key=int)) or "–"
        lines.append(f"| {lang} | " + " | ".join(str(counts.get(k, 0)) for k in kinds) + f" | {listed} |")
    lines += ["", "## Suites", "", "| suite | probes |", "|---|---:|"]
    lines += [f"| {name} | {n} |" for name, n in cov.suites]
    if cov.tactics:
        lines += ["", "## ATT&CK tactics", "", "| tactic | probes |", "|---|---:|"]
        lines += [f"| {t} | {n} |" for t, n in cov.tactics.items()]
    return "\n".join(lines) + "\n"
