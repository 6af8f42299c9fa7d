"""The records that pass between stages: Article, EventReport, Event.

Field names follow DESIGN.md, so the JSON a stage writes is the JSON a user reads.
"""
from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any, Literal

from sitrep.data.lexicon import note_templates

DatePrecision = Literal["day", "week", "month", "year", "range"]
Certainty = Literal["confirmed", "claimed", "reported"]
"""Confirmed by a party to it, claimed by its perpetrator, or reported by others."""
Corroboration = Literal["corroborated", "single-source"]
ReviewStatus = Literal["accepted", "corrected", "rejected"]
CORRECTABLE = {"correctable": True}
"""Metadata of the fields an analyst may correct in review (store/reviews.py)."""


def content_hash(text: str) -> str:
    """Identity of an article's content, so the same text ingested twice is seen as one.
    Any str has one: a lone surrogate (from a JSON "\\ud800") is hashed as its code point
    rather than failing (the readers replace them before an article is stored)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()



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
    relevance: float | None = None
    """How likely the text reports a conflict or protest event (triage.relevance), scored
    before the parse; None where the relevance stage did not run."""
    filtered: bool = False
    """Dropped by the relevance stage as unrelated: stored as read, never parsed; a later
    run with the filter off extracts it."""
    metadata: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.raw_hash:
            self.raw_hash = content_hash(self.text)

    def to_dict(self) -> dict[str, Any]:
        return _jsonable(dataclasses.asdict(self))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        values = {k: v for k, v in data.items() if k in _ARTICLE_FIELDS}
        for key in ("published", "ingested_at"):
            values[key] = _datetime(values.get(key))
        return cls(**values)


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
    event_type: str = field(metadata=CORRECTABLE)
    sub_event_type: str = field(metadata=CORRECTABLE)
    event_date: date | None = field(default=None, metadata=CORRECTABLE)
    date_from: date | None = None
    date_to: date | None = None
    date_precision: DatePrecision | None = None
    actor1: str | None = field(default=None, metadata=CORRECTABLE)
    actor1_type: int | None = None
    assoc_actor_1: list[str] = field(default_factory=list)
    actor2: str | None = field(default=None, metadata=CORRECTABLE)
    actor2_type: int | None = None
    assoc_actor_2: list[str] = field(default_factory=list)
    country: str | None = field(default=None, metadata=CORRECTABLE)
    iso3: str | None = None
    admin1: str | None = field(default=None, metadata=CORRECTABLE)
    admin2: str | None = field(default=None, metadata=CORRECTABLE)
    admin3: str | None = field(default=None, metadata=CORRECTABLE)
    location: str | None = field(default=None, metadata=CORRECTABLE)
    latitude: float | None = field(default=None, metadata=CORRECTABLE)
    longitude: float | None = field(default=None, metadata=CORRECTABLE)
    geo_precision: int | None = field(default=None, metadata=CORRECTABLE)
    fatalities: int = field(default=0, metadata=CORRECTABLE)
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    injuries: int | None = None
    weapons: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    quantities: dict[str, int] = field(default_factory=dict)
    operation: str | None = None
    claimed_by: str | None = None
    certainty: Certainty = "reported"
    background: bool = False
    related: list[Relation] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.5
    notes: str = field(default="", metadata=CORRECTABLE)

    def summary(self) -> str:
        """A note in the manner of ACLED's: when, who did what to whom, where, the toll."""
        what = _told(note_templates().get(self.sub_event_type, "{actor1}: " + self.sub_event_type.lower() + " against {actor2}"), self)
        where = ", ".join(dict.fromkeys(x for x in (self.admin1, self.country) if x and x != self.location))
        place = f" in {self.location}" + (f" ({where})" if where else "") if self.location else (f" in {self.country}" if self.country else "")
        toll = "No fatalities reported." if not self.fatalities else f"{self.fatalities} {'fatality' if self.fatalities == 1 else 'fatalities'}."
        if self.fatalities_high and self.fatalities_high > self.fatalities:
            toll = f"{self.fatalities} to {self.fatalities_high} fatalities."
        extras = [f"{self.injuries} injured." if self.injuries else "", "[size=no report]" if self.event_type in ("Protests", "Riots") else ""]
        return " ".join(filter(None, [f"{_when(self)}, {what}{place}.", toll, *extras]))

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


@dataclass
class Processed:
    """An article with its reports, or with the reason it could not be processed."""

    article: Article
    reports: list[EventReport] = field(default_factory=list)
    error: str | None = None


_REPORT_FIELDS = {f.name for f in dataclasses.fields(EventReport)}
_ARTICLE_FIELDS = {f.name for f in dataclasses.fields(Article)}


@dataclass
class Source:
    """One outlet's publication of a report: the article it came from, or a syndicated copy
    of that article (`copy_of`), which adds a source but no independent confirmation."""

    article_id: str
    outlet: str | None = None
    url: str | None = None
    published: datetime | None = None
    copy_of: str | None = None

    @property
    def voice(self) -> str:
        """Who is speaking: the outlet, else the web site, else the article itself."""
        if self.outlet:
            return self.outlet.strip().lower()
        if self.url and "//" in self.url:
            return self.url.split("//", 1)[1].split("/", 1)[0].removeprefix("www.").lower()
        return self.copy_of or self.article_id


@dataclass
class SourcedReport:
    """A report with where it was published: what the merge stage compares."""

    report: EventReport
    source: Source
    copies: list[Source] = field(default_factory=list)


@dataclass
class Claim:
    """One value of a field that the reports disagree on, and who gives it."""

    value: Any
    report_ids: list[str]
    outlets: list[str]


@dataclass
class EventLink:
    """A relation to another event (`retaliation_for`, `follows`) or to a named operation
    (`part_of`)."""

    relation: str
    event_id: str | None = None
    operation: str | None = None


@dataclass
class Event:
    """One real-world event and the reports that describe it.

    `merged` holds the values chosen across reports (the lowest death toll, the most precise
    date and place); `disagreements` lists every field whose reports differ, value by value."""

    event_id: str
    merged: EventReport
    report_ids: list[str]
    sources: list[Source]
    independent_sources: int
    corroboration: Corroboration
    first_reported: datetime | None = None
    latest_reported: datetime | None = None
    disagreements: dict[str, list[Claim]] = field(default_factory=dict)
    links: list[EventLink] = field(default_factory=list)
    review_status: ReviewStatus | None = None
    """By an analyst; None until reviewed."""
    reviewed_fields: list[str] = field(default_factory=list)
    updated_at: datetime | None = None
    """When the event was last written: merged anew or reviewed."""

    @property
    def source_count(self) -> int:
        return len({s.voice for s in self.sources})

    def to_dict(self) -> dict[str, Any]:
        merged = self.merged.to_dict()
        for key in ("report_id", "article_id", "related", "evidence"):
            merged.pop(key)
        return _jsonable(
            {
                "event_id": self.event_id,
                **merged,
                "source_count": self.source_count,
                "independent_sources": self.independent_sources,
                "corroboration": self.corroboration,
                "first_reported": self.first_reported,
                "latest_reported": self.latest_reported,
                "report_ids": self.report_ids,
                "sources": [dataclasses.asdict(s) for s in self.sources],
                "disagreements": {k: [dataclasses.asdict(c) for c in v] for k, v in self.disagreements.items()},
                "links": [dataclasses.asdict(link) for link in self.links],
                "review_status": self.review_status,
                "reviewed_fields": self.reviewed_fields,
                "updated_at": self.updated_at,
            }
        )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        return cls(
            event_id=data["event_id"],
            merged=EventReport.from_dict({**data, "report_id": data["event_id"], "article_id": ""}),
            report_ids=list(data["report_ids"]),
            sources=[Source(**{**s, "published": _datetime(s.get("published"))}) for s in data["sources"]],
            independent_sources=data["independent_sources"],
            corroboration=data["corroboration"],
            first_reported=_datetime(data.get("first_reported")),
            latest_reported=_datetime(data.get("latest_reported")),
            disagreements={k: [Claim(**c) for c in v] for k, v in data.get("disagreements", {}).items()},
            links=[EventLink(**link) for link in data.get("links", [])],
            review_status=data.get("review_status"),
            reviewed_fields=list(data.get("reviewed_fields") or []),
            updated_at=_datetime(data.get("updated_at")),
        )


def _datetime(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


ACTOR2_JOINS = re.compile(r"\s+(?:with|on|at|against|from|of|and)\s+\{actor2\}.*$")


def _told(template: str, report: EventReport) -> str:
    """A taxonomy note template with the report's actors (data/taxonomy.csv's `note`)."""
    if not report.actor2:
        template = ACTOR2_JOINS.sub("", template)
    return template.replace("{actor1}", report.actor1 or "An unidentified actor").replace("{actor2}", report.actor2 or "an unidentified party")


def _when(report: EventReport) -> str:
    day = "{d.day} {d:%B} {d.year}"
    if report.date_precision not in (None, "day") and report.date_from and report.date_to and report.date_from != report.date_to:
        return f"Between {day.format(d=report.date_from)} and {day.format(d=report.date_to)}"
    return f"On {day.format(d=report.event_date)}" if report.event_date else "On an unknown date"
