"""The public surface: ``__all__`` is exactly what ``auditor`` exports, and importing it stays light."""

from __future__ import annotations

import subprocess
import sys

import auditor

HEAVY = ("torch", "transformers", "scipy", "sklearn", "pandas", "matplotlib", "semgrep", "bandit", "fairlearn",
         "uvicorn", "starlette", "httpx", "jinja2", "tree_sitter")


def test_all_names_resolve_and_nothing_public_is_unlisted() -> None:
    for name in auditor.__all__:
        assert hasattr(auditor, name), f"auditor.__all__ lists {name!r}, which does not exist"
    public = {n for n in vars(auditor) if not n.startswith("_") and not isinstance(getattr(auditor, n), type(sys))}
    assert public <= set(auditor.__all__), f"exported but not in __all__: {sorted(public - set(auditor.__all__))}"
    assert len(auditor.__all__) == len(set(auditor.__all__))


def test_import_pulls_in_no_heavy_dependency() -> None:
    """`import auditor` (and so `auditor --help`) must not load models, scanners or servers."""
    code = f"import sys, auditor; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "", f"importing auditor loaded: {loaded}"
