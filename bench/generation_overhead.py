"""Throughput of auditor's OpenAI client against a bare httpx loop, 64 requests in flight.

Both clients send the same chat-completion requests to the local stub server
(``tests/servers/openai_stub.py``, started here in its own process, answering every request after a
fixed delay) and parse the same field out of each answer. The bare loop is the floor of what any
client can do: one ``httpx.AsyncClient``, a semaphore, ``asyncio.gather``. Auditor's client adds its
bounded task window, retries and Generation records; the target is at least 90% of the bare
throughput. Rounds alternate between the clients, after one warm-up round each, and the median
round is reported.

For reference it also times raw keep-alive HTTP/1.1 over asyncio streams (no HTTP library): the
ceiling of the server. httpx itself falls well short of it at high concurrency (encode/httpx#3215),
and both measured clients share that cost.

    python bench/generation_overhead.py [--requests 512] [--concurrency 64] [--delay 0.05] [--rounds 5]

Run by hand or as a separate CI step, never as a timed test. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from auditor.generators.openai import OpenAIGenerator  # noqa: E402
from auditor.types import Attempt  # noqa: E402

MODEL = "stub-model"
PARAMS = {"temperature": 0.0, "max_tokens": 64}


def attempts(n: int, round_no: int) -> list[Attempt]:
    return [Attempt(id=f"r{round_no}-{k}", probe_id="bench", variant={}, sample=0,
                    prompt=f"Write helper number {k} of round {round_no}.", params=dict(PARAMS)) for k in range(n)]


async def run_auditor(base_url: str, batch: list[Attempt], concurrency: int) -> int:
    generator = OpenAIGenerator(MODEL, base_url, concurrency=concurrency)
    try:
        done = 0
        async for generation in generator.generate(batch):
            assert generation.error is None, generation.error
            done += 1
        return done
    finally:
        await generator.aclose()


async def run_bare(base_url: str, batch: list[Attempt], concurrency: int) -> int:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    semaphore = asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient(limits=limits, timeout=60.0) as client:

        async def one(attempt: Attempt) -> str:
            body = {"model": MODEL, "messages": [{"role": "user", "content": attempt.prompt}], **attempt.params}
            async with semaphore:
                resp = await client.post(f"{base_url}/chat/completions", json=body)
            resp.raise_for_status()
            return str(resp.json()["choices"][0]["message"]["content"])

        return len(await asyncio.gather(*(one(a) for a in batch)))


async def run_raw(base_url: str, batch: list[Attempt], concurrency: int) -> int:
    """The same requests as raw HTTP/1.1 on ``concurrency`` keep-alive connections (a reference ceiling)."""
    url = httpx.URL(base_url)
    queue: asyncio.Queue[Attempt] = asyncio.Queue()
    for attempt in batch:
        queue.put_nowait(attempt)
    done = 0

    async def connection() -> None:
        nonlocal done
        reader, writer = await asyncio.open_connection(url.host, url.port)
        try:
            while not queue.empty():
                attempt = queue.get_nowait()
                body = json.dumps({"model": MODEL, "messages": [{"role": "user", "content": attempt.prompt}],
                                   **attempt.params}).encode()
                head = (f"POST {url.path}/chat/completions HTTP/1.1\r\nHost: {url.host}\r\n"
                        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n")
                writer.write(head.encode() + body)
                headers = (await reader.readuntil(b"\r\n\r\n")).decode().lower()
                length = int(headers.split("content-length:", 1)[1].split("\r\n", 1)[0])
                json.loads(await reader.readexactly(length))["choices"][0]["message"]["content"]
                done += 1
        finally:
            writer.close()

    await asyncio.gather(*(connection() for _ in range(concurrency)))
    return done


Runner = Callable[[str, list[Attempt], int], Awaitable[int]]


def timed(runner: Runner, base_url: str, batch: list[Attempt], concurrency: int) -> float:
    """Requests per second for one round (client setup and teardown included, as a real run pays them)."""
    start = time.perf_counter()
    done = asyncio.run(runner(base_url, batch, concurrency))
    elapsed = time.perf_counter() - start
    assert done == len(batch)
    return done / elapsed


def start_stub(delay: float) -> tuple[subprocess.Popen[str], str]:
    script = ROOT / "tests" / "servers" / "openai_stub.py"
    proc = subprocess.Popen([sys.executable, str(script), "--port", "0", "--delay", str(delay)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    port = proc.stdout.readline().strip()
    if not port.isdigit():
        proc.kill()
        raise SystemExit(f"the stub server did not start (printed {port!r})")
    return proc, f"http://127.0.0.1:{port}/v1"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=512, help="requests per round")
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--delay", type=float, default=0.05, help="seconds the server waits before each answer")
    parser.add_argument("--rounds", type=int, default=5, help="measured rounds per client")
    parser.add_argument("--target", type=float, default=0.90, help="minimum auditor/bare throughput ratio")
    args = parser.parse_args(argv)
    os.environ.setdefault("OPENAI_API_KEY", "bench")
    proc, base_url = start_stub(args.delay)
    try:
        clients: dict[str, Runner] = {"bare httpx": run_bare, "auditor": run_auditor, "raw sockets": run_raw}
        for name, runner in clients.items():  # warm-up: imports, first connections
            timed(runner, base_url, attempts(args.concurrency, -1), args.concurrency)
        rates: dict[str, list[float]] = {name: [] for name in clients}
        for round_no in range(args.rounds):
            order = list(clients.items())[round_no % 3 :] + list(clients.items())[: round_no % 3]
            for name, runner in order:
                rates[name].append(timed(runner, base_url, attempts(args.requests, round_no), args.concurrency))
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    ideal = f"{args.concurrency / args.delay:.0f} req/s" if args.delay > 0 else "unbounded"
    print(f"{args.requests} requests x {args.rounds} rounds, {args.concurrency} in flight, server delay "
          f"{args.delay * 1000:.0f} ms (ideal {ideal})")
    medians = {name: statistics.median(values) for name, values in rates.items()}
    for name, values in rates.items():
        shown = ", ".join(f"{v:.0f}" for v in values)
        note = "  (reference: no HTTP library)" if name == "raw sockets" else ""
        print(f"  {name:<11} median {medians[name]:7.1f} req/s  (rounds: {shown}){note}")
    ratio = medians["auditor"] / medians["bare httpx"]
    verdict = "meets" if ratio >= args.target else "MISSES"
    print(f"  ratio auditor / bare = {ratio:.3f} ({verdict} the {args.target:.2f} target)")
    return 0 if ratio >= args.target else 1


if __name__ == "__main__":
    sys.exit(main())
