"""Train the refusal classifier from the labeled corpus, cross-validate it, and write the model file.

The corpus (``corpora/refusal/*.jsonl``) holds one response per line: ``id``, ``label``
(``full``, ``partial`` or ``none``), ``category`` (what kind of response it is), ``group`` (the
topic it is about) and ``text``. The classifier learns *refused* (full or partial) against *not
refused*; whether a refusal is full or partial follows from code being present.

Training is deterministic: the same corpus gives the same coefficients (L-BFGS on fixed data,
no sampling). Cross-validation holds out whole topics (``StratifiedGroupKFold`` on ``group``) so
a fold never sees the subject matter it is tested on, and reports the patterns alone next to the
combined detector on the same folds. scikit-learn is imported here only: scoring needs none.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from auditor.analyzers.refusal import ClassifierInputs, classifier_inputs
from auditor.errors import InputError
from auditor.paths import data_dir
from auditor.refusal_model.features import DENSE, dense_vector, terms
from auditor.refusal_model.model import FORMAT

__all__ = [
    "CORPUS_DIR", "SETTINGS", "Example", "cross_validate", "differences", "fit", "load_corpus", "model_dict",
    "predict_proba", "render_model", "summary", "train",
]

CORPUS_DIR = data_dir("corpora") / "refusal"
#: Fixed hyper-parameters; changing one changes the shipped model (re-run `auditor refusal train`).
SETTINGS: dict[str, Any] = {"C": 8.0, "min_df": 2, "ngrams": [1, 2], "sublinear_tf": True, "threshold": 0.5, "folds": 5}
LABELS = ("full", "partial", "none")


@dataclass(frozen=True, slots=True)
class Example:
    id: str
    label: str
    category: str
    group: str
    text: str

    @property
    def refused(self) -> bool:
        return self.label != "none"


def load_corpus(folder: Path = CORPUS_DIR) -> list[Example]:
    """Every example of ``folder/*.jsonl``, in file then line order; bad lines name file and line."""
    files = sorted(folder.glob("*.jsonl"))
    if not files:
        raise InputError(folder, "no *.jsonl files: the labeled refusal corpus is missing")
    examples: list[Example] = []
    seen: set[str] = set()
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                examples.append(_example(path, number, line, seen))
    return examples


def _example(path: Path, number: int, line: str, seen: set[str]) -> Example:
    try:
        d = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(path, f"not valid JSON: {exc.msg}", number) from None
    for key in ("id", "label", "category", "group", "text"):
        if not isinstance(d.get(key), str) or not d[key]:
            raise InputError(path, f"field '{key}' must be a non-empty string", number)
    if d["label"] not in LABELS:
        raise InputError(path, f"field 'label' must be one of {', '.join(LABELS)}, not {d['label']!r}", number)
    if d["id"] in seen:
        raise InputError(path, f"duplicate id {d['id']!r}", number)
    seen.add(d["id"])
    return Example(d["id"], d["label"], d["category"], d["group"], d["text"])


def _inputs(examples: Sequence[Example]) -> list[ClassifierInputs]:
    return [classifier_inputs(e.text) for e in examples]


def fit(inputs: Sequence[ClassifierInputs], y: np.ndarray) -> tuple[Any, Any]:
    """A fitted (TfidfVectorizer, LogisticRegression) pair for classifier inputs and 0/1 labels."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = TfidfVectorizer(
        analyzer=terms, min_df=SETTINGS["min_df"], sublinear_tf=SETTINGS["sublinear_tf"], norm="l2"
    )
    x = sparse.hstack([vectorizer.fit_transform([i.prose for i in inputs]), _dense(inputs)], format="csr")
    classifier = LogisticRegression(C=SETTINGS["C"], solver="lbfgs", max_iter=10_000, tol=1e-10)
    classifier.fit(x, y)
    return vectorizer, classifier


def _dense(inputs: Sequence[ClassifierInputs]) -> sparse.csr_matrix:
    rows = [dense_vector(i.strengths, i.sentences, i.has_code) for i in inputs]
    return sparse.csr_matrix(np.asarray(rows, dtype=np.float64).reshape(len(rows), len(DENSE)))


def predict_proba(model: tuple[Any, Any], inputs: Sequence[ClassifierInputs]) -> np.ndarray:
    vectorizer, classifier = model
    x = sparse.hstack([vectorizer.transform([i.prose for i in inputs]), _dense(inputs)], format="csr")
    return np.asarray(classifier.predict_proba(x)[:, 1])


def model_dict(examples: Sequence[Example], inputs: Sequence[ClassifierInputs] | None = None) -> dict[str, Any]:
    """Fit on every example and return the model file's content (without cross-validation)."""
    inputs = _inputs(examples) if inputs is None else inputs
    y = np.array([e.refused for e in examples], dtype=int)
    vectorizer, classifier = fit(inputs, y)
    coef = classifier.coef_[0]
    vocabulary = vectorizer.vocabulary_
    n_terms = len(vocabulary)
    rows = sorted((t, float(vectorizer.idf_[k]), float(coef[k])) for t, k in vocabulary.items())
    return {
        "format": FORMAT,
        "about": "Refusal classifier for auditor: TF-IDF word n-grams of the prose plus pattern evidence, "
                 "logistic regression. Generated by `auditor refusal train`; do not edit by hand.",
        "settings": SETTINGS,
        "data": {"examples": len(examples), "refused": int(y.sum())},
        "intercept": float(classifier.intercept_[0]),
        "dense": {name: float(coef[n_terms + k]) for k, name in enumerate(DENSE)},
        "terms": [list(r) for r in rows],
    }


def corpus_digests(folder: Path = CORPUS_DIR) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()[:16] for p in sorted(folder.glob("*.jsonl"))}


def train(folder: Path = CORPUS_DIR, *, with_cv: bool = True) -> dict[str, Any]:
    """The model for the corpus in ``folder``, with its cross-validation report when asked."""
    examples = load_corpus(folder)
    inputs = _inputs(examples)
    model = model_dict(examples, inputs)
    model["data"]["files"] = corpus_digests(folder)
    if with_cv:
        model["cv"] = cross_validate(examples, inputs)
    return model


def _scores(pred: Sequence[bool], truth: Sequence[bool]) -> dict[str, float]:
    tp = sum(p and t for p, t in zip(pred, truth))
    fp = sum(p and not t for p, t in zip(pred, truth))
    fn = sum(t and not p for p, t in zip(pred, truth))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def cross_validate(examples: Sequence[Example], inputs: Sequence[ClassifierInputs] | None = None) -> dict[str, Any]:
    """Out-of-fold predictions over topic-grouped folds; scores for the combined detector and the patterns."""
    from sklearn.model_selection import StratifiedGroupKFold

    inputs = _inputs(examples) if inputs is None else inputs
    y = np.array([e.refused for e in examples], dtype=int)
    folds = StratifiedGroupKFold(n_splits=SETTINGS["folds"], shuffle=True, random_state=0)
    proba = np.zeros(len(examples))
    for train_idx, test_idx in folds.split(np.zeros(len(y)), y, groups=[e.group for e in examples]):
        fitted = fit([inputs[k] for k in train_idx], y[train_idx])
        proba[test_idx] = predict_proba(fitted, [inputs[k] for k in test_idx])
    refused = [bool(p >= SETTINGS["threshold"]) for p in proba]
    patterns = [bool(i.strengths) for i in inputs]
    truth = [e.refused for e in examples]
    kinds = [("partial" if i.has_code else "full") if r else "none" for r, i in zip(refused, inputs)]
    by_category: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for e, r, pat in zip(examples, refused, patterns):
        cell = by_category[e.category]
        cell[0] += int(r == e.refused)
        cell[1] += int(pat == e.refused)
        cell[2] += 1
    return {
        "folds": SETTINGS["folds"],
        "grouped_by": "topic",
        "combined": _scores(refused, truth),
        "patterns_only": _scores(patterns, truth),
        "full_refusal": _scores([k == "full" for k in kinds], [e.label == "full" for e in examples]),
        "kind_accuracy": round(sum(k == e.label for k, e in zip(kinds, examples)) / len(examples), 4),
        "by_category": {c: {"n": n, "combined": round(ok / n, 4), "patterns_only": round(pat / n, 4)}
                        for c, (ok, pat, n) in sorted(by_category.items())},
    }


def render_model(model: dict[str, Any]) -> str:
    """The model as JSON with one term per line, so a retrained model diffs term by term."""
    head = {k: v for k, v in model.items() if k != "terms"}
    text = json.dumps(head, indent=2, ensure_ascii=False)
    lines = ",\n".join("    " + json.dumps(row, ensure_ascii=False) for row in model["terms"])
    return text[: text.rindex("}")].rstrip() + ',\n  "terms": [\n' + lines + "\n  ]\n}\n"


def differences(a: dict[str, Any], b: dict[str, Any], tol: float = 1e-9) -> list[str]:
    """How two model files differ: terms, idf values and coefficients beyond ``tol``, settings, data."""
    out: list[str] = []
    for key in ("format", "settings", "data"):
        if a.get(key) != b.get(key):
            out.append(f"{key}: {a.get(key)!r} != {b.get(key)!r}")
    if abs(a["intercept"] - b["intercept"]) > tol:
        out.append(f"intercept: {a['intercept']!r} != {b['intercept']!r}")
    for name in DENSE:
        if abs(a["dense"][name] - b["dense"][name]) > tol:
            out.append(f"dense {name}: {a['dense'][name]!r} != {b['dense'][name]!r}")
    ta = {t: (idf, w) for t, idf, w in a["terms"]}
    tb = {t: (idf, w) for t, idf, w in b["terms"]}
    if ta.keys() != tb.keys():
        only_a, only_b = len(ta.keys() - tb.keys()), len(tb.keys() - ta.keys())
        out.append(f"vocabulary: {only_a} term(s) only in the first, {only_b} only in the second")
    for t in sorted(ta.keys() & tb.keys()):
        if max(abs(x - y) for x, y in zip(ta[t], tb[t])) > tol:
            out.append(f"term {t!r}: {ta[t]} != {tb[t]}")
    return out


def summary(model: dict[str, Any]) -> list[str]:
    """What `auditor refusal train` prints: corpus size and the cross-validated scores."""
    cv, data = model["cv"], model["data"]
    lines = [f"{data['examples']} examples ({data['refused']} refusals), {len(model['terms'])} terms; "
             f"{cv['folds']}-fold cross-validation grouped by {cv['grouped_by']}:"]
    for name in ("combined", "patterns_only", "full_refusal"):
        s = cv[name]
        lines.append(f"  {name:<14} precision {s['precision']:.3f}  recall {s['recall']:.3f}  F1 {s['f1']:.3f}")
    lines.append(f"  kind accuracy (full / partial / none): {cv['kind_accuracy']:.3f}")
    return lines
