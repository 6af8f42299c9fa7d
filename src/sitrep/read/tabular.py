"""JSONL and CSV files: one article a row, a text column plus metadata columns."""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sitrep.read.errors import ReadError
from sitrep.read.fields import TEXT_COLUMNS

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def iter_rows(path: Path) -> Iterator[tuple[str, dict[str, Any]] | ReadError]:
    """Yield (row label, row) pairs; a bad row is an error of its own, not of the file."""
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        yield ReadError(str(path), exc.strerror or str(exc))
        return
    with handle:
        try:
            if path.suffix.lower() == ".csv":
                yield from _csv_rows(path, handle)
            else:
                yield from _jsonl_rows(path, handle)
        except UnicodeDecodeError as exc:
            yield ReadError(str(path), f"not UTF-8 text ({exc.reason})")
        except csv.Error as exc:
            yield ReadError(str(path), f"malformed CSV ({exc})")


def _jsonl_rows(path: Path, handle: Any) -> Iterator[tuple[str, dict[str, Any]] | ReadError]:
    for number, line in enumerate(handle, 1):
        if not line.strip():
            continue
        label = f"{path}:{number}"
        try:
            row = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            yield ReadError(label, f"not valid JSON ({getattr(exc, 'msg', 'nested too deeply')})")
            continue
        if not isinstance(row, dict):
            yield ReadError(label, "a row must be a JSON object")
            continue
        yield label, row


def _csv_rows(path: Path, handle: Any) -> Iterator[tuple[str, dict[str, Any]] | ReadError]:
    reader = csv.DictReader(handle)
    if not reader.fieldnames or not any(c in TEXT_COLUMNS for c in reader.fieldnames):
        yield ReadError(str(path), f"no text column (expected one of: {', '.join(TEXT_COLUMNS)})")
        return
    for number, row in enumerate(reader, 2):
        yield f"{path}:{number}", {k: v for k, v in row.items() if k is not None}


def row_text(row: dict[str, Any]) -> str | None:
    for column in TEXT_COLUMNS:
        value = row.get(column)
        if isinstance(value, str) and value.strip():
            return value
    return None
