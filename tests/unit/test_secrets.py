"""The secrets analyzer: redaction everywhere a value could show, placeholders and entropy, rule
precedence, language scope, failure isolation and hostile input.

No test holds a real secret: token-shaped values are built at run time by ``fake_secret`` (whose
prefixes are split in its source), so secret scanners never flag the repository.
"""

from __future__ import annotations

import time

import pytest

from auditor.analyzers import DEFAULT_AUDIT, FAST_TIER, create
from auditor.analyzers.secrets import (
    SecretsAnalyzer,
    expand_fakes,
    fake_secret,
    mask,
    redact_text,
    shannon_entropy,
)
from auditor.types import CodeBlock, Finding, Generation, Severity


@pytest.fixture(scope="module")
def analyzer() -> SecretsAnalyzer:
    return SecretsAnalyzer()


def scan(analyzer: SecretsAnalyzer, code: str, language: str | None = "python") -> list[Finding]:
    gen = Generation(attempt_id="t", text=code, code_blocks=(CodeBlock(language=language, code=code),))
    (result,) = analyzer.analyze([gen])
    assert result.status == "ok", result.error
    return list(result.findings)


def test_registered_in_the_fast_tier_and_default_audit() -> None:
    for name in ("malicious", "secrets"):
        assert name in FAST_TIER and name in DEFAULT_AUDIT
    made = create("secrets")
    assert made.name == "secrets" and made.tier == "fast" and made.version().startswith("secrets ")


def test_mask_keeps_at_most_four_characters() -> None:
    key = fake_secret("aws-access-key-id")
    assert mask(key) == key[:4] + "*" * 16
    assert mask("hunter22") == "hu******"
    assert mask("abc") == "***"
    pat = fake_secret("github-pat")
    assert mask(pat, keep=10) == pat[:4] + "*" * (len(pat) - 4)


def test_shannon_entropy() -> None:
    assert shannon_entropy("") == 0.0
    assert shannon_entropy("aaaa") == 0.0
    assert shannon_entropy("abcd") == pytest.approx(2.0)
    assert shannon_entropy(fake_secret("base64")) > 4.5


def test_fakes_are_deterministic_per_label_and_validated() -> None:
    assert fake_secret("github-token", "a") == fake_secret("github-token", "a")
    assert fake_secret("github-token", "a") != fake_secret("github-token", "b")
    assert expand_fakes("x = '%%fake:stripe-live:1%%'") == f"x = '{fake_secret('stripe-live', '1')}'"
    with pytest.raises(ValueError, match="unknown fake secret kind"):
        fake_secret("made-up")


def test_finding_shows_the_value_masked_in_message_and_snippet(analyzer: SecretsAnalyzer) -> None:
    key = fake_secret("aws-access-key-id")
    (finding,) = scan(analyzer, f'import boto3\nKEY_ID = "{key}"\n')
    where = (finding.rule_id, finding.line, finding.cwe, finding.analyzer)
    assert where == ("secret-aws-access-key-id", 2, 798, "secrets")
    assert finding.severity is Severity.HIGH
    assert key not in finding.message and key not in finding.snippet
    assert "AKIA****************" in finding.message
    assert finding.snippet == 'KEY_ID = "AKIA****************"'


def test_every_secret_on_a_line_is_masked_in_the_snippet(analyzer: SecretsAnalyzer) -> None:
    key, secret = fake_secret("aws-access-key-id"), fake_secret("aws-secret-access-key")
    findings = scan(analyzer, f'creds = dict(aws_access_key_id="{key}", aws_secret_access_key="{secret}")')
    assert {f.rule_id for f in findings} == {"secret-aws-access-key-id", "secret-aws-secret-access-key"}
    for f in findings:
        assert key not in f.snippet and secret[4:] not in f.snippet and secret[4:] not in f.message


def test_format_rules_win_over_name_based_rules(analyzer: SecretsAnalyzer) -> None:
    token = fake_secret("github-token")
    assert [f.rule_id for f in scan(analyzer, f'GITHUB_TOKEN = "{token}"')] == ["secret-github-token"]
    generic = scan(analyzer, f'API_TOKEN = "{fake_secret("base64")}"')
    assert [f.rule_id for f in generic] == ["secret-generic-assignment"]


@pytest.mark.parametrize(
    "code",
    [
        'api_key = "changeme"',
        'api_key = "<your-api-key>"',
        'API_KEY = "${API_KEY}"',
        'token = "{{ vault_token }}"',
        'secret = "xxxxxxxxxxxxxxxxxxxx"',
        'password = "********"',
        'api_key = os.environ["API_KEY"]',
        'api_key = os.getenv("API_KEY")',
        'token = "your_token_here"',
        'SECRET_KEY = "not-a-real-secret-key-for-dev"',
        'AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"',
        'api_key = "aaaaaaaaaaaaaaaaaaaaaaaa"',
        'api_key = "abcdefghabcdefghabcdefgh"',
        'checksum_sha256 = "' + "0f" * 32 + '"',
        'expected_sha256 = "' + fake_secret("hex") + '"',
        'token_endpoint = "https://auth.example.com/oauth/token"',
    ],
)
def test_placeholders_and_look_alikes_are_not_secrets(analyzer: SecretsAnalyzer, code: str) -> None:
    assert scan(analyzer, code) == []


@pytest.mark.parametrize(
    "kind",
    ["github-token", "github-pat", "slack-token", "stripe-live", "google-api-key", "openai-key", "jwt",
     "sendgrid-key", "huggingface-token", "npm-token", "aws-access-key-id"],
)
def test_known_formats_are_found_in_any_language(analyzer: SecretsAnalyzer, kind: str) -> None:
    value = fake_secret(kind, "lang")
    for language, line in [("go", f'k := "{value}"'), ("ruby", f"K = '{value}'"), (None, f"key: {value}")]:
        findings = scan(analyzer, line, language)
        assert len(findings) == 1 and value not in findings[0].snippet, (kind, language, findings)


def test_entropy_decides_name_based_values(analyzer: SecretsAnalyzer) -> None:
    assert scan(analyzer, 'session_key = "' + fake_secret("base64") + '"')
    assert scan(analyzer, 'session_key = "' + fake_secret("hex") + '"')
    assert not scan(analyzer, 'session_key = "abababababababababababab"')


def test_config_rule_applies_to_config_languages_only(analyzer: SecretsAnalyzer) -> None:
    line = "DB_PASSWORD=" + fake_secret("password", "cfg")
    assert [f.rule_id for f in scan(analyzer, line, "shell")] == ["secret-config-assignment"]
    assert [f.rule_id for f in scan(analyzer, line, "yaml")] == ["secret-config-assignment"]
    assert scan(analyzer, line, "python") == []


def test_private_key_body_is_fully_masked(analyzer: SecretsAnalyzer) -> None:
    pem = fake_secret("private-key")
    code = f'KEY = """{pem}"""\nprint(1)\n'
    (finding,) = scan(analyzer, code)
    assert (finding.rule_id, finding.line, finding.end_line) == ("secret-private-key", 1, 8)
    assert "384-character key body" in finding.message and "BEGIN" in finding.snippet
    redacted = redact_text(code)
    assert redacted.count("\n") == code.count("\n")
    body = pem.splitlines()[1:-1]
    assert all(line not in redacted for line in body) and "*" * 64 in redacted
    assert pem.splitlines()[0] in redacted and "print(1)" in redacted


def test_redact_text_masks_every_secret_in_a_response() -> None:
    token, password = fake_secret("slack-token"), fake_secret("password", "r")
    text = (
        "Here is the bot:\n\n```python\n"
        f'client = WebClient(token="{token}")\nDB_PASSWORD = "{password}"\n```\n'
        f"and in a .env file write DB_PASSWORD={password}\n"
    )
    out = redact_text(text)
    assert token not in out and password not in out
    assert token[:4] + "*" * (len(token) - 4) in out
    assert out.count("\n") == text.count("\n") and out.startswith("Here is the bot:")


def test_redact_text_leaves_clean_text_alone() -> None:
    text = "def add(a, b):\n    return a + b  # token = None, password = getpass()\n"
    assert redact_text(text) == text
    assert redact_text("") == ""


def test_no_code_is_skipped(analyzer: SecretsAnalyzer) -> None:
    (result,) = analyzer.analyze([Generation(attempt_id="n", text="No code here.")])
    assert result.status == "skipped" and result.findings == ()


def test_a_failing_block_is_an_error_that_names_no_secret(
    analyzer: SecretsAnalyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = fake_secret("stripe-live", "err")
    real = SecretsAnalyzer.scan_block

    def flaky(self: SecretsAnalyzer, block: CodeBlock, index: int = 0, attempt_id: str = "") -> list[Finding]:
        if index == 1:
            raise RuntimeError(f"cannot scan {block.code}")
        return real(self, block, index, attempt_id)

    monkeypatch.setattr(SecretsAnalyzer, "scan_block", flaky)
    blocks = (CodeBlock("python", f'k = "{secret}"'), CodeBlock("python", f'k = "{secret}"'))
    (result,) = analyzer.analyze([Generation(attempt_id="e", text="", code_blocks=blocks)])
    assert result.status == "error" and result.error == "block 1: RuntimeError"
    assert [f.block_index for f in result.findings] == [0]


def test_hostile_input_returns_quickly(analyzer: SecretsAnalyzer) -> None:
    junk = "password = '" + "a" * 1_000_000 + "\ud800\x00" + "\n" + "AKIA" * 250_000 + "eyJ" * 100_000
    start = time.perf_counter()
    (result,) = analyzer.analyze([Generation("h", "", (CodeBlock("python", junk),))])
    assert result.status == "ok"
    assert time.perf_counter() - start < 2.0
    assert redact_text(junk[:200_000]) == junk[:200_000]
