"""The guard as an OpenAI-compatible proxy: a Starlette app in front of any OpenAI-compatible server.

Routes: ``POST /v1/chat/completions``, ``POST /v1/completions`` (checked), ``GET /v1/models`` and
``GET /v1/models/{id}`` (passed through). Per response:

* ``allow``: the upstream's bytes go out untouched, with ``x-auditor-action: allow``;
* ``warn``: the response gains an ``auditor`` object (action, findings, errors) and the headers
  ``x-auditor-action: warn`` and ``x-auditor-findings: N``;
* ``block``: each blocked choice's content becomes a short explanation with
  ``finish_reason: "content_filter"``, plus the same ``auditor`` object and headers.

Streams go through :class:`auditor.guard.stream.StreamFilter`: code is held until checked (fenced
blocks, unfenced code lines, and whole ``/v1/completions`` choices, per the ``stream_unfenced`` setting).

Upstream connections: pooled keep-alive ``httpx.AsyncClient`` s, created once. At most
``max_connections`` requests are upstream at a time; the rest wait their turn (up to ``timeout_s``,
then 503). The pool is split into clients of 32 connections, because httpcore's bookkeeping grows
with the square of a pool's size. A request that finds its kept-alive connection just closed by the
upstream is sent once more.

Safe by default: request bodies over ``max_request_bytes`` get 413, upstream bodies over
``max_response_bytes`` get 502 (in a stream: an error event, and nothing held is released), an
upstream that does not answer within ``timeout_s`` gets 504, one that cannot be reached 502, and an
upstream error status is forwarded as it came. Without a key of its own the proxy forwards the
client's ``Authorization`` header; with one (``api_key``) clients must present it and the upstream
gets ``upstream_api_key`` instead. Headers and bodies are never logged; the decision log
(:mod:`auditor.guard.log`) records decisions only.
"""

from __future__ import annotations

import asyncio
import hmac
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import anyio
import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from auditor.guard import wire
from auditor.guard.decision import Guard, GuardDecision, worst
from auditor.guard.log import DecisionLog
from auditor.guard.stream import StreamFilter

__all__ = ["ProxyConfig", "create_app", "serve"]

#: Errors that mean the upstream closed a pooled connection before answering (sent once more).
_STALE = (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)
#: Under the 5 s keep-alive of uvicorn-based servers (vLLM ...), so that the proxy lets go first.
_KEEPALIVE_S = 4.0
_SHARD = 32


@dataclass(frozen=True)
class ProxyConfig:
    """Where to forward, and the proxy's limits. ``upstream`` is a base URL such as ``http://host:8000/v1``."""

    upstream: str
    api_key: str | None = None
    upstream_api_key: str | None = None
    max_request_bytes: int = 4 << 20
    max_response_bytes: int = 16 << 20
    timeout_s: float = 120.0
    connect_timeout_s: float = 10.0
    max_connections: int = 256

    def __repr__(self) -> str:  # keys never show up in a log line or a traceback
        hidden = {"api_key", "upstream_api_key"}
        fields = ", ".join(f"{k}={'***' if k in hidden and v else v!r}" for k, v in self.__dict__.items())
        return f"ProxyConfig({fields})"


class _Upstream:
    """One upstream response and the slot it holds; closing twice is harmless."""

    def __init__(self, response: httpx.Response, slots: asyncio.Semaphore) -> None:
        self.response = response
        self._slots: asyncio.Semaphore | None = slots

    async def close(self) -> None:
        slots, self._slots = self._slots, None
        if slots is not None:
            try:
                with anyio.CancelScope(shield=True):  # a client that left must not leave it half-closed
                    await self.response.aclose()
            finally:
                slots.release()


class _Relay(StreamingResponse):
    """A streamed response whose cleanup runs even when the client left before it began."""

    def __init__(self, body: AsyncIterator[bytes], done: Callable[[], Awaitable[None]], **kw: Any) -> None:
        super().__init__(body, **kw)
        self._done = done

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            await self._done()


class _Proxy:
    def __init__(self, config: ProxyConfig, guard: Guard, log: DecisionLog | None) -> None:
        self.config = config
        self.guard = guard
        self.log = log
        self.base = config.upstream.rstrip("/")
        self._clients: list[httpx.AsyncClient] = []
        self._turn = 0
        self._slots = asyncio.Semaphore(config.max_connections)
        # Parsed once: httpx spends ~0.1 ms parsing and merging a URL string on every request.
        self._urls = {p: httpx.URL(self.base + p) for p in ("/chat/completions", "/completions")}

    def _client(self) -> httpx.AsyncClient:
        if not self._clients:
            cfg = self.config
            shards = max(1, -(-cfg.max_connections // _SHARD))
            size = -(-cfg.max_connections // shards)
            limits = httpx.Limits(max_connections=size, max_keepalive_connections=size, keepalive_expiry=_KEEPALIVE_S)
            timeout = httpx.Timeout(cfg.timeout_s, connect=cfg.connect_timeout_s)
            self._clients = [httpx.AsyncClient(timeout=timeout, limits=limits, trust_env=False) for _ in range(shards)]
        self._turn = (self._turn + 1) % len(self._clients)
        return self._clients[self._turn]

    @asynccontextmanager
    async def lifespan(self, app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            clients, self._clients = self._clients, []
            for client in clients:
                await client.aclose()

    # -- routes -------------------------------------------------------------------------------

    async def chat(self, request: Request) -> Response:
        return await self._generate(request, "/chat/completions")

    async def completions(self, request: Request) -> Response:
        return await self._generate(request, "/completions")

    async def models(self, request: Request) -> Response:
        denied = self._deny(request)
        if denied is not None:
            return denied
        path = request.url.path.removeprefix("/v1")
        if any(part in (".", "..") for part in path.split("/")):  # only /models and below, nothing else
            return wire.error(404, "Unknown model path.", "invalid_request_error", "not_found")
        upstream = await self._send("GET", path + (f"?{request.url.query}" if request.url.query else ""), request, None)
        if isinstance(upstream, Response):
            return upstream
        return await self._buffered(upstream, path, None, check=False)

    async def _generate(self, request: Request, path: str) -> Response:
        denied = self._deny(request)
        if denied is not None:
            return denied
        raw = await wire.read_request(request, self.config.max_request_bytes)
        if raw is None:
            return wire.error(413, f"The request body is over the proxy's limit of {self.config.max_request_bytes} "
                              "bytes.", "invalid_request_error", "request_too_large")
        try:
            body = json.loads(raw)
        except ValueError:
            body = None
        if not isinstance(body, dict):
            return wire.error(400, "The request body is not a JSON object.", "invalid_request_error")
        upstream = await self._send("POST", path, request, raw)
        if isinstance(upstream, Response):
            return upstream
        model = body.get("model")
        response = upstream.response
        if response.status_code == 200 and response.headers.get("content-type", "").startswith("text/event-stream"):
            return self._stream(upstream, path, model)
        return await self._buffered(upstream, path, model, check=True)

    # -- upstream -----------------------------------------------------------------------------

    def _deny(self, request: Request) -> Response | None:
        key = self.config.api_key
        if key is None:
            return None
        given = request.headers.get("authorization", "").encode()
        if hmac.compare_digest(given, f"Bearer {key}".encode()):
            return None
        return wire.error(401, "Incorrect or missing API key for the auditor guard proxy.",
                          "invalid_request_error", "invalid_api_key")

    def _headers(self, request: Request, has_body: bool) -> dict[str, str]:
        incoming = request.headers
        headers = {k: v for k in wire.FORWARD_REQUEST if (v := incoming.get(k)) is not None}
        if has_body:
            headers["content-type"] = incoming.get("content-type", wire.JSON)
        if self.config.api_key is None:
            auth = incoming.get("authorization")
            if auth is not None:
                headers["authorization"] = auth
        elif self.config.upstream_api_key:
            headers["authorization"] = f"Bearer {self.config.upstream_api_key}"
        return headers

    async def _send(self, method: str, path: str, request: Request, raw: bytes | None) -> _Upstream | Response:
        """The upstream's response (holding one of ``max_connections`` slots), or the error to answer."""
        try:
            async with asyncio.timeout(self.config.timeout_s):
                await self._slots.acquire()
        except TimeoutError:
            return wire.error(503, "The proxy is at its limit of upstream requests; try again.", "upstream_error",
                              "proxy_overloaded")
        try:
            url = self._urls.get(path) or httpx.URL(self.base + path)
            answer = await self._attempt(method, url, self._headers(request, raw is not None), raw)
        except BaseException:
            self._slots.release()
            raise
        if isinstance(answer, Response):
            self._slots.release()
            return answer
        return _Upstream(answer, self._slots)

    async def _attempt(self, method: str, url: httpx.URL, headers: dict[str, str],
                       raw: bytes | None) -> httpx.Response | Response:
        for attempt in (1, 2):
            client = self._client()
            try:
                return await client.send(client.build_request(method, url, content=raw, headers=headers), stream=True)
            except httpx.TimeoutException:
                return wire.error(504, "The upstream model server did not answer in time.", "upstream_error",
                                  "upstream_timeout")
            except _STALE as exc:  # a kept-alive connection the upstream closed just then: once more
                if attempt == 2:
                    return wire.unreachable(exc)
            except httpx.HTTPError as exc:
                return wire.unreachable(exc)
        raise AssertionError("not reached")

    async def _buffered(self, upstream: _Upstream, path: str, model: Any, *, check: bool) -> Response:
        limit, response = self.config.max_response_bytes, upstream.response
        try:
            content = await wire.read_upstream(response, limit)
        except httpx.TimeoutException:
            return wire.error(504, "The upstream model server timed out while answering.", "upstream_error",
                              "upstream_timeout")
        except httpx.HTTPError as exc:
            return wire.error(502, f"The upstream answer was cut off ({type(exc).__name__}).", "upstream_error",
                              "upstream_incomplete")
        finally:
            await upstream.close()
        if content is None:
            return wire.error(502, f"The upstream answer is over the proxy's limit of {limit} bytes.",
                              "upstream_error", "response_too_large")
        headers = wire.response_headers(response.headers)
        if not check or response.status_code != 200:
            return Response(content, status_code=response.status_code, headers=headers)
        return await self._checked(content, headers, path, model)

    async def _checked(self, content: bytes, headers: dict[str, str], path: str, model: Any) -> Response:
        try:
            obj = json.loads(content)
        except ValueError:
            obj = None
        choices = obj.get("choices") if isinstance(obj, dict) else None
        if not isinstance(choices, list):
            return wire.error(502, "The upstream answer is not a completion the guard can check.", "upstream_error",
                              "upstream_invalid")
        decisions = [await self._decide(ch) for ch in choices]
        action = worst(*(d.action for d in decisions))
        findings = [dict(f, choice=i) for i, d in enumerate(decisions) for f in d.summary()["findings"]]
        errors = [e for d in decisions for e in d.errors]
        elapsed = sum(d.elapsed_ms for d in decisions)
        if self.log is not None:
            self.log.write(endpoint="/v1" + path, action=action, findings=findings, errors=errors,
                           elapsed_ms=elapsed, model=model, stream=False)
        headers["x-auditor-action"] = action
        headers["x-auditor-findings"] = str(len(findings))
        if action == "allow" and not errors:
            return Response(content, status_code=200, headers=headers)
        for choice, decision in zip(choices, decisions):
            if decision.blocked and isinstance(choice, dict):
                wire.replace_choice(choice, decision.reason())
        obj["auditor"] = {"action": action, "findings": findings, "errors": errors, "elapsed_ms": round(elapsed, 3)}
        headers["content-type"] = wire.JSON
        return Response(json.dumps(obj, ensure_ascii=False).encode(), status_code=200, headers=headers)

    async def _decide(self, choice: Any) -> GuardDecision:
        text = wire.choice_text(choice)
        return await self.guard.acheck(text) if text.strip() else GuardDecision("allow")

    def _stream(self, upstream: _Upstream, path: str, model: Any) -> StreamingResponse:
        gate = StreamFilter(self.guard.acheck, unfenced=self.guard.settings.stream_unfenced,
                            completions=path == "/completions")
        logged = False

        async def done() -> None:
            nonlocal logged
            await upstream.close()
            if self.log is not None and not logged:
                logged = True
                s = gate.summary()
                self.log.write(endpoint="/v1" + path, action=s["action"], findings=s["findings"], errors=s["errors"],
                               elapsed_ms=s["elapsed_ms"], model=model, stream=True)

        headers = wire.response_headers(upstream.response.headers)
        headers["x-auditor-mode"] = "stream"
        return _Relay(self._relay(upstream.response, gate, done), done, status_code=200, headers=headers)

    async def _relay(self, response: httpx.Response, gate: StreamFilter,
                     done: Callable[[], Awaitable[None]]) -> AsyncIterator[bytes]:
        limit, received = self.config.max_response_bytes, 0
        try:
            async for chunk in response.aiter_bytes():
                received += len(chunk)
                if received > limit:
                    yield gate.abort(f"The upstream answer is over the proxy's limit of {limit} bytes.",
                                     "response_too_large")
                    return
                out = await gate.feed(chunk)
                if out:
                    yield out
            out = await gate.finish()
            if out:
                yield out
        except httpx.TimeoutException:
            yield gate.abort("The upstream model server timed out while streaming.", "upstream_timeout")
        except httpx.HTTPError as exc:
            yield gate.abort(f"The upstream stream was cut off ({type(exc).__name__}).", "upstream_incomplete")
        finally:
            await done()


def create_app(config: ProxyConfig, guard: Guard, log: DecisionLog | None = None) -> Starlette:
    """The proxy as an ASGI app (run it with uvicorn, lifespan on)."""
    proxy = _Proxy(config, guard, log)
    routes = [
        Route("/v1/chat/completions", proxy.chat, methods=["POST"]),
        Route("/v1/completions", proxy.completions, methods=["POST"]),
        Route("/v1/models", proxy.models, methods=["GET"]),
        Route("/v1/models/{model:path}", proxy.models, methods=["GET"]),
    ]
    return Starlette(routes=routes, lifespan=proxy.lifespan)


def serve(config: ProxyConfig, guard: Guard, *, host: str = "127.0.0.1", port: int = 8000,
          log: DecisionLog | None = None) -> None:
    """Run the proxy in the foreground until interrupted (the process is the proxy's own)."""
    import gc

    import uvicorn

    app = create_app(config, guard, log)
    guard.start()  # worker processes, if the guard has any, are ready before the first request
    # Everything imported so far lives as long as the process: keep it out of the collector's full
    # passes, which otherwise stall a request for ~30 ms every few dozen checks.
    gc.collect()
    gc.freeze()
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False, http="h11", ws="none",
                lifespan="on", backlog=4096, timeout_keep_alive=30)
