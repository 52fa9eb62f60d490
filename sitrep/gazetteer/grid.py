"""A flat grid index for nearest-point queries (reverse geocoding).

Points are sorted by cell; a query scans rings of cells around its own cell
until no unseen cell can hold a closer point.  ``TwoLevelGrid`` pairs a fine
grid (fast where towns are dense) with a coarse one (for points far from any
town, at sea or in deserts).  Pure Python, tens of microseconds a query, and
it serialises to a few byte strings so the cache stores no pickled objects.
"""
from __future__ import annotations

import math
from array import array
from typing import Iterable, Iterator

_MAX_LAT_INDEX = 1000  # keys must not collide: |lat / cell| stays below this


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

    def __init__(self, cell: float, lats: array, lons: array, index: array, keys: array,
                 starts: array):
        self.cell = cell
        self._per_deg = 1.0 / cell
        self._lon_cells = int(round(360 / cell))
        self._lats, self._lons, self._index = lats, lons, index
        self._keys, self._starts = keys, starts
        # key -> (start, end) positions in the sorted arrays
        ends = list(starts[1:]) + [len(lats)]
        self._spans = {k: (s, e) for k, s, e in zip(keys, starts, ends)}

    def _cell(self, lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat * self._per_deg), math.floor(lon * self._per_deg) % self._lon_cells

    def _key(self, i: int, j: int) -> int:
        return (i + _MAX_LAT_INDEX) * self._lon_cells + (j % self._lon_cells)

    @classmethod
    def build(cls, points: Iterable[tuple[float, float]], cell: float) -> "Grid":
        pts = list(points)
        empty = cls(cell, array("d"), array("d"), array("q"), array("q"), array("q"))
        cell_keys = [empty._key(*empty._cell(lat, lon)) for lat, lon in pts]
        order = sorted(range(len(pts)), key=cell_keys.__getitem__)
        keys, starts = array("q"), array("q")
        for pos, n in enumerate(order):
            if not keys or keys[-1] != cell_keys[n]:
                keys.append(cell_keys[n])
                starts.append(pos)
        return cls(cell, array("d", (pts[n][0] for n in order)), array("d", (pts[n][1] for n in order)),
                   array("q", order), keys, starts)

    def to_blobs(self, prefix: str) -> dict[str, bytes]:
        arrays = {"lats": self._lats, "lons": self._lons, "index": self._index,
                  "keys": self._keys, "starts": self._starts}
        blobs = {f"{prefix}{name}": a.tobytes() for name, a in arrays.items()}
        blobs[f"{prefix}cell"] = repr(self.cell).encode()
        return blobs

    @classmethod
    def from_blobs(cls, blobs: dict[str, bytes], prefix: str) -> "Grid":
        def arr(code: str, name: str) -> array:
            a = array(code)
            a.frombytes(blobs[prefix + name])
            return a
        return cls(float(blobs[prefix + "cell"].decode()), arr("d", "lats"), arr("d", "lons"),
                   arr("q", "index"), arr("q", "keys"), arr("q", "starts"))

    def __len__(self) -> int:
        return len(self._lats)

    def nearest(self, lat: float, lon: float, max_ring: int | None = None) -> int:
        """Index (as given to ``build``) of the point closest to (lat, lon).

        With ``max_ring``, gives up (-1) when nothing is found that close.
        """
        ci, cj = self._cell(lat, lon)
        coslat = max(math.cos(math.radians(lat)), 0.05)
        best, best_pos = math.inf, -1
        limit = max_ring if max_ring is not None else self._lon_cells // 2
        for r in range(limit + 1):
            for i, j in _ring(ci, cj, r):
                span = self._spans.get(self._key(i, j))
                if span is not None:
                    best, best_pos = self._scan(span, lat, lon, coslat, best, best_pos)
            # Unseen cells lie at least r cells away (in lon, scaled by cos lat).
            if best_pos >= 0 and math.sqrt(best) <= r * self.cell * coslat:
                return self._index[best_pos]
        if max_ring is not None:
            return -1  # not proven nearest within max_ring: let the caller look wider
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


class TwoLevelGrid:
    """A 0.25° grid for towns nearby, backed by a 4° grid for remote points."""

    FINE, COARSE, FINE_RINGS = 0.25, 4.0, 8

    def __init__(self, fine: Grid, coarse: Grid):
        self._fine, self._coarse = fine, coarse

    @classmethod
    def build(cls, points: Iterable[tuple[float, float]]) -> "TwoLevelGrid":
        pts = list(points)
        return cls(Grid.build(pts, cls.FINE), Grid.build(pts, cls.COARSE))

    def nearest(self, lat: float, lon: float) -> int:
        found = self._fine.nearest(lat, lon, max_ring=self.FINE_RINGS)
        return found if found >= 0 else self._coarse.nearest(lat, lon)

    def to_blobs(self) -> dict[str, bytes]:
        return {**self._fine.to_blobs("fine."), **self._coarse.to_blobs("coarse.")}

    @classmethod
    def from_blobs(cls, blobs: dict[str, bytes]) -> "TwoLevelGrid":
        return cls(Grid.from_blobs(blobs, "fine."), Grid.from_blobs(blobs, "coarse."))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))
