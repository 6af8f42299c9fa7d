"""Reports out, in the formats of the field."""
from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from typing import TextIO

from sitrep.records import EventReport

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
TIME_PRECISION = {"day": 1, "range": 2, "week": 2, "month": 3, "year": 3}
DISORDER = {"Protests": "Demonstrations", "Riots": "Demonstrations", "Strategic developments": "Strategic developments"}


def write_jsonl(reports: Iterable[EventReport], sources: dict[str, str], out: TextIO) -> None:
    for report in reports:
        out.write(json.dumps({**report.to_dict(), "source": sources.get(report.article_id)}, ensure_ascii=False) + "\n")


def write_acled_csv(reports: Iterable[EventReport], sources: dict[str, str], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for report in reports:
        inter1, inter2 = report.actor1_type or "", report.actor2_type or ""
        writer.writerow(
            {
                "event_id_cnty": report.report_id,
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
                "source": sources.get(report.article_id, ""),
                "notes": report.notes,
                "fatalities": report.fatalities,
                "tags": report.certainty,
            }
        )


WRITERS: dict[str, Callable[[Iterable[EventReport], dict[str, str], TextIO], None]] = {
    "jsonl": write_jsonl,
    "acled-csv": write_acled_csv,
}
