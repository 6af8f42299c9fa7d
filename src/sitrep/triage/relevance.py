"""Whether an article may report a conflict or protest event, decided before the parse.

The parse is nearly all of sitrep's cost, and in a crawl most articles are about sport,
markets, weather or politics. A logistic regression over the article's words and word
pairs (tf-idf, `sitrep.linear`; trained by train/train_relevance.py on conflict news,
ACLED notes and MUC-4 incidents against other news) scores each article before it is
parsed. One scored under THRESHOLD is stored as read and not parsed; `--no-filter`
parses everything, and a later run with the filter off extracts what was filtered.

The threshold errs on the side of parsing: an article dropped is every event in it
lost, an article kept for nothing costs one parse.
"""
from __future__ import annotations

from sitrep import linear
from sitrep.records import Article

MODEL_FILE = "relevance.npz"
MODEL_NAME = "relevance"
RELEVANT = "conflict"
THRESHOLD = 0.5
"""Chosen on news-dev and FA-KES dev (docs/performance.md): every news-dev article with an
event scores well above it."""


def relevance(text: str) -> float:
    """How likely the text reports a conflict or protest event; 1.0 when no model ships."""
    model = linear.load(MODEL_FILE, MODEL_NAME)
    if model is None:
        return 1.0
    return float(model.probabilities([linear.word_features(text)])[0][model.labels.index(RELEVANT)])


def triage(article: Article) -> Article:
    """The article scored (`relevance`), and `filtered` when it is not worth parsing."""
    article.relevance = relevance(article.text)
    article.filtered = article.relevance < THRESHOLD
    return article
