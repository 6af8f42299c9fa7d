"""Articles into the database, as `sitrep ingest`, `sitrep load` and the clusters eval do
it: each article is skipped (this content is stored already), kept as another source of a
stored story it copies (a syndicated wire report), or extracted and stored with its
reports, each in its own transaction; the reports are merged into events as it goes."""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from sitrep.clean.duplicates import copy_of, fingerprint
from sitrep.guard import guarded_article
from sitrep.records import Article, EventReport, Processed
from sitrep.store.database import Store
from sitrep.store.merging import MergeSummary, merge_new

RECENT_FOR_COPIES = 1000
"""Articles read in this run but perhaps not committed yet, compared with each new one."""
MERGE_EVERY = 2000
"""Stored articles between merges, so a long ingest holds few unmerged reports at once."""


@dataclass
class Intake:
    stored: int = 0
    filtered: int = 0
    """Of those stored, how many the relevance stage found unrelated (stored unparsed)."""
    skipped: int = 0
    copies: int = 0
    reports: int = 0
    merged: MergeSummary = field(default_factory=lambda: MergeSummary(0, 0, 0, 0))

    def admit(self, store: Store, article: Article, recent: Iterable[Article] = ()) -> bool:
        """True when the article is new; a copy of a stored story, or of one in `recent`
        (read earlier in this run, perhaps not committed yet), is recorded as its source.
        Content stored unparsed by the relevance stage is new again: the stage judges it
        anew, and with the filter off it is extracted."""
        article.fingerprint = fingerprint(article.text)
        if store.has_content(article.raw_hash, counting_filtered=False):
            self.skipped += 1
            return False
        original = store.near_duplicate(article) or copy_of(article, recent)
        if original is not None:
            store.add_copy(original, article)
            self.copies += 1
            return False
        return True

    def keep(self, store: Store, article: Article, reports: list[EventReport]) -> bool:
        """Store a new article with its reports; False when its content was stored meanwhile."""
        if store.add(article, reports):
            self.stored += 1
            self.filtered += article.filtered
            self.reports += sum(not r.background for r in reports)
            return True
        self.skipped += 1
        return False


def ingest(
    articles: Iterable[Article], store: Store, extract: Callable[[Iterable[Article]], Iterable[Processed]],
    failed: Callable[[Processed], None] = lambda _: None,
) -> Intake:
    """Store what is new, keep copies of stored stories as their sources, and merge.

    `extract` turns the new articles into their reports (the pipeline, or reports read
    back from a `sitrep run`); an article it could not process goes to `failed`, and the
    batch goes on."""
    intake = Intake()

    def fresh() -> Iterator[Article]:
        recent: deque[Article] = deque(maxlen=RECENT_FOR_COPIES)
        for article in articles:
            admitted = guarded_article(article, "admission", lambda a: intake.admit(store, a, recent))
            if isinstance(admitted, Processed):
                failed(admitted)
            elif admitted:
                if article.fingerprint is not None:
                    recent.append(article)
                yield article

    for result in extract(fresh()):
        kept = guarded_article(result.article, "storing", lambda a: intake.keep(store, a, result.reports)) if result.error is None else result
        if isinstance(kept, Processed):
            failed(kept)
        elif kept and intake.stored % MERGE_EVERY == 0:
            intake.merged = intake.merged + merge_new(store)
    intake.merged = intake.merged + merge_new(store)
    return intake
