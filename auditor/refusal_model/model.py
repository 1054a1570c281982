"""The shipped refusal classifier, scored in plain Python from its JSON file (no scikit-learn at run time).

The file (``refusal_model/model.json``) holds, one term per line, the TF-IDF vocabulary with each
term's inverse document frequency and logistic-regression coefficient, then the coefficients of
the dense features and the intercept. Scoring a response is exactly scikit-learn's
``TfidfVectorizer(sublinear_tf=True, norm="l2")`` followed by ``LogisticRegression.predict_proba``:

    x_t = (1 + ln count(t)) · idf(t) for the response's terms t, scaled to unit length
    p   = sigmoid(Σ x_t · w_t + Σ d_i · v_i + b)
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditor.errors import AuditorError
from auditor.refusal_model.features import DENSE, dense_vector, terms

__all__ = ["FORMAT", "MODEL_PATH", "RefusalModel", "load_model", "shipped_model"]

FORMAT = "auditor.refusal-model/1"
MODEL_PATH = Path(__file__).with_name("model.json")


@dataclass(frozen=True)
class RefusalModel:
    weights: dict[str, tuple[float, float]]  # term -> (idf, coefficient)
    dense: tuple[float, ...]  # coefficients of DENSE, in order
    intercept: float
    threshold: float
    digest: str  # short hash of the file, for the analyzer's version

    def decision(self, prose: str, strengths: Sequence[tuple[str, int]], sentences: int, has_code: bool) -> float:
        """The logistic regression's decision value (log-odds that the response refuses)."""
        return self.text_score(prose) + self._dense_score(strengths, sentences, has_code) + self.intercept

    def probability(self, prose: str, strengths: Sequence[tuple[str, int]], sentences: int, has_code: bool) -> float:
        z = self.decision(prose, strengths, sentences, has_code)
        return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))

    def text_score(self, prose: str) -> float:
        """The TF-IDF part of the decision: how much the words alone say "refusal"."""
        counts = Counter(t for t in terms(prose) if t in self.weights)
        if not counts:
            return 0.0
        values = [((1.0 + math.log(n)) * self.weights[t][0], self.weights[t][1]) for t, n in counts.items()]
        norm = math.sqrt(sum(v * v for v, _ in values))
        return sum(v * w for v, w in values) / norm

    def _dense_score(self, strengths: Sequence[tuple[str, int]], sentences: int, has_code: bool) -> float:
        return sum(x * w for x, w in zip(dense_vector(strengths, sentences, has_code), self.dense, strict=True))


def load_model(path: Path = MODEL_PATH) -> RefusalModel:
    try:
        raw = path.read_bytes()
        data: dict[str, Any] = json.loads(raw)
    except (OSError, ValueError) as exc:
        raise AuditorError(f"cannot read the refusal model {path}: {exc}") from None
    if data.get("format") != FORMAT or list(data.get("dense", {})) != list(DENSE):
        raise AuditorError(f"{path} is not a {FORMAT} file with dense features {', '.join(DENSE)}")
    return RefusalModel(
        weights={term: (float(idf), float(coef)) for term, idf, coef in data["terms"]},
        dense=tuple(float(data["dense"][name]) for name in DENSE),
        intercept=float(data["intercept"]),
        threshold=float(data["settings"]["threshold"]),
        digest=hashlib.sha256(raw).hexdigest()[:8],
    )


@functools.lru_cache(maxsize=1)
def shipped_model() -> RefusalModel:
    """The model bundled with auditor, read once on first use (never at import)."""
    return load_model(MODEL_PATH)
