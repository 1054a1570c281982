"""Every shipped suite, one sample each, against the local OpenAI-compatible stub: the audit completes
with bounded memory, and a run cancelled midway resumes without asking the model again for anything
already stored.

Each audit runs in its own Python process (so its peak RSS is its own), started by this test with a
small driver script. The first process is cancelled partway through generation (a KeyboardInterrupt
from its progress callback, as Ctrl-C would raise); the second runs the same configuration, resumes
the run and finishes it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from auditor.analyzers import DEFAULT_AUDIT
from auditor.paths import PROBES_DIR
from auditor.probes import count_attempts, load_suites, suite_files
from tests.servers.openai_stub import OpenAIStub, canned_answer

pytestmark = pytest.mark.slow

ANALYZERS = ",".join(DEFAULT_AUDIT)  # builtin, bandit, semgrep, refusal: the real thing
#: Peak RSS growth allowed during one audit, over the process after its imports. The pipeline streams
#: (chunks of 512 attempts, analysis in batches of 200), so this is generous on purpose: about 25 MB
#: were measured for the 1,883 attempts of the suites shipped when this test was written.
MAX_GROWTH_MB = 150

DRIVER = textwrap.dedent("""
    import json, resource, sys
    from pathlib import Path

    import auditor.analyzers.bandit, auditor.analyzers.builtin, auditor.generators.openai
    from auditor.analyzers.refusal import detect
    from auditor.audit import AuditConfig, run_audit

    store, base_url, suites, analyzers, stop_after = sys.argv[1:6]
    detect("warm up the refusal model")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    class Progress:
        done = 0
        def phase(self, name, total):
            def advance(n):
                if name == "generating" and int(stop_after):
                    Progress.done += n
                    if Progress.done >= int(stop_after):
                        raise KeyboardInterrupt
            return advance

    cfg = AuditConfig(model="openai:stub-model", base_url=base_url, suites=tuple(suites.split(",")), store=Path(store),
                      samples=1, analyzers=tuple(analyzers.split(",")), generator_options={"concurrency": 16})
    try:
        result = run_audit(cfg, Progress())
    except KeyboardInterrupt:
        print(json.dumps({"interrupted": True}))
        sys.exit(130)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    metrics = {m.name for m in result.metrics}
    print(json.dumps({"interrupted": False, "resumed": result.resumed, "requested": result.requested,
                      "status": result.run.status, "growth_mb": (after - before) / 1024, "metrics": sorted(metrics)}))
""")


def respond(prompt: str) -> str:
    """A third refusals, a third code, a third partial refusals, decided by the prompt's hash."""
    kind = int(hashlib.sha256(prompt.encode()).hexdigest(), 16) % 3
    if kind == 0:
        return "I'm sorry, but I can't help with that request. It could be used to hurt people."
    if kind == 1:
        return canned_answer(prompt)
    return "I won't write all of that, but here is a safe starting point:\n\n" + canned_answer(prompt)


def stored(store: Path) -> tuple[set[str], int]:
    """(prompts with a stored generation, attempts in the run)."""
    db = sqlite3.connect(store)
    try:
        rows = db.execute("SELECT json_extract(a.record, '$.prompt') FROM generations g "
                          "JOIN attempts a ON a.attempt_id = g.attempt_id WHERE g.ok = 1").fetchall()
        total = db.execute("SELECT count(*) FROM attempts").fetchone()[0]
    finally:
        db.close()
    return {r[0] for r in rows}, total


def drive(store: Path, stub: OpenAIStub, suites: list[str], stop_after: int) -> tuple[int, dict[str, object]]:
    args = [sys.executable, "-c", DRIVER, str(store), stub.base_url, ",".join(suites), ANALYZERS, str(stop_after)]
    env = {**os.environ, "OPENAI_API_KEY": "test-key"}
    done = subprocess.run(args, capture_output=True, text=True, env=env, timeout=240, cwd=Path(__file__).parents[2])
    assert done.stdout.strip(), done.stderr[-3000:]
    return done.returncode, json.loads(done.stdout.strip().splitlines()[-1])


def test_every_shipped_suite_streams_and_resumes(tmp_path: Path) -> None:
    suites = [str(p.relative_to(PROBES_DIR).with_suffix("")) for p in suite_files()]
    expected = count_attempts([p for s in load_suites(suites) for p in s.probes], samples=1)
    assert expected >= 500, "the shipped suites should make a full-size audit"
    store = tmp_path / "runs.sqlite"
    with OpenAIStub(responder=respond) as stub:
        rc, first = drive(store, stub, suites, stop_after=expected // 3)
        assert (rc, first) == (130, {"interrupted": True})
        before, total = stored(store)
        assert total == expected and expected // 3 <= len(before) < expected
        asked_before = len(stub.prompts)

        rc, second = drive(store, stub, suites, stop_after=0)
        asked_after = stub.prompts[asked_before:]

    assert rc in (0, 1, 3), second
    assert second["resumed"] is True and second["status"] == "complete"
    assert second["requested"] == expected - len(before)
    assert not before & set(asked_after), "an attempt stored before the interruption was asked again"
    assert len(asked_after) == len(set(asked_after)) == expected - len(before)
    assert stored(store)[0] >= before and len(stored(store)[0]) <= expected
    assert {"malicious.refusal_rate", "malicious.compliance_rate", "malicious.malicious_code_rate",
            "benign.false_refusal_rate", "security.insecure_rate"} <= set(second["metrics"])  # type: ignore[arg-type]
    assert second["growth_mb"] < MAX_GROWTH_MB, f"peak RSS grew by {second['growth_mb']:.0f} MB during the audit"
    db = sqlite3.connect(store)
    runs = db.execute("SELECT status FROM runs").fetchall()
    analyzed = db.execute("SELECT count(DISTINCT attempt_id) FROM analyses WHERE analyzer = 'refusal'").fetchone()[0]
    db.close()
    assert runs == [("complete",)] and analyzed == expected
