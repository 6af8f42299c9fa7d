"""What each event hit ("the presidential farm", "a tank truck"), read from its own sentences;
a home or a market hit makes the civilians there the event's target."""
from __future__ import annotations

from spacy.tokens import Doc

from sitrep.data.lexicon import cues, role_nouns
from sitrep.document.draft import Draft
from sitrep.extraction.actors import KIND_NAMES, ActorRef
from sitrep.extraction.roles import RoleFiller, distinct, role_fillers

TARGET_HEADS = ("NOUN",)
"""Things hit are common nouns ("the presidential farm", "a tank truck"); names are tagged for other roles."""
STRUCK_CIVILIANS = ("Explosions/Remote violence",)
"""Event types whose target may be a place rather than people: a missile that hit a block of
flats was fired at the civilians living there (ACLED codes them actor 2)."""


def add_targets(doc: Doc, drafts: list[Draft]) -> None:
    sentences = {f.mention.sentence.start: f.mention.sentence for d in drafts for f in d.facts}
    fillers = [f for f in role_fillers(doc, sentences.values(), TARGET_HEADS) if f.role == "target"]
    for draft in drafts:
        spans = [(f.mention.sentence.start_char, f.mention.sentence.end_char) for f in draft.facts]
        draft.targets = distinct(f for f in fillers if any(start <= f.start < end for start, end in spans))
        civilians = next((t for t in draft.targets if _civilian_place(t)), None)
        if civilians is not None and not draft.patients and draft.event_type in STRUCK_CIVILIANS:
            draft.patients = [ActorRef(None, KIND_NAMES["civilian"][1], "civilian", None, civilians.start, civilians.end, civilians.text)]


def _civilian_place(target: RoleFiller) -> bool:
    """"An apartment block", "the central market": a place of civilians, unless a force's
    word says whose it is ("a police station", "the army's building")."""
    words = {word.strip(".,'’").lower() for word in target.text.split()}
    singular = words | {word[:-1] for word in words if word.endswith("s")} | {word[:-2] for word in words if word.endswith("es")}
    forces = {word for word in singular if role_nouns().get(word, "civilian") != "civilian"}
    return bool(singular & cues("civilian_place")) and not forces
