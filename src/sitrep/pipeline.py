"""The stages in order, for one article or a stream of them: clean → parse → extract → resolve."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from sitrep import nlp
from sitrep.clean import clean_article
from sitrep.extract import extract_drafts
from sitrep.records import Article, EventReport
from sitrep.resolve import resolve_drafts


def reports_for(article: Article, doc: Doc) -> list[EventReport]:
    """`article` must be cleaned and `doc` its parse."""
    return resolve_drafts(article, extract_drafts(article, doc))


def process(articles: Iterable[Article]) -> Iterator[tuple[Article, list[EventReport]]]:
    """Clean each article, parse in batches, and yield it (cleaned) with its reports."""
    cleaned = ((a.text, a) for a in map(clean_article, articles))
    for doc, article in nlp.load().pipe(cleaned, as_tuples=True, batch_size=nlp.BATCH_SIZE):
        yield article, reports_for(article, doc)
