"""A bounded load test: 1,000 concurrent requests through `auditor guard serve`, none lost or failed.

Loopback only, a fixed count and a hard time limit. The proxy runs as the real command line in its
own process (with a key of its own and a decision log), in front of the stub in another process.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from tests.guard.conftest import BLOCKED_CODE, write_policy

REQUESTS = 1_000
CLIENTS = 10
TIME_LIMIT_S = 120.0
KEY = "proxy-load-key"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_ready(url: str, proc: subprocess.Popen[str], deadline_s: float = 60.0) -> None:
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise RuntimeError(f"guard serve exited with {proc.returncode}: {proc.stderr.read() if proc.stderr else ''}")
        try:
            if httpx.get(url, headers={"authorization": f"Bearer {KEY}"}, timeout=1.0).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise RuntimeError("guard serve did not become ready")


@contextmanager
def spawned(command: list[str], env: dict[str, str] | None = None) -> Iterator[subprocess.Popen[str]]:
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """The stub upstream and `auditor guard serve`, each in its own process, so neither competes with
    the test's client loop for the GIL."""
    policy = write_policy(tmp_path, block_at="high", warn_at="medium", fail_closed=True, timeout_ms=1000)
    log = tmp_path / "decisions.jsonl"
    with spawned([sys.executable, "-m", "tests.guard.upstream"]) as upstream:
        assert upstream.stdout is not None
        upstream_url = f"http://127.0.0.1:{int(upstream.stdout.readline())}/v1"
        port = free_port()
        command = [sys.executable, "-m", "auditor.cli", "guard", "serve", "--upstream", upstream_url,
                   "--policy", str(policy), "--port", str(port), "--api-key-env", "LOAD_PROXY_KEY", "--log", str(log)]
        with spawned(command, env={**os.environ, "LOAD_PROXY_KEY": KEY}) as proxy:
            base = f"http://127.0.0.1:{port}/v1"
            wait_ready(base + "/models", proxy)
            yield base, log


async def one(http: httpx.AsyncClient, base: str, i: int) -> tuple[str, str]:
    """One request; returns (kind, outcome) where outcome is the guard's action as the client saw it."""
    prompt = "blocked" if i % 2 else "fine"
    stream = i % 4 >= 2
    size = "long" if i % 8 >= 4 else "short"  # long answers go to the proxy's check workers
    body = {"model": "stub-model", "messages": [{"role": "user", "content": f"{prompt} {size} {i}"}],
            "stream": stream}
    response = await http.post(base + "/chat/completions", json=body)
    assert response.status_code == 200, response.text
    if not stream:
        return f"{prompt}/json", response.headers["x-auditor-action"]
    text = response.text
    assert text.endswith("data: [DONE]\n\n") and BLOCKED_CODE not in text
    reasons = [json.loads(e[6:])["choices"][0]["finish_reason"] for e in text.split("\n\n")
               if e.startswith("data: {") and '"finish_reason":"' in e.replace(" ", "")]
    return f"{prompt}/stream", "block" if reasons == ["content_filter"] else "allow" if reasons == ["stop"] else "?"


async def storm(base: str) -> list[tuple[str, str] | BaseException]:
    """All requests at once, from ten clients of 100 connections each (one httpx pool of 1,000
    connections spends more CPU on its own bookkeeping than the proxy does on the requests)."""
    per_client = REQUESTS // CLIENTS
    limits = httpx.Limits(max_connections=per_client, max_keepalive_connections=per_client)
    headers = {"authorization": f"Bearer {KEY}"}
    clients = [httpx.AsyncClient(limits=limits, timeout=httpx.Timeout(90.0), headers=headers) for _ in range(CLIENTS)]
    try:
        jobs = [one(clients[i % CLIENTS], base, i) for i in range(REQUESTS)]
        return await asyncio.wait_for(asyncio.gather(*jobs, return_exceptions=True), TIME_LIMIT_S)
    finally:
        for http in clients:
            await http.aclose()


@pytest.mark.slow
async def test_a_thousand_concurrent_requests_none_lost(served: tuple[str, Path]) -> None:
    base, log = served
    start = time.perf_counter()
    results = await storm(base)
    elapsed = time.perf_counter() - start
    failures = [r for r in results if isinstance(r, BaseException)]
    assert not failures, f"{len(failures)} failed, e.g. {failures[0]!r}"
    counts = Counter(results)  # type: ignore[arg-type]
    assert counts == {("fine/json", "allow"): 250, ("blocked/json", "block"): 250,
                      ("fine/stream", "allow"): 250, ("blocked/stream", "block"): 250}, counts
    deadline = time.monotonic() + 10
    while len(log.read_text().splitlines()) < REQUESTS and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    actions = Counter(json.loads(line)["action"] for line in log.read_text().splitlines())
    assert actions == {"allow": 500, "block": 500}
    print(f"\n{REQUESTS} concurrent requests through the proxy in {elapsed:.1f} s")
