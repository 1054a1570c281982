"""Scanning on a Dask cluster, for corpora larger than one machine (the ``dask`` extra).

:func:`auditor.scan.scan` plans chunks (grouped by language, so semgrep sees few, large batches);
with ``cluster=...`` it hands them to :func:`run_on_cluster` instead of its local process pool.
Each chunk is one task: the snippets travel with it, and each worker process builds its
analyzers once, on its first chunk, and keeps them for the next ones. A chunk whose task failed
(an exception, or a worker lost more often than the scheduler allows) gets ``error`` results for
every snippet and analyzer, never clean ones, as in the local pool.

The workers need auditor installed (the same version: results are pickled dataclasses). The
scheduler is reached at the address given (``tcp://host:8786``); ``local`` starts a cluster on
this machine, one single-threaded worker process per core, for trying it out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from auditor.analyzers import Analyzer, create
from auditor.errors import AuditorError
from auditor.types import AnalysisResult, Generation

__all__ = ["run_on_cluster", "LOCAL"]

LOCAL = "local"
_CONNECT_TIMEOUT_S = 15
#: Analyzers built in this worker process, by (names, chunk size).
_TOOLS: dict[tuple[tuple[str, ...], int], list[tuple[str, Analyzer]]] = {}


def _chunk_task(names: tuple[str, ...], size: int, batch: list[Generation]) -> list[list[AnalysisResult]]:
    """Runs on a worker: every analyzer over one chunk (analyzers built once per worker process)."""
    from auditor.scan import _options, _run_tools  # here: scan imports this module lazily

    key = (names, size)
    if key not in _TOOLS:
        _TOOLS[key] = [(name, create(name, **_options(name, size))) for name in names]
    return _run_tools(_TOOLS[key], batch)


@contextmanager
def _client(address: str, workers: int) -> Iterator[Any]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise AuditorError("scanning on a Dask cluster needs the dask extra: pip install 'auditor[dask]'") from None
    if address == LOCAL:
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            yield client
        return
    try:
        client = Client(address, timeout=_CONNECT_TIMEOUT_S)
    except (OSError, TimeoutError, ValueError) as exc:
        raise AuditorError(f"cannot reach the Dask scheduler at {address}: {type(exc).__name__}: {exc}") from None
    with client:
        yield client


def run_on_cluster(
    generations: Sequence[Generation],
    chunks: list[list[int]],
    names: tuple[str, ...],
    size: int,
    address: str,
    workers: int,
    place: Callable[[list[int], list[list[AnalysisResult]]], None],
) -> None:
    """Every chunk as one task on the cluster at ``address``; ``place`` receives each chunk's results
    as it completes (``workers`` sizes a ``local`` cluster only)."""
    from auditor.scan import failed_chunk

    with _client(address, workers) as client:
        from dask.distributed import as_completed  # importable: _client checked

        futures = {}
        for chunk in chunks:
            batch = [generations[i] for i in chunk]
            futures[client.submit(_chunk_task, names, size, batch, pure=False)] = chunk
        for future in as_completed(futures):
            chunk = futures[future]
            try:
                per_tool = future.result()
            except Exception as exc:  # the task raised, or its worker kept dying
                per_tool = failed_chunk(generations, chunk, names, "scan task failed on the cluster", exc)
            place(chunk, per_tool)
