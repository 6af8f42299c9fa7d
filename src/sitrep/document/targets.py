"""What each event hit ("the presidential farm", "a tank truck"), read from its own sentences;
a home or a market hit makes the civilians there the event's target, and a police post a
crowd set on fire makes the police the side it faced."""
from __future__ import annotations

from spacy.tokens import Doc

from sitrep.data.lexicon import cues, role_nouns
from sitrep.document.draft import Draft
from sitrep.extraction.actors import CROWD_EVENTS, KIND_NAMES, ActorRef, singular
from sitrep.extraction.arguments import MentionFacts
from sitrep.extraction.fillers import distinct
from sitrep.extraction.roles import role_fillers
from sitrep.nlp import doc_text

TARGET_HEADS = ("NOUN",)
"""Things hit are common nouns ("the presidential farm", "a tank truck"); names are tagged for other roles."""
STRUCK_CIVILIANS = ("Explosions/Remote violence",)
"""Event types whose target may be a place rather than people: a missile that hit a block of
flats was fired at the civilians living there (ACLED codes them actor 2)."""


FORCES = ("police", "military")
STRUCK_PREPOSITIONS = cues("target_preposition") | {"to"}
"""What an act was done to: "a strike on X", "fired at X", "set fire to X"."""


def add_targets(doc: Doc, drafts: list[Draft]) -> None:
    sentences = {f.mention.sentence.start: f.mention.sentence for d in drafts for f in d.facts}
    fillers = [f for f in role_fillers(doc, sentences.values(), TARGET_HEADS) if f.role == "target"]
    for draft in drafts:
        spans = [(f.mention.sentence.start_char, f.mention.sentence.end_char) for f in draft.facts]
        draft.targets = distinct(f for f in fillers if any(start <= f.start < end for start, end in spans))
        struck = [*((t.start, t.end, t.text) for t in draft.targets), *(place for fact in draft.facts for place in _objects(fact))]
        if draft.event_type in CROWD_EVENTS and not any(a.kind in FORCES for a in (*draft.agents, *draft.patients)):
            draft.patients += [ActorRef(None, KIND_NAMES[kind][1], kind, None, *place) for place in struck if (kind := _force_of(place[2])) is not None][:1]
        if draft.patients or draft.event_type not in STRUCK_CIVILIANS:
            continue
        civilians = next((place for place in struck if _civilian_place(place[2])), None)
        if civilians is not None:
            draft.patients = [ActorRef(None, KIND_NAMES["civilian"][1], "civilian", None, *civilians)]


def _objects(fact: MentionFacts) -> list[tuple[int, int, str]]:
    """What the event's words say was hit: the object of "struck", the subject of "was hit",
    the object of "a strike on": each noun with the words before it and its "of" phrase ("a
    residential building", "a block of flats")."""
    nouns = []
    for word in {t.i: t for hit in fact.mention.hits for t in (hit.token, hit.start)}.values():
        nouns += [c for c in word.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN"]
        nouns += [p for c in word.children if c.dep_ == "prep" and c.lower_ in STRUCK_PREPOSITIONS for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN"]
    phrases = []
    for noun in nouns:
        first = min((t for t in noun.lefts if t.dep_ in ("amod", "compound", "det", "nummod")), key=lambda t: t.i, default=noun)
        last = max((p for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), key=lambda t: t.i, default=noun)
        start, end = first.idx, last.idx + len(last)  # "a block of flats"
        phrases.append((start, end, doc_text(noun.doc)[start:end]))
    return phrases


def _force_of(text: str) -> str | None:
    """"a police checkpoint", "the army barracks": the force whose post a crowd attacked."""
    kinds = [role_nouns().get(word.strip(".,'’").lower()) for word in text.split()]
    return next((kind for kind in kinds if kind in FORCES), None)


def _civilian_place(text: str) -> bool:
    """"An apartment block", "the central market": a place of civilians, unless a force's
    word says whose it is ("a police station", "the army's building")."""
    words = {word.strip(".,'’").lower() for word in text.split()}
    forms = words | {singular(word) for word in words}
    forces = {word for word in forms if role_nouns().get(word, "civilian") != "civilian"}
    return bool(forms & cues("civilian_place")) and not forces
