"""UCDP GED CSV: GED's 49 columns in GED's order, filled from our event record where we can.

GED records organised violence only, so events that are not political violence (peaceful
protests, strategic developments) are left out and counted. UCDP's own ids and codes (relid,
conflict and dyad ids, Gleditsch-Ward numbers, active_year, code_status) are blank: they come
from UCDP's conflict lists, which we do not have. ``id`` holds our event id. docs/exports.md
gives the rule for every column.
"""
from __future__ import annotations

import csv
import datetime as dt
import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from .countries import country

UCDP_COLUMNS = (
    "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id",
    "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id",
    "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b", "number_of_sources",
    "source_article", "source_office", "source_date", "source_headline", "source_original", "where_prec",
    "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt",
    "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec", "date_start",
    "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
    "gwnoa", "gwnob",
)
STATE_BASED, NON_STATE, ONE_SIDED = 1, 2, 3
ORGANISED = {1, 2, 3, 4, 8}  # ACLED actor types that are organised armed groups
CIVILIANS = 7
_STATE_NAME = re.compile(r"^(?:Military|Police) Forces of (.+?)(?: \(\d{4}-(?:\d{4})?\).*)?$")

ArticleLookup = Callable[[str], dict[str, Any] | None]


def write_ucdp(records: Iterable[dict[str, Any]], out: TextIO, *, articles: ArticleLookup | None = None,
               left_out: Counter[str] | None = None) -> int:
    """Write one GED row per violent event; others are counted in ``left_out``. Returns rows written.

    ``articles`` gives an article's title, outlet and publication date by id, for the source columns.
    """
    writer = csv.DictWriter(out, fieldnames=UCDP_COLUMNS, lineterminator="\n")
    writer.writeheader()
    articles = _remembered(articles) if articles else None
    n = 0
    for record in records:
        if "Political violence" not in (record.get("disorder_type") or ""):
            if left_out is not None:
                left_out["not organised violence (UCDP GED has none)"] += 1
            continue
        writer.writerow(ucdp_row(record, articles))
        n += 1
    return n


def _remembered(articles: ArticleLookup) -> ArticleLookup:
    """Each article looked up once per export, keeping only what the source columns need."""
    @functools.cache
    def lookup(article_id: str) -> dict[str, Any] | None:
        found = articles(article_id)
        return {k: found.get(k) for k in ("title", "outlet", "published")} if found else None
    return lookup


def ucdp_row(r: dict[str, Any], articles: ArticleLookup | None = None) -> dict[str, Any]:
    kind, side_a, side_b = sides(r)
    place = country(r.get("iso3"), r.get("country"))
    start, end = _window(r)
    return _blanks({
        "id": r.get("event_id"),
        "year": start[:4] if start else None,
        "type_of_violence": kind,
        "dyad_name": f"{_ucdp_name(side_a)} - {_ucdp_name(side_b)}" if side_a and side_b else None,
        "side_a": _ucdp_name(side_a), "side_b": _ucdp_name(side_b),
        **_sources(r, articles),
        **_where(r),
        "country": place.ucdp_name if place else r.get("country"),
        "region": place.ucdp_region if place else None,
        "event_clarity": 2 if r.get("aggregate") else 1,
        "date_prec": _date_prec(start, end, r.get("time_precision")),
        "date_start": start, "date_end": end,
        **_deaths(r, side_a, side_b, kind),
    })


def sides(r: dict[str, Any]) -> tuple[int | None, str | None, str | None]:
    """(type_of_violence, side_a, side_b) in our actor names; side_a is the state when there is one."""
    a, b = (r.get("actor1"), r.get("inter1")), (r.get("actor2"), r.get("inter2"))
    if b[1] in ORGANISED and _is_state(b) and not _is_state(a):
        a, b = b, a
    if a[1] == CIVILIANS and b[1] in ORGANISED:
        a, b = b, a
    if a[1] in ORGANISED and (b[1] == CIVILIANS or r.get("event_type") == "Violence against civilians"
                              or r.get("sub_event_type") == "Excessive force against protesters"):
        return ONE_SIDED, a[0], b[0] if b[1] == CIVILIANS else "Civilians"
    if a[1] in ORGANISED and b[1] in ORGANISED:
        return (STATE_BASED if _is_state(a) else NON_STATE), a[0], b[0]
    if a[1] in ORGANISED and b[0] is None and _is_state(a):
        return STATE_BASED, a[0], None  # a state's strike whose target the text does not name
    return None, a[0], b[0]


def _is_state(actor: tuple[Any, Any]) -> bool:
    name, inter = actor
    return inter == 1 or (inter == 8 and bool(name and _STATE_NAME.match(name)))


def _ucdp_name(name: str | None) -> str | None:
    """UCDP names a state's forces "Government of X"."""
    found = _STATE_NAME.match(name or "")
    return f"Government of {found.group(1)}" if found else name


def _deaths(r: dict[str, Any], side_a: str | None, side_b: str | None, kind: int | None) -> dict[str, Any]:
    """GED's deaths by side from our per-party breakdown; what no party claims is unknown.

    As in GED, deaths_a + deaths_b + deaths_civilians + deaths_unknown == best.
    """
    best, low, high = _estimates(r)
    by_side = {"a": 0, "b": 0, "civilians": r.get("civilian_fatalities") or 0}
    for party, count in (r.get("fatalities_by_party") or {}).items():
        key = _side_of(party, r, side_a, side_b)
        if key == "b" and kind == ONE_SIDED:
            key = "civilians"  # GED counts one-sided violence's victims as civilians
        if key == "civilians" and r.get("civilian_fatalities") is not None:
            continue  # already counted from the stated civilian toll
        if key:
            by_side[key] += count
    if kind == ONE_SIDED and not r.get("fatalities_by_party"):
        by_side["civilians"] = max(by_side["civilians"], best - by_side["a"])  # the dead are the victims
    known = sum(by_side.values())
    if known > best:  # GED's deaths add up to best; a stated breakdown outweighs a lower total
        best, high = known, max(high, known)
    return {"deaths_a": by_side["a"], "deaths_b": by_side["b"], "deaths_civilians": by_side["civilians"],
            "deaths_unknown": best - known, "best": best, "low": low, "high": high}


def _side_of(party: str, r: dict[str, Any], side_a: str | None, side_b: str | None) -> str | None:
    key = party.casefold()
    for side, name in (("a", side_a), ("b", side_b)):
        if name and (key == name.casefold() or key in _allies(r, name)):
            return side
    return "civilians" if "civilian" in key else None


def _allies(r: dict[str, Any], name: str) -> set[str]:
    n = "1" if name == r.get("actor1") else "2" if name == r.get("actor2") else None
    return {a.casefold() for a in (r.get(f"assoc_actor_{n}") or [])} if n else set()


def _estimates(r: dict[str, Any]) -> tuple[int, int, int]:
    """best, low, high with low <= best <= high, as GED requires."""
    fallback = r.get("fatalities") or 0
    best = r.get("fatalities_best") if r.get("fatalities_best") is not None else fallback
    low = r.get("fatalities_low") if r.get("fatalities_low") is not None else best
    high = r.get("fatalities_high") if r.get("fatalities_high") is not None else best
    return best, min(low, best), max(high, best)


def _sources(r: dict[str, Any], articles: ArticleLookup | None) -> dict[str, Any]:
    """GED's source columns: one "outlet,date,headline" entry per article the event was read from."""
    found = [a for a in (articles(i) if articles else None for i in r.get("article_ids") or []) if a]
    offices = [a.get("outlet") or "" for a in found] or [o.strip() for o in (r.get("outlet") or "").split(";")]
    dates = [_day(a.get("published")) for a in found]
    headlines = [_plain(a.get("title")) for a in found]
    entries = [f'"{_plain(o)},{d},{h}"' for o, d, h in zip(offices, dates, headlines)]
    return {
        "number_of_sources": len(r.get("article_ids") or []) or None,
        "source_article": ";".join(entries) or None,
        "source_office": ";".join(o for o in offices if o) or None,
        "source_date": ";".join(d for d in dates if d) or None,
        "source_headline": ";".join(h for h in headlines if h) or None,
        "source_original": r.get("source") or None,
    }


def _plain(text: str | None) -> str:
    """Text safe inside GED's quoted, ";"-separated lists."""
    return (text or "").replace('"', "'").replace(";", ",").strip()


def _day(value: Any) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return str(value)[:10] if value else ""


def _where(r: dict[str, Any]) -> dict[str, Any]:
    lat, lon = r.get("latitude"), r.get("longitude")
    point = lat is not None and lon is not None
    return {
        "where_prec": _where_prec(r),
        "where_coordinates": r.get("location"),
        "adm_1": r.get("admin1"), "adm_2": r.get("admin2"),
        "latitude": lat, "longitude": lon,
        "geom_wkt": f"POINT ({lon} {lat})" if point else None,
        "priogrid_gid": priogrid(lat, lon) if point else None,
    }


def _where_prec(r: dict[str, Any]) -> int | None:
    """GED: 1 exact place, 2 within 25 km, 4 a province, 6 the country (from ACLED's geo_precision)."""
    if r.get("latitude") is None:
        return None
    if not r.get("admin1") and (r.get("location") or "") == (r.get("country") or ""):
        return 6
    return {1: 1, 2: 2, 3: 4}.get(r.get("geo_precision") or 0)


def priogrid(lat: float, lon: float) -> int:
    """The PRIO-GRID cell (0.5 degrees, numbered row by row from the south-west corner)."""
    row = min(int(math.floor((lat + 90) / 0.5)), 359)
    col = min(int(math.floor((lon + 180) / 0.5)), 719)
    return row * 720 + col + 1


def _window(r: dict[str, Any]) -> tuple[str | None, str | None]:
    start = r.get("date_start") or r.get("event_date")
    end = r.get("date_end") or r.get("event_date") or start
    return start, end


def _date_prec(start: str | None, end: str | None, time_precision: int | None) -> int | None:
    """GED: 1 the day, 2 a window of 2-6 days, 3 a week, 4 8-30 days (a month), 5 longer."""
    if not start or not end:
        return None
    days = (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days + 1
    if days == 1:  # one day, unless the record says the day itself is approximate
        return {2: 3, 3: 4}.get(time_precision or 1, 1)
    return 2 if days <= 6 else 3 if days == 7 else 4 if days <= 31 else 5


def _blanks(row: dict[str, Any]) -> dict[str, Any]:
    return {k: "" if row.get(k) is None else row[k] for k in UCDP_COLUMNS}
