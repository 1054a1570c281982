"""What the rule packs must cover (issue 3): CWE breadth, the 2024 CWE Top 25, and the languages.

The numbers come from the rule files (auditor.rules_doc), the same data as docs/rules.md; each rule
is proven line by line by its fixture in test_builtin_fixtures.py / test_semgrep_fixtures.py.
"""

from __future__ import annotations

import pytest

from auditor.rules_doc import TOP25_2024, RuleEntry, collect

#: Languages that must have builtin (fast tier) rules, and how many at least each.
BUILTIN_LANGUAGES = ("python", "javascript", "typescript", "java", "c", "cpp", "csharp", "go", "php", "ruby",
                     "rust", "kotlin", "swift", "shell")
MIN_BUILTIN_RULES = 10
#: Languages semgrep parses that must have semgrep (deep tier) rules.
SEMGREP_LANGUAGES = ("python", "javascript", "typescript", "java", "c", "go", "php", "ruby", "csharp")
#: Weakness families the issue names beyond the Top 25.
REQUIRED_CWES = {
    327: "broken cipher", 328: "weak hash", 330: "insufficient randomness", 338: "weak PRNG",
    502: "insecure deserialization", 295: "TLS verification off", 611: "XXE", 918: "SSRF", 601: "open redirect",
    117: "log injection", 798: "hard-coded credentials", 377: "insecure temp file", 732: "permissive file mode",
    367: "TOCTOU race", 190: "integer overflow", 120: "unbounded buffer copy", 676: "dangerous C string function",
    134: "format string",
}
#: Memory-safety weaknesses the C/C++ builtin rules must reach.
C_CWES = {120: "unbounded copy", 242: "gets", 787: "out-of-bounds write", 134: "format string",
          190: "allocation size overflow", 416: "use after free", 476: "unchecked NULL return",
          119: "computed copy length", 170: "missing terminator", 273: "unchecked setuid", 367: "access/open race",
          377: "temp file name", 770: "unbounded stack allocation", 78: "shell command"}


@pytest.fixture(scope="module")
def entries() -> list[RuleEntry]:
    return collect()


def _cwes(entries: list[RuleEntry], engine: str | None = None, languages: set[str] | None = None) -> set[int]:
    return {
        cwe
        for e in entries
        if (engine is None or e.engine.split(":")[0] == engine) and (languages is None or languages & set(e.languages))
        for cwe in e.cwes
    }


def test_at_least_60_distinct_cwes(entries: list[RuleEntry]) -> None:
    found = _cwes(entries)
    assert len(found) >= 60, f"only {len(found)} distinct CWEs across the packs: {sorted(found)}"


def test_every_top25_entry_is_covered(entries: list[RuleEntry]) -> None:
    found = _cwes(entries)
    missing = [f"CWE-{c} ({name})" for c, name in TOP25_2024 if c not in found]
    assert not missing, f"2024 CWE Top 25 entries without a rule: {', '.join(missing)}"


def test_required_weakness_families(entries: list[RuleEntry]) -> None:
    found = _cwes(entries)
    missing = [f"CWE-{c} ({what})" for c, what in REQUIRED_CWES.items() if c not in found]
    assert not missing, f"no rule for: {', '.join(missing)}"


def test_c_and_cpp_memory_safety(entries: list[RuleEntry]) -> None:
    for language in ("c", "cpp"):
        found = _cwes(entries, "builtin", {language})
        missing = [f"CWE-{c} ({what})" for c, what in C_CWES.items() if c not in found]
        assert not missing, f"builtin {language} rules miss: {', '.join(missing)}"


@pytest.mark.parametrize("language", BUILTIN_LANGUAGES)
def test_builtin_rules_for_language(entries: list[RuleEntry], language: str) -> None:
    rules = [e.id for e in entries if e.engine.startswith("builtin") and language in e.languages]
    assert len(rules) >= MIN_BUILTIN_RULES, f"builtin rules for {language}: {len(rules)} ({rules})"
    assert len(_cwes(entries, "builtin", {language})) >= 8, f"builtin {language} rules span too few CWEs"


@pytest.mark.parametrize("language", SEMGREP_LANGUAGES)
def test_semgrep_rules_for_language(entries: list[RuleEntry], language: str) -> None:
    rules = [e.id for e in entries if e.engine == "semgrep" and language in e.languages]
    assert rules, f"no semgrep rule lists {language}"
