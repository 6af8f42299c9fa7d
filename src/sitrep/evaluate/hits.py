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

    def rate(self, name: str) -> float:
        return self.hits[name] / self.documents if self.documents else 0.0
