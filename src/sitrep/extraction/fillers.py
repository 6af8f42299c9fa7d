"""A role filler: the article's own words for one of the five MUC-4 roles (who attacked,
their organisation, what was hit, who was harmed, with what), as the role model (roles.py)
finds it and the document layer keeps it with its event."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sitrep.data.lexicon import cues


@dataclass(frozen=True)
class RoleFiller:
    role: str
    start: int
    end: int
    text: str
    probability: float


def mention_key(text: str) -> str:
    """Lower case, no punctuation, no articles: "the \"Santo Tomas\" farm" = "santo tomas farm"."""
    words = re.sub(r"[^\w\s]", " ", text.lower()).split()
    articles = cues("article")
    return " ".join(w for w in words if w not in articles)


def distinct(fillers: Iterable[RoleFiller]) -> list[RoleFiller]:
    """One filler per entity and role: the likeliest wording wins, and a wording whose words
    all lie in a likelier one's ("farm" beside "presidential farm") is the same entity."""
    kept: list[RoleFiller] = []
    for filler in sorted(fillers, key=lambda f: -f.probability):
        words = set(mention_key(filler.text).split())
        if not any(k.role == filler.role and (words <= set(mention_key(k.text).split()) or set(mention_key(k.text).split()) <= words) for k in kept):
            kept.append(filler)
    return sorted(kept, key=lambda f: (f.start, f.role))
