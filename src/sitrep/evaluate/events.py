"""Event-level scoring in the gold format of ../shared/eval/README.md (seeds, news-dev).

Every article read is scored, those without gold events too (a report there is a false
event). Per article, predicted reports are aligned one-to-one with gold events by an
optimal assignment over how many fields agree; a pair counts as a match only when the
report's event type is one of the gold's accepted types' event types and its date range
overlaps the gold's window (a day of slack either side), as news-dev's README asks. A
match with an optional gold event is neither rewarded nor penalised; background reports
are not events and are not scored. Misses and false events are counted by cause."""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

from sitrep.records import EventReport

Gold = dict[str, Any]
MIN_AGREEMENT = 3


REGIME_PERIOD = re.compile(r"\s*\((?:19|20)\d{2}-(?:(?:19|20)\d{2})?\)")


def fold(text: str | None) -> str:
    """Compare names, not spelling: case, accents, punctuation, articles and ACLED's regime
    periods ("Military Forces of Russia (2000-)") are ignored."""
    text = REGIME_PERIOD.sub("", text or "")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(w for w in text.split() if w not in ("the", "a", "an"))


def _named(pred: str | None, accepted: list[str]) -> bool:
    if not accepted:
        return pred is None
    return pred is not None and fold(pred) in {fold(a) for a in accepted}


def _type(pred: EventReport, gold: Gold) -> bool:
    return [pred.event_type, pred.sub_event_type] in [list(t) for t in gold["types"]]


def _date(pred: EventReport, gold: Gold) -> bool:
    window = gold.get("event_date")
    if not window:
        return pred.date_from is None
    if pred.date_from is None or pred.date_to is None:
        return False
    start = date.fromisoformat(window["from"]) - timedelta(days=1)
    end = date.fromisoformat(window["to"]) + timedelta(days=1)
    return start <= pred.date_from and pred.date_to <= end


def _assoc(pred: EventReport, gold: Gold) -> bool:
    accepted = {fold(a) for a in gold.get("assoc_actor_1") or []}
    predicted = {fold(a) for a in pred.assoc_actor_1}
    return bool(predicted & accepted) if accepted else not predicted


def _country(pred: EventReport, gold: Gold) -> bool:
    return fold(pred.country) == fold(gold.get("country"))


def _location(pred: EventReport, gold: Gold) -> bool:
    aliases = gold.get("location")
    if not aliases:
        return pred.location is None or fold(pred.location) == fold(pred.country)
    return fold(pred.location) in {fold(a) for a in aliases}


def _fatalities(pred: EventReport, gold: Gold) -> bool:
    allowed = gold.get("fatalities")
    return allowed is None or pred.fatalities in [a for a in allowed if a is not None]


def _weapons(pred: EventReport, gold: Gold) -> bool:
    predicted = [fold(w) for w in pred.weapons]
    return all(any(g in p or p in g for p in predicted) for g in (fold(w) for w in gold.get("weapons") or []))


def _claimed_by(pred: EventReport, gold: Gold) -> bool:
    accepted = [fold(a) for a in gold.get("claimed_by") or []]
    if not accepted:
        return True
    said = fold(pred.claimed_by)
    return bool(said) and any(a in said or said in a for a in accepted)


CORE_FIELDS: dict[str, Callable[[EventReport, Gold], bool]] = {
    "type": _type,
    "date": _date,
    "actor1": lambda p, g: _named(p.actor1, g.get("actor1") or []),
    "actor2": lambda p, g: _named(p.actor2, g.get("actor2") or []),
    "assoc_actor_1": _assoc,
    "country": _country,
    "location": _location,
    "fatalities": _fatalities,
}
EXTRA_FIELDS: dict[str, Callable[[EventReport, Gold], bool]] = {"weapons": _weapons, "claimed_by": _claimed_by}


@dataclass
class Score:
    documents: int = 0
    gold: int = 0
    optional: int = 0
    predicted: int = 0
    matched: int = 0
    strict: int = 0
    field_hits: dict[str, int] = field(default_factory=lambda: {f: 0 for f in (*CORE_FIELDS, *EXTRA_FIELDS)})
    filtered: int = 0
    """Articles the relevance stage left unparsed as unrelated."""
    errors: list[str] = field(default_factory=list)
    causes: Counter[str] = field(default_factory=Counter)
    """Misses and false events by their likely cause."""

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def prf(self, hits: int) -> tuple[float, float, float]:
        p = hits / self.predicted if self.predicted else 0.0
        r = hits / self.gold if self.gold else 0.0
        return p, r, self._f1(p, r)

    def field_accuracy(self, name: str) -> float:
        return self.field_hits[name] / self.matched if self.matched else 0.0

    @property
    def core_accuracy(self) -> float:
        return sum(self.field_accuracy(f) for f in CORE_FIELDS) / len(CORE_FIELDS)

    def to_dict(self) -> dict[str, Any]:
        p, r, f = self.prf(self.matched)
        sp, sr, sf = self.prf(self.strict)
        return {
            "documents": self.documents, "filtered": self.filtered, "gold": self.gold, "optional": self.optional, "predicted": self.predicted,
            "event": {"precision": p, "recall": r, "f1": f}, "strict": {"precision": sp, "recall": sr, "f1": sf},
            "field_accuracy": self.core_accuracy,
            "fields": {name: self.field_accuracy(name) for name in self.field_hits},
            "causes": dict(sorted(self.causes.items())),
        }

    def render(self) -> str:
        p, r, f = self.prf(self.matched)
        sp, sr, sf = self.prf(self.strict)
        lines = [*self.errors]
        for name in self.field_hits:
            marker = "" if name in CORE_FIELDS else "  (not in strict)"
            lines.append(f"  {name:<14} {self.field_accuracy(name):.3f}{marker}")
        lines += [f"  {cause:<48} {count}" for cause, count in sorted(self.causes.items())]
        lines += [
            f"documents {self.documents} ({self.filtered} filtered as unrelated), gold events {self.gold} (+{self.optional} optional), predicted {self.predicted}",
            f"event   precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}",
            f"strict  precision {sp:.3f}  recall {sr:.3f}  F1 {sf:.3f}",
            f"field accuracy {self.core_accuracy:.3f} over {self.matched} matched events",
        ]
        return "\n".join(lines)


def load_gold(path: Path) -> dict[str, list[Gold]]:
    by_doc: dict[str, list[Gold]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            by_doc.setdefault(row["doc_id"], []).append(row)
    return by_doc


def agreement(pred: EventReport, gold: Gold) -> int:
    return sum(check(pred, gold) for check in CORE_FIELDS.values())


def score(gold: dict[str, list[Gold]], predictions: Iterable[EventReport], documents: Iterable[str] = (), filtered: Iterable[str] = ()) -> Score:
    """`documents`: the ids of every article read, so that those with no gold event count
    too; `filtered`: those the relevance stage left unparsed, whose events it lost."""
    unparsed = set(filtered)
    by_doc: dict[str, list[EventReport]] = {}
    background: dict[str, list[EventReport]] = {}
    for report in predictions:
        (background if report.background else by_doc).setdefault(report.article_id, []).append(report)
    result = Score(filtered=len(unparsed))
    for doc_id in sorted(set(gold) | set(documents) | set(by_doc)):
        result.documents += 1
        golds, preds = gold.get(doc_id, []), by_doc.get(doc_id, [])
        pairs = _align(preds, golds)
        matched_optional = {i for i, j in pairs if golds[j]["optional"]}
        result.gold += sum(not g["optional"] for g in golds)
        result.optional += sum(g["optional"] for g in golds)
        result.predicted += len(preds) - len(matched_optional)
        for i, j in pairs:
            if golds[j]["optional"]:
                continue
            result.matched += 1
            hits = {name: check(preds[i], golds[j]) for name, check in (*CORE_FIELDS.items(), *EXTRA_FIELDS.items())}
            for name, hit in hits.items():
                result.field_hits[name] += hit
                if not hit and name in CORE_FIELDS:
                    result.errors.append(f"{golds[j]['gold_id']}: {name} wrong ({_shown(preds[i], name)})")
            result.strict += all(hits[name] for name in CORE_FIELDS)
        paired_preds, paired_golds = {i for i, _ in pairs}, {j for _, j in pairs}
        spare = [p for i, p in enumerate(preds) if i not in paired_preds]
        for j, g in enumerate(golds):
            if not g["optional"] and j not in paired_golds:
                cause = "in an article filtered as unrelated" if doc_id in unparsed else _why_missed(g, spare, background.get(doc_id, []))
                result.causes[f"missed: {cause}"] += 1
                result.errors.append(f"{g['gold_id']}: missed ({cause})")
        for p in spare:
            cause = _why_false(p, golds, paired_golds)
            result.causes[f"false: {cause}"] += 1
            result.errors.append(f"{p.report_id}: false event ({p.sub_event_type}, {p.actor1}; {cause})")
    return result


def _why_missed(gold: Gold, spare: list[EventReport], background: list[EventReport]) -> str:
    types = {t[0] for t in gold["types"]}
    if any(p.event_type in types and _overlaps(p, gold) for p in spare):
        return f"found, but fewer than {MIN_AGREEMENT} fields agree"
    if any(p.event_type in types for p in spare):
        return "found on another date"
    if any(_overlaps(p, gold) for p in spare):
        return "found as another type"
    if any(p.event_type in types for p in background):
        return "taken for background"
    return "not found"


def _why_false(pred: EventReport, golds: list[Gold], paired: set[int]) -> str:
    if not golds:
        return "in an article with no event"
    near = [j for j, g in enumerate(golds) if pred.event_type in {t[0] for t in g["types"]} and _overlaps(pred, g)]
    if any(j in paired for j in near):
        return "a split of an event already matched"
    if any(_overlaps(pred, g) for g in golds):
        return "another type than the article's events"
    if any(pred.event_type in {t[0] for t in g["types"]} for g in golds):
        return "another date than the article's events"
    return "no such event in the article"


def _shown(pred: EventReport, name: str) -> str:
    if name == "type":
        return f"{pred.event_type} / {pred.sub_event_type}"
    if name == "date":
        return f"{pred.date_from}..{pred.date_to}"
    value = getattr(pred, name, None)
    return str(value)


def _align(preds: list[EventReport], golds: list[Gold]) -> list[tuple[int, int]]:
    if not preds or not golds:
        return []
    weights = np.array([[agreement(p, g) for g in golds] for p in preds], dtype=float)
    rows, cols = linear_sum_assignment(weights, maximize=True)
    return [(i, j) for i, j in zip(rows, cols) if weights[i, j] >= MIN_AGREEMENT and _plausible(preds[i], golds[j])]


def _plausible(pred: EventReport, gold: Gold) -> bool:
    """A match must agree on the event type and on when it happened."""
    return pred.event_type in {t[0] for t in gold["types"]} and _overlaps(pred, gold)


def _overlaps(pred: EventReport, gold: Gold) -> bool:
    window = gold.get("event_date")
    if not window or pred.date_from is None or pred.date_to is None:
        return not window
    start = date.fromisoformat(window["from"]) - timedelta(days=1)
    end = date.fromisoformat(window["to"]) + timedelta(days=1)
    return pred.date_from <= end and start <= pred.date_to
