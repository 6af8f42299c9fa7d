"""Train the sub-event classifier on ACLED coders' notes (January–February 2022) and the
evidence of news-train's gold events.

    .venv/bin/pip install scikit-learn==1.9.1
    .venv/bin/python train/train_subevent.py ../shared/eval/acled/acled_2022q1.csv \
        --news ../shared/eval/news-train/gold.jsonl

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
import json
from pathlib import Path

import numpy as np
from features import tfidf_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score

from sitrep.evaluate.acled import HELD_OUT_FROM, SIZE_TAG
from sitrep import linear
from sitrep.extraction.subevent import LABEL_SEPARATOR, MODEL_FILE, MODEL_NAME, features

MIN_DOCUMENTS = 2
MAX_FEATURES = 40_000
NEWS_WEIGHT = 5.0
"""A news sentence counts as five notes: there are 300 of them beside 5,000 notes, and
they are what sitrep reads (chosen on news-dev's typing check)."""


def news_examples(path: Path) -> list[tuple[str, tuple[str, str]]]:
    """Each gold event's evidence (fragments joined) with its first accepted type pair."""
    examples = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            event = json.loads(line)
            if event.get("evidence"):
                examples.append((" ".join(event["evidence"].split(" ... ")), tuple(event["types"][0])))
    return examples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("acled_csv", type=Path)
    parser.add_argument("--c", type=float, default=20.0, help="inverse regularisation strength (chosen by 3-fold CV)")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "src/sitrep/data/models" / MODEL_FILE)
    parser.add_argument("--news", type=Path, action="append", default=[], help="a gold-events JSONL whose evidence sentences are examples (news-train; never news-dev)")
    parser.add_argument("--news-weight", type=float, default=NEWS_WEIGHT, help="weight of a news example against a note's 1")
    args = parser.parse_args()

    with args.acled_csv.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["event_date"] < HELD_OUT_FROM]
    texts = [SIZE_TAG.sub("", r["notes"]) for r in rows]
    pairs = [(r["event_type"], r["sub_event_type"]) for r in rows]
    weights = [1.0] * len(rows)
    for path in args.news:
        for text, pair in news_examples(path):
            texts.append(text)
            pairs.append(pair)
            weights.append(args.news_weight)
    labels = sorted(set(pairs))
    y = np.array([labels.index(pair) for pair in pairs])
    x, vocabulary, idf = tfidf_matrix([features(t) for t in texts], MIN_DOCUMENTS, MAX_FEATURES)

    classifier = LogisticRegression(C=args.c, max_iter=3000, class_weight="balanced")
    folds = cross_val_score(classifier, x, y, cv=5, params={"sample_weight": np.array(weights)})
    classifier.fit(x, y, sample_weight=np.array(weights))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    names = [LABEL_SEPARATOR.join(label) for label in labels]
    np.savez_compressed(args.out, **linear.save(MODEL_NAME, vocabulary, classifier.coef_, classifier.intercept_, names, idf))
    print(f"{len(rows)} notes, {len(texts) - len(rows)} news events, {len(labels)} sub-event types, {len(vocabulary)} features")
    print(f"5-fold accuracy on the examples themselves: {folds.mean():.3f} ± {folds.std():.3f}")
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
