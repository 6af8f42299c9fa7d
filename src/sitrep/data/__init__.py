"""Curated tables (actors, weapons, triggers, places, chrome) shipped as CSV files.

Lines starting with '#' are comments for the curators.
"""
from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources


@cache
def load_table(name: str) -> tuple[dict[str, str], ...]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    rows = csv.DictReader(io.StringIO("\n".join(lines)))
    return tuple({k: (v or "").strip() for k, v in row.items()} for row in rows)


def split_list(value: str) -> list[str]:
    """Multi-valued cells are separated by '|'."""
    return [item.strip() for item in value.split("|") if item.strip()]
