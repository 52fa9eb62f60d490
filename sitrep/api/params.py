"""Query parameters shared by the event, GeoJSON and statistics endpoints, turned into an EventQuery."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from fastapi import HTTPException, Query

from ..store.base import EventQuery
from ..taxonomy import BY_NAME, EVENT_TYPES

MAX_TEXT = 200  # characters of a search string or a name filter


@dataclass(frozen=True)
class Filters:
    """The filters of a request, before paging."""

    query: EventQuery

    def page(self, limit: int, offset: int) -> EventQuery:
        return replace(self.query, limit=limit, offset=offset)


def filters(
    since: dt.date | None = Query(None, description="events on or after this day (YYYY-MM-DD)"),
    until: dt.date | None = Query(None, description="events on or before this day (YYYY-MM-DD)"),
    country: str | None = Query(None, max_length=MAX_TEXT, description="country name (e.g. Syria) or ISO3 code"),
    admin1: str | None = Query(None, max_length=MAX_TEXT, description="first-level administrative unit"),
    event_type: str | None = Query(None, max_length=MAX_TEXT, description="ACLED event type, e.g. Battles"),
    sub_event_type: str | None = Query(None, max_length=MAX_TEXT, description="ACLED sub-event type"),
    actor: str | None = Query(None, max_length=MAX_TEXT, description="actor1, actor2 or an associated actor"),
    bbox: str | None = Query(None, max_length=100, description="min_lon,min_lat,max_lon,max_lat in degrees"),
    min_fatalities: int | None = Query(None, ge=0, description="at least this many fatalities"),
    q: str | None = Query(None, max_length=MAX_TEXT, description="words in the notes or the evidence"),
) -> Filters:
    if since and until and since > until:
        raise HTTPException(422, f"since ({since}) is after until ({until})")
    event_type, sub_event_type = _blank(event_type), _blank(sub_event_type)
    if event_type and event_type not in EVENT_TYPES:
        raise HTTPException(422, f"event_type {event_type!r} is not an ACLED event type; one of: "
                                 f"{', '.join(EVENT_TYPES)}")
    if sub_event_type and sub_event_type not in BY_NAME:
        raise HTTPException(422, f"sub_event_type {sub_event_type!r} is not an ACLED sub-event type; one of: "
                                 f"{', '.join(BY_NAME)}")
    return Filters(EventQuery(
        since=since, until=until, country=_blank(country), admin1=_blank(admin1),
        event_type=event_type, sub_event_type=sub_event_type, actor=_blank(actor),
        bbox=parse_bbox(bbox) if bbox else None, min_fatalities=min_fatalities, text=_blank(q)))


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    """``min_lon,min_lat,max_lon,max_lat``; raises a 422 naming what is wrong."""
    parts = value.split(",")
    if len(parts) != 4:
        raise HTTPException(422, f"bbox {value!r}: give four numbers, min_lon,min_lat,max_lon,max_lat")
    try:
        min_lon, min_lat, max_lon, max_lat = (float(p) for p in parts)
    except ValueError:
        raise HTTPException(422, f"bbox {value!r}: not four numbers") from None
    for name, number, limit in (("min_lon", min_lon, 180), ("max_lon", max_lon, 180),
                                ("min_lat", min_lat, 90), ("max_lat", max_lat, 90)):
        if not -limit <= number <= limit:  # also refuses nan
            raise HTTPException(422, f"bbox {value!r}: {name} {number} is outside -{limit}..{limit}")
    if min_lon > max_lon or min_lat > max_lat:
        raise HTTPException(422, f"bbox {value!r}: the minimum is above the maximum")
    return min_lon, min_lat, max_lon, max_lat


def _blank(value: str | None) -> str | None:
    value = value.strip() if value else None
    return value or None

