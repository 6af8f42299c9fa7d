"""Copies of one story: a wire report that outlets retitled, trimmed or wrapped in their own
datelines and bylines, or a page fetched twice.

A 64-bit SimHash of the wording finds candidates quickly (in the store, by Hamming
distance); the overlap of their word triples decides: a copy shares most of the shorter
text's triples, another story about the same town almost none."""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

import numpy as np

SHINGLE_WORDS = 3
MIN_WORDS = 30
CANDIDATE_BITS = 18
"""Fingerprints at most this far apart (Hamming distance) are compared; unrelated texts
differ in about 32 of 64 bits, a copy with a new headline and byline in 5-15."""
SAME_STORY_CONTAINMENT = 0.7
WORD = re.compile(r"\w+")


def shingles(text: str) -> set[str]:
    words = WORD.findall(text.lower())
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def fingerprint(text: str) -> int | None:
    """None for texts too short to tell a copy from a coincidence."""
    if len(WORD.findall(text)) < MIN_WORDS:
        return None
    triples = shingles(text)
    hashes = np.array([int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "big") for s in triples], dtype=np.uint64)
    bits = np.unpackbits(hashes.view(np.uint8).reshape(-1, 8)[:, ::-1], axis=1, bitorder="little")
    votes = bits.sum(axis=0) * 2 > len(triples)
    return sum(1 << i for i, vote in enumerate(votes) if vote)


def copy_of(text: str, signature: int | None, candidates: Iterable[tuple[str, int, str]]) -> str | None:
    """The id of the first candidate (id, fingerprint, text) that tells the same story."""
    if signature is None:
        return None
    return next((key for key, other_signature, other in candidates if (signature ^ other_signature).bit_count() <= CANDIDATE_BITS and same_story(text, other)), None)


def same_story(text: str, other: str) -> bool:
    """Most of the shorter text's word triples are in the longer one."""
    a, b = shingles(text), shingles(other)
    if not a or not b:
        return False
    return len(a & b) / min(len(a), len(b)) >= SAME_STORY_CONTAINMENT
