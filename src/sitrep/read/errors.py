"""A failed input, reported by name so the rest of a batch can go on; and the safety net
that turns any exception while reading one input, row or record into such an error."""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")
MAX_PROBLEM_CHARS = 300
UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class ReadError:
    source: str
    problem: str

    def __str__(self) -> str:
        """One line whatever the file name or problem holds (newlines, control characters,
        bytes in no encoding), so each failure is one error line."""
        return f"{_printable(self.source)}: {_printable(self.problem)}"


def failure(source: str, exc: Exception) -> ReadError:
    """An exception no reader foresaw, as an error of the input it was reading."""
    log.debug("reading %s failed", source, exc_info=exc)
    return ReadError(source, f"could not be read ({brief(exc)})")


def brief(exc: BaseException) -> str:
    """The exception's type and message on one line, cut short: a library's message may
    quote the hostile bytes at length."""
    message = " ".join(str(exc).split())
    if len(message) > MAX_PROBLEM_CHARS:
        message = message[:MAX_PROBLEM_CHARS] + "..."
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def attempt(source: str, read: Callable[[], T | ReadError]) -> T | ReadError:
    """One row, feed item, archive record or URL read so that if it fails in a way its
    reader did not foresee, it is an error of its own and the rest is still read."""
    try:
        return read()
    except Exception as exc:  # a bug or a library failing on hostile bytes must not end a batch
        return failure(source, exc)


def guarded(source: str, items: Iterable[T | ReadError]) -> Iterator[T | ReadError]:
    """The items of one input; if reading it raises, an error for the input ends them, and
    what it gave before stands."""
    try:
        yield from items
    except Exception as exc:  # a bug or a library failing on hostile bytes must not end a batch
        yield failure(source, exc)


def _printable(text: str) -> str:
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return UNPRINTABLE.sub(lambda match: f"\\x{ord(match[0]):02x}", text)
