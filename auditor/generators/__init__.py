"""Model backends behind one async protocol, chosen by a model spec string.

``hf:PATH_OR_ID`` (transformers), ``openai:MODEL`` with a base URL (any OpenAI-compatible server) and
``replay:FILE.jsonl`` (captured responses). Secrets come from environment variables only.
"""

from __future__ import annotations

from typing import Any

from auditor.errors import AuditorError
from auditor.generators.base import Generator, GeneratorError

__all__ = ["Generator", "GeneratorError", "make_generator", "model_key"]

_DEFAULT_OPENAI_URL = "https://api.openai.com/v1"


def make_generator(spec: str, *, base_url: str | None = None, **options: Any) -> Generator:
    """Build the backend a model spec names."""
    kind, _, rest = spec.partition(":")
    if not rest:
        raise AuditorError(f"bad model spec {spec!r}: use hf:PATH_OR_ID, openai:MODEL or replay:FILE.jsonl")
    if kind == "replay":
        from auditor.generators.replay import ReplayGenerator

        return ReplayGenerator(rest)
    if kind == "openai":
        from auditor.generators.openai import OpenAIGenerator

        return OpenAIGenerator(rest, (base_url or _DEFAULT_OPENAI_URL).rstrip("/"), **options)
    if kind == "hf":
        from auditor.generators.hf import HFGenerator

        return HFGenerator(rest, **options)
    raise AuditorError(f"unknown model backend {kind!r} in {spec!r}: use hf:, openai: or replay:")


def model_key(spec: str, base_url: str | None = None) -> str:
    """What identifies a model for caching generations: the spec plus the server, never a secret."""
    return f"{spec}@{base_url.rstrip('/')}" if base_url and spec.startswith("openai:") else spec
