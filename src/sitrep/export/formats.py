"""Every export format by name, for `sitrep export` and the API's download: each writes
to a binary stream and says how many events it left out."""
from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import BinaryIO, TextIO

from sitrep.export import Exported, write_acled_csv, write_jsonl
from sitrep.export.geojson import write_geojson
from sitrep.export.tables import write_parquet, write_xlsx

Writer = Callable[[Iterable[Exported], BinaryIO], int]


@dataclass(frozen=True)
class Format:
    write: Writer
    suffix: str
    media_type: str
    binary: bool = False
    """Not text: the CLI will not write it to a terminal."""


def _as_text(write: Callable[[Iterable[Exported], TextIO], None]) -> Writer:
    def binary(rows: Iterable[Exported], out: BinaryIO) -> int:
        text = io.TextIOWrapper(out, encoding="utf-8", newline="")
        write(rows, text)
        text.flush()
        text.detach()
        return 0

    return binary


FORMATS = {
    "jsonl": Format(_as_text(write_jsonl), "jsonl", "application/x-ndjson"),
    "acled-csv": Format(_as_text(write_acled_csv), "csv", "text/csv"),
    "geojson": Format(write_geojson, "geojson", "application/geo+json"),
    "parquet": Format(write_parquet, "parquet", "application/vnd.apache.parquet", binary=True),
    "xlsx": Format(write_xlsx, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", binary=True),
}
