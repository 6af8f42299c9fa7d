"""The API's response models, derived from the records (records.py) rather than typed
again, so OpenAPI documents the Event and EventReport a client receives. An Event is
served flat, as `Event.to_dict` writes it: the merged report's fields beside the event's
own. Routes send the records' JSON as it is (dates as `isoformat` writes them); these
models document it, and the tests check responses against them."""
from __future__ import annotations

import dataclasses
import typing
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from sitrep.records import Event, EventReport
from sitrep.store.filters import FILTER_OPTIONS, FilterOption
from sitrep.store.reviews import CORRECTABLE, Review

EVENT_LEVEL = ("source_count", "independent_sources", "corroboration", "first_reported", "latest_reported", "report_ids", "sources",
               "disagreements", "links", "review_status", "reviewed_fields")
NOT_IN_EVENT = ("report_id", "article_id", "related", "evidence")
"""Fields of a report that belong to the article's account, not to the merged event."""


def _fields(record: type, names: typing.Iterable[str] | None = None) -> dict[str, Any]:
    hints = typing.get_type_hints(record)
    wanted = [f for f in dataclasses.fields(record) if names is None or f.name in names]
    return {f.name: (hints[f.name], f.default if f.default is not dataclasses.MISSING else ...) for f in wanted}


EventReportModel = create_model("EventReport", __doc__=EventReport.__doc__, **_fields(EventReport))  # type: ignore[call-overload]
EventModel = create_model(  # type: ignore[call-overload]
    "Event",
    __doc__=Event.__doc__,
    event_id=(str, ...),
    **{name: spec for name, spec in _fields(EventReport).items() if name not in NOT_IN_EVENT},
    source_count=(int, ...),
    **_fields(Event, [n for n in EVENT_LEVEL if n != "source_count"]),
)


class ArticleModel(BaseModel):
    """A stored article as the API shows it, with the outlets that carried copies of it."""

    model_config = ConfigDict(extra="allow")
    id: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    text: str
    copies: list[dict[str, Any]] = []


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    events: list[EventModel]  # type: ignore[valid-type]


class ReportWithArticle(BaseModel):
    report: EventReportModel  # type: ignore[valid-type]
    article: ArticleModel | None


class LinkedEvent(BaseModel):
    relation: str
    event_id: str | None
    operation: str | None
    notes: str | None


ReviewModel = create_model("Review", __doc__=Review.__doc__, **_fields(Review))  # type: ignore[call-overload]


class EventDetail(BaseModel):
    """One event with its reports, their articles and evidence, its links and reviews."""

    event: EventModel  # type: ignore[valid-type]
    reports: list[ReportWithArticle]
    links: list[LinkedEvent]
    reviews: list[ReviewModel]  # type: ignore[valid-type]
    correctable: dict[str, str] = {name: kind.__name__ for name, kind in CORRECTABLE.items()}


class Reviewed(BaseModel):
    event: EventModel  # type: ignore[valid-type]
    reviews: list[ReviewModel]  # type: ignore[valid-type]


def _query_field(spec: FilterOption) -> tuple[Any, Any]:
    kind = typing.Literal[spec.choices] if spec.choices else spec.kind  # type: ignore[valid-type]
    length = spec.max_length if spec.kind is str and not spec.choices else None
    return kind | None, Field(None, description=spec.help, max_length=length, pattern=spec.pattern)


EventFilters = create_model(  # type: ignore[call-overload]
    "EventFilters", __doc__="The query parameters that filter events (store/filters.py).", **{spec.query: _query_field(spec) for spec in FILTER_OPTIONS}
)
