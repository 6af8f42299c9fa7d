"""Before the parse: which articles may report a conflict or protest event (relevance.py)."""
