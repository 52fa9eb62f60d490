"""`sitrep events`: list what the store holds, filtered."""
from __future__ import annotations

import argparse
import sys

from ..export import FORMATS, write_records
from ..store import EventQuery
from ..taxonomy import BY_NAME, SUB_EVENT_TYPES
from .common import EXIT_OK, parse_date


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("events", help="list stored events",
                       description="List the events in the store (one per real event, however many "
                                   "articles told of it), oldest first.")
    p.add_argument("--db", default="sitrep.db", metavar="FILE|URL",
                   help="SQLite store file, or a postgresql:// URL (default: ./sitrep.db)")
    p.add_argument("--country", help="only events in this country: its name as the gazetteer gives it "
                                     "(e.g. Syria) or its ISO3 code (SYR)")
    p.add_argument("--admin1", metavar="NAME", help="only events in this first-level admin area (e.g. Aleppo)")
    p.add_argument("--since", type=parse_date, metavar="YYYY-MM-DD", help="only events on or after this day")
    p.add_argument("--until", type=parse_date, metavar="YYYY-MM-DD", help="only events on or before this day")
    p.add_argument("--type", dest="event_type", type=parse_type, metavar="TYPE",
                   help="only this ACLED event type (e.g. Battles) or sub-event type (e.g. 'Armed clash')")
    p.add_argument("--actor", metavar="NAME", help="only events where an actor's name contains this (any case)")
    p.add_argument("--bbox", type=parse_bbox, metavar="MIN_LON,MIN_LAT,MAX_LON,MAX_LAT",
                   help="only events inside this box (degrees)")
    p.add_argument("--min-fatalities", type=int, metavar="N", help="only events with at least N fatalities")
    p.add_argument("--text", metavar="WORDS", help="only events whose notes or evidence contain every word")
    p.add_argument("--limit", type=int, metavar="N", help="at most N events")
    p.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    p.set_defaults(run=run)


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    try:
        box = tuple(float(v) for v in value.split(","))
    except ValueError:
        box = ()
    if len(box) != 4 or box[0] > box[2] or box[1] > box[3]:
        raise argparse.ArgumentTypeError(
            f"not a box: {value!r} (write MIN_LON,MIN_LAT,MAX_LON,MAX_LAT, e.g. 36.0,35.5,38.0,37.0)")
    return box  # type: ignore[return-value]


def parse_type(value: str) -> str:
    """An ACLED event type or sub-event type, in any case, as the taxonomy spells it."""
    names = {s.event_type for s in SUB_EVENT_TYPES} | {s.name for s in SUB_EVENT_TYPES}
    found = next((n for n in names if n.lower() == value.strip().lower()), None)
    if found is None:
        kinds = ", ".join(sorted({s.event_type for s in SUB_EVENT_TYPES}))
        raise argparse.ArgumentTypeError(f"not an ACLED event type: {value!r} (one of {kinds}, or a sub-event type)")
    return found


def query_of(args: argparse.Namespace) -> EventQuery:
    """The options as a store query; --type matches an event type or a sub-event type."""
    kind = args.event_type
    sub = kind if kind in BY_NAME else None
    return EventQuery(country=args.country, admin1=args.admin1, since=args.since, until=args.until,
                      event_type=None if sub else kind, sub_event_type=sub, actor=args.actor, bbox=args.bbox,
                      min_fatalities=args.min_fatalities, text=args.text, limit=args.limit)


def run(args: argparse.Namespace) -> int:
    from ..store import open_store

    with open_store(args.db) as store:
        write_records(store.events(query_of(args)), args.format, sys.stdout)
    return EXIT_OK
