"""Guard as a library: actions by severity, fail closed, timeouts, the async variant, settings."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

import pytest

from auditor import Guard, GuardDecision
from auditor.errors import InputError
from auditor.guard import GuardSettings, load_settings
from auditor.guard.decision import INLINE_CHARS
from auditor.paths import POLICIES_DIR
from auditor.types import AnalysisResult, Generation
from tests.guard.conftest import ALLOWED, BLOCKED, SECRET, WARNED, write_policy


class Broken:
    """An analyzer that crashes, or reports an error, or is slow; it is never clean."""

    name: ClassVar[str] = "broken"
    tier: ClassVar[str] = "fast"

    def __init__(self, mode: str = "raise", seconds: float = 0.0) -> None:
        self.mode, self.seconds = mode, seconds

    def version(self) -> str:
        return "broken 0"

    def analyze(self, generations: Sequence[Generation]) -> list[AnalysisResult]:
        if self.mode == "raise":
            raise RuntimeError("analyzer exploded")
        if self.mode == "sleep":
            time.sleep(self.seconds)
        if self.mode == "spin":
            end = time.thread_time() + self.seconds
            while time.thread_time() < end:
                pass
        status = "error" if self.mode == "error" else "ok"
        error = "could not parse" if status == "error" else None
        return [AnalysisResult(analyzer=self.name, attempt_id=g.attempt_id, status=status, error=error)
                for g in generations]


@pytest.fixture(scope="module")
def guard() -> Guard:
    return Guard(GuardSettings(timeout_ms=2000))


def test_actions_follow_severity(guard: Guard) -> None:
    blocked = guard.check(BLOCKED)
    assert blocked.action == "block" and blocked.blocked
    assert [(f.rule_id, f.cwe, guard_line(blocked, f)) for f in blocked.findings] == [("py-os-system", 78, 7)]
    warned = guard.check(WARNED)
    assert warned.action == "warn"
    assert {f.rule_id for f in warned.findings} == {"py-flask-debug"}
    allowed = guard.check(ALLOWED)
    assert (allowed.action, allowed.findings, allowed.errors) == ("allow", (), ())
    assert guard.check("No code here, just an explanation.").action == "allow"
    assert blocked.elapsed_ms > 0


def guard_line(decision: GuardDecision, finding: object) -> int:
    return decision.response_line(finding)  # type: ignore[arg-type]


def test_thresholds_come_from_the_policy(tmp_path: Path) -> None:
    strict = Guard.from_policy(write_policy(tmp_path, block_at="medium", warn_at="low", timeout_ms=2000))
    assert strict.check(WARNED).action == "block"
    lenient = Guard.from_policy(write_policy(tmp_path, block_at="critical", warn_at="high", timeout_ms=2000))
    assert lenient.check(BLOCKED).action == "warn"
    assert lenient.check(WARNED).action == "allow"
    assert lenient.check(WARNED).findings  # findings below warn_at are still reported


def test_refusal_is_not_a_reason_to_block(guard: Guard) -> None:
    refusal = "I'm sorry, but I can't help with writing malware."
    assert "refusal" not in {a.name for a in guard.analyzers}
    assert guard.check(refusal).action == "allow"


def test_the_reason_names_rules_and_never_the_code(guard: Guard) -> None:
    decision = guard.check(SECRET)
    assert decision.action == "block"
    assert "py-hardcoded-password (CWE-798)" in decision.reason()
    assert "s3cr3t" not in decision.reason()
    digest = decision.summary()
    assert "s3cr3t" not in str(digest)
    assert digest["findings"][0]["line"] == 4


@pytest.mark.parametrize("mode", ["raise", "error"])
def test_an_analyzer_failure_blocks(mode: str) -> None:
    guard = Guard(GuardSettings(), analyzers=[Broken(mode)])
    decision = guard.check(ALLOWED)
    assert decision.action == "block"
    assert decision.errors and decision.errors[0].startswith("broken: ")
    assert "could not be fully checked" in decision.reason()


def test_fail_open_passes_with_a_warning(tmp_path: Path) -> None:
    settings = load_settings(write_policy(tmp_path, fail_closed=False))
    decision = Guard(settings, analyzers=[Broken("raise")]).check(ALLOWED)
    assert decision.action == "warn"
    assert "RuntimeError: analyzer exploded" in decision.errors[0]


def test_spending_more_than_the_budget_is_a_timeout() -> None:
    guard = Guard(GuardSettings(timeout_ms=20), analyzers=[Broken("spin", seconds=0.06)])
    decision = guard.check(ALLOWED)
    assert decision.action == "block"
    assert decision.errors[0].startswith("timeout: the fast tier took")


async def test_acheck_matches_check_inline_and_on_workers(guard: Guard) -> None:
    short = await guard.acheck(BLOCKED)
    assert (short.action, [f.rule_id for f in short.findings]) == ("block", ["py-os-system"])
    long = BLOCKED + "\n" + ("Some more prose to read. " * 40 + "\n") * (INLINE_CHARS // 1000 + 1)
    assert len(long) > INLINE_CHARS
    far = await guard.acheck(long)
    assert (far.action, [f.rule_id for f in far.findings]) == ("block", ["py-os-system"])
    results = await asyncio.gather(*(guard.acheck(t) for t in (long, ALLOWED + " " * INLINE_CHARS, WARNED)))
    assert [r.action for r in results] == ["block", "allow", "warn"]


async def test_acheck_gives_up_on_a_hung_analyzer() -> None:
    guard = Guard(GuardSettings(timeout_ms=10), analyzers=[Broken("sleep", seconds=3.0)])
    start = time.perf_counter()
    decision = await guard.acheck(ALLOWED + " " * INLINE_CHARS)
    assert time.perf_counter() - start < 2.5
    assert decision.action == "block"
    assert "did not finish within" in decision.errors[0]
    guard.close()


def test_settings_are_read_from_the_guard_mapping_only(tmp_path: Path) -> None:
    path = write_policy(tmp_path, block_at="critical", warn_at="low", fail_closed=False, timeout_ms=75)
    assert load_settings(path) == GuardSettings(block_at="critical", warn_at="low", fail_closed=False, timeout_ms=75)
    bare = tmp_path / "bare.yaml"
    bare.write_text("policy: x\nchecks: []\n")
    assert load_settings(bare) == GuardSettings()


def test_the_bundled_guard_policy_loads() -> None:
    settings = load_settings(POLICIES_DIR / "guard.yaml")
    assert settings.fail_closed is True
    assert settings.block_at.value == "high" and settings.warn_at.value == "medium"


@pytest.mark.parametrize(
    ("body", "message", "line"),
    [
        ("guard:\n  block_at: severe\n", "field 'guard.block_at': unknown severity 'severe'", 2),
        ("guard:\n  block_at: low\n  warn_at: high\n", "warn_at (high) must not be above block_at (low)", 1),
        ("guard:\n  timeout_ms: -5\n", "field 'guard.timeout_ms'", 2),
        ("guard: [1, 2]\n", "'guard' must be a mapping", 1),
    ],
)
def test_bad_settings_name_file_field_and_line(tmp_path: Path, body: str, message: str, line: int) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("policy: p\n" + body)
    with pytest.raises(InputError) as caught:
        load_settings(path)
    assert message in str(caught.value)
    assert caught.value.line == line + 1


@pytest.mark.slow
def test_the_deep_tier_adds_semgrep() -> None:
    code = (  # autoescape off: a semgrep rule of ours (the fast tier is left out to isolate it)
        "Templates:\n\n```python\nimport jinja2\n\n"
        "env = jinja2.Environment(loader=jinja2.FileSystemLoader('templates'))\n```\n"
    )
    deep = Guard(GuardSettings(block_at="medium", warn_at="low", timeout_ms=2000), analyzers=[], deep=True)
    assert [a.name for a in deep.deep_analyzers] == ["semgrep"]
    decision = deep.check(code)
    assert [(f.analyzer, f.rule_id) for f in decision.findings] == [("semgrep", "py-jinja2-autoescape-off")]
    assert decision.response_line(decision.findings[0]) == 6
    assert decision.action == "block" and decision.errors == ()
    shallow = Guard(GuardSettings(block_at="medium", warn_at="low", timeout_ms=2000), analyzers=[])
    assert shallow.check(code).action == "allow"


def test_a_response_cut_off_mid_code_is_still_blocked_for_what_it_holds() -> None:
    # max_tokens stops a model in the middle of a call: ast rejects the whole block, and before
    # tree-sitter recovery the guard let this through with regex rules only.
    cut = (
        "Here you go:\n\n```python\nimport pickle\n\ndef restore(blob):\n    return pickle.loads(blob)\n\n"
        "def save(obj, path):\n    with open(path, 'wb') as f:\n        pickle.dump(obj,\n"
    )
    decision = Guard(GuardSettings(timeout_ms=2000)).check(cut)
    assert decision.action == "block"
    assert ("py-pickle-loads", 7) in {(f["rule_id"], f["line"]) for f in decision.summary()["findings"]}
