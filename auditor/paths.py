"""Where the bundled data lives: rule packs, probe suites, policies and the embedded sample.

In a source checkout (and an editable install) they are the top-level folders of the repository;
a wheel carries copies under ``auditor/_data/``.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["data_dir", "RULES_DIR", "PROBES_DIR", "POLICIES_DIR", "SAMPLES_DIR", "DEFAULT_STORE"]

_PKG = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The bundled folder ``name`` (``rules``, ``probes``, ``policies`` or ``samples``)."""
    packaged = _PKG / "_data" / name
    if packaged.is_dir():
        return packaged
    return _PKG.parent / name


RULES_DIR = data_dir("rules")
PROBES_DIR = data_dir("probes")
POLICIES_DIR = data_dir("policies")
SAMPLES_DIR = data_dir("samples")
DEFAULT_STORE = Path(".auditor") / "runs.sqlite"
