"""API latency on a generated database of a million events: p50 and p95 of the main
queries, through the FastAPI app in process (routing, validation, SQL, JSON).

    .venv/bin/python bench/api.py [--events 1000000] [--requests 30] [--db PATH]

The events are made in SQL (random countries, places, dates over three years, types,
actors, tolls, one to five sources each) in the same table the merge writes; the
database is kept at --db for reuse (made once if missing)."""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from fastapi.testclient import TestClient

from sitrep.store import Store
from sitrep.web import create_app

GENERATE = """
INSERT INTO events (event_id, event_date, event_type, sub_event_type, actor1, actor2, country, iso3, admin1, location, latitude, longitude,
    fatalities, source_count, corroboration, certainty, operation, first_reported, block, window_from, window_to, data, review_status, search_text)
WITH base AS (
    SELECT i,
        'E' || lpad(printf('%x', i), 12, '0') AS event_id,
        DATE '2022-01-01' + CAST(floor(random() * 1095) AS INTEGER) AS event_date,
        ['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Protests', 'Riots', 'Strategic developments'][1 + (i % 6)] AS event_type,
        ['Armed clash', 'Air/drone strike', 'Attack', 'Peaceful protest', 'Mob violence', 'Arrests'][1 + (i % 6)] AS sub_event_type,
        ['Military Forces of Russia', 'Islamic State', 'Al Shabaab', 'JNIM', 'Police Forces of Nigeria', 'Unidentified Armed Group (Sudan)', 'Boko Haram', 'Military Forces of Ukraine'][1 + CAST(floor(random() * 8) AS INTEGER)] AS actor1,
        ['Civilians', 'Military Forces of Mali', 'Islamic State', NULL][1 + CAST(floor(random() * 4) AS INTEGER)] AS actor2,
        ['Syria', 'Mali', 'Somalia', 'Ukraine', 'Nigeria', 'Sudan', 'Iraq', 'Yemen', 'Myanmar', 'Mexico', 'Colombia', 'Pakistan'][1 + (i % 12)] AS country,
        -35 + random() * 90 AS latitude, -100 + random() * 200 AS longitude,
        CAST(floor(random() * random() * 40) AS INTEGER) AS fatalities,
        1 + CAST(floor(random() * 5) AS INTEGER) AS sources
    FROM range(?) AS r(i)
)
SELECT event_id, event_date, event_type, sub_event_type, actor1, actor2, country, upper(left(country, 3)), 'Region ' || (i % 40),
    'Town ' || (i % 5000), latitude, longitude, fatalities, sources,
    CASE WHEN sources > 1 THEN 'corroborated' ELSE 'single-source' END, 'reported', NULL, event_date + 1,
    upper(left(country, 3)), event_date, event_date,
    json_object('event_id', event_id, 'event_type', event_type, 'sub_event_type', sub_event_type, 'event_date', event_date,
        'date_from', event_date, 'date_to', event_date, 'date_precision', 'day', 'actor1', actor1, 'actor2', actor2,
        'country', country, 'admin1', 'Region ' || (i % 40), 'location', 'Town ' || (i % 5000), 'latitude', latitude,
        'longitude', longitude, 'geo_precision', 1, 'fatalities', fatalities, 'certainty', 'reported',
        'notes', 'On ' || event_date || ', ' || actor1 || ': ' || lower(sub_event_type) || ' in Town ' || (i % 5000) || ', ' || country || '.',
        'report_ids', [event_id || '#1'], 'sources', [json_object('article_id', 'a' || i, 'outlet', 'Outlet ' || (i % 300), 'url', NULL, 'published', NULL, 'copy_of', NULL)],
        'independent_sources', sources, 'corroboration', CASE WHEN sources > 1 THEN 'corroborated' ELSE 'single-source' END),
    NULL,
    lower(concat_ws(' | ', 'Town ' || (i % 5000), 'Region ' || (i % 40), actor1, actor2, sub_event_type,
        'On ' || event_date || ', ' || actor1 || ': ' || lower(sub_event_type) || ' in Town ' || (i % 5000) || ', ' || country || '.'))
FROM base
"""
QUERIES = {
    "newest page": "/api/events?limit=50",
    "country + month": "/api/events?country=Sudan&since=2023-05-01&until=2023-05-31&limit=50",
    "type + actor": "/api/events?type=Battles&actor=russia&limit=50",
    "text search": "/api/events?q=Town%201234&limit=50",
    "bounding box": "/api/events?bbox=30,10,40,20&limit=50",
    "deep page (offset 500,000)": "/api/events?limit=50&offset=500000",
    "map, whole world (cells)": "/api/events.geojson",
    "map, one country-month": "/api/events.geojson?country=Mali&since=2023-01-01&until=2023-01-31",
    "stats, all": "/api/stats",
    "stats, one country": "/api/stats?country=Syria",
    "one event": "/api/events/E0000000f423f",
    "export, one country-week (CSV)": "/api/export?country=Iraq&since=2023-03-01&until=2023-03-07",
}


def generated(path: Path, events: int) -> Path:
    """The database at `path`, generated first if it is not there."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        build(path, events)
    return path


def build(path: Path, events: int) -> None:
    start = time.perf_counter()
    try:
        with Store(path) as store:
            store.con.execute("SELECT setseed(0.7)")
            store.con.execute(GENERATE, [events])
            store.con.execute("INSERT INTO event_reports SELECT event_id || '#1', event_id FROM events")
            store.con.execute("CHECKPOINT")
    except Exception:
        path.unlink(missing_ok=True)
        raise
    print(f"generated {events:,} events in {time.perf_counter() - start:.0f} s ({path.stat().st_size / 1e6:.0f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--db", type=Path, default=Path("bench/out/api-1m.duckdb"))
    args = parser.parse_args()
    client = TestClient(create_app(generated(args.db, args.events)))
    print(f"{'query':<34} {'p50 ms':>8} {'p95 ms':>8}  result")
    for name, url in QUERIES.items():
        timings = []
        for _ in range(args.requests):
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code, response.text[:200])
        body = response.json() if "export" not in url else None
        shown = f"total {body['total']:,}" if body and "total" in body else f"{len(response.content):,} bytes"
        p95 = statistics.quantiles(timings, n=20)[-1]
        print(f"{name:<34} {statistics.median(timings):8.0f} {p95:8.0f}  {shown}")


if __name__ == "__main__":
    main()
