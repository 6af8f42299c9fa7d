"""Events tied to each other through their reports: an article that tells of a strike "in
retaliation for" an attack links the two events, whichever outlets the events were merged
from; a named operation gathers its strikes."""
from __future__ import annotations

from collections.abc import Callable

from sitrep.records import EventLink, SourcedReport


def event_links(event_id: str, members: list[SourcedReport], event_of: Callable[[str], str | None], operation: str | None) -> list[EventLink]:
    links: list[EventLink] = []
    for member in members:
        for relation in member.report.related:
            other = event_of(relation.report_id)
            link = EventLink(relation.relation, event_id=other)
            if other is not None and other != event_id and link not in links:
                links.append(link)
    if operation:
        links.append(EventLink("part_of", operation=operation))
    return links
