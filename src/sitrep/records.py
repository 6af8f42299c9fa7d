"""The records that pass between stages: Article, EventReport, Event.

Field names follow DESIGN.md, so the JSON a stage writes is the JSON a user reads.
"""
from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any


def content_hash(text: str) -> str:
    """Identity of an article's content, so the same text ingested twice is seen as one."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()



@dataclass
class Article:
    id: str
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: datetime | None = None
    language: str | None = None
    raw_hash: str = ""
    fingerprint: int | None = None
    """SimHash of the wording as read (clean.duplicates), to recognise copies of a story."""
    source_path: str | None = None
    ingested_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    metadata: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.raw_hash:
            self.raw_hash = content_hash(self.text)

    def to_dict(self) -> dict[str, Any]:
        return _jsonable(dataclasses.asdict(self))


@dataclass
class Evidence:
    """Where in the cleaned article text a field's value was read."""

    field: str
    start: int
    end: int
    text: str


@dataclass
class Relation:
    relation: str
    report_id: str


@dataclass
class EventReport:
    """One article's account of one event."""

    report_id: str
    article_id: str
    event_type: str
    sub_event_type: str
    event_date: date | None = None
    date_from: date | None = None
    date_to: date | None = None
    date_precision: str | None = None
    actor1: str | None = None
    actor1_type: int | None = None
    assoc_actor_1: list[str] = field(default_factory=list)
    actor2: str | None = None
    actor2_type: int | None = None
    assoc_actor_2: list[str] = field(default_factory=list)
    country: str | None = None
    iso3: str | None = None
    admin1: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int = 0
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    injuries: int | None = None
    weapons: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    quantities: dict[str, int] = field(default_factory=dict)
    operation: str | None = None
    claimed_by: str | None = None
    certainty: str = "reported"
    background: bool = False
    related: list[Relation] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.5
    notes: str = ""

    def to_dict(self) -> dict[str, Any]:
        return _jsonable(dataclasses.asdict(self))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventReport:
        values = {k: v for k, v in data.items() if k in _REPORT_FIELDS}
        for key in ("event_date", "date_from", "date_to"):
            if isinstance(values.get(key), str):
                values[key] = date.fromisoformat(values[key])
        values["evidence"] = [Evidence(**e) for e in values.get("evidence") or []]
        values["related"] = [Relation(**r) for r in values.get("related") or []]
        return cls(**values)


_REPORT_FIELDS = {f.name for f in dataclasses.fields(EventReport)}


@dataclass
class Event:
    """One real-world event and the reports that describe it."""

    event_id: str
    report: EventReport
    report_ids: list[str]
    sources: list[dict[str, Any]]
    first_reported: datetime | None = None

    @property
    def source_count(self) -> int:
        return len({s.get("outlet") or s.get("article_id") for s in self.sources})

    def to_dict(self) -> dict[str, Any]:
        merged = self.report.to_dict()
        merged.pop("report_id")
        merged.pop("article_id")
        return _jsonable(
            {
                "event_id": self.event_id,
                **merged,
                "report_ids": self.report_ids,
                "sources": self.sources,
                "source_count": self.source_count,
                "first_reported": self.first_reported,
            }
        )


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value
