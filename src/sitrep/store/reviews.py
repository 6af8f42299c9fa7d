"""Analysts' reviews of events: accept, correct a field, reject. Every change is kept
(who, when, old and new value) and laid over the machine's values whenever an event is
read, exported or merged again, so a re-merge never undoes an analyst's correction.

Writes need a token: `sitrep token create NAME` stores only its SHA-256."""
from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

import duckdb

from sitrep.merge.combine import event_notes
from sitrep.records import Event

REVIEW_SCHEMA = """
CREATE TABLE IF NOT EXISTS reviews (
    event_id VARCHAR NOT NULL, action VARCHAR NOT NULL, field VARCHAR, old_value JSON, new_value JSON,
    reviewer VARCHAR NOT NULL, reviewed_at TIMESTAMP NOT NULL
);
CREATE INDEX IF NOT EXISTS reviews_event ON reviews (event_id);
CREATE TABLE IF NOT EXISTS tokens (name VARCHAR PRIMARY KEY, token_hash VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL);
"""
ACTIONS = ("accept", "correct", "reject")
STATUS = {"accept": "accepted", "correct": "corrected", "reject": "rejected"}
CORRECTABLE: dict[str, type] = {
    "event_date": date, "event_type": str, "sub_event_type": str, "actor1": str, "actor2": str, "country": str,
    "admin1": str, "location": str, "latitude": float, "longitude": float, "geo_precision": int, "fatalities": int, "notes": str,
}
"""The fields an analyst may correct, with the type a new value must have."""


@dataclass
class Review:
    event_id: str
    action: str
    field: str | None
    old_value: Any
    new_value: Any
    reviewer: str
    reviewed_at: datetime

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id, "action": self.action, "field": self.field, "old_value": _jsonable(self.old_value),
            "new_value": _jsonable(self.new_value), "reviewer": self.reviewer, "reviewed_at": self.reviewed_at.isoformat(),
        }


def apply_reviews(event: Event, reviews: list[Review]) -> Event:
    """The event as the analysts left it: corrections in order, the latest verdict as status."""
    for review in reviews:
        if review.action == "correct" and review.field in CORRECTABLE:
            setattr(event.merged, review.field, typed_value(review.field, review.new_value))
            if review.field not in event.reviewed_fields:
                event.reviewed_fields.append(review.field)
        event.review_status = STATUS[review.action]
    if event.reviewed_fields and "notes" not in event.reviewed_fields:
        event.merged.notes = event_notes(event.merged, event.independent_sources)
    return event


def typed_value(field_name: str, value: Any) -> Any:
    """A correction's value in its field's type (raises ValueError or TypeError if it has none)."""
    kind = CORRECTABLE[field_name]
    if value is None:
        return None
    if kind is date:
        return value if isinstance(value, date) else date.fromisoformat(str(value))
    return kind(value)


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
            "INSERT INTO reviews VALUES (?, ?, ?, ?, ?, ?, ?)",
            [review.event_id, review.action, review.field, json.dumps(_jsonable(review.old_value)),
             json.dumps(_jsonable(review.new_value)), review.reviewer, review.reviewed_at],
        )

    def reviews(self, event_ids: list[str]) -> dict[str, list[Review]]:
        found: dict[str, list[Review]] = {}
        if not event_ids:
            return found
        rows = self.con.execute(
            "SELECT event_id, action, field, old_value, new_value, reviewer, reviewed_at FROM reviews "
            "WHERE event_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY reviewed_at, rowid",
            [event_ids],
        ).fetchall()
        for event_id, action, field_name, old, new, reviewer, when in rows:
            found.setdefault(event_id, []).append(Review(event_id, action, field_name, json.loads(old), json.loads(new), reviewer, when))
        return found
