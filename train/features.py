"""Feature matrices shared by the training scripts, built the way sitrep.linear scores them."""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np
from scipy.sparse import csr_matrix


def tfidf_matrix(counts: Sequence[Counter[str]], min_documents: int, max_features: int) -> tuple[csr_matrix, list[str], np.ndarray]:
    """(1 + log tf) × idf, each row scaled to unit length: LinearModel.probabilities with an idf."""
    document_frequency = Counter(f for c in counts for f in c)
    vocabulary = [f for f, n in document_frequency.most_common(max_features) if n >= min_documents]
    index = {f: i for i, f in enumerate(vocabulary)}
    idf = np.array([math.log((1 + len(counts)) / (1 + document_frequency[f])) + 1 for f in vocabulary], dtype=np.float32)
    rows = []
    for c in counts:
        row = {index[f]: (1 + math.log(n)) * idf[index[f]] for f, n in c.items() if f in index}
        norm = math.sqrt(sum(v * v for v in row.values())) or 1.0
        rows.append({column: value / norm for column, value in row.items()})
    return sparse(rows, len(vocabulary)), vocabulary, idf


def indicator_matrix(rows: Sequence[Mapping[str, float]], min_count: int) -> tuple[csr_matrix, list[str]]:
    """Binary features seen at least `min_count` times: LinearModel.probabilities without an idf."""
    frequency = Counter(f for row in rows for f in row)
    vocabulary = sorted(f for f, n in frequency.items() if n >= min_count)
    index = {f: i for i, f in enumerate(vocabulary)}
    return sparse([{index[f]: v for f, v in row.items() if f in index} for row in rows], len(vocabulary)), vocabulary


def sparse(rows: Sequence[Mapping[int, float]], width: int) -> csr_matrix:
    data: list[float] = []
    columns: list[int] = []
    pointers = [0]
    for row in rows:
        columns += row
        data += row.values()
        pointers.append(len(columns))
    return csr_matrix((np.array(data, dtype=np.float32), columns, pointers), shape=(len(rows), width))
