"""MUC-4 role fillers (perpetrators, targets, victims, weapons) scored by CEAF-REE, as
../shared/eval/README.md defines it.

sitrep's reports give the role fillers: the text of actor1 (an organisation when it is a
named group or a state force, else an individual), of the human targets (civilian
actor2 and associated victims), and of the weapons, read from the evidence offsets.
Physical targets (buildings, vehicles) are not extracted yet, so Target is never filled.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

from sitrep.records import Article, EventReport

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
ORGANISATION_TYPES = {1, 2, 8}
Entity = frozenset[str]


def normalise(text: str) -> str:
    text = re.sub(r"[^\w\s]", " ", text.lower())
    return " ".join(w for w in text.split() if w not in ("a", "an", "the"))


def read_documents(path: Path) -> Iterator[tuple[Article, dict[str, set[Entity]]]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                yield Article(id=row["docid"], text=row["doctext"]), gold_entities(row["templates"])


def gold_entities(templates: list[dict[str, Any]]) -> dict[str, set[Entity]]:
    """Entities per role over all of a document's templates; an entity is its mention strings."""
    entities: dict[str, set[Entity]] = {role: set() for role in ROLES}
    for template in templates:
        for role in ROLES:
            for entity in template.get(role) or []:
                entities[role].add(frozenset(normalise(mention) for mention, _ in entity))
    return entities


def predicted_entities(reports: list[EventReport]) -> dict[str, set[Entity]]:
    entities: dict[str, set[Entity]] = {role: set() for role in ROLES}
    for report in reports:
        if report.background:
            continue
        for item in report.evidence:
            role = _role(report, item.field)
            if role is not None and normalise(item.text):
                entities[role].add(frozenset({normalise(item.text)}))
    return entities


def _role(report: EventReport, field_name: str) -> str | None:
    if field_name in ("actor1", "assoc_actor_1"):
        return "PerpOrg" if report.actor1_type in ORGANISATION_TYPES and report.actor1_type != 3 else "PerpInd"
    if field_name in ("actor2", "assoc_actor_2") and report.actor2_type == 7:
        return "Victim"
    if field_name == "weapons":
        return "Weapon"
    return None


@dataclass
class CeafScore:
    documents: int = 0
    matched: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))
    predicted: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))
    gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))

    def add(self, gold: dict[str, set[Entity]], predicted: dict[str, set[Entity]]) -> None:
        self.documents += 1
        for role in ROLES:
            self.gold[role] += len(gold[role])
            self.predicted[role] += len(predicted[role])
            self.matched[role] += _aligned(list(predicted[role]), list(gold[role]))

    def prf(self, role: str | None = None) -> tuple[float, float, float]:
        roles = [role] if role else list(ROLES)
        matched = sum(self.matched[r] for r in roles)
        predicted = sum(self.predicted[r] for r in roles)
        gold = sum(self.gold[r] for r in roles)
        p = matched / predicted if predicted else 0.0
        r = matched / gold if gold else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        p, r, f = self.prf()
        return {
            "documents": self.documents,
            "precision": p, "recall": r, "f1": f,
            "roles": {role: dict(zip(("precision", "recall", "f1"), self.prf(role))) for role in ROLES},
        }

    def render(self) -> str:
        lines = [f"{role:<8} P {p:.3f}  R {r:.3f}  F1 {f:.3f}" for role in ROLES for p, r, f in [self.prf(role)]]
        p, r, f = self.prf()
        lines.append(f"documents {self.documents}; CEAF-REE micro  P {100 * p:.2f}  R {100 * r:.2f}  F1 {100 * f:.2f}")
        return "\n".join(lines)


def _aligned(predicted: list[Entity], gold: list[Entity]) -> int:
    """Optimal one-to-one alignment; a predicted entity counts when all its mentions are the gold entity's."""
    if not predicted or not gold:
        return 0
    weights = np.array([[float(p <= g) for g in gold] for p in predicted])
    rows, cols = linear_sum_assignment(weights, maximize=True)
    return int(weights[rows, cols].sum())
