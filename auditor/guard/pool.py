"""Checks on worker processes, so that a burst of responses is checked on every core at once.

A check is CPU work under the GIL: in one process, responses that arrive together wait for each
other (the tenth of ten 200-line answers waits for nine checks). :class:`CheckPool` runs checks on
``processes`` worker processes instead, each holding its own :class:`~auditor.guard.decision.Guard`
built once from the same settings. The caller's event loop only sends the text and receives the
decision (a pickled :class:`GuardDecision`).

Safe by default, like the guard itself. Each worker holds its own check to the hard limit with a
timer signal: a check past it is cut short there and gives a timeout, without costing the worker.
A worker that dies (``BrokenProcessPool``), or a check that has not come back long after its limit
(a worker stuck in C code, which no signal interrupts), gives an error decision too (blocked when
``fail_closed``) and the pool is replaced by a fresh one, so one bad input cannot take the guard's
capacity away for good. A check that merely waits its turn under load is never cut short. Workers are
started with ``spawn`` (never ``fork``: the proxy's process runs an event loop and threads) and
warmed up by :meth:`CheckPool.start`, so the first requests do not pay for imports.
"""

from __future__ import annotations

import asyncio
import gc
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from auditor.guard.decision import Guard, GuardDecision
    from auditor.guard.settings import GuardSettings

__all__ = ["CheckPool"]

_GUARD: Guard | None = None  # the worker process's own guard, built by _init
_WATCH_S = 0.5  # how often a worker looks whether its parent is still there


def _init(settings: GuardSettings, deep: bool, deep_timeout_s: float) -> None:
    global _GUARD
    from auditor.guard.decision import Guard

    # Ctrl-C reaches the whole process group: the proxy shuts down and ends its workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A worker holds both ends of its task queue's pipe, so it never sees the proxy go away; and the
    # proxy may go without ending it (uvicorn re-raises SIGTERM after its shutdown, which skips every
    # ``finally``). So each worker watches its parent and leaves when it is gone.
    parent = os.getppid()
    threading.Thread(target=_watch, args=(parent,), name="auditor-guard-parent", daemon=True).start()
    _GUARD = Guard(settings, deep=deep, deep_timeout_s=deep_timeout_s, workers=1)
    gc.collect()
    gc.freeze()  # rule packs live as long as the worker: keep them out of full collections


class _Overtime(BaseException):
    """Raised in a worker by its timer: not an ``Exception``, so no analyzer's handler swallows it."""


def _overtime(signum: int, frame: object) -> None:
    raise _Overtime


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_WATCH_S)
    os._exit(0)


def _check(text: str, language: str | None, limit_s: float) -> GuardDecision | str:
    """Runs on a worker's main thread, where the timer signal can interrupt the check."""
    assert _GUARD is not None, "worker not initialised"
    signal.signal(signal.SIGALRM, _overtime)
    signal.setitimer(signal.ITIMER_REAL, limit_s)
    try:
        return _GUARD.check(text, language=language)
    except _Overtime:
        return f"timeout: the analyzers did not finish within {limit_s:g} s"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def _ready() -> bool:
    time.sleep(0.05)  # long enough that each warm-up task lands on a worker of its own
    return _GUARD is not None


class CheckPool:
    """``processes`` workers checking with the fast tier (and semgrep with ``deep``)."""

    def __init__(self, settings: GuardSettings, processes: int, *, deep: bool = False,
                 deep_timeout_s: float = 120.0) -> None:
        if processes < 1:
            raise ValueError("a check pool needs at least one process")
        self.processes = processes
        self._args = (settings, deep, deep_timeout_s)
        self._executor: ProcessPoolExecutor | None = None

    def start(self) -> None:
        """Start every worker and wait until each has built its guard."""
        executor = self._ensure()
        futures = [executor.submit(_ready) for _ in range(self.processes)]
        if not all(f.result(timeout=120) for f in futures):
            raise RuntimeError("a guard worker did not initialise")

    async def check(self, text: str, language: str | None, limit_s: float, wait_s: float) -> GuardDecision | str:
        """The worker's decision, or why there is none (the caller turns that into a failure).

        ``limit_s`` is the check's own limit, kept by the worker; ``wait_s`` the most this call waits,
        queue included, before it gives up on the workers and replaces them.
        """
        try:
            future: Future[GuardDecision | str] = self._ensure().submit(_check, text, language, limit_s)
        except (BrokenProcessPool, RuntimeError) as exc:  # broken, or shut down under us
            self._restart()
            return f"guard worker unavailable ({type(exc).__name__})"
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), wait_s)
        except TimeoutError:
            self._restart()  # a worker is stuck where its timer cannot reach: replace them all
            return f"timeout: no answer from the guard workers within {wait_s:g} s"
        except BrokenProcessPool:
            self._restart()
            return "a guard worker process died during the check"

    @property
    def pids(self) -> list[int]:
        """The live workers' process ids (for monitoring; empty before the first start)."""
        processes = getattr(self._executor, "_processes", None) or {}
        return [p.pid for p in list(processes.values()) if p.is_alive() and p.pid is not None]

    def close(self) -> None:
        executor, self._executor = self._executor, None
        if executor is not None:
            _stop(executor)

    # -- internals ------------------------------------------------------------------------------

    def _ensure(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=self.processes, mp_context=multiprocessing.get_context("spawn"),
                initializer=_init, initargs=self._args,
            )
        return self._executor

    def _restart(self) -> None:
        old, self._executor = self._executor, None
        if old is not None:
            _stop(old)


def _stop(executor: ProcessPoolExecutor) -> None:
    """Shut a pool down without waiting, and end its workers even if one is stuck in a check."""
    processes = list(getattr(executor, "_processes", {}).values())  # the executor has no public handle
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
