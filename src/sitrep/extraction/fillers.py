"""A role filler: the article's own words for one of the five MUC-4 roles (who attacked,
their organisation, what was hit, who was harmed, with what), as the role model (roles.py)
finds it and the document layer keeps it with its event."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sitrep.data.lexicon import cues

ROLES = ("perpetrator", "perpetrator_organisation", "target", "victim", "weapon")


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


def entities(fillers: Iterable[RoleFiller], text: str) -> list[list[RoleFiller]]:
    """The fillers of one role that name one entity: a name and the short form the text
    gives it in brackets ("the farabundo marti national liberation front (fmln)"), which
    each of its mentions may use alone."""
    groups: list[list[RoleFiller]] = []
    for filler in fillers:
        joined = [g for g in groups if g[0].role == filler.role and any(_bracketed(text, f, filler) or _bracketed(text, filler, f) for f in g)]
        merged = [filler, *(f for g in joined for f in g)]
        groups = [g for g in groups if not any(g is j for j in joined)] + [merged]
    return groups


def _bracketed(text: str, name: RoleFiller, short: RoleFiller) -> bool:
    """The text gives the short form in brackets right after the name."""
    pattern = _words(name.text) + r"\W{0,2}\(\s*" + _words(short.text) + r"\s*\)"
    return re.search(pattern, text, re.IGNORECASE) is not None


def _words(wording: str) -> str:
    return r"\W+".join(re.escape(word) for word in re.findall(r"\w+", wording))
