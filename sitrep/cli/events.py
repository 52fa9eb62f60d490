"""`sitrep events`: list what the store holds."""
from __future__ import annotations

import argparse
import sys

from ..export import FORMATS, write_records
from .common import EXIT_OK, iso, parse_date


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("events", help="list stored events",
                       description="List the events in the store, oldest first.")
    p.add_argument("--db", default="sitrep.db", metavar="FILE", help="SQLite store file (default: ./sitrep.db)")
    p.add_argument("--country", help="only events in this country (as the gazetteer names it, e.g. Syria)")
    p.add_argument("--since", type=parse_date, metavar="YYYY-MM-DD", help="only events on or after this day")
    p.add_argument("--until", type=parse_date, metavar="YYYY-MM-DD", help="only events on or before this day")
    p.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..store import open_store

    store = open_store(args.db)
    records = store.events(country=args.country, since=iso(args.since), until=iso(args.until))
    write_records(records, args.format, sys.stdout)
    store.close()
    return EXIT_OK
