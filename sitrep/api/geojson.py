"""Event records as GeoJSON features: the map needs a point and a few fields, not the claims."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

MAP_FIELDS = ("event_id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country",
              "admin1", "location", "geo_precision", "fatalities", "source")


def feature(record: dict[str, Any]) -> dict[str, Any]:
    """One event as a Feature; an event with no coordinates has a null geometry, as GeoJSON allows."""
    lat, lon = record.get("latitude"), record.get("longitude")
    geometry = None if lat is None or lon is None else {"type": "Point", "coordinates": [lon, lat]}
    properties = {name: record.get(name) for name in MAP_FIELDS}
    properties["conflicting"] = bool(record.get("conflicting_claims"))
    return {"type": "Feature", "id": record.get("event_id"), "geometry": geometry, "properties": properties}


def collection(records: Iterable[dict[str, Any]], **members: Any) -> dict[str, Any]:
    """A FeatureCollection; ``members`` (total, limit, offset) are foreign members, which GeoJSON allows."""
    return {"type": "FeatureCollection", **members, "features": [feature(r) for r in records]}
