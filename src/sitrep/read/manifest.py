"""A manifest JSONL supplies metadata for text files, by path or by id = file stem."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Manifest:
    path: Path | None = None
    by_path: dict[Path, dict[str, Any]] = field(default_factory=dict)
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)

    def lookup(self, path: Path) -> dict[str, Any]:
        row = self.by_path.get(path.resolve())
        if row is None:
            inner = Path(path.stem).stem
            row = self.by_id.get(path.stem) or self.by_id.get(inner, {})
        return row


class ManifestError(ValueError):
    pass


def load_manifest(path: Path) -> Manifest:
    """Rows without a path apply to the file whose stem is their id."""
    manifest = Manifest(path=path.resolve())
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(f"{path}: cannot read manifest ({exc})") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ManifestError(f"{path}:{number}: not JSON ({exc.msg})") from exc
        if not isinstance(row, dict):
            raise ManifestError(f"{path}:{number}: a manifest row must be a JSON object")
        if row.get("path"):
            manifest.by_path[(path.parent / str(row["path"])).resolve()] = row
        if row.get("id"):
            manifest.by_id[str(row["id"])] = row
    return manifest
