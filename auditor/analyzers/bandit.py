"""The bandit analyzer: PyCQA bandit used as a library on in-memory Python code.

One ``BanditManager`` is built when the analyzer is and reused for every snippet: its per-file state
(results, scores, skipped files, metrics) is reset before each one, and the code goes in as bytes, so
there is no subprocess and no temporary file. ``# nosec`` comments are ignored: generated code does
not get to silence the auditor.

bandit itself skips a file it cannot parse and logs plugin crashes instead of raising; both become an
``error`` result here, for that generation only. bandit's log output is captured while it runs, so
nothing reaches the console.
"""

from __future__ import annotations

import ast
import io
import logging
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, ClassVar

import bandit
from bandit.core import config as b_config
from bandit.core import manager as b_manager
from bandit.core import metrics as b_metrics

from auditor.analyzers.levels import bandit_confidence, bandit_severity, owasp_for_cwe, snippet
from auditor.analyzers.pyfragment import salvage
from auditor.types import AnalysisResult, Finding, Generation

__all__ = ["BanditAnalyzer", "PYTHON_NAMES"]

#: Code block languages bandit reads (as written in fences, lower-cased).
PYTHON_NAMES = frozenset({"python", "py", "python3", "py3"})

# A name with a directory part keeps bandit from logging that it cannot find the module's qualname,
# and "/" stops its search for __init__.py files before it touches the disk.
_FILENAME = "/snippet.py"


class _BanditFailure(Exception):
    """bandit could not analyze a snippet; the message is the one-line reason."""


class _Capture(logging.Handler):
    """Keeps bandit's error records so a swallowed plugin crash is not taken for a clean scan."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.errors.append(record.getMessage())


@contextmanager
def _captured_bandit_log() -> Iterator[_Capture]:
    """Route the ``bandit`` logger into a capture handler (and nowhere else) for the duration."""
    logger = logging.getLogger("bandit")
    handler = _Capture()
    saved = (logger.propagate, logger.handlers[:])
    logger.propagate = False
    logger.handlers = [handler]
    try:
        yield handler
    finally:
        logger.propagate, logger.handlers = saved[0], saved[1]


class BanditAnalyzer:
    """Runs every bandit plugin over each Python code block of a generation."""

    name: ClassVar[str] = "bandit"
    tier: ClassVar[str] = "standard"

    def __init__(self) -> None:
        with _captured_bandit_log():
            config = b_config.BanditConfig()
            self._manager = b_manager.BanditManager(config, "file", quiet=True, ignore_nosec=True)
        self._lock = threading.Lock()

    def version(self) -> str:
        return "bandit " + bandit.__version__

    def analyze(self, generations: Sequence[Generation]) -> list[AnalysisResult]:
        with self._lock, _captured_bandit_log() as log:
            return [self._analyze_one(g, log) for g in generations]

    def _analyze_one(self, generation: Generation, log: _Capture) -> AnalysisResult:
        blocks = [
            (index, block)
            for index, block in enumerate(generation.code_blocks)
            if (block.language or "").strip().lower() in PYTHON_NAMES
        ]
        if not blocks:
            return AnalysisResult(
                analyzer=self.name,
                attempt_id=generation.attempt_id,
                status="skipped",
                note="no python code block",
            )
        findings: list[Finding] = []
        errors: list[str] = []
        notes: list[str] = []
        for index, block in blocks:
            try:
                issues, shift, note = self._scan_fragment(block.code, log)
            except _BanditFailure as exc:
                errors.append(f"block {index}: {exc}")
                continue
            if note is not None:
                notes.append(f"block {index}: {note}")
            findings.extend(
                self._finding(i, block.code, generation.attempt_id, index, shift)
                for i in issues
                if int(i.lineno or 1) > shift
            )
        if errors:
            return AnalysisResult(
                analyzer=self.name,
                attempt_id=generation.attempt_id,
                findings=tuple(findings),
                status="error",
                error="; ".join(errors),
                note="; ".join(notes) or None,
            )
        return AnalysisResult(analyzer=self.name, attempt_id=generation.attempt_id, findings=tuple(findings),
                              note="; ".join(notes) or None)

    def _scan_fragment(self, code: str, log: _Capture) -> tuple[list[Any], int, str | None]:
        """Issues, the header lines added and a note: code that does not parse is retried as a
        continuation fragment under def headers, else as the statements tree-sitter recovers."""
        try:
            return self._scan(code, log), 0, None
        except _BanditFailure as exc:
            fixed = salvage(code) if exc.args[0].startswith("syntax error") else None
            if fixed is None:
                raise
            return self._scan(fixed[0], log), fixed[1], fixed[2]

    def _scan(self, code: str, log: _Capture) -> list[Any]:
        """bandit's issues for one snippet; raises _BanditFailure when bandit could not analyze it."""
        manager = self._manager
        manager.results = []
        manager.scores = []
        manager.skipped = []
        manager.metrics = b_metrics.Metrics()
        log.errors.clear()
        data = code.encode("utf-8", errors="replace")
        try:
            manager._parse_file(_FILENAME, io.BytesIO(data), [_FILENAME])
        except Exception as exc:  # bandit catches most failures itself; anything else is ours to report
            raise _BanditFailure(f"bandit crashed: {type(exc).__name__}: {_one_line(str(exc))}") from exc
        if manager.skipped:
            raise _BanditFailure(_skip_reason(data, manager.skipped[0][1]))
        if log.errors:
            raise _BanditFailure("bandit error: " + _one_line(log.errors[0]))
        return list(manager.get_issue_list(sev_level="UNDEFINED", conf_level="UNDEFINED"))

    def _finding(self, issue: Any, code: str, attempt_id: str, block_index: int, shift: int = 0) -> Finding:
        line = max(int(issue.lineno or 1) - shift, 1)
        end_line = max([line, *(int(n) - shift for n in (issue.linerange or ()))])
        cwe = int(issue.cwe.id) if issue.cwe and issue.cwe.id else None
        return Finding(
            rule_id=issue.test_id,
            analyzer=self.name,
            message=issue.text,
            severity=bandit_severity(issue.severity),
            confidence=bandit_confidence(issue.confidence),
            cwe=cwe,
            owasp=owasp_for_cwe(cwe),
            line=line,
            end_line=end_line,
            snippet=snippet(code, line, end_line),
            attempt_id=attempt_id,
            block_index=block_index,
            sources=(self.name,),
            tags=(issue.test,) if issue.test else (),
        )


def _skip_reason(data: bytes, bandit_reason: str) -> str:
    """Why bandit skipped a snippet, with the parser's own message where there is one."""
    try:
        ast.parse(data)
    except SyntaxError as exc:
        where = f" at line {exc.lineno}" if exc.lineno else ""
        return f"syntax error{where}: {exc.msg}"
    except ValueError as exc:  # e.g. null bytes
        return f"cannot parse: {_one_line(str(exc))}"
    except (RecursionError, MemoryError) as exc:  # hostile nesting
        return f"cannot parse: {type(exc).__name__} (nesting too deep)"
    return "bandit skipped the code: " + bandit_reason


def _one_line(text: str, limit: int = 200) -> str:
    first = (text.strip().splitlines() or [""])[0]
    return first if len(first) <= limit else first[: limit - 3] + "..."
