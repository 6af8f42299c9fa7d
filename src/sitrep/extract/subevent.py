"""A sub-event type classifier over the sentences that report an event.

Rules know the specific triggers ("airstrike", "suicide bomber"); a linear model trained
on ACLED coders' notes (train/train_subevent.py) knows ACLED's finer distinctions: a
protest the police broke up, a riot, mob violence, looting. The weights are plain arrays
(data/models/subevent.npz, no pickle); scoring needs only numpy.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

MODEL_FILE = "models/subevent.npz"
TOKEN = re.compile(r"[a-z][a-z'-]*[a-z]|\d+")
DATE_CLAUSE = re.compile(r"^\s*(?:on|around|between|during|in)\s[^,]{0,60}\d{4}(?:\s*\(as reported\))?,\s*", re.IGNORECASE)


def features(text: str) -> Counter[str]:
    """Words and word pairs; numbers are one token, so "12 killed" and "3 killed" agree."""
    words = ["<num>" if w.isdigit() else w for w in TOKEN.findall(DATE_CLAUSE.sub("", text).lower())]
    return Counter(words + [f"{a} {b}" for a, b in zip(words, words[1:])])


@dataclass(frozen=True)
class SubEventModel:
    index: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray
    labels: tuple[tuple[str, str], ...]

    def vector(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        counts = features(text)
        columns = [self.index[f] for f in counts if f in self.index]
        values = np.array([(1 + math.log(counts[f])) for f in counts if f in self.index], dtype=np.float32)
        values *= self.idf[columns]
        norm = float(np.linalg.norm(values))
        return np.array(columns, dtype=np.int64), values / norm if norm else values

    def predict(self, text: str) -> tuple[str, str, float]:
        """(event type, sub-event type, probability) of the most likely sub-event type."""
        columns, values = self.vector(text)
        scores = self.coef[:, columns] @ values + self.intercept
        scores = np.exp(scores - scores.max())
        probabilities = scores / scores.sum()
        best = int(probabilities.argmax())
        return (*self.labels[best], float(probabilities[best]))


@cache
def model() -> SubEventModel | None:
    """None when the package ships no trained weights."""
    path = resources.files("sitrep.data").joinpath(MODEL_FILE)
    if not path.is_file():
        return None
    with resources.as_file(path) as local, np.load(local, allow_pickle=False) as arrays:
        vocabulary = [str(v) for v in arrays["vocabulary"]]
        labels = tuple((str(e), str(s)) for e, s in zip(arrays["event_types"], arrays["sub_event_types"]))
        return SubEventModel(
            {term: i for i, term in enumerate(vocabulary)},
            arrays["idf"].astype(np.float32),
            arrays["coef"].astype(np.float32),
            arrays["intercept"].astype(np.float32),
            labels,
        )
