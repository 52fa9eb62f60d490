"""`sitrep watch FEEDS.txt --every 10m`: poll feeds, store the events of new items, until Ctrl-C."""
from __future__ import annotations

import argparse
import sys
import threading
import time
from functools import partial
from typing import Any

from ..errors import InputError
from ..ingest.fetch import Fetcher
from ..ingest.tally import skip_reason
from ..ingest.fields import Overrides
from ..ingest.watch import PollReport, Watcher, parse_interval, read_feed_list
from ..pipeline import LazyPipeline
from .common import EXIT_INTERRUPTED, EXIT_OK, EXIT_SOME_FAILED, parse_date
from .progress import Progress, StopOnCtrlC


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("watch", help="poll RSS/Atom feeds and store the events of new items",
                       description="Poll the feeds listed in FEEDS (one URL a line, # comments) every interval, "
                                   "read only items not yet in the store, and store their events. Conditional "
                                   "requests (ETag, Last-Modified) keep unchanged feeds cheap; a feed that is down "
                                   "or sends garbage is reported and retried after 1, 2, 4 ... minutes. Ctrl-C "
                                   "stops after the articles in flight are stored (press it twice to quit at once).")
    p.add_argument("feeds", metavar="FEEDS", help="text file of feed URLs, one a line")
    p.add_argument("--every", type=_interval, default=600.0, metavar="INTERVAL",
                   help="time between two polls of a feed: 30s, 10m, 2h (default: 10m)")
    p.add_argument("--db", default="sitrep.db", metavar="STORE",
                   help="the store: a SQLite file or a postgresql:// URL (default: ./sitrep.db)")
    p.add_argument("--once", action="store_true", help="poll every feed once and exit (for cron)")
    p.add_argument("--published", type=parse_date, metavar="YYYY-MM-DD", help="override the items' dates")
    p.add_argument("--outlet", metavar="NAME", help="override the items' outlet")
    p.add_argument("--max-size", type=float, default=5.0, metavar="MB",
                   help="largest feed or page to read, in megabytes (default: 5)")
    p.add_argument("--no-fetch", action="store_true", help="read items from the feed's own text; fetch no pages")
    p.add_argument("--quiet", action="store_true", help="print only errors: no poll lines, progress or summary")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..store import open_store

    feeds = read_feed_list(args.feeds)
    store = open_store(args.db)
    progress = Progress(sys.stderr, enabled=not args.quiet)
    watcher = Watcher(feeds, store, analyze=partial(LazyPipeline().run, batch_size=4), every=args.every,
                      fetcher=Fetcher(max_bytes=int(args.max_size * 1_000_000)),
                      overrides=Overrides(args.published, args.outlet), follow_links=not args.no_fetch,
                      on_error=lambda error: progress.message(f"sitrep: {error}" + _skipped(error)),
                      on_result=lambda result, outcome: progress.update(watcher.tally))
    stop = threading.Event()
    on_poll = _poll_printer(args, progress, watcher)
    interrupted = False
    try:
        with StopOnCtrlC(stop, progress):
            if args.once:
                for url in feeds:
                    if not stop.is_set():
                        on_poll(watcher.poll(url, stop))
            else:
                watcher.run(stop, on_poll)
        interrupted = stop.is_set()
    except KeyboardInterrupt:  # the second Ctrl-C: every article saved so far is whole
        interrupted = True
    finally:
        watcher.fetcher.close()
        progress.clear()
        if not args.quiet:
            print(f"sitrep: {watcher.tally.summary()}; store: {args.db}" + ("; stopped" if interrupted else ""),
                  file=sys.stderr)
        store.close()
    if interrupted:
        return EXIT_INTERRUPTED
    return EXIT_SOME_FAILED if watcher.tally.failed else EXIT_OK


def _skipped(error: InputError) -> str:
    return " (skipped)" if skip_reason(error) else ""


def _interval(value: str) -> float:
    try:
        return parse_interval(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _poll_printer(args: argparse.Namespace, progress: Progress, watcher: Watcher):
    def on_poll(report: PollReport) -> None:
        stamp = time.strftime("%H:%M:%S")
        if report.error is not None:  # errors are printed even with --quiet
            retry = "" if args.once else f"; retry in {_duration(report.retry_in or 0)}"
            progress.message(f"sitrep: {stamp} {report.error} (failed {report.failures} time(s) in a row{retry})")
        elif not args.quiet and not report.not_modified:
            cut = " (stopped before the rest)" if report.interrupted else ""
            events = f", events: {report.events_new} new, {report.events_updated} updated" if report.new_items else ""
            progress.message(f"sitrep: {stamp} {report.url}: {report.new_items} new item(s){events}{cut}")
        progress.update(watcher.tally, force=True)
    return on_poll


def _duration(seconds: float) -> str:
    if seconds >= 3600:
        return f"{seconds / 3600:g} h"
    if seconds >= 60:
        return f"{seconds / 60:g} min"
    return f"{seconds:g} s"

