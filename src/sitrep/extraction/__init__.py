"""Parsed article → its mentions of events, each with the arguments read around it and the
evidence of each (detect → arguments); the document layer makes events of them."""
from __future__ import annotations

from spacy.tokens import Doc

from sitrep.extraction.arguments import MentionFacts, gather
from sitrep.extraction.detect import find_mentions
from sitrep.records import Article


def read_mentions(article: Article, doc: Doc) -> list[MentionFacts]:
    return gather(find_mentions(doc), article.published)


__all__ = ["read_mentions", "MentionFacts"]
