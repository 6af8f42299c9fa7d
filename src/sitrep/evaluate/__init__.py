"""Scoring sitrep's reports against gold event data."""
from sitrep.evaluate.events import Score, load_gold, score

__all__ = ["Score", "load_gold", "score"]
