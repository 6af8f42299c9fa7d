"""Drafts → EventReports (reports.py), with places from the offline gazetteer (places.py,
gazetteer.py). The package imports nothing itself, so place lookups alone start fast."""
