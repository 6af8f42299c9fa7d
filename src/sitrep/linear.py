"""Trained linear classifiers, scored with numpy alone.

The training scripts in train/ fit scikit-learn logistic regressions and save their weights
as plain arrays (no pickle) under data/models/; this module reads them back. Features are
strings: text models weight word counts by tf-idf, span models use binary indicators.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np
from scipy.sparse import csr_matrix

Features = Mapping[str, float]
WORD = re.compile(r"[a-z][a-z'-]*[a-z]|\d+")


def word_features(text: str) -> Counter[str]:
    """Words and word pairs; numbers are one token, so "12 killed" and "3 killed" agree."""
    words = ["<num>" if w.isdigit() else w for w in WORD.findall(text.lower())]
    return Counter(words + [f"{a} {b}" for a, b in zip(words, words[1:])])


@dataclass(frozen=True)
class LinearModel:
    index: dict[str, int]
    coef: np.ndarray
    intercept: np.ndarray
    labels: tuple[str, ...]
    idf: np.ndarray | None = None

    def probabilities(self, rows: Sequence[Features]) -> np.ndarray:
        """One row of class probabilities per feature mapping."""
        data: list[float] = []
        columns: list[int] = []
        pointers = [0]
        for features in rows:
            row = {self.index[f]: v for f, v in features.items() if f in self.index}
            if self.idf is not None:
                row = {c: (1 + math.log(v)) * float(self.idf[c]) for c, v in row.items()}
                norm = math.sqrt(sum(v * v for v in row.values())) or 1.0
                row = {c: v / norm for c, v in row.items()}
            columns += row
            data += row.values()
            pointers.append(len(columns))
        matrix = csr_matrix((np.array(data, dtype=np.float32), columns, pointers), shape=(len(rows), len(self.index)))
        scores = np.asarray(matrix @ self.coef.T) + self.intercept
        if scores.shape[1] == 1:
            scores = np.hstack([np.zeros_like(scores), scores])
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        return scores / scores.sum(axis=1, keepdims=True)

    def best(self, features: Features) -> tuple[str, float]:
        probabilities = self.probabilities([features])[0]
        best = int(probabilities.argmax())
        return self.labels[best], float(probabilities[best])


def save(prefix: str, vocabulary: Sequence[str], coef: np.ndarray, intercept: np.ndarray, labels: Sequence[str], idf: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """The arrays of one model, keyed for `np.savez_compressed` beside other models. The
    vocabulary is one UTF-8 text, a feature a line: a numpy string array pads every feature
    to the longest one's width."""
    if any("\n" in feature for feature in vocabulary):
        raise ValueError(f"{prefix}: a feature name contains a line break")
    arrays = {
        f"{prefix}.vocabulary": np.frombuffer("\n".join(vocabulary).encode("utf-8"), dtype=np.uint8),
        f"{prefix}.coef": coef.astype(np.float32),
        f"{prefix}.intercept": intercept.astype(np.float32),
        f"{prefix}.labels": np.array(labels),
    }
    if idf is not None:
        arrays[f"{prefix}.idf"] = idf.astype(np.float32)
    return arrays


@cache
def load(filename: str, prefix: str) -> LinearModel | None:
    """None when the package ships no trained weights of that name."""
    path = resources.files("sitrep.data").joinpath("models", filename)
    if not path.is_file():
        return None
    with resources.as_file(path) as local, np.load(local, allow_pickle=False) as arrays:
        if f"{prefix}.coef" not in arrays:
            return None
        idf_key = f"{prefix}.idf"
        vocabulary = arrays[f"{prefix}.vocabulary"].tobytes().decode("utf-8").split("\n")
        return LinearModel(
            {term: i for i, term in enumerate(vocabulary)},
            arrays[f"{prefix}.coef"].astype(np.float32),
            arrays[f"{prefix}.intercept"].astype(np.float32),
            tuple(str(label) for label in arrays[f"{prefix}.labels"]),
            arrays[idf_key].astype(np.float32) if idf_key in arrays.files else None,
        )
