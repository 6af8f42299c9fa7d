"""The document layer, between extraction and resolution: an article's mentions (each a
trigger with its arguments and evidence) → its events (clusters of mentions), each decided
news, context or background, and placed where the text tells it → one draft per event,
which resolve turns into a report.

    facts ─ cluster ─→ drafts ─ kinds ─→ typed ─ told_events ─→ events
          ─ timeline (links, asides, tallies, scenes) ─ listing (one a place)
          ─ attribution (the named group held responsible) ─ targets
"""
from __future__ import annotations

from functools import partial
from typing import Any

from spacy.tokens import Doc

from sitrep.clean.dateline import wire_dateline
from sitrep.document.attribution import attribute
from sitrep.document.cluster import cluster, told_events
from sitrep.document.draft import Draft
from sitrep.document.kinds import context_of, one_more_of_the_kind, rioted, settle_type
from sitrep.document.listing import casualty_list, listed_places
from sitrep.document.targets import add_targets
from sitrep.document.timeline import (
    date_from_the_day_before,
    is_described,
    is_tally,
    join_restatements,
    link,
    place_asides,
)
from sitrep.extraction.arguments import MentionFacts
from sitrep.extraction.dates import DateValue
from sitrep.guard import guarded
from sitrep.records import Article

LEAD_SENTENCES = 3
HEADLINE_STOPS = (".", "!", "?", '"', "\u201d", ":")


def document_events(article: Article, doc: Doc, facts: list[MentionFacts]) -> list[Draft]:
    """The article's events, from the mentions extraction read in its parse."""
    sentences = list(doc.sents)
    lead_end = sentences[min(LEAD_SENTENCES, len(sentences)) - 1].end_char if sentences else 0
    published = None
    if article.published is not None:
        day = article.published.date()
        published = DateValue(day, day, "day")
    drafts, owner = cluster(facts, lead_end, published, _headline_end(sentences))
    for draft in drafts:
        settle_type(draft, context_of(draft, facts))
    events = told_events(drafts)
    one_more_of_the_kind(events)
    link(facts, owner, events)
    date_from_the_day_before(events)
    for draft in events:
        draft.recounted = is_tally(draft) or is_described(draft)
    events = join_restatements(place_asides(events, published))
    for draft in events:
        rioted(draft)
        counted, draft.tolls = casualty_list(draft)
        draft.listed = counted or listed_places(draft, doc)
    _outside_the_dateline(events, article.text)
    attribute(events, doc)
    guarded("targets", partial(add_targets, doc, events), None)
    return events


def _outside_the_dateline(events: list[Draft], text: str) -> None:
    """"BEIRUT (Reuters) — An air strike on a port ...": the outlet and the town it filed
    from are neither an actor nor the event's place."""
    dateline = wire_dateline(text)
    if dateline is None:
        return
    _, start, end = dateline
    for draft in events:
        draft.agents = [a for a in draft.agents if not start <= a.start < end]
        draft.patients = [p for p in draft.patients if not start <= p.start < end]
        draft.associates = [a for a in draft.associates if not start <= a.start < end]
        draft.places = [p for p in draft.places if not start <= p.start < end]


def _headline_end(sentences: list[Any]) -> int:
    """Where a headline ends: a first line with no full stop, followed by a story. Headlines
    are terse ("Russian missiles kill six in Kharkiv") and parse badly; they add to the
    events the story tells rather than tell their own."""
    if len(sentences) < 2:
        return 0
    first = sentences[0].text.rstrip()
    ends_paragraph = "\n" in sentences[0].text[len(first):] or sentences[1].text.startswith("\n")
    return sentences[0].end_char if ends_paragraph and first[-1:] not in HEADLINE_STOPS else 0


__all__ = ["Draft", "document_events"]
