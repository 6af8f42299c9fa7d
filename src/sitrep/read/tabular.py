"""JSONL and CSV files: one article a row, a text column plus metadata columns. Read as a
stream, a line at a time, each line at most MAX_ROW_CHARS long, so a file of any size, or
one endless line, is read in bounded memory; a bad row is an error of its own."""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from sitrep.read.errors import ReadError
from sitrep.read.fields import TEXT_COLUMNS
from sitrep.read.files import open_input, text_lines, undecodable

MAX_ROW_CHARS = 20 * 1024 * 1024
csv.field_size_limit(MAX_ROW_CHARS)

Row = tuple[str, dict[str, Any]]


class RowTooLong(Exception):
    pass


def iter_rows(path: Path) -> Iterator[Row | ReadError]:
    """(row label, row) pairs, or an error for a row; a file without a row is an error."""
    return _rows(path, _csv_rows if path.suffix.lower() == ".csv" else _jsonl_rows)


def jsonl_rows(path: Path) -> Iterator[Row | ReadError]:
    """The rows of a JSONL file whatever its name (a manifest)."""
    return _rows(path, _jsonl_rows)


def _rows(path: Path, reader: Callable[[Path, Iterable[str | None]], Iterator[Row | ReadError]]) -> Iterator[Row | ReadError]:
    handle = open_input(path)
    if isinstance(handle, ReadError):
        yield handle
        return
    rows = 0
    with handle:
        try:
            for item in reader(path, text_lines(handle, MAX_ROW_CHARS)):
                rows += 1
                yield item
        except UnicodeDecodeError as exc:
            yield ReadError(str(path), f"not {exc.encoding.upper()} text, though its byte-order mark says so (after {rows} rows)")
            return
    if rows == 0:
        yield ReadError(str(path), "no rows")


def _jsonl_rows(path: Path, lines: Iterable[str | None]) -> Iterator[Row | ReadError]:
    for number, line in enumerate(lines, 1):
        label = f"{path}:{number}"
        if line is None:
            yield ReadError(label, f"line is over the {MAX_ROW_CHARS:,}-character limit")
            continue
        if not line.strip():
            continue
        problem = undecodable(line)
        if problem:
            yield ReadError(label, problem)
            continue
        try:
            row = json.loads(line, parse_int=_json_int)
        except RecursionError:
            yield ReadError(label, "not valid JSON (nested too deeply)")
            continue
        except ValueError as exc:
            yield ReadError(label, f"not valid JSON ({getattr(exc, 'msg', exc)})")
            continue
        if not isinstance(row, dict):
            yield ReadError(label, "a row must be a JSON object")
            continue
        yield label, row


def _json_int(digits: str) -> int:
    """int() refuses over 4,300 digits, with a message about Python; this one is about the row."""
    limit = sys.get_int_max_str_digits()
    if len(digits) > limit:
        raise ValueError(f"a number of {len(digits):,} digits, over the {limit:,}-digit limit")
    return int(digits)


def _csv_rows(path: Path, lines: Iterable[str | None]) -> Iterator[Row | ReadError]:
    try:
        reader = csv.DictReader(_bounded(lines))
        if not reader.fieldnames or not any(c in TEXT_COLUMNS for c in reader.fieldnames):
            yield ReadError(str(path), f"no text column (expected one of: {', '.join(TEXT_COLUMNS)})")
            return
        for row in reader:
            label = f"{path}:{reader.line_num}"
            values = {k: v for k, v in row.items() if k is not None}
            problem = next(filter(None, map(undecodable, (str(v) for v in (*values, *values.values())))), None)
            yield ReadError(label, problem) if problem else (label, values)
    except csv.Error as exc:
        yield ReadError(str(path), f"malformed CSV ({exc})")
    except RowTooLong:
        yield ReadError(f"{path}:{reader.line_num + 1}", f"line is over the {MAX_ROW_CHARS:,}-character limit; the rest of the file is not read")


def _bounded(lines: Iterable[str | None]) -> Iterator[str]:
    """A CSV row may span lines, so the reader cannot go on after a line too long to read."""
    for line in lines:
        if line is None:
            raise RowTooLong
        yield line


def row_text(row: dict[str, Any]) -> str | None:
    for column in TEXT_COLUMNS:
        value = row.get(column)
        if isinstance(value, str) and value.strip():
            return value
    return None
