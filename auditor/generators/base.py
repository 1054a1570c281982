"""The one protocol every model backend implements.

A generator receives a batch of attempts and yields a ``Generation`` for each as soon as it is
ready (in any order), so the caller can commit every answer to the store the moment it arrives.
A generator never raises for one failed attempt: it yields a ``Generation`` with ``error`` set.
It raises ``GeneratorError`` only when nothing can work (bad credentials, unknown model, server
unreachable), with a one-line reason for the user.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Protocol, runtime_checkable

from auditor.errors import AuditorError
from auditor.types import Attempt, Generation

__all__ = ["Generator", "GeneratorError"]


class GeneratorError(AuditorError):
    """A failure that stops every attempt (auth, unknown model, unreachable server)."""


@runtime_checkable
class Generator(Protocol):
    #: The model spec with secrets redacted, as stored in runs (e.g. ``openai:gpt-4o@http://...``).
    name: str

    def generate(self, attempts: Sequence[Attempt]) -> AsyncIterator[Generation]:
        """Yield one Generation per attempt, as each completes."""
        ...

    async def aclose(self) -> None:
        """Release connections, models and other resources."""
        ...
