"""Can two reports be one event, and how strongly do they look it?

ACLED's unit is actors × location × day: reports of different days, of towns apart, or
of different actor pairs stay apart, while vaguer reports ("northern Syria", "last
week", "gunmen") may join a precise one they do not contradict."""
from __future__ import annotations

from datetime import date, timedelta

from sitrep.data.lexicon import families
from sitrep.geo import kilometres
from sitrep.records import EventReport, SourcedReport

SAME_TOWN_KM = 10.0
NEAR_TOWN_KM = 30.0
UNDATED_DAYS = 3
"""An undated report is about the days just before its article was published."""
MAX_WINDOW_DAYS = 31
"""Reports vaguer than a month are not merged: too many events fit them."""
GENERIC_ACTORS = ("Unidentified", "Unknown")
CROWDS = ("Civilians", "Protesters", "Rioters")
SAME_DAY, OVERLAPPING_DAYS = 2.0, 0.5
SAME_PLACE, NEAR_PLACE, SAME_REGION = 2.0, 1.0, 0.5
SAME_ACTOR, SAME_TYPE, SAME_SUB_TYPE = 1.5, 1.0, 0.5
CROWD_MISMATCH = 1.0
SAME_TOLL, CLOSE_TOLL = 1.0, 0.5
CLOSE_TOLL_RATIO = 0.75


def window(item: SourcedReport) -> tuple[date, date] | None:
    """The days the report allows, from its own date else its article's publication."""
    report = item.report
    if report.date_from and report.date_to:
        first, last = report.date_from, report.date_to
    elif report.event_date:
        first = last = report.event_date
    elif item.source.published:
        last = item.source.published.date()
        first = last - timedelta(days=UNDATED_DAYS)
    else:
        return None
    return (first, last) if (last - first).days <= MAX_WINDOW_DAYS else None


def agreement(a: SourcedReport, b: SourcedReport) -> float | None:
    """A score of the evidence that a and b report one event; None when they cannot be one.

    The score counts only when something identifies the event beyond its day and country
    (the same town, a named actor in common, the same toll); else it is 0."""
    if a.source.article_id == b.source.article_id:
        return None
    parts = [_kind(a.report, b.report), _days(a, b), _place(a.report, b.report), _actors(a.report, b.report)]
    if any(part is None for part in parts):
        return None
    kind, days, place, actors = parts
    toll = _toll(a.report, b.report)
    identity = place >= NEAR_PLACE or actors > 0 or toll >= SAME_TOLL  # type: ignore[operator]
    return kind + days + place + actors + toll if identity else 0.0  # type: ignore[operator]


def _kind(a: EventReport, b: EventReport) -> float | None:
    """Outlets may call one event a strike or an attack, a protest or a riot, but an arrest
    is never a battle: reports of two families (taxonomy.csv) are two events."""
    if families().get(a.event_type) != families().get(b.event_type):
        return None
    return (SAME_TYPE if a.event_type == b.event_type else 0.0) + (SAME_SUB_TYPE if a.sub_event_type == b.sub_event_type else 0.0)


def _days(a: SourcedReport, b: SourcedReport) -> float | None:
    first, second = window(a), window(b)
    if first is None or second is None or first[0] > second[1] or second[0] > first[1]:
        return None
    exact = a.report.date_precision == "day" and b.report.date_precision == "day"
    return SAME_DAY if exact else OVERLAPPING_DAYS


def _place(a: EventReport, b: EventReport) -> float | None:
    """Towns by distance; a region-level report (precision 3) sits at its region's seat,
    which says nothing of where in the region, so it agrees by region. One name in one
    region is one place, unless the districts both know differ (Myanmar has hundreds of
    Ywar Thit villages)."""
    if a.iso3 and b.iso3 and a.iso3 != b.iso3:
        return None
    if a.location and b.location and a.location.lower() == b.location.lower() and a.admin1 == b.admin1 and _same_districts(a, b):
        return SAME_PLACE
    regional = a.geo_precision == 3 or b.geo_precision == 3
    if not regional and a.latitude is not None and b.latitude is not None and a.longitude is not None and b.longitude is not None:
        distance = kilometres(a.latitude, a.longitude, b.latitude, b.longitude)
        limit = SAME_TOWN_KM if a.geo_precision == b.geo_precision == 1 else NEAR_TOWN_KM
        if distance > limit:
            return None
        return SAME_PLACE if distance <= SAME_TOWN_KM else NEAR_PLACE
    if a.admin1 and b.admin1:
        return SAME_REGION if a.admin1 == b.admin1 else None
    return 0.0


def _same_districts(a: EventReport, b: EventReport) -> bool:
    """No district or township that both reports name differs."""
    return all(x is None or y is None or x == y for x, y in ((a.admin2, b.admin2), (a.admin3, b.admin3)))


def _actors(a: EventReport, b: EventReport) -> float | None:
    """Named actors must agree slot by slot (or exactly the other way round); unnamed ones agree with all.
    Crowds ("Civilians (Syria)", "Protesters (Kenya)") identify nothing, and outlets differ
    on whether the arrested were civilians or militants: a mismatch there only counts against."""
    best: float | None = None
    for swapped, (first, second) in enumerate(((a.actor1, a.actor2), (a.actor2, a.actor1))):
        pairs = [(_named(x), _named(y)) for x, y in ((first, b.actor1), (second, b.actor2))]
        differing = [(x, y) for x, y in pairs if x and y and x != y]
        if differing and swapped or any(not (x.startswith(CROWDS) or y.startswith(CROWDS)) for x, y in differing):
            continue
        score = SAME_ACTOR * sum(bool(x and x == y and not x.startswith(CROWDS)) for x, y in pairs) - CROWD_MISMATCH * len(differing)
        best = score if best is None else max(best, score)
    return best


def _named(actor: str | None) -> str | None:
    return None if actor is None or actor.startswith(GENERIC_ACTORS) else actor


def _toll(a: EventReport, b: EventReport) -> float:
    if not a.fatalities or not b.fatalities:
        return 0.0
    if a.fatalities == b.fatalities:
        return SAME_TOLL
    low, high = sorted((a.fatalities, b.fatalities))
    return CLOSE_TOLL if low / high >= CLOSE_TOLL_RATIO else 0.0

