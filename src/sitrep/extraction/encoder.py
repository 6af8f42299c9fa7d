"""Role fillers read by a fine-tuned encoder: the words of who attacked, their organisation,
what was hit, who was harmed and with what, tagged word piece by word piece.

The linear role model (roles.py) sees each noun phrase through the parse, which fails on
lower-cased wire text; this model reads the words in context. It is all-MiniLM-L6-v2 fine-tuned on MUC-4 by
train/train_role_encoder.py and run with onnxruntime (int8, no torch). A long text is read in
overlapping windows; a piece's probabilities are the mean over the windows that hold it.
"""
from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib import resources

import numpy as np

from sitrep.extraction.fillers import ROLES, RoleFiller

MODEL_FILE = "role_encoder.onnx"
TOKENIZER_FILE = "role_encoder.json"
LABELS = ("O", *(f"{prefix}-{role}" for role in ROLES for prefix in ("B", "I")))
MAX_PIECES = 256
STRIDE = 128
WINDOWS_PER_RUN = 8


def windows(pieces: int) -> Iterator[tuple[int, int]]:
    """(first, last) piece ranges of at most MAX_PIECES - 2 (room for [CLS] and [SEP]),
    STRIDE apart, the last ending at the text's end."""
    size = MAX_PIECES - 2
    first = 0
    while True:
        yield first, min(first + size, pieces)
        if first + size >= pieces:
            return
        first += STRIDE


@cache
def _session():
    """The ONNX session and tokenizer, or None where the model file is not installed."""
    import onnxruntime
    from tokenizers import Tokenizer

    models = resources.files("sitrep.data") / "models"
    model, tokenizer = models / MODEL_FILE, models / TOKENIZER_FILE
    if not model.is_file() or not tokenizer.is_file():
        return None
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 2
    session = onnxruntime.InferenceSession(model.read_bytes(), options, providers=["CPUExecutionProvider"])
    return session, Tokenizer.from_str(tokenizer.read_text(encoding="utf-8"))


def piece_probabilities(text: str) -> tuple[list[tuple[int, int]], np.ndarray]:
    """Each word piece's character offsets and its probability for each label."""
    loaded = _session()
    if loaded is None:
        return [], np.zeros((0, len(LABELS)), dtype=np.float32)
    session, tokenizer = loaded
    encoding = tokenizer.encode(text, add_special_tokens=False)
    ids, offsets = encoding.ids, encoding.offsets
    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    sums = np.zeros((len(ids), len(LABELS)), dtype=np.float32)
    counts = np.zeros((len(ids), 1), dtype=np.float32)
    spans = list(windows(len(ids))) if ids else []
    for batch_start in range(0, len(spans), WINDOWS_PER_RUN):
        batch = spans[batch_start : batch_start + WINDOWS_PER_RUN]
        width = max(last - first for first, last in batch) + 2
        input_ids = np.zeros((len(batch), width), dtype=np.int64)
        mask = np.zeros((len(batch), width), dtype=np.int64)
        for row, (first, last) in enumerate(batch):
            input_ids[row, : last - first + 2] = [cls, *ids[first:last], sep]
            mask[row, : last - first + 2] = 1
        logits = session.run(["logits"], {"input_ids": input_ids, "attention_mask": mask})[0]
        scores = np.exp(logits - logits.max(axis=2, keepdims=True))
        scores /= scores.sum(axis=2, keepdims=True)
        for row, (first, last) in enumerate(batch):
            sums[first:last] += scores[row, 1 : last - first + 1]
            counts[first:last] += 1
    return list(offsets), sums / np.maximum(counts, 1)


def word_probabilities(text: str) -> list[tuple[int, int, np.ndarray]]:
    """(start, end, probabilities) of each word: the pieces that touch with no space or
    punctuation between ("paramilitaries" = "para" + "##mi" + "##lita" + "##ries"), their probabilities averaged."""
    offsets, probabilities = piece_probabilities(text)
    words = []
    first = 0
    for i in range(1, len(offsets) + 1):
        if i == len(offsets) or not (offsets[i][0] == offsets[i - 1][1] and text[offsets[i][0]].isalnum() and text[offsets[i][0] - 1].isalnum()):
            words.append((offsets[first][0], offsets[i - 1][1], probabilities[first:i].mean(axis=0)))
            first = i
    return words


def encoder_fillers(words: list[tuple[int, int, np.ndarray]], text: str, threshold: float) -> list[RoleFiller]:
    """Runs of words whose likeliest label is a role's: B starts one, I of the same role
    goes on (an I after O also starts one); a run's probability is the mean of its words'
    probability of that role."""
    runs: list[tuple[str, int, int, list[float]]] = []
    previous = None
    for start, end, row in words:
        prefix, _, role = LABELS[int(row.argmax())].partition("-")
        if prefix == "O":
            previous = None
            continue
        if prefix == "I" and previous == role:
            _, first, _, scores = runs[-1]
            runs[-1] = (role, first, end, [*scores, _in_role(row, role)])
        else:
            runs.append((role, start, end, [_in_role(row, role)]))
        previous = role
    fillers = [RoleFiller(role, start, end, text[start:end], float(np.mean(scores))) for role, start, end, scores in runs]
    return [filler for filler in fillers if filler.probability >= threshold]


def span_probability(words: list[tuple[int, int, np.ndarray]], role: str, start: int, end: int) -> float:
    """How sure the encoder is that the words of a span fill the role (their mean)."""
    inside = [_in_role(row, role) for word_start, word_end, row in words if word_start < end and word_end > start]
    return float(np.mean(inside)) if inside else 0.0


def _in_role(row: np.ndarray, role: str) -> float:
    return float(row[LABELS.index(f"B-{role}")] + row[LABELS.index(f"I-{role}")])
