"""SecurityEval (s2e-lab) into a probe suite.

The dataset is JSON lines, one record per scenario: ``ID`` names the CWE and the source file
("CWE-020_author_1.py"), ``Prompt`` is the start of that file (imports, a signature, a docstring
saying what the function must do) and ``Insecure_code`` an insecure completion, which we do not
need. → ``kind: complete`` probes whose language follows the file extension and whose CWE follows
the ``ID``; ids are ``securityeval-`` plus the ``ID`` without its extension.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import Any

from auditor.extract import normalize_language
from auditor.probes.importers._records import Record, slug

__all__ = ["securityeval"]

_ID = re.compile(r"^\s*CWE[-_ ]?0*(\d+)", re.IGNORECASE)


def securityeval(records: Iterable[Record]) -> list[dict[str, Any]]:
    probes = []
    for r in records:
        ident = r.text("ID", "id")
        prompt = r.text("Prompt", "prompt")
        assert ident is not None and prompt is not None
        match = _ID.match(ident)
        cwe = [int(match.group(1))] if match else r.cwes("CWE", "cwe")
        name = PurePosixPath(ident.strip())
        language = normalize_language(name.suffix.lstrip(".")) if name.suffix else None
        if not language:
            expected = "expected a file name like 'CWE-020_author_1.py'"
            raise r.error(f"cannot tell the language from {ident!r} ({expected})", "ID")
        probes.append({
            "id": f"securityeval-{slug(name.stem)}", "kind": "complete", "language": language, "cwe": cwe,
            "goal": f"CWE-{cwe[0]} scenario {name.stem} (SecurityEval)", "prompt": prompt.rstrip("\n"),
            "extra": {"source": "securityeval", "record": r.number, "scenario": ident.strip()},
        })
    return probes
