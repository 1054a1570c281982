"""``replay:FILE.jsonl`` — responses captured elsewhere (API logs, another harness, the bundled sample).

Each line is a JSON object with ``response`` (or ``text``) and ``attempt_id`` and/or ``prompt``. A
record with an ``attempt_id`` answers that attempt; otherwise records are matched by prompt text, and
the k-th record for a prompt answers sample k. An attempt with no recorded answer gets a Generation
whose ``error`` says so: a missing response is reported, never invented.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

from auditor.errors import InputError
from auditor.jsonl import iter_jsonl
from auditor.types import Attempt, Generation

__all__ = ["ReplayGenerator"]


class ReplayGenerator:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._by_id: dict[str, dict[str, object]] = {}
        self._by_prompt: dict[str, list[dict[str, object]]] = defaultdict(list)
        digest = self._load()
        # the content hash keeps a cache of an edited file from being reused
        self.name = f"replay:{self.path.name}#{digest}"

    def _load(self) -> str:
        for number, rec in iter_jsonl(self.path, what="replay file"):
            if not isinstance(rec.get("response", rec.get("text")), str):
                raise InputError(self.path, "record needs a string 'response' (or 'text')", number)
            if isinstance(rec.get("attempt_id"), str):
                self._by_id[rec["attempt_id"]] = rec
            elif isinstance(rec.get("prompt"), str):
                self._by_prompt[rec["prompt"]].append(rec)
            else:
                raise InputError(self.path, "record needs 'attempt_id' or 'prompt' to match an attempt", number)
        return hashlib.sha256(self.path.read_bytes()).hexdigest()[:12]

    def lookup(self, attempt: Attempt) -> dict[str, object] | None:
        rec = self._by_id.get(attempt.id)
        if rec is not None:
            return rec
        candidates = self._by_prompt.get(attempt.prompt, [])
        return candidates[attempt.sample] if attempt.sample < len(candidates) else None

    async def generate(self, attempts: Sequence[Attempt]) -> AsyncIterator[Generation]:
        for attempt in attempts:
            rec = self.lookup(attempt)
            if rec is None:
                yield Generation(
                    attempt_id=attempt.id,
                    text="",
                    model=self.name,
                    error=f"no recorded response in {self.path.name} for probe {attempt.probe_id} sample {attempt.sample}",
                )
                continue
            text = str(rec.get("response", rec.get("text")))
            yield Generation(attempt_id=attempt.id, text=text, model=str(rec.get("model") or self.name))

    async def aclose(self) -> None:
        return None
