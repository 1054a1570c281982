"""Checks on worker processes (auditor.guard.pool): same decisions as in-process, and fail closed
when a worker dies or a check outlives its limit, with the pool replaced for the next check."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from auditor.guard import Guard, GuardDecision, GuardSettings
from auditor.guard.decision import POOL_MIN_CHARS
from auditor.guard.pool import CheckPool

FILLER = "".join(f"def step_{i}(value):\n    return value + {i}\n\n" for i in range(80))


def response(code: str) -> str:
    text = f"Here it is.\n\n```python\nimport os\n{FILLER}{code}\n```\n\nDone.\n"
    assert len(text) >= POOL_MIN_CHARS  # long enough to go to the workers
    return text


TEXTS = {
    "block": response("os.system('tar czf /tmp/out.tgz ' + folder)"),
    "warn": response("from flask import Flask\napp = Flask(__name__)\napp.run(debug=True)"),
    "allow": response("print(step_1(2))"),
}


@pytest.fixture(scope="module")
def pooled() -> Iterator[Guard]:
    guard = Guard(GuardSettings(timeout_ms=2000), processes=2).start()
    try:
        yield guard
    finally:
        guard.close()


def comparable(d: GuardDecision) -> tuple[object, ...]:
    return d.action, [(f["rule_id"], f["line"], f["severity"]) for f in d.summary()["findings"]], d.errors


async def test_workers_decide_exactly_as_the_guard_does_in_process(pooled: Guard) -> None:
    inline = Guard(GuardSettings(timeout_ms=2000))
    expected = {name: comparable(inline.check(text)) for name, text in TEXTS.items()}
    assert {name: e[0] for name, e in expected.items()} == {"block": "block", "warn": "warn", "allow": "allow"}
    burst = list(TEXTS.items()) * 6  # arriving together: spread over both workers
    decisions = await asyncio.gather(*(pooled.acheck(text) for _, text in burst))
    for (name, _), decision in zip(burst, decisions):
        assert comparable(decision) == expected[name], name
    assert decisions[0].response_line(decisions[0].findings[0]) == TEXTS["block"].split("\n").index(
        "os.system('tar czf /tmp/out.tgz ' + folder)") + 1


async def test_a_dead_worker_blocks_the_check_and_the_pool_recovers(pooled: Guard) -> None:
    assert pooled._processes is not None
    workers = pooled._processes.pids
    assert len(workers) == 2
    for pid in workers:
        os.kill(pid, signal.SIGKILL)
    assert gone(workers)  # reaped by the pool's manager thread once it notices
    died = await pooled.acheck(TEXTS["allow"])
    assert died.action == "block" and died.findings == ()
    assert any("worker" in e for e in died.errors), died.errors
    again = await pooled.acheck(TEXTS["block"])  # a fresh pool, started on demand
    assert again.action == "block" and again.errors == () and again.findings


async def test_a_check_over_its_limit_is_cut_short_by_its_worker_which_lives_on() -> None:
    pool = CheckPool(GuardSettings(), 1)
    try:
        pool.start()
        (worker,) = pool.pids
        result = await pool.check(TEXTS["block"], None, limit_s=0.0005, wait_s=60)  # a check takes ms
        assert result == "timeout: the analyzers did not finish within 0.0005 s"
        decision = await pool.check(TEXTS["block"], None, limit_s=60, wait_s=60)
        assert isinstance(decision, GuardDecision) and decision.action == "block"
        assert pool.pids == [worker]  # the same worker: a timeout in Python code costs no process
    finally:
        pool.close()


async def test_workers_that_do_not_answer_in_time_are_replaced() -> None:
    pool = CheckPool(GuardSettings(), 1)
    try:
        pool.start()
        (worker,) = pool.pids
        result = await pool.check(TEXTS["allow"], None, limit_s=60, wait_s=0.001)  # not even started by then
        assert result == "timeout: no answer from the guard workers within 0.001 s"
        assert gone([worker])
        decision = await pool.check(TEXTS["allow"], None, limit_s=60, wait_s=60)
        assert isinstance(decision, GuardDecision) and decision.action == "allow"
        assert pool.pids and worker not in pool.pids
    finally:
        pool.close()


def test_failures_block_or_warn_as_the_policy_says() -> None:
    for fail_closed, action in ((True, "block"), (False, "warn")):
        with Guard(GuardSettings(fail_closed=fail_closed)) as guard:
            failure = guard._failure(0.0, "timeout: no answer from the guard workers within 1 s")
        assert (failure.action, failure.errors) == (action, ("timeout: no answer from the guard workers within 1 s",))


def test_short_texts_and_custom_analyzers_stay_in_process() -> None:
    custom = Guard(GuardSettings(), analyzers=[], processes=2)
    assert custom._processes is None  # a custom analyzer list cannot be rebuilt in a worker
    custom.close()
    with pytest.raises(ValueError, match="at least one process"):
        CheckPool(GuardSettings(), 0)


def test_workers_leave_when_their_process_is_killed() -> None:
    # The proxy can end without closing its pool (SIGKILL; uvicorn re-raises SIGTERM after its
    # shutdown): its workers must not live on as orphans.
    script = (
        "import os, signal\n"
        "from auditor.guard import Guard, GuardSettings\n"
        "guard = Guard(GuardSettings(), processes=2).start()\n"
        "print(*guard._processes.pids, flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr
    pids = [int(p) for p in done.stdout.split()]
    assert len(pids) == 2
    assert gone(pids)


def gone(pids: list[int], within_s: float = 10.0) -> bool:
    """Whether every process of ``pids`` has ended (or is a zombie) within ``within_s``."""
    deadline = time.monotonic() + within_s
    while any(alive(pid) for pid in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
