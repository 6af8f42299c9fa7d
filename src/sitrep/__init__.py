"""sitrep: news reports of armed conflict in, a sourced, evidenced event database out.

    >>> import sitrep
    >>> reports = sitrep.extract(text, published="2024-05-01")

`sitrep.extract` is both the extraction stage's package and, called, the Python API.
"""
from __future__ import annotations

from sitrep import extract
from sitrep.records import Article, Event, EventReport

__all__ = ["Article", "Event", "EventReport", "extract"]
