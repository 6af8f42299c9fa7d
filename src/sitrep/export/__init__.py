"""Events (or reports) out, in the formats of the field."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TextIO

import pycountry

from sitrep.data.lexicon import acled_regions, outlet_scales
from sitrep.folding import fold
from sitrep.records import Event, EventReport

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
EXTRA_COLUMNS = [
    "fatalities_low", "fatalities_high", "injuries", "certainty", "claimed_by", "weapons", "disagreements",
    "source_count", "corroboration", "review_status", "sitrep_id",
]
"""After ACLED's 31, sitrep's own: the toll's range, who claims, what the sources disagree on
(field: value by outlet | ...), how many voices tell it, the analysts' verdict, sitrep's id."""
TIME_PRECISION = {"day": 1, "range": 2, "week": 2, "month": 3, "year": 3}
UNNAMED = {"Protests": ("Protesters", 6), "Riots": ("Rioters", 5)}
"""Who did it when the text names no one: ACLED's name and inter code by event type; any
other event's is Unidentified Armed Group (3)."""
SOURCE_SEPARATOR = "; "
KOSOVO = ("XK", "XKX", 0)
"""Kosovo's alpha-2 and alpha-3 codes in common use, and ACLED's numeric code for it: ISO
3166 has none."""
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
    event: Event | None = None

    @classmethod
    def of_event(cls, event: Event) -> Exported:
        """An event with its reviewed values, every outlet behind it and its review status."""
        outlets = list(dict.fromkeys(s.outlet or s.url or s.article_id for s in event.sources))
        return cls(event.to_dict(), event.merged, outlets, event.review_status, event)

    @classmethod
    def of_report(cls, report: EventReport, article: dict[str, Any] | None) -> Exported:
        """One article's report, its outlet named as the stored article names it."""
        article = article or {}
        return cls(report.to_dict(), report, [str(article.get("outlet") or article.get("url") or report.article_id)])


DISORDER = {"Protests": "Demonstrations", "Riots": "Demonstrations", "Strategic developments": "Strategic developments"}


def write_jsonl(rows: Iterable[Exported], out: TextIO) -> None:
    for row in rows:
        out.write(json.dumps({**row.record, "source": SOURCE_SEPARATOR.join(row.sources)}, ensure_ascii=False) + "\n")


def write_acled_csv(rows: Iterable[Exported], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS + EXTRA_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: inert(value) for column, value in _acled_row(row).items()})


def _acled_row(row: Exported) -> dict[str, Any]:
    """ACLED's 31 columns as its files hold them (numeric ISO code, its region, inter codes
    with 0 for no actor 2, a named actor 1, Unix timestamp), then sitrep's own."""
    report, event = row.values, row.event
    unnamed, unnamed_code = UNNAMED.get(report.event_type, ("Unidentified Armed Group", 3))
    actor1 = report.actor1 or (f"{unnamed} ({report.country})" if report.country else unnamed)
    inter1 = report.actor1_type or (unnamed_code if not report.actor1 else "")
    inter2 = report.actor2_type if report.actor2 and report.actor2_type else 0
    country = pycountry.countries.get(alpha_3=report.iso3) if report.iso3 else None
    iso2 = country.alpha_2 if country else KOSOVO[0] if report.iso3 == KOSOVO[1] else None
    changed = event.updated_at if event and event.updated_at else None
    return {
        "event_id_cnty": row.record.get("event_id") or report.report_id,
        "event_date": report.event_date.isoformat() if report.event_date else "",
        "year": report.event_date.year if report.event_date else "",
        "time_precision": TIME_PRECISION.get(report.date_precision or "", ""),
        "disorder_type": DISORDER.get(report.event_type, "Political violence"),
        "event_type": report.event_type,
        "sub_event_type": report.sub_event_type,
        "actor1": actor1,
        "assoc_actor_1": "; ".join(report.assoc_actor_1),
        "inter1": inter1,
        "actor2": report.actor2 or "",
        "assoc_actor_2": "; ".join(report.assoc_actor_2),
        "inter2": inter2,
        "interaction": f"{min(inter1, inter2)}{max(inter1, inter2)}" if inter1 and inter2 else f"{inter1 or inter2}0",
        "civilian_targeting": "Civilian targeting" if report.actor2_type == 7 else "",
        "iso": int(country.numeric) if country else KOSOVO[2] if iso2 else "",
        "region": acled_regions().get(iso2 or "", ""),
        "country": report.country or "",
        "admin1": report.admin1 or "",
        "admin2": report.admin2 or "",
        "admin3": report.admin3 or "",
        "location": report.location or "",
        "latitude": report.latitude if report.latitude is not None else "",
        "longitude": report.longitude if report.longitude is not None else "",
        "geo_precision": report.geo_precision or "",
        "source": SOURCE_SEPARATOR.join(row.sources),
        "source_scale": "-".join(dict.fromkeys(scale for outlet in row.sources if (scale := outlet_scales().get(fold(outlet))))),
        "notes": report.notes,
        "fatalities": report.fatalities,
        "timestamp": int(changed.timestamp()) if changed else "",
        "fatalities_low": report.fatalities_low if report.fatalities_low is not None else "",
        "fatalities_high": report.fatalities_high if report.fatalities_high is not None else "",
        "injuries": report.injuries if report.injuries is not None else "",
        "certainty": report.certainty,
        "claimed_by": report.claimed_by or "",
        "weapons": "; ".join(report.weapons),
        "disagreements": _disagreements(event),
        "source_count": event.source_count if event else 1,
        "corroboration": event.corroboration if event else "",
        "review_status": row.review_status or "",
        "sitrep_id": row.record.get("event_id") or report.report_id,
    }


def _disagreements(event: Event | None) -> str:
    """fatalities: 6 (Reuters), 7 (AP) | location: ..."""
    if event is None:
        return ""
    return " | ".join(f"{name}: " + ", ".join(f"{claim.value} ({', '.join(claim.outlets)})" for claim in claims) for name, claims in event.disagreements.items())


def inert(value: object) -> object:
    """A text cell a spreadsheet would run as a formula (an actor '=HYPERLINK(...)' typed
    in a review), kept as text by a leading quote; numbers (a longitude of -1.5) stay
    numbers. A carriage return becomes a line break, which the writer quotes (a bare one
    it would leave unquoted, and a reader would split the row there)."""
    if not isinstance(value, str):
        return value
    text = f"'{value}" if value.startswith(FORMULA_STARTS) else value
    return text.replace("\r\n", "\n").replace("\r", "\n")
