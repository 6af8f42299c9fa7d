"""Parsed article → EventReports: detect mentions, read their arguments, assemble events,
and write each field with the evidence it was read from."""
from __future__ import annotations

from functools import partial
from typing import Any

from spacy.tokens import Doc

from sitrep.extraction.arguments import gather
from sitrep.extraction.assemble import Draft, assemble
from sitrep.extraction.dates import DateValue
from sitrep.extraction.detect import find_mentions
from sitrep.extraction.roles import distinct, role_fillers
from sitrep.guard import guarded
from sitrep.records import Article

LEAD_SENTENCES = 3
HEADLINE_STOPS = (".", "!", "?", '"', "\u201d", ":")
TARGET_HEADS = ("NOUN",)
"""Things hit are common nouns ("the presidential farm", "a tank truck"); names are tagged for other roles."""


def extract_drafts(article: Article, doc: Doc) -> list[Draft]:
    """Drafts of the article's events; `resolve` turns them into EventReports."""
    mentions = find_mentions(doc)
    facts = gather(mentions, article.published)
    sentences = list(doc.sents)
    lead_end = sentences[min(LEAD_SENTENCES, len(sentences)) - 1].end_char if sentences else 0
    published = None
    if article.published is not None:
        day = article.published.date()
        published = DateValue(day, day, "day")
    drafts = assemble(facts, lead_end, published, _headline_end(sentences))
    guarded("targets", partial(_add_targets, doc, drafts), None)
    return drafts


def _headline_end(sentences: list[Any]) -> int:
    """Where a headline ends: a first line with no full stop, followed by a story. Headlines
    are terse ("Russian missiles kill six in Kharkiv") and parse badly; they add to the
    events the story tells rather than tell their own."""
    if len(sentences) < 2:
        return 0
    first = sentences[0].text.rstrip()
    ends_paragraph = "\n" in sentences[0].text[len(first):] or sentences[1].text.startswith("\n")
    return sentences[0].end_char if ends_paragraph and first[-1:] not in HEADLINE_STOPS else 0


def _add_targets(doc: Doc, drafts: list[Draft]) -> None:
    """What each event hit ("the presidential farm", "a tank truck"), from its own sentences."""
    sentences = {f.mention.sentence.start: f.mention.sentence for d in drafts for f in d.facts}
    fillers = [f for f in role_fillers(doc, sentences.values(), TARGET_HEADS) if f.role == "target"]
    for draft in drafts:
        spans = [(f.mention.sentence.start_char, f.mention.sentence.end_char) for f in draft.facts]
        draft.targets = distinct(f for f in fillers if any(start <= f.start < end for start, end in spans))


__all__ = ["extract_drafts", "Draft"]
