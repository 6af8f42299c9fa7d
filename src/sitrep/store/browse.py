"""Aggregates for browsing many events at once: counts by week, type, actor and country,
and map points that collapse into grid cells when a view holds too many to draw. All in
SQL over the events table's columns, so a million events answer in well under a second."""
from __future__ import annotations

import math
from typing import Any

import duckdb

from sitrep.data.lexicon import countries, named_actors, taxonomy
from sitrep.store.events import EventFilter

TOP_ACTORS = 20
MAX_POINTS = 2000
"""Above this many located events in a view the map gets grid cells with counts."""
GRID_CELLS = 64
"""Cells across the view's longer side when aggregating."""


def stats(con: duckdb.DuckDBPyConnection, where: EventFilter) -> dict[str, Any]:
    """Counts and fatalities by week and event type (the timeline), and by type, actor,
    country, month and outlet (the facets of the dashboard and of `sitrep stats`)."""
    clause, params = where.event_where()
    by_week = con.execute(
        f"SELECT strftime(date_trunc('week', event_date), '%Y-%m-%d') AS week, event_type, count(*), coalesce(sum(fatalities), 0) FROM events "
        f"WHERE {clause} AND event_date IS NOT NULL GROUP BY ALL ORDER BY week, event_type",
        params,
    ).fetchall()
    total = con.execute(f"SELECT count(*), coalesce(sum(fatalities), 0) FROM events WHERE {clause}", params).fetchone() or (0, 0)

    def facet(keys: str, rows_from: str = "events", limit: int | None = None) -> list[tuple[Any, ...]]:
        top = f" LIMIT {limit}" if limit else ""
        sql = f"SELECT {keys}, count(*) AS n, coalesce(sum(fatalities), 0) FROM {rows_from} WHERE {clause} GROUP BY ALL ORDER BY n DESC, 1{top}"
        return con.execute(sql, params).fetchall()

    outlets = "(SELECT *, unnest(list_distinct(json_extract_string(data, '$.sources[*].outlet'))) AS outlet FROM events)"
    return {
        "events": total[0],
        "fatalities": int(total[1]),
        "by_week": [{"week": week, "event_type": kind, "count": n, "fatalities": int(dead)} for week, kind, n, dead in by_week],
        "by_type": [{"event_type": kind, "sub_event_type": sub, "count": n, "fatalities": int(dead)} for kind, sub, n, dead in facet("event_type, sub_event_type")],
        "by_actor": [{"actor": actor, "count": n, "fatalities": int(dead)} for actor, n, dead in facet("actor1", "(SELECT * FROM events WHERE actor1 IS NOT NULL)", TOP_ACTORS)],
        "by_country": [{"country": country, "count": n, "fatalities": int(dead)} for country, n, dead in facet("country")],
        "by_month": sorted(({"month": month, "count": n, "fatalities": int(dead)} for month, n, dead in
                            facet("strftime(event_date, '%Y-%m') AS month", "(SELECT * FROM events WHERE event_date IS NOT NULL)")), key=lambda row: row["month"]),
        "by_outlet": [{"outlet": outlet, "count": n, "fatalities": int(dead)} for outlet, n, dead in facet("outlet", outlets, TOP_ACTORS)],
    }


def map_features(con: duckdb.DuckDBPyConnection, where: EventFilter) -> dict[str, Any]:
    """GeoJSON of the located events in view: one point an event, or, past MAX_POINTS, one
    point a grid cell with the number of events in it."""
    clause, params = where.event_where()
    located = f"{clause} AND latitude IS NOT NULL AND longitude IS NOT NULL"
    row = con.execute(f"SELECT count(*), min(longitude), min(latitude), max(longitude), max(latitude) FROM events WHERE {located}", params).fetchone()
    count = row[0] if row else 0
    if count <= MAX_POINTS:
        rows = con.execute(
            f"SELECT event_id, longitude, latitude, event_date, event_type, sub_event_type, location, iso3, fatalities, source_count "
            f"FROM events WHERE {located} ORDER BY event_date DESC NULLS LAST, event_id",
            params,
        ).fetchall()
        features = [
            _point(lon, lat, {"event_id": eid, "event_date": str(day) if day else None, "event_type": kind, "sub_event_type": sub,
                              "location": place, "iso3": iso3, "fatalities": dead, "source_count": sources})
            for eid, lon, lat, day, kind, sub, place, iso3, dead, sources in rows
        ]
        return {"type": "FeatureCollection", "aggregated": False, "total": count, "features": features}
    west, south, east, north = where.bbox or (row[1], row[2], row[3], row[4])  # type: ignore[index]
    size = max(east - west, north - south, 1e-6) / GRID_CELLS
    rows = con.execute(
        f"SELECT floor(longitude / ?) AS x, floor(latitude / ?) AS y, count(*), avg(longitude), avg(latitude), sum(fatalities) "
        f"FROM events WHERE {located} GROUP BY x, y ORDER BY count(*) DESC",
        [size, size, *params],
    ).fetchall()
    features = [_point(lon, lat, {"count": n, "fatalities": int(dead or 0), "cell": [int(x), int(y)]}) for x, y, n, lon, lat, dead in rows]
    return {"type": "FeatureCollection", "aggregated": True, "cell_degrees": size, "total": count, "features": features}


def _point(longitude: float, latitude: float, properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [round(longitude, 5), round(latitude, 5)]}, "properties": properties}


def valid_bbox(west: float, south: float, east: float, north: float) -> bool:
    finite = all(math.isfinite(v) for v in (west, south, east, north))
    return finite and -180 <= west < east <= 180 and -90 <= south < north <= 90


NAME_KINDS = ("actors", "countries", "event_types", "sub_event_types")


def names(con: duckdb.DuckDBPyConnection, kind: str) -> list[str]:
    """The names a reviewer may pick for a field: the curated tables' (actors.csv, countries.csv,
    ACLED's taxonomy) and those the database's events already use, sorted."""
    if kind == "event_types":
        return sorted({row.event_type for row in taxonomy()})
    if kind == "sub_event_types":
        return sorted({row.sub_event_type for row in taxonomy()})
    if kind == "countries":
        stored = {row[0] for row in con.execute("SELECT DISTINCT country FROM events WHERE country IS NOT NULL").fetchall()}
        return sorted(stored | {country.name for country in countries().values()})
    stored = {row[0] for row in con.execute("SELECT actor1 FROM events WHERE actor1 IS NOT NULL UNION SELECT actor2 FROM events WHERE actor2 IS NOT NULL").fetchall()}
    return sorted(stored | set(named_actors()))
