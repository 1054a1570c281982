"""The OpenAI wire format as the proxy needs it: error bodies, bounded reads, headers, choice text.

Kept apart from :mod:`auditor.guard.proxy` so that the routing code reads as the decisions it makes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import httpx
from starlette.requests import Request
from starlette.responses import Response

__all__ = [
    "JSON", "FORWARD_REQUEST", "error", "unreachable", "read_request", "read_upstream",
    "response_headers", "choice_text", "replace_choice",
]

JSON = "application/json"
#: Request headers passed upstream besides the body's type and the key (allow-list: no cookies).
FORWARD_REQUEST = ("accept", "openai-organization", "openai-project", "openai-beta", "idempotency-key")
_DROP_RESPONSE = frozenset({
    "content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "date", "server",
    "proxy-authenticate", "proxy-connection", "te", "trailer", "upgrade", "set-cookie",
})


def error(status: int, message: str, kind: str, code: str | None = None) -> Response:
    """An error in OpenAI's shape, which the SDKs turn into their typed exceptions."""
    body = {"error": {"message": message, "type": kind, "param": None, "code": code}}
    return Response(json.dumps(body).encode(), status_code=status, media_type=JSON)


def unreachable(exc: Exception) -> Response:
    return error(502, f"The upstream model server could not be reached ({type(exc).__name__}).",
                 "upstream_error", "upstream_unreachable")


async def read_request(request: Request, limit: int) -> bytes | None:
    """The request body, or None when it is over ``limit`` bytes (declared or actual)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


async def read_upstream(response: httpx.Response, limit: int) -> bytes | None:
    """The upstream body, or None when it is over ``limit`` bytes (declared or actual)."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def response_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """Upstream headers worth passing on (request ids, rate limits, Retry-After, content type)."""
    return {k: v for k, v in headers.items() if k.lower() not in _DROP_RESPONSE}


def choice_text(choice: Any) -> str:
    """The generated text of one choice of a chat or text completion."""
    if not isinstance(choice, dict):
        return ""
    message = choice.get("message")
    text = message.get("content") if isinstance(message, dict) else choice.get("text")
    return text if isinstance(text, str) else ""


def replace_choice(choice: dict[str, Any], explanation: str) -> None:
    """Put ``explanation`` in place of a blocked choice's content."""
    if isinstance(choice.get("message"), dict):
        choice["message"] = {"role": "assistant", "content": explanation}
    else:
        choice["text"] = explanation
        choice["logprobs"] = None
    choice["finish_reason"] = "content_filter"
