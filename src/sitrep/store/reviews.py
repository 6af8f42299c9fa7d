"""Analysts' reviews of events: accept, correct a field, reject. Every change is kept
(who, when, old and new value) and laid over the machine's values whenever an event is
read, exported or merged again, so a re-merge never undoes an analyst's correction.

Writes need a token: `sitrep token create NAME` stores only its SHA-256."""
from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import secrets
import typing
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import cache
from typing import Any

import duckdb

from sitrep.data.lexicon import countries
from sitrep.merge.combine import event_notes
from sitrep.records import Event, EventReport
from sitrep.resolve.places import iso3, resolve_place

REVIEW_SCHEMA = """
CREATE TABLE IF NOT EXISTS reviews (
    event_id VARCHAR NOT NULL, action VARCHAR NOT NULL, field VARCHAR, old_value JSON, new_value JSON,
    reviewer VARCHAR NOT NULL, reviewed_at TIMESTAMP NOT NULL
);
CREATE INDEX IF NOT EXISTS reviews_event ON reviews (event_id);
ALTER TABLE reviews ADD COLUMN IF NOT EXISTS reason VARCHAR;
CREATE TABLE IF NOT EXISTS tokens (name VARCHAR PRIMARY KEY, token_hash VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL);
"""
ACTIONS = ("accept", "correct", "reject")
STATUS = {"accept": "accepted", "correct": "corrected", "reject": "rejected"}


def _correctable() -> dict[str, type]:
    """The fields records.py marks correctable, with the type a new value must have."""
    hints = typing.get_type_hints(EventReport)
    return {f.name: _scalar(hints[f.name]) for f in dataclasses.fields(EventReport) if f.metadata.get("correctable")}


def _scalar(hint: Any) -> type:
    """`int | None` → int; a Literal of strings → str."""
    kinds = [k for k in typing.get_args(hint) if k is not type(None)] or [hint]
    kind = kinds[0]
    return str if typing.get_origin(kind) is typing.Literal else kind


CORRECTABLE = _correctable()
RANGES: dict[str, tuple[int, int]] = {"latitude": (-90, 90), "longitude": (-180, 180), "fatalities": (0, 1_000_000), "geo_precision": (1, 3)}
MAX_TEXT = 500


@dataclass
class Review:
    event_id: str
    action: str
    field: str | None
    old_value: Any
    new_value: Any
    reviewer: str
    reviewed_at: datetime
    reason: str | None = None
    """Why, in the reviewer's words: the source that gives the right value, what is wrong."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id, "action": self.action, "field": self.field, "old_value": _jsonable(self.old_value),
            "new_value": _jsonable(self.new_value), "reviewer": self.reviewer, "reviewed_at": self.reviewed_at.isoformat(), "reason": self.reason,
        }


def apply_reviews(event: Event, reviews: list[Review]) -> Event:
    """The event as the analysts left it: corrections in order, the latest verdict as status."""
    for review in reviews:
        if review.action == "correct" and review.field in CORRECTABLE:
            setattr(event.merged, review.field, typed_value(review.field, review.new_value))
            if review.field == "country":
                event.merged.iso3 = country_iso3(event.merged.country)
            if review.field == "location" and not {"latitude", "longitude"} & set(event.reviewed_fields):
                _place_at(event.merged)
            if review.field not in event.reviewed_fields:
                event.reviewed_fields.append(review.field)
        event.review_status = STATUS[review.action]
    if event.reviewed_fields and "notes" not in event.reviewed_fields:
        event.merged.notes = event_notes(event.merged, event.independent_sources)
    return event


def typed_value(field_name: str, value: Any) -> Any:
    """A correction's value in its field's type, or a ValueError saying why it has none.

    Strict, because a lenient cast loses what the analyst typed: int(2.5) is 2, int(True)
    is 1, and int(Infinity) is an OverflowError. Numbers may come as JSON numbers or as
    the text of one (the dashboard's input box)."""
    kind = CORRECTABLE[field_name]
    if value is None:
        return None
    if kind is date:
        if isinstance(value, date):
            return value
        if not isinstance(value, str):
            raise ValueError("a date is written YYYY-MM-DD")
        return date.fromisoformat(value)
    if kind is str:
        if not isinstance(value, str):
            raise ValueError("the value must be text")
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError("the value must be a number")
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        raise ValueError("the value must be a finite number")
    if kind is float:
        return number
    if not number.is_integer():
        raise ValueError("the value must be a whole number")
    return int(number)


def checked_value(field_name: str, value: Any) -> Any:
    """A correction's value in its field's type and within its field's bounds (a known
    country, a latitude on the globe, a toll of no fewer than none), or a ValueError."""
    try:
        typed = typed_value(field_name, value)
    except ValueError as exc:
        raise ValueError(f"{field_name} needs a {CORRECTABLE[field_name].__name__}: {exc}") from exc
    if typed is None:
        return None
    if field_name in RANGES and not RANGES[field_name][0] <= typed <= RANGES[field_name][1]:
        raise ValueError(f"{field_name} must be between {RANGES[field_name][0]} and {RANGES[field_name][1]}")
    if isinstance(typed, str) and len(typed) > MAX_TEXT:
        raise ValueError(f"{field_name} is longer than {MAX_TEXT} characters")
    if field_name == "country" and typed not in _iso2_by_name():
        raise ValueError(f"unknown country {typed!r}")
    return typed


def country_iso3(name: str | None) -> str | None:
    """The ISO code that goes with a country's name, so a corrected country does not keep
    the old country's code."""
    iso2 = _iso2_by_name().get(name) if name else None
    return iso3(iso2) if iso2 else None


def _place_at(report: EventReport) -> None:
    """A corrected location brings its own coordinates, region and districts (the
    gazetteer's, in the event's country), or none: the old point and districts would put
    the event where it did not happen."""
    iso2 = _iso2_by_name().get(report.country or "")
    place = resolve_place(report.location, [iso2] if iso2 else []) if report.location else None
    if place is not None and (iso2 is None or place.iso2 == iso2) and place.latitude is not None:
        report.latitude, report.longitude, report.admin1 = place.latitude, place.longitude, place.admin1 or report.admin1
        report.admin2, report.admin3 = place.admin2, place.admin3
        report.geo_precision = 1 if place.is_settlement else 2
    else:
        report.latitude = report.longitude = report.geo_precision = report.admin2 = report.admin3 = None


@cache
def _iso2_by_name() -> dict[str, str]:
    return {country.name: iso2 for iso2, country in countries().items()}


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class ReviewTables:
    con: duckdb.DuckDBPyConnection

    def create_token(self, name: str) -> str:
        """A new secret for NAME (replacing any earlier one); only its hash is stored."""
        token = secrets.token_urlsafe(24)
        self.con.execute("DELETE FROM tokens WHERE name = ?", [name])
        self.con.execute("INSERT INTO tokens VALUES (?, ?, ?)", [name, token_hash(token), datetime.now(timezone.utc)])
        return token

    def reviewer(self, token: str) -> str | None:
        """Whose token this is, or None."""
        row = self.con.execute("SELECT name FROM tokens WHERE token_hash = ?", [token_hash(token)]).fetchone()
        return row[0] if row else None

    def add_review(self, review: Review) -> None:
        self.con.execute(
            "INSERT INTO reviews (event_id, action, field, old_value, new_value, reviewer, reviewed_at, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [review.event_id, review.action, review.field, json.dumps(_jsonable(review.old_value)),
             json.dumps(_jsonable(review.new_value)), review.reviewer, review.reviewed_at, review.reason],
        )

    def reviews(self, event_ids: list[str]) -> dict[str, list[Review]]:
        found: dict[str, list[Review]] = {}
        if not event_ids:
            return found
        rows = self.con.execute(
            "SELECT event_id, action, field, old_value, new_value, reviewer, reviewed_at, reason FROM reviews "
            "WHERE event_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY reviewed_at, rowid",
            [event_ids],
        ).fetchall()
        for event_id, action, field_name, old, new, reviewer, when, reason in rows:
            found.setdefault(event_id, []).append(Review(event_id, action, field_name, json.loads(old), json.loads(new), reviewer, when, reason))
        return found
