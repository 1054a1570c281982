"""The one place where tool-specific levels and labels become ours.

bandit reports severity and confidence as ``LOW``/``MEDIUM``/``HIGH`` (``UNDEFINED`` when a plugin
set none). semgrep rules carry a severity (``INFO``/``WARNING``/``ERROR``, or the newer
``LOW``/``MEDIUM``/``HIGH``/``CRITICAL``) and, in the registry's metadata, ``confidence``,
``likelihood`` and ``impact``. CWE and OWASP labels arrive as free text (``"CWE-89: Improper ..."``,
``"A03:2021 - Injection"``) or lists of them; the helpers here turn them into a CWE number and one
OWASP label in a single spelling. ``snippet`` cuts the flagged lines out of our own copy of the code,
so every analyzer shows them the same way.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from auditor.types import Confidence, Severity

__all__ = [
    "bandit_severity",
    "bandit_confidence",
    "semgrep_severity",
    "semgrep_confidence",
    "parse_cwes",
    "parse_cwe",
    "normalize_owasp",
    "owasp_for_cwe",
    "snippet",
    "SNIPPET_MAX",
]

#: Longest snippet a finding carries, in characters.
SNIPPET_MAX = 200

_BANDIT_SEVERITY = {
    "UNDEFINED": Severity.LOW,  # a plugin that set no severity still reported a problem
    "LOW": Severity.LOW,
    "MEDIUM": Severity.MEDIUM,
    "HIGH": Severity.HIGH,
}
_BANDIT_CONFIDENCE = {
    "UNDEFINED": Confidence.LOW,
    "LOW": Confidence.LOW,
    "MEDIUM": Confidence.MEDIUM,
    "HIGH": Confidence.HIGH,
}
_SEMGREP_SEVERITY = {
    # semgrep's classic levels
    "INFO": Severity.INFO,
    "INVENTORY": Severity.INFO,
    "EXPERIMENT": Severity.INFO,
    "WARNING": Severity.MEDIUM,
    "ERROR": Severity.HIGH,
    # the newer levels, one to one
    "LOW": Severity.LOW,
    "MEDIUM": Severity.MEDIUM,
    "HIGH": Severity.HIGH,
    "CRITICAL": Severity.CRITICAL,
}
_LEVEL = {"LOW": 0, "MEDIUM": 1, "HIGH": 2}
_CONFIDENCE_BY_LEVEL = (Confidence.LOW, Confidence.MEDIUM, Confidence.HIGH)
_SEVERITY_BY_LEVEL = (Severity.LOW, Severity.MEDIUM, Severity.HIGH)


def _key(value: Any) -> str:
    return str(value).strip().upper() if value is not None else ""


def bandit_severity(value: str | None) -> Severity:
    """bandit's issue severity as ours; anything unknown counts as low, never dropped."""
    return _BANDIT_SEVERITY.get(_key(value), Severity.LOW)


def bandit_confidence(value: str | None) -> Confidence:
    """bandit's issue confidence as ours."""
    return _BANDIT_CONFIDENCE.get(_key(value), Confidence.LOW)


def semgrep_severity(severity: str | None, metadata: Mapping[str, Any] | None = None) -> Severity:
    """A semgrep rule's severity as ours.

    The rule's own ``severity`` decides. Only when it is missing or unknown does the metadata's
    ``impact`` stand in for it; with neither, the finding is medium.
    """
    mapped = _SEMGREP_SEVERITY.get(_key(severity))
    if mapped is not None:
        return mapped
    impact = _LEVEL.get(_key((metadata or {}).get("impact")))
    return _SEVERITY_BY_LEVEL[impact] if impact is not None else Severity.MEDIUM


def semgrep_confidence(metadata: Mapping[str, Any] | None) -> Confidence:
    """The metadata's ``confidence`` (the registry's LOW/MEDIUM/HIGH); medium when absent."""
    level = _LEVEL.get(_key((metadata or {}).get("confidence")))
    return _CONFIDENCE_BY_LEVEL[level] if level is not None else Confidence.MEDIUM


_CWE = re.compile(r"CWE[-_ ]?(\d+)", re.IGNORECASE)


def parse_cwes(value: Any) -> tuple[int, ...]:
    """Every CWE number in a label, a number or a list of them, in order, without repeats.

    >>> parse_cwes(["CWE-89: Improper Neutralization ...", "CWE-943"])
    (89, 943)
    """
    found: list[int] = []
    items = value if isinstance(value, (list, tuple)) else [value]
    for item in items:
        if item is None or isinstance(item, bool):
            continue
        if isinstance(item, int):
            numbers = [item] if item > 0 else []
        elif str(item).strip().isdigit():
            numbers = [int(str(item).strip())]
        else:
            numbers = [int(m) for m in _CWE.findall(str(item))]
        found.extend(n for n in numbers if n > 0 and n not in found)
    return tuple(found)


def parse_cwe(value: Any) -> int | None:
    """The first CWE number in ``value``, or None."""
    cwes = parse_cwes(value)
    return cwes[0] if cwes else None


_OWASP = re.compile(r"A(\d{1,2})\s*:\s*(\d{4})\s*(?:[-\u2013\u2014:]\s*(.*))?$", re.IGNORECASE)


def normalize_owasp(value: Any) -> str | None:
    """One OWASP Top 10 label spelled ``"A03:2021 - Injection"``.

    From a list, the entry of the most recent edition wins (2021 over 2017). Labels that are not
    OWASP Top 10 categories are ignored; None when nothing is left.
    """
    items = value if isinstance(value, (list, tuple)) else [value]
    best: tuple[int, str] | None = None
    for item in items:
        if item is None:
            continue
        m = _OWASP.match(str(item).strip())
        if not m:
            continue
        number, year, title = int(m.group(1)), int(m.group(2)), (m.group(3) or "").strip()
        label = f"A{number:02d}:{year}" + (f" - {title}" if title else "")
        if best is None or year > best[0]:
            best = (year, label)
    return best[1] if best else None


#: OWASP Top 10 (2021) category of the CWEs our analyzers report, for tools that give no OWASP label.
_OWASP_2021_BY_CWE = {
    **dict.fromkeys((22, 284, 377, 601, 732), "A01:2021 - Broken Access Control"),
    **dict.fromkeys((259, 319, 326, 327, 330, 331, 347), "A02:2021 - Cryptographic Failures"),
    **dict.fromkeys((20, 78, 79, 80, 89, 94, 95, 116, 943, 1336), "A03:2021 - Injection"),
    **dict.fromkeys((16, 611, 614), "A05:2021 - Security Misconfiguration"),
    **dict.fromkeys((295, 798), "A07:2021 - Identification and Authentication Failures"),
    **dict.fromkeys((494, 502), "A08:2021 - Software and Data Integrity Failures"),
    918: "A10:2021 - Server-Side Request Forgery (SSRF)",
}


def owasp_for_cwe(cwe: int | None) -> str | None:
    """The OWASP Top 10 (2021) category a CWE falls under, where we know it."""
    return _OWASP_2021_BY_CWE.get(cwe) if cwe else None


def snippet(code: str, line: int, end_line: int | None = None) -> str:
    """Lines ``line``..``end_line`` (1-based) of ``code``, each trimmed, at most ``SNIPPET_MAX`` chars."""
    lines = code.splitlines()
    first = max(line, 1)
    last = min(max(end_line or first, first), len(lines))
    text = "\n".join(part.strip() for part in lines[first - 1 : last]).strip()
    return text if len(text) <= SNIPPET_MAX else text[: SNIPPET_MAX - 3] + "..."
