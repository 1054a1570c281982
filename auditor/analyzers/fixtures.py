"""Rule fixtures: files annotated line by line with ``ruleid: <id>`` and ``ok: <id>``.

The convention is semgrep's: an annotation comment stands on its own line, and applies to the next
line that is not itself an annotation. ``ruleid:`` means that line must be flagged by the rule,
``ok:`` that it must not; ``todoruleid:`` / ``todook:`` record known gaps and are not enforced.
Comments may start with ``#``, ``//``, ``--``, ``;`` or ``/*`` and may name several ids, separated
by commas.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Expectation", "parse_annotations", "EXTENSIONS", "find_fixture"]

_ANNOTATION = re.compile(
    r"^\s*(?:#|//|--|;|/\*|<!--|\*)\s*(?P<kind>todoruleid|todook|ruleid|ok)\s*:\s*(?P<ids>[\w.\-, ]+?)\s*(?:\*/|-->)?\s*$"
)

#: File extension of a fixture by language name used in rule files.
EXTENSIONS: dict[str, tuple[str, ...]] = {
    "python": ("py",),
    "javascript": ("js", "jsx", "mjs"),
    "typescript": ("ts", "tsx"),
    "java": ("java",),
    "c": ("c", "h"),
    "cpp": ("cpp", "cc", "hpp"),
    "csharp": ("cs",),
    "go": ("go",),
    "php": ("php",),
    "ruby": ("rb",),
    "rust": ("rs",),
    "kotlin": ("kt",),
    "swift": ("swift",),
    "shell": ("sh", "bash"),
}


@dataclass(frozen=True, slots=True)
class Expectation:
    rule_id: str
    line: int  # 1-based line the annotation applies to
    flagged: bool  # True for ruleid:, False for ok:
    todo: bool = False


def parse_annotations(text: str) -> list[Expectation]:
    """Every expectation in a fixture, in file order."""
    lines = text.splitlines()
    pending: list[tuple[str, str]] = []
    out: list[Expectation] = []
    for number, line in enumerate(lines, start=1):
        m = _ANNOTATION.match(line)
        if m:
            for rule_id in (i.strip() for i in m.group("ids").split(",")):
                if rule_id:
                    pending.append((m.group("kind"), rule_id))
            continue
        for kind, rule_id in pending:
            out.append(
                Expectation(
                    rule_id=rule_id,
                    line=number,
                    flagged=kind in ("ruleid", "todoruleid"),
                    todo=kind.startswith("todo"),
                )
            )
        pending = []
    return out


def find_fixture(rule_file: Path) -> Path | None:
    """The fixture beside a rule file: same stem, any known code extension."""
    for exts in EXTENSIONS.values():
        for ext in exts:
            candidate = rule_file.with_suffix("." + ext)
            if candidate.is_file():
                return candidate
    return None
