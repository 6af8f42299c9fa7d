"""The embedded DuckDB database: articles, their event reports, and the merged events."""
from sitrep.store.database import DatabaseUnavailable, Store
from sitrep.store.events import EventFilter
from sitrep.store.merging import MergeSummary, merge_new

__all__ = ["DatabaseUnavailable", "EventFilter", "MergeSummary", "Store", "merge_new"]
