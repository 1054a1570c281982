"""The SQLite run store and its schema migrations."""

from auditor.store.schema import SCHEMA_VERSION
from auditor.store.sqlite import Store

__all__ = ["SCHEMA_VERSION", "Store"]
