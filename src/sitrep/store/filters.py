"""The filters of events, declared once for every surface: `sitrep events` and `export`
make their options from FILTER_OPTIONS and the web API its query parameters, and both
turn what they are given into an EventFilter through `event_filter`, with the same checks."""
from __future__ import annotations

import typing
from dataclasses import dataclass
from datetime import date
from typing import Any

from sitrep.records import Certainty, Corroboration, ReviewStatus
from sitrep.store.browse import valid_bbox
from sitrep.store.events import EventFilter
from sitrep.store.naming import actor_name, country_name, event_type

BBOX_PATTERN = r"^-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+$"


@dataclass(frozen=True)
class FilterOption:
    name: str
    """The EventFilter field it sets."""
    kind: type
    help: str
    query: str
    """The web query parameter."""
    choices: tuple[str, ...] = ()
    max_length: int = 200
    pattern: str | None = None
    option: str = ""
    """The CLI option, when it is not `--` and the query parameter."""

    @property
    def flag(self) -> str:
        return self.option or f"--{self.query}"


FILTER_OPTIONS = (
    FilterOption("country", str, "Country: a name, demonym or ISO code in any case (Syria, syrian, SY, SYR).", "country", max_length=100),
    FilterOption("event_type", str, "ACLED event type or sub-event type, or a plain word for one (drone, shelling, protest).", "type", max_length=100),
    FilterOption("actor", str, "Part of an actor's name (actor1 or actor2), or an alias of the actor table (ISWAP).", "actor"),
    FilterOption("admin1", str, "First-level region, e.g. Borno.", "admin1", max_length=100),
    FilterOption("min_fatalities", int, "Events with at least this many dead.", "min_fatalities", option="--min-fatalities"),
    FilterOption("outlet", str, "An outlet that carried the event, e.g. Reuters.", "outlet", max_length=100),
    FilterOption("since", date, "First event date (YYYY-MM-DD).", "since"),
    FilterOption("until", date, "Last event date (YYYY-MM-DD).", "until"),
    FilterOption("text", str, "Text in the location, actors, type or notes.", "q", option="--text"),
    FilterOption("bbox", str, "Events inside west,south,east,north (degrees).", "bbox", pattern=BBOX_PATTERN),
    FilterOption("certainty", str, "Confirmed by a party, claimed by its perpetrator, or reported.", "certainty",
                 choices=typing.get_args(Certainty)),
    FilterOption("corroboration", str, "Told by independent outlets, or by one.", "corroboration", choices=typing.get_args(Corroboration)),
    FilterOption("review_status", str, "Analysts' verdict (rejected events are left out unless asked for).", "status",
                 choices=(*typing.get_args(ReviewStatus), "unreviewed", "any"), option="--status"),
)


def event_filter(values: dict[str, Any]) -> EventFilter:
    """An EventFilter from option values by EventFilter field name, the names typed made the
    names stored (store/naming.py); a ValueError says what is wrong (a box that is not four
    numbers on the globe, `since` after `until`, a country that is none)."""
    given = {name: value for name, value in values.items() if value is not None}
    if "bbox" in given:
        try:
            west, south, east, north = (float(v) for v in str(given["bbox"]).split(","))
        except ValueError as exc:
            raise ValueError("bbox must be four numbers: west,south,east,north") from exc
        if not valid_bbox(west, south, east, north):
            raise ValueError("bbox must be west,south,east,north in degrees with west < east and south < north")
        given["bbox"] = (west, south, east, north)
    for name, normal in (("country", country_name), ("event_type", event_type), ("actor", actor_name)):
        if name in given:
            given[name] = normal(str(given[name]))
    if given.get("min_fatalities", 0) < 0:
        raise ValueError("min_fatalities must be 0 or more")
    if given.get("since") and given.get("until") and given["since"] > given["until"]:
        raise ValueError("since is after until")
    return EventFilter(**given)
