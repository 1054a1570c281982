"""``auditor scan``: run analyzers over files, folders or a JSONL of snippets, outside any audit.

Snippets are grouped by language and cut into chunks, so semgrep (one process per language per
chunk, about half a second to start) sees few, large batches. Small inputs run in this process;
from :data:`POOL_THRESHOLD` snippets on, chunks go to a pool of worker processes, one per core:
forked when no other thread runs here (the workers inherit analyzers built once, and the snippets),
spawned otherwise (each worker builds its own analyzers). Either way ``results`` holds, for every
snippet in input order, one :class:`AnalysisResult` per analyzer in the order given. An analyzer
that raises is retried on halves of the chunk until the snippet that makes it raise is alone: that
snippet gets an ``error`` result and the others their own. A wrong number of results or a lost
worker process gives ``error`` results for the chunk; never clean ones.

``ScanResult.findings`` is merged (:func:`auditor.analyzers.merge.merge_findings`): one finding per
(snippet, block, line, CWE) with every source kept; ``raw_findings`` holds what each analyzer said.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from auditor.analyzers import Analyzer, available, create, error_results
from auditor.analyzers.fixtures import EXTENSIONS
from auditor.analyzers.merge import merge_findings
from auditor.errors import AuditorError, InputError
from auditor.extract import normalize_language
from auditor.jsonl import iter_jsonl
from auditor.types import AnalysisResult, CodeBlock, Finding, Generation

__all__ = [
    "ScanResult",
    "snippets_from_paths",
    "snippets_from_jsonl",
    "scan",
    "plan_chunks",
    "default_workers",
    "DEFAULT_SCAN",
    "MAX_FILE_BYTES",
    "POOL_THRESHOLD",
]

DEFAULT_SCAN = ("builtin", "bandit", "semgrep")
MAX_FILE_BYTES = 5_000_000
#: From this many snippets on, chunks are scanned by a pool of processes (one per core).
POOL_THRESHOLD = 1000
_BY_EXT = {ext: lang for lang, exts in EXTENSIONS.items() for ext in exts}


@dataclass(frozen=True)
class ScanResult:
    snippets: int
    results: list[AnalysisResult]
    workers: int = field(default=1, compare=False)

    @property
    def raw_findings(self) -> list[Finding]:
        """Every analyzer's findings, unmerged."""
        return [f for r in self.results for f in r.findings]

    @cached_property
    def findings(self) -> list[Finding]:
        """One finding per (snippet, block, line, CWE), keeping every analyzer that reported it."""
        return merge_findings(self.raw_findings)

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
        if root.is_dir():
            files = sorted(p for p in root.rglob("*") if p.is_file() and _language_of(p))
        else:
            files = [root]
        for f in files:
            lang = _language_of(f)
            if f.stat().st_size > MAX_FILE_BYTES:
                reason = f"file larger than {MAX_FILE_BYTES} bytes; split it or scan a JSONL of snippets"
                raise InputError(f, reason)
            code = f.read_text(encoding="utf-8", errors="replace")
            yield Generation(attempt_id=str(f), text=code, code_blocks=(CodeBlock(lang, code, 1),))


def snippets_from_jsonl(path: str | Path) -> Iterator[Generation]:
    """Lines of ``{"id", "language", "code"}`` (extra keys such as ``label`` are ignored)."""
    path = Path(path)
    for number, rec in iter_jsonl(path):
        if not isinstance(rec.get("code"), str):
            raise InputError(path, "each line needs a string 'code' (and 'id', 'language')", number)
        sid = str(rec.get("id", f"{path.name}:{number}"))
        lang = normalize_language(rec.get("language"))
        yield Generation(attempt_id=sid, text=rec["code"], code_blocks=(CodeBlock(lang, rec["code"], 1),))


# --- planning -------------------------------------------------------------------------------------


def _primary_language(generation: Generation) -> str:
    for block in generation.code_blocks:
        if block.language:
            return normalize_language(block.language) or ""
    return ""


def plan_chunks(generations: Sequence[Generation], size: int) -> list[list[int]]:
    """Indexes of ``generations`` grouped by language (stable), cut into chunks of at most ``size``.

    A chunk holds one language where it can, so semgrep starts once per chunk, not once per
    language per chunk.
    """
    order = sorted(range(len(generations)), key=lambda i: _primary_language(generations[i]))
    chunks: list[list[int]] = []
    current: list[int] = []
    language: str | None = None
    for index in order:
        lang = _primary_language(generations[index])
        if current and (len(current) >= size or lang != language):
            chunks.append(current)
            current = []
        current.append(index)
        language = lang
    if current:
        chunks.append(current)
    return _coalesce(chunks, size)


def _coalesce(chunks: list[list[int]], size: int) -> list[list[int]]:
    """Join neighbouring small chunks (rare languages) up to ``size``: fewer, fuller batches."""
    out: list[list[int]] = []
    for chunk in chunks:
        if out and len(out[-1]) + len(chunk) <= size // 2:
            out[-1] = out[-1] + chunk
        else:
            out.append(chunk)
    return out


def _options(name: str, chunk: int) -> dict[str, Any]:
    """Construction options per analyzer: semgrep batches as large as a chunk."""
    return {"batch_size": chunk} if name == "semgrep" else {}


# --- running --------------------------------------------------------------------------------------


def _analyze_isolated(name: str, tool: Analyzer, batch: Sequence[Generation]) -> list[AnalysisResult]:
    """``tool`` over ``batch``; if it raises, the batch is halved and retried until the snippet that
    makes it raise is alone, so that one gets an error result and every other snippet its own result."""
    try:
        results = list(tool.analyze(batch))
    except Exception as exc:  # an analyzer bug must not look like a clean scan, nor cost the whole batch
        if len(batch) == 1:
            return error_results(name, batch, f"{name} raised {type(exc).__name__}: {str(exc)[:200]}")
        half = len(batch) // 2
        return _analyze_isolated(name, tool, batch[:half]) + _analyze_isolated(name, tool, batch[half:])
    if len(results) != len(batch):
        return error_results(name, batch, f"{name} returned {len(results)} results for {len(batch)} snippets")
    return results


def _run_tools(
    tools: Sequence[tuple[str, Analyzer]], batch: Sequence[Generation]
) -> list[list[AnalysisResult]]:
    """Every tool over ``batch``, each result list in ``batch`` order."""
    return [_analyze_isolated(name, tool, batch) for name, tool in tools]


#: This worker process's analyzers, and under ``fork`` the parent's snippets (inherited, not pickled).
_WORKER: dict[str, Any] = {}


def _init_worker(names: Sequence[str], chunk: int) -> None:
    if "tools" not in _WORKER:  # spawn: build them here; fork: inherited, already built
        _WORKER["tools"] = [(name, create(name, **_options(name, chunk))) for name in names]


def _work(chunk: list[int], batch: list[Generation] | None) -> list[list[AnalysisResult]]:
    generations = batch if batch is not None else [_WORKER["generations"][i] for i in chunk]
    return _run_tools(_WORKER["tools"], generations)


def _start_method() -> str:
    """``fork`` (workers inherit the built analyzers and the snippets: no start-up cost) when this
    process has no other thread a child could inherit a held lock from; ``spawn`` otherwise."""
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return "fork"
    return "spawn"


def default_workers() -> int:
    """Cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def scan(
    snippets: Iterable[Generation],
    analyzers: Iterable[str] = DEFAULT_SCAN,
    *,
    batch: int = 500,
    workers: int | None = None,
    advance: Callable[[int], None] | None = None,
    cluster: str | None = None,
) -> ScanResult:
    """Run ``analyzers`` over ``snippets``; a process pool when there are many (``workers``: default
    one per core from :data:`POOL_THRESHOLD` snippets on, 1 below), or the Dask cluster whose
    scheduler is at ``cluster`` (``"local"``: one started here; see :mod:`auditor.scan_dask`)."""
    generations = list(snippets)
    names = tuple(analyzers)
    known = available()
    for name in names:
        if name not in known:
            raise AuditorError(f"unknown analyzer {name!r} (known: {', '.join(sorted(known))})")
    if workers is None:
        workers = default_workers() if len(generations) >= POOL_THRESHOLD or cluster else 1
    # two chunks per worker keep both busy when languages cost differently (bandit reads Python only),
    # while each chunk stays large enough to amortize semgrep's start-up
    # (a cluster balances many chunks of ``batch`` by itself, whatever this machine's core count)
    size = batch if workers <= 1 or cluster else max(100, min(batch, math.ceil(len(generations) / (workers * 2))))
    chunks = plan_chunks(generations, size)
    workers = max(1, min(workers, len(chunks)))
    slots: list[list[AnalysisResult] | None] = [None] * len(generations)

    def place(chunk: list[int], per_tool: list[list[AnalysisResult]]) -> None:
        for position, index in enumerate(chunk):
            slots[index] = [results[position] for results in per_tool]
        if advance:
            advance(len(chunk))

    if cluster is not None:
        from auditor.scan_dask import run_on_cluster

        run_on_cluster(generations, chunks, names, size, cluster, workers, place)
    elif workers == 1:
        tools = [(name, create(name, **_options(name, size))) for name in names]
        for chunk in chunks:
            place(chunk, _run_tools(tools, [generations[i] for i in chunk]))
    else:
        _run_pool(generations, chunks, names, size, workers, place)
    results = [r for per_snippet in slots if per_snippet for r in per_snippet]
    return ScanResult(len(generations), results, workers)


def failed_chunk(generations: Sequence[Generation], chunk: list[int], names: Sequence[str], what: str,
                 exc: BaseException) -> list[list[AnalysisResult]]:
    """Error results, per analyzer, for every snippet of a chunk whose worker or task failed."""
    batch = [generations[i] for i in chunk]
    reason = f"{what}: {type(exc).__name__}: {str(exc)[:200]}"
    return [error_results(name, batch, reason) for name in names]


def _run_pool(
    generations: Sequence[Generation],
    chunks: list[list[int]],
    names: tuple[str, ...],
    size: int,
    workers: int,
    place: Callable[[list[int], list[list[AnalysisResult]]], None],
) -> None:
    """Chunks through a pool of ``workers`` processes. A chunk whose worker raised or died gets error
    results (a dead worker breaks the pool, so every chunk not finished by then does too).

    Under ``spawn`` the main module is imported again in each worker: scripts that call :func:`scan`
    on a large corpus need the usual ``if __name__ == "__main__":`` guard.
    """
    method = _start_method()
    if method == "fork":
        _WORKER.update(tools=[(n, create(n, **_options(n, size))) for n in names], generations=generations)
    try:
        context = multiprocessing.get_context(method)
        pool = ProcessPoolExecutor(
            workers, mp_context=context, initializer=_init_worker, initargs=(names, size)
        )
        with pool:
            futures: dict[Future[list[list[AnalysisResult]]], list[int]] = {}
            for chunk in chunks:
                shipped = None if method == "fork" else [generations[i] for i in chunk]  # fork: inherited
                futures[pool.submit(_work, chunk, shipped)] = chunk
            for future in as_completed(futures):
                chunk = futures[future]
                try:
                    per_tool = future.result()
                except Exception as exc:  # a worker killed, or a result that would not pickle
                    per_tool = failed_chunk(generations, chunk, names, "scan worker failed", exc)
                place(chunk, per_tool)
    finally:
        _WORKER.clear()
