"""The merged events in DuckDB: one row per event (filter columns plus the whole Event as
JSON), which report belongs to which event, and which events must be recombined because
their reports or sources changed."""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any


from sitrep.records import Event, EventReport, Source, SourcedReport
from sitrep.store.reviews import Review, ReviewTables, apply_reviews

SORTS = {"date": "event_date", "fatalities": "fatalities", "sources": "source_count", "country": "country"}
"""What events can be sorted by, and the column each reads."""
MERGED_COLUMNS = (
    ("event_date", "DATE"), ("event_type", "VARCHAR"), ("sub_event_type", "VARCHAR"), ("actor1", "VARCHAR"), ("actor2", "VARCHAR"),
    ("country", "VARCHAR"), ("iso3", "VARCHAR"), ("admin1", "VARCHAR"), ("location", "VARCHAR"), ("latitude", "DOUBLE"),
    ("longitude", "DOUBLE"), ("fatalities", "INTEGER"),
)
"""Fields of the event's merged report, each copied to a column of its name for filtering."""
EVENT_LEVEL_COLUMNS = (("source_count", "INTEGER"), ("corroboration", "VARCHAR"), ("first_reported", "TIMESTAMP"), ("review_status", "VARCHAR"))
"""Fields of the Event itself."""
MERGED_COLUMNS_LATE = (("certainty", "VARCHAR"), ("operation", "VARCHAR"), ("admin2", "VARCHAR"), ("admin3", "VARCHAR"))
"""More fields of the merged report (after those above in older databases' tables)."""
PLACEMENT_COLUMNS = (("block", "VARCHAR"), ("window_from", "DATE"), ("window_to", "DATE"))
"""Where the merge looks for an event: set by the merge, kept by a review."""
EVENT_COLUMNS = (
    "event_id", *(name for name, _ in MERGED_COLUMNS + MERGED_COLUMNS_LATE + EVENT_LEVEL_COLUMNS + PLACEMENT_COLUMNS), "data", "search_text",
)
REVIEWED_COLUMNS = tuple(name for name in EVENT_COLUMNS if name not in ("event_id", *(n for n, _ in PLACEMENT_COLUMNS)))
"""What a review rewrites: every column but the id and the merge's placement."""
EVENT_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY,
    {", ".join(f"{name} {kind}" for name, kind in MERGED_COLUMNS + MERGED_COLUMNS_LATE + EVENT_LEVEL_COLUMNS + PLACEMENT_COLUMNS)},
    data JSON NOT NULL, search_text VARCHAR
);
CREATE INDEX IF NOT EXISTS events_block ON events (block, window_from);
CREATE TABLE IF NOT EXISTS event_reports (report_id VARCHAR PRIMARY KEY, event_id VARCHAR NOT NULL);
CREATE INDEX IF NOT EXISTS event_reports_event ON event_reports (event_id);
CREATE TABLE IF NOT EXISTS stale_events (event_id VARCHAR NOT NULL);
ALTER TABLE events ADD COLUMN IF NOT EXISTS review_status VARCHAR;  -- databases made before reviews and search
ALTER TABLE events ADD COLUMN IF NOT EXISTS search_text VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS admin2 VARCHAR;  -- databases made before ACLED's second and third levels
ALTER TABLE events ADD COLUMN IF NOT EXISTS admin3 VARCHAR;
CREATE INDEX IF NOT EXISTS events_date ON events (event_date);
"""
SOURCED_SQL = """
SELECT r.data, a.id, a.outlet, a.url, a.published,
       (SELECT list({'article_id': c.copy_id, 'outlet': c.outlet, 'url': c.url, 'published': c.published})
          FROM article_copies c WHERE c.article_id = a.id) AS copies
FROM reports r JOIN articles a ON a.id = r.article_id
"""


@dataclass
class EventFilter:
    country: str | None = None
    event_type: str | None = None
    actor: str | None = None
    since: date | None = None
    until: date | None = None
    include_background: bool = False
    limit: int | None = None
    offset: int = 0
    text: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    """West, south, east, north (degrees)."""
    certainty: str | None = None
    corroboration: str | None = None
    review_status: str | None = None
    """`accepted`, `corrected`, `rejected`, `unreviewed` or `any`; by default rejected events are left out."""
    newest_first: bool = False
    operation: str | None = None
    min_fatalities: int | None = None
    admin1: str | None = None
    outlet: str | None = None
    """An outlet that carried the event (its name as stored, any case)."""
    sort: str | None = None
    """A key of SORTS: date (the default), fatalities, sources, country; a leading - reverses."""

    def where(self, dated: str = "event_date") -> tuple[str, list[Any]]:
        """A WHERE clause over the filter columns that reports and events share."""
        clauses, params = ["TRUE"], []
        if self.country:
            clauses.append("lower(country) = lower(?)")
            params.append(self.country)
        if self.event_type:
            clauses.append("(lower(event_type) = lower(?) OR lower(sub_event_type) = lower(?))")
            params += [self.event_type, self.event_type]
        if self.actor:
            clauses.append("(actor1 ILIKE ? OR actor2 ILIKE ?)")
            params += [f"%{self.actor}%", f"%{self.actor}%"]
        if self.since:
            clauses.append(f"{dated} >= ?")
            params.append(self.since)
        if self.until:
            clauses.append(f"{dated} <= ?")
            params.append(self.until)
        if self.min_fatalities is not None:
            clauses.append("fatalities >= ?")
            params.append(self.min_fatalities)
        return " AND ".join(clauses), params

    def order(self) -> str:
        """The events' ORDER BY: `sort`, else by date (newest first when asked), then id."""
        key = self.sort or ("-date" if self.newest_first else "date")
        column = SORTS[key.removeprefix("-")]
        direction = "DESC" if key.startswith("-") else "ASC"
        return f"{column} {direction} NULLS LAST, event_id"

    def event_where(self) -> tuple[str, list[Any]]:
        """The shared clause and the filters only events have."""
        clause, params = self.where()
        clauses = [clause]
        if self.text:
            clauses.append("contains(search_text, ?)")
            params.append(self.text.lower())
        if self.bbox:
            west, south, east, north = self.bbox
            clauses.append("latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?")
            params += [south, north, west, east]
        if self.admin1:
            clauses.append("lower(admin1) = lower(?)")
            params.append(self.admin1)
        if self.outlet:
            clauses.append("EXISTS (SELECT 1 FROM unnest(json_extract_string(data, '$.sources[*].outlet')) AS sources(outlet) WHERE lower(outlet) = lower(?))")
            params.append(self.outlet)
        for column, value in (("certainty", self.certainty), ("corroboration", self.corroboration), ("operation", self.operation)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        if self.review_status == "unreviewed":
            clauses.append("review_status IS NULL")
        elif self.review_status and self.review_status != "any":
            clauses.append("review_status = ?")
            params.append(self.review_status)
        elif self.review_status is None:
            clauses.append("review_status IS DISTINCT FROM 'rejected'")
        return " AND ".join(clauses), params


@dataclass
class Placement:
    """An event as stored, with where it sits for blocking: country and the days its
    reports allow."""

    event: Event
    block: str
    window_from: date | None
    window_to: date | None


class EventTables(ReviewTables):

    def unmerged(self, everything: bool = False) -> list[SourcedReport]:
        """Reports of news (not history) that belong to no event yet (`everything`: all of
        them, for a rebuild), oldest first."""
        pending = "" if everything else " AND r.report_id NOT IN (SELECT report_id FROM event_reports)"
        sql = SOURCED_SQL + f" WHERE NOT r.background{pending} ORDER BY a.published NULLS LAST, a.id, r.report_id"
        return [_sourced(row) for row in self.con.execute(sql).fetchall()]

    def event_ids(self) -> set[str]:
        return {row[0] for row in self.con.execute("SELECT event_id FROM events").fetchall()}

    def members(self, event_ids: Iterable[str]) -> dict[str, list[SourcedReport]]:
        ids = sorted(set(event_ids))
        found: dict[str, list[SourcedReport]] = defaultdict(list)
        if not ids:
            return found
        sql = SOURCED_SQL.replace("SELECT r.data", "SELECT e.event_id, r.data").replace(
            "FROM reports r", "FROM event_reports e JOIN reports r ON r.report_id = e.report_id"
        ) + " WHERE e.event_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY r.report_id"
        for row in self.con.execute(sql, [ids]).fetchall():
            found[row[0]].append(_sourced(row[1:]))
        return found

    def events_near(self, block: str, first: date, last: date) -> list[str]:
        """Events of the country whose reports allow a day between first and last."""
        sql = "SELECT event_id FROM events WHERE block = ? AND window_to >= ? AND window_from <= ?"
        return [row[0] for row in self.con.execute(sql, [block, first, last]).fetchall()]

    def stale(self) -> list[str]:
        return [row[0] for row in self.con.execute("SELECT DISTINCT event_id FROM stale_events").fetchall()]

    def event_of(self, report_id: str) -> str | None:
        row = self.con.execute("SELECT event_id FROM event_reports WHERE report_id = ?", [report_id]).fetchone()
        return row[0] if row else None

    def save_events(self, placed: list[Placement], emptied: Iterable[str]) -> None:
        """Replace these events and their memberships in one transaction."""
        gone = sorted(set(emptied) | {p.event.event_id for p in placed})
        reviewed = self.reviews([p.event.event_id for p in placed])
        now = datetime.now(timezone.utc)
        for placement in placed:
            apply_reviews(placement.event, reviewed.get(placement.event.event_id, []))
            placement.event.updated_at = now
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("DELETE FROM events WHERE event_id IN (SELECT unnest(?::VARCHAR[]))", [gone])
            self.con.execute("DELETE FROM event_reports WHERE event_id IN (SELECT unnest(?::VARCHAR[]))", [gone])
            self.con.execute("DELETE FROM stale_events WHERE event_id IN (SELECT unnest(?::VARCHAR[]))", [gone])
            rows = [_event_row(p) for p in placed]
            if rows:
                marks = ", ".join("?" * len(EVENT_COLUMNS))
                self.con.executemany(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({marks})", rows)
                members = [(rid, p.event.event_id) for p in placed for rid in p.event.report_ids]
                self.con.executemany("INSERT INTO event_reports VALUES (?, ?)", members)
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def mark_stale(self, article_id: str) -> None:
        """The events of this article's reports must be recombined (reports or sources changed)."""
        self.con.execute(
            "INSERT INTO stale_events SELECT e.event_id FROM event_reports e JOIN reports r ON r.report_id = e.report_id WHERE r.article_id = ?",
            [article_id],
        )

    def events(self, where: EventFilter | None = None) -> list[Event]:
        return [Event.from_dict(json.loads(data)) for data in self.event_json(where)]

    def event_json(self, where: EventFilter | None = None) -> list[str]:
        """The events as stored: each one's JSON (Event.to_dict), unparsed, for a reply that
        passes them on (the API's list: a page of 50 parsed and rewritten cost more than its query)."""
        where = where or EventFilter()
        clause, params = where.event_where()
        order = where.order()
        if where.limit:
            page = f"SELECT event_id FROM events WHERE {clause} ORDER BY {order} LIMIT {int(where.limit)} OFFSET {int(where.offset)}"
            sql = f"SELECT data FROM events WHERE event_id IN ({page}) ORDER BY {order}"
        else:
            sql = f"SELECT data FROM events WHERE {clause} ORDER BY {order}"
        return [row[0] for row in self.con.execute(sql, params).fetchall()]

    def count_events(self, where: EventFilter | None = None) -> int:
        clause, params = (where or EventFilter()).event_where()
        row = self.con.execute(f"SELECT count(*) FROM events WHERE {clause}", params).fetchone()
        return row[0] if row else 0

    def event(self, event_id: str) -> Event | None:
        row = self.con.execute("SELECT data FROM events WHERE event_id = ?", [event_id]).fetchone()
        return Event.from_dict(json.loads(row[0])) if row else None

    def review(self, event_id: str, action: str, reviewer: str, field_name: str | None = None, value: Any = None, reason: str | None = None) -> Event | None:
        """Record an analyst's verdict or correction and rewrite the event with it; None
        when there is no such event. A correction to the value the field has already is
        refused (ValueError): it would record a change that is none."""
        event = self.event(event_id)
        if event is None:
            return None
        old = getattr(event.merged, field_name) if field_name else None
        if field_name and old == value:
            raise ValueError(f"no change: {field_name} is {old!r} already")
        review = Review(event_id, action, field_name, old, value, reviewer, datetime.now(timezone.utc), reason)
        apply_reviews(event, [review])
        event.updated_at = review.reviewed_at
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.add_review(review)
            values = dict(zip(EVENT_COLUMNS, _event_row(Placement(event, "", None, None))))
            assignments = ", ".join(f"{name} = ?" for name in REVIEWED_COLUMNS)
            self.con.execute(f"UPDATE events SET {assignments} WHERE event_id = ?", [*(values[name] for name in REVIEWED_COLUMNS), event_id])
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return event

    def event_count(self) -> int:
        row = self.con.execute("SELECT count(*) FROM events").fetchone()
        return row[0] if row else 0


def _sourced(row: tuple[Any, ...]) -> SourcedReport:
    data, article_id, outlet, url, published, copies = row
    source = Source(article_id, outlet, url, published)
    return SourcedReport(
        EventReport.from_dict(json.loads(data)),
        source,
        [Source(c["article_id"], c["outlet"], c["url"], c["published"], copy_of=article_id) for c in copies or []],
    )


def _event_row(placed: Placement) -> list[Any]:
    """The values of EVENT_COLUMNS, in order."""
    event, merged = placed.event, placed.event.merged
    return [
        event.event_id,
        *(getattr(merged, name) for name, _ in MERGED_COLUMNS + MERGED_COLUMNS_LATE),
        *(getattr(event, name) for name, _ in EVENT_LEVEL_COLUMNS),
        *(getattr(placed, name) for name, _ in PLACEMENT_COLUMNS),
        json.dumps(event.to_dict()),
        search_text(event),
    ]


def search_text(event: Event) -> str:
    """What free-text search looks in, lower-cased in one column so a scan of a million
    events stays fast."""
    merged = event.merged
    return " | ".join(filter(None, [merged.location, merged.admin1, merged.actor1, merged.actor2, merged.sub_event_type, merged.notes])).lower()

