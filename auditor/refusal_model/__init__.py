"""The learned half of refusal detection: a logistic regression over TF-IDF word n-grams of a
response's prose plus the anchored patterns' evidence (``auditor.analyzers.refusal``).

* ``features`` — what the model reads (shared by training and scoring).
* ``model`` — the shipped ``model.json`` scored in plain Python; ``shipped_model()`` loads it once.
* ``train`` — fitting and cross-validation with scikit-learn, run by ``auditor refusal train``
  (imported only then: scoring needs neither scikit-learn nor numpy).
"""

from auditor.refusal_model.model import FORMAT, MODEL_PATH, RefusalModel, load_model, shipped_model

__all__ = ["FORMAT", "MODEL_PATH", "RefusalModel", "load_model", "shipped_model"]
