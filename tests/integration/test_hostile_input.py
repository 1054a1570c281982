"""Model output is adversarial: every registered analyzer survives pathological input.

Each analyzer in the registry (built-ins and entry points) gets one batch holding a normal snippet,
then megabyte-long and deeply nested payloads, binary junk, invalid UTF-8 and a 50,000-line file,
then the normal snippet again. It must return one result per generation, in order, each ``ok``,
``skipped`` or ``error`` (an error says why), within two minutes (a SIGALRM guard fails the test
instead of hanging it), and the normal snippets must still get their own results: one hostile
snippet never takes down the batch.

Python payloads start with a line that names a risky call, so engines that parse only when a rule
could match (the builtin engine's AST needles) do parse them.
"""

from __future__ import annotations

import random
import signal
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from auditor.analyzers import available, create
from auditor.scan import scan
from auditor.types import AnalysisResult, CodeBlock, Generation

pytestmark = pytest.mark.slow

BUDGET_S = 120
MB = 1_000_000
_HOOK = "import subprocess\nsubprocess.call(cmd, shell=True)\n"
SENTINEL = '''import subprocess
from flask import Flask, request

app = Flask(__name__)


@app.route("/run")
def run():
    cmd = request.args.get("cmd")
    return subprocess.check_output(cmd, shell=True)
'''
#: Analyzers that must find something in the sentinel (a shell command built from request input).
_MUST_FLAG_SENTINEL = {"builtin", "bandit", "semgrep"}


def _junk(size: int, seed: int, low: int = 0) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.randrange(low, 256) for _ in range(size))


def _fifty_thousand_lines() -> str:
    """50,000 short lines of ordinary Python (under semgrep's 1 MB file limit, so it is scanned)."""
    lines = ["import json", ""]
    i = 0
    while len(lines) < 50_000:
        lines += [f"def f{i}(v):", f"    r = v * {i}", "    return json.dumps(r)", ""]
        i += 1
    return "\n".join(lines[:50_000]) + "\n"


PAYLOADS: list[tuple[str, str, str]] = [
    ("a-star-1mb", "python", _HOOK + "a" * MB + "!"),
    ("a-star-1mb-shell", "shell", "a" * MB),
    ("nested-parens-100k", "python", _HOOK + "(" * 100_000 + ")" * 100_000),
    ("nested-brackets-100k-c", "c", "int x = " + "{[(" * 33_334 + ")]}" * 33_334 + ";"),
    ("nested-braces-100k-js", "javascript", "const o = " + "{a:" * 100_000 + "1" + "}" * 100_000 + ";"),
    ("backticks-1mb-line-js", "javascript", "`" * MB),
    ("backticks-1mb-line-python", "python", _HOOK + "x = " + "`" * MB),
    ("binary-junk-nul", "python", _HOOK + _junk(300_000, 1).decode("latin-1")),
    ("binary-junk-nul-c", "c", _junk(300_000, 2).decode("latin-1")),
    ("invalid-utf8-surrogates", "python",
     (_HOOK.encode() + b"s = '" + _junk(100_000, 3, low=0x80) + b"'\n").decode("utf-8", "surrogateescape")),
    ("invalid-utf8-surrogates-java", "java", _junk(100_000, 4, low=0x80).decode("utf-8", "surrogateescape")),
    ("deep-binop", "python", _HOOK + "x = 1" + " + 1" * 100_000 + "\n"),
    ("deep-unary", "python", _HOOK + "y = " + "-" * 100_000 + "1\n"),
    ("deep-lists", "python", _HOOK + "z = " + "[" * 5_000 + "]" * 5_000 + "\n"),
    ("deep-calls", "python", _HOOK + "w = " + "f(" * 20_000 + ")" * 20_000 + "\n"),
    ("deep-attributes", "python", _HOOK + "v = a" + ".b" * 100_000 + "\n"),
    ("lines-50k", "python", _fifty_thousand_lines()),
    ("fences-100k", "markdown", "```\n" * 100_000),
]


def _generation(name: str, language: str, code: str) -> Generation:
    text = f"Here is the code you asked for:\n\n```{language}\n{code}\n```\n\nLet me know if it helps."
    return Generation(attempt_id=name, text=text, code_blocks=(CodeBlock(language, code, 3),))


@pytest.fixture(scope="module")
def batch() -> list[Generation]:
    return [
        _generation("sentinel-first", "python", SENTINEL),
        *(_generation(*payload) for payload in PAYLOADS),
        _generation("sentinel-last", "python", SENTINEL),
    ]


@contextmanager
def _deadline(seconds: int, what: str) -> Iterator[None]:
    """Fail (instead of hanging) when the body runs longer than ``seconds``."""

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"{what} still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _check(name: str, batch: list[Generation], results: list[AnalysisResult]) -> None:
    assert len(results) == len(batch), f"{name}: {len(results)} results for {len(batch)} generations"
    assert [r.attempt_id for r in results] == [g.attempt_id for g in batch], f"{name}: results out of order"
    for r in results:
        assert r.status in ("ok", "skipped", "error"), f"{name} on {r.attempt_id}: status {r.status!r}"
        assert r.status != "error" or r.error, f"{name} on {r.attempt_id}: an error must say why"
    for r in (results[0], results[-1]):
        assert r.status != "error", f"{name}: the normal snippet {r.attempt_id} failed: {r.error}"
        if name in _MUST_FLAG_SENTINEL:
            assert r.findings, f"{name}: the normal snippet {r.attempt_id} lost its findings"


@pytest.mark.parametrize("name", sorted(available()))
def test_every_analyzer_survives_hostile_input(name: str, batch: list[Generation]) -> None:
    analyzer = create(name)
    with _deadline(BUDGET_S, f"{name}.analyze"):
        try:
            results = analyzer.analyze(batch)
        except Exception as exc:  # the protocol: failures are error results, never exceptions
            pytest.fail(f"{name}.analyze raised {type(exc).__name__}: {str(exc)[:300]}")
    _check(name, batch, results)


def test_scan_isolates_a_crashing_snippet(batch: list[Generation]) -> None:
    """Through ``auditor.scan``, an analyzer that raises on one snippet fails that snippet only."""
    names = ("builtin", "bandit", "semgrep")
    with _deadline(3 * BUDGET_S, "scan"):
        result = scan(batch, names, workers=1)
    per_analyzer = {n: result.results[i :: len(names)] for i, n in enumerate(names)}
    for name, results in per_analyzer.items():
        _check(name, batch, results)


class _Fragile:
    """Raises on any snippet whose code contains ``BOOM``, like an analyzer with a bug."""

    name = "fragile"
    tier = "fast"

    def version(self) -> str:
        return "fragile 1"

    def analyze(self, generations: list[Generation]) -> list[AnalysisResult]:
        if any("BOOM" in b.code for g in generations for b in g.code_blocks):
            raise RecursionError("maximum recursion depth exceeded")
        return [AnalysisResult(analyzer=self.name, attempt_id=g.attempt_id) for g in generations]


def test_scan_bisects_to_the_snippet_that_crashed(monkeypatch: pytest.MonkeyPatch) -> None:
    import auditor.scan as scan_module

    monkeypatch.setattr(scan_module, "available", lambda: {"fragile": "x:y"})
    monkeypatch.setattr(scan_module, "create", lambda name, **kw: _Fragile())
    gens = [_generation(f"g{i}", "python", "BOOM" if i in (3, 11) else "x = 1") for i in range(16)]
    result = scan(gens, ("fragile",), workers=1)
    assert [r.attempt_id for r in result.results] == [g.attempt_id for g in gens]
    failed = [r.attempt_id for r in result.results if r.status == "error"]
    assert failed == ["g3", "g11"]
    assert "RecursionError" in (result.results[3].error or "")
