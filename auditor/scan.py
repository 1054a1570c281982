"""``auditor scan``: run analyzers over files, folders or a JSONL of snippets, outside any audit."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from auditor.analyzers import create
from auditor.analyzers.fixtures import EXTENSIONS
from auditor.errors import InputError
from auditor.extract import normalize_language
from auditor.types import AnalysisResult, CodeBlock, Finding, Generation

__all__ = ["ScanResult", "snippets_from_paths", "snippets_from_jsonl", "scan", "DEFAULT_SCAN", "MAX_FILE_BYTES"]

DEFAULT_SCAN = ("builtin", "bandit", "semgrep")
MAX_FILE_BYTES = 5_000_000
_BY_EXT = {ext: lang for lang, exts in EXTENSIONS.items() for ext in exts}


@dataclass(frozen=True)
class ScanResult:
    snippets: int
    results: list[AnalysisResult]

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.results for f in r.findings]

    @property
    def errors(self) -> list[AnalysisResult]:
        return [r for r in self.results if r.status == "error"]


def _language_of(path: Path) -> str | None:
    return _BY_EXT.get(path.suffix.lstrip(".").lower())


def snippets_from_paths(paths: Iterable[str | Path]) -> Iterator[Generation]:
    for raw in paths:
        root = Path(raw)
        if not root.exists():
            raise InputError(root, "no such file or folder")
        files = sorted(p for p in root.rglob("*") if p.is_file() and _language_of(p)) if root.is_dir() else [root]
        for f in files:
            lang = _language_of(f)
            if f.stat().st_size > MAX_FILE_BYTES:
                raise InputError(f, f"file larger than {MAX_FILE_BYTES} bytes; split it or scan a JSONL of snippets")
            code = f.read_text(encoding="utf-8", errors="replace")
            yield Generation(attempt_id=str(f), text=code, code_blocks=(CodeBlock(lang, code, 1),))


def snippets_from_jsonl(path: str | Path) -> Iterator[Generation]:
    """Lines of ``{"id", "language", "code"}`` (extra keys such as ``label`` are ignored)."""
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(path, f"not valid JSON: {exc.msg}", number) from None
            if not isinstance(rec, dict) or not isinstance(rec.get("code"), str):
                raise InputError(path, "each line needs a string 'code' (and 'id', 'language')", number)
            sid = str(rec.get("id", f"{path.name}:{number}"))
            lang = normalize_language(rec.get("language"))
            yield Generation(attempt_id=sid, text=rec["code"], code_blocks=(CodeBlock(lang, rec["code"], 1),))


def scan(
    snippets: Iterable[Generation],
    analyzers: Iterable[str] = DEFAULT_SCAN,
    *,
    batch: int = 500,
    advance: Callable[[int], None] | None = None,
) -> ScanResult:
    tools = [create(name) for name in analyzers]
    results: list[AnalysisResult] = []
    count = 0
    pending: list[Generation] = []

    def flush() -> None:
        for tool in tools:
            results.extend(tool.analyze(pending))
        if advance:
            advance(len(pending))
        pending.clear()

    for g in snippets:
        pending.append(g)
        count += 1
        if len(pending) >= batch:
            flush()
    if pending:
        flush()
    return ScanResult(count, results)
