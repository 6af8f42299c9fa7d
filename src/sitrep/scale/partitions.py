"""The input cut into partitions, each a task: a table or web archive file alone (they are
the shards a crawl or a dump comes in), small files (texts, pages, feeds) in groups.
A partition's id is a hash of its files, so a re-run recognises the work it did."""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sitrep.read.errors import ReadError
from sitrep.read.sources import TABLE_SUFFIXES, expand_paths
from sitrep.read.warc import is_warc

FILES_PER_PARTITION = 200


@dataclass(frozen=True)
class Partition:
    id: str
    paths: tuple[str, ...]


def partitions(
    inputs: Iterable[str], files_per_partition: int = FILES_PER_PARTITION, manifest: str | None = None
) -> tuple[list[Partition], list[ReadError]]:
    """The partitions of the inputs (the manifest is metadata, not input), and the inputs
    that name nothing readable."""
    shards, small, missing = [], [], []
    skipped = Path(manifest).resolve() if manifest else None
    for path in expand_paths(inputs):
        if isinstance(path, ReadError):
            missing.append(path)
        elif path.resolve() == skipped:
            continue
        elif path.suffix.lower() in TABLE_SUFFIXES or is_warc(path):
            shards.append((str(path),))
        else:
            small.append(str(path))
    groups = shards + [tuple(small[i : i + files_per_partition]) for i in range(0, len(small), files_per_partition)]
    return [Partition(_id(group), group) for group in groups], missing


def _id(paths: tuple[str, ...]) -> str:
    digest = hashlib.sha1()
    for path in paths:
        resolved = Path(path).resolve()
        digest.update(f"{resolved}\0{resolved.stat().st_size}\0{resolved.stat().st_mtime_ns}\n".encode("utf-8"))
    return digest.hexdigest()[:16]
