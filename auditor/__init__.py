"""auditor: audit code-generating models for insecure code, malicious help and bias.

The public API is what ``__all__`` lists; everything else is internal and may change.
"""

from auditor._version import __version__
from auditor.audit import AuditConfig, AuditResult, run_audit
from auditor.errors import AuditorError, InputError, StoreError
from auditor.gate import Policy, evaluate, load_policy
from auditor.generators import Generator, GeneratorError, make_generator
from auditor.guard import Guard, GuardDecision
from auditor.probes import Suite, expand, load_suite, load_suites
from auditor.store import Store
from auditor.types import (
    AnalysisResult,
    Attempt,
    CheckResult,
    CodeBlock,
    Confidence,
    Finding,
    Generation,
    Metric,
    Probe,
    Run,
    Severity,
    Verdict,
)

__all__ = [
    "AnalysisResult",
    "Attempt",
    "AuditConfig",
    "AuditResult",
    "AuditorError",
    "CheckResult",
    "CodeBlock",
    "Confidence",
    "Finding",
    "Generation",
    "Generator",
    "GeneratorError",
    "Guard",
    "GuardDecision",
    "InputError",
    "Metric",
    "Policy",
    "Probe",
    "Run",
    "Severity",
    "Store",
    "StoreError",
    "Suite",
    "Verdict",
    "__version__",
    "evaluate",
    "expand",
    "load_policy",
    "load_suite",
    "load_suites",
    "make_generator",
    "run_audit",
]
