"""Bias: attribute-use analysis of generated decision code, sandboxed counterfactual execution,
synthetic populations and the corpus evaluation. Metrics over these live in ``auditor.metrics.bias``."""
