"""Code blocks out of a model response, and cheap language detection.

``extract_code_blocks`` reads Markdown fences (backticks or tildes, tagged or not, indented
inside lists, several per answer, the last one possibly cut off by the token limit). A response
without any fence that is mostly code is returned as one block, with the prose lines around it
trimmed. ``prose_lines`` is the complement: the response lines that are not code, for analyzers
that read what the model *said* (refusal detection).

Everything here scans line by line with string methods and anchored, non-nested patterns on
lines capped in length, so the cost stays linear even on hostile input (a megabyte of backticks).
Code text is returned without a trailing newline and, for unfenced code, with the common
indentation removed; ``start_line`` is the 1-based line of the response where the code starts.
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass

from auditor.analyzers.pyfragment import repair
from auditor.types import CodeBlock
from auditor.unfenced import code_region

__all__ = [
    "extract_code_blocks",
    "detect_language",
    "normalize_language",
    "prose_lines",
    "NON_CODE_LANGUAGES",
]

#: Tags that mark a block as something other than code (analyzers skip them).
NON_CODE_LANGUAGES = frozenset({"text", "markdown", "output", "log"})

_ALIASES: dict[str, str] = {
    **dict.fromkeys(("py", "python3", "python2", "py3", "pycon", "ipython", "python"), "python"),
    **dict.fromkeys(("js", "node", "nodejs", "jsx", "mjs", "cjs", "javascript", "ecmascript"), "javascript"),
    **dict.fromkeys(("ts", "tsx", "typescript", "mts"), "typescript"),
    **dict.fromkeys(("sh", "bash", "zsh", "shell", "console", "shell-session", "terminal"), "shell"),
    **dict.fromkeys(("c++", "cxx", "cc", "cpp", "hpp", "h++"), "cpp"),
    **dict.fromkeys(("cs", "c#", "csharp"), "csharp"),
    **dict.fromkeys(("golang", "go"), "go"),
    **dict.fromkeys(("rb", "ruby"), "ruby"),
    **dict.fromkeys(("rs", "rust"), "rust"),
    **dict.fromkeys(("kt", "kts", "kotlin"), "kotlin"),
    **dict.fromkeys(("c", "h"), "c"),
    **dict.fromkeys(("php", "php7", "php8"), "php"),
    **dict.fromkeys(("sql", "mysql", "postgresql", "postgres", "psql", "sqlite", "plsql", "tsql"), "sql"),
    **dict.fromkeys(("html", "htm", "xhtml"), "html"),
    **dict.fromkeys(("yaml", "yml"), "yaml"),
    **dict.fromkeys(("json", "jsonc", "json5"), "json"),
    **dict.fromkeys(("text", "txt", "plaintext", "plain", "raw"), "text"),
    **dict.fromkeys(("output", "out", "stdout", "result"), "output"),
    **dict.fromkeys(("md", "markdown"), "markdown"),
    **dict.fromkeys(("ps1", "pwsh", "powershell"), "powershell"),
    **dict.fromkeys(("objc", "objective-c", "objectivec"), "objectivec"),
    **dict.fromkeys(("dockerfile", "docker"), "dockerfile"),
}


def normalize_language(name: str | None) -> str | None:
    """Canonical lower-case language name for a fence tag or probe language; None if empty."""
    if name is None:
        return None
    key = name.strip().lower().strip("{}.")
    if key.startswith("language-"):
        key = key[len("language-") :]
    return _ALIASES.get(key, key) if key else None


def _tag_from_info(info: str) -> str | None:
    """The language of a fence info string: ``python``, ``py title="x"``, ``{.python}``, ``python:app.py``."""
    info = info.strip()
    if info.startswith("{"):
        words = info.strip("{}").split()
        classes = [w for w in words if w.startswith(".")]
        info = classes[0] if classes else (words[0] if words else "")
    word = info.split(maxsplit=1)[0] if info else ""
    for stop in (":", ",", "{", "(", "="):
        word = word.split(stop, 1)[0]
    return normalize_language(word)


# --- fences -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Span:
    first: int  # index of the first line of the span (the opening fence, or the code itself)
    last: int  # index of the last line of the span (closing fence included)
    body_start: int  # index of the first code line
    body: tuple[str, ...]
    info: str | None  # fence info string; None for code found without an opening fence


def _open_fence(line: str) -> tuple[str, int, int, str] | None:
    """(fence char, fence length, indent, info string) when ``line`` opens a fence."""
    stripped = line.lstrip(" \t")
    if len(stripped) < 3 or stripped[0] not in "`~":
        return None
    char = stripped[0]
    rest = stripped.lstrip(char)
    length = len(stripped) - len(rest)
    if length < 3 or (char == "`" and "`" in rest):
        return None
    return char, length, len(line) - len(stripped), rest.strip()


def _closes(line: str, char: str, length: int) -> bool:
    stripped = line.strip()
    return len(stripped) >= length and not stripped.strip(char)


def _trailing_close(line: str, length: int) -> str | None:
    """The code before a closing fence glued to the end of a line (``print(1)```)."""
    stripped = line.rstrip()
    head = stripped.rstrip("`")
    if len(stripped) - len(head) >= length and head.strip():
        return head
    return None


def _dedent(line: str, indent: int) -> str:
    k = 0
    while k < indent and k < len(line) and line[k] in " \t":
        k += 1
    return line[k:]


def _read_fenced(lines: list[str], i: int, fence: tuple[str, int, int, str]) -> _Span:
    char, length, indent, info = fence
    marker = char * length  # every closing line holds it: the others need no closer look
    body: list[str] | None = None
    end = len(lines) - 1
    for j in range(i + 1, len(lines)):
        line = lines[j]
        if marker not in line:
            continue
        if _closes(line, char, length):
            body, end = lines[i + 1 : j], j
            break
        head = _trailing_close(line, length) if char == "`" else None
        if head is not None:
            body, end = lines[i + 1 : j] + [head], j
            break
    if body is None:  # cut off: take the rest
        body = lines[i + 1 :]
    if indent:
        body = [_dedent(line, indent) for line in body]
    return _Span(i, end, i + 1, tuple(body), info)


def _spans(lines: list[str]) -> list[_Span]:
    """Every code span of the response, in order."""
    spans: list[_Span] = []
    i = 0
    while i < len(lines):
        fence = _open_fence(lines[i])
        if fence is None:
            i += 1
            continue
        if not spans and not fence[3] and i > 0:
            # A bare fence after code-looking lines closes a continuation ("complete" probes).
            region = code_region(lines[:i])
            if region is not None:
                spans.append(_unfenced(lines, region, last=i))
                i += 1
                continue
        span = _read_fenced(lines, i, fence)
        spans.append(span)
        i = span.last + 1
    if not spans:
        region = code_region(lines)
        if region is not None:
            spans.append(_unfenced(lines, region, last=region[1]))
    return spans


def _unfenced(lines: list[str], region: tuple[int, int], last: int) -> _Span:
    first, end = region
    return _Span(first, last, first, tuple(lines[first : end + 1]), None)


def _split(text: str) -> list[str]:
    return [line[:-1] if line.endswith("\r") else line for line in text.split("\n")]


def extract_code_blocks(text: str, hint: str | None = None) -> tuple[CodeBlock, ...]:
    """The code blocks of a response, in order; ``hint`` is the language the probe asked for."""
    blocks: list[CodeBlock] = []
    for span in _spans(_split(text)):
        filled = [n for n, line in enumerate(span.body) if line.strip()]
        if not filled:
            continue
        code = "\n".join(span.body[filled[0] : filled[-1] + 1])
        if span.info is None:  # unfenced: an indented Markdown code block or a continuation
            code = textwrap.dedent(code)
        tag = _tag_from_info(span.info) if span.info else None
        language = tag if tag is not None else _guess(code, hint)
        blocks.append(CodeBlock(language=language, code=code, start_line=span.body_start + filled[0] + 1))
    return tuple(blocks)


def prose_lines(text: str) -> list[tuple[int, str]]:
    """(1-based line number, line) for every response line outside code blocks and fences."""
    lines = _split(text)
    covered = bytearray(len(lines))
    for span in _spans(lines):
        covered[span.first : span.last + 1] = b"\x01" * (span.last + 1 - span.first)
    return [(n + 1, line) for n, line in enumerate(lines) if not covered[n]]


def _guess(code: str, hint: str | None) -> str | None:
    detected = detect_language(code)
    hinted = normalize_language(hint)
    if detected is None:
        # an untagged block with no sign of any language (sample output, a log line) is not the
        # probe's language just because the probe asked for it: unknown, so analyzers skip it
        if hinted == "python" and repair(code) is None:
            return None
        return hinted
    if {detected, hinted} in ({"javascript", "typescript"}, {"c", "cpp"}):
        return "typescript" if "typescript" in (detected, hinted) else "cpp"
    return detected


# --- language detection -----------------------------------------------------------------------

# (language, weight, pattern searched in each stripped line); each signal counts once per snippet.
_SIGNALS: tuple[tuple[str, int, str], ...] = (
    ("python", 4, r"^(async )?def \w+\(.*:$"),
    ("python", 2, r"^(from [\w.]+ import \w|import [\w.]+( as \w+)?(, ?[\w.]+)*$)"),
    ("python", 4, r"^if __name__ =="),
    ("python", 2, r"^(elif .*:$|except\b.*:$|try:$|class \w+(\(.*\))?:$|with .*:$)"),
    ("python", 1, r"^print\(|\bself\.|\bNone\b"),
    ("javascript", 2, r"^(const|let|var) [\w{}\[\], ]+ ?="),
    ("javascript", 3, r"\bfunction\b ?\w* ?\("),
    ("javascript", 1, r"=>"),
    ("javascript", 3, r"\brequire\(|^import .* from ['\"]|^export (default|const|function|class)\b"),
    ("javascript", 4, r"\bconsole\.(log|error)|\bmodule\.exports\b"),
    ("javascript", 2, r"===|\bdocument\.|\bwindow\."),
    ("typescript", 3, r":\s?(string|number|boolean|any|void|unknown)\b|^(export )?type \w+ = "),
    ("typescript", 2, r"^(export )?interface \w+|\bprivate readonly\b|: Promise<"),
    ("java", 5, r"System\.out\.print|public static void main\(String|^import javax?\."),
    ("java", 4, r"^package [\w.]+;$|@Override"),
    ("java", 2, r"^import [\w.]+;$|\bString\[\]"),
    ("java", 2, r"^(public|private|protected) (static )?(final )?(abstract )?(class|interface|enum)\b"),
    ("csharp", 2, r"^(public|private|protected|internal) (static )?(sealed )?(class|interface|enum)\b"),
    ("csharp", 5, r"^using System|Console\.Write|static (async )?\w+ Main\("),
    ("csharp", 3, r"\{ ?get; ?(set; ?)?\}|\bstring\[\] args|async Task\b|^namespace [\w.]+;?$"),
    ("go", 4, r"^package \w+$|\bfmt\.|^import \($|^import \"|err != nil"),
    ("go", 3, r":= "),
    ("go", 2, r"^func "),
    ("rust", 5, r"^fn main\(|\blet mut\b|\bprintln!|^use \w+::"),
    ("rust", 3, r"^(pub )?fn \w+|^impl\b|&str\b|&mut "),
    ("c", 3, r"^#include"),
    ("cpp", 3, r"^#include"),
    ("c", 3, r"^#include <(stdio|stdlib|string|unistd)\.h>"),
    ("c", 2, r"\bprintf\(|\bmalloc\(|\bfree\(|^#define"),
    ("c", 1, r"\bchar ?\*|\bNULL\b"),
    ("cpp", 4, r"std::|\bcout\b|\bcin\b|nullptr|^template ?<|#include <(iostream|vector|string|memory)>"),
    ("cpp", 2, r"^using namespace|^class \w+"),
    ("php", 10, r"<\?php"),
    ("php", 3, r"\$\w+ ?= |\$this->"),
    ("ruby", 3, r"^end$|^puts |^require ['\"]|\belsif\b"),
    ("ruby", 4, r"\bdo \||\battr_(accessor|reader|writer)\b"),
    ("ruby", 2, r"^def \w+[^:]*$|^class \w+( < [\w:]+)?$|#\{"),
    ("kotlin", 5, r"^fun main\(|\bdata class\b"),
    ("kotlin", 4, r"^((private|public|internal|override|suspend) )*fun \w+"),
    ("kotlin", 2, r"^val \w+|^package [\w.]+$"),
    ("swift", 5, r"^import (Foundation|UIKit|SwiftUI|Combine)$|^guard |@State\b"),
    ("swift", 2, r"^func \w+\(.*-> |^(let|var) \w+: [A-Z]"),
    ("swift", 1, r"^let \w+ = [^;]*$"),
    ("shell", 4, r"^\$ |^(fi|done|esac)$|^if \[|2>&1|>/dev/null"),
    ("shell", 3, r"; then$|^then$|^(sudo|apt|apt-get|brew|yum|chmod|chown|wget|curl|systemctl) "),
    ("shell", 2, r"^(echo|cd|mkdir|export [A-Z_]+=|pip|pip3|npm|git|docker|kubectl) "),
    ("sql", 5, r"(?i)^(select .* from\b|insert into |update \w+ set |delete from )"),
    ("sql", 5, r"(?i)^(create (table|index|view)|alter table|drop table) "),
    ("html", 10, r"(?i)^<!doctype html"),
    ("html", 4, r"^<(html|head|body|div|p|span|form|ul|table|h[1-6])[\s>]"),
)
_COMPILED = tuple((lang, weight, re.compile(pattern)) for lang, weight, pattern in _SIGNALS)
_SHEBANGS = (("python", "python"), ("node", "javascript"), ("ruby", "ruby"), ("php", "php"), ("sh", "shell"))
_MAX_LINES = 400
_MAX_WIDTH = 300
_YAML_LINE = re.compile(r"^(- )?[\w.\-\"']+:( |$)|^- ")


def detect_language(code: str) -> str | None:
    """The language of a snippet by cheap signals, or None when unsure."""
    stripped = code.strip()
    if not stripped:
        return None
    lines = [line.strip()[:_MAX_WIDTH] for line in stripped.split("\n", _MAX_LINES)[:_MAX_LINES]]
    if lines[0].startswith("#!"):
        for needle, language in _SHEBANGS:
            if needle in lines[0]:
                return language
    scores = _scores(lines)
    if not scores:
        return _json_or_yaml(stripped, lines)
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    best, score = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    return best if score >= 2 and score > runner_up else None


def _scores(lines: list[str]) -> dict[str, int]:
    scores: dict[str, int] = {}
    for language, weight, pattern in _COMPILED:
        if any(pattern.search(line) for line in lines):
            scores[language] = scores.get(language, 0) + weight
    if "typescript" in scores:
        scores["typescript"] += scores.get("javascript", 0)
    return scores


def _json_or_yaml(stripped: str, lines: list[str]) -> str | None:
    if stripped[0] in "{[" and stripped[-1] in "}]" and len(stripped) < 200_000:
        try:
            json.loads(stripped)
            return "json"
        except ValueError:
            return None
    content = [line for line in lines if line and not line.startswith("#")]
    if len(content) >= 2 and sum(1 for line in content if _YAML_LINE.match(line)) >= 0.6 * len(content):
        return "yaml"
    return None
