"""The Gazetteer: name lookup, context-aware resolution and reverse geocoding."""
from __future__ import annotations

import json
import sqlite3
from array import array
import threading
from pathlib import Path
from typing import Any, Iterable

from ..model import Place
from . import normalize as norm
from . import store
from .aliases import CONTINENT_DEMONYMS, DEMONYMS
from .context import GeoContext
from .grid import TwoLevelGrid, distance_km
from .scoring import Candidate, confidence, prior, score
from .sources import country_table, to_iso3

# A trailing word that says what kind of place is meant, in normalised form.
_SUFFIX_KIND: dict[str, str | None] = {
    **{norm.normalize(w): "admin1" for w in (
        "province", "governorate", "region", "state", "oblast", "prefecture", "department",
        "wilaya", "wilayat", "muhafazat")},
    **{norm.normalize(w): "populated" for w in ("city", "town", "village")},
    **{norm.normalize(w): "spot" for w in (
        "airport", "airbase", "airfield", "base", "camp", "crossing", "checkpoint")},
    **{norm.normalize(w): None for w in ("district", "subdistrict", "area", "countryside")},
}
_DEMONYMS = {k.casefold(): v for k, v in DEMONYMS.items()}
_COLUMNS = "id, name, lat, lon, cc, admin1, admin2, geonameid, fclass, fcode, population, source, anchor"
_CACHE_LIMIT = 200_000
# Capitalised English words and group names that GeoNames also lists as places
# ("All" -> Ål, "Free" -> Fry, "Council" (Idaho), "Taliban" (a Turkish village)).
# Whole-query matches only: "Free State" and "Council Bluffs" still resolve.
STOPWORDS = frozenset(w.casefold() for w in (
    "All", "Free", "Mercy", "Council", "Abu", "Taliban", "Shabaab", "Al Shabaab", "Al-Shabaab",
    "Shabab", "Airport", "Mine", "Nuevo", "Confederation", "Police", "Army", "Military",
    "Government", "Parliament", "Party", "Union", "Hotel", "Market", "Village", "Town", "City",
    "Camp", "Base", "Station", "Court", "Church", "Mosque", "School", "University", "Hospital",
    "Prison", "Bridge", "Port", "District", "Province", "Region", "State", "Federal",
    "National", "Liberation", "Islamic", "Sultan", "Sheikh", "Imam", "King", "Prince",
    "President", "Minister", "General", "Colonel", "Captain", "Saint", "Santa", "San", "Mount",
    "Lake", "River", "Valley", "Hill", "Hills", "Park", "Square", "Street", "Road", "Highway",
    "New", "Old", "Upper", "Lower", "Great", "Little", "Grand", "Good", "Hope", "Progress",
    "Friendship", "Victory", "Peace", "Justice", "Freedom", "Independence", "Democracy",
    "Republic", "Alliance", "Front", "Movement", "Brigade", "Battalion", "Forces", "Group",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Casualties", "Fatalities", "Unknown", "Several",
    "Many", "Some", "Local", "Security", "Militia", "Militants", "Protesters", "Rioters",
    "Civilians", "Members", "Residents", "Workers", "Students", "Teachers", "Farmers",
    "Traders", "Herders", "Women", "Youths", "People", "Men", "Gunmen", "Unidentified",
    "Armed", "Attack", "Clashes", "Fighting", "Media", "News", "Reuters", "Radio",
    "Rapid", "Sadar", "College", "Post", "Federation", "Model", "Chhatra", "Jubo", "Shibir",
    "Colonia", "Barrio", "Bairro",
))


def _rejected(name: str) -> bool:
    """Names never resolved as places (country aliases aside): <= 2 letters ("Al", "El"),
    or a stopword ("All", "Free", "Taliban")."""
    text = name.strip()
    letters = sum(ch.isalpha() for ch in text)
    if letters <= 2 or norm.light(text) in _STOP_LIGHT:
        return True
    return False


# Kinds whose short aliases ("US", "UK", "EU") are names, not noise.
_ALIASED_KINDS = ("country", "continent")
_STOP_LIGHT = frozenset(norm.light(w) for w in STOPWORDS)
_ELSEWHERE_KM = 25.0  # a runner-up this close is "the same place" for confidence


def _kind(fclass: str | None, fcode: str | None) -> str:
    if fcode == "PCLI":
        return "country"
    if fcode == "ADM1":
        return "admin1"
    if fcode == "CONT":
        return "continent"
    if fcode == "ADM2":
        return "admin2"
    return "spot" if fclass == "S" else "populated"


class Gazetteer:
    """Places from GeoNames (cities500, countries, derived admin1) plus places.yaml.

    Build once with ``Gazetteer.load()`` or share the process-wide instance
    from ``get_gazetteer()``.  Thread-safe; pickles as a handle that reopens
    the cached index in the receiving process.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path | None = None):
        self._conn = conn
        self._path = path
        self._lock = threading.RLock()  # reentrant: _fetch holds it across _sql calls
        self._rows: dict[int, tuple[Place, str, str, int | None]] = {}
        self._reverse: tuple[TwoLevelGrid, list[list[str]], list[int]] | None = None
        self._countries = self._load_countries()
        # Context-free answers per name, memoised: articles repeat names, and the
        # phrase scan asks about every capitalised run.
        self._memo: dict[tuple[str, str], Any] = {}

    @classmethod
    def load(cls, cache_dir: Path | None = None) -> "Gazetteer":
        conn, path = store.open_database(cache_dir)
        return cls(conn, path)

    def __reduce__(self) -> tuple[Any, ...]:
        return (get_gazetteer, ())

    @property
    def path(self) -> Path | None:
        """The index file in use (None when it lives in memory)."""
        return self._path

    # ------------------------------------------------------------ rows -> places

    def _sql(self, query: str, args: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._conn.execute(query, tuple(args)).fetchall()

    def _remember(self, row: tuple[Any, ...]) -> None:
        pid, name, lat, lon, cc, admin1, admin2, gid, fclass, fcode, pop, source, anchor = row
        info = country_table().get(cc)
        place = Place(name=name, latitude=lat, longitude=lon,
                      country=info.name if info else None, iso3=info.iso3 if info else None,
                      admin1=admin1, admin2=admin2, geonameid=gid, feature_class=fclass,
                      feature_code=fcode, population=pop, source=source)
        if len(self._rows) > _CACHE_LIMIT:
            self._rows.clear()
        self._rows[pid] = (place, cc, _kind(fclass, fcode), anchor)

    def _ensure(self, ids: Iterable[int]) -> None:
        missing = [i for i in ids if i not in self._rows]
        for start in range(0, len(missing), 500):
            chunk = missing[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self._sql(f"SELECT {_COLUMNS} FROM place WHERE id IN ({marks})", chunk):
                self._remember(row)

    def _candidate(self, pid: int, flag: int) -> Candidate:
        place, cc, kind, anchor = self._rows[pid]
        return Candidate(pid, place, cc, kind, anchor, flag)

    def _load_countries(self) -> dict[str, Candidate]:
        rows = self._sql(f"SELECT {_COLUMNS} FROM place WHERE fcode = 'PCLI'")
        for row in rows:
            self._remember(row)
        return {row[4]: self._candidate(row[0], 2) for row in rows}

    # ------------------------------------------------------------ lookup

    def _fetch(self, keys: tuple[str, ...]) -> list[Candidate]:
        marks = ",".join("?" * len(keys))
        with self._lock:  # the row cache must not be cleared between _ensure and use
            hits = self._sql(f"SELECT place, MAX(flag) FROM name WHERE norm IN ({marks}) GROUP BY place",
                             keys)
            self._ensure(pid for pid, _ in hits)
            return [self._candidate(pid, flag) for pid, flag in hits]

    def _remembered(self, what: str, name: str, compute: Any) -> Any:
        key = (what, name)
        if key not in self._memo:
            if len(self._memo) > _CACHE_LIMIT:
                self._memo.clear()
            self._memo[key] = compute(name)
        return self._memo[key]

    def _candidates(self, name: str) -> tuple[list[Candidate], str | None]:
        """Candidates for a name, and the kind a trailing word asks for."""
        found, kind = self._remembered("candidates", name, self._find_candidates)
        return list(found), kind

    def _find_candidates(self, name: str) -> tuple[list[Candidate], str | None]:
        keys = norm.keys(name)
        found = self._fetch(keys) if keys[0] else []
        if _rejected(name) or len(keys[0].replace(" ", "")) <= 2:
            # "US", "UK": country aliases only; "El", "Al", "All" -> nothing.
            return [c for c in found if c.kind in _ALIASED_KINDS and c.flag > 0], None
        found = _acronym_filter(name, found)
        head, _, tail = keys[0].rpartition(" ")
        if not head or tail not in _SUFFIX_KIND:
            return found, None
        # "Aleppo province": the full name first (it may be a name: "Free State"), then "Aleppo".
        if any(c.kind == _SUFFIX_KIND[tail] for c in found):
            return found, _SUFFIX_KIND[tail]  # "Kiev Oblast" is an alias of the oblast itself
        base = self._fetch(norm.keys(name.strip().rsplit(maxsplit=1)[0]))
        seen = {c.id for c in found}
        return found + [c for c in base if c.id not in seen], _SUFFIX_KIND[tail]

    def lookup(self, name: str) -> list[Place]:
        """Every place the name may denote, most plausible first (no context)."""
        found, kind = self._candidates(name)
        ranked = sorted(found, key=lambda c: score(c, name, None, kind), reverse=True)
        return [c.place for c in ranked]

    def has_name(self, name: str) -> bool:
        """Whether any place is known by this name (cheap; for phrase matching)."""
        return self._remembered("has_name", name, self._has_name)

    def _has_name(self, name: str) -> bool:
        keys = norm.keys(name)
        if not keys[0]:
            return False
        if _rejected(name) or len(keys[0].replace(" ", "")) <= 2:
            return any(c.kind in _ALIASED_KINDS and c.flag > 0 for c in self._fetch(keys))
        if _is_acronym(name):
            return bool(_acronym_filter(name, self._fetch(keys)))
        marks = ",".join("?" * len(keys))
        return bool(self._sql(f"SELECT 1 FROM name WHERE norm IN ({marks}) LIMIT 1", keys))

    # ------------------------------------------------------------ resolve

    def rank(self, name: str, context: GeoContext | None = None, *,
             kind: str | None = None) -> list[tuple[Place, float]]:
        """Candidates with scores, best first, using the article's context.

        ``kind`` ("country", "admin1", "populated", "spot") says what the
        text implies ("southern Idlib" -> admin1); a trailing word in the name
        ("Aleppo province") implies it too.
        """
        found, implied = self._candidates(name)
        kind = kind or implied
        scored = sorted(((score(c, name, context, kind), c) for c in found),
                        key=lambda sc: sc[0], reverse=True)
        if scored and kind not in ("admin1", "admin2"):
            scored = _prefer_seat(scored)
        return [(c.place, s) for s, c in scored]

    def resolve(self, name: str, context: GeoContext | None = None, *,
                kind: str | None = None) -> Place | None:
        """The single most plausible place for the name, or None."""
        ranked = self.rank(name, context, kind=kind)
        return ranked[0][0] if ranked else None

    def resolve_with_confidence(self, name: str, context: GeoContext | None = None, *,
                                kind: str | None = None) -> tuple[Place | None, float]:
        """Like ``resolve``, with 0.5..1 confidence from the margin over rivals elsewhere."""
        ranked = self.rank(name, context, kind=kind)
        if not ranked:
            return None, 0.0
        best, best_score = ranked[0]
        rival = next((s for p, s in ranked[1:] if elsewhere(p, best)), None)
        return best, confidence(best_score, rival)

    def seat(self, area: Place) -> Place | None:
        """The town an admin1 area is anchored at (its most populous town, usually the
        capital): where ACLED codes a province-only event."""
        if area.feature_code not in ("ADM1", "ADM2"):
            return None
        iso2 = self.country_code(area)
        rows = self._sql("SELECT anchor FROM place WHERE fcode = ? AND cc = ? AND name = ? AND admin1 IS ?",
                         (area.feature_code, iso2 or "", area.name, area.admin1))
        anchor = rows[0][0] if rows else None
        if anchor is None:
            return None
        with self._lock:
            self._ensure([anchor])
            return self._rows[anchor][0] if anchor in self._rows else None

    # ------------------------------------------------------------ countries

    def countries(self) -> list[Place]:
        return [c.place for c in self._countries.values()]

    def country_by_name(self, name_or_iso: str) -> Place | None:
        """A country from its name, an alias ("UK", "DRC", "Burma") or an ISO2/ISO3 code."""
        return self._remembered("country", name_or_iso, self._country_by_name)

    def _country_by_name(self, name_or_iso: str) -> Place | None:
        text = name_or_iso.strip()
        if 2 <= len(text) <= 3 and text.isalpha():
            iso3 = to_iso3(text)
            iso2 = next((c.iso2 for c in country_table().values() if c.iso3 == iso3), None)
            if iso2 in self._countries:
                return self._countries[iso2].place
        hits = [c for c in self._fetch(norm.keys(text)) if c.kind == "country"]
        return max(hits, key=prior).place if hits else None

    def country_from_adjective(self, word: str) -> Place | None:
        """Country of a demonym or adjective: "Syrian", "pro-Iranian", "Israelis"."""
        text = " ".join(word.replace("-", " - ").split()).casefold()
        for prefix in ("pro - ", "anti - "):
            text = text.removeprefix(prefix)
        text = text.replace(" - ", "-")
        iso2 = _DEMONYMS.get(text) or (_DEMONYMS.get(text[:-1]) if text.endswith("s") else None)
        candidate = self._countries.get(iso2) if iso2 else None
        return candidate.place if candidate else None

    def continent_from_adjective(self, word: str) -> Place | None:
        """The continent of an adjective: "European", "African", "North American"."""
        name = CONTINENT_DEMONYMS.get(" ".join(word.split()))
        if name is None:
            return None
        return next((c.place for c in self._candidates(name)[0] if c.kind == "continent"), None)

    def country_code(self, place: Place) -> str | None:
        """ISO2 of a place's country."""
        return next((c.iso2 for c in country_table().values() if c.iso3 == place.iso3), None)

    # ------------------------------------------------------------ reverse

    def _reverse_index(self) -> tuple[TwoLevelGrid, list[list[str]], list[int]]:
        if self._reverse is None:
            blobs = dict(self._sql("SELECT key, value FROM blob"))
            which = array("i")
            which.frombytes(blobs["combo_index"])
            combos = json.loads(blobs["combos"].decode("utf-8"))
            self._reverse = (TwoLevelGrid.from_blobs(blobs), combos, list(which))
        return self._reverse

    def reverse(self, lat: float, lon: float) -> tuple[str | None, str | None, str | None, str | None]:
        """(country, iso3, admin1, admin2) of the nearest GeoNames town (cities1000)."""
        grid, combos, which = self._reverse_index()
        cc, admin1, admin2 = combos[which[grid.nearest(lat, lon)]]
        info = country_table().get(cc)
        return (info.name if info else None, info.iso3 if info else None,
                admin1 or None, admin2 or None)


def elsewhere(other: Place, best: Place) -> bool:
    """A rival reading that puts the name somewhere else: not within 25 km, and not the
    area that holds the other ("Deir ez-Zor" the city against its governorate)."""
    if distance_km(other.latitude, other.longitude, best.latitude, best.longitude) <= _ELSEWHERE_KM:
        return False
    return not (_holds(other, best) or _holds(best, other))


def _holds(area: Place, place: Place) -> bool:
    return (area.feature_code in ("ADM1", "ADM2") and area.iso3 == place.iso3
            and area.name in (place.admin1, place.admin2))


def _is_acronym(name: str) -> bool:
    text = name.strip().replace(".", "")
    return text.isalpha() and text.isupper() and len(text) <= 5


def _acronym_filter(name: str, found: list[Candidate]) -> list[Candidate]:
    """An all-caps query ("JWS", "SNA", "NRF") is an organisation unless it is a
    country or admin1 alias ("DRC", "UAE", "KPK") or a place's own name in capitals."""
    if not _is_acronym(name):
        return found
    plain = norm.light(name)
    return [c for c in found if (c.kind in ("country", "admin1", "continent") and c.flag > 0)
            or norm.light(c.place.name) == plain]


def _prefer_seat(scored: list[tuple[float, Candidate]]) -> list[tuple[float, Candidate]]:
    """Plain "Aleppo": when an admin1 area wins over its own same-named seat city,
    take the city (same coordinates, and the more specific reading)."""
    top = scored[0][1]
    if top.kind not in ("admin1", "admin2") or top.anchor is None:
        return scored
    for n, (s, c) in enumerate(scored):
        if c.id == top.anchor:
            return [(scored[0][0], c)] + [(s2, c2) for m, (s2, c2) in enumerate(scored) if m != n]
    return scored


_shared: Gazetteer | None = None
_shared_lock = threading.Lock()


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded on first use."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Gazetteer.load()
        return _shared
