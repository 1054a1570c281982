"""The test upstream in a process of its own: ``python -m tests.guard.upstream`` prints its port, then
serves the canned answers of ``tests.guard.conftest.by_keyword`` on 127.0.0.1 until SIGTERM."""

from __future__ import annotations

import signal
import sys
import threading

from tests.guard.conftest import by_keyword
from tests.servers.openai_stub import OpenAIStub


def main() -> int:
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    with OpenAIStub(responder=by_keyword) as stub:
        print(stub.port, flush=True)
        stop.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
