"""sitrep: news reports of armed conflict in, a sourced, evidenced event database out.

    >>> import sitrep
    >>> reports = sitrep.extract(text, published="2024-05-01")

`sitrep.extract` is both the extraction stage's package and, called, the Python API.
"""
from __future__ import annotations

import importlib
from typing import Any

from sitrep.records import Article, Event, EventReport

__all__ = ["Article", "Event", "EventReport", "extract"]


def __getattr__(name: str) -> Any:
    """`sitrep.extract` loads spaCy; a place lookup or a database query should not wait for it."""
    if name == "extract":
        return importlib.import_module("sitrep.extract")
    raise AttributeError(f"module 'sitrep' has no attribute {name!r}")
