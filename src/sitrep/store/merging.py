"""The database's merge job: the reports no event holds yet are merged into the events
near them (same country, overlapping days), and only the events that changed are
recombined and rewritten, so adding articles never re-merges the whole database."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from sitrep.merge import Merger, combine, event_links
from sitrep.merge.cluster import block_of
from sitrep.merge.compare import window
from sitrep.records import Event, SourcedReport
from sitrep.store.database import Store
from sitrep.store.events import Placement


@dataclass
class MergeSummary:
    reports: int
    created: int
    updated: int
    removed: int

    def __add__(self, other: MergeSummary) -> MergeSummary:
        return MergeSummary(self.reports + other.reports, self.created + other.created, self.updated + other.updated, self.removed + other.removed)


def merge_new(store: Store, rebuild: bool = False, progress: Callable[[list[SourcedReport]], Iterable[SourcedReport]] = lambda items: items) -> MergeSummary:
    """Merge the reports not in an event yet. With `rebuild`, every report is merged again
    from nothing, and the new events replace all the old ones in one transaction, so a
    rebuild killed half-way leaves the old events, never none (ids stay the same for the
    same reports: an event is named after its founding report). `progress` wraps the reports
    as they are merged (the CLI's bar)."""
    items = store.unmerged(everything=rebuild)
    stale = set() if rebuild else set(store.stale())
    nearby = set() if rebuild else _events_near(store, items)
    merger = Merger()
    for event_id, members in store.members(nearby | stale).items():
        merger.seed(event_id, members)
    known = set(merger.members)
    touched = merger.add_all(progress(items)) | stale
    membership = {m.report.report_id: event_id for event_id in touched for m in merger.members.get(event_id, [])}

    def event_of(report_id: str) -> str | None:
        return membership.get(report_id) or (None if rebuild else store.event_of(report_id))

    placed, emptied = [], []
    for event_id in sorted(touched):
        members = merger.members.get(event_id, [])
        if not members:
            emptied.append(event_id)
            continue
        event = combine(event_id, members)
        event.links = event_links(event_id, members, event_of, event.merged.operation)
        placed.append(_placement(event, members))
    if rebuild:
        emptied = sorted(store.event_ids() - touched)
    store.save_events(placed, emptied)
    created = len(touched - known - stale)
    return MergeSummary(len(items), created, len(placed) - created, len(emptied))


def _events_near(store: Store, items: list[SourcedReport]) -> set[str]:
    """Stored events of the same block whose days overlap those of the new reports."""
    spans: dict[str, list[tuple[date, date]]] = defaultdict(list)
    for item in items:
        days = window(item)
        if days is not None:
            spans[block_of(item)].append(days)
    return {event_id for block, days in spans.items() for event_id in store.events_near(block, min(d[0] for d in days), max(d[1] for d in days))}


def _placement(event: Event, members: list[SourcedReport]) -> Placement:
    windows = [days for days in map(window, members) if days is not None]
    return Placement(
        event,
        block_of(members[0]),
        min(d[0] for d in windows) if windows else None,
        max(d[1] for d in windows) if windows else None,
    )
