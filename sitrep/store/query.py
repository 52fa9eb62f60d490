"""An ``EventQuery`` as SQL: a WHERE clause over the events table and its arguments."""
from __future__ import annotations

import datetime as dt
from typing import Any

from ..errors import StoreError
from .base import EventQuery

QUERY_FIELDS = frozenset(EventQuery.__dataclass_fields__)


def make_query(query: EventQuery | None, filters: dict[str, Any]) -> EventQuery:
    """The query, or one built from keyword filters (``events(country="Syria", since="2024-11-01")``)."""
    unknown = set(filters) - QUERY_FIELDS
    if unknown:
        raise TypeError(f"unknown event filter(s): {', '.join(sorted(unknown))}")
    if "article_ids" in filters and filters["article_ids"] is not None:
        filters["article_ids"] = tuple(filters["article_ids"])
    base = query or EventQuery()
    return EventQuery(**{**base.__dict__, **filters}) if filters else base


def where(q: EventQuery) -> tuple[str, list[Any]]:
    """`` WHERE ...`` (or nothing) and its arguments."""
    clauses: list[str] = []
    args: list[Any] = []

    def add(clause: str, *values: Any) -> None:
        clauses.append(clause)
        args.extend(values)

    if q.country:
        add("(country = ? OR iso3 = ?)", q.country, q.country.upper())
    if q.admin1:
        add("lower(admin1) = ?", q.admin1.lower())
    if q.since:
        add("event_date >= ?", _day(q.since, "since"))
    if q.until:
        add("event_date <= ?", _day(q.until, "until"))
    if q.event_type:
        add("event_type = ?", q.event_type)
    if q.sub_event_type:
        add("sub_event_type = ?", q.sub_event_type)
    if q.actor:
        add("event_id IN (SELECT event_id FROM event_actors WHERE lname LIKE ?)", f"%{q.actor.lower()}%")
    if q.bbox:
        min_lon, min_lat, max_lon, max_lat = _bbox(q.bbox)
        add("longitude BETWEEN ? AND ? AND latitude BETWEEN ? AND ?", min_lon, max_lon, min_lat, max_lat)
    if q.min_fatalities is not None:
        add("fatalities >= ?", q.min_fatalities)
    words = (q.text or "").lower().split()
    if words:  # on a narrow table of its own, so the scan does not read whole records
        add("event_id IN (SELECT event_id FROM event_text WHERE " + " AND ".join(["search LIKE ?"] * len(words)) + ")",
            *(f"%{w}%" for w in words))
    if q.article_ids is not None:
        ids = list(q.article_ids) or [""]
        add(f"event_id IN (SELECT event_id FROM reports WHERE article_id IN ({', '.join('?' * len(ids))}))", *ids)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), args


def page(q: EventQuery) -> str:
    """LIMIT/OFFSET as checked numbers, written the same for both databases."""
    if q.limit is None and not q.offset:
        return ""
    if (q.limit is not None and q.limit < 0) or q.offset < 0:
        raise StoreError(f"limit and offset must not be negative (got limit={q.limit}, offset={q.offset})")
    limit = NO_LIMIT if q.limit is None else int(q.limit)
    return f" LIMIT {limit} OFFSET {int(q.offset)}"


NO_LIMIT = 2**63 - 1


def _day(value: dt.date | str, name: str) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise StoreError(f"{name}: not a date: {value!r} (write YYYY-MM-DD)") from None


def _bbox(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    try:
        min_lon, min_lat, max_lon, max_lat = (float(v) for v in box)
    except (TypeError, ValueError):
        raise StoreError(f"bbox: expected min_lon, min_lat, max_lon, max_lat (got {box!r})") from None
    if min_lon > max_lon or min_lat > max_lat:
        raise StoreError(f"bbox: minimum above maximum in {box!r} (order: min_lon, min_lat, max_lon, max_lat)")
    return min_lon, min_lat, max_lon, max_lat
