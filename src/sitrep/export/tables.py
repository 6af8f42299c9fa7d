"""Events as typed tables: Parquet (lists as lists, dates as dates) and an Excel workbook
(a sheet of events, a sheet of their sources)."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from sitrep.export import Exported, inert

TEXT, WHOLE, SMALL, NUMBER, DAY, TIME = pa.string(), pa.int32(), pa.int16(), pa.float64(), pa.date32(), pa.timestamp("us", tz="UTC")
NAMES = pa.list_(pa.string())
COLUMNS: tuple[tuple[str, pa.DataType], ...] = (
    ("event_id", TEXT), ("event_date", DAY), ("date_from", DAY), ("date_to", DAY), ("date_precision", TEXT),
    ("event_type", TEXT), ("sub_event_type", TEXT), ("actor1", TEXT), ("actor1_type", SMALL), ("assoc_actor_1", NAMES),
    ("actor2", TEXT), ("actor2_type", SMALL), ("assoc_actor_2", NAMES), ("country", TEXT), ("iso3", TEXT), ("admin1", TEXT),
    ("admin2", TEXT), ("admin3", TEXT), ("location", TEXT), ("latitude", NUMBER), ("longitude", NUMBER), ("geo_precision", SMALL),
    ("fatalities", WHOLE), ("fatalities_low", WHOLE), ("fatalities_high", WHOLE), ("injuries", WHOLE),
    ("weapons", NAMES), ("targets", NAMES), ("operation", TEXT), ("claimed_by", TEXT), ("certainty", TEXT), ("notes", TEXT),
    ("source_count", WHOLE), ("independent_sources", WHOLE), ("corroboration", TEXT), ("outlets", NAMES),
    ("review_status", TEXT), ("first_reported", TIME), ("latest_reported", TIME), ("updated_at", TIME), ("report_ids", NAMES),
)
"""The columns of both formats, with their Parquet types."""
SCHEMA = pa.schema(list(COLUMNS))
SOURCE_COLUMNS = ("event_id", "article_id", "outlet", "url", "published", "copy_of")


def flat(row: Exported) -> dict[str, Any]:
    """One event (or report) as COLUMNS' values: the merged values, then the event's own."""
    values, event = row.values, row.event
    record: dict[str, Any] = {name: getattr(values, name, None) for name, _ in COLUMNS}
    record.update(
        event_id=row.record.get("event_id") or values.report_id, outlets=row.sources, review_status=row.review_status,
        source_count=event.source_count if event else 1, independent_sources=event.independent_sources if event else 1,
        corroboration=event.corroboration if event else None, first_reported=event.first_reported if event else None,
        latest_reported=event.latest_reported if event else None, updated_at=event.updated_at if event else None,
        report_ids=event.report_ids if event else [values.report_id],
    )
    return record


def write_parquet(rows: Iterable[Exported], out: BinaryIO) -> int:
    table = pa.Table.from_pylist([flat(row) for row in rows], schema=SCHEMA)
    pq.write_table(table, out)
    return 0


def write_xlsx(rows: Iterable[Exported], out: BinaryIO) -> int:
    """Lists joined by "; ", times without zone (Excel has none), text that a spreadsheet
    would run as a formula kept as text (`export.inert`)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    events, sources = book.create_sheet("events"), book.create_sheet("sources")
    events.append([name for name, _ in COLUMNS])
    sources.append(list(SOURCE_COLUMNS))
    for row in rows:
        record = flat(row)
        events.append([_cell(record[name]) for name, _ in COLUMNS])
        for source in row.event.sources if row.event else []:
            sources.append([_cell(v) for v in (record["event_id"], source.article_id, source.outlet, source.url, source.published, source.copy_of)])
    book.save(out)
    return 0


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return inert("; ".join(map(str, value)))
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    return inert(value)
