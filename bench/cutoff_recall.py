"""What the tree-sitter recovery buys on Python cut off mid-statement, as a model stopped by max_tokens leaves it.

Takes the Python snippets of ``corpora/detection`` and, for each, a cut-off twin: the same code plus
the start of one more function that stops inside a call, so ``ast`` rejects the whole block although
the original code is intact. For the builtin engine and bandit it prints the share of insecure
snippets flagged (a finding of medium or higher, as ``auditor rules eval`` counts) and of secure
ones flagged, on the complete snippets, on the cut-off twins as the analyzers now read them
(statements recovered with tree-sitter), and on the cut-off twins without that recovery (what the
analyzers did before: regex rules only for builtin, an error for bandit). All in one run.

    python bench/cutoff_recall.py
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
TAIL = "\n\ndef next_step(items):\n    for item in items:\n        handle(item,\n"


@contextmanager
def recovery(enabled: bool) -> Iterator[None]:
    if enabled:
        yield
        return
    with mock.patch("auditor.analyzers.pyfragment.recover", lambda code: None):
        yield


def rates(analyzer: object, snippets: list[dict[str, object]], transform: Callable[[str], str]) -> dict[str, float]:
    from auditor.types import CodeBlock, Generation, Severity

    gens = [Generation(attempt_id=str(s["id"]), text="", code_blocks=(
        CodeBlock(language="python", code=transform(str(s["code"])), start_line=1),)) for s in snippets]
    start = time.perf_counter()
    results = analyzer.analyze(gens)  # type: ignore[attr-defined]
    elapsed = time.perf_counter() - start
    out: dict[str, float] = {"ms": 1000 * elapsed / len(gens)}
    for label in ("insecure", "secure"):
        chosen = [r for r, s in zip(results, snippets) if s["label"] == label]
        flagged = sum(any(f.severity >= Severity.MEDIUM for f in r.findings) for r in chosen)
        out[label] = 100 * flagged / len(chosen)
        out[f"{label}_errors"] = sum(r.status == "error" for r in chosen)
    return out


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from auditor.analyzers import create
    from auditor.jsonl import iter_jsonl

    snippets = [record for _, record in iter_jsonl(ROOT / "corpora" / "detection" / "python.jsonl")]
    insecure = sum(s["label"] == "insecure" for s in snippets)
    print(f"{len(snippets)} Python snippets ({insecure} insecure, {len(snippets) - insecure} secure); flagged = a "
          "finding >= medium; errors = results with status error")
    print("analyzer | variant                          | insecure flagged % (errors) | secure flagged % (errors) | ms/snippet")
    for name in ("builtin", "bandit"):
        analyzer = create(name)
        for variant, transform, enabled in (
            ("complete", lambda code: code, True),
            ("cut off, recovered (now)", lambda code: code.rstrip("\n") + TAIL, True),
            ("cut off, no recovery (before)", lambda code: code.rstrip("\n") + TAIL, False),
        ):
            with recovery(enabled):
                r = rates(analyzer, snippets, transform)
            print(f"{name:8} | {variant:32} | {r['insecure']:6.1f} ({r['insecure_errors']:3.0f})"
                  f"               | {r['secure']:6.1f} ({r['secure_errors']:3.0f})             | {r['ms']:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
