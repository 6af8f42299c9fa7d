"""Cross-source merging scored as clustering: over every pair of gold event mentions
(one article's account of one event), were the pairs that are one event merged
(recall), and were the merged pairs one event (precision)? Also: do syndicated copies
appear as sources, and are the gold links between events found?"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

from sitrep.records import Event, EventReport


@dataclass
class ClusterScore:
    mentions: int = 0
    matched: int = 0
    true_pairs: int = 0
    predicted_pairs: int = 0
    correct_pairs: int = 0
    copies: int = 0
    copies_found: int = 0
    links: int = 0
    links_found: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.true_pairs if self.true_pairs else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "mentions": self.mentions, "matched": self.matched, "pairs_true": self.true_pairs,
            "pairs_predicted": self.predicted_pairs, "pairs_correct": self.correct_pairs,
            "precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3),
            "copies_as_sources": f"{self.copies_found}/{self.copies}", "links_found": f"{self.links_found}/{self.links}",
            "misses": self.misses,
        }

    def render(self) -> str:
        lines = [
            f"gold mentions {self.mentions}, matched to a report {self.matched}",
            f"pairwise precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}"
            f"  ({self.correct_pairs} correct of {self.predicted_pairs} merged, {self.true_pairs} true pairs)",
            f"syndicated copies listed as sources {self.copies_found}/{self.copies}; links found {self.links_found}/{self.links}",
        ]
        return "\n".join(lines + [f"  miss: {m}" for m in self.misses])


def load_cluster_gold(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score_clusters(gold: list[dict[str, Any]], reports: list[EventReport], events: list[Event]) -> ClusterScore:
    event_of = {rid: e.event_id for e in events for rid in e.report_ids}
    by_article: dict[str, list[EventReport]] = {}
    for report in reports:
        by_article.setdefault(report.article_id, []).append(report)
    result = ClusterScore()
    mentions = [g for g in gold if "event" in g]
    predicted: list[str | None] = []
    for item in mentions:
        report = _report_for(item, by_article.get(item["article_id"], []))
        event_id = event_of.get(report.report_id) if report else None
        predicted.append(event_id)
        result.mentions += 1
        result.matched += event_id is not None
        if event_id is None:
            result.misses.append(f"{item['article_id']} {item['event']}: no report on {item['date']}")
    for (i, a), (j, b) in combinations(enumerate(mentions), 2):
        same_gold = a["event"] == b["event"]
        same_predicted = predicted[i] is not None and predicted[i] == predicted[j]
        result.true_pairs += same_gold
        result.predicted_pairs += same_predicted
        result.correct_pairs += same_gold and same_predicted
        if same_gold != same_predicted:
            kind = "not merged" if same_gold else "wrongly merged"
            result.misses.append(f"{kind}: {a['article_id']} ({a['event']}) / {b['article_id']} ({b['event']})")
    _score_copies(gold, events, result)
    _score_links(mentions, predicted, events, result)
    return result


def _report_for(item: dict[str, Any], reports: list[EventReport]) -> EventReport | None:
    day = date.fromisoformat(item["date"])
    return next((r for r in reports if not r.background and _covers(r, day)), None)


def _covers(report: EventReport, day: date) -> bool:
    if report.date_from and report.date_to:
        return report.date_from <= day <= report.date_to
    return report.event_date == day


def _score_copies(gold: list[dict[str, Any]], events: list[Event], result: ClusterScore) -> None:
    sources = {(s.article_id, s.copy_of) for e in events for s in e.sources}
    for item in gold:
        if "copy_of" in item:
            result.copies += 1
            result.copies_found += (item["article_id"], item["copy_of"]) in sources


def _score_links(mentions: list[dict[str, Any]], predicted: list[str | None], events: list[Event], result: ClusterScore) -> None:
    event_by_key: dict[str, set[str]] = {}
    for item, event_id in zip(mentions, predicted):
        if event_id:
            event_by_key.setdefault(item["event"], set()).add(event_id)
    found = {(e.event_id, link.relation, link.event_id or link.operation) for e in events for link in e.links}
    expected: set[tuple[str, str, str, str]] = set()
    for item in mentions:
        for link in item.get("links", []):
            expected.add((item["event"], link["relation"], "event", link["event"]))
        if item.get("operation"):
            expected.add((item["event"], "part_of", "operation", item["operation"]))
    for key, relation, kind, target in sorted(expected):
        result.links += 1
        targets = event_by_key.get(target, set()) if kind == "event" else {target}
        hit = any((source, relation, other) in found for source in event_by_key.get(key, set()) for other in targets)
        result.links_found += hit
        if not hit:
            result.misses.append(f"link not found: {key} {relation} {target}")

