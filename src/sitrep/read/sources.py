"""Paths, folders and globs → Articles (or ReadErrors), one input at a time."""
from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sitrep.read.errors import ReadError
from sitrep.read.feeds import is_feed, read_feed
from sitrep.read.fields import article_from_row
from sitrep.read.html import is_page, read_page
from sitrep.read.manifest import Manifest
from sitrep.read.tabular import iter_rows, row_text
from sitrep.read.text import read_text
from sitrep.read.warc import is_warc, read_warc
from sitrep.records import Article

TEXT_SUFFIXES = {".txt", ".text"}
TABLE_SUFFIXES = {".jsonl", ".csv"}


def expand_paths(inputs: Iterable[str]) -> Iterator[Path | ReadError]:
    """Files as given, folders walked for supported files, globs expanded, in sorted order."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and _supported(p))
        elif path.exists():
            yield path
        elif glob.has_magic(item):
            matches = sorted(Path(p) for p in glob.glob(item, recursive=True) if Path(p).is_file())
            yield from matches or [ReadError(item, "no file matches this pattern")]
        else:
            yield ReadError(item, "no such file or directory")


def _supported(path: Path) -> bool:
    return path.suffix.lower() in TEXT_SUFFIXES | TABLE_SUFFIXES or is_page(path) or is_warc(path) or is_feed(path)


def iter_articles(inputs: Iterable[str], manifest: Manifest | None = None, html: str = "precise") -> Iterator[Article | ReadError]:
    """`html` names the page extractor (read/html.py): `precise` or `fast`."""
    manifest = manifest or Manifest()
    for path in expand_paths(inputs):
        if isinstance(path, ReadError):
            yield path
        elif manifest.path is not None and path.resolve() == manifest.path:
            continue
        elif path.suffix.lower() in TABLE_SUFFIXES:
            yield from _table_articles(path)
        elif path.suffix.lower() in TEXT_SUFFIXES:
            yield _text_article(path, manifest.lookup(path))
        elif is_page(path):
            yield read_page(path, manifest.lookup(path), html)
        elif is_feed(path):
            yield from read_feed(path)
        elif is_warc(path):
            yield from read_warc(path, html)
        else:
            yield ReadError(str(path), f"unsupported file type {path.suffix or '(none)'!r}")


def _text_article(path: Path, meta: dict[str, Any]) -> Article | ReadError:
    text = read_text(path)
    if isinstance(text, ReadError):
        return text
    return article_from_row({**meta, "id": meta.get("id") or path.stem}, text, str(path))


def _table_articles(path: Path) -> Iterator[Article | ReadError]:
    for index, item in enumerate(iter_rows(path), 1):
        if isinstance(item, ReadError):
            yield item
            continue
        label, row = item
        text = row_text(row)
        if text is None:
            yield ReadError(label, "row has no text")
            continue
        row.setdefault("id", f"{path.stem}-{index}")
        yield article_from_row(row, text, label)
