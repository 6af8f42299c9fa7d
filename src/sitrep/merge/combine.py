"""An Event's values from its reports, as ACLED codes them: the lowest death toll, the most
precise date and place, the actors most reports name; every field the reports disagree
on kept value by value with the outlets that give it; and how far the sources vouch
for the event (corroborated by independent outlets, claimed or confirmed by a party)."""
from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Hashable
from typing import Any

from sitrep.data.lexicon import actor_matcher, country_matcher, countries
from sitrep.merge.compare import GENERIC_ACTORS
from sitrep.records import Claim, Event, EventReport, Source, SourcedReport

DATE_PRECISION = {"day": 0, "range": 1, "week": 2, "month": 3, "year": 4}
DISPUTABLE = ("event_date", "sub_event_type", "actor1", "actor2", "location", "fatalities")
PLACE_FIELDS = ("country", "iso3", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision")
DATE_FIELDS = ("event_date", "date_from", "date_to", "date_precision")
STATE_FORCES = ("Military Forces of ", "Police Forces of ", "Government of ")


def combine(event_id: str, members: list[SourcedReport]) -> Event:
    members = sorted(members, key=_report_order)
    reports = [m.report for m in members]
    merged = dataclasses.replace(reports[0], report_id=event_id, article_id="", related=[], evidence=[])
    _take(merged, _most_precise_date(reports), DATE_FIELDS)
    _take(merged, _most_precise_place(reports), PLACE_FIELDS)
    _take(merged, _most_told(reports, lambda r: (r.event_type, r.sub_event_type)), ("event_type", "sub_event_type"))
    for slot in ("actor1", "actor2"):
        _take(merged, _most_told(reports, lambda r, slot=slot: _actor_rank(getattr(r, slot))), (slot, f"{slot}_type"))
    merged.assoc_actor_1 = _union(r.assoc_actor_1 for r in reports)
    merged.assoc_actor_2 = _union(r.assoc_actor_2 for r in reports)
    _lowest_toll(merged, [r for r in reports if _states_toll(r)])
    injuries = [r.injuries for r in reports if r.injuries is not None]
    merged.injuries = min(injuries) if injuries else None
    merged.weapons = _union(r.weapons for r in reports)
    merged.targets = _union(r.targets for r in reports)
    merged.quantities = {key: min(r.quantities[key] for r in reports if key in r.quantities) for key in _union(r.quantities for r in reports)}
    operations = Counter(r.operation for r in reports if r.operation)
    merged.operation = operations.most_common(1)[0][0] if operations else None
    merged.certainty, merged.claimed_by = _vouched(merged, reports)
    merged.confidence = max(r.confidence for r in reports)
    merged.background = all(r.background for r in reports)
    sources = _sources(members)
    independent = len({m.source.voice for m in members})
    merged.notes = event_notes(merged, independent)
    published = [s.published for s in sources if s.published]
    return Event(
        event_id=event_id,
        merged=merged,
        report_ids=[r.report_id for r in reports],
        sources=sources,
        independent_sources=independent,
        corroboration="corroborated" if independent > 1 else "single-source",
        first_reported=min(published) if published else None,
        latest_reported=max(published) if published else None,
        disagreements=_disagreements(members),
    )


def event_notes(merged: EventReport, independent_sources: int) -> str:
    """ACLED-style one-sentence notes, with how many independent outlets report it."""
    return merged.summary() + (f" Reported by {independent_sources} independent sources." if independent_sources > 1 else "")


def _report_order(item: SourcedReport) -> tuple[Any, ...]:
    published = item.source.published
    return (published is None, published.isoformat() if published else "", item.report.report_id)


def _take(merged: EventReport, source: EventReport, names: tuple[str, ...]) -> None:
    for name in names:
        setattr(merged, name, getattr(source, name))


def _most_precise_date(reports: list[EventReport]) -> EventReport:
    def rank(report: EventReport) -> tuple[int, int]:
        span = (report.date_to - report.date_from).days if report.date_from and report.date_to else 9999
        return (DATE_PRECISION.get(report.date_precision or "", len(DATE_PRECISION)), span)

    return min(reports, key=rank)


def _most_precise_place(reports: list[EventReport]) -> EventReport:
    named = Counter(r.location for r in reports if r.location)
    return min(reports, key=lambda r: (r.geo_precision or 4, r.latitude is None, -named[r.location], r.country is None))


def _most_told(reports: list[EventReport], value: Callable[[EventReport], Hashable]) -> EventReport:
    """The first report giving the value most reports give (named before unnamed actors)."""
    votes = Counter(value(r) for r in reports)
    best = max(votes, key=lambda v: (votes[v], v is not None))
    return next(r for r in reports if value(r) == best)


def _actor_rank(actor: str | None) -> tuple[int, str] | None:
    """Named actors outvote "Unidentified Armed Group"; no actor votes last."""
    if actor is None:
        return None
    return (0 if actor.startswith(GENERIC_ACTORS) else 1, actor)


def _union(lists: Any) -> list[Any]:
    return list(dict.fromkeys(value for values in lists for value in values))


def _states_toll(report: EventReport) -> bool:
    return report.fatalities > 0 or any(e.field == "fatalities" for e in report.evidence)


def _lowest_toll(merged: EventReport, stating: list[EventReport]) -> None:
    """ACLED: the lowest figure any source gives; 0 when none gives one."""
    if not stating:
        merged.fatalities, merged.fatalities_low, merged.fatalities_high = 0, None, None
        return
    merged.fatalities = min(r.fatalities for r in stating)
    lows = [r.fatalities_low for r in stating if r.fatalities_low is not None]
    highs = [r.fatalities_high for r in stating if r.fatalities_high is not None]
    merged.fatalities_low = min(lows) if lows else None
    merged.fatalities_high = max(highs) if highs else None


def _vouched(merged: EventReport, reports: list[EventReport]) -> tuple[str, str | None]:
    """`confirmed` or `claimed` when a party to the event says so itself, else `reported`."""
    parties = {a for a in (merged.actor1, merged.actor2) if a}
    best = ("reported", None)
    for report in reports:
        if report.claimed_by is None or not _speaks_for(report.claimed_by, parties):
            continue
        if report.certainty == "confirmed":
            return "confirmed", report.claimed_by
        best = ("claimed", report.claimed_by)
    return best


def _speaks_for(speaker: str, parties: set[str]) -> bool:
    """'Al-Shabaab spokesman' speaks for Al Shabaab; 'the French defence ministry' for the
    Military Forces of France."""
    if {hit.value for hit in actor_matcher().find(speaker)} & parties:
        return True
    states = {countries()[hit.value].of_name for hit in country_matcher().find(speaker) if hit.value in countries()}
    return any(party.startswith(STATE_FORCES) and party.split(" of ", 1)[1] in states for party in parties)


def _sources(members: list[SourcedReport]) -> list[Source]:
    seen: dict[str, Source] = {}
    for member in members:
        for source in (member.source, *member.copies):
            seen.setdefault(source.article_id, source)
    return sorted(seen.values(), key=lambda s: (s.published is None, s.published.isoformat() if s.published else "", s.article_id))


def _disagreements(members: list[SourcedReport]) -> dict[str, list[Claim]]:
    found: dict[str, list[Claim]] = {}
    for name in (*DISPUTABLE, *sorted({key for m in members for key in m.report.quantities})):
        claims: dict[Any, Claim] = {}
        for member in members:
            value = _value(member.report, name)
            if value is None:
                continue
            claim = claims.setdefault(value, Claim(value, [], []))
            claim.report_ids.append(member.report.report_id)
            claim.outlets.append(member.source.outlet or member.source.article_id)
        if len(claims) > 1:
            found[name] = sorted(claims.values(), key=lambda c: str(c.value))
    return found


def _value(report: EventReport, name: str) -> Any:
    if name == "fatalities":
        return report.fatalities if _states_toll(report) else None
    if name == "event_date":
        return report.event_date.isoformat() if report.event_date and report.date_precision == "day" else None
    if name in DISPUTABLE:
        return getattr(report, name)
    return report.quantities.get(name)
