"""The stages in order, for one article or a stream of them: clean → triage → parse → extract → document → resolve."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from sitrep import nlp
from sitrep.clean import clean_article
from sitrep.document import document_events
from sitrep.extraction import read_mentions
from sitrep.guard import guarded_article, reading
from sitrep.records import Article, EventReport, Processed
from sitrep.resolve.reports import resolve_drafts
from sitrep.triage.relevance import triage

EXTRACTED_LANGUAGES = {"en", None}
"""Other languages are stored, marked with their language, and not extracted (yet)."""


def reports_for(article: Article, doc: Doc) -> list[EventReport]:
    """`article` must be cleaned and `doc` its parse."""
    with reading(article.id):
        return resolve_drafts(article, document_events(article, doc, read_mentions(article, doc)))


def process(articles: Iterable[Article], relevance_filter: bool = True) -> Iterator[Processed]:
    """Clean each article, parse in batches, and yield it (cleaned) with its reports.

    One article that cannot be processed is reported and skipped; the stream goes on. An
    article in a language sitrep does not extract is passed on with no reports, and so is
    one the relevance stage finds unrelated (marked `filtered`, unless `relevance_filter`
    is off)."""
    pipeline = nlp.load()
    unparsed: list[Processed] = []

    def parseable() -> Iterator[tuple[str, Article]]:
        for raw in articles:
            article = guarded_article(raw, "cleaning", clean_article)
            if isinstance(article, Processed):
                unparsed.append(article)
            elif len(article.text) > pipeline.max_length:
                unparsed.append(Processed(article, error=f"text of {len(article.text):,} characters is over the {pipeline.max_length:,}-character limit"))
            elif not article.text.strip():
                unparsed.append(Processed(article, error="no story text left after removing site chrome"))
            elif article.language not in EXTRACTED_LANGUAGES or (relevance_filter and triage(article).filtered):
                unparsed.append(Processed(article))
            else:
                yield article.text, article

    for doc, article in pipeline.pipe(parseable(), as_tuples=True, batch_size=nlp.BATCH_SIZE):
        yield from _drain(unparsed)
        reports = guarded_article(article, "extraction", lambda a: reports_for(a, doc))
        yield reports if isinstance(reports, Processed) else Processed(article, reports)
    yield from _drain(unparsed)


def _drain(unparsed: list[Processed]) -> Iterator[Processed]:
    while unparsed:
        yield unparsed.pop(0)
