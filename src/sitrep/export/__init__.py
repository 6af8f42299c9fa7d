"""Events (or reports) out, in the formats of the field."""
from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TextIO

from sitrep.records import Event, EventReport

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
TIME_PRECISION = {"day": 1, "range": 2, "week": 2, "month": 3, "year": 3}
SOURCE_SEPARATOR = "; "
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP, CSV injection)."""


@dataclass
class Exported:
    """One row out: the whole record as JSON (an Event or a report), its values, and the
    outlets behind it."""

    record: dict[str, Any]
    values: EventReport
    sources: list[str]
    review_status: str | None = None

    @classmethod
    def of_event(cls, event: Event) -> Exported:
        """An event with its reviewed values, every outlet behind it and its review status."""
        outlets = list(dict.fromkeys(s.outlet or s.url or s.article_id for s in event.sources))
        return cls(event.to_dict(), event.merged, outlets, event.review_status)


DISORDER = {"Protests": "Demonstrations", "Riots": "Demonstrations", "Strategic developments": "Strategic developments"}


def write_jsonl(rows: Iterable[Exported], out: TextIO) -> None:
    for row in rows:
        out.write(json.dumps({**row.record, "source": SOURCE_SEPARATOR.join(row.sources)}, ensure_ascii=False) + "\n")


def write_acled_csv(rows: Iterable[Exported], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: _inert(value) for column, value in _acled_row(row).items()})


def _acled_row(row: Exported) -> dict[str, Any]:
    report = row.values
    inter1, inter2 = report.actor1_type or "", report.actor2_type or ""
    return {
        "event_id_cnty": row.record.get("event_id") or report.report_id,
        "event_date": report.event_date.isoformat() if report.event_date else "",
        "year": report.event_date.year if report.event_date else "",
        "time_precision": TIME_PRECISION.get(report.date_precision or "", ""),
        "disorder_type": DISORDER.get(report.event_type, "Political violence"),
        "event_type": report.event_type,
        "sub_event_type": report.sub_event_type,
        "actor1": report.actor1 or "",
        "assoc_actor_1": "; ".join(report.assoc_actor_1),
        "inter1": inter1,
        "actor2": report.actor2 or "",
        "assoc_actor_2": "; ".join(report.assoc_actor_2),
        "inter2": inter2,
        "interaction": f"{min(inter1, inter2)}{max(inter1, inter2)}" if inter1 and inter2 else f"{inter1 or inter2}0",
        "civilian_targeting": "Civilian targeting" if report.actor2_type == 7 else "",
        "iso": report.iso3 or "",
        "country": report.country or "",
        "admin1": report.admin1 or "",
        "location": report.location or "",
        "latitude": report.latitude if report.latitude is not None else "",
        "longitude": report.longitude if report.longitude is not None else "",
        "geo_precision": report.geo_precision or "",
        "source": SOURCE_SEPARATOR.join(row.sources),
        "notes": report.notes,
        "fatalities": report.fatalities,
        "tags": "; ".join(filter(None, [report.certainty, f"reviewed: {row.review_status}" if row.review_status else None])),
    }


def _inert(value: object) -> object:
    """A text cell a spreadsheet would run as a formula (an actor '=HYPERLINK(...)' typed
    in a review), kept as text by a leading quote; numbers (a longitude of -1.5) stay
    numbers. A carriage return becomes a line break, which the writer quotes (a bare one
    it would leave unquoted, and a reader would split the row there)."""
    if not isinstance(value, str):
        return value
    text = f"'{value}" if value.startswith(FORMULA_STARTS) else value
    return text.replace("\r\n", "\n").replace("\r", "\n")


WRITERS: dict[str, Callable[[Iterable[Exported], TextIO], None]] = {
    "jsonl": write_jsonl,
    "acled-csv": write_acled_csv,
}
