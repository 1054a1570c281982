"""What the guard proxy costs: a client calling the upstream directly and through the proxy, in one run.

Starts, on 127.0.0.1 only, the OpenAI stub (``tests/servers/openai_stub.py``, zero delay) in its own
process, answering with a fenced Python module of the asked number of lines (different for every
request, so nothing can be cached), and ``auditor guard serve`` in front of it in another process.
For responses of 20, 200 and 1,000 lines it measures:

* latency: sequential requests, direct and proxied interleaved one by one; p50 / p99 of each and the
  added latency (proxied minus direct, per percentile);
* throughput: a fixed number of requests with a fixed number in flight, direct then proxied;
  the ratio of proxied to direct requests per second;
* CPU time per request of the process serving each path (the stub for direct calls, the proxy for
  proxied ones, from /proc), which a busy machine disturbs far less than wall-clock figures.

A third path, "bare", is the same proxy with no analyzers: what the transport alone costs. "check"
is the fast tier alone on such a response, in this process.

Non-streaming responses by default; ``--stream`` adds the same for streamed ones. Targets from the
issue: added p99 under 10 ms at 200 lines, throughput through the proxy at least 80% of direct.

    python bench/guard_latency.py [--stream] [--concurrency 8] [--json results.json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
SIZES = (20, 200, 1000)
#: (sequential latency samples per path, throughput requests per path) for each size.
COUNTS = {20: (400, 800), 200: (300, 600), 1000: (100, 200)}
STREAM_COUNTS = {20: (150, 200), 200: (50, 60), 1000: (15, 20)}
HEAD = "bench-lines"


def module_of(lines: int, seed: str) -> str:
    """A Markdown answer of ``lines`` lines: prose, one fenced Python module, prose. No findings."""
    body = ["import json", "import subprocess", "from pathlib import Path", ""]
    i = 0
    while len(body) + 6 <= lines - 5:  # whole functions only: the module must stay valid Python
        body += [
            f"def handler_{seed}_{i}(path: str, value: str) -> tuple:",
            f'    """Load record {i} and list its folder."""',
            "    data = json.loads(value)",
            "    result = subprocess.run(['ls', str(Path(path))], check=True, capture_output=True)",
            f"    return data.get('key_{i}'), result.returncode",
            "",
        ]
        i += 1
    body += [f"# record {n}" for n in range(lines - 5 - len(body))]
    return "Here is the module you asked for.\n\n```python\n" + "\n".join(body) + "\n```\n\nIt has no side effects on import.\n"


def responder(prompt: str) -> str:
    match = re.search(rf"{HEAD}=(\d+) id=(\w+)", prompt)
    return module_of(int(match.group(1)), match.group(2)) if match else "no size given"


def serve_upstream() -> None:
    """Role ``upstream``: the stub with the responder above, port on the first line of stdout."""
    import signal
    import threading

    from tests.servers.openai_stub import OpenAIStub

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with OpenAIStub(responder=responder) as stub:
        print(stub.port, flush=True)
        stop.wait()


def serve_bare_proxy(upstream: str, port: int) -> None:
    """Role ``bare-proxy``: the same proxy with no analyzers, to tell transport from analysis."""
    from auditor.guard import Guard, GuardSettings
    from auditor.guard.proxy import ProxyConfig, serve

    serve(ProxyConfig(upstream), Guard(GuardSettings(), analyzers=[]), port=port)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def process(command: list[str], ready_url: str | None = None) -> Iterator[subprocess.Popen[str]]:
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT)
    try:
        if ready_url is not None:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(ready_url, timeout=1).status_code == 200:
                        break
                except httpx.TransportError:
                    if time.monotonic() > deadline or proc.poll() is not None:
                        raise RuntimeError(f"{command[2:5]} did not start") from None
                    time.sleep(0.1)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def body(lines: int, n: int, stream: bool) -> dict[str, Any]:
    prompt = f"{HEAD}={lines} id=r{n}x{time.monotonic_ns() % 100000}"
    return {"model": "stub-model", "messages": [{"role": "user", "content": prompt}], "stream": stream}


def call(http: httpx.Client, base: str, payload: dict[str, Any]) -> float:
    start = time.perf_counter()
    response = http.post(base + "/chat/completions", json=payload)
    content = response.read()
    elapsed = (time.perf_counter() - start) * 1000.0
    if response.status_code != 200 or (response.headers.get("x-auditor-action", "allow") != "allow"):
        raise RuntimeError(f"unexpected answer {response.status_code} {response.headers}: {content[:200]!r}")
    return elapsed


def latency(paths: dict[str, str], lines: int, samples: int, stream: bool) -> dict[str, float]:
    """Sequential calls, the paths interleaved one by one so that drift hits them all alike."""
    times: dict[str, list[float]] = {name: [] for name in paths}
    with httpx.Client(timeout=60) as http:
        for n in range(-10, samples):  # the first ten warm up every path and its connections
            for name, base in paths.items():
                elapsed = call(http, base, body(lines, n, stream))
                if n >= 0:
                    times[name].append(elapsed)
    out: dict[str, float] = {}
    for name, values in times.items():
        q = statistics.quantiles(values, n=100, method="inclusive")
        out[f"{name}_p50"], out[f"{name}_p99"] = q[49], q[98]
    for name in paths:
        if name != "direct":
            out[f"{name}_added_p50"] = out[f"{name}_p50"] - out["direct_p50"]
            out[f"{name}_added_p99"] = out[f"{name}_p99"] - out["direct_p99"]
    return out


def check_cost(lines: int) -> float:
    """Median time of the guard's fast-tier check alone on such a response, in this process (ms)."""
    from auditor.guard import Guard, GuardSettings

    guard = Guard(GuardSettings(timeout_ms=10_000))
    texts = [module_of(lines, f"c{i}") for i in range(max(5, 2000 // lines))]
    return statistics.median(guard.check(t).elapsed_ms for t in texts)


async def throughput(base: str, lines: int, total: int, concurrency: int, stream: bool) -> float:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(timeout=120, limits=limits) as http:
        queue = list(range(total))

        async def worker() -> None:
            while queue:
                n = queue.pop()
                response = await http.post(base + "/chat/completions", json=body(lines, n, stream))
                await response.aread()
                if response.status_code != 200:
                    raise RuntimeError(f"status {response.status_code} from {base}: {response.text[:300]}")

        queue = list(range(2 * concurrency))
        await asyncio.gather(*(worker() for _ in range(concurrency)))  # warm-up
        queue = list(range(total))
        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return total / (time.perf_counter() - start)


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process so far (Linux /proc; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(paths: dict[str, str], pids: dict[str, int], stream: bool, concurrency: int) -> list[dict[str, Any]]:
    """One row per size: latencies, throughputs, and CPU per request of the process serving each path."""
    rows = []
    for lines in SIZES:
        samples, total = (STREAM_COUNTS if stream else COUNTS)[lines]
        row: dict[str, Any] = {"lines": lines, "stream": stream, "check_ms": check_cost(lines)}
        row.update(latency(paths, lines, samples, stream))
        for name, base in paths.items():
            before = cpu_seconds(pids[name])
            row[f"{name}_rps"] = asyncio.run(throughput(base, lines, total, concurrency, stream))
            row[f"{name}_cpu_ms"] = 1000 * (cpu_seconds(pids[name]) - before) / (total + 2 * concurrency)
        row["ratio"] = row["proxy_rps"] / row["direct_rps"]
        row["bare_ratio"] = row["bare_rps"] / row["direct_rps"]
        rows.append(row)
        print_row(row)
    return rows


def print_row(r: dict[str, Any]) -> None:
    kind = "stream" if r["stream"] else "json"
    print(f"{r['lines']:>5} {kind:>6} | {r['direct_p50']:6.2f} {r['direct_p99']:6.2f} | {r['proxy_p50']:6.2f} "
          f"{r['proxy_p99']:6.2f} | {r['proxy_added_p50']:6.2f} {r['proxy_added_p99']:6.2f} | "
          f"{r['bare_added_p50']:6.2f} {r['bare_added_p99']:6.2f} | {r['check_ms']:6.2f} | {r['direct_rps']:6.0f} "
          f"{r['proxy_rps']:6.0f} {100 * r['ratio']:5.1f}% | {r['bare_rps']:6.0f} {100 * r['bare_ratio']:5.1f}% | "
          f"{r['direct_cpu_ms']:6.2f} {r['proxy_cpu_ms']:6.2f} {r['bare_cpu_ms']:6.2f}", flush=True)


HEADER = (
    "lines   kind | direct p50/p99 | proxy p50/p99  | added p50/p99  | bare added    | check  | "
    "req/s direct proxy ratio | bare req/s ratio | CPU ms/req: upstream proxy bare"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--role", choices=["bench", "upstream", "bare-proxy"], default="bench", help=argparse.SUPPRESS)
    parser.add_argument("--upstream", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--stream", action="store_true", help="also measure streamed responses")
    parser.add_argument("--concurrency", type=int, default=8, help="requests in flight for throughput")
    parser.add_argument("--json", type=Path, help="write the figures here as JSON")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    if args.role == "upstream":
        serve_upstream()
        return 0
    if args.role == "bare-proxy":
        serve_bare_proxy(args.upstream, args.port)
        return 0
    with tempfile.TemporaryDirectory() as tmp, process([sys.executable, __file__, "--role", "upstream"]) as up:
        assert up.stdout is not None
        direct = f"http://127.0.0.1:{int(up.stdout.readline())}/v1"
        policy = Path(tmp) / "guard.yaml"
        policy.write_text("guard:\n  block_at: high\n  warn_at: medium\n  fail_closed: true\n  timeout_ms: 500\n")
        port, bare_port = free_port(), free_port()
        command = [sys.executable, "-m", "auditor.cli", "guard", "serve", "--upstream", direct, "--policy",
                   str(policy), "--port", str(port)]
        bare_command = [sys.executable, __file__, "--role", "bare-proxy", "--upstream", direct, "--port", str(bare_port)]
        paths = {"direct": direct, "proxy": f"http://127.0.0.1:{port}/v1", "bare": f"http://127.0.0.1:{bare_port}/v1"}
        with process(command, ready_url=paths["proxy"] + "/models") as proxy, \
                process(bare_command, ready_url=paths["bare"] + "/models") as bare:
            pids = {"direct": up.pid, "proxy": proxy.pid, "bare": bare.pid}
            print(f"upstream: stub, zero delay, {direct}; proxy: auditor guard serve; bare: the proxy without "
                  f"analyzers; check: the fast tier alone, in-process (ms); {os.cpu_count()} CPUs (load "
                  f"{os.getloadavg()[0]:.2f}); throughput with {args.concurrency} in flight; latencies in ms")
            print(HEADER, flush=True)
            rows = measure(paths, pids, False, args.concurrency)
            if args.stream:
                rows += measure(paths, pids, True, args.concurrency)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))
    at200 = next(r for r in rows if r["lines"] == 200 and not r["stream"])
    print(f"targets at 200 lines: added p99 {at200['proxy_added_p99']:.2f} ms (< 10: "
          f"{'met' if at200['proxy_added_p99'] < 10 else 'MISSED'}), throughput {100 * at200['ratio']:.1f}% of "
          f"direct (>= 80%: {'met' if at200['ratio'] >= 0.8 else 'MISSED'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
