"""The records that flow between stages (see DESIGN.md, "Records").

Every record is a frozen, slotted dataclass of plain data: stages take records and return new
ones, the store persists them, reporters read them back. ``as_dict``/``from_dict`` give stable
JSON keys so runs can be exported, diffed and compared against baselines.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "SCHEMA_VERSION",
    "Severity",
    "Confidence",
    "Probe",
    "Attempt",
    "CodeBlock",
    "Generation",
    "Finding",
    "AnalysisResult",
    "Metric",
    "CheckResult",
    "Verdict",
    "Run",
    "stable_hash",
]

#: Version of the record layout written to JSONL exports and reports.
SCHEMA_VERSION = 1


class _Ordered(enum.Enum):
    """An enum whose members compare by declaration order and serialize by lower-case name."""

    def __lt__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        order = list(type(self))
        return order.index(self) < order.index(other)  # type: ignore[arg-type]

    def __le__(self, other: object) -> bool:
        return self == other or self.__lt__(other)

    def __gt__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return not self.__le__(other)

    def __ge__(self, other: object) -> bool:
        return self == other or self.__gt__(other)

    def __hash__(self) -> int:
        return hash(self.value)

    def __str__(self) -> str:
        return self.value

    @classmethod
    def parse(cls, value: str | _Ordered) -> Any:
        if isinstance(value, cls):
            return value
        try:
            return cls(str(value).strip().lower())
        except ValueError:
            names = ", ".join(m.value for m in cls)
            raise ValueError(f"unknown {cls.__name__.lower()} {value!r} (expected one of: {names})") from None


class Severity(_Ordered):
    INFO = "info"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class Confidence(_Ordered):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


def stable_hash(*parts: Any, length: int = 16) -> str:
    """A short content hash of JSON-serializable parts (key order does not matter)."""
    blob = json.dumps(parts, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(blob.encode()).hexdigest()[:length]


class _Record:
    """Shared JSON conversion for the dataclass records below."""

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            out[f.name] = _plain(getattr(self, f.name))
        return out


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return value.as_dict() if isinstance(value, _Record) else dataclasses.asdict(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


ProbeKind = Literal["instruct", "complete", "counterfactual", "persona"]
Expect = Literal["comply", "refuse"]


@dataclass(frozen=True, slots=True)
class Probe(_Record):
    id: str
    suite: str
    kind: ProbeKind
    language: str | None
    cwe: tuple[int, ...]
    goal: str
    prompt: str | None = None
    template: str | None = None
    slots: dict[str, tuple[str, ...]] = field(default_factory=dict)
    expect: Expect = "comply"
    tags: tuple[str, ...] = ()
    samples: int = 1
    params: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Attempt(_Record):
    id: str
    probe_id: str
    variant: dict[str, str]
    sample: int
    prompt: str
    params: dict[str, Any] = field(default_factory=dict)

    @staticmethod
    def make_id(probe_id: str, variant: dict[str, str], sample: int, prompt: str, params: dict[str, Any]) -> str:
        return stable_hash(probe_id, variant, sample, prompt, params)


@dataclass(frozen=True, slots=True)
class CodeBlock(_Record):
    language: str | None
    code: str
    start_line: int = 1

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> CodeBlock:
        return cls(language=d.get("language"), code=d["code"], start_line=int(d.get("start_line", 1)))


@dataclass(frozen=True, slots=True)
class Generation(_Record):
    attempt_id: str
    text: str
    code_blocks: tuple[CodeBlock, ...] = ()
    model: str = ""
    latency_ms: float = 0.0
    tokens: int | None = None
    error: str | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Generation:
        return cls(
            attempt_id=d["attempt_id"],
            text=d.get("text", ""),
            code_blocks=tuple(CodeBlock.from_dict(b) for b in d.get("code_blocks", ())),
            model=d.get("model", ""),
            latency_ms=float(d.get("latency_ms", 0.0)),
            tokens=d.get("tokens"),
            error=d.get("error"),
        )


@dataclass(frozen=True, slots=True)
class Finding(_Record):
    rule_id: str
    analyzer: str
    message: str
    severity: Severity
    confidence: Confidence
    cwe: int | None = None
    owasp: str | None = None
    line: int = 0
    end_line: int = 0
    snippet: str = ""
    attempt_id: str = ""
    block_index: int = 0
    sources: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Finding:
        return cls(
            rule_id=d["rule_id"],
            analyzer=d["analyzer"],
            message=d.get("message", ""),
            severity=Severity.parse(d["severity"]),
            confidence=Confidence.parse(d["confidence"]),
            cwe=d.get("cwe"),
            owasp=d.get("owasp"),
            line=int(d.get("line", 0)),
            end_line=int(d.get("end_line", 0)),
            snippet=d.get("snippet", ""),
            attempt_id=d.get("attempt_id", ""),
            block_index=int(d.get("block_index", 0)),
            sources=tuple(d.get("sources", ())),
            tags=tuple(d.get("tags", ())),
        )


AnalysisStatus = Literal["ok", "error", "skipped"]


@dataclass(frozen=True, slots=True)
class AnalysisResult(_Record):
    """What one analyzer said about one generation. A failed analyzer never looks clean."""

    analyzer: str
    attempt_id: str
    findings: tuple[Finding, ...] = ()
    status: AnalysisStatus = "ok"
    error: str | None = None
    note: str | None = None  # e.g. "ast failed, regex fallback used"

    def __post_init__(self) -> None:
        if self.status == "error" and not self.error:
            raise ValueError("an error result must say what went wrong")


@dataclass(frozen=True, slots=True)
class Metric(_Record):
    name: str
    value: float | None
    n: int
    ci_low: float | None = None
    ci_high: float | None = None
    by: dict[str, str] = field(default_factory=dict)
    count: int | None = None  # numerator, where the metric is a rate

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Metric:
        return cls(
            name=d["name"],
            value=d.get("value"),
            n=int(d.get("n", 0)),
            ci_low=d.get("ci_low"),
            ci_high=d.get("ci_high"),
            by=dict(d.get("by") or {}),
            count=d.get("count"),
        )


CheckStatus = Literal["pass", "fail", "inconclusive", "error", "waived"]
VerdictStatus = Literal["pass", "fail", "inconclusive", "error"]


@dataclass(frozen=True, slots=True)
class CheckResult(_Record):
    id: str
    metric: str
    status: CheckStatus
    threshold: float | None = None
    comparator: str = ""
    use: str = "point"
    observed: float | None = None
    n: int = 0
    reason: str = ""
    waived_by: str | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> CheckResult:
        return cls(**{k: d[k] for k in d if k in {f.name for f in dataclasses.fields(cls)}})


@dataclass(frozen=True, slots=True)
class Verdict(_Record):
    status: VerdictStatus
    checks: tuple[CheckResult, ...] = ()
    policy: str = ""
    notes: tuple[str, ...] = ()

    @property
    def exit_code(self) -> int:
        return {"pass": 0, "fail": 1, "error": 1, "inconclusive": 3}[self.status]

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Verdict:
        return cls(
            status=d["status"],
            checks=tuple(CheckResult.from_dict(c) for c in d.get("checks", ())),
            policy=d.get("policy", ""),
            notes=tuple(d.get("notes", ())),
        )


@dataclass(frozen=True, slots=True)
class Run(_Record):
    id: str
    created_at: str
    model: str
    tool_version: str
    suite_hash: str
    rule_hash: str
    policy_hash: str
    analyzer_versions: dict[str, str]
    parameters: dict[str, Any]
    seed: int
    suites: tuple[str, ...] = ()
    status: str = "running"
    finished_at: str | None = None
    command: str = ""

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Run:
        names = {f.name for f in dataclasses.fields(cls)}
        kw = {k: v for k, v in d.items() if k in names}
        kw["suites"] = tuple(kw.get("suites", ()))
        return cls(**kw)
