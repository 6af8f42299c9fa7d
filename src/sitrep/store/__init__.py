"""The embedded DuckDB database: articles and their event reports."""
from sitrep.store.database import EventFilter, Store

__all__ = ["EventFilter", "Store"]
