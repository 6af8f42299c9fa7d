"""What curators can break in the tables, checked in one place (the tests and a future
`sitrep data check` call `problems()`): the lookups in lexicon.py would take a broken
row silently, as a typo in a type, a kind no rule reads, or an alias two actors claim.

Tables are read afresh, not through the cached lexicon, so a check sees the files as they are.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from sitrep.data import parse_table, read_text, split_list, table_names
from sitrep.folding import fold

SOURCE = Path(__file__).resolve().parents[1]
"""The package's code, where the rules name the kinds of words they read."""
KIND_READERS = {"cues.csv": re.compile(r"\bcues\(\"(\w+)\"\)"), "quantities.csv": re.compile(r"\b_quantities\(\"(\w+)\"\)")}
"""A table of kinds, and how the code asks for one kind of it."""
ALIAS_TABLES = {
    "actors.csv": ("canonical", ("aliases",)), "weapons.csv": ("canonical", ("aliases",)), "countries.csv": ("iso2", ("name", "aliases", "demonyms")),
    "outlets.csv": ("outlet", ("outlet", "aliases")),
}
"""A table of names and its aliases: the column an alias resolves to, the columns of aliases."""


def problems() -> list[str]:
    """Every problem found, one line each, naming its table."""
    return [
        *duplicate_rows(),
        *undocumented_columns(),
        *unknown_types(),
        *mixed_families(),
        *undeclared_kinds(),
        *ambiguous_aliases(),
    ]


def duplicate_rows() -> list[str]:
    found: list[str] = []
    for name in table_names():
        counts = Counter(tuple(row.values()) for row in _rows(name))
        found += [f"{name}: row repeated {n} times: {','.join(row)}" for row, n in counts.items() if n > 1]
    return found


def undocumented_columns() -> list[str]:
    """Each column is named in the comment that opens the table, which says what it holds."""
    found: list[str] = []
    for name in table_names():
        comment, header = _leading_comment(read_text(name))
        found += [f"{name}: column {column!r} is not described in the '#' comment above the header" for column in header if not _names(comment, column)]
    return found


def unknown_types() -> list[str]:
    """Every (event type, sub-event type) a table names is a pair of taxonomy.csv."""
    known = {(row["event_type"], row["sub_event_type"]) for row in _rows("taxonomy.csv")}
    found: list[str] = []
    for name in table_names():
        if name == "taxonomy.csv":
            continue
        rows = _rows(name)
        if rows and {"event_type", "sub_event_type"} <= rows[0].keys():
            found += [f"{name}: {row['event_type']} / {row['sub_event_type']} is no type of taxonomy.csv" for row in rows if (row["event_type"], row["sub_event_type"]) not in known]
    return found


def mixed_families() -> list[str]:
    families: dict[str, set[str]] = {}
    for row in _rows("taxonomy.csv"):
        families.setdefault(row["event_type"], set()).add(row["family"])
    return [f"taxonomy.csv: {event_type} is of several families: {', '.join(sorted(names))}" for event_type, names in families.items() if len(names) > 1]


def undeclared_kinds() -> list[str]:
    """The kinds the code reads are declared, and those declared are described and read."""
    code = "\n".join(path.read_text(encoding="utf-8") for path in sorted(SOURCE.rglob("*.py")))
    found: list[str] = []
    for name, reader in KIND_READERS.items():
        read, declared = set(reader.findall(code)), {row["kind"] for row in _rows(name)}
        comment = _leading_comment(read_text(name))[0]
        found += [f"{name}: the code reads kind {kind!r}, which no row declares" for kind in sorted(read - declared)]
        found += [f"{name}: kind {kind!r} is read by no code" for kind in sorted(declared - read)]
        found += [f"{name}: kind {kind!r} is not described in the '#' comment above the header" for kind in sorted(declared) if not _names(comment, kind)]
    return found


def ambiguous_aliases() -> list[str]:
    """An alias names one thing: two would make the matcher pick one silently (aliases are
    compared folded, as the matcher finds them)."""
    found: list[str] = []
    for name, (target, columns) in ALIAS_TABLES.items():
        owners: dict[str, set[str]] = {}
        spelling: dict[str, str] = {}
        for row in _rows(name):
            for alias in (a for column in columns for a in split_list(row[column])):
                owners.setdefault(fold(alias), set()).add(row[target])
                spelling.setdefault(fold(alias), alias)
        found += [f"{name}: alias {spelling[key]!r} names {' and '.join(sorted(names))}" for key, names in owners.items() if len(names) > 1]
    return found


def _rows(name: str) -> tuple[dict[str, str], ...]:
    return parse_table(read_text(name))


def _leading_comment(text: str) -> tuple[str, list[str]]:
    """The '#' lines before the header, and the header's column names."""
    comment = []
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            comment.append(line.lstrip()[1:])
        elif line.strip():
            return "\n".join(comment), [column.strip() for column in line.split(",")]
    return "\n".join(comment), []


def _names(comment: str, word: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", comment, re.IGNORECASE) is not None
