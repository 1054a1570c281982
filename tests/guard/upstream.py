"""The test upstream in a process of its own: ``python -m tests.guard.upstream`` prints its port, then
serves the canned answers of ``tests.guard.conftest.by_keyword`` on 127.0.0.1 until SIGTERM. A prompt
with the word ``long`` gets the same answer with 60 more functions in its code block (over 2 KiB, so
that the proxy sends it to its check workers)."""

from __future__ import annotations

import signal
import sys
import threading

from tests.guard.conftest import by_keyword
from tests.servers.openai_stub import OpenAIStub

FILLER = "".join(f"\ndef step_{i}(value):\n    return value + {i}\n" for i in range(60))


def answer(prompt: str) -> str:
    text = by_keyword(prompt)
    if "long" not in prompt:
        return text
    head, fence, rest = text.partition("```python\n")
    return head + fence + FILLER.lstrip("\n") + "\n" + rest


def main() -> int:
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    with OpenAIStub(responder=answer) as stub:
        print(stub.port, flush=True)
        stop.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
