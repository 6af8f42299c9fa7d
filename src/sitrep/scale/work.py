"""One partition on a worker: read, clean, extract and resolve its articles, and write
them and their reports as Parquet. The files are written under temporary names and
renamed, then a marker says the partition is done: a killed task leaves no half file
that a re-run or `load` would take for finished work."""
from __future__ import annotations

import json
import os
import resource
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from sitrep.pipeline import process
from sitrep.read import ReadError, iter_articles
from sitrep.read.manifest import load_manifest
from sitrep.records import Article
from sitrep.scale.partitions import Partition

ARTICLES = pa.schema([("id", pa.string()), ("raw_hash", pa.string()), ("partition", pa.string()), ("record", pa.string())])
ROW_GROUP = 500
REPORTS = pa.schema([("report_id", pa.string()), ("article_id", pa.string()), ("partition", pa.string()), ("record", pa.string())])


@dataclass
class PartitionResult:
    id: str
    paths: list[str]
    articles: int = 0
    filtered: int = 0
    reports: int = 0
    errors: list[str] = field(default_factory=list)
    worker_peak_rss_mb: float = 0.0


def done_marker(out: Path, partition_id: str) -> Path:
    return out / "done" / f"{partition_id}.json"


def process_partition(partition: Partition, out: str, manifest: str | None = None, html: str = "precise", relevance_filter: bool = True) -> PartitionResult:
    """Run on a worker; the NLP model and the gazetteer load once per worker process. The
    articles stream through and are written a row group at a time: a 10 GB web archive
    is one partition in constant memory."""
    folder = Path(out)
    result = PartitionResult(partition.id, list(partition.paths))

    def readable() -> Iterator[Article]:
        for item in iter_articles(partition.paths, load_manifest(Path(manifest)) if manifest else None, html):
            if isinstance(item, ReadError):
                result.errors.append(str(item))
            else:
                yield item

    with _Shard(folder / "articles" / f"part-{partition.id}.parquet", ARTICLES) as articles, \
            _Shard(folder / "reports" / f"part-{partition.id}.parquet", REPORTS) as reports:
        for processed in process(readable(), relevance_filter):
            if processed.error is not None:
                result.errors.append(f"{processed.article.source_path or processed.article.id}: {processed.error}")
                continue
            article = processed.article
            articles.add((article.id, article.raw_hash, partition.id, json.dumps(article.to_dict())))
            for report in processed.reports:
                reports.add((report.report_id, report.article_id, partition.id, json.dumps(report.to_dict())))
            result.articles += 1
            result.filtered += article.filtered
            result.reports += len(processed.reports)
    result.worker_peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    _write_text(done_marker(folder, partition.id), json.dumps(asdict(result), indent=1))
    return result


class _Shard:
    """A Parquet file written a row group at a time under a temporary name, renamed when whole."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path, self.schema = path, schema
        self.temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        self.writer = pq.ParquetWriter(self.temporary, schema)
        self.rows: list[tuple[str, ...]] = []

    def add(self, row: tuple[str, ...]) -> None:
        self.rows.append(row)
        if len(self.rows) >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        columns = [pa.array([row[i] for row in self.rows], type=self.schema.field(i).type) for i in range(len(self.schema))]
        self.writer.write_table(pa.Table.from_arrays(columns, schema=self.schema))
        self.rows = []

    def __enter__(self) -> _Shard:
        return self

    def __exit__(self, kind: object, *rest: object) -> None:
        if self.rows:
            self._flush()
        self.writer.close()
        if kind is None:
            os.replace(self.temporary, self.path)
        else:
            self.temporary.unlink(missing_ok=True)


def _write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
