"""sitrep: news reports of armed conflict in, a sourced, evidenced event database out.

    >>> import sitrep
    >>> reports = sitrep.extract(text, published="2024-05-01")
    >>> sitrep.open("sitrep.duckdb").events(country="Mali", since="2024-01-01")  # a DataFrame
"""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sitrep.records import Article, Event, EventReport

if TYPE_CHECKING:
    from sitrep.api import Database

__all__ = ["Article", "Event", "EventReport", "extract", "open"]


def extract(text: str, published: str | date | datetime | None = None, article_id: str = "text") -> list[EventReport]:
    """Event reports in one article's text, no database; relative dates resolve against
    `published`. The language model loads on the first call, not on `import sitrep`."""
    from sitrep.api import extract_text

    return extract_text(text, published, article_id)


def open(db: str | Path = "sitrep.duckdb") -> Database:
    """A database read as tables: `.events(country=..., since=...)` and `.reports(...)` as
    pandas DataFrames, `.events_table()` as Arrow (for polars). Opened read-only, per call."""
    from sitrep.api import Database

    if not Path(db).exists():
        raise FileNotFoundError(f"no database {db}: run sitrep ingest (or sitrep demo) first")
    return Database(Path(db))
