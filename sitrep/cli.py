"""The `sitrep` command: a thin layer over the library.

Each command parses options, calls the library, prints, and turns sitrep's errors into a
message on stderr and an exit code: 0 all well, 1 some inputs failed, 2 nothing could be done.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterator
from typing import TextIO

from . import __version__
from .errors import InputError, SitrepError
from .export import FORMATS, event_record, write_records
from .model import Article, ArticleResult

EXIT_OK, EXIT_SOME_FAILED, EXIT_FAILED = 0, 1, 2


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {value!r} (write YYYY-MM-DD)") from None


def _input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="article files (.txt, .md: a headline-like first line is the title; .jsonl: one "
                        "article per line with id, title, text, published, url, outlet) or folders of them")
    p.add_argument("--published", type=_date, metavar="YYYY-MM-DD",
                   help="publication date; relative dates ('on Wednesday') resolve against it. "
                        "Overrides the files' own dates")
    p.add_argument("--outlet", metavar="NAME", help="who published the articles (overrides the files' own)")
    p.add_argument("--max-size", type=float, default=5.0, metavar="MB",
                   help="largest article file to read, in megabytes (default: 5)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sitrep",
        description="Turn reports of armed conflict into structured, source-attributed event data "
                    "(ACLED taxonomy, UCDP-style fatality estimates, evidence spans).")
    parser.add_argument("--version", action="version", version=f"sitrep {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("extract", help="read articles and print their events",
                       description="Read articles and print the events they report, one record per event "
                                   "with the fields of DESIGN.md. Stores nothing.")
    _input_options(p)
    p.add_argument("--format", choices=FORMATS, default="table",
                   help="jsonl: one JSON record per line; json: a list; csv: flat columns; "
                        "table: readable columns (default)")
    p.set_defaults(run=cmd_extract)

    p = sub.add_parser("ingest", help="read articles, store their events, print them",
                       description="Read articles, store them and their events in the SQLite store "
                                   "(each article atomically), and print the events found.")
    _input_options(p)
    p.add_argument("--db", default="sitrep.db", metavar="FILE", help="SQLite store file (default: ./sitrep.db)")
    p.add_argument("--format", choices=FORMATS, default="table", help="how to print the events (default: table)")
    p.add_argument("--quiet", action="store_true", help="print nothing but errors")
    p.set_defaults(run=cmd_ingest)

    p = sub.add_parser("events", help="list stored events",
                       description="List the events in the store, oldest first.")
    p.add_argument("--db", default="sitrep.db", metavar="FILE", help="SQLite store file (default: ./sitrep.db)")
    p.add_argument("--country", help="only events in this country (as the gazetteer names it, e.g. Syria)")
    p.add_argument("--since", type=_date, metavar="YYYY-MM-DD", help="only events on or after this day")
    p.add_argument("--until", type=_date, metavar="YYYY-MM-DD", help="only events on or before this day")
    p.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    p.set_defaults(run=cmd_events)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return EXIT_FAILED
    try:
        return args.run(args)
    except SitrepError as exc:
        print(f"sitrep: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("sitrep: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


class _Batch:
    """Runs the pipeline over the inputs, reporting bad ones on stderr as it goes."""

    def __init__(self, args: argparse.Namespace, err: TextIO | None = None):
        self.args = args
        self.err = err or sys.stderr
        self.failed = 0
        self.read = 0

    def articles(self) -> Iterator[Article]:
        from .ingest import read_articles

        max_bytes = int(self.args.max_size * 1_000_000)
        for item in read_articles(self.args.paths, published=self.args.published, outlet=self.args.outlet,
                                  max_bytes=max_bytes):
            if isinstance(item, InputError):
                self.failed += 1
                print(f"sitrep: {item}", file=self.err)
                continue
            self.read += 1
            yield item

    def results(self) -> Iterator[ArticleResult]:
        from .pipeline import Pipeline

        articles = self.articles()
        first = next(articles, None)
        if first is None:
            return  # nothing readable: do not load the model for nothing
        yield from Pipeline().run(_chain(first, articles))

    def exit_code(self) -> int:
        if self.failed and not self.read:
            return EXIT_FAILED
        return EXIT_SOME_FAILED if self.failed else EXIT_OK


def _chain(first: Article, rest: Iterator[Article]) -> Iterator[Article]:
    yield first
    yield from rest


def cmd_extract(args: argparse.Namespace) -> int:
    batch = _Batch(args)
    records = (event_record(e) for r in batch.results() for e in r.events)
    write_records(records, args.format, sys.stdout)
    return batch.exit_code()


def cmd_ingest(args: argparse.Namespace) -> int:
    from .store import open_store

    store = open_store(args.db)
    batch = _Batch(args)
    ids: list[str] = []
    for result in batch.results():
        store.save(result)
        ids.append(result.article.id)
    if not args.quiet:
        write_records(store.events(article_ids=ids) if ids else iter(()), args.format, sys.stdout)
        print(f"{batch.read} article(s) read, {batch.failed} failed; store: {args.db}", file=sys.stderr)
    store.close()
    return batch.exit_code()


def cmd_events(args: argparse.Namespace) -> int:
    from .store import open_store

    store = open_store(args.db)
    records = store.events(country=args.country, since=_iso(args.since), until=_iso(args.until))
    write_records(records, args.format, sys.stdout)
    store.close()
    return EXIT_OK


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


if __name__ == "__main__":
    sys.exit(main())
