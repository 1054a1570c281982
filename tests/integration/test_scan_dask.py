"""`auditor scan` on a Dask cluster (the dask extra): same results as in one process, failed tasks
become error results, and clear errors when the cluster cannot be used. Local clusters only."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from auditor import scan_dask
from auditor.errors import AuditorError
from auditor.scan import plan_chunks, scan
from auditor.types import CodeBlock, Generation

distributed = pytest.importorskip("dask.distributed", reason="the dask extra is not installed")

SHELL_PY = "import subprocess\n\ndef run(cmd):\n    return subprocess.call(cmd, shell=True)  # {i}\n"
EVAL_JS = "function calc(input) {{\n  return eval(input); // {i}\n}}\n"
ROOT = Path(__file__).resolve().parents[2]


def snippets(n: int) -> list[Generation]:
    out = []
    for i in range(n):
        lang, code = ("python", SHELL_PY.format(i=i)) if i % 2 == 0 else ("javascript", EVAL_JS.format(i=i))
        out.append(Generation(attempt_id=f"s{i}", text=code, code_blocks=(CodeBlock(lang, code, 1),)))
    return out


@pytest.fixture(scope="module")
def threads_cluster() -> Iterator[str]:
    """A cluster whose workers are threads of this process, so that a test can patch what they run."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def test_a_local_cluster_gives_the_results_of_one_process_in_input_order() -> None:
    batch = snippets(60)
    assert len(plan_chunks(batch, 10)) == 6
    serial = scan(batch, ("builtin", "bandit"), workers=1, batch=10)
    on_cluster = scan(batch, ("builtin", "bandit"), workers=2, batch=10, cluster="local")  # worker processes
    assert [(r.attempt_id, r.analyzer) for r in on_cluster.results] == [
        (g.attempt_id, name) for g in batch for name in ("builtin", "bandit")]
    assert on_cluster.results == serial.results
    assert on_cluster.findings == serial.findings
    assert {f.attempt_id for f in serial.findings} == {g.attempt_id for g in batch}  # something to compare


def test_a_failed_task_gives_error_results_for_its_chunk_only(
    threads_cluster: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import auditor.scan as scan_module

    real = scan_module._run_tools

    def failing(tools, batch):  # type: ignore[no-untyped-def]
        if any(g.attempt_id == "s7" for g in batch):
            raise MemoryError("worker ran out of memory")
        return real(tools, batch)

    monkeypatch.setattr(scan_module, "_run_tools", failing)
    batch = snippets(40)
    result = scan(batch, ("builtin",), batch=5, cluster=threads_cluster)
    failed = {r.attempt_id for r in result.errors}
    (chunk,) = [c for c in plan_chunks(batch, 5) if 7 in c]
    assert failed == {f"s{i}" for i in chunk}
    assert all("scan task failed on the cluster: MemoryError" in (r.error or "") for r in result.errors)
    assert len(result.results) == 40 and {r.attempt_id for r in result.results if r.status == "ok"} == {
        g.attempt_id for g in batch} - failed


def test_an_unreachable_scheduler_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens there once the socket is closed
    monkeypatch.setattr(scan_dask, "_CONNECT_TIMEOUT_S", 2)
    with pytest.raises(AuditorError, match=f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}"):
        scan(snippets(4), ("builtin",), cluster=f"tcp://127.0.0.1:{port}")


def test_without_the_extra_the_error_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask.distributed", None)  # import fails as if not installed
    with pytest.raises(AuditorError, match=r"pip install 'auditor\[dask\]'"):
        scan(snippets(4), ("builtin",), cluster="local")


def test_the_command_line_scans_on_a_cluster(tmp_path: Path) -> None:
    corpus = tmp_path / "snippets.jsonl"
    corpus.write_text("".join(json.dumps({"id": g.attempt_id, "language": g.code_blocks[0].language,
                                          "code": g.code_blocks[0].code}) + "\n" for g in snippets(6)))
    done = subprocess.run([sys.executable, "-m", "auditor.cli", "scan", "--jsonl", str(corpus), "--analyzers",
                           "builtin", "--cluster", "local", "--workers", "1", "--format", "json"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 1, done.stderr  # findings at or above --fail-on
    body = json.loads(done.stdout)
    assert body["snippets"] == 6 and body["errors"] == []
    assert sorted({f["attempt_id"] for f in body["findings"]}) == [f"s{i}" for i in range(6)]
