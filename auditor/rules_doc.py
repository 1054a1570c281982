"""The rule coverage table, built from the rule files themselves (``auditor rules list``).

Every YAML file under ``rules/`` that holds a rule (a mapping with ``id``, ``languages`` and
``metadata``) or a semgrep rule list (``rules:`` of such mappings) gives one :class:`RuleEntry` per
rule. Other YAML there (taint specs, compliance maps, lexicons) is not a rule and is skipped. The
engine is the top folder (``builtin``, ``semgrep``, ``malicious``, ``secrets``); a builtin rule adds
its kind (``builtin:regex``, ``builtin:ast``, ``builtin:taint``). Severity, confidence, CWE and OWASP
go through :mod:`auditor.analyzers.levels`, so the table reads as the findings will.

:func:`render_markdown` is the page ``docs/rules.md`` (``auditor rules list --format md``), with a
summary: rules per language and engine, distinct CWEs, and which entries of the 2024 CWE Top 25 the
packs cover and which they do not. :func:`to_json` and :func:`table_rows` feed the other formats.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditor.analyzers.levels import (
    normalize_owasp,
    owasp_for_cwe,
    parse_cwes,
    semgrep_confidence,
    semgrep_severity,
)
from auditor.paths import RULES_DIR
from auditor.types import Severity
from auditor.yamlfile import load_yaml

__all__ = ["RuleEntry", "TOP25_2024", "collect", "cwe_names", "table_rows", "render_table", "to_json", "render_markdown", "COLUMNS"]

#: The 2024 CWE Top 25 Most Dangerous Software Weaknesses, in rank order.
TOP25_2024: tuple[tuple[int, str], ...] = (
    (79, "Cross-site Scripting"),
    (787, "Out-of-bounds Write"),
    (89, "SQL Injection"),
    (352, "Cross-Site Request Forgery (CSRF)"),
    (22, "Path Traversal"),
    (125, "Out-of-bounds Read"),
    (78, "OS Command Injection"),
    (416, "Use After Free"),
    (862, "Missing Authorization"),
    (434, "Unrestricted Upload of File with Dangerous Type"),
    (94, "Code Injection"),
    (20, "Improper Input Validation"),
    (77, "Command Injection"),
    (287, "Improper Authentication"),
    (269, "Improper Privilege Management"),
    (502, "Deserialization of Untrusted Data"),
    (200, "Exposure of Sensitive Information to an Unauthorized Actor"),
    (863, "Incorrect Authorization"),
    (918, "Server-Side Request Forgery (SSRF)"),
    (119, "Improper Restriction of Operations within the Bounds of a Memory Buffer"),
    (476, "NULL Pointer Dereference"),
    (798, "Use of Hard-coded Credentials"),
    (190, "Integer Overflow or Wraparound"),
    (400, "Uncontrolled Resource Consumption"),
    (306, "Missing Authentication for Critical Function"),
)

#: Column names of the table, in order (the JSON keys are their lower-case forms).
COLUMNS = ("rule", "engine", "language", "CWE", "OWASP", "severity", "confidence")
_RULE_KEYS = {"id", "languages", "metadata"}
_COMMON_KEYS = {"id", "message", "languages", "severity", "metadata"}
_BUILTIN_KINDS = ("regex", "ast", "taint")


@dataclass(frozen=True, slots=True)
class RuleEntry:
    """One rule as the coverage table shows it."""

    id: str
    engine: str
    languages: tuple[str, ...]
    cwes: tuple[int, ...]
    cwe_labels: tuple[str, ...]
    owasp: str | None
    severity: str
    confidence: str
    path: str  # relative to the rules folder, with forward slashes
    attack: str | None = None  # MITRE ATT&CK technique id, for malicious-code rules

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.id, "engine": self.engine, "languages": list(self.languages),
            "cwe": [f"CWE-{c}" for c in self.cwes], "owasp": self.owasp, "severity": self.severity,
            "confidence": self.confidence, "attack": self.attack, "path": self.path,
        }


def collect(rules_dir: Path = RULES_DIR) -> list[RuleEntry]:
    """Every rule under ``rules_dir``, sorted by engine, first language and id.

    A YAML file that cannot be parsed raises :class:`InputError` naming it: a broken rule file
    must not silently drop out of the coverage page.
    """
    entries: list[RuleEntry] = []
    for path in sorted(Path(rules_dir).rglob("*.y*ml")):
        if path.suffix in (".yaml", ".yml") and path.is_file():
            entries.extend(_entries_in(path, Path(rules_dir)))
    return sorted(entries, key=lambda e: (e.engine, e.languages[:1], e.id))


def _entries_in(path: Path, rules_dir: Path) -> Iterator[RuleEntry]:
    data = load_yaml(path)
    relative = path.relative_to(rules_dir)
    folder = relative.parts[0] if len(relative.parts) > 1 else ""
    if isinstance(data, Mapping) and isinstance(data.get("rules"), list):
        candidates: list[Any] = list(data["rules"])
    else:
        candidates = [data]
    for rule in candidates:
        if isinstance(rule, Mapping) and _RULE_KEYS <= rule.keys() and isinstance(rule["metadata"], Mapping):
            yield _entry(rule, folder, relative.as_posix())


def _entry(rule: Mapping[str, Any], folder: str, path: str) -> RuleEntry:
    metadata: Mapping[str, Any] = rule["metadata"]
    cwes = parse_cwes(metadata.get("cwe"))
    raw_cwe = metadata.get("cwe")
    labels = tuple(str(c) for c in (raw_cwe if isinstance(raw_cwe, list) else [raw_cwe]) if c is not None)
    languages = rule["languages"]
    attack = metadata.get("attack")
    technique = attack.get("technique") if isinstance(attack, Mapping) else attack
    return RuleEntry(
        id=str(rule["id"]),
        engine=_engine(rule, folder),
        languages=tuple(str(lang) for lang in (languages if isinstance(languages, list) else [languages])),
        cwes=cwes,
        cwe_labels=labels,
        owasp=normalize_owasp(metadata.get("owasp")) or owasp_for_cwe(cwes[0] if cwes else None),
        severity=_severity(rule.get("severity"), metadata).value,
        confidence=semgrep_confidence(metadata).value,
        path=path,
        attack=str(technique) if technique else None,
    )


def _engine(rule: Mapping[str, Any], folder: str) -> str:
    engine = folder or "rules"
    if engine != "builtin":
        return engine
    kinds = [k for k in _BUILTIN_KINDS if k in rule]
    kinds += sorted(k for k in rule if k not in _COMMON_KEYS and k not in _BUILTIN_KINDS)
    return f"builtin:{kinds[0]}" if kinds else "builtin"


def _severity(value: Any, metadata: Mapping[str, Any]) -> Severity:
    """Our levels as written (builtin rules), else semgrep's (INFO/WARNING/ERROR ...)."""
    try:
        return Severity.parse(str(value))
    except ValueError:
        return semgrep_severity(None if value is None else str(value), metadata)


def cwe_names(entries: Sequence[RuleEntry]) -> dict[int, str]:
    """CWE number -> its name as the rules spell it (``"CWE-89: Improper ..."``)."""
    names: dict[int, str] = {}
    for entry in entries:
        for label in entry.cwe_labels:
            numbers = parse_cwes(label)
            _, _, name = label.partition(":")
            if len(numbers) == 1 and name.strip():
                names.setdefault(numbers[0], name.strip())
    return names


def table_rows(entries: Sequence[RuleEntry]) -> list[tuple[str, ...]]:
    """The table as strings, one tuple per rule in :data:`COLUMNS` order."""
    return [
        (e.id, e.engine, ", ".join(e.languages), ", ".join(f"CWE-{c}" for c in e.cwes) or "-",
         e.owasp or "-", e.severity, e.confidence)
        for e in entries
    ]


def render_table(entries: Sequence[RuleEntry]) -> str:
    """The table as aligned plain text for a terminal or a pipe (OWASP shortened to its code)."""
    rows = [COLUMNS] + [row[:4] + (row[4].split(" - ")[0],) + row[5:] for row in table_rows(entries)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    return "".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() + "\n" for row in rows)


def _by_cwe(entries: Sequence[RuleEntry]) -> dict[int, list[RuleEntry]]:
    found: dict[int, list[RuleEntry]] = {}
    for entry in entries:
        for cwe in entry.cwes:
            found.setdefault(cwe, []).append(entry)
    return dict(sorted(found.items()))


def _by_language(entries: Sequence[RuleEntry]) -> dict[str, Counter[str]]:
    found: dict[str, Counter[str]] = {}
    for entry in entries:
        for language in entry.languages:
            found.setdefault(language, Counter())[entry.engine.split(":")[0]] += 1
    return dict(sorted(found.items()))


def to_json(entries: Sequence[RuleEntry]) -> dict[str, Any]:
    """The table plus the summary, as plain data."""
    by_cwe = _by_cwe(entries)
    return {
        "rules": [e.as_dict() for e in entries],
        "summary": {
            "rules": len(entries),
            "distinct_cwes": len(by_cwe),
            "cwes": {f"CWE-{c}": [e.id for e in rules] for c, rules in by_cwe.items()},
            "languages": {lang: dict(sorted(c.items())) for lang, c in _by_language(entries).items()},
            "top25_2024": {
                "covered": [f"CWE-{c}" for c, _ in TOP25_2024 if c in by_cwe],
                "not_covered": [f"CWE-{c}" for c, _ in TOP25_2024 if c not in by_cwe],
            },
            "attack_techniques": sorted({e.attack for e in entries if e.attack}),
        },
    }


def render_markdown(entries: Sequence[RuleEntry], link_prefix: str = "../rules/") -> str:
    """The coverage page: summary, per-language counts, CWE Top 25, distinct CWEs, every rule.

    Rule ids link to their files as ``link_prefix + path`` (the page lives in ``docs/``).
    """
    by_cwe = _by_cwe(entries)
    names = cwe_names(entries)
    top = dict(TOP25_2024)
    covered = [c for c, _ in TOP25_2024 if c in by_cwe]
    missing = [c for c, _ in TOP25_2024 if c not in by_cwe]
    engines = Counter(e.engine.split(":")[0] for e in entries)
    out = [
        "# Rule coverage",
        "",
        "<!-- Generated by `auditor rules list --format md > docs/rules.md` from the rule files under",
        "     rules/. Do not edit by hand: tests/rules/test_rules_doc.py fails when this page is stale. -->",
        "",
        f"{len(entries)} rules ({', '.join(f'{n} {k}' for k, n in sorted(engines.items()))}) "
        f"cover **{len(by_cwe)} distinct CWEs**, including "
        f"**{len(covered)} of the 25** entries of the 2024 CWE Top 25.",
        "",
    ]
    out += _language_section(entries)
    out += _top25_section(by_cwe, top, missing)
    out += _cwe_section(by_cwe, names)
    attack = sorted({e.attack for e in entries if e.attack})
    if attack:
        out += ["## MITRE ATT&CK techniques", "", f"Malicious-code rules map to {len(attack)} techniques: "
                + ", ".join(attack) + ".", ""]
    out += ["## Rules", "", _row(COLUMNS), _row(("---",) * len(COLUMNS))]
    for entry, row in zip(entries, table_rows(entries)):
        out.append(_row((f"[{entry.id}]({link_prefix}{entry.path})",) + row[1:]))
    return "\n".join(out) + "\n"


def _language_section(entries: Sequence[RuleEntry]) -> list[str]:
    by_language = _by_language(entries)
    engines = sorted({e.engine.split(":")[0] for e in entries})
    lines = ["## Rules per language", "", _row(("language", *engines, "total")), _row(("---",) * (len(engines) + 2))]
    for language, counts in by_language.items():
        lines.append(_row((language, *(str(counts.get(k, 0) or "") for k in engines), str(sum(counts.values())))))
    return [*lines, ""]


def _top25_section(by_cwe: Mapping[int, list[RuleEntry]], top: Mapping[int, str], missing: list[int]) -> list[str]:
    lines = ["## CWE Top 25 (2024)", "", _row(("rank", "CWE", "weakness", "rules", "languages")), _row(("---",) * 5)]
    for rank, (cwe, name) in enumerate(top.items(), start=1):
        rules = by_cwe.get(cwe, [])
        languages = sorted({lang for e in rules for lang in e.languages})
        lines.append(_row((str(rank), f"CWE-{cwe}", name, str(len(rules)) if rules else "**not covered**",
                           ", ".join(languages) or "-")))
    lines.append("")
    if missing:
        lines.append("Not covered: " + ", ".join(f"CWE-{c} ({top[c]})" for c in missing) + ".")
    else:
        lines.append("Every entry of the 2024 Top 25 has at least one rule.")
    return [*lines, ""]


def _cwe_section(by_cwe: Mapping[int, list[RuleEntry]], names: Mapping[int, str]) -> list[str]:
    lines = ["## Distinct CWEs", "", _row(("CWE", "name", "rules")), _row(("---",) * 3)]
    for cwe, rules in by_cwe.items():
        lines.append(_row((f"CWE-{cwe}", names.get(cwe, "-"), str(len(rules)))))
    return [*lines, ""]


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |"
