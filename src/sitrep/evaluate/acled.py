"""ACLED coders' notes as a development benchmark: note text in, sitrep's first event out,
compared with ACLED's own coding of that row.

The notes of January and February 2022 are for tuning (and training); March 2022 is held
out. Only the note's text goes in: the date, actors and place are read from it.
"""
from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.evaluate.events import fold
from sitrep.evaluate.hits import DocumentHits
from sitrep.geo import kilometres
from sitrep.records import Article, EventReport
from sitrep.resolve.gazetteer import gazetteer, skeleton, strip_region_word

HELD_OUT_FROM = "2022-03-01"
NEAR_KM = 25.0
SIZE_TAG = re.compile(r"\s*\[size=[^\]]*\]\s*$")


@dataclass
class NoteScore(DocumentHits):
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, gold: dict[str, str], report: EventReport | None) -> None:
        self.documents += 1
        self.with_event += report is not None
        predicted = report.sub_event_type if report else "(none)"
        self.confusion[(gold["sub_event_type"], predicted)] += 1
        self.hits["sub_event_type"] += predicted == gold["sub_event_type"]
        self.hits["event_type"] += report is not None and report.event_type == gold["event_type"]
        self.hits["actor1"] += report is not None and fold(report.actor1) == fold(gold["actor1"])
        self.hits["actor2"] += fold(report.actor2 if report else "") == fold(gold["actor2"])
        self.hits["fatalities"] += (report.fatalities if report else 0) == int(gold["fatalities"] or 0)
        self.hits["location"] += report is not None and fold(report.location) == fold(gold["location"])
        self.hits["country"] += report is not None and fold(report.country) == fold(gold["country"])
        if fold(gold["location"]) and fold(gold["location"]) in fold(gold.get("notes", "")):
            near = report is not None and within(report, float(gold["latitude"]), float(gold["longitude"]), NEAR_KM)
            region = report is not None and same_region(report.admin1, gold["admin1"])
            self.eligible.update(("coordinates_25km", "admin1", "gazetteer_coverage"))
            self.hits.update({"coordinates_25km": near, "admin1": region, "gazetteer_coverage": in_gazetteer(gold)})
            if report is not None:
                self.eligible.update(("found_coordinates_25km", "found_admin1"))
                self.hits.update({"found_coordinates_25km": near, "found_admin1": region})
            for level in ("admin2", "admin3"):
                if gold.get(level):
                    self.eligible[level] += 1
                    self.hits[level] += report is not None and same_region(getattr(report, level), gold[level])

    def macro_f1(self) -> float:
        classes = {g for g, _ in self.confusion}
        scores = []
        for label in classes:
            tp = self.confusion[(label, label)]
            predicted = sum(n for (_, p), n in self.confusion.items() if p == label)
            actual = sum(n for (g, _), n in self.confusion.items() if g == label)
            p = tp / predicted if predicted else 0.0
            r = tp / actual if actual else 0.0
            scores.append(2 * p * r / (p + r) if p + r else 0.0)
        return sum(scores) / len(scores) if scores else 0.0

    def to_dict(self) -> dict[str, Any]:
        fields = ("sub_event_type", "event_type", "actor1", "actor2", "fatalities", "location", "country", "coordinates_25km", "admin1", "found_coordinates_25km", "found_admin1", "admin2", "admin3", "gazetteer_coverage")
        return {
            "notes": self.documents,
            "with_event": self.with_event,
            "notes_with_place_named": self.eligible["admin1"],
            "sub_event_macro_f1": self.macro_f1(),
            **{f"{name}_accuracy": self.rate(name) for name in fields},
        }

    def render(self) -> str:
        lines = ["most frequent confusions (gold -> predicted):"]
        wrong = [(pair, n) for pair, n in self.confusion.most_common() if pair[0] != pair[1]][:8]
        lines += [f"  {g} -> {p}: {n}" for (g, p), n in wrong]
        lines.append(f"notes {self.documents}, with an event {self.with_event}; coordinates and admin1 over the {self.eligible['admin1']} whose place is named (found_: of those with an event found); admin2 and admin3 over those of them where ACLED gives one")
        for key, value in self.to_dict().items():
            if key not in ("notes", "with_event", "notes_with_place_named"):
                lines.append(f"  {key:<32} {value:.3f}")
        return "\n".join(lines)


def within(report: EventReport, latitude: float, longitude: float, radius_km: float) -> bool:
    if report.latitude is None or report.longitude is None:
        return False
    return kilometres(report.latitude, report.longitude, latitude, longitude) <= radius_km


def in_gazetteer(gold: dict[str, str]) -> bool:
    """The ceiling of coordinates_25km: the gazetteer holds a place of ACLED's location
    name ("Aden - Enma" is looked up as Aden) within 25 km of ACLED's point."""
    name = strip_region_word(gold["location"].split(" - ")[0])[0]
    latitude, longitude = float(gold["latitude"]), float(gold["longitude"])
    matches = gazetteer().lookup(name) or gazetteer().lookup(name, fuzzy=True)
    points = [(m.entry.latitude, m.entry.longitude) for m in matches if m.entry.latitude is not None and m.entry.longitude is not None]
    return any(kilometres(lat, lon, latitude, longitude) <= NEAR_KM for lat, lon in points)


def same_region(predicted: str | None, gold: str) -> bool:
    """Regions are spelt many ways: Idlib = Idleb, Dayr az Zawr = Deir ez Zor, Kharkivska
    oblast = Kharkiv, Seoul = Seoul Special City, Cote-dAzur = Cote d'Azur; a different
    region is still different."""
    if not predicted or not gold:
        return False
    a, b = (fold(strip_region_word(name)[0]) for name in (predicted, gold))
    shorter, longer = sorted((a, b), key=len)
    joined = a.replace(" ", "") == b.replace(" ", "")
    return a == b or joined or skeleton(a) == skeleton(b) or len(shorter) >= 4 and longer.startswith(shorter)


def read_notes(path: Path, split: str = "heldout") -> Iterator[tuple[Article, dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            held_out = row["event_date"] >= HELD_OUT_FROM
            if split == "all" or (split == "heldout") == held_out:
                text = SIZE_TAG.sub("", row["notes"])
                yield Article(id=row["event_id_cnty"], text=text), row


def first_event(reports: list[EventReport]) -> EventReport | None:
    return next((r for r in reports if not r.background), None)
