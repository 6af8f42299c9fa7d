"""The Python API: text in, reports out, no database."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sitrep import nlp
from sitrep.extraction.arguments import place_candidates
from sitrep.pipeline import process
from sitrep.read.fields import parse_published
from sitrep.records import Article, EventReport
from sitrep.resolve.places import Place, resolve_places


def extract_text(text: str, published: str | date | datetime | None = None, article_id: str = "text") -> list[EventReport]:
    """Event reports in one article's text; relative dates resolve against `published`. A
    text asked for by itself is always parsed: the relevance stage is for streams."""
    article = Article(id=article_id, text=text, published=parse_published(published))
    result = next(process([article], relevance_filter=False))
    if result.error is not None:
        raise ValueError(result.error)
    return result.reports


@dataclass(frozen=True)
class FoundPlace:
    """A place name in a text, where it is, and what the gazetteer makes of it."""

    text: str
    start: int
    end: int
    place: Place | None


def find_places(text: str) -> list[FoundPlace]:
    """Every place name the extractor would consider, resolved in the text's context; a
    name the gazetteer does not know is kept with place None."""
    doc = nlp.parse(text)
    spans = sorted({(s.start_char, s.end_char): s for sentence in doc.sents for s in place_candidates(sentence)}.values(), key=lambda s: s.start_char)
    resolved = resolve_places(text, [s.text for s in spans])
    return [FoundPlace(span.text, span.start_char, span.end_char, place) for span, (_, place) in zip(spans, resolved)]
