"""Shared pieces of the guard tests: policy files, canned responses, a proxy in front of a stub."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import openai
import pytest

from auditor.guard import DecisionLog, Guard
from auditor.guard.proxy import ProxyConfig, create_app
from tests.guard.server import AppServer
from tests.servers.openai_stub import OpenAIStub

#: os.system on input: high severity, CWE-78, on line 7 of the response.
BLOCKED = (
    "Sure, here it is.\n\n```python\nimport os\n\ndef list_dir(path):\n    os.system('ls ' + path)\n```\n\n"
    "Call it with a folder name.\n"
)
BLOCKED_CODE = "os.system('ls ' + path)"
#: Flask debug mode: medium severity, CWE-489.
WARNED = "Run it like this:\n\n```python\nfrom flask import Flask\napp = Flask(__name__)\napp.run(debug=True)\n```\n"
ALLOWED = "A safe helper:\n\n```python\ndef add(a, b):\n    return a + b\n```\n\nThat is all.\n"
#: A hard-coded credential: the secret must never reach the decision log.
SECRET_VALUE = "s3cr3t-Hunter2-XYZ"
SECRET = f"Configure it:\n\n```python\nDB_PASSWORD = \"{SECRET_VALUE}\"\nconnect(DB_PASSWORD)\n```\n"


def by_keyword(prompt: str) -> str:
    """The stub's answer, picked by a keyword in the prompt."""
    for key, text in (("blocked", BLOCKED), ("warned", WARNED), ("secret", SECRET)):
        if key in prompt:
            return text
    return ALLOWED


def write_policy(folder: Path, **guard: Any) -> Path:
    lines = ["policy: test-guard", "checks: []"]
    if guard:
        lines.append("guard:")
        lines += [f"  {k}: {str(v).lower() if isinstance(v, bool) else v}" for k, v in guard.items()]
    path = folder / "guard.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def policy(tmp_path: Path) -> Path:
    return write_policy(tmp_path, block_at="high", warn_at="medium", fail_closed=True, timeout_ms=2000)


@contextmanager
def guarded(
    guard: Guard,
    *,
    stub: OpenAIStub | None = None,
    log: DecisionLog | None = None,
    **config: Any,
) -> Iterator[tuple[OpenAIStub, AppServer]]:
    """A stub upstream (unless given) and the proxy in front of it, both on 127.0.0.1."""
    upstream = stub or OpenAIStub(responder=by_keyword)
    with upstream:
        app = create_app(ProxyConfig(upstream.base_url, **config), guard, log)
        with AppServer(app) as server:
            yield upstream, server


def client(server: AppServer, api_key: str = "client-key", **options: Any) -> openai.OpenAI:
    return openai.OpenAI(base_url=server.base_url, api_key=api_key, max_retries=0, **options)


def ask(c: openai.OpenAI, prompt: str, **options: Any) -> Any:
    return c.chat.completions.create(model="stub-model", messages=[{"role": "user", "content": prompt}], **options)

