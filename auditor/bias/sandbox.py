"""Run generated functions as hostile code: a separate, limited, unprivileged process per function.

Generated code is never executed anywhere else. ``run_function`` starts ``python -I -S -c <child>``
(``auditor/bias/_sandbox_child.py``: isolated mode, no site-packages, so only the standard library
is importable) with:

* an **empty environment** and a fresh **temporary working directory**;
* **resource limits** (``RLIMIT_CPU``, ``RLIMIT_AS``, ``RLIMIT_FSIZE``, ``RLIMIT_NPROC``,
  ``RLIMIT_NOFILE``, no core dumps) and a **wall-clock timeout** after which the whole process group
  is killed;
* where the platform allows (root on Linux): a **new network namespace** (no interface but a down
  loopback) and a **new mount namespace** with a size-limited tmpfs on the working directory, and
  the child **drops to user nobody** before running anything generated (so the process limit holds
  and files outside are closed to it by the kernel too);
* always, inside the child, an **audit hook** (PEP 578) that refuses socket use, process creation,
  signals, native code (ctypes), dangerous imports, and every file operation outside the working
  directory except reading the standard library.

Escapes are recorded, not fatal: a run that was killed, timed out, exhausted a resource or touched
anything refused comes back as ``status="error"`` with the reason, and the caller carries on with the
next function. Which layers were in force is reported in ``isolation``.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import resource
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["SandboxLimits", "SandboxResult", "run_function", "CHILD_SOURCE", "PRELOAD"]

CHILD_SOURCE = (Path(__file__).with_name("_sandbox_child.py")).read_text(encoding="utf-8")
NOBODY = 65534
_CLONE_NEWNS, _CLONE_NEWNET = 0x00020000, 0x40000000
_MS_REC, _MS_PRIVATE, _MS_NOSUID, _MS_NODEV = 16384, 1 << 18, 2, 4
#: Standard modules imported before privileges drop: what a decision function may use.
PRELOAD = (
    "math", "cmath", "statistics", "datetime", "decimal", "fractions", "random", "re", "json", "collections",
    "collections.abc", "functools", "itertools", "operator", "string", "dataclasses", "typing", "enum", "bisect",
    "heapq", "copy", "time", "calendar", "numbers", "textwrap", "logging", "warnings", "abc", "types", "unicodedata",
    "difflib", "hashlib", "uuid", "zoneinfo",
)


@dataclass(frozen=True, slots=True)
class SandboxLimits:
    cpu_seconds: int = 5
    wall_seconds: float = 10.0
    memory_bytes: int = 512 * 1024 * 1024
    file_bytes: int = 1024 * 1024
    processes: int = 32
    open_files: int = 64
    tmpfs_bytes: int = 8 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class SandboxResult:
    status: str  # ok | error
    error: str | None = None
    outputs: tuple[dict[str, Any], ...] = ()  # per call: {"value": ...} or {"error": "..."}
    entry: str = ""
    violations: tuple[str, ...] = ()
    isolation: tuple[str, ...] = ()
    elapsed_ms: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)


def _libc() -> Any | None:
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
    except OSError:
        return None


_LIBC = _libc()


def _can_isolate() -> bool:
    return sys.platform.startswith("linux") and os.geteuid() == 0 and _LIBC is not None


def _preexec(limits: SandboxLimits, workdir: str, isolate: bool) -> None:
    """Runs in the forked child before exec: namespaces, tmpfs, limits. Must not raise on a missing feature."""
    if isolate and _LIBC is not None:
        if _LIBC.unshare(_CLONE_NEWNET | _CLONE_NEWNS) == 0:
            _LIBC.mount(b"none", b"/", None, _MS_REC | _MS_PRIVATE, None)
            opts = f"size={limits.tmpfs_bytes},mode=0700,uid={NOBODY},gid={NOBODY}".encode()
            _LIBC.mount(b"tmpfs", workdir.encode(), b"tmpfs", _MS_NOSUID | _MS_NODEV, opts)
            os.chdir(workdir)
    for which, value in (
        (resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 1)),
        (resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes)),
        (resource.RLIMIT_FSIZE, (limits.file_bytes, limits.file_bytes)),
        (resource.RLIMIT_NPROC, (limits.processes, limits.processes)),
        (resource.RLIMIT_NOFILE, (limits.open_files, limits.open_files)),
        (resource.RLIMIT_CORE, (0, 0)),
    ):
        resource.setrlimit(which, value)


def run_function(
    code: str,
    entry_point: str,
    calls: Sequence[dict[str, Any]],
    *,
    order: Sequence[str] = (),
    limits: SandboxLimits = SandboxLimits(),
    audit_hook: bool = True,
) -> SandboxResult:
    """Run ``entry_point`` from ``code`` on each keyword-argument dict in ``calls``, in one sandboxed child.

    ``audit_hook=False`` leaves only the operating-system layers in force; it exists so tests can show
    that those layers hold on their own, and is never used by the audit.
    """
    isolate = _can_isolate()
    workdir = tempfile.mkdtemp(prefix="auditor-sandbox-")
    nonce = secrets.token_hex(8)
    job = {"code": code, "entry": entry_point, "calls": list(calls), "order": list(order or (calls[0] if calls else ())),
           "workdir": workdir, "uid": NOBODY if isolate else None, "preload": list(PRELOAD), "nonce": nonce,
           "audit": audit_hook}
    start = time.monotonic()
    try:
        if isolate:
            os.chown(workdir, NOBODY, NOBODY)
        raw, rc, timed_out = _spawn(json.dumps(job).encode(), limits, workdir, isolate)
    except (OSError, subprocess.SubprocessError) as exc:
        return SandboxResult("error", f"sandbox could not start: {exc}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    elapsed = (time.monotonic() - start) * 1000
    return _interpret(raw, rc, timed_out, nonce, limits, (isolate, audit_hook), elapsed)


def _spawn(payload: bytes, limits: SandboxLimits, workdir: str, isolate: bool) -> tuple[bytes, int, bool]:
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            [sys.executable, "-I", "-S", "-c", CHILD_SOURCE],
            stdin=subprocess.PIPE, stdout=out, stderr=err, env={}, cwd=workdir, close_fds=True,
            start_new_session=True, preexec_fn=lambda: _preexec(limits, workdir, isolate),  # noqa: PLW1509
        )
        timed_out = False
        try:
            proc.communicate(payload, timeout=limits.wall_seconds)
        except subprocess.TimeoutExpired:
            timed_out = True
        finally:
            _kill_group(proc.pid)
            proc.wait()
        out.seek(0)
        return out.read(limits.file_bytes + 1), proc.returncode, timed_out


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _interpret(raw: bytes, rc: int, timed_out: bool, nonce: str, limits: SandboxLimits, mode: tuple[bool, bool],
               elapsed: float) -> SandboxResult:
    record = _last_record(raw, nonce)
    isolate, audit_hook = mode
    layers = ["rlimits", "empty-env", "tempdir"] + (["audit-hook"] if audit_hook else [])
    if record is not None and isolate:
        layers += [f"uid:{record.get('uid')}"] + (["netns"] if record.get("netns") != _own_netns() else [])
        layers += ["tmpfs"]
    base: dict[str, Any] = {"isolation": tuple(layers), "elapsed_ms": elapsed}
    if timed_out:
        return SandboxResult("error", f"timed out after {limits.wall_seconds:g}s wall clock; process group killed", **base)
    if rc < 0:
        name = signal.Signals(-rc).name if -rc in signal.Signals._value2member_map_ else str(-rc)
        why = " (CPU limit)" if -rc == signal.SIGXCPU else ""
        return SandboxResult("error", f"killed by {name}{why}", **base)
    if record is None:
        return SandboxResult("error", f"no result from the sandbox (exit code {rc})", **base)
    violations = tuple(record.get("violations", ()))
    outputs = tuple(record.get("results", ()))
    entry = str(record.get("entry", ""))
    if record.get("fatal"):
        return SandboxResult("error", f"code did not load: {record['fatal']}", outputs, entry, violations, **base)
    if violations:
        return SandboxResult("error", f"sandbox violation: {violations[0]}", outputs, entry, violations, **base)
    return SandboxResult("ok", None, outputs, entry, (), **base)


def _last_record(raw: bytes, nonce: str) -> dict[str, Any] | None:
    for line in reversed(raw.decode("utf-8", "replace").splitlines()):
        if nonce in line:
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                return None
            return record if isinstance(record, dict) and record.get("nonce") == nonce else None
    return None


def _own_netns() -> str:
    try:
        return str(os.stat("/proc/self/ns/net").st_ino)
    except OSError:
        return ""
