"""Events as GeoJSON (RFC 7946): a FeatureCollection of Points, [longitude, latitude] in
WGS 84, every event field a property; events with no coordinates are left out (counted)."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, BinaryIO

from sitrep.export import SOURCE_SEPARATOR, Exported


def feature(row: Exported) -> dict[str, Any] | None:
    values = row.values
    if values.latitude is None or values.longitude is None:
        return None
    properties = {**row.record, "source": SOURCE_SEPARATOR.join(row.sources)}
    return {
        "type": "Feature",
        "id": properties.get("event_id") or values.report_id,
        "geometry": {"type": "Point", "coordinates": [round(values.longitude, 6), round(values.latitude, 6)]},
        "properties": properties,
    }


def write_geojson(rows: Iterable[Exported], out: BinaryIO) -> int:
    """Returns how many events were left out for want of coordinates."""
    features, left_out = [], 0
    for row in rows:
        found = feature(row)
        if found is None:
            left_out += 1
        else:
            features.append(found)
    out.write(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False).encode("utf-8"))
    return left_out
