"""A manifest JSONL supplies metadata for text files, by path or by id = file stem."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.read.errors import ReadError
from sitrep.read.tabular import jsonl_rows


@dataclass
class Manifest:
    path: Path | None = None
    by_path: dict[Path, dict[str, Any]] = field(default_factory=dict)
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)

    def lookup(self, path: Path) -> dict[str, Any]:
        row = self.by_path.get(real_path(path))
        if row is None:
            inner = Path(path.stem).stem
            row = self.by_id.get(path.stem) or self.by_id.get(inner, {})
        return row


def real_path(path: Path) -> Path:
    """Symlinks followed, as Path.resolve does, except that a loop of links is not an error
    here (the file's reader reports it)."""
    return Path(os.path.realpath(path))


class ManifestError(ValueError):
    pass


def load_manifest(path: Path) -> Manifest:
    """Rows without a path apply to the file whose stem is their id. Read as a JSONL table
    is (tabular.py), within the same limits; a bad row stops the command, since a manifest
    half read would give articles the wrong metadata without a word."""
    manifest = Manifest(path=real_path(path))
    for item in jsonl_rows(path):
        if isinstance(item, ReadError):
            raise ManifestError(f"manifest {item}")
        label, row = item
        if row.get("path"):
            try:
                manifest.by_path[real_path(path.parent / str(row["path"]))] = row
            except ValueError as exc:  # a path no file system holds: a NUL, a lone surrogate
                raise ManifestError(f"manifest {label}: unusable path ({exc})") from exc
        if row.get("id"):
            manifest.by_id[str(row["id"])] = row
    return manifest
