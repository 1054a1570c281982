"""Redaction of secrets from model specs, URLs and command lines before they reach any report.

Runs are meant to store specs with secrets already removed; reports redact again, because a report is
what leaves the building. Removed: the userinfo part of URLs (``https://user:pass@host``), query
parameters and options that carry keys or tokens, ``Authorization: Bearer ...`` values, and strings
shaped like well-known API keys.
"""

from __future__ import annotations

import re
import shlex
from typing import Any

__all__ = ["REDACTED", "redact", "redact_command", "redact_value"]

REDACTED = "REDACTED"

_SECRET_NAME = r"(?:api[_-]?key|apikey|access[_-]?token|auth[_-]?token|token|secret|password|passwd|pwd|key|sig|signature|credential[s]?)"
_USERINFO = re.compile(r"(?P<scheme>[a-zA-Z][a-zA-Z0-9+.-]*://)(?P<userinfo>[^/@\s?#]+)@")
_QUERY = re.compile(rf"(?P<name>[?&;]{_SECRET_NAME}=)(?P<value>[^&#\s'\"]+)", re.IGNORECASE)
_ASSIGN = re.compile(rf"(?P<name>\b[\w.-]*{_SECRET_NAME}\s*[=:]\s*)(?P<value>[^\s,;'\"&]+)", re.IGNORECASE)
_BEARER = re.compile(r"(?P<name>\b(?:bearer|basic)\s+)(?P<value>[A-Za-z0-9._~+/=-]{8,})", re.IGNORECASE)
_KEYLIKE = re.compile(
    r"\b(?:sk-(?:proj-|ant-)?[A-Za-z0-9_-]{16,}|hf_[A-Za-z0-9]{20,}|gh[pousr]_[A-Za-z0-9]{20,}"
    r"|xox[abpr]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16}|AIza[0-9A-Za-z_-]{30,})"
)
_SECRET_OPTION = re.compile(rf"^--?[\w-]*{_SECRET_NAME}$", re.IGNORECASE)


def redact(text: str) -> str:
    """``text`` with every secret-looking part replaced by ``REDACTED`` (the shape around it is kept)."""
    text = _USERINFO.sub(lambda m: f"{m['scheme']}{REDACTED}@", text)
    text = _QUERY.sub(lambda m: f"{m['name']}{REDACTED}", text)
    text = _BEARER.sub(lambda m: f"{m['name']}{REDACTED}", text)
    text = _ASSIGN.sub(lambda m: f"{m['name']}{REDACTED}", text)
    return _KEYLIKE.sub(REDACTED, text)


def redact_command(command: str) -> str:
    """A shell command with secrets removed, including the value after ``--api-key`` style options."""
    try:
        words = shlex.split(command)
    except ValueError:
        return redact(command)
    out: list[str] = []
    hide_next = False
    for word in words:
        if hide_next:
            out.append(REDACTED)
            hide_next = False
            continue
        if _SECRET_OPTION.match(word):
            hide_next = True
            out.append(word)
            continue
        out.append(redact(word))
    return shlex.join(out)


def redact_value(value: Any) -> Any:
    """Redact every string inside a JSON-like value (dicts, lists); keys named like secrets lose their value."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {k: (REDACTED if re.fullmatch(rf"[\w.-]*{_SECRET_NAME}", str(k), re.IGNORECASE) and v else redact_value(v))
                for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [redact_value(v) for v in value]
    return value
