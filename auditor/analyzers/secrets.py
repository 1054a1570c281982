"""The secrets analyzer (CWE-798): credentials, private keys and API tokens written into code, and
:func:`redact_text`, which masks every one of them in a text before it is shown or stored.

Rules live in ``rules/secrets/<id>.yaml`` beside an annotated fixture. A secret rule is a builtin
``regex`` rule (:class:`~auditor.analyzers.rulepack.Rule`, same model, same RE2 compiler) whose
pattern captures the value in a group named ``secret``, plus a ``secret:`` mapping
(:class:`SecretSpec`) saying what a real value looks like: a minimum length and Shannon entropy
(bits per character; hex digits are judged on their own threshold, since they carry at most 4),
``unless`` patterns that mark a value as a stand-in, ``generic`` for name-based rules (they yield to
a format rule that found the same text) and ``pem`` for private-key headers, whose value is the key
body that follows. ``languages: [any]`` runs a rule on every block.

Values that are placeholders are never secrets, whatever the rule: empty, ``<your-key>``,
``${ENV}``, ``{{var}}``, ``%(name)s``, ``changeme``, ``xxxx``, ``***``, anything marked EXAMPLE,
sample, dummy or your-...-here.

Every finding shows the value masked (``AKIA****************``: at most 4 characters kept, fewer
for short values, none of a key body); the snippet is the line with every secret on it masked.

Tests and demos need token-shaped strings without committing any: :func:`fake_secret` builds
format-valid random ones at run time, and :func:`expand_fakes` fills ``%%fake:<kind>%%`` markers
in fixtures with them.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import re2
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from auditor.analyzers.base import analyze_blocks
from auditor.analyzers.lines import LineIndex, encode_block
from auditor.analyzers.malicious import PatternSet, load_rule_file
from auditor.analyzers.rulepack import Rule, compile_line_regex, normalise_language
from auditor.errors import InputError
from auditor.paths import RULES_DIR
from auditor.types import AnalysisResult, CodeBlock, Finding, Generation

__all__ = [
    "SecretSpec",
    "SecretRule",
    "SecretsAnalyzer",
    "load_secret_rules",
    "redact_text",
    "mask",
    "shannon_entropy",
    "fake_secret",
    "expand_fakes",
    "FAKE_KINDS",
]

_PLACEHOLDER = re2.compile(
    r"(?i)^\s*$|<[^>]*>|\$\{[^}]*\}|\{\{[^}]*\}\}|%\(\w+\)s|^\$\(?[A-Z_][A-Z0-9_]*\)?$|^%%?[A-Z_][\w:-]*%%?$"
    r"|example|placeholder|change[_-]?me|replace[_-]?(?:me|this|with)"
    r"|your[_-]?\w*(?:key|token|secret|passw\w*)"
    r"|_here$|dummy|redacted|x{4,}|\*{3,}|\.{3,}|…|sample|not[_-]?a[_-]?real|fixme|\btodo\b"
)
_HEX = re.compile(r"^[0-9a-fA-F]+$")
_BASE64_BYTES = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")
_PEM_END = b"-----END"
_PEM_LIMIT = 16_384
_MESSAGE_VALUE_CHARS = 24


def shannon_entropy(value: str) -> float:
    """Bits per character of ``value`` (0 for an empty string)."""
    if not value:
        return 0.0
    n = len(value)
    return -sum(c / n * math.log2(c / n) for c in Counter(value).values())


def mask(value: str, keep: int | None = None) -> str:
    """``value`` with all but its first ``keep`` characters (at most 4, default a quarter) as ``*``."""
    kept = min(4, len(value) // 4) if keep is None else min(4, keep, len(value))
    return value[:kept] + "*" * (len(value) - kept)


class SecretSpec(BaseModel):
    """What a real value of a secret rule looks like (see the module docstring)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    min_length: int = Field(default=1, ge=1)
    entropy: float = Field(default=0.0, ge=0, le=8)
    hex_entropy: float | None = Field(default=None, ge=0, le=4)
    unless: tuple[str, ...] = ()
    generic: bool = False
    pem: bool = False

    @field_validator("unless")
    @classmethod
    def _unless_compile(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in v:
            compile_line_regex(pattern)
        return v


class SecretRule(Rule):
    """A builtin regex rule whose pattern captures ``(?P<secret>...)``, plus :class:`SecretSpec`."""

    secret: SecretSpec = SecretSpec()

    @model_validator(mode="after")
    def _captures_a_secret(self) -> SecretRule:
        if self.regex is None:
            raise ValueError("secret rules are 'regex' rules")
        if "secret" not in compile_line_regex(self.regex.pattern).groupindex:
            raise ValueError("regex.pattern must capture the value in a group named 'secret'")
        return self


def load_secret_rules(rules_dir: Path = RULES_DIR / "secrets") -> list[SecretRule]:
    """Every ``rules_dir/*.yaml``; format rules first, then generic ones (they yield on overlap)."""
    if not rules_dir.is_dir():
        raise InputError(rules_dir, "rule folder not found")
    paths = sorted(rules_dir.glob("*.yaml"))
    rules = [load_rule_file(p, SecretRule, folder_is_language=False) for p in paths]
    return sorted(rules, key=lambda r: r.secret.generic)


@dataclass(frozen=True, slots=True)
class _Hit:
    rule: SecretRule
    start: int  # byte span of the value in the block
    end: int
    masked: str


class _Compiled:
    def __init__(self, rule: SecretRule) -> None:
        assert rule.regex is not None
        self.rule = rule
        self.pattern = compile_line_regex(rule.regex.pattern)
        self.group = self.pattern.groupindex["secret"]
        self.clears = tuple(compile_line_regex(p) for p in rule.regex.not_)
        self.unless = tuple(compile_line_regex(p) for p in rule.secret.unless)

    def hits(self, lines: LineIndex, taken: list[tuple[int, int]]) -> list[_Hit]:
        data, pos, found = lines.data, 0, []
        while pos <= len(data):
            match = self.pattern.search(data, pos)
            if match is None:
                break
            pos = max(match.end(), match.start() + 1)
            start, end = match.span(self.group)
            line_start, line_stop = lines.span(lines.index_of(start))
            if any(c.search(data, line_start, line_stop) is not None for c in self.clears):
                continue
            if self.rule.secret.pem:
                start, end = match.end(), _pem_body_end(data, match.end())
            hit = self._judge(data, start, end)
            if hit is not None and not (self.rule.secret.generic and _overlaps(start, end, taken)):
                found.append(hit)
                taken.append((start, end))
        return found

    def _judge(self, data: bytes, start: int, end: int) -> _Hit | None:
        spec = self.rule.secret
        raw = data[start:end]
        if spec.pem:
            body = raw.replace(b"\\n", b"").replace(b"\\r", b"")
            value = bytes(b for b in body if b in _BASE64_BYTES).decode()
        else:
            value = raw.decode("utf-8", "replace")
        if len(value) < spec.min_length or _PLACEHOLDER.search(value) is not None:
            return None
        if any(u.search(value) is not None for u in self.unless):
            return None
        threshold = spec.hex_entropy if spec.hex_entropy is not None and _HEX.match(value) else spec.entropy
        if shannon_entropy(value) < threshold:
            return None
        shown = f"{len(value)}-character key body" if spec.pem else mask(value)
        return _Hit(self.rule, start, end, shown)


def _pem_body_end(data: bytes, start: int) -> int:
    """Where a private key's body ends: at its ``-----END`` line, else a bounded stretch after it."""
    stop = data.find(_PEM_END, start, start + _PEM_LIMIT)
    return stop if stop >= 0 else min(len(data), start + _PEM_LIMIT)


def _overlaps(start: int, end: int, taken: Sequence[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in taken)


def _masked_bytes(data: bytes, hits: Sequence[_Hit]) -> bytes:
    """``data`` with every hit's value masked (PEM bodies: every base64 character outside escapes)."""
    out: list[bytes] = []
    pos = 0
    for hit in sorted(hits, key=lambda h: h.start):
        if hit.start < pos:
            continue
        out.append(data[pos : hit.start])
        raw = data[hit.start : hit.end]
        if hit.rule.secret.pem:
            masked = re.sub(rb"\\[nr]|[A-Za-z0-9+/=]", lambda m: m[0] if m[0][:1] == b"\\" else b"*", raw)
        else:
            masked = mask(raw.decode("utf-8", "replace")).encode()
        out.append(masked)
        pos = hit.end
    out.append(data[pos:])
    return b"".join(out)


class SecretsAnalyzer:
    """Known token formats, private keys and high-entropy values assigned to secret-like names."""

    name: ClassVar[str] = "secrets"
    tier: ClassVar[str] = "fast"

    def __init__(self, rules_dir: Path = RULES_DIR / "secrets") -> None:
        self.rules_dir = Path(rules_dir)
        self.rules: tuple[SecretRule, ...] = tuple(load_secret_rules(self.rules_dir))
        digest = hashlib.sha256()
        for path in sorted(self.rules_dir.glob("*.yaml")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        self._version = f"secrets {digest.hexdigest()[:12]}"
        compiled = [_Compiled(r) for r in self.rules]
        languages = {lang for r in self.rules for lang in r.languages} - {"any"}
        self._packs = {lang: self._pack(compiled, lang) for lang in languages}
        self._any = self._pack(compiled, None)
        self._all = (compiled, PatternSet([c.pattern.pattern.removeprefix("(?m)") for c in compiled]))

    @staticmethod
    def _pack(compiled: list[_Compiled], language: str | None) -> tuple[list[_Compiled], PatternSet]:
        chosen = [c for c in compiled if "any" in c.rule.languages or language in c.rule.languages]
        return chosen, PatternSet([c.rule.regex.pattern for c in chosen])  # type: ignore[union-attr]

    def version(self) -> str:
        return self._version

    def _hits(self, data: bytes, pack: tuple[list[_Compiled], PatternSet]) -> tuple[LineIndex, list[_Hit]]:
        compiled, prefilter = pack
        lines = LineIndex(data)
        taken: list[tuple[int, int]] = []
        hits: list[_Hit] = []
        for i in prefilter.matching(data):
            hits.extend(compiled[i].hits(lines, taken))
        return lines, hits

    def scan_block(self, block: CodeBlock, index: int = 0, attempt_id: str = "") -> list[Finding]:
        """Findings of one block (lines 1-based within it), values masked in message and snippet."""
        pack = self._packs.get(normalise_language(block.language) or "", self._any)
        data = encode_block(block.code)
        lines, hits = self._hits(data, pack)
        if not hits:
            return []
        redacted = LineIndex(_masked_bytes(data, hits))
        found: dict[tuple[str, int], Finding] = {}
        for hit in sorted(hits, key=lambda h: h.start):
            line = lines.index_of(hit.start)  # masking keeps every line break where it was
            if (hit.rule.id, line) not in found:
                end_line = lines.index_of(hit.end if hit.rule.secret.pem else max(hit.start, hit.end - 1))
                found[(hit.rule.id, line)] = _finding(hit, line, end_line, redacted, attempt_id, index)
        return sorted(found.values(), key=lambda f: (f.line, f.rule_id))

    def redact(self, text: str) -> str:
        """``text`` with every secret any rule detects (whatever the language) masked."""
        data = encode_block(text)
        _, hits = self._hits(data, self._all)
        return _masked_bytes(data, hits).decode("utf-8", "surrogatepass") if hits else text

    def analyze(self, generations: Sequence[Generation]) -> list[AnalysisResult]:
        return [self._analyze_one(g) for g in generations]

    def _analyze_one(self, generation: Generation) -> AnalysisResult:
        return analyze_blocks(self.name, generation, self.scan_block)


def _finding(
    hit: _Hit, line: int, end_line: int, redacted: LineIndex, attempt_id: str, block: int
) -> Finding:
    shown = hit.masked if len(hit.masked) <= _MESSAGE_VALUE_CHARS else hit.masked[:_MESSAGE_VALUE_CHARS] + "…"
    return hit.rule.finding("secrets", line=line + 1, end_line=end_line + 1, snippet=redacted.snippet(line),
                            attempt_id=attempt_id, block=block,
                            message=f"{hit.rule.message.strip()} (value: {shown})")


@functools.lru_cache(maxsize=4)
def _default(rules_dir: str) -> SecretsAnalyzer:
    return SecretsAnalyzer(Path(rules_dir))


def redact_text(text: str, rules_dir: Path | None = None) -> str:
    """``text`` with every detected secret masked (at most 4 characters kept, key bodies fully):
    for reports and the guard's decision log, before generated code is shown or stored."""
    return _default(str(rules_dir or RULES_DIR / "secrets")).redact(text)


# ---------------------------------------------------------------------------------------------
# Fake secrets for tests and demos: format-valid, random, built at run time, never real.

_U, _D = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789"
_AN = _U + _U.lower() + _D
_URL, _B64 = _AN + "-_", _AN + "+/"
_FAKE_MARKER = re.compile(r"%%fake:([a-z0-9-]+)(?::([\w-]+))?%%")
_PEM_HEAD, _PEM_TAIL = "-----BEGIN RSA " + "PRIV" + "ATE KEY-----", "-----END RSA " + "PRIV" + "ATE KEY-----"
Segment = str | tuple[str, int]  # literal text, or (alphabet, length) of random characters

#: What :func:`fake_secret` builds, as segments; prefixes are split so this file holds no token.
FAKE_KINDS: dict[str, tuple[Segment, ...]] = {
    "aws-access-key-id": ("AK", "IA", (_U + _D, 16)),
    "aws-secret-access-key": ((_B64, 40),),
    "github-token": ("gh", "p_", (_AN, 36)),
    "github-pat": ("github", "_pat_", (_AN, 22), "_", (_AN, 59)),
    "slack-token": ("xo", "xb-", (_D, 11), "-", (_D, 13), "-", (_AN, 24)),
    "slack-webhook": (
        "https://hooks.slack.com/", "services/T", (_U + _D, 8), "/B", (_U + _D, 8), "/", (_AN, 24),
    ),
    "stripe-live": ("sk", "_live_", (_AN, 24)),
    "stripe-test": ("sk", "_test_", (_AN, 24)),
    "google-api-key": ("AI", "za", (_URL, 35)),
    "openai-key": ("sk-", "proj-", (_URL, 48)),
    "jwt": ("ey", "J", (_URL, 30), ".ey", "J", (_URL, 40), ".", (_URL, 43)),
    "jwt-unsigned": ("ey", "J", (_URL, 30), ".ey", "J", (_URL, 40), "."),
    "sendgrid-key": ("SG", ".", (_URL, 22), ".", (_URL, 43)),
    "huggingface-token": ("hf", "_", (_U + _U.lower(), 34)),
    "npm-token": ("np", "m_", (_AN, 36)),
    "private-key": (_PEM_HEAD, "\n", (_B64, 64), "\n", (_B64, 64), "\n", (_B64, 64), "\n", (_B64, 64), "\n",
                    (_B64, 64), "\n", (_B64, 64), "\n", _PEM_TAIL),
    "private-key-header": (_PEM_HEAD,),
    "password": ((_AN, 10), (_D, 2), ("!%*+-=@^_", 2)),
    "hex": (("0123456789abcdef", 40),),
    "base64": ((_B64, 40),),
}


def _chars(seed: str, alphabet: str, n: int) -> str:
    out: list[str] = []
    while len(out) < n:
        digest = hashlib.sha256(f"{seed}/{len(out)}".encode()).digest()
        out.extend(alphabet[b % len(alphabet)] for b in digest)
    return "".join(out[:n])


def fake_secret(kind: str, label: str = "") -> str:
    """A random, format-valid ``kind`` of secret (:data:`FAKE_KINDS`), the same for the same label."""
    if kind not in FAKE_KINDS:
        raise ValueError(f"unknown fake secret kind {kind!r} (known: {', '.join(sorted(FAKE_KINDS))})")
    parts = FAKE_KINDS[kind]
    seed = f"{kind}:{label}"
    return "".join(p if isinstance(p, str) else _chars(f"{seed}:{i}", *p) for i, p in enumerate(parts))


def expand_fakes(text: str) -> str:
    """``text`` with every ``%%fake:<kind>%%`` or ``%%fake:<kind>:<label>%%`` marker filled in."""
    return _FAKE_MARKER.sub(lambda m: fake_secret(m.group(1), m.group(2) or ""), text)
