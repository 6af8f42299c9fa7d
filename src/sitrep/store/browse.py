"""Aggregates for browsing many events at once: counts by week, type, actor and country,
and map points that collapse into grid cells when a view holds too many to draw. All in
SQL over the events table's columns, so a million events answer in well under a second."""
from __future__ import annotations

import math
from typing import Any

import duckdb

from sitrep.store.events import EventFilter

TOP_ACTORS = 20
MAX_POINTS = 2000
"""Above this many located events in a view the map gets grid cells with counts."""
GRID_CELLS = 64
"""Cells across the view's longer side when aggregating."""


def stats(con: duckdb.DuckDBPyConnection, where: EventFilter) -> dict[str, Any]:
    clause, params = where.event_where()
    by_week = con.execute(
        f"SELECT strftime(date_trunc('week', event_date), '%Y-%m-%d') AS week, event_type, count(*) FROM events "
        f"WHERE {clause} AND event_date IS NOT NULL GROUP BY ALL ORDER BY week, event_type",
        params,
    ).fetchall()
    by_type = con.execute(f"SELECT event_type, sub_event_type, count(*) AS n FROM events WHERE {clause} GROUP BY ALL ORDER BY n DESC", params).fetchall()
    by_actor = con.execute(
        f"SELECT actor1, count(*) AS n FROM events WHERE {clause} AND actor1 IS NOT NULL GROUP BY ALL ORDER BY n DESC, actor1 LIMIT {TOP_ACTORS}",
        params,
    ).fetchall()
    by_country = con.execute(f"SELECT country, count(*) AS n FROM events WHERE {clause} GROUP BY ALL ORDER BY n DESC", params).fetchall()
    total = con.execute(f"SELECT count(*), coalesce(sum(fatalities), 0) FROM events WHERE {clause}", params).fetchone() or (0, 0)
    return {
        "events": total[0],
        "fatalities": int(total[1]),
        "by_week": [{"week": week, "event_type": kind, "count": n} for week, kind, n in by_week],
        "by_type": [{"event_type": kind, "sub_event_type": sub, "count": n} for kind, sub, n in by_type],
        "by_actor": [{"actor": actor, "count": n} for actor, n in by_actor],
        "by_country": [{"country": country, "count": n} for country, n in by_country],
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
            f"SELECT event_id, longitude, latitude, event_date, event_type, sub_event_type, location, fatalities, source_count "
            f"FROM events WHERE {located} ORDER BY event_date DESC NULLS LAST, event_id",
            params,
        ).fetchall()
        features = [
            _point(lon, lat, {"event_id": eid, "event_date": str(day) if day else None, "event_type": kind, "sub_event_type": sub,
                              "location": place, "fatalities": dead, "source_count": sources})
            for eid, lon, lat, day, kind, sub, place, dead, sources in rows
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
