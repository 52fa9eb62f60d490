"""GeoJSON (RFC 7946): a FeatureCollection of Point features, one per event with coordinates.

Positions are [longitude, latitude] in WGS 84 with no "crs" member (RFC 7946 §4); each feature's
``id`` is the event id and its ``properties`` are the whole event record. Events without
coordinates are left out and counted (a map cannot place them; ``jsonl`` keeps them). The
collection is written feature by feature, so a large export never sits whole in memory.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import Any, TextIO


def write_geojson(records: Iterable[dict[str, Any]], out: TextIO, *, left_out: Counter[str] | None = None) -> int:
    """Write the FeatureCollection; returns how many features were written."""
    out.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for record in records:
        feat = feature(record)
        if feat is None:
            if left_out is not None:
                left_out["no coordinates"] += 1
            continue
        out.write(("\n" if n == 0 else ",\n") + json.dumps(feat, ensure_ascii=False, allow_nan=False))
        n += 1
    out.write("\n]}\n")
    return n


def feature(record: dict[str, Any]) -> dict[str, Any] | None:
    """One Point feature for the record, or None when it has no usable coordinates."""
    lat, lon = record.get("latitude"), record.get("longitude")
    if not _number(lat) or not _number(lon) or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    feat: dict[str, Any] = {"type": "Feature"}
    if isinstance(record.get("event_id"), (str, int)):
        feat["id"] = record["event_id"]  # RFC 7946 §3.2: a string or a number, else absent
    feat["geometry"] = {"type": "Point", "coordinates": [lon, lat]}
    feat["properties"] = record
    return feat


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == value  # not NaN
