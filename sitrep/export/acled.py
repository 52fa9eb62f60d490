"""ACLED CSV: ACLED's 31 export columns, in ACLED's order, filled from our event record.

Conventions (docs/exports.md has the full table):

- ``event_id_cnty`` is our stable event id; ``iso`` the ISO 3166 numeric code; ``region`` and
  ``country`` as ACLED writes them (``countries.csv``);
- ``inter1``/``inter2``/``interaction`` are ACLED's numeric codes (as acledR's 31-column files have
  them), ``civilian_targeting`` is "Civilians targeted" or blank, lists are joined with "; ";
- ``source`` lists the reporting sources, then the outlets not already named;
- ``admin3``, ``source_scale`` and ``tags`` are blank: we do not know them;
- ``timestamp`` is the record's own when it has one, else the export's Unix time;
- aggregate records (a cumulative toll over days or places) are left out: ACLED codes one event
  per day and place, and adding a total to the daily events would count the dead twice.
"""
from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable
from typing import Any, TextIO

from ..taxonomy import BY_NAME
from .countries import country

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)


def write_acled(records: Iterable[dict[str, Any]], out: TextIO, *, timestamp: int,
                left_out: Counter[str] | None = None) -> int:
    """Write one ACLED row per event; aggregate records are counted in ``left_out``. Returns rows written."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for record in records:
        if record.get("aggregate"):
            if left_out is not None:
                left_out["aggregate record (a total over days or places, not one ACLED event)"] += 1
            continue
        writer.writerow(acled_row(record, timestamp))
        n += 1
    return n


def acled_row(r: dict[str, Any], timestamp: int) -> dict[str, Any]:
    """The ACLED columns of one event record; blank ("") where we have nothing."""
    place = country(r.get("iso3"), r.get("country"))
    day = r.get("event_date") or ""
    return _blanks({
        "event_id_cnty": r.get("event_id"),
        "event_date": day,
        "year": day[:4],
        "time_precision": r.get("time_precision"),
        "disorder_type": _disorder(r),
        "event_type": r.get("event_type"),
        "sub_event_type": r.get("sub_event_type"),
        "actor1": r.get("actor1"), "assoc_actor_1": _names(r.get("assoc_actor_1")), "inter1": r.get("inter1"),
        "actor2": r.get("actor2"), "assoc_actor_2": _names(r.get("assoc_actor_2")), "inter2": r.get("inter2"),
        "interaction": r.get("interaction"),
        "civilian_targeting": "Civilians targeted" if r.get("civilian_targeting") else "",
        "iso": place.iso if place else None,
        "region": place.region if place else None,
        "country": place.acled_name if place else r.get("country"),
        "admin1": r.get("admin1"), "admin2": r.get("admin2"), "admin3": None,
        "location": r.get("location"),
        "latitude": _coord(r.get("latitude")), "longitude": _coord(r.get("longitude")),
        "geo_precision": r.get("geo_precision"),
        "source": _sources(r),
        "source_scale": None,
        "notes": r.get("notes"),
        "fatalities": r.get("fatalities") or 0,  # ACLED: no information -> 0
        "tags": None,
        "timestamp": r.get("timestamp") or timestamp,
    })


def _disorder(r: dict[str, Any]) -> str | None:
    """The codebook's disorder type for the sub-event type (Excessive force carries two)."""
    sub = BY_NAME.get(r.get("sub_event_type") or "")
    return sub.disorder_type if sub else r.get("disorder_type")


def _names(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value if v)
    return value or ""


def _coord(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def _sources(r: dict[str, Any]) -> str:
    names: list[str] = []
    for field in ("source", "outlet"):
        for name in (r.get(field) or "").split(";"):
            if name.strip() and name.strip().casefold() not in {n.casefold() for n in names}:
                names.append(name.strip())
    return "; ".join(names)


def _blanks(row: dict[str, Any]) -> dict[str, Any]:
    return {k: "" if v is None else v for k, v in row.items()}
