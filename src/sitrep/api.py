"""The Python API: text in, reports out, no database."""
from __future__ import annotations

from datetime import date, datetime

from sitrep.pipeline import process
from sitrep.read.fields import parse_published
from sitrep.records import Article, EventReport


def extract_text(text: str, published: str | date | datetime | None = None, article_id: str = "text") -> list[EventReport]:
    """Event reports in one article's text; relative dates resolve against `published`."""
    article = Article(id=article_id, text=text, published=parse_published(published))
    result = next(process([article]))
    if result.error is not None:
        raise ValueError(result.error)
    return result.reports
