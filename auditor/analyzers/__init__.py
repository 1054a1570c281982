"""Analyzers: the registry of built-ins plus third-party ones from the ``auditor.analyzers`` entry points.

Built-ins are listed here, explicitly, by import path, and imported only when used.
"""

from __future__ import annotations

import importlib
from importlib.metadata import entry_points
from typing import Any

from auditor.analyzers.base import Analyzer, error_results
from auditor.errors import AuditorError

__all__ = ["Analyzer", "BUILTIN", "DEFAULT_AUDIT", "FAST_TIER", "available", "create", "error_results"]

BUILTIN: dict[str, str] = {
    "builtin": "auditor.analyzers.builtin:BuiltinAnalyzer",
    "bandit": "auditor.analyzers.bandit:BanditAnalyzer",
    "semgrep": "auditor.analyzers.semgrep:SemgrepAnalyzer",
    "refusal": "auditor.analyzers.refusal:RefusalAnalyzer",
    "attribute-use": "auditor.bias.attribute_use:AttributeUseAnalyzer",
    "malicious": "auditor.analyzers.malicious:MaliciousAnalyzer",
    "secrets": "auditor.analyzers.secrets:SecretsAnalyzer",
}

#: What `auditor audit` runs unless told otherwise.
DEFAULT_AUDIT: tuple[str, ...] = (
    "builtin", "bandit", "semgrep", "refusal", "attribute-use", "malicious", "secrets",
)
#: In-process and cheap enough for the guard.
FAST_TIER: tuple[str, ...] = ("builtin", "refusal", "malicious", "secrets")


def available() -> dict[str, str]:
    """Every analyzer name and where it lives (built-ins first, then entry points)."""
    found = dict(BUILTIN)
    for ep in entry_points(group="auditor.analyzers"):
        found.setdefault(ep.name, ep.value)
    return found


def create(name: str, **options: Any) -> Analyzer:
    """Instantiate an analyzer by registry name."""
    target = available().get(name)
    if target is None:
        raise AuditorError(f"unknown analyzer {name!r} (known: {', '.join(sorted(available()))})")
    module, _, attr = target.partition(":")
    cls = getattr(importlib.import_module(module), attr)
    return cls(**options)  # type: ignore[no-any-return]
