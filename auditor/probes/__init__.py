"""Probe suites: schema, loader and expansion into attempts."""

from auditor.probes.expand import count_attempts, expand, render_prompt, variants
from auditor.probes.loader import Suite, load_suite, load_suites, resolve_suites, suite_files

__all__ = [
    "Suite",
    "count_attempts",
    "expand",
    "load_suite",
    "load_suites",
    "render_prompt",
    "resolve_suites",
    "suite_files",
    "variants",
]
