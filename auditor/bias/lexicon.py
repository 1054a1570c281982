"""The lexicon of protected attributes, proxies and demographic group terms (``rules/bias/lexicon.yaml``).

``attribute_of("applicant_gender")`` names the protected attribute an identifier refers to;
``groups_of("Latina", "race")`` names the group a literal denotes; ``group_flag("is_muslim")``
reads identifiers that name a group directly. The data is validated on load; the compiled form is
cached per file.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from auditor.paths import RULES_DIR
from auditor.yamlfile import load_model

__all__ = ["Lexicon", "load_lexicon", "words", "normalize_literal", "LEXICON_PATH"]

LEXICON_PATH = RULES_DIR / "bias" / "lexicon.yaml"
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_SPLIT = re.compile(r"[^a-z0-9+]+")
_PREFIXES = frozenset({"get", "is", "has", "set", "applicant", "the"})
#: Group terms too common or too short to read as a group when they name a variable by themselves.
_AMBIGUOUS_FLAGS = frozenset(
    "none other right left high low middle upper lower national domestic green independent pan ace wed "
    "mixed single old young aged rich poor national citizen native man men her him she they".split()
)


class _Attribute(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    words: list[str] = Field(default_factory=list)
    exact: list[str] = Field(default_factory=list)
    proxy_of: list[str] = Field(default_factory=list)


class _LexiconSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    version: int = 1
    attributes: dict[str, _Attribute]
    groups: dict[str, dict[str, list[str]]]


def words(identifier: str) -> tuple[str, ...]:
    """Lower-case words of an identifier: ``applicantGender`` and ``applicant_gender`` -> (applicant, gender)."""
    return tuple(w for w in _SPLIT.split(_CAMEL.sub(" ", identifier).lower()) if w)


def normalize_literal(text: str) -> str:
    """A literal as the lexicon stores terms: lower case, ``-_./`` as spaces, single spaces."""
    return " ".join(re.sub(r"[-_./]", " ", text.strip().lower()).split())


@dataclass(frozen=True)
class Lexicon:
    """Compiled lexicon: phrase lookups by attribute and by dimension."""

    attributes: dict[str, tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]]  # name -> (words, exact)
    proxies: dict[str, tuple[str, ...]]
    terms: dict[str, dict[str, str]]  # dimension -> normalized term -> group

    @property
    def dimensions(self) -> tuple[str, ...]:
        return tuple(self.attributes)

    def is_proxy(self, attribute: str) -> bool:
        return attribute in self.proxies

    def attribute_of(self, identifier: str) -> str | None:
        """The attribute an identifier names, by its longest matching phrase; None if it names none."""
        ws = words(identifier)
        core = ws[1:] if len(ws) > 1 and ws[0] in _PREFIXES else ws
        best: tuple[int, str] | None = None
        for name, (phrases, exact) in self.attributes.items():
            for phrase in exact:
                if phrase in (ws, core) and (best is None or len(phrase) > best[0]):
                    best = (len(phrase), name)
            for phrase in phrases:
                if _contains(ws, phrase) and (best is None or len(phrase) > best[0]):
                    best = (len(phrase), name)
        return best[1] if best else None

    def groups_of(self, literal: str, attribute: str) -> tuple[str, ...]:
        """Groups a literal denotes for an attribute: its own dimension first, then the proxied ones."""
        term = normalize_literal(literal)
        if not term:
            return ()
        dims = (attribute, *self.proxies.get(attribute, ()))
        found = tuple(self.terms[d][term] for d in dims if term in self.terms.get(d, {}))
        return tuple(dict.fromkeys(found))

    def group_flag(self, identifier: str) -> tuple[str, str] | None:
        """(dimension, group) for identifiers naming a group, such as ``is_female`` or ``hasDisability``."""
        ws = words(identifier)
        core = ws[1:] if len(ws) > 1 and ws[0] in ("is", "has") else ws
        term = " ".join(core)
        if len(term) < 4 or term in _AMBIGUOUS_FLAGS:
            return None
        for dimension, table in self.terms.items():
            if term in table:
                return dimension, table[term]
        return None


def _contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    n = len(needle)
    return any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


@functools.lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    spec, _, _ = load_model(path, _LexiconSpec)
    attributes = {
        name: (tuple(words(p) for p in a.words), tuple(words(p) for p in a.exact)) for name, a in spec.attributes.items()
    }
    proxies = {name: tuple(a.proxy_of) for name, a in spec.attributes.items() if a.proxy_of}
    terms: dict[str, dict[str, str]] = {}
    for dimension, groups in spec.groups.items():
        table = terms.setdefault(dimension, {})
        for group, spellings in groups.items():
            for s in (group, *spellings):
                table.setdefault(normalize_literal(s), group)
    return Lexicon(attributes, proxies, terms)
