"""`sitrep run` output into the database: each partition's articles with their reports,
stored as `ingest` stores them (an article already stored is skipped, a near-copy of a
stored story becomes its source), then merged into events."""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq

from sitrep.clean.duplicates import fingerprint
from sitrep.records import Article, EventReport
from sitrep.scale.work import done_marker
from sitrep.store import MergeSummary, Store, merge_new


@dataclass
class Loaded:
    partitions: int = 0
    stored: int = 0
    skipped: int = 0
    copies: int = 0
    reports: int = 0
    merged: MergeSummary | None = None


def load(out: Path, store: Store) -> Loaded:
    """Load the finished partitions (those with a done marker) of a run's output."""
    counts = Loaded()
    for articles_file in sorted((out / "articles").glob("part-*.parquet")):
        partition_id = articles_file.stem.removeprefix("part-")
        if not done_marker(out, partition_id).exists():
            continue
        counts.partitions += 1
        reports = _reports(out / "reports" / articles_file.name)
        for article in _articles(articles_file):
            article.fingerprint = fingerprint(article.text)
            if store.has_content(article.raw_hash):
                counts.skipped += 1
            elif (original := store.near_duplicate(article)) is not None:
                store.add_copy(original, article)
                counts.copies += 1
            elif store.add(article, reports.get(article.id, [])):
                counts.stored += 1
                counts.reports += len(reports.get(article.id, []))
    counts.merged = merge_new(store)
    return counts


def _articles(path: Path) -> Iterator[Article]:
    parquet = pq.ParquetFile(path)
    for group in range(parquet.num_row_groups):
        for record in parquet.read_row_group(group, columns=["record"]).column("record").to_pylist():
            yield Article.from_dict(json.loads(record))


def _reports(path: Path) -> dict[str, list[EventReport]]:
    found: dict[str, list[EventReport]] = defaultdict(list)
    if path.exists():
        for record in pq.read_table(path, columns=["record"]).column("record").to_pylist():
            report = EventReport.from_dict(json.loads(record))
            found[report.article_id].append(report)
    return found
