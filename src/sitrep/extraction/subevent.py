"""A sub-event type classifier over the sentences that report an event.

Rules know the specific triggers ("airstrike", "suicide bomber"); a linear model trained
on ACLED coders' notes (train/train_subevent.py) knows ACLED's finer distinctions: a
protest the police broke up, a riot, mob violence, looting.
"""
from __future__ import annotations

import re
from collections import Counter

from sitrep import linear

MODEL_FILE = "subevent.npz"
MODEL_NAME = "subevent"
LABEL_SEPARATOR = "|"
DATE_CLAUSE = re.compile(r"^\s*(?:on|around|between|during|in)\s[^,]{0,60}\d{4}(?:\s*\(as reported\))?,\s*", re.IGNORECASE)


def features(text: str) -> Counter[str]:
    """A note's opening date clause says nothing of the kind of event."""
    return linear.word_features(DATE_CLAUSE.sub("", text))


def predict(text: str) -> tuple[str, str, float] | None:
    """(event type, sub-event type, probability) of the most likely sub-event type; None
    when the package ships no trained weights."""
    model = linear.load(MODEL_FILE, MODEL_NAME)
    if model is None:
        return None
    label, probability = model.best(features(text))
    event_type, sub_event_type = label.split(LABEL_SEPARATOR)
    return event_type, sub_event_type, probability
