"""The proxy, driven by the official openai SDK against a real upstream on 127.0.0.1."""

from __future__ import annotations

import json
import logging
import re
import socket
import sqlite3
import threading
from contextlib import closing
from pathlib import Path
from typing import Any

import httpx
import openai
import pytest

from auditor.guard import DecisionLog, Guard, GuardSettings
from auditor.guard.proxy import ProxyConfig, create_app
from tests.guard.conftest import (
    ALLOWED,
    BLOCKED_CODE,
    SECRET_VALUE,
    WARNED,
    ask,
    by_keyword,
    client,
    guarded,
)
from tests.guard.server import AppServer
from tests.guard.test_decision import Broken
from tests.guard.test_stream import UNFENCED_CHAT, UNFENCED_CODE, UNFENCED_PROSE, WITHHELD
from tests.servers.openai_stub import OpenAIStub


@pytest.fixture(scope="module")
def guard() -> Guard:
    return Guard(GuardSettings(timeout_ms=2000))


def collect(stream: Any) -> tuple[list[str], list[str], list[Any]]:
    """Every delta text, every finish reason and every ``auditor`` object of a stream."""
    deltas, reasons, notes = [], [], []
    for ch in stream:
        for choice in ch.choices:
            text = choice.delta.content if hasattr(choice, "delta") else choice.text
            if text:
                deltas.append(text)
            if choice.finish_reason:
                reasons.append(choice.finish_reason)
        if getattr(ch, "auditor", None):
            notes.append(ch.auditor)
    return deltas, reasons, notes


def test_allow_warn_block_without_streaming(guard: Guard) -> None:
    with guarded(guard) as (stub, proxy):
        c = client(proxy)
        raw = c.chat.completions.with_raw_response.create(
            model="stub-model", messages=[{"role": "user", "content": "fine"}])
        assert (raw.headers["x-auditor-action"], raw.headers["x-auditor-findings"]) == ("allow", "0")
        allowed = raw.parse()
        assert allowed.choices[0].message.content == ALLOWED
        assert allowed.choices[0].finish_reason == "stop" and getattr(allowed, "auditor", None) is None

        raw = c.chat.completions.with_raw_response.create(
            model="stub-model", messages=[{"role": "user", "content": "warned"}])
        assert (raw.headers["x-auditor-action"], raw.headers["x-auditor-findings"]) == ("warn", "1")
        warned = raw.parse()
        assert warned.choices[0].message.content == WARNED
        assert warned.auditor["action"] == "warn"
        assert [(f["rule_id"], f["cwe"], f["line"]) for f in warned.auditor["findings"]] == [("py-flask-debug", 489, 6)]

        raw = c.chat.completions.with_raw_response.create(
            model="stub-model", messages=[{"role": "user", "content": "blocked"}])
        assert raw.headers["x-auditor-action"] == "block"
        blocked = raw.parse()
        assert blocked.choices[0].finish_reason == "content_filter"
        assert blocked.choices[0].message.content == (
            "Code in this response was withheld by the auditor guard: py-os-system (CWE-78).")
        assert BLOCKED_CODE not in raw.text
        assert blocked.auditor["findings"][0]["rule_id"] == "py-os-system"
        assert stub.requests == 3


def test_streams_release_prose_and_withhold_blocked_code(guard: Guard) -> None:
    with guarded(guard) as (_, proxy):
        c = client(proxy)
        deltas, reasons, notes = collect(ask(c, "fine", stream=True))
        assert "".join(deltas) == ALLOWED and reasons == ["stop"] and notes == []
        assert len(deltas) > 10  # it streamed, piece by piece

        deltas, reasons, notes = collect(ask(c, "warned", stream=True))
        assert "".join(deltas) == WARNED and reasons == ["stop"]
        assert notes[0]["action"] == "warn"

        deltas, reasons, notes = collect(ask(c, "blocked", stream=True))
        assert not any(fragment in d for d in deltas for fragment in ("os.system(", "import os", "def list_dir"))
        assert "".join(deltas).startswith("Sure, here it is.\n\n")
        assert reasons == ["content_filter"]
        assert notes[0]["action"] == "block" and notes[0]["findings"][0]["line"] == 7


def test_completions_endpoint_streaming_and_not(guard: Guard) -> None:
    with guarded(guard) as (_, proxy):
        c = client(proxy)
        plain = c.completions.create(model="stub-model", prompt="blocked")
        assert plain.choices[0].finish_reason == "content_filter"
        assert BLOCKED_CODE not in plain.choices[0].text
        fine = c.completions.create(model="stub-model", prompt="fine")
        assert fine.choices[0].text == ALLOWED
        deltas, reasons, _ = collect(c.completions.create(model="stub-model", prompt="blocked", stream=True))
        assert BLOCKED_CODE not in "".join(deltas) and reasons == ["content_filter"]


def unfenced(prompt: str) -> str:
    """The stub's answer: code without a fence (a continuation, or in a chat answer), else as usual."""
    return {"continue": UNFENCED_CODE, "chat": UNFENCED_CHAT}.get(prompt) or by_keyword(prompt)


def test_unfenced_code_in_streams_is_held_until_checked(guard: Guard) -> None:
    with guarded(guard, stub=OpenAIStub(responder=unfenced)) as (_, proxy):
        c = client(proxy)
        deltas, reasons, notes = collect(c.completions.create(model="stub-model", prompt="continue", stream=True))
        assert (deltas, reasons) == ([WITHHELD], ["content_filter"])
        assert [(f["rule_id"], f["line"]) for f in notes[0]["findings"]] == [("py-os-system", 4)]
        deltas, reasons, _ = collect(c.completions.create(model="stub-model", prompt="fine", stream=True))
        assert "".join(deltas) == ALLOWED and reasons == ["stop"]
        deltas, reasons, notes = collect(ask(c, "chat", stream=True))
        assert "".join(deltas) == UNFENCED_PROSE + WITHHELD and reasons == ["content_filter"]
        assert len(deltas) > 10 and notes[0]["findings"][0]["line"] == 7  # the prose streamed word by word
        plain = c.completions.create(model="stub-model", prompt="continue")  # not streamed: as before
        assert plain.choices[0].finish_reason == "content_filter" and plain.choices[0].text == WITHHELD
    report = Guard(GuardSettings(timeout_ms=2000, stream_unfenced="report"))
    with guarded(report, stub=OpenAIStub(responder=unfenced)) as (_, proxy):
        deltas, reasons, notes = collect(client(proxy).completions.create(model="stub-model", prompt="continue",
                                                                          stream=True))
        assert "".join(deltas) == UNFENCED_CODE and reasons == ["content_filter"]  # out unheld, reported after
        assert len(deltas) > 5 and notes[0]["findings"][0]["after_stream"] is True


def test_models_and_upstream_errors_pass_through(guard: Guard) -> None:
    stub = OpenAIStub(models=("stub-model", "other"), responder=by_keyword, error_status=503, retry_after="7")
    with guarded(guard, stub=stub) as (stub, proxy):
        c = client(proxy)
        assert [m.id for m in c.models.list()] == ["stub-model", "other"]
        with pytest.raises(openai.NotFoundError) as missing:
            c.chat.completions.create(model="nope", messages=[{"role": "user", "content": "x"}])
        assert missing.value.body["code"] == "model_not_found"  # type: ignore[index]
        stub.fail_next(n429=1, n5xx=1)
        with pytest.raises(openai.RateLimitError) as limited:
            ask(c, "fine")
        assert limited.value.response.headers["retry-after"] == "7"
        with pytest.raises(openai.InternalServerError) as failed:
            ask(c, "fine", stream=True)
        assert failed.value.status_code == 503


def test_upstream_timeouts_become_504(guard: Guard) -> None:
    with guarded(guard, stub=OpenAIStub(delay=1.0), timeout_s=0.2) as (_, proxy):
        c = client(proxy)
        for stream in (False, True):
            with pytest.raises(openai.APIStatusError) as slow:
                ask(c, "fine", stream=stream)
            assert slow.value.status_code == 504
            assert slow.value.body["code"] == "upstream_timeout"  # type: ignore[index]


def test_an_unreachable_upstream_is_502(guard: Guard) -> None:
    with guarded(guard) as (stub, proxy):
        stub.stop()
        with pytest.raises(openai.APIStatusError) as down:
            ask(client(proxy), "fine")
        assert down.value.status_code == 502


def test_an_analyzer_error_blocks_fail_closed() -> None:
    broken = Guard(GuardSettings(timeout_ms=2000), analyzers=[Broken("raise")])
    with guarded(broken) as (_, proxy):
        c = client(proxy)
        answer = ask(c, "fine")
        assert answer.choices[0].finish_reason == "content_filter"
        assert "could not be fully checked" in (answer.choices[0].message.content or "")
        assert answer.auditor["errors"] == ["broken: RuntimeError: analyzer exploded"]
        deltas, reasons, _ = collect(ask(c, "fine", stream=True))
        assert "return a + b" not in "".join(deltas) and reasons == ["content_filter"]


def test_size_limits(guard: Guard) -> None:
    with guarded(guard, max_request_bytes=2_000, max_response_bytes=150) as (stub, proxy):
        c = client(proxy)
        with pytest.raises(openai.APIStatusError) as big_request:
            ask(c, "x" * 5_000)
        assert big_request.value.status_code == 413 and stub.requests == 0
        with pytest.raises(openai.APIStatusError) as big_answer:
            ask(c, "fine")
        assert big_answer.value.status_code == 502
        assert big_answer.value.body["code"] == "response_too_large"  # type: ignore[index]
        deltas: list[str] = []
        with pytest.raises(openai.APIError, match="over the proxy's limit"):
            for ch in ask(c, "blocked", stream=True):
                deltas += [x.delta.content or "" for x in ch.choices]
        assert BLOCKED_CODE not in "".join(deltas)


def test_the_clients_key_is_forwarded_but_never_logged(
    guard: Guard, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    key = "sk-client-9f8e7d6c5b4a"
    log = DecisionLog(tmp_path / "decisions.jsonl")
    with guarded(guard, stub=OpenAIStub(api_key=key, responder=by_keyword), log=log) as (_, proxy):
        assert ask(client(proxy, api_key=key), "blocked").choices[0].finish_reason == "content_filter"
        collect(ask(client(proxy, api_key=key), "fine", stream=True))
        with pytest.raises(openai.AuthenticationError):
            ask(client(proxy, api_key="wrong"), "fine")
    log.close()
    written = (tmp_path / "decisions.jsonl").read_text()
    assert len(written.splitlines()) == 2
    assert key not in written
    assert not [r for r in caplog.records if key in r.getMessage()]


def test_the_proxys_own_key(guard: Guard) -> None:
    stub = OpenAIStub(api_key="upstream-secret", responder=by_keyword)
    with guarded(guard, stub=stub, api_key="proxy-key", upstream_api_key="upstream-secret") as (stub, proxy):
        assert ask(client(proxy, api_key="proxy-key"), "fine").choices[0].message.content == ALLOWED
        for wrong in ("upstream-secret", "proxy-key2"):
            with pytest.raises(openai.AuthenticationError) as denied:
                ask(client(proxy, api_key=wrong), "fine")
            assert denied.value.body["code"] == "invalid_api_key"  # type: ignore[index]
        with pytest.raises(openai.AuthenticationError):
            client(proxy, api_key="nope").models.list()
        anonymous = httpx.post(proxy.base_url + "/chat/completions", json={"model": "stub-model", "messages": []})
        assert anonymous.status_code == 401
        assert stub.requests == 1


def read_log(path: Path) -> tuple[list[dict[str, Any]], str]:
    """The records of a decision log, either format, and every byte of its files as text."""
    if path.suffix != ".db":
        text = path.read_text()
        return [json.loads(line) for line in text.splitlines()], text
    with closing(sqlite3.connect(path)) as db:
        db.row_factory = sqlite3.Row
        rows = [dict(r) for r in db.execute("SELECT * FROM decisions ORDER BY id")]
    records = [{**{k: v for k, v in r.items() if k != "id"}, "stream": bool(r["stream"]),
                "findings": json.loads(r["findings"]), "errors": json.loads(r["errors"])} for r in rows]
    files = [p for p in path.parent.iterdir() if p.name.startswith(path.name)]  # with -wal / -shm
    return records, "".join(p.read_bytes().decode("latin-1") for p in files)


@pytest.mark.parametrize("name", ["guard.jsonl", "guard.db"])
def test_the_decision_log_says_why_without_code_or_secrets(guard: Guard, tmp_path: Path, name: str) -> None:
    path = tmp_path / "logs" / name
    with DecisionLog(path) as log, guarded(guard, log=log) as (_, proxy):
        c = client(proxy)
        ask(c, "blocked")
        ask(c, "secret")
        collect(ask(c, "secret", stream=True))
        ask(c, "fine")
        if name.endswith(".db"):  # readable while the proxy writes (WAL)
            assert len(read_log(path)[0]) == 4
    records, text = read_log(path)
    assert [(r["action"], r["stream"]) for r in records] == [
        ("block", False), ("block", False), ("block", True), ("allow", False)]
    first = records[0]
    assert first["endpoint"] == "/v1/chat/completions" and first["model"] == "stub-model"
    assert first["time"].endswith("Z") and first["schema_version"] == 1
    assert first["findings"] == [
        {"rule_id": "py-os-system", "analyzer": "builtin", "severity": "high", "cwe": 78, "line": 7, "choice": 0}]
    assert ("py-hardcoded-password", 798, 4) in {(f["rule_id"], f["cwe"], f["line"]) for f in records[2]["findings"]}
    for forbidden in (SECRET_VALUE, BLOCKED_CODE, "DB_PASSWORD", "import os", "def add", "snippet", "message"):
        assert forbidden not in text, forbidden


class Hangup:
    """An upstream that reads each request and closes the connection without answering, ``times`` times,
    then answers like an OpenAI server (as a kept-alive connection the server just dropped looks)."""

    def __init__(self, times: int) -> None:
        self.times, self.connections = times, 0
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                self.connections += 1
                data = b""
                while b"\r\n\r\n" not in data:
                    data += conn.recv(65536)
                head, _, rest = data.partition(b"\r\n\r\n")
                length = int(re.search(rb"content-length: (\d+)", head.lower()).group(1))  # type: ignore[union-attr]
                while len(rest) < length:
                    rest += conn.recv(65536)
                if self.connections > self.times:
                    body = json.dumps({"id": "x", "object": "chat.completion", "created": 0, "model": "m",
                                       "choices": [{"index": 0, "finish_reason": "stop",
                                                    "message": {"role": "assistant", "content": ALLOWED}}]}).encode()
                    conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: close\r\n"
                                 b"content-length: %d\r\n\r\n%s" % (len(body), body))


@pytest.mark.parametrize(("hangups", "status"), [(1, 200), (2, 502)])
def test_a_dropped_connection_is_retried_once(guard: Guard, hangups: int, status: int) -> None:
    upstream = Hangup(hangups)
    app = create_app(ProxyConfig(f"http://127.0.0.1:{upstream.port}/v1"), guard)
    with AppServer(app) as proxy:
        response = httpx.post(proxy.base_url + "/chat/completions", json={"model": "m", "messages": []})
    upstream.sock.close()
    assert response.status_code == status
    assert upstream.connections == 2
    if status == 200:
        assert response.json()["choices"][0]["message"]["content"] == ALLOWED


def test_a_client_that_leaves_mid_stream_frees_its_upstream_slot(guard: Guard) -> None:
    long = "Intro.\n\n" + "A line of prose that goes on for a while.\n" * 1000
    stub = OpenAIStub(responder=lambda prompt: long)
    with guarded(guard, stub=stub, max_connections=1, timeout_s=20.0) as (_, proxy):
        body = {"model": "stub-model", "messages": [{"role": "user", "content": "x"}], "stream": True}
        with httpx.stream("POST", proxy.base_url + "/chat/completions", json=body) as response:
            assert next(response.iter_bytes()).startswith(b"data: ")
        # With one slot, a leaked one would make this wait for the timeout and get 503.
        answer = ask(client(proxy), "fine")
        assert answer.choices[0].message.content == long


def test_the_models_route_reaches_nothing_but_models(guard: Guard) -> None:
    with guarded(guard) as (stub, proxy):
        sneaky = httpx.get(proxy.base_url + "/models/%2e%2e/chat/completions")
        assert sneaky.status_code == 404 and sneaky.json()["error"]["code"] == "not_found"
        assert httpx.post(proxy.base_url + "/embeddings", json={}).status_code == 404
        assert stub.requests == 0
