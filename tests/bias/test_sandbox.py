"""The sandbox holds against hostile generated code: every escape is stopped and recorded as an error,
and the next function still runs. Limits are small here so the suite stays quick."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from auditor.bias.sandbox import SandboxLimits, _can_isolate, run_function

FAST = SandboxLimits(cpu_seconds=1, wall_seconds=3.0, memory_bytes=256 * 1024 * 1024, file_bytes=256 * 1024)
CALL = [{"x": 1}]


def run(code: str, **kw: object) -> object:
    return run_function(code, "f", CALL, limits=FAST, **kw)  # type: ignore[arg-type]


def test_an_ordinary_function_runs_with_empty_environment_in_its_own_directory() -> None:
    code = "import os\ndef f(x):\n    return [x + 1, dict(os.environ), os.getcwd().startswith('/tmp/auditor-sandbox-')]\n"
    result = run(code)
    assert result.status == "ok", result.error
    value = result.outputs[0]["value"]
    assert value[0] == 2 and value[2] is True
    assert set(value[1]) <= {"LC_CTYPE"}  # nothing of ours leaks; Python itself may coerce the C locale
    assert {"rlimits", "empty-env", "tempdir", "audit-hook"} <= set(result.isolation)


HOSTILE = {
    "open a socket": ("import socket\ndef f(x):\n    socket.create_connection(('127.0.0.1', 9))\n", "socket"),
    "raw socket module": ("def f(x):\n    import _socket\n    return 1\n", "_socket"),
    "fork bomb": ("import os\ndef f(x):\n    while True:\n        os.fork()\n", "os.fork"),
    "subprocess": ("def f(x):\n    import subprocess\n    return subprocess.run(['id']).returncode\n", "subprocess"),
    "native code": ("def f(x):\n    import ctypes\n    return ctypes.CDLL(None)\n", "ctypes"),
    "fill the disk": ("def f(x):\n    with open('big', 'wb') as fh:\n        while True:\n            fh.write(b'x' * 65536)\n",
                      "resource: File too large"),
    "read a file outside": ("def f(x):\n    return open('/etc/passwd').read()\n", "/etc/passwd"),
    "list the root": ("import os\ndef f(x):\n    return os.listdir('/')\n", "os.listdir"),
    "exhaust memory": ("def f(x):\n    a = []\n    while True:\n        a.append(' ' * 10**7)\n", "MemoryError"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_escape_attempts_are_stopped_and_recorded(case: str) -> None:
    code, evidence = HOSTILE[case]
    result = run(code)
    assert result.status == "error"
    assert evidence in (result.error or "") + " ".join(result.violations) + str(result.outputs)


def test_write_to_the_parents_directory_is_refused(tmp_path: Path) -> None:
    target = Path.cwd() / "PWNED-by-sandbox"
    for path in (str(target), "../PWNED-by-sandbox", str(tmp_path / "x")):
        result = run(f"def f(x):\n    open({path!r}, 'w').write('x')\n    return 1\n")
        assert result.status == "error" and "sandbox violation: open" in (result.error or "")
    assert not target.exists() and not (tmp_path / "x").exists()


def test_sleeping_forever_hits_the_wall_clock_and_the_group_is_killed() -> None:
    result = run("import time\ndef f(x):\n    time.sleep(1000)\n")
    assert result.status == "error" and "timed out" in (result.error or "")
    assert result.elapsed_ms < (FAST.wall_seconds + 2) * 1000


def test_spinning_hits_the_cpu_limit() -> None:
    result = run_function("def f(x):\n    while True:\n        pass\n", "f", CALL,
                          limits=SandboxLimits(cpu_seconds=1, wall_seconds=10))
    assert result.status == "error" and "SIGXCPU" in (result.error or "")


def test_exiting_early_or_not_loading_is_an_error() -> None:
    assert "no result" in (run("import os\ndef f(x):\n    os._exit(0)\n").error or "")
    assert "did not load" in (run("def f(x:\n").error or "")
    assert "did not load" in (run("import numpy\ndef f(x):\n    return 1\n").error or "")  # no site-packages


def test_the_batch_carries_on_after_each_escape() -> None:
    results = [run(code) for code, _ in HOSTILE.values()]
    results.append(run("def f(x):\n    return x * 10\n"))
    assert all(r.status == "error" for r in results[:-1])
    assert results[-1].status == "ok" and results[-1].outputs == ({"value": 10},)


def test_exceptions_of_one_call_are_outputs_not_errors() -> None:
    code = "def f(x):\n    if x == 2:\n        raise ValueError('two')\n    return x\n"
    result = run_function(code, "f", [{"x": 1}, {"x": 2}], limits=FAST)
    assert result.status == "ok"
    assert result.outputs == ({"value": 1}, {"error": "ValueError: two"})


@pytest.mark.skipif(not _can_isolate(), reason="needs root on Linux for namespaces and a user switch")
def test_operating_system_layers_hold_without_the_audit_hook(tmp_path: Path) -> None:
    """With the in-process hook switched off, the kernel layers still stop escapes: the child has its own
    network namespace (only a loopback interface), runs as nobody (the socket module, like the rest of
    the standard library not preloaded, is unreadable) and cannot read a root-only file."""
    net = run_function("def f(x):\n    return open('/proc/net/dev').read()\n", "f", CALL, limits=FAST, audit_hook=False)
    assert "netns" in net.isolation and "uid:65534" in net.isolation and "audit-hook" not in net.isolation
    interfaces = {line.split(":")[0].strip() for line in net.outputs[0]["value"].splitlines()[2:]}
    assert interfaces == {"lo"}
    sock = run_function("import socket\ndef f(x):\n    return 1\n", "f", CALL, limits=FAST, audit_hook=False)
    assert sock.status == "error" and "socket" in (sock.error or "")
    secret = tmp_path / "root-only.txt"
    secret.write_text("secret", encoding="utf-8")
    os.chmod(tmp_path, 0o700)
    read = run_function(f"def f(x):\n    return open({str(secret)!r}).read()\n", "f", CALL, limits=FAST, audit_hook=False)
    assert "PermissionError" in read.outputs[0].get("error", "")
    write = run_function(f"def f(x):\n    open({str(tmp_path / 'w')!r}, 'w')\n", "f", CALL, limits=FAST, audit_hook=False)
    assert "PermissionError" in write.outputs[0].get("error", "") and not (tmp_path / "w").exists()
