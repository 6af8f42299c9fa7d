"""Copies of one story: a wire report that outlets retitled, trimmed or wrapped in their own
datelines and bylines, or a page fetched twice.

A 64-bit SimHash of the lead's wording finds candidates quickly (in the store, by Hamming
distance: copies share their lead, while stories that share only background paragraphs
do not come near); three tests decide, and all must hold, since a false copy loses a story's events
while a missed copy only costs a duplicate source that the merge folds:
- most of the shorter text's word triples are in the longer one;
- each text's lead (its first sentences of news, past a headline and byline) is in the other:
  wire stories of different strikes share background paragraphs, never their lead;
- the leads tell the same facts: every number, weekday, month and name of one lead is in
  the other text (a different town, day or toll is another story, or an update that should
  be kept as its own report), and the two were published within COPY_DAYS of each other
  (the same "on Friday" a month later is another Friday)."""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import datetime
from functools import lru_cache

import numpy as np
from number_parser import parse_number

from sitrep.records import Article

SHINGLE_WORDS = 3
MIN_WORDS = 30
CANDIDATE_BITS = 18
"""Fingerprints at most this far apart (Hamming distance) are compared; unrelated texts
differ in about 32 of 64 bits, a copy's lead with the outlet's dateline in 5-15."""
SAME_STORY_CONTAINMENT = 0.7
LEAD_MIN_WORDS = 12
"""A paragraph shorter than this is a headline, byline or caption, not the lead."""
LEAD_WORDS = 60
SAME_LEAD_CONTAINMENT = 0.8
"""Share of one lead's word triples found in the other text: a dateline or an outlet's
name added to a wire lead costs a few triples of about sixty."""
COPY_DAYS = 2
WORD = re.compile(r"\w+")
NAME_OR_FIGURE = re.compile(r"\b(?:\d[\d,.]*|[A-Z][\w'-]+)")
PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*\S)")
DATELINE = re.compile(r"^(?:\S+\s+){0,9}?\S*\s?[-–—]{1,2}\s")
"""An outlet's dateline before a wire lead ("KABUL (Reuters) - ", "Goma, DR Congo — "):
its own place and agency, not the story's facts."""


def shingles(text: str) -> set[str]:
    return _triples(WORD.findall(text.lower()))


def _triples(words: list[str]) -> set[str]:
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def fingerprint(text: str) -> int | None:
    """The SimHash of the lead; None for texts too short to tell a copy from a coincidence."""
    if len(WORD.findall(text)) < MIN_WORDS:
        return None
    triples = shingles(lead(text))
    hashes = np.array([int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "big") for s in triples], dtype=np.uint64)
    bits = np.unpackbits(hashes.view(np.uint8).reshape(-1, 8)[:, ::-1], axis=1, bitorder="little")
    votes = bits.sum(axis=0) * 2 > len(triples)
    return sum(1 << i for i, vote in enumerate(votes) if vote)


def copy_of(article: Article, candidates: Iterable[Article]) -> str | None:
    """The id of the first candidate that tells the same story; `article.fingerprint` must be set."""
    if article.fingerprint is None:
        return None
    return next((other.id for other in candidates if _is_copy(article, other)), None)


def _is_copy(article: Article, other: Article) -> bool:
    return (
        other.fingerprint is not None
        and (article.fingerprint ^ other.fingerprint).bit_count() <= CANDIDATE_BITS  # type: ignore[operator]
        and _published_together(article.published, other.published)
        and same_story(article.text, other.text)
    )


def _published_together(one: datetime | None, other: datetime | None) -> bool:
    if one is None or other is None:
        return True
    return abs((one.replace(tzinfo=None) - other.replace(tzinfo=None)).days) <= COPY_DAYS


def same_story(text: str, other: str) -> bool:
    """The same wording, the same lead and the same facts in the lead (module docstring)."""
    a, b = shingles(text), shingles(other)
    if not a or not b or len(a & b) / min(len(a), len(b)) < SAME_STORY_CONTAINMENT:
        return False
    return _lead_told_in(lead(text), other, b) and _lead_told_in(lead(other), text, a)


def lead(text: str) -> str:
    """The first paragraph long enough to be news, at most LEAD_WORDS words of it (a copy
    cut short keeps its lead, not always the paragraphs after it)."""
    paragraphs = [p for p in PARAGRAPH.split(text) if p.strip()]
    first = next((p for p in paragraphs if len(WORD.findall(p)) >= LEAD_MIN_WORDS), " ".join(paragraphs))
    return " ".join(first.split()[:LEAD_WORDS])


def _lead_told_in(lead_text: str, other: str, other_triples: set[str]) -> bool:
    triples = _triples(WORD.findall(lead_text.lower()))
    if not triples or len(triples & other_triples) / len(triples) < SAME_LEAD_CONTAINMENT:
        return False
    return _facts(DATELINE.sub("", lead_text, count=1)) <= _facts(other)


def _facts(text: str) -> set[str]:
    """Figures, names and number words ("four soldiers"), lower-cased."""
    named = {fact.rstrip(".,").lower() for fact in NAME_OR_FIGURE.findall(text)}
    return named | {word for word in WORD.findall(text.lower()) if _number_word(word)}


@lru_cache(maxsize=65536)
def _number_word(word: str) -> bool:
    return not word.isdigit() and parse_number(word) is not None
