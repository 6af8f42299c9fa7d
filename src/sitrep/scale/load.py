"""`sitrep run` output into the database: each partition's articles with their reports,
stored as `ingest` stores them (an article already stored is skipped, a near-copy of a
stored story becomes its source), then merged into events."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pyarrow.parquet as pq

from sitrep.records import Article, EventReport, Processed
from sitrep.scale.work import done_marker
from sitrep.store import Store
from sitrep.store.intake import Intake, ingest

T = TypeVar("T")


def load(out: Path, store: Store, progress: Callable[[Iterable[Article], int], Iterable[Article]] = lambda items, _: items) -> tuple[int, Intake]:
    """Load the finished partitions (those with a done marker) of a run's output: how many,
    and what became of their articles. `progress` wraps the articles, given their number."""
    finished = [path for path in sorted((out / "articles").glob("part-*.parquet")) if done_marker(out, path.stem.removeprefix("part-")).exists()]
    total = sum(pq.ParquetFile(path).metadata.num_rows for path in finished)
    paired: dict[str, list[EventReport]] = {}

    def articles() -> Iterator[Article]:
        for articles_file in finished:
            reports = _Reports(out / "reports" / articles_file.name)
            for article in _records(articles_file, Article.from_dict):
                paired.clear()
                paired[article.id] = reports.of(article.id)
                yield article

    def extracted(fresh: Iterable[Article]) -> Iterator[Processed]:
        """The reports the run wrote for each article ingest admits (the one just read)."""
        return (Processed(article, paired.get(article.id, [])) for article in fresh)

    return len(finished), ingest(progress(articles(), total), store, extracted)


def _records(path: Path, make: Callable[[dict[str, Any]], T]) -> Iterator[T]:
    """A part file's records, a row group at a time."""
    if not path.exists():
        return
    parquet = pq.ParquetFile(path)
    for group in range(parquet.num_row_groups):
        for record in parquet.read_row_group(group, columns=["record"]).column("record").to_pylist():
            yield make(json.loads(record))


class _Reports:
    """A partition's reports, read alongside its articles: `work` writes an article's
    reports right after it, so one pass over both files, in constant memory, pairs them."""

    def __init__(self, path: Path) -> None:
        self._stream = _records(path, EventReport.from_dict)
        self._next = next(self._stream, None)

    def of(self, article_id: str) -> list[EventReport]:
        found = []
        while self._next is not None and self._next.article_id == article_id:
            found.append(self._next)
            self._next = next(self._stream, None)
        return found
