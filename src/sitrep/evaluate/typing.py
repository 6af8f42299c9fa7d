"""CASE-style typing: each required gold event's evidence typed on its own.

A snippet benchmark in the manner of the CASE 2021 shared task on ACLED sub-event types:
the evidence sentence(s) of every required event in a gold-events file (news-dev) are read
as an article of their own, published when the article was, and the first non-background
report's sub-event type is the prediction ("none" when sitrep finds no event). A
prediction is right when it is one of the gold's accepted type pairs. Weighted F1 is the
per-class F1 averaged with the gold classes' supports as weights, as CASE reports it."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sitrep.evaluate.events import Gold
from sitrep.records import Article, EventReport

NO_EVENT = "none"
FRAGMENT_JOIN = " ... "


def snippets(gold: dict[str, list[Gold]], published: dict[str, datetime | None]) -> list[tuple[Article, Gold]]:
    """One article per required gold event, its evidence fragments joined into one text."""
    return [
        (Article(id=g["gold_id"], text=" ".join(g["evidence"].split(FRAGMENT_JOIN)), published=published.get(doc_id)), g)
        for doc_id, golds in sorted(gold.items())
        for g in golds
        if not g["optional"] and g.get("evidence")
    ]


@dataclass
class TypingScore:
    pairs: list[tuple[str, str]] = field(default_factory=list)
    """(gold sub-event type, predicted) per snippet; gold is the accepted type predicted, if any."""
    errors: list[str] = field(default_factory=list)

    def add(self, gold: Gold, report: EventReport | None) -> None:
        accepted = [tuple(t) for t in gold["types"]]
        predicted = (report.event_type, report.sub_event_type) if report is not None else None
        truth = predicted[1] if predicted in accepted else accepted[0][1]  # type: ignore[index]
        guess = predicted[1] if predicted is not None else NO_EVENT
        self.pairs.append((truth, guess))
        if truth != guess:
            self.errors.append(f"{gold['gold_id']}: {guess} for {truth}")

    @property
    def accuracy(self) -> float:
        return sum(t == p for t, p in self.pairs) / len(self.pairs) if self.pairs else 0.0

    def per_class(self) -> dict[str, tuple[float, float, float, int]]:
        """Precision, recall, F1 and support of each gold class."""
        support = Counter(t for t, _ in self.pairs)
        predicted = Counter(p for _, p in self.pairs)
        hits = Counter(t for t, p in self.pairs if t == p)
        table = {}
        for label, n in support.items():
            precision = hits[label] / predicted[label] if predicted[label] else 0.0
            recall = hits[label] / n
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            table[label] = (precision, recall, f1, n)
        return table

    @property
    def weighted_f1(self) -> float:
        table = self.per_class()
        total = sum(n for *_, n in table.values())
        return sum(f1 * n for _, _, f1, n in table.values()) / total if total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "snippets": len(self.pairs), "accuracy": self.accuracy, "weighted_f1": self.weighted_f1,
            "no_event": sum(p == NO_EVENT for _, p in self.pairs),
            "classes": {label: {"precision": p, "recall": r, "f1": f, "support": n} for label, (p, r, f, n) in sorted(self.per_class().items())},
        }

    def render(self) -> str:
        lines = [*self.errors]
        for label, (p, r, f, n) in sorted(self.per_class().items(), key=lambda item: -item[1][3]):
            lines.append(f"  {label:<40} P {p:.2f}  R {r:.2f}  F1 {f:.2f}  n {n}")
        no_event = sum(p == NO_EVENT for _, p in self.pairs)
        lines += [
            f"snippets {len(self.pairs)} (no event found in {no_event})",
            f"sub-event accuracy {self.accuracy:.3f}  weighted F1 {self.weighted_f1:.3f}",
        ]
        return "\n".join(lines)


def publication_dates(articles: Iterable[Article]) -> dict[str, datetime | None]:
    return {article.id: article.published for article in articles}
