"""sitrep: news reports of armed conflict in, a sourced, evidenced event database out.

    >>> import sitrep
    >>> reports = sitrep.extract(text, published="2024-05-01")
"""
from __future__ import annotations

from datetime import date, datetime

from sitrep.records import Article, Event, EventReport

__all__ = ["Article", "Event", "EventReport", "extract"]


def extract(text: str, published: str | date | datetime | None = None, article_id: str = "text") -> list[EventReport]:
    """Event reports in one article's text, no database; relative dates resolve against
    `published`. The language model loads on the first call, not on `import sitrep`."""
    from sitrep.api import extract_text

    return extract_text(text, published, article_id)
