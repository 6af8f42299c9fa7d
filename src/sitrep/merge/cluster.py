"""Reports → events, one report at a time, each compared only with the events of its
blocks (country × day), so the cost grows with the number of reports, not its square.

An event keeps the id it got from the report that founded it; a new report joins the
event it agrees with best, or founds one. Feeding the same reports in the same order
gives the same events and ids; feeding more later leaves untouched events as they were."""
from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

from sitrep.merge.compare import agreement, window
from sitrep.records import SourcedReport

MERGE_SCORE = 3.0
"""Same day and same town (4), same day and one named actor in common (3.5), the same
town within a vague week and the same event type (3.5), ..."""


def event_id_for(report_id: str) -> str:
    return "E" + hashlib.sha1(report_id.encode("utf-8")).hexdigest()[:12]


class Merger:
    def __init__(self) -> None:
        self.members: dict[str, list[SourcedReport]] = {}
        self._blocks: dict[tuple[str, date], set[str]] = defaultdict(set)

    def seed(self, event_id: str, members: list[SourcedReport]) -> None:
        """An event merged before, which new reports may join."""
        self.members[event_id] = list(members)
        for item in members:
            self._index(event_id, item)

    def add(self, item: SourcedReport) -> str:
        """The id of the event the report joins or founds."""
        best_id, best_score = None, MERGE_SCORE
        for event_id in sorted(self._candidates(item)):
            score = self._agreement(item, self.members[event_id])
            if score is not None and score >= best_score and (best_id is None or score > best_score):
                best_id, best_score = event_id, score
        if best_id is None:
            best_id = event_id_for(item.report.report_id)
            self.members[best_id] = []
        self.members[best_id].append(item)
        self._index(best_id, item)
        return best_id

    def add_all(self, items: Iterable[SourcedReport]) -> set[str]:
        """The ids of the events that gained reports."""
        return {self.add(item) for item in items}

    def _agreement(self, item: SourcedReport, members: list[SourcedReport]) -> float | None:
        """The best agreement with any member, if it contradicts none: a vague report joins
        through the precise report it matches, as long as it contradicts no other."""
        scores = [agreement(item, member) for member in members]
        if any(score is None for score in scores):
            return None
        return max(scores)  # type: ignore[type-var]

    def _candidates(self, item: SourcedReport) -> set[str]:
        found: set[str] = set()
        for key in _keys(item):
            found |= self._blocks.get(key, set())
        return found

    def _index(self, event_id: str, item: SourcedReport) -> None:
        for key in _keys(item):
            self._blocks[key].add(event_id)


def block_of(item: SourcedReport) -> str:
    """The country: reports are compared only within one."""
    return item.report.iso3 or item.report.country or "?"


def _keys(item: SourcedReport) -> list[tuple[str, date]]:
    days = window(item)
    if days is None:
        return []
    country = block_of(item)
    first, last = days
    return [(country, first + timedelta(days=n)) for n in range((last - first).days + 1)]
