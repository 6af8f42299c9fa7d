"""Train the role-filler tagger and the incident detector on MUC-4 train.jsonl.

    .venv/bin/pip install scikit-learn==1.9.1
    .venv/bin/python train/train_roles.py ../shared/eval/muc4/train.jsonl

Writes src/sitrep/data/models/roles.npz (plain arrays, no pickle). Each candidate noun
phrase of the 1,300 training documents (sitrep.extraction.roles.candidates) is labelled with
the MUC-4 slot whose gold mentions contain its normalised wording, or "none"; a phrase in
two slots is one row per slot. A phrase whose head word is in a gold mention but whose
wording is not ("peasants" where the gold says "two peasants") is left out rather than
taught as "none": it is a boundary miss, not a wrong role. The incident detector learns which documents have any
template. dev.jsonl is left alone for `sitrep eval --dataset muc4`. MUC-4 data: the 1992
NIST research release (public), via MIT-licensed processed copies.
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import numpy as np
from features import indicator_matrix, tfidf_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score

from sitrep import nlp
from sitrep.evaluate.muc4 import SLOTS, read_documents
from sitrep import linear
from sitrep.extraction.fillers import mention_key
from sitrep.extraction.roles import (
    INCIDENT_MODEL,
    MODEL_FILE,
    NONE,
    SPAN_MODEL,
    candidate_features,
)

MIN_FEATURE_COUNT = 2
INCIDENT_MIN_DOCUMENTS = 2
INCIDENT_MAX_FEATURES = 60_000


def slots_of_mentions(templates: list[dict]) -> dict[str, set[str]]:
    roles: dict[str, set[str]] = {}
    for template in templates:
        for slot, role in SLOTS.items():
            for entity in template.get(slot) or []:
                for mention, _ in entity:
                    roles.setdefault(mention_key(mention), set()).add(role)
    return roles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("train_jsonl", type=Path)
    parser.add_argument("--c", type=float, default=0.3, help="span model's inverse regularisation (0.1, 0.3, 1 tried on dev)")
    parser.add_argument("--incident-c", type=float, default=10.0, help="incident model's (5-fold CV on train)")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "src/sitrep/data/models" / MODEL_FILE)
    args = parser.parse_args()

    documents = list(read_documents(args.train_jsonl))
    labels = (NONE, *SLOTS.values())
    rows, y = [], []
    docs = nlp.load().pipe((text for _, text, _ in documents), batch_size=nlp.BATCH_SIZE)
    for (_, _, templates), doc in zip(documents, docs):
        gold = slots_of_mentions(templates)
        gold_words = {word for mention in gold for word in mention.split()}
        for (start, end, head), features in candidate_features(doc):
            key = mention_key(doc[start:end].text)
            if key not in gold and doc[head].lower_ in gold_words:
                continue
            for role in gold.get(key) or (NONE,):
                rows.append(features)
                y.append(labels.index(role))
    x, vocabulary = indicator_matrix(rows, MIN_FEATURE_COUNT)
    spans = LogisticRegression(C=args.c, max_iter=3000).fit(x, np.array(y))
    print(f"{len(rows)} candidate rows, {len(vocabulary)} features, labels {Counter(labels[i] for i in y)}")

    counts = [linear.word_features(text) for _, text, _ in documents]
    incident = np.array([bool(templates) for _, _, templates in documents])
    x_documents, words, idf = tfidf_matrix(counts, INCIDENT_MIN_DOCUMENTS, INCIDENT_MAX_FEATURES)
    detector = LogisticRegression(C=args.incident_c, max_iter=3000)
    folds = cross_val_score(detector, x_documents, incident, cv=5)
    detector.fit(x_documents, incident)
    print(f"incident detector: 5-fold accuracy {folds.mean():.3f} (majority {max(incident.mean(), 1 - incident.mean()):.3f})")

    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out,
        **linear.save(SPAN_MODEL, vocabulary, spans.coef_, spans.intercept_, labels),
        **linear.save(INCIDENT_MODEL, words, detector.coef_, detector.intercept_, ("quiet", "incident"), idf),
    )
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
