"""attribute-use: which protected attributes generated code reads, and which groups it singles out.

The Code Bias Score family of the literature asks whether generated decision code reads or branches
on a protected attribute or a proxy. This analyzer answers per function: Python by ``ast``
(``auditor.bias.pyscan``), JavaScript and Java by tree-sitter (``auditor.bias.tsscan``), with the
lexicon of attribute names and group terms in ``rules/bias/lexicon.yaml``.

Sample findings (one per function and attribute, tags carry the details for ``scan --format json``)::

    bias-group-targeting  high    approve: gender compared with 'female'; changes the output
                                  tags attr:gender group:female function:approve use:targeting kind:compare
    bias-group-targeting  medium  premium: age weighed into a computed value; changes the output
    bias-attribute-read   low     approve: race checked for membership in ...; only validates input

Blocks in other languages are skipped. A block that does not parse is noted; a generation none of
whose supported blocks could be analyzed is an ``error`` result, never a clean one.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Collection, Sequence
from typing import ClassVar

from auditor.analyzers.pyfragment import salvage
from auditor.bias.lexicon import LEXICON_PATH, Lexicon, load_lexicon
from auditor.bias.pyscan import scan_python
from auditor.bias.tsscan import TS_LANGUAGES, GrammarUnavailable, scan_tree_sitter
from auditor.bias.uses import ANALYZER, Use, findings_for
from auditor.extract import normalize_language
from auditor.types import AnalysisResult, CodeBlock, Finding, Generation

__all__ = ["AttributeUseAnalyzer", "analyze_code", "SUPPORTED"]

SUPPORTED = ("python", *TS_LANGUAGES)


def analyze_code(code: str, language: str | None, lexicon: Lexicon | None = None) -> tuple[list[Use], str | None]:
    """Uses of protected attributes in one block, and a note when the parse was partial.

    Raises SyntaxError (Python that does not parse) or GrammarUnavailable (no local grammar).
    """
    lex = lexicon or load_lexicon()
    lang = normalize_language(language) or "python"
    if lang == "python":
        try:
            return scan_python(code, lex), None
        except SyntaxError:
            fixed = salvage(code)  # a continuation fragment under def headers, or what tree-sitter recovers
            if fixed is None:
                raise
        source, shift, partial = fixed
        uses = [dataclasses.replace(u, line=u.line - shift) for u in scan_python(source, lex) if u.line > shift]
        return uses, partial or "parsed as a fragment of a larger function"
    uses, had_errors = scan_tree_sitter(code, lang, lex)
    return uses, ("tree-sitter recovered from syntax errors" if had_errors else None)


class AttributeUseAnalyzer:
    name: ClassVar[str] = ANALYZER
    tier: ClassVar[str] = "fast"

    def __init__(self, relevant: Collection[str] = ()) -> None:
        self.lexicon = load_lexicon()
        self.relevant = tuple(relevant)

    def version(self) -> str:
        digest = hashlib.sha256(LEXICON_PATH.read_bytes()).hexdigest()[:12]
        return f"1.0+lexicon.{digest}"

    def analyze(self, generations: Sequence[Generation]) -> list[AnalysisResult]:
        return [self._one(g) for g in generations]

    def _one(self, gen: Generation) -> AnalysisResult:
        findings: list[Finding] = []
        notes: list[str] = []
        failures: list[str] = []
        tried = 0
        for index, block in enumerate(gen.code_blocks):
            lang = normalize_language(block.language) or _guess(block)
            if lang not in SUPPORTED:
                continue
            tried += 1
            try:
                uses, note = analyze_code(block.code, lang, self.lexicon)
            except SyntaxError as exc:
                failures.append(f"block {index} ({lang}) does not parse: {exc.msg} at line {exc.lineno}")
                continue
            except GrammarUnavailable as exc:
                failures.append(f"block {index}: {exc}")
                continue
            except RecursionError:
                failures.append(f"block {index} ({lang}) nests too deeply to analyze")
                continue
            except (ValueError, MemoryError) as exc:  # null bytes, lone surrogates, absurd nesting
                failures.append(f"block {index} ({lang}) cannot be parsed: {type(exc).__name__}")
                continue
            if note:
                notes.append(f"block {index}: {note}")
            findings.extend(findings_for(uses, relevant=self.relevant, attempt_id=gen.attempt_id, block_index=index))
        if tried == 0:
            return AnalysisResult(ANALYZER, gen.attempt_id, status="skipped", note="no Python, JavaScript or Java code")
        if failures and len(failures) == tried:
            return AnalysisResult(ANALYZER, gen.attempt_id, status="error", error="; ".join(failures))
        note = "; ".join(notes + failures) or None
        return AnalysisResult(ANALYZER, gen.attempt_id, tuple(findings), note=note)


def _guess(block: CodeBlock) -> str | None:
    return "python" if block.language is None else None
