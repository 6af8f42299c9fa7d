"""FA-KES (Syrian war reports, crowd-coded): the article's main event against the crowd's
date, place and death toll.

Only the article's text goes in (its date comes from a dateline in the text, as for any
scraped page); the main event is sitrep's first non-background report. The crowd codes
the governorate ("aleppo", "deir ezzor") where sitrep names a town, so place names are
compared leniently (see `same_place`), and the crowd's counts are noisy: these are
development numbers for tracking, not a gold standard.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sitrep.evaluate.hits import DocumentHits
from sitrep.records import Article, EventReport

ARABIC_ARTICLE = re.compile(r"^(?:al|ar|as|ad|ash|at|az|an|el)(?=[a-z]{3})")


@dataclass
class FakesScore(DocumentHits):
    def add(self, row: dict[str, str], report: EventReport | None) -> None:
        self.documents += 1
        if report is None:
            return
        self.with_event += 1
        gold_day = datetime.strptime(row["date"], "%m/%d/%y").date()
        deaths = int(row["nb_civilians"] or 0) + int(row["nb_noncivilians"] or 0)
        self.hits["date_within_1_day"] += report.event_date is not None and abs((report.event_date - gold_day).days) <= 1
        self.hits["place"] += same_place(report.location or "", row["location"])
        self.hits["deaths_exact"] += report.fatalities == deaths
        self.hits["deaths_within_20pct"] += abs(report.fatalities - deaths) <= max(1, 0.2 * deaths)

    def to_dict(self) -> dict[str, Any]:
        rates = {name: self.rate(name) for name in ("date_within_1_day", "place", "deaths_exact", "deaths_within_20pct")}
        return {"articles": self.documents, "with_event": self.with_event, **rates}

    def render(self) -> str:
        lines = [f"articles {self.documents}, with an event {self.with_event}"]
        lines += [f"  {name:<22} {value:.3f}" for name, value in self.to_dict().items() if isinstance(value, float)]
        return "\n".join(lines)


def same_place(predicted: str, crowd: str) -> bool:
    """Names agree once case, accents, spaces, hyphens and an Arabic article are set aside,
    or one is the other's beginning ("deir ez-zor" / "deir ezzor", "al hasakah" / "hasakeh")."""
    a, b = _squash(predicted), _squash(crowd)
    return bool(a and b) and (a == b or a.startswith(b[:5]) or b.startswith(a[:5]))


def _squash(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return ARABIC_ARTICLE.sub("", re.sub(r"[^a-z]", "", text))


def read_articles(path: Path) -> Iterator[tuple[Article, dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            yield Article(id=row["unit_id"], text=row["article_content"], outlet=row["source"] or None), row
