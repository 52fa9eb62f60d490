"""`sitrep ingest`: read articles, store them and their events, print the events."""
from __future__ import annotations

import argparse
import sys

from ..export import FORMATS, write_records
from .common import EXIT_INTERRUPTED, Batch, input_options
from .progress import StopOnCtrlC


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="read articles, store their events, print them",
                       description="Read articles (files, folders, pages, feeds, URLs), store them and their "
                                   "events in the store (each article atomically), and print the events found. "
                                   "Skipped articles (not English) are stored with the reason, without events.")
    input_options(p)
    p.add_argument("--db", default="sitrep.db", metavar="STORE",
                   help="the store: a SQLite file or a postgresql:// URL (default: ./sitrep.db)")
    p.add_argument("--format", choices=FORMATS, default="table", help="how to print the events (default: table)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..store import EventQuery, open_store

    store = open_store(args.db)
    batch = Batch(args, stored=True)
    ids: list[str] = []
    try:
        with StopOnCtrlC(batch.stop, batch.progress):  # a first Ctrl-C: the articles taken are still stored
            for result in batch.results():
                batch.saved(result, store.save(result))  # each article wholly stored or not at all
                if result.events:
                    ids.append(result.article.id)
    except KeyboardInterrupt:  # a second Ctrl-C: what is stored stays stored; say so and stop
        batch.stop.set()
    interrupted = batch.stop.is_set()
    batch.progress.clear()
    if not args.quiet:
        write_records(store.events(EventQuery(article_ids=tuple(ids))) if ids else iter(()), args.format, sys.stdout)
        sys.stdout.flush()
    batch.finish(f"; store: {args.db}" + ("; stopped before the rest" if interrupted else ""))
    store.close()
    return EXIT_INTERRUPTED if interrupted else batch.exit_code()
