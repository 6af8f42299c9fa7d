"""What each event hit ("the presidential farm", "a tank truck"), read from its own sentences."""
from __future__ import annotations

from spacy.tokens import Doc

from sitrep.document.draft import Draft
from sitrep.extraction.roles import distinct, role_fillers

TARGET_HEADS = ("NOUN",)
"""Things hit are common nouns ("the presidential farm", "a tank truck"); names are tagged for other roles."""


def add_targets(doc: Doc, drafts: list[Draft]) -> None:
    sentences = {f.mention.sentence.start: f.mention.sentence for d in drafts for f in d.facts}
    fillers = [f for f in role_fillers(doc, sentences.values(), TARGET_HEADS) if f.role == "target"]
    for draft in drafts:
        spans = [(f.mention.sentence.start_char, f.mention.sentence.end_char) for f in draft.facts]
        draft.targets = distinct(f for f in fillers if any(start <= f.start < end for start, end in spans))
