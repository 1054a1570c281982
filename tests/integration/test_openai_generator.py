"""The openai: backend over real HTTP, against the OpenAI-compatible stub in tests/servers on 127.0.0.1."""

from __future__ import annotations

import asyncio
import json
import socket
import subprocess
import sys
import time
from contextlib import aclosing
from pathlib import Path

import httpx
import pytest

from auditor.generators import make_generator
from auditor.generators import openai as openai_backend
from auditor.generators.base import GeneratorError
from auditor.generators.openai import OpenAIGenerator
from auditor.types import Attempt, Generation
from tests.servers.openai_stub import OpenAIStub, canned_answer

KEY_ENV = "AUDITOR_TEST_OPENAI_KEY"
STUB_SCRIPT = Path(__file__).resolve().parents[1] / "servers" / "openai_stub.py"


@pytest.fixture(autouse=True)
def _no_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(KEY_ENV, raising=False)


def make_attempt(i: int, **params: object) -> Attempt:
    prompt = f"Write a Python function that parses record number {i}"
    return Attempt(id=f"att-{i}", probe_id="py.parse", variant={}, sample=i, prompt=prompt, params=dict(params))


def fast(base_url: str, model: str = "stub-model", **options: object) -> OpenAIGenerator:
    """A generator with tiny backoff, so retry tests take milliseconds."""
    settings: dict[str, object] = {"api_key_env": KEY_ENV, "max_retries": 3, "backoff_base": 0.001,
                                   "backoff_max": 0.01, "timeout": 10.0}
    settings.update(options)
    return OpenAIGenerator(model, base_url, **settings)  # type: ignore[arg-type]


async def collect(gen: OpenAIGenerator, attempts: list[Attempt]) -> list[Generation]:
    try:
        return [g async for g in gen.generate(attempts)]
    finally:
        await gen.aclose()


async def fatal(gen: OpenAIGenerator, attempts: list[Attempt]) -> str:
    with pytest.raises(GeneratorError) as info:
        await asyncio.wait_for(collect(gen, attempts), timeout=10)
    message = str(info.value)
    assert "\n" not in message
    return message


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_answers_every_attempt_with_text_latency_and_tokens(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(KEY_ENV, "sk-test-right-0001")
    attempts = [make_attempt(i, temperature=0.2, max_tokens=64, top_p=0.9, seed=7 + i) for i in range(6)]
    with OpenAIStub(api_key="sk-test-right-0001", response_model="stub-model-2025-01") as stub:
        gen = fast(stub.base_url, concurrency=3)
        assert gen.name == f"openai:stub-model@{stub.base_url}"
        results = await collect(gen, attempts)
        log = stub.log
    assert sorted(g.attempt_id for g in results) == [a.id for a in attempts]
    by_id = {a.id: a for a in attempts}
    for g in results:
        expected = canned_answer(by_id[g.attempt_id].prompt)
        assert (g.text, g.error, g.model, g.code_blocks) == (expected, None, "stub-model-2025-01", ())
        assert g.tokens == len(expected.split())
        assert 0 < g.latency_ms < 10_000
    assert sorted(r.prompt for r in log) == sorted(a.prompt for a in attempts)
    for record in log:
        attempt = next(a for a in attempts if a.prompt == record.prompt)
        assert record.path == "/v1/chat/completions" and record.status == 200
        assert record.body["messages"] == [{"role": "user", "content": attempt.prompt}]
        sent = {k: record.body[k] for k in ("model", "temperature", "max_tokens", "top_p", "seed")}
        assert sent == {"model": "stub-model", "temperature": 0.2, "max_tokens": 64, "top_p": 0.9,
                        "seed": attempt.params["seed"]}
        assert "stream" not in record.body


async def test_make_generator_builds_this_backend_from_a_spec() -> None:
    with OpenAIStub() as stub:
        gen = make_generator("openai:stub-model", base_url=stub.base_url + "/", api_key_env=KEY_ENV)
        assert isinstance(gen, OpenAIGenerator)
        results = await collect(gen, [make_attempt(0)])
    assert [g.text for g in results] == [canned_answer(make_attempt(0).prompt)]


@pytest.mark.parametrize("status", [500, 502, 503, 504])
async def test_retries_through_429s_and_server_errors_then_succeeds(status: int) -> None:
    with OpenAIStub(fail_429=2, fail_5xx=2, error_status=status) as stub:
        results = await collect(fast(stub.base_url, concurrency=1, max_retries=6), [make_attempt(0)])
        statuses = [r.status for r in stub.log]
    assert statuses == [429, 429, status, status, 200]
    assert len(results) == 1 and results[0].error is None
    assert results[0].text == canned_answer(make_attempt(0).prompt)


@pytest.mark.parametrize(("retry_after", "backoff_max"), [("0", 60.0), ("30", 0.05)])
async def test_retry_after_wins_over_backoff_and_is_capped(
    monkeypatch: pytest.MonkeyPatch, retry_after: str, backoff_max: float
) -> None:
    # Make the jittered backoff always pick its upper bound: ignoring Retry-After would then wait >= 30 s
    # in the first case; not capping Retry-After would wait 30 s in the second.
    monkeypatch.setattr(openai_backend.random, "uniform", lambda low, high: high)
    with OpenAIStub(fail_429=2, retry_after=retry_after) as stub:
        gen = fast(stub.base_url, backoff_base=30.0, backoff_max=backoff_max)
        start = time.monotonic()
        results = await asyncio.wait_for(collect(gen, [make_attempt(0)]), timeout=5)
        elapsed = time.monotonic() - start
        assert stub.requests == 3
    assert results[0].error is None and elapsed < 5


async def test_exhausted_retries_yield_an_error_and_no_text() -> None:
    with OpenAIStub(fail_5xx=100, error_status=503) as stub:
        results = await collect(fast(stub.base_url, max_retries=2), [make_attempt(0), make_attempt(1)])
        assert stub.requests == 6  # 2 attempts x (1 try + 2 retries)
    assert sorted(g.attempt_id for g in results) == ["att-0", "att-1"]
    for g in results:
        assert g.text == "" and g.tokens is None and g.error is not None
        assert g.error.startswith("gave up after 3 tries: HTTP 503 from ")
        assert "The server had an error." in g.error and "\n" not in g.error


@pytest.mark.parametrize("sent_key", [None, "sk-test-wrong-4242"])
async def test_bad_credentials_are_fatal_and_never_echo_a_key(
    monkeypatch: pytest.MonkeyPatch, sent_key: str | None
) -> None:
    if sent_key:
        monkeypatch.setenv(KEY_ENV, sent_key)
    with OpenAIStub(api_key="sk-test-right-0001") as stub:
        message = await fatal(fast(stub.base_url, concurrency=1), [make_attempt(i) for i in range(3)])
        assert stub.requests == 1  # no retry, and no further attempt after the first 401
    assert message.startswith(f"authentication failed at {stub.base_url} (HTTP 401): set {KEY_ENV}")
    assert ("is not set" if sent_key is None else "was refused") in message
    assert "sk-test" not in message


async def test_an_exhausted_quota_is_fatal_not_retried() -> None:
    with OpenAIStub(fail_429=50, code_429="insufficient_quota") as stub:
        message = await fatal(fast(stub.base_url, concurrency=1), [make_attempt(0), make_attempt(1)])
        assert stub.requests == 1
    assert message == f"quota exhausted at {stub.base_url}: Rate limit reached."


async def test_unknown_model_is_fatal() -> None:
    with OpenAIStub(models=["stub-model"]) as stub:
        message = await fatal(fast(stub.base_url, model="gpt-unknown"), [make_attempt(0)])
        assert stub.requests == 1
    assert message == f"model 'gpt-unknown' not found at {stub.base_url}"


async def test_a_url_without_the_api_is_fatal() -> None:
    with OpenAIStub() as stub:
        root = stub.base_url.removesuffix("/v1")
        message = await fatal(fast(root), [make_attempt(0)])
    assert message.startswith(f"no OpenAI-compatible API at {root}: POST /chat/completions returned 404")


async def test_an_unreachable_server_is_fatal_and_quick() -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"
    start = time.monotonic()
    message = await fatal(fast(url, max_retries=2), [make_attempt(i) for i in range(5)])
    assert message == f"cannot reach {url}: connection refused"
    assert time.monotonic() - start < 5


async def test_never_more_requests_in_flight_than_the_concurrency() -> None:
    attempts = [make_attempt(i) for i in range(12)]
    with OpenAIStub(delay=0.1) as stub:
        results = await collect(fast(stub.base_url, concurrency=3), attempts)
        assert stub.max_in_flight == 3
        assert stub.requests == 12
    assert all(g.error is None for g in results) and len(results) == 12


async def test_yields_early_keeps_a_bounded_window_and_stops_when_closed() -> None:
    attempts = [make_attempt(i) for i in range(1000)]
    with OpenAIStub(delay=0.02) as stub:
        gen = fast(stub.base_url, concurrency=2)
        before = len(asyncio.all_tasks())
        async with aclosing(gen.generate(attempts)) as stream:
            first = await anext(stream)
            assert len(asyncio.all_tasks()) - before <= 2 * 2  # the window, not 1000 tasks
            assert stub.requests <= 4
        await gen.aclose()
        sent = stub.requests
        await asyncio.sleep(0.1)
        assert stub.requests == sent <= 6  # nothing is sent after the consumer stopped
    assert first.error is None and first.attempt_id.startswith("att-")


def test_name_hides_credentials_in_the_url() -> None:
    gen = OpenAIGenerator("m", "http://user:hunter2@127.0.0.1:9/v1/")
    assert gen.name == "openai:m@http://127.0.0.1:9/v1"
    with pytest.raises(GeneratorError, match="must start with http"):
        OpenAIGenerator("m", "127.0.0.1:9/v1")


# -- the stub itself: what other tests (the guard proxy) rely on -------------------------------------


async def test_stub_streams_chat_chunks_and_serves_models_and_completions() -> None:
    prompt = "Sort a list of user records by age"
    with OpenAIStub(models=["a", "b"]) as stub:
        async with httpx.AsyncClient(base_url=stub.base_url, timeout=10) as client:
            listing = (await client.get("/models")).json()
            body = {"model": "a", "stream": True, "stream_options": {"include_usage": True},
                    "messages": [{"role": "user", "content": prompt}]}
            async with client.stream("POST", "/chat/completions", json=body) as resp:
                assert resp.headers["content-type"].startswith("text/event-stream")
                lines = [line async for line in resp.aiter_lines() if line]
            completion = (await client.post("/completions", json={"model": "b", "prompt": prompt})).json()
    assert [m["id"] for m in listing["data"]] == ["a", "b"]
    assert lines[-1] == "data: [DONE]"
    chunks = [json.loads(line.removeprefix("data: ")) for line in lines[:-1]]
    assert all(c["object"] == "chat.completion.chunk" for c in chunks)
    text = "".join(c["choices"][0]["delta"].get("content", "") for c in chunks if c["choices"])
    assert text == canned_answer(prompt)
    assert [c["choices"][0]["finish_reason"] for c in chunks if c["choices"]][-1] == "stop"
    assert chunks[-1]["choices"] == [] and chunks[-1]["usage"]["completion_tokens"] == len(text.split())
    assert completion["object"] == "text_completion"
    assert completion["choices"][0]["text"] == canned_answer(prompt)


async def test_stub_speaks_the_openai_sdk_dialect() -> None:
    openai = pytest.importorskip("openai")
    with OpenAIStub(api_key="sk-test-sdk") as stub:
        client = openai.AsyncOpenAI(base_url=stub.base_url, api_key="sk-test-sdk", max_retries=0)
        try:
            plain = await client.chat.completions.create(
                model="stub-model", messages=[{"role": "user", "content": "Reverse a string"}]
            )
            stream = await client.chat.completions.create(
                model="stub-model", messages=[{"role": "user", "content": "Reverse a string"}], stream=True
            )
            pieces = [chunk.choices[0].delta.content or "" async for chunk in stream if chunk.choices]
        finally:
            await client.close()
    assert plain.choices[0].message.content == canned_answer("Reverse a string") == "".join(pieces)
    assert plain.usage is not None and plain.usage.completion_tokens == len(canned_answer("Reverse a string").split())


def test_stub_runs_as_a_script_and_prints_its_port() -> None:
    proc = subprocess.Popen(
        [sys.executable, str(STUB_SCRIPT), "--port", "0", "--delay", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert proc.stdout is not None
        port = int(proc.stdout.readline())
        listing = httpx.get(f"http://127.0.0.1:{port}/v1/models", timeout=10).json()
        assert listing["data"][0]["id"] == "stub-model"
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=15)
    assert proc.returncode == 0, err


@pytest.mark.parametrize("stream", [False, True])
def test_stub_token_rate_paces_answers_like_a_model_server(stream: bool) -> None:
    # The guard benchmark models a model server with this: an answer of N words at R words a second
    # must take at least N / R seconds, whole or streamed, and arrive intact.
    text = " ".join(f"w{i}" for i in range(60))
    with OpenAIStub(responder=lambda prompt: text, token_rate=400.0) as stub:
        body = {"model": "stub-model", "messages": [{"role": "user", "content": "hi"}], "stream": stream}
        with httpx.Client(timeout=10) as http:
            start = time.perf_counter()
            response = http.post(stub.base_url + "/chat/completions", json=body)
            elapsed = time.perf_counter() - start
    assert response.status_code == 200
    if stream:
        chunks = [json.loads(line[6:]) for line in response.text.split("\n\n") if line.startswith("data: {")]
        received = "".join(c["choices"][0]["delta"].get("content", "") for c in chunks if c["choices"])
    else:
        received = response.json()["choices"][0]["message"]["content"]
    assert received == text
    assert 60 / 400.0 <= elapsed < 5
