"""Role fillers read by a small fine-tuned transformer: who attacked, what was hit, who
was harmed and with what, in the article's own words.

The linear role model (roles.py) sees a phrase, its head and its path to a verb; it cannot
see that "the jesuit priest" named two paragraphs after "six priests were murdered" is a
victim too. The tagger reads windows of the whole text with a six-layer MiniLM encoder
fine-tuned on MUC-4 train (train/train_role_tagger.py) and tags each word piece B-/I- of a
role or O. It runs from ONNX with 8-bit weights: no torch at run time, and no model is
fetched; without the model files the caller falls back on the linear model.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from sitrep.extraction.fillers import RoleFiller

MODEL_DIR = "role_tagger"
OUTSIDE = "O"
WORD_CHARACTER = re.compile(r"\w")


@dataclass(frozen=True)
class Tagger:
    session: object
    tokenizer: object
    labels: tuple[str, ...]
    window: int
    stride: int

    def piece_probabilities(self, text: str) -> tuple[list[tuple[int, int]], np.ndarray]:
        """Each word piece's character span and label probabilities; where windows
        overlap, a piece's probabilities are the mean of its windows'."""
        encoding = self.tokenizer.encode(text, add_special_tokens=False)
        ids = encoding.ids
        cls, sep = self.tokenizer.token_to_id("[CLS]"), self.tokenizer.token_to_id("[SEP]")
        size = self.window - 2
        sums = np.zeros((len(ids), len(self.labels)), dtype=np.float32)
        counts = np.zeros(len(ids), dtype=np.float32)
        for first in range(0, max(len(ids) - self.stride, 1), size - self.stride):
            pieces = np.array([[cls, *ids[first:first + size], sep]], dtype=np.int64)
            (logits,) = self.session.run(None, {"input_ids": pieces, "attention_mask": np.ones_like(pieces)})
            scores = np.exp(logits[0, 1:-1] - logits[0, 1:-1].max(axis=1, keepdims=True))
            sums[first:first + size] += scores / scores.sum(axis=1, keepdims=True)
            counts[first:first + size] += 1
        return list(encoding.offsets), sums / np.maximum(counts, 1)[:, None]


@cache
def load() -> Tagger | None:
    """None when the package ships no tagger (the linear model answers then)."""
    folder = resources.files("sitrep.data").joinpath("models", MODEL_DIR)
    if not folder.joinpath("tagger.onnx").is_file():
        return None
    import onnxruntime
    from tokenizers import Tokenizer

    settings = json.loads(folder.joinpath("labels.json").read_text(encoding="utf-8"))
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    with resources.as_file(folder.joinpath("tagger.onnx")) as model:
        session = onnxruntime.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
    tokenizer = Tokenizer.from_file(str(folder.joinpath("tokenizer.json")))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return Tagger(session, tokenizer, tuple(settings["labels"]), int(settings["window"]), int(settings["stride"]))


def tag(text: str, threshold: float = 0.5) -> list[RoleFiller] | None:
    """The text's role fillers, one per tagged stretch of words; None without a model.
    A stretch is the pieces whose likeliest role (B and I together) is the same and at
    least `threshold` likely; a B piece starts a new stretch."""
    tagger = load()
    if tagger is None:
        return None
    offsets, probabilities = tagger.piece_probabilities(text)
    roles = sorted({label[2:] for label in tagger.labels if label != OUTSIDE})
    begin = np.array([tagger.labels.index(f"B-{role}") for role in roles])
    inside = np.array([tagger.labels.index(f"I-{role}") for role in roles])
    by_role = probabilities[:, begin] + probabilities[:, inside]
    fillers: list[RoleFiller] = []
    current: tuple[int, int, int, list[float]] | None = None
    for index, (start, end) in enumerate(offsets):
        best = int(by_role[index].argmax())
        continues_word = start > 0 and index > 0 and offsets[index - 1][1] == start and WORD_CHARACTER.match(text[start - 1]) is not None
        starts_new = probabilities[index, begin[best]] > probabilities[index, inside[best]] and not continues_word
        if by_role[index, best] < threshold and not (continues_word and current is not None):
            current = _close(text, current, fillers, roles)
            continue
        if current is not None and (current[0] == best or continues_word) and not starts_new:
            current = (current[0], current[1], end, [*current[3], float(by_role[index, current[0]])])
            continue
        _close(text, current, fillers, roles)
        current = (best, start, end, [float(by_role[index, best])])
    _close(text, current, fillers, roles)
    return fillers


def _close(text: str, stretch: tuple[int, int, int, list[float]] | None, fillers: list[RoleFiller], roles: list[str]) -> None:
    if stretch is not None:
        role, start, end, scores = stretch
        while end < len(text) and WORD_CHARACTER.match(text[end]):
            end += 1
        fillers.append(RoleFiller(roles[role], start, end, text[start:end], float(np.mean(scores))))
