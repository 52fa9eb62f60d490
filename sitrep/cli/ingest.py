"""`sitrep ingest`: read articles, store them and their events, print the events."""
from __future__ import annotations

import argparse
import sys

from ..export import FORMATS, write_records
from .common import Batch, input_options


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="read articles, store their events, print them",
                       description="Read articles, store them and their events in the SQLite store "
                                   "(each article atomically), and print the events found.")
    input_options(p)
    p.add_argument("--db", default="sitrep.db", metavar="FILE", help="SQLite store file (default: ./sitrep.db)")
    p.add_argument("--format", choices=FORMATS, default="table", help="how to print the events (default: table)")
    p.add_argument("--quiet", action="store_true", help="print nothing but errors")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..store import open_store

    store = open_store(args.db)
    batch = Batch(args)
    ids: list[str] = []
    for result in batch.results():
        store.save(result)
        ids.append(result.article.id)
    if not args.quiet:
        write_records(store.events(article_ids=ids) if ids else iter(()), args.format, sys.stdout)
        print(f"{batch.read} article(s) read, {batch.failed} failed; store: {args.db}", file=sys.stderr)
    store.close()
    return batch.exit_code()
