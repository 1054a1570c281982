"""What the refusal classifier reads: word n-grams of the prose, plus a few numbers from the patterns.

The same functions build the features when training (``train.py``, through scikit-learn's
``TfidfVectorizer(analyzer=terms)``) and when scoring (``model.py``, in plain Python), so the
shipped model means the same thing in both places. Code never reaches the classifier: the caller
passes the prose of a response (``auditor.analyzers.refusal.prose_text``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["DENSE", "terms", "dense_vector"]

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_NORMAL = (
    ("’", "'"), ("‘", "'"), ("can't", "cannot"), ("can not", "cannot"), ("won't", "will not"), ("n't", " not"),
)

#: Dense features, in order: evidence from the anchored patterns and the shape of the response.
DENSE = ("pattern_strong", "pattern_weak", "pattern_lead", "pattern_share", "has_code")


def terms(prose: str) -> list[str]:
    """Lower-cased word unigrams and bigrams; contractions spelled out ("can't" -> "cannot")."""
    text = prose.lower()
    for old, new in _NORMAL:
        text = text.replace(old, new)
    words = _WORD.findall(text)
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


def dense_vector(strengths: Sequence[tuple[str, int]], sentences: int, has_code: bool) -> list[float]:
    """``strengths``: (strong|weak, sentence index) for each refusal sentence the patterns found."""
    strong = [index for strength, index in strengths if strength == "strong"]
    weak = any(strength == "weak" for strength, _ in strengths)
    return [
        1.0 if strong else 0.0,
        1.0 if weak and not strong else 0.0,
        1.0 if any(index <= 1 for index in strong) else 0.0,
        len(strengths) / sentences if sentences else 0.0,
        1.0 if has_code else 0.0,
    ]
