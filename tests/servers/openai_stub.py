"""A real OpenAI-compatible HTTP server for tests and benchmarks, bound to 127.0.0.1 only.

In a test, it runs uvicorn in a background thread for the length of a ``with`` block::

    with OpenAIStub(api_key="k", delay=0.05, fail_429=2) as stub:
        ... talk to stub.base_url ("http://127.0.0.1:PORT/v1") ...
        assert stub.requests == 3

As a script it serves until SIGINT or SIGTERM and prints its port on the first line of stdout::

    python tests/servers/openai_stub.py --port 0 [--delay S] [--api-key K] [--model NAME ...]

Endpoints: ``GET /v1/models``, ``POST /v1/chat/completions`` and ``POST /v1/completions``, both with
``stream: true`` as server-sent events in OpenAI's chunk format ending with ``data: [DONE]``. Checks
run in this order: API key (401), body (400), model name (404), injected failures (the first
``fail_429`` generation requests get 429 with ``Retry-After`` and error code ``code_429``, the next ``fail_5xx`` get
``error_status``), then the fixed ``delay`` and the answer. With ``token_rate`` (tokens a second) the
answer also takes as long as a model server writing at that speed would: a whole answer waits for
all its tokens, a stream sends each piece when its turn comes. Every generation request is counted and
logged (bounded), with the most requests ever in flight at once. Answers come from ``responder``
(prompt -> text); the default is a short canned reply with a fenced Python block derived from the
prompt. Token counts are whitespace-separated words.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import hashlib
import json
import re
import signal
import socket
import sys
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

__all__ = ["OpenAIStub", "Received", "canned_answer", "main"]

HOST = "127.0.0.1"
MAX_BODY = 1 << 20
Responder = Callable[[str], str]


def canned_answer(prompt: str) -> str:
    """A deterministic reply with one fenced Python block whose names come from the prompt."""
    words = re.findall(r"[a-z]+", prompt.lower())[:4] or ["task"]
    digest = hashlib.sha256(prompt.encode()).hexdigest()[:8]
    name = "_".join(words)
    return (
        f"Here is a small helper for that request.\n\n```python\ndef {name}(value):\n"
        f'    """Handle {" ".join(words)} (ref {digest})."""\n    return str(value).strip()\n```\n\n'
        "It strips the surrounding whitespace from its input.\n"
    )


@dataclass(frozen=True, slots=True)
class Received:
    """One generation request as the stub saw it."""

    path: str
    model: str
    prompt: str
    status: int
    body: dict[str, Any]


class OpenAIStub:
    """The server: configure it, enter it, read its counters; see the module docstring."""

    def __init__(
        self,
        *,
        models: Sequence[str] = ("stub-model",),
        api_key: str | None = None,
        delay: float = 0.0,
        token_rate: float | None = None,
        fail_429: int = 0,
        fail_5xx: int = 0,
        error_status: int = 500,
        retry_after: str | None = "0",
        code_429: str = "rate_limit_exceeded",
        responder: Responder = canned_answer,
        response_model: str | None = None,
        port: int = 0,
        log_limit: int = 10_000,
    ) -> None:
        self.models = tuple(models)
        self.api_key = api_key
        self.delay = delay
        self.token_rate = token_rate
        self.error_status = error_status
        self.retry_after = retry_after
        self.code_429 = code_429
        self.responder = responder
        self.response_model = response_model
        self._lock = threading.Lock()
        self._fail_429, self._fail_5xx = fail_429, fail_5xx
        self._requests = self._in_flight = self._max_in_flight = 0
        self._log: collections.deque[Received] = collections.deque(maxlen=log_limit)
        self._requested_port = port
        self.port = 0
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.app = Starlette(routes=[
            Route("/v1/models", self._models, methods=["GET"]),
            Route("/v1/chat/completions", self._chat, methods=["POST"]),
            Route("/v1/completions", self._completions, methods=["POST"]),
        ])

    # -- what tests read ------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}/v1"

    @property
    def requests(self) -> int:
        """Generation requests received, whatever their answer."""
        with self._lock:
            return self._requests

    @property
    def max_in_flight(self) -> int:
        with self._lock:
            return self._max_in_flight

    @property
    def log(self) -> list[Received]:
        with self._lock:
            return list(self._log)

    @property
    def prompts(self) -> list[str]:
        """Prompts of every generation request, in arrival order (failed ones included)."""
        return [r.prompt for r in self.log]

    @property
    def answered(self) -> list[str]:
        """Prompts that got a 200 answer."""
        return [r.prompt for r in self.log if r.status == 200]

    def fail_next(self, *, n429: int = 0, n5xx: int = 0) -> None:
        """Queue more injected failures (429s first, then 5xx)."""
        with self._lock:
            self._fail_429 += n429
            self._fail_5xx += n5xx

    # -- lifecycle ------------------------------------------------------------------------------

    def start(self) -> OpenAIStub:
        # proto must be IPPROTO_TCP: asyncio sets TCP_NODELAY only then, and Nagle costs 40 ms a response.
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((HOST, self._requested_port))
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(
            self.app, log_config=None, log_level="warning", access_log=False, lifespan="off", ws="none",
            http="h11", limit_concurrency=1024, backlog=1024, timeout_graceful_shutdown=2,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [sock]}, name=f"openai-stub-{self.port}", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + 10.0
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                sock.close()
                raise RuntimeError(f"the OpenAI stub did not start on {HOST}:{self.port}")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=10.0)
        self._server = self._thread = None

    def __enter__(self) -> OpenAIStub:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- endpoints ------------------------------------------------------------------------------

    def _denied(self, request: Request) -> Response | None:
        if self.api_key is None or request.headers.get("authorization") == f"Bearer {self.api_key}":
            return None
        return _error(401, "Incorrect or missing API key.", "invalid_request_error", "invalid_api_key")

    async def _models(self, request: Request) -> Response:
        denied = self._denied(request)
        if denied is not None:
            return denied
        data = [{"id": m, "object": "model", "created": 0, "owned_by": "stub"} for m in self.models]
        return JSONResponse({"object": "list", "data": data})

    async def _chat(self, request: Request) -> Response:
        return await self._generate(request, chat=True)

    async def _completions(self, request: Request) -> Response:
        return await self._generate(request, chat=False)

    async def _generate(self, request: Request, *, chat: bool) -> Response:
        with self._tracked():
            body, prompts, failure = await self._screen(request, chat)
            if failure is not None:
                self._record(request.url.path, body, prompts, failure.status_code)
                return failure
            if self.delay:
                await asyncio.sleep(self.delay)
            texts = [self.responder(p) for p in prompts]
            self._record(request.url.path, body, prompts, 200)
            model = self.response_model or str(body["model"])
            if body.get("stream"):
                include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
                events = _stream(chat, model, prompts, texts, include_usage, self.token_rate)
                return StreamingResponse(events, media_type="text/event-stream")
            if self.token_rate:
                await asyncio.sleep(sum(len(t.split()) for t in texts) / self.token_rate)
            return JSONResponse(_answer(chat, model, prompts, texts))

    async def _screen(self, request: Request, chat: bool) -> tuple[dict[str, Any], list[str], Response | None]:
        """The body, its prompts and the error response to send instead of an answer, if any."""
        denied = self._denied(request)
        if denied is not None:
            return {}, [""], denied
        body = await _read_json(request)
        prompts = _prompts(body, chat) if body is not None else None
        if body is None or prompts is None:
            return body or {}, [""], _error(400, "The request body is not a valid request.", "invalid_request_error")
        if body.get("model") not in self.models:
            msg = f"The model `{body.get('model')}` does not exist."
            return body, prompts, _error(404, msg, "invalid_request_error", "model_not_found")
        with self._lock:
            if self._fail_429 > 0:
                self._fail_429 -= 1
                headers = {"Retry-After": self.retry_after} if self.retry_after is not None else None
                return body, prompts, _error(429, "Rate limit reached.", "requests", self.code_429, headers)
            if self._fail_5xx > 0:
                self._fail_5xx -= 1
                return body, prompts, _error(self.error_status, "The server had an error.", "server_error")
        return body, prompts, None

    @contextmanager
    def _tracked(self) -> Iterator[None]:
        with self._lock:
            self._in_flight += 1
            self._max_in_flight = max(self._max_in_flight, self._in_flight)
        try:
            yield
        finally:
            with self._lock:
                self._in_flight -= 1

    def _record(self, path: str, body: dict[str, Any], prompts: list[str], status: int) -> None:
        with self._lock:
            self._requests += 1
            model = str(body.get("model", ""))
            self._log.extend(Received(path, model, p, status, body) for p in prompts)


def _error(
    status: int, message: str, kind: str, code: str | None = None, headers: dict[str, str] | None = None
) -> Response:
    body = {"error": {"message": message, "type": kind, "param": None, "code": code}}
    return JSONResponse(body, status_code=status, headers=headers)


async def _read_json(request: Request) -> dict[str, Any] | None:
    raw = bytearray()
    async for chunk in request.stream():
        raw += chunk
        if len(raw) > MAX_BODY:
            return None
    try:
        body = json.loads(raw)
    except ValueError:
        return None
    return body if isinstance(body, dict) else None


def _prompts(body: dict[str, Any], chat: bool) -> list[str] | None:
    """The prompt(s) to answer: the last user message for chat, the prompt (or list) for completions."""
    if not chat:
        prompt = body.get("prompt")
        if isinstance(prompt, str):
            return [prompt]
        ok = isinstance(prompt, list) and prompt and all(isinstance(p, str) for p in prompt)
        return list(prompt) if ok else None
    messages = body.get("messages")
    if not isinstance(messages, list):
        return None
    users = [m.get("content") for m in messages if isinstance(m, dict) and m.get("role") == "user"]
    if not users:
        return None
    content = users[-1]
    if isinstance(content, list):  # content parts: [{"type": "text", "text": ...}]
        content = "".join(p.get("text", "") for p in content if isinstance(p, dict))
    return [content] if isinstance(content, str) else None


def _usage(prompts: list[str], texts: list[str]) -> dict[str, int]:
    prompt_tokens = sum(len(p.split()) for p in prompts)
    completion_tokens = sum(len(t.split()) for t in texts)
    return {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens}


def _answer(chat: bool, model: str, prompts: list[str], texts: list[str]) -> dict[str, Any]:
    head = {"id": f"{'chatcmpl' if chat else 'cmpl'}-{time.monotonic_ns()}", "created": int(time.time()),
            "model": model, "usage": _usage(prompts, texts)}
    if chat:
        message = {"role": "assistant", "content": texts[0]}
        choice = {"index": 0, "message": message, "finish_reason": "stop", "logprobs": None}
        return {**head, "object": "chat.completion", "choices": [choice]}
    choices = [{"index": i, "text": t, "finish_reason": "stop", "logprobs": None} for i, t in enumerate(texts)]
    return {**head, "object": "text_completion", "choices": choices}


async def _stream(
    chat: bool, model: str, prompts: list[str], texts: list[str], include_usage: bool,
    token_rate: float | None = None,
) -> AsyncIterator[str]:
    """Server-sent events: the text word by word (at ``token_rate`` words a second, if given), a
    finishing chunk, usage if asked, then [DONE]."""
    head = {"id": f"{'chatcmpl' if chat else 'cmpl'}-{time.monotonic_ns()}", "created": int(time.time()),
            "model": model, "object": "chat.completion.chunk" if chat else "text_completion"}

    def event(choices: list[dict[str, Any]], **extra: Any) -> str:
        return f"data: {json.dumps({**head, 'choices': choices, **extra})}\n\n"

    loop, sent = asyncio.get_running_loop(), 0
    start = loop.time()
    for index, text in enumerate(texts):
        if chat:
            yield event([{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}])
        for piece in re.findall(r"\s*\S+\s*|\s+", text):
            sent += 1
            if token_rate and (ahead := start + sent / token_rate - loop.time()) > 0.002:
                await asyncio.sleep(ahead)  # in steps of a few ms at least: sleeping per word costs more
            delta = {"delta": {"content": piece}} if chat else {"text": piece, "logprobs": None}
            yield event([{"index": index, **delta, "finish_reason": None}])
        last = {"delta": {}} if chat else {"text": "", "logprobs": None}
        yield event([{"index": index, **last, "finish_reason": "stop"}])
    if include_usage:
        yield event([], usage=_usage(prompts, texts))
    yield "data: [DONE]\n\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Serve until SIGINT or SIGTERM; print the port first so a parent process can read it."""
    parser = argparse.ArgumentParser(description="A local OpenAI-compatible stub server (127.0.0.1 only).")
    parser.add_argument("--port", type=int, default=0, help="port to bind (0 picks a free one)")
    parser.add_argument("--delay", type=float, default=0.0, help="seconds to wait before each answer")
    parser.add_argument("--token-rate", type=float, default=None, help="words a second an answer is written at")
    parser.add_argument("--api-key", default=None, help="require this bearer key")
    parser.add_argument("--model", action="append", default=None, help="a served model name (repeatable)")
    args = parser.parse_args(argv)
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    stub = OpenAIStub(models=args.model or ("stub-model",), api_key=args.api_key, delay=args.delay,
                      token_rate=args.token_rate, port=args.port)
    with stub:
        print(stub.port, flush=True)
        while not stop.wait(0.5):
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
