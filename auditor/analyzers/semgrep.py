"""The semgrep analyzer: our rule pack under ``rules/semgrep/<language>/``, run offline and batched.

semgrep costs a second or more to start and a few milliseconds a file after that, so a batch of
generations is written to a private temporary folder, one file per code block, and semgrep runs once
per language over all of them. Results come back by file path and are turned into findings on our
own copy of the code (semgrep's JSON prints "requires login" instead of the lines).

Offline means: local ``--config`` folders only, ``--metrics=off``, ``--disable-version-check``, an
environment built from scratch (no proxies, no tokens) whose ``HOME`` and ``TMPDIR`` point into the
private folder, which is removed afterwards whatever happens.

Failures are never clean: semgrep missing, a non-zero exit, output that is not JSON or an error that
names no block turn every generation of that language batch into an ``error`` result; an error that
names one block (a timeout, a parse failure) marks only its generation. A block semgrep parsed only in
part keeps its findings with a note, unless most of it was skipped, which is an error.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Any, ClassVar

from auditor.analyzers.base import error_results
from auditor.analyzers.levels import (
    normalize_owasp,
    owasp_for_cwe,
    parse_cwe,
    semgrep_confidence,
    semgrep_severity,
    snippet,
)
from auditor.analyzers.rulepack import normalise_language
from auditor.hashing import hash_tree
from auditor.paths import RULES_DIR
from auditor.types import AnalysisResult, Finding, Generation

__all__ = ["SemgrepAnalyzer", "LANGUAGES"]

#: Our language name -> (rule folders under the semgrep rules dir, file extension semgrep reads).
#: TypeScript also runs the JavaScript rules; those that list typescript in ``languages`` apply.
LANGUAGES: dict[str, tuple[tuple[str, ...], str]] = {
    "python": (("python",), "py"),
    "javascript": (("javascript",), "js"),
    "typescript": (("typescript", "javascript"), "ts"),
    "java": (("java",), "java"),
    "c": (("c",), "c"),
    "go": (("go",), "go"),
    "php": (("php",), "php"),
    "ruby": (("ruby",), "rb"),
    "csharp": (("csharp",), "cs"),
}

# Errors that mean semgrep read a block only in part (it still reports what it found elsewhere).
_PARTIAL = frozenset({"PartialParsing"})
# A block with at least this share of its lines skipped by the parser counts as not analyzed.
_MOSTLY_UNPARSED = 0.5


@dataclass
class _Target:
    """One code block written to disk for semgrep."""

    gen_index: int
    block_index: int
    attempt_id: str
    code: str
    path: str


@dataclass
class _Outcome:
    """What semgrep said about one generation: findings, errors and notes per block."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    analyzed: bool = False


class SemgrepAnalyzer:
    """Runs our semgrep rule pack over the code blocks of a batch, one semgrep process per language."""

    name: ClassVar[str] = "semgrep"
    tier: ClassVar[str] = "deep"

    def __init__(
        self,
        rules_dir: Path = RULES_DIR / "semgrep",
        timeout: float = 30.0,
        batch_size: int = 200,
        *,
        process_timeout: float = 600.0,
        binary: str | None = None,
        experimental: bool = True,
    ) -> None:
        """``timeout`` is semgrep's per-file, per-rule limit; ``process_timeout`` bounds one semgrep run."""
        self.rules_dir = Path(rules_dir).resolve()
        self.timeout = timeout
        self.batch_size = max(1, int(batch_size))
        self.process_timeout = process_timeout
        self.binary = binary
        self.experimental = experimental

    def version(self) -> str:
        try:
            tool = package_version("semgrep")
        except PackageNotFoundError:
            tool = "unknown"
        return f"semgrep {tool} rules {hash_tree(self.rules_dir, '*.yaml')}"

    def analyze(self, generations: Sequence[Generation]) -> list[AnalysisResult]:
        results: list[AnalysisResult] = []
        for start in range(0, len(generations), self.batch_size):
            results.extend(self._analyze_batch(generations[start : start + self.batch_size]))
        return results

    # -- one batch ---------------------------------------------------------------------------------

    def _rule_configs(self, language: str) -> list[Path]:
        """The rule folders semgrep gets for ``language``; empty when we have no rules for it."""
        folders, _ = LANGUAGES[language]
        return [
            self.rules_dir / name
            for name in folders
            if (self.rules_dir / name).is_dir() and any((self.rules_dir / name).glob("*.yaml"))
        ]

    def _plan(self, generations: Sequence[Generation], root: Path) -> dict[str, list[_Target]]:
        """Write every block we have rules for under ``root``; the targets grouped by language."""
        by_language: dict[str, list[_Target]] = {}
        configs: dict[str, bool] = {}
        for gen_index, generation in enumerate(generations):
            for block_index, block in enumerate(generation.code_blocks):
                language = normalise_language(block.language)
                if language not in LANGUAGES:
                    continue
                if language not in configs:
                    configs[language] = bool(self._rule_configs(language))
                if not configs[language]:
                    continue
                folder = root / "src" / language
                folder.mkdir(parents=True, exist_ok=True)
                path = folder / f"g{gen_index}_b{block_index}.{LANGUAGES[language][1]}"
                path.write_text(block.code, encoding="utf-8", errors="replace")
                real = os.path.realpath(path)
                target = _Target(gen_index, block_index, generation.attempt_id, block.code, real)
                by_language.setdefault(language, []).append(target)
        return by_language

    def _analyze_batch(self, generations: Sequence[Generation]) -> list[AnalysisResult]:
        if not self.rules_dir.is_dir():
            return error_results(self.name, generations, f"semgrep rules folder not found: {self.rules_dir}")
        outcomes: dict[int, _Outcome] = {}
        batch_errors: dict[int, str] = {}
        try:
            root = Path(tempfile.mkdtemp(prefix="auditor-semgrep-"))
        except OSError as exc:
            return error_results(self.name, generations, f"cannot create a temporary folder for semgrep: {exc}")
        try:
            home = root / "home"
            home.mkdir()
            try:
                plan = self._plan(generations, root)
            except OSError as exc:
                return error_results(self.name, generations, f"cannot write code blocks for semgrep: {exc}")
            for language, targets in plan.items():
                error = self._run_language(language, targets, root / "src" / language, home, outcomes)
                if error:
                    for target in targets:
                        batch_errors.setdefault(target.gen_index, error)
        finally:
            shutil.rmtree(root, ignore_errors=True)
        return [
            self._result(g, outcomes.get(i), batch_errors.get(i)) for i, g in enumerate(generations)
        ]

    def _result(self, generation: Generation, outcome: _Outcome | None, error: str | None) -> AnalysisResult:
        if error is None and (outcome is None or not outcome.analyzed):
            return AnalysisResult(
                analyzer=self.name,
                attempt_id=generation.attempt_id,
                status="skipped",
                note="no code block in a language the semgrep rules cover",
            )
        outcome = outcome or _Outcome()
        errors = ([error] if error else []) + outcome.errors
        return AnalysisResult(
            analyzer=self.name,
            attempt_id=generation.attempt_id,
            findings=tuple(outcome.findings),
            status="error" if errors else "ok",
            error="; ".join(errors) if errors else None,
            note="; ".join(outcome.notes) or None,
        )

    # -- one semgrep process -----------------------------------------------------------------------

    def _command(self, binary: str, language: str, target_dir: Path) -> list[str]:
        command = [binary, "scan"]
        if self.experimental:
            command.append("--experimental")
        for config in self._rule_configs(language):
            command += ["--config", str(config)]
        command += [
            "--metrics=off",
            "--disable-version-check",
            "--json",
            "--quiet",
            "--no-git-ignore",
            "--timeout",
            str(max(1, round(self.timeout))),
            str(target_dir.resolve()),
        ]
        return command

    def _run_language(
        self,
        language: str,
        targets: list[_Target],
        target_dir: Path,
        home: Path,
        outcomes: dict[int, _Outcome],
    ) -> str | None:
        """Run semgrep over one language's targets, filling ``outcomes``; the batch error, if any."""
        binary = self._resolve_binary()
        if binary is None:
            return f"semgrep executable not found ({self.binary or 'semgrep'})"
        command = self._command(binary, language, target_dir)
        try:
            code, stdout, stderr = _run(command, _offline_env(home), home, self.process_timeout)
        except subprocess.TimeoutExpired:
            return f"semgrep timed out after {self.process_timeout:g} s on the {language} batch"
        except OSError as exc:
            return f"semgrep could not start: {exc}"
        try:
            report = json.loads(stdout)
        except ValueError:
            return f"semgrep exited {code} without JSON output: {_first_line(stderr) or 'no message'}"
        if code not in (0, 1) or not isinstance(report, dict):
            return f"semgrep exited {code}: {_first_error(report) or _first_line(stderr) or 'no message'}"
        return _collect(self.name, report, targets, outcomes)

    def _resolve_binary(self) -> str | None:
        if self.binary is not None:
            return shutil.which(self.binary)
        beside = Path(sys.executable).parent / "semgrep"  # the one installed with this interpreter
        if beside.is_file() and os.access(beside, os.X_OK):
            return str(beside)
        return shutil.which("semgrep")


def _offline_env(home: Path) -> dict[str, str]:
    """A minimal environment: no proxies or tokens from ours, everything semgrep writes kept in ``home``."""
    return {
        "PATH": os.environ.get("PATH", os.defpath),
        "HOME": str(home),
        "TMPDIR": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "NO_COLOR": "1",
        "SEMGREP_ENABLE_VERSION_CHECK": "0",
        "SEMGREP_SEND_METRICS": "off",
    }


def _run(command: list[str], env: dict[str, str], cwd: Path, timeout: float) -> tuple[int, str, str]:
    """Run ``command`` in its own process group; on timeout kill the whole group and re-raise."""
    with subprocess.Popen(
        command,
        env=env,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="replace",
        start_new_session=True,
    ) as proc:
        try:
            stdout, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.communicate()
            raise
        return proc.returncode, stdout, stderr


def _collect(
    analyzer: str, report: dict[str, Any], targets: list[_Target], outcomes: dict[int, _Outcome]
) -> str | None:
    """Sort semgrep's results and errors into per-generation outcomes; a batch-wide error, if any."""
    by_path = {t.path: t for t in targets}
    for error in report.get("errors") or []:
        target = by_path.get(os.path.realpath(str(error.get("path") or "")))
        if target is None:
            return f"semgrep error: {_describe(error)}"
        _note_error(outcomes.setdefault(target.gen_index, _Outcome()), target, error)
    scanned = {os.path.realpath(str(p)) for p in (report.get("paths") or {}).get("scanned") or []}
    for target in targets:
        outcome = outcomes.setdefault(target.gen_index, _Outcome())
        outcome.analyzed = True
        if target.path not in scanned:
            outcome.errors.append(f"block {target.block_index}: semgrep did not scan it")
    for result in report.get("results") or []:
        target = by_path.get(os.path.realpath(str(result.get("path") or "")))
        if target is None:
            return f"semgrep reported a file it was not given: {result.get('path')}"
        outcomes[target.gen_index].findings.append(_finding(analyzer, result, target))
    return None


def _note_error(outcome: _Outcome, target: _Target, error: dict[str, Any]) -> None:
    kind = _error_type(error)
    where = f"block {target.block_index}"
    if kind in _PARTIAL:
        skipped = _skipped_lines(error)
        total = max(1, len([ln for ln in target.code.splitlines() if ln.strip()]))
        if len(skipped) / total >= _MOSTLY_UNPARSED:
            share = f"{len(skipped)} of {total} lines"
            outcome.errors.append(f"{where}: semgrep could not parse most of it ({share})")
        else:
            lines = ", ".join(str(n) for n in sorted(skipped)[:10])
            outcome.notes.append(f"{where}: semgrep parsed it in part (skipped lines {lines})")
        return
    outcome.errors.append(f"{where}: {_describe(error)}")


def _skipped_lines(error: dict[str, Any]) -> set[int]:
    lines: set[int] = set()
    for span in error.get("spans") or []:
        start = int((span.get("start") or {}).get("line", 0))
        end = int((span.get("end") or {}).get("line", start))
        lines.update(range(start, end + 1))
    return lines


def _finding(analyzer: str, result: dict[str, Any], target: _Target) -> Finding:
    extra = result.get("extra") or {}
    metadata = extra.get("metadata") or {}
    line = int((result.get("start") or {}).get("line", 1))
    end_line = max(line, int((result.get("end") or {}).get("line", line)))
    cwe = parse_cwe(metadata.get("cwe"))
    return Finding(
        rule_id=str(result.get("check_id", "")).rsplit(".", 1)[-1],
        analyzer=analyzer,
        message=" ".join(str(extra.get("message", "")).split()),
        severity=semgrep_severity(extra.get("severity"), metadata),
        confidence=semgrep_confidence(metadata),
        cwe=cwe,
        owasp=normalize_owasp(metadata.get("owasp")) or owasp_for_cwe(cwe),
        line=line,
        end_line=end_line,
        snippet=snippet(target.code, line, end_line),
        attempt_id=target.attempt_id,
        block_index=target.block_index,
        sources=(analyzer,),
    )


def _error_type(error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    return str(kind[0] if isinstance(kind, list) and kind else kind)


def _describe(error: dict[str, Any]) -> str:
    message = error.get("message") or error.get("short_msg") or error.get("long_msg") or ""
    return f"{_error_type(error) or 'error'}: {_first_line(str(message)) or 'no message'}"


def _first_error(report: Any) -> str:
    errors = report.get("errors") if isinstance(report, dict) else None
    return _describe(errors[0]) if errors else ""


def _first_line(text: str, limit: int = 200) -> str:
    first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return first if len(first) <= limit else first[: limit - 3] + "..."
