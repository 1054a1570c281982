"""Shared fixtures: one hostile stored run, built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.reports import RunView, load_view
from auditor.store import Store
from tests.reports import builders


@pytest.fixture(scope="session")
def hostile_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    path = tmp_path_factory.mktemp("reports") / "runs.sqlite"
    return path, builders.build(path)


@pytest.fixture(scope="session")
def hostile_view(hostile_store: tuple[Path, str]) -> RunView:
    path, run_id = hostile_store
    with Store(path) as store:
        return load_view(store, run_id)
