"""The Python API: text in, reports out, no database; and a database read as tables."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from sitrep import nlp
from sitrep.export import Exported
from sitrep.export.tables import SCHEMA, flat
from sitrep.extraction.arguments import place_candidates
from sitrep.pipeline import process
from sitrep.read.fields import parse_published
from sitrep.records import Article, EventReport
from sitrep.resolve.places import Place, resolve_places
from sitrep.store import Store
from sitrep.store.filters import FILTER_OPTIONS, event_filter

if TYPE_CHECKING:
    import pandas as pd


def extract_text(text: str, published: str | date | datetime | None = None, article_id: str = "text") -> list[EventReport]:
    """Event reports in one article's text; relative dates resolve against `published`. A
    text asked for by itself is always parsed: the relevance stage is for streams."""
    article = Article(id=article_id, text=text, published=parse_published(published))
    result = next(process([article], relevance_filter=False))
    if result.error is not None:
        raise ValueError(result.error)
    return result.reports


@dataclass(frozen=True)
class FoundPlace:
    """A place name in a text, where it is, and what the gazetteer makes of it."""

    text: str
    start: int
    end: int
    place: Place | None


def find_places(text: str) -> list[FoundPlace]:
    """Every place name the extractor would consider, resolved in the text's context; a
    name the gazetteer does not know is kept with place None."""
    doc = nlp.parse(text)
    spans = sorted({(s.start_char, s.end_char): s for sentence in doc.sents for s in place_candidates(sentence)}.values(), key=lambda s: s.start_char)
    resolved = resolve_places(text, [s.text for s in spans])
    return [FoundPlace(span.text, span.start_char, span.end_char, place) for span, (_, place) in zip(spans, resolved)]


@dataclass(frozen=True)
class Database:
    """A sitrep database read as tables, one row an event (or a report), with the columns
    and types of `sitrep export --format parquet` (docs/python.md). Filters are those of
    `sitrep events`: country, event_type, actor, since, until, text, bbox, certainty,
    corroboration, review_status (dates as dates or 'YYYY-MM-DD')."""

    path: Path

    def events_table(self, **filters: Any) -> pa.Table:
        """As an Arrow table: `polars.from_arrow(db.events_table())` for polars."""
        with Store(self.path, read_only=True) as store:
            rows = [Exported.of_event(e) for e in store.events(_where(filters))]
        return pa.Table.from_pylist([flat(row) for row in rows], schema=SCHEMA)

    def reports_table(self, **filters: Any) -> pa.Table:
        with Store(self.path, read_only=True) as store:
            rows = [Exported.of_report(r, store.article(r.article_id)) for r in store.reports(_where(filters))]
        return pa.Table.from_pylist([flat(row) for row in rows], schema=SCHEMA)

    def events(self, **filters: Any) -> pd.DataFrame:
        return _frame(self.events_table(**filters))

    def reports(self, **filters: Any) -> pd.DataFrame:
        return _frame(self.reports_table(**filters))


def _where(filters: dict[str, Any]) -> Any:
    known = {spec.name for spec in FILTER_OPTIONS}
    if unknown := sorted(set(filters) - known):
        raise TypeError(f"unknown filter {', '.join(unknown)}: the filters are {', '.join(sorted(known))}")
    for key in ("since", "until"):
        if isinstance(filters.get(key), str):
            filters[key] = date.fromisoformat(filters[key])
    return event_filter(filters)


def _frame(table: pa.Table) -> pd.DataFrame:
    """Dates as datetime64, lists as Python lists; pandas is the `dataframes` extra."""
    try:
        import pandas  # noqa: F401
    except ImportError as exc:
        raise ImportError("DataFrames need pandas: pip install 'sitrep[dataframes]' (or use events_table() with polars)") from exc
    frame = table.to_pandas(date_as_object=False)
    for name in (f.name for f in table.schema if pa.types.is_list(f.type)):
        frame[name] = frame[name].map(list)
    return frame
