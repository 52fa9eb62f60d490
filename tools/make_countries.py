"""Write sitrep/web/countries.geojson, the dashboard's offline base layer, from Natural Earth.

Natural Earth's 1:110m admin-0 countries (public domain) ship inside the geopandas 0.14.4 wheel on
PyPI as ``geopandas/datasets/naturalearth_lowres``. This script reads that shapefile with nothing
but the standard library and writes a small GeoJSON (name, ISO3, coordinates rounded to 0.01°).
It was run once; the output is committed, so neither geopandas nor the network is needed after.

    pip download --no-deps geopandas==0.14.4 -d /tmp/ne && cd /tmp/ne && unzip -q geopandas-0.14.4-*.whl
    python tools/make_countries.py /tmp/ne/geopandas/datasets/naturalearth_lowres/naturalearth_lowres
"""
from __future__ import annotations

import json
import struct
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "sitrep" / "web" / "countries.geojson"
POLYGON = 5


def read_dbf(path: Path) -> list[dict[str, str]]:
    """The attribute table: one dict of stripped strings per record."""
    data = path.read_bytes()
    count, header_len, record_len = struct.unpack("<IHH", data[4:12])
    fields, pos = [], 32
    while data[pos] != 0x0D:  # field descriptors end with a carriage return
        name = data[pos:pos + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, data[pos + 16]))
        pos += 32
    rows = []
    for i in range(count):
        rec, at, row = data[header_len + i * record_len:header_len + (i + 1) * record_len], 1, {}
        for name, width in fields:
            row[name] = rec[at:at + width].decode("utf-8", "replace").strip()
            at += width
        rows.append(row)
    return rows


def read_polygons(path: Path) -> list[list[list[tuple[float, float]]]]:
    """Each record's rings as lists of (lon, lat)."""
    data, pos, shapes = path.read_bytes(), 100, []
    while pos < len(data):
        _, words = struct.unpack(">ii", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + words * 2]
        pos += 8 + words * 2
        if struct.unpack("<i", body[:4])[0] != POLYGON:
            shapes.append([])
            continue
        parts_n, points_n = struct.unpack("<ii", body[36:44])
        parts = list(struct.unpack(f"<{parts_n}i", body[44:44 + 4 * parts_n])) + [points_n]
        xy = struct.unpack(f"<{2 * points_n}d", body[44 + 4 * parts_n:44 + 4 * parts_n + 16 * points_n])
        points = list(zip(xy[0::2], xy[1::2]))
        shapes.append([points[parts[k]:parts[k + 1]] for k in range(parts_n)])
    return shapes


def is_clockwise(ring: list[tuple[float, float]]) -> bool:
    area = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:]))
    return area < 0


def rounded(ring: list[tuple[float, float]]) -> list[list[float]]:
    """Coordinates to 0.01°, dropping points that round onto their neighbour."""
    out: list[list[float]] = []
    for x, y in ring:
        point = [round(x, 2), round(y, 2)]
        if not out or point != out[-1]:
            out.append(point)
    return out


def geometry(rings: list[list[tuple[float, float]]]) -> dict:
    """Shapefile outer rings run clockwise and their holes follow them."""
    polygons: list[list[list[list[float]]]] = []
    for ring in rings:
        coords = rounded(ring)
        if len(coords) < 4:
            continue
        if is_clockwise(ring) or not polygons:
            polygons.append([coords[::-1]])  # GeoJSON wants outer rings counter-clockwise
        else:
            polygons[-1].append(coords[::-1])
    return {"type": "MultiPolygon", "coordinates": polygons}


def main(stem: str) -> None:
    base = Path(stem)
    rows = read_dbf(base.with_suffix(".dbf"))
    shapes = read_polygons(base.with_suffix(".shp"))
    features = [{"type": "Feature", "properties": {"name": row["name"], "iso3": row["iso_a3"]},
                 "geometry": geometry(rings)} for row, rings in zip(rows, shapes) if rings]
    collection = {
        "type": "FeatureCollection",
        "source": "Natural Earth 1:110m admin-0 countries (public domain), as shipped in the geopandas "
                  "0.14.4 wheel (geopandas/datasets/naturalearth_lowres); written by tools/make_countries.py",
        "features": features,
    }
    OUT.write_text(json.dumps(collection, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(features)} countries -> {OUT} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tools/make_countries.py PATH/naturalearth_lowres (without extension)")
    main(sys.argv[1])
