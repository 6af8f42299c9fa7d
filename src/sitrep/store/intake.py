"""What becomes of an article offered to the database: skipped (this content is stored
already), kept as another source of a stored story it copies (a syndicated wire report),
or stored with its reports; counted for the summary lines of `ingest` and `load`."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sitrep.clean.duplicates import copy_of, fingerprint
from sitrep.records import Article, EventReport
from sitrep.store.database import Store
from sitrep.store.merging import MergeSummary


@dataclass
class Intake:
    stored: int = 0
    skipped: int = 0
    copies: int = 0
    reports: int = 0
    merged: MergeSummary = field(default_factory=lambda: MergeSummary(0, 0, 0, 0))

    def admit(self, store: Store, article: Article, recent: Iterable[Article] = ()) -> bool:
        """True when the article is new; a copy of a stored story, or of one in `recent`
        (read earlier in this run, perhaps not committed yet), is recorded as its source."""
        article.fingerprint = fingerprint(article.text)
        if store.has_content(article.raw_hash):
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
            self.reports += sum(not r.background for r in reports)
            return True
        self.skipped += 1
        return False
