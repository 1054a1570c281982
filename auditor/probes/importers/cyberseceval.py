"""CyberSecEval (Meta PurpleLlama, CybersecurityBenchmarks/datasets) into probe suites.

* ``instruct`` — a JSON list; each record has ``test_case_prompt`` (a task in words),
  ``language`` and ``cwe_identifier`` ("CWE-338"), plus ``pattern_desc``, ``rule``,
  ``origin_code``, ``line_text`` and more that we do not need. → ``kind: instruct`` probes.
* ``autocomplete`` — the same fields; ``test_case_prompt`` is an instruction ("Write the next
  several lines of the following code ...") followed by a blank line and the code prefix. We keep
  the prefix (``kind: complete``: our expansion adds its own instruction); without a
  ``test_case_prompt`` the prefix is ``origin_code`` up to ``line_text``.
* ``mitre`` — ``mutated_prompt`` (the request), ``mitre_category`` ("C2", "Recon",
  "Privilege Escalation" ...) and ``ttp_id_name_mapping`` {``TTP_ID``, ``TTP_Name``}. →
  ``expect: refuse`` probes tagged with the ATT&CK tactic and technique.
* ``frr`` — the false-refusal set: ``mutated_prompt`` (or ``prompt``), ``is_malicious`` and
  ``attack_type``. → ``expect: comply`` probes (``expect: refuse`` where ``is_malicious`` is true).

Probe ids are ``cse-<kind>-...-<record number>``, so re-importing the same file gives the same ids.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from auditor.extract import normalize_language
from auditor.probes.importers._records import Record, slug

__all__ = ["instruct", "autocomplete", "mitre", "frr", "TACTICS"]

#: CyberSecEval's MITRE categories (and ATT&CK tactic names) -> ATT&CK enterprise tactic ids.
TACTICS: dict[str, str] = {
    "recon": "TA0043", "reconnaissance": "TA0043", "resource development": "TA0042",
    "initial access": "TA0001", "execution": "TA0002", "persistence": "TA0003",
    "privilege escalation": "TA0004", "evasion": "TA0005", "defense evasion": "TA0005",
    "credential access": "TA0006", "discovery": "TA0007", "lateral movement": "TA0008",
    "collection": "TA0009", "exfil": "TA0010", "exfiltration": "TA0010", "c2": "TA0011",
    "command and control": "TA0011", "impact": "TA0040",
}
_PREAMBLE = ("write the next", "complete the", "continue the")


def _language(record: Record) -> str:
    raw = record.text("language")
    language = normalize_language(raw)
    if not language:
        raise record.error("is empty", "language")
    return language


def _coding(record: Record, kind: str, prompt: str) -> dict[str, Any]:
    language = _language(record)
    cwe = record.cwes("cwe_identifier", "cwe")
    goal = record.text("pattern_desc", required=False) or f"CWE-{cwe[0]} in {language}"
    extra = {"source": f"cyberseceval-{kind}", "record": record.number}
    rule = record.text("rule", "pattern_id", required=False)
    if rule:
        extra["rule"] = rule
    probe_kind = "instruct" if kind == "instruct" else "complete"
    return {
        "id": f"cse-{kind}-{slug(language)}-{record.number:05d}", "kind": probe_kind, "language": language,
        "cwe": cwe, "goal": goal.strip(), "prompt": prompt, "extra": extra,
    }


def instruct(records: Iterable[Record]) -> list[dict[str, Any]]:
    return [_coding(r, "instruct", r.text("test_case_prompt", "prompt") or "") for r in records]


def _prefix(record: Record) -> str:
    prompt = record.text("test_case_prompt", "prompt", required=False)
    if prompt is None:
        origin = record.text("origin_code", required=False)
        line = record.text("line_text", required=False)
        if origin is None or line is None or line not in origin:
            raise record.error("is required (or origin_code with line_text inside it)", "test_case_prompt")
        return origin.split(line, 1)[0].rstrip("\n")
    head, sep, rest = prompt.partition("\n\n")
    if sep and head.strip().lower().startswith(_PREAMBLE) and rest.strip():
        return rest.strip("\n")
    return prompt


def autocomplete(records: Iterable[Record]) -> list[dict[str, Any]]:
    return [_coding(r, "autocomplete", _prefix(r)) for r in records]


def _tactic(record: Record, field: str) -> str | None:
    value = record.data.get(field)
    if isinstance(value, list):
        value = value[0] if value else None
    if value is None or value == "":
        return None
    return TACTICS.get(" ".join(str(value).lower().replace("&", "and").replace("_", " ").split()))


def mitre(records: Iterable[Record]) -> list[dict[str, Any]]:
    probes = []
    for r in records:
        prompt = r.text("mutated_prompt", "test_case_prompt", "prompt")
        category = r.text("mitre_category")
        assert category is not None and prompt is not None
        tags = [f"cyberseceval.mitre_category:{slug(category)}"]
        tactic = _tactic(r, "mitre_category")
        if tactic:
            tags.insert(0, f"attack.tactic:{tactic}")
        ttp = r.data.get("ttp_id_name_mapping")
        ttp = ttp if isinstance(ttp, dict) else {}
        if ttp.get("TTP_ID"):
            tags.append(f"attack.technique:{str(ttp['TTP_ID']).strip()}")
        goal = f"{category} request" + (f": {ttp['TTP_Name']}" if ttp.get("TTP_Name") else "")
        probes.append({
            "id": f"cse-mitre-{slug(category)}-{r.number:05d}", "kind": "instruct", "goal": goal, "prompt": prompt,
            "expect": "refuse", "tags": tags, "extra": {"source": "cyberseceval-mitre", "record": r.number},
        })
    return probes


def frr(records: Iterable[Record]) -> list[dict[str, Any]]:
    probes = []
    for r in records:
        prompt = r.text("mutated_prompt", "prompt", "test_case_prompt")
        malicious = r.flag("is_malicious")
        kinds = r.data.get("attack_type") or []
        kinds = [str(k) for k in (kinds if isinstance(kinds, list) else [kinds]) if str(k).strip()]
        tags = [f"cyberseceval.attack_type:{slug(k)}" for k in kinds]
        tactic = _tactic(r, "attack_type")
        if tactic:
            tags.insert(0, f"attack.tactic:{tactic}")
        what = ", ".join(kinds) or "security"
        goal = f"{'malicious' if malicious else 'legitimate'} {what} request (false-refusal set)"
        probes.append({
            "id": f"cse-frr-{r.number:05d}", "kind": "instruct", "goal": goal, "prompt": prompt,
            "expect": "refuse" if malicious else "comply", "tags": tags,
            "extra": {"source": "cyberseceval-frr", "record": r.number},
        })
    return probes
