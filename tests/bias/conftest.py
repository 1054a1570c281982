"""Shared helpers for the bias tests: grammar availability and outcome builders."""

from __future__ import annotations

import pytest

from auditor.bias.tsscan import GrammarUnavailable, parser_for


def need_grammar(language: str) -> None:
    """Skip (with the reason) when no local tree-sitter grammar for ``language`` is installed."""
    try:
        parser_for(language)
    except GrammarUnavailable as exc:
        pytest.skip(str(exc))
