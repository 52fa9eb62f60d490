"""`sitrep extract`: print the events of some articles, storing nothing."""
from __future__ import annotations

import argparse
import sys

from ..export import FORMATS, event_record, write_records
from .common import Batch, input_options


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="read articles and print their events",
                       description="Read articles and print the events they report, one record per event "
                                   "with the fields of DESIGN.md. Stores nothing.")
    input_options(p)
    p.add_argument("--format", choices=FORMATS, default="table",
                   help="jsonl: one JSON record per line; json: a list; csv: flat columns; "
                        "table: readable columns (default)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    batch = Batch(args)
    if sys.stdout.isatty():  # events stream to the same terminal: a progress line would garble them
        batch.progress.enabled = False
    records = (event_record(e) for r in batch.results() for e in r.events)
    write_records(records, args.format, sys.stdout)
    sys.stdout.flush()
    batch.finish()
    return batch.exit_code()
