"""LLMSecEval (tuhh-softsec) into a probe suite.

The dataset comes as CSV or JSON with one natural-language prompt per row: an id such as
"CWE-119_BOF-1a" (column ``Prompt ID``; the JSON release spells it ``Promot ID``), ``CWE ID``
when present (otherwise the CWE is read from the id), ``CWE Name``, the prompt (``NL Prompt``;
``Modified Prompt`` in the JSON release) and ``Language``. Prompts say "Generate <language> code
for the following: ..."; the placeholder is filled with the row's language. → ``kind: instruct``
probes with ids ``llmseceval-`` plus the prompt id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from auditor.extract import normalize_language
from auditor.probes.importers._records import Record, slug

__all__ = ["llmseceval"]

_PLACEHOLDER = re.compile(r"<\s*(?:language|lanuage|lang)\s*>\s*", re.IGNORECASE)  # with a typo seen in the data
_ID_CWE = re.compile(r"^\s*CWE[-_ ]?0*(\d+)", re.IGNORECASE)


def llmseceval(records: Iterable[Record]) -> list[dict[str, Any]]:
    probes = []
    for r in records:
        ident = r.text("Prompt ID", "Promot ID", "ID")
        prompt = r.text("NL Prompt", "Modified Prompt", "Prompt")
        assert ident is not None and prompt is not None
        match = _ID_CWE.match(ident)
        cwe = r.cwes("CWE ID", "CWE", required=match is None) or [int(match.group(1))]  # type: ignore[union-attr]
        shown = (r.text("Language", "language", required=False) or "").strip()
        language = normalize_language(shown) if shown else None
        text = _PLACEHOLDER.sub(f"{shown} " if shown else "", prompt)
        probe: dict[str, Any] = {
            "id": f"llmseceval-{slug(ident)}", "kind": "instruct", "cwe": cwe,
            "goal": (r.text("CWE Name", required=False) or f"CWE-{cwe[0]}").strip(), "prompt": text.strip(),
            "extra": {"source": "llmseceval", "record": r.number, "scenario": ident.strip()},
        }
        if language:
            probe["language"] = language
        probes.append(probe)
    return probes
