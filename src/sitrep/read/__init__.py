"""Sources → Article records. Readers never raise on bad input: they yield ReadError."""
from sitrep.read.errors import ReadError
from sitrep.read.sources import iter_articles

__all__ = ["ReadError", "iter_articles"]
