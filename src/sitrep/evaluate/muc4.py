"""MUC-4 role fillers (perpetrators, targets, victims, weapons) scored by CEAF-REE, as
../shared/eval/README.md defines it.

MUC-4 is a document-level task: the fillers of all of a document's templates. sitrep's
answer is extract.roles.document_roles, the role fillers of the whole text when it reports
an incident at all; the event reports carry the same fillers sentence by sentence.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

from sitrep import nlp
from sitrep.extraction.fillers import RoleFiller, entities, mention_key
from sitrep.extraction.roles import document_roles

SLOTS = {
    "PerpInd": "perpetrator",
    "PerpOrg": "perpetrator_organisation",
    "Target": "target",
    "Victim": "victim",
    "Weapon": "weapon",
}
ROLES = tuple(SLOTS)
Entity = frozenset[str]
Document = tuple[str, str, list[dict[str, Any]]]


def read_documents(path: Path) -> Iterator[Document]:
    """(docid, text, templates) of each line of a MUC-4 JSONL file."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                yield row["docid"], row["doctext"], row["templates"]


def gold_entities(templates: list[dict[str, Any]]) -> dict[str, set[Entity]]:
    """Entities per role over all of a document's templates; an entity is its mention strings."""
    entities: dict[str, set[Entity]] = {role: set() for role in ROLES}
    for template in templates:
        for role in ROLES:
            for entity in template.get(role) or []:
                entities[role].add(frozenset(mention_key(mention) for mention, _ in entity))
    return entities


def predicted_entities(fillers: Iterable[RoleFiller], text: str) -> dict[str, set[Entity]]:
    """sitrep's entities per role: a filler's wordings that name one entity are one
    (`extraction.fillers.entities`)."""
    slot_of = {role: slot for slot, role in SLOTS.items()}
    predicted: dict[str, set[Entity]] = {role: set() for role in ROLES}
    for group in entities(fillers, text):
        predicted[slot_of[group[0].role]].add(frozenset(mention_key(filler.text) for filler in group))
    return predicted


def evaluate(path: Path, progress: Callable[[Iterable[Any], int], Iterable[Any]] = lambda items, _: items) -> CeafScore:
    documents = list(read_documents(path))
    score = CeafScore()
    docs = nlp.load().pipe((text for _, text, _ in documents), batch_size=nlp.BATCH_SIZE)
    for (_, _, templates), doc in progress(zip(documents, docs), len(documents)):
        score.add(gold_entities(templates), predicted_entities(document_roles(doc), doc.text))
    return score


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
