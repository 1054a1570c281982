"""Tests of the bias family (issue 5)."""
