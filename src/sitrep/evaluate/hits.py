"""Per-document hit counting shared by the dataset scorers: how many documents, how many
gave an event, and how often each field was right."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class DocumentHits:
    documents: int = 0
    with_event: int = 0
    hits: Counter[str] = field(default_factory=Counter)
    eligible: Counter[str] = field(default_factory=Counter)
    """Fields scored on some documents only (a place named in the text): their denominators."""

    def rate(self, name: str) -> float:
        total = self.eligible[name] if name in self.eligible else self.documents
        return self.hits[name] / total if total else 0.0
