"""The guard in a library call: ``Guard(...).check(text) -> GuardDecision``.

The analyzers are built once, when the guard is: the fast tier (``builtin`` plus ``malicious``
and ``secrets`` when the registry has them) and, with ``deep=True``, semgrep for callers that can
wait. Refusal detection is not run: a refusal is never a reason to block. ``check`` extracts the
code blocks of a response, runs every analyzer on them and turns the findings into an action with
the policy's ``guard:`` settings (:mod:`auditor.guard.settings`):

* ``block`` when a finding reaches ``block_at``, ``warn`` when one reaches ``warn_at``, else ``allow``;
* an analyzer that fails, or a fast tier that spends more than ``timeout_ms`` of CPU time, blocks
  (fail closed) unless ``fail_closed: false``, in which case the response passes as ``warn`` with
  the error listed.

``acheck`` is the async variant. Short texts are checked on the caller's thread (cheaper than a
hop to a worker); longer ones run on the guard's own thread pool, with a hard wall-clock limit
counted from when a worker picks the text up, so a queue of waiting checks never times out by
itself and a hung analyzer never hangs the caller. With ``processes=N`` (what the proxy uses),
texts of ``POOL_MIN_CHARS`` or more go to N worker processes instead (:mod:`auditor.guard.pool`),
so that responses arriving together are checked on every core rather than one after another.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from auditor.analyzers import Analyzer, available, create
from auditor.extract import extract_code_blocks
from auditor.guard.pool import CheckPool
from auditor.guard.settings import GuardSettings, load_settings
from auditor.types import CodeBlock, Finding, Generation

__all__ = ["Action", "Guard", "GuardDecision", "FAST_ANALYZERS", "DEEP_ANALYZERS", "worst"]

Action = Literal["allow", "warn", "block"]
_RANK: dict[str, int] = {"allow": 0, "warn": 1, "block": 2}

#: Registry names the guard runs when they are registered (refusal is deliberately absent).
FAST_ANALYZERS: tuple[str, ...] = ("builtin", "malicious", "secrets")
DEEP_ANALYZERS: tuple[str, ...] = ("semgrep",)
#: ``acheck`` runs texts up to this many characters inline (a few ms of analysis at most; a hop to a
#: worker thread costs more than it saves below that, as the GIL serializes the work anyway).
INLINE_CHARS = 65_536
#: With worker processes, ``acheck`` sends texts of at least this many characters to them: below it
#: (about 50 lines of code, a check of well under 1 ms) the round trip costs more than it spreads.
POOL_MIN_CHARS = 2_048
_ATTEMPT_ID = "guard"


def worst(*actions: str) -> Action:
    """The strictest of several actions."""
    return max(actions, key=_RANK.__getitem__, default="allow")  # type: ignore[return-value]


@dataclass(frozen=True, slots=True)
class GuardDecision:
    """What the guard decided about one response, and why."""

    action: Action
    findings: tuple[Finding, ...] = ()
    elapsed_ms: float = 0.0
    errors: tuple[str, ...] = ()
    code_blocks: tuple[CodeBlock, ...] = field(default=(), repr=False)

    @property
    def blocked(self) -> bool:
        return self.action == "block"

    def response_line(self, finding: Finding) -> int:
        """The 1-based line of the response a finding points at."""
        if 0 <= finding.block_index < len(self.code_blocks):
            return self.code_blocks[finding.block_index].start_line + max(finding.line, 1) - 1
        return finding.line

    def reason(self) -> str:
        """One short sentence for whoever receives the blocked or annotated response."""
        if self.action == "allow":
            return "No issue found."
        rules = sorted({_label(f) for f in self.findings})
        if self.errors and not rules:
            return "The response could not be fully checked (analyzer error or timeout), so it was withheld." \
                if self.blocked else "The response could not be fully checked (analyzer error or timeout)."
        listed = ", ".join(rules[:5]) + (f" and {len(rules) - 5} more" if len(rules) > 5 else "")
        verb = "was withheld" if self.blocked else "was flagged"
        return f"Code in this response {verb} by the auditor guard: {listed}."

    def summary(self, *, line_offset: int = 0) -> dict[str, Any]:
        """JSON-ready digest for clients and logs: rule ids, severities, CWE, lines; never code."""
        return {
            "action": self.action,
            "elapsed_ms": round(self.elapsed_ms, 3),
            "findings": [
                {
                    "rule_id": f.rule_id,
                    "analyzer": f.analyzer,
                    "severity": f.severity.value,
                    "cwe": f.cwe,
                    "line": self.response_line(f) + line_offset,
                    "message": f.message,
                }
                for f in self.findings
            ],
            "errors": list(self.errors),
        }


def _label(f: Finding) -> str:
    return f"{f.rule_id} (CWE-{f.cwe})" if f.cwe else f.rule_id


class Guard:
    """Checks responses against a policy's guard settings. Build once, call ``check`` often."""

    def __init__(
        self,
        settings: GuardSettings | str | os.PathLike[str] | None = None,
        *,
        deep: bool = False,
        analyzers: Sequence[Analyzer] | None = None,
        deep_timeout_s: float = 120.0,
        workers: int = 4,
        processes: int = 0,
    ) -> None:
        """``analyzers`` replaces the fast tier (tests, custom stacks); ``deep`` adds semgrep;
        ``processes`` > 0 gives ``acheck`` that many worker processes (default fast tier only: a
        custom analyzer list cannot be rebuilt in another process). Call :meth:`start` to start
        them before the first check, or the first long check waits for them."""
        custom = analyzers is not None
        if isinstance(settings, (str, os.PathLike)):
            settings = load_settings(Path(settings))
        self.settings: GuardSettings = settings or GuardSettings()
        if analyzers is None:
            registered = available()
            analyzers = [create(name) for name in FAST_ANALYZERS if name in registered]
        self.analyzers: tuple[Analyzer, ...] = tuple(analyzers)
        self.deep_analyzers: tuple[Analyzer, ...] = (
            tuple(create(name, process_timeout=deep_timeout_s) for name in DEEP_ANALYZERS) if deep else ()
        )
        self.deep_timeout_s = deep_timeout_s
        self._pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="auditor-guard")
        self._processes: CheckPool | None = None
        if processes > 0 and not custom:
            self._processes = CheckPool(self.settings, processes, deep=deep, deep_timeout_s=deep_timeout_s)

    def start(self) -> Guard:
        """Start the worker processes, if any, and wait until each is ready."""
        if self._processes is not None:
            self._processes.start()
        return self

    @classmethod
    def from_policy(cls, path: str | os.PathLike[str], **options: Any) -> Guard:
        """A guard configured by the ``guard:`` mapping of a policy file."""
        return cls(load_settings(Path(path)), **options)

    # -- checking -----------------------------------------------------------------------------

    def check(self, text: str, *, language: str | None = None) -> GuardDecision:
        """Decide on one response; ``language`` is a hint for code blocks without a fence tag."""
        start = time.perf_counter()
        blocks = extract_code_blocks(text, language)
        generation = Generation(attempt_id=_ATTEMPT_ID, text=text, code_blocks=blocks)
        cpu = time.thread_time()
        findings, errors = _run(self.analyzers, generation)
        spent_ms = (time.thread_time() - cpu) * 1000.0
        if spent_ms > self.settings.timeout_ms:
            errors.append(f"timeout: the fast tier took {spent_ms:.1f} ms, over its {self.settings.timeout_ms:g} ms budget")
        if self.deep_analyzers and self._decide(findings, errors) != "block":
            more, deep_errors = _run(self.deep_analyzers, generation)
            findings += more
            errors += deep_errors
        action = self._decide(findings, errors)
        elapsed = (time.perf_counter() - start) * 1000.0
        return GuardDecision(action, tuple(findings), elapsed, tuple(errors), blocks)

    async def acheck(self, text: str, *, language: str | None = None) -> GuardDecision:
        """``check`` for async callers: inline when short, else on the guard's workers (bounded)."""
        if self._processes is not None and len(text) >= POOL_MIN_CHARS:
            start = time.perf_counter()
            wait = self._queue_limit_s + 2 * self._hard_limit_s
            result = await self._processes.check(text, language, self._hard_limit_s, wait)
            return result if isinstance(result, GuardDecision) else self._failure(start, result)
        if len(text) <= INLINE_CHARS and not self.deep_analyzers:
            return self.check(text, language=language)
        loop = asyncio.get_running_loop()
        started: asyncio.Future[None] = loop.create_future()

        def work() -> GuardDecision:
            loop.call_soon_threadsafe(_mark, started)
            return self.check(text, language=language)

        start = time.perf_counter()
        future = loop.run_in_executor(self._pool, work)
        future.add_done_callback(_consume)
        try:
            await asyncio.wait_for(asyncio.shield(started), self._queue_limit_s)
        except TimeoutError:
            return self._failure(start, "timeout: no guard worker was free (the guard is overloaded)")
        try:
            return await asyncio.wait_for(asyncio.shield(future), self._hard_limit_s)
        except TimeoutError:
            return self._failure(start, f"timeout: the analyzers did not finish within {self._hard_limit_s:g} s")

    @property
    def _hard_limit_s(self) -> float:
        fast = max(1.0, 10 * self.settings.timeout_ms / 1000.0)
        return fast + (self.deep_timeout_s if self.deep_analyzers else 0.0)

    @property
    def _queue_limit_s(self) -> float:
        return max(30.0, 4 * self._hard_limit_s)

    def _decide(self, findings: Sequence[Finding], errors: Sequence[str]) -> Action:
        action = worst(*(self.settings.action_for(f.severity) for f in findings))
        if errors:
            action = "block" if self.settings.fail_closed else worst(action, "warn")
        return action

    def _failure(self, start: float, error: str) -> GuardDecision:
        action: Action = "block" if self.settings.fail_closed else "warn"
        return GuardDecision(action, (), (time.perf_counter() - start) * 1000.0, (error,))

    # -- lifecycle ----------------------------------------------------------------------------

    def close(self) -> None:
        """Stop the worker threads (a check still running finishes in the background) and processes."""
        self._pool.shutdown(wait=False, cancel_futures=True)
        if self._processes is not None:
            self._processes.close()

    def __enter__(self) -> Guard:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _run(analyzers: Sequence[Analyzer], generation: Generation) -> tuple[list[Finding], list[str]]:
    """Every analyzer on one generation: their findings, and what went wrong (never swallowed)."""
    findings: list[Finding] = []
    errors: list[str] = []
    for analyzer in analyzers:
        name = getattr(analyzer, "name", type(analyzer).__name__)
        try:
            results = analyzer.analyze([generation])
        except Exception as exc:  # an analyzer crash is an error result, never a clean one
            errors.append(f"{name}: {type(exc).__name__}: {exc}")
            continue
        if len(results) != 1:
            errors.append(f"{name}: returned {len(results)} results for 1 generation")
            continue
        result = results[0]
        findings.extend(result.findings)
        if result.status == "error":
            errors.append(f"{name}: {result.error}")
    return findings, errors


def _mark(started: asyncio.Future[None]) -> None:
    if not started.done():
        started.set_result(None)


def _consume(future: asyncio.Future[GuardDecision]) -> None:
    """Retrieve the outcome of a check nobody waits for any more (after a timeout)."""
    if not future.cancelled():
        future.exception()
