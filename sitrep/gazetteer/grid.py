"""A flat grid index for nearest-point queries (reverse geocoding).

Points are sorted by 0.25° cell; a query scans rings of cells around its own
cell until no unseen cell can hold a closer point.  Pure Python, a few tens of
microseconds a query, and it serialises to a handful of byte strings so the
cache can store it without pickling objects.
"""
from __future__ import annotations

import math
from array import array
from typing import Iterable, Iterator

CELL = 0.25  # degrees
_PER_DEG = int(round(1 / CELL))
_LON_CELLS = 360 * _PER_DEG
_MAX_RING = 80  # 20 degrees; beyond that fall back to a full scan


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat * _PER_DEG), math.floor(lon * _PER_DEG) % _LON_CELLS


def _key(i: int, j: int) -> int:
    return (i + 400) * _LON_CELLS + (j % _LON_CELLS)


def _ring(ci: int, cj: int, r: int) -> Iterator[tuple[int, int]]:
    """The cells at Chebyshev distance r from (ci, cj)."""
    if r == 0:
        yield ci, cj
        return
    for j in range(cj - r, cj + r + 1):
        yield ci - r, j
        yield ci + r, j
    for i in range(ci - r + 1, ci + r):
        yield i, cj - r
        yield i, cj + r


class Grid:
    """Nearest neighbour over (lat, lon) points; returns the caller's point index."""

    def __init__(self, lats: array, lons: array, index: array, keys: array, starts: array):
        self._lats, self._lons, self._index = lats, lons, index
        self._keys, self._starts = keys, starts
        # key -> (start, end) positions in the sorted arrays
        ends = list(starts[1:]) + [len(lats)]
        self._spans = {k: (s, e) for k, s, e in zip(keys, starts, ends)}

    @classmethod
    def build(cls, points: Iterable[tuple[float, float]]) -> "Grid":
        pts = list(points)
        order = sorted(range(len(pts)), key=lambda n: _key(*_cell(*pts[n])))
        lats = array("d", (pts[n][0] for n in order))
        lons = array("d", (pts[n][1] for n in order))
        keys, starts = array("q"), array("q")
        for pos, n in enumerate(order):
            k = _key(*_cell(*pts[n]))
            if not keys or keys[-1] != k:
                keys.append(k)
                starts.append(pos)
        return cls(lats, lons, array("q", order), keys, starts)

    def to_blobs(self) -> dict[str, bytes]:
        return {"lats": self._lats.tobytes(), "lons": self._lons.tobytes(),
                "index": self._index.tobytes(), "keys": self._keys.tobytes(),
                "starts": self._starts.tobytes()}

    @classmethod
    def from_blobs(cls, blobs: dict[str, bytes]) -> "Grid":
        def arr(code: str, name: str) -> array:
            a = array(code)
            a.frombytes(blobs[name])
            return a
        return cls(arr("d", "lats"), arr("d", "lons"), arr("q", "index"),
                   arr("q", "keys"), arr("q", "starts"))

    def __len__(self) -> int:
        return len(self._lats)

    def nearest(self, lat: float, lon: float) -> int:
        """Index (as given to ``build``) of the point closest to (lat, lon)."""
        ci, cj = _cell(lat, lon)
        coslat = max(math.cos(math.radians(lat)), 0.05)
        best, best_pos = math.inf, -1
        for r in range(_MAX_RING + 1):
            for i, j in _ring(ci, cj, r):
                span = self._spans.get(_key(i, j))
                if span is not None:
                    best, best_pos = self._scan(span, lat, lon, coslat, best, best_pos)
            # Unseen cells lie at least r cells away (in lon, scaled by cos lat).
            if best_pos >= 0 and math.sqrt(best) <= r * CELL * coslat:
                return self._index[best_pos]
        if best_pos < 0:
            best, best_pos = self._scan((0, len(self._lats)), lat, lon, coslat, best, best_pos)
        return self._index[best_pos]

    def _scan(self, span: tuple[int, int], lat: float, lon: float, coslat: float,
              best: float, best_pos: int) -> tuple[float, int]:
        lats, lons = self._lats, self._lons
        for pos in range(span[0], span[1]):
            dlon = (lons[pos] - lon + 180.0) % 360.0 - 180.0  # across the antimeridian too
            d = (lats[pos] - lat) ** 2 + (dlon * coslat) ** 2
            if d < best:
                best, best_pos = d, pos
        return best, best_pos


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))
