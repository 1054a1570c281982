"""Secrets never reach a report, and every format carries the same reproducibility block."""

from __future__ import annotations

import dataclasses
import json

import pytest

from auditor.reports import RunView, renderer
from auditor.reports.redact import redact, redact_command, redact_value
from auditor.reports.repro import reproducibility


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("openai:gpt@https://bob:hunter2@host:8000/v1", "openai:gpt@https://REDACTED@host:8000/v1"),
        ("https://host/v1?api_key=abc123&x=1", "https://host/v1?api_key=REDACTED&x=1"),
        ("https://host/v1?x=1&token=t0k3n", "https://host/v1?x=1&token=REDACTED"),
        ("Authorization: Bearer abcdefghijkl", "Authorization: Bearer REDACTED"),
        ("key sk-proj-abcdefghijklmnopqrstu used", "key REDACTED used"),
        ("hf:hf_abcdefghijklmnopqrstuvwxyz", "hf:REDACTED"),
        ("password=letmein", "password=REDACTED"),
        ("hf:./models/tiny-gpt2", "hf:./models/tiny-gpt2"),
        ("replay:samples/default-responses.jsonl#8ffc68d5c19c", "replay:samples/default-responses.jsonl#8ffc68d5c19c"),
        ("max_tokens=768", "max_tokens=768"),
    ],
)
def test_redact(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_redact_command_hides_values_of_secret_options() -> None:
    cmd = "auditor audit --model openai:m --api-key sk-x-1 --token=abc --base-url https://u:p@h/v1 --seed 3"
    assert redact_command(cmd) == ("auditor audit --model openai:m --api-key REDACTED --token=REDACTED "
                                   "--base-url https://REDACTED@h/v1 --seed 3")


def test_redact_value_walks_nested_parameters() -> None:
    params = {"api_key": "xyz", "overrides": {"temperature": 0.2, "headers": ["Bearer abcdefghijklmn"]}, "samples": 3}
    assert redact_value(params) == {"api_key": "REDACTED", "samples": 3,
                                    "overrides": {"temperature": 0.2, "headers": ["Bearer REDACTED"]}}


def test_block_has_everything_needed_to_rerun(hostile_view: RunView) -> None:
    r = reproducibility(hostile_view)
    assert r["model"] == "openai:gpt-test@https://REDACTED@llm.example.com/v1?api_key=REDACTED"
    assert (r["suite_hash"], r["rule_hash"], r["policy_hash"]) == ("suitehash000001", "rulehash0000001", "policyhash00001")
    assert r["analyzer_versions"] == {"bandit": "bandit 1.9.4", "builtin": "builtin 1"}
    assert r["parameters"]["overrides"] == {"temperature": 0.2} and r["parameters"]["api_key"] == "REDACTED"
    assert (r["seed"], r["started_at"], r["finished_at"]) == (7, "2026-11-20T10:00:00+00:00", "2026-11-20T10:05:00+00:00")
    assert r["command"].startswith("auditor audit --model openai:gpt-test") and "--api-key REDACTED" in r["command"]


def test_command_is_rebuilt_for_runs_stored_without_one(hostile_view: RunView) -> None:
    view = dataclasses.replace(hostile_view, run=dataclasses.replace(hostile_view.run, command=""))
    cmd = reproducibility(view)["command"]
    assert cmd.startswith("auditor audit --model 'openai:gpt-test@https://REDACTED@")
    assert "--suite security/test --suite malicious/test --samples 12 --temperature 0.2" in cmd and cmd.endswith("--seed 7")


@pytest.mark.parametrize("fmt", ["html", "md", "json", "sarif", "junit"])
def test_every_format_carries_the_block_and_no_secret(hostile_view: RunView, fmt: str) -> None:
    text = renderer(fmt)(hostile_view)
    for secret in ("s3cret", "sk-live", "sk-abcdef", "sk-shouldnotshow"):
        assert secret not in text, (fmt, secret)
    for needed in ("suitehash000001", "rulehash0000001", "policyhash00001", "bandit 1.9.4", "2026-11-20T10:05:00",
                   "--seed 7"):
        assert needed in text, (fmt, needed)
    if fmt == "json":
        assert json.loads(text)["reproducibility"]["tool_version"] == "0.1.0"
