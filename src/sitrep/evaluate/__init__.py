"""Scoring sitrep against gold data: one module a data set, and `datasets` that names them for `sitrep eval`."""
