"""Curated tables (the ACLED taxonomy, triggers, cues, actors, weapons, places, chrome)
shipped as CSV files.

Lines starting with '#' are comments for the curators; the comment that opens a table says
what its columns hold (check.py checks that, and what else a curator can break).
"""
from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources


@cache
def load_table(name: str) -> tuple[dict[str, str], ...]:
    return parse_table(read_text(name))


def read_text(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def table_names() -> list[str]:
    return sorted(path.name for path in resources.files(__package__).iterdir() if path.name.endswith(".csv"))


def parse_table(text: str) -> tuple[dict[str, str], ...]:
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    rows = csv.DictReader(io.StringIO("\n".join(lines)))
    return tuple({k: (v or "").strip() for k, v in row.items()} for row in rows)


def split_list(value: str) -> list[str]:
    """Multi-valued cells are separated by '|'."""
    return [item.strip() for item in value.split("|") if item.strip()]
