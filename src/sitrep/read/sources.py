"""Paths, folders and globs → Articles (or ReadErrors), one input at a time. Whatever
happens while one input is read, the others are read: a failure no reader foresaw is an
error of that input, and every Article passes `fields.sound` before it leaves."""
from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from sitrep.read.errors import ReadError, attempt, guarded
from sitrep.read.feeds import is_feed, read_feed
from sitrep.read.fields import article_from_row, sound
from sitrep.read.files import unreadable
from sitrep.read.html import is_page, read_page
from sitrep.read.manifest import Manifest, real_path
from sitrep.read.tabular import iter_rows, row_text
from sitrep.read.text import read_text
from sitrep.read.warc import is_warc, read_warc
from sitrep.records import Article

TEXT_SUFFIXES = {".txt", ".text"}
TABLE_SUFFIXES = {".jsonl", ".csv"}


def expand_paths(inputs: Iterable[str]) -> Iterator[Path | ReadError]:
    """Files as given, folders walked for supported files, globs expanded, in sorted order.
    What is not a folder is left to its reader, which refuses what is not a regular file;
    a folder that cannot be listed is an error."""
    for item in inputs:
        yield from guarded(item, _expand(item))


def _expand(item: str) -> Iterator[Path | ReadError]:
    path = Path(item)
    if path.is_dir():
        yield from _walk(path)
    elif path.exists():
        yield path
    elif glob.has_magic(item):
        matches = sorted(Path(p) for p in glob.glob(item, recursive=True) if not Path(p).is_dir())
        yield from matches or [ReadError(item, "no file matches this pattern")]
    elif path.is_symlink():
        yield ReadError(item, f"a symbolic link to {os.readlink(path)}, which does not exist")
    else:
        yield ReadError(item, "no such file or directory")


def _walk(folder: Path) -> Iterator[Path | ReadError]:
    found: list[Path] = []
    problems: list[ReadError] = []
    for parent, _, names in os.walk(folder, onerror=lambda exc: problems.append(unreadable(exc.filename, exc))):
        found.extend(path for path in map(Path(parent).joinpath, names) if _supported(path))
    yield from sorted(found)
    yield from problems


def _supported(path: Path) -> bool:
    return path.suffix.lower() in TEXT_SUFFIXES | TABLE_SUFFIXES or is_page(path) or is_warc(path) or is_feed(path)


def iter_articles(inputs: Iterable[str], manifest: Manifest | None = None, html: str = "precise") -> Iterator[Article | ReadError]:
    """`html` names the page extractor (read/html.py): `precise` or `fast`."""
    manifest = manifest or Manifest()
    for path in expand_paths(inputs):
        if isinstance(path, ReadError):
            yield path
            continue
        yield from guarded(str(path), map(sound, _read(path, manifest, html)))


def expected_articles(inputs: Iterable[str], manifest: Manifest | None = None) -> int | None:
    """How many articles the inputs hold, where that is cheap to know (a text or page file
    is one, a JSONL file one a non-blank line); None when a CSV, feed or web archive makes it
    unknown without reading them. For a progress bar's total, never for logic."""
    total = 0
    for path in expand_paths(inputs):
        if isinstance(path, ReadError) or (manifest and manifest.path is not None and real_path(path) == manifest.path):
            continue
        suffix = path.suffix.lower()
        if suffix == ".jsonl":
            with path.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        elif suffix in TEXT_SUFFIXES or is_page(path):
            total += 1
        else:
            return None
    return total


def _read(path: Path, manifest: Manifest, html: str) -> Iterator[Article | ReadError]:
    if manifest.path is not None and real_path(path) == manifest.path:
        return
    if path.suffix.lower() in TABLE_SUFFIXES:
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
        yield attempt(label, partial(_row_article, path, index, label, row))


def _row_article(path: Path, index: int, label: str, row: dict[str, Any]) -> Article | ReadError:
    text = row_text(row)
    if text is None:
        return ReadError(label, "row has no text")
    row.setdefault("id", f"{path.stem}-{index}")
    return article_from_row(row, text, label)
