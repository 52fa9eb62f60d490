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
    _eval_parser(sub)
    return parser


def _eval_options(p: argparse.ArgumentParser, split: str) -> None:
    from .evaluate.split import CHOICES

    p.add_argument("--split", choices=CHOICES, default=split,
                   help=f"which part of the fixed split to evaluate (default: {split}); tune on train/dev only")
    p.add_argument("--limit", type=int, metavar="N", help="only the first N texts (after --sample)")
    p.add_argument("--sample", type=int, metavar="N", help="a fixed seeded sample of N texts of the split (for CI)")
    p.add_argument("--seed", type=int, default=0, help="seed of --sample (default: 0)")
    p.add_argument("--country", metavar="C", help="only gold events in this country (name or ISO3)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--errors", type=int, default=0, metavar="N",
                   help="show the N worst cases, gold and predicted key fields side by side")
    p.add_argument("--top", type=int, default=10, metavar="N", help="rows in confusion and country tables (default: 10)")
    p.add_argument("--batch-size", type=int, default=32, metavar="N", help="texts per pipeline batch (default: 32)")


def _eval_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="measure extraction against gold data",
                       description="Run the pipeline on gold data and report accuracy per field "
                                   "(see docs/evaluation.md). Numbers to report come from --split test.")
    esub = p.add_subparsers(dest="dataset", metavar="DATASET")
    p.set_defaults(run=cmd_eval, eval_parser=p)
    e = esub.add_parser("acled", help="ACLED exports: notes text vs the coded event",
                        description="Evaluate on ACLED CSV exports (modern, 2020 and old schemas).")
    e.add_argument("paths", nargs="+", metavar="PATH", help="ACLED CSV files")
    _eval_options(e, "test")
    e = esub.add_parser("ucdp", help="UCDP GED rows: source headlines vs deaths, sides, place",
                        description="Evaluate on UCDP GED CSV rows (text = source_headline).")
    e.add_argument("paths", nargs="+", metavar="PATH", help="UCDP GED CSV files")
    _eval_options(e, "test")
    e = esub.add_parser("articles", help="full articles with gold events (our JSON format, or HRDsAttack)",
                        description="Evaluate on articles with gold events: our JSON/JSONL format, or "
                                    "HRDsAttack's JSON (which has its own train/dev/test files; --split is ignored).")
    e.add_argument("paths", nargs="+", metavar="PATH", help=".json or .jsonl files")
    e.add_argument("--format", choices=("auto", "sitrep", "hrdsattack"), default="auto",
                   help="the files' format (default: detect)")
    _eval_options(e, "all")
    e = esub.add_parser("golden", help="the hand-coded events of tests/golden/expected.yaml",
                        description="Evaluate on the team's hand-coded events for the sample articles.")
    e.add_argument("--expected", default="tests/golden/expected.yaml", metavar="YAML",
                   help="hand-coded events (default: tests/golden/expected.yaml)")
    e.add_argument("--articles", default="samples/articles.jsonl", metavar="JSONL",
                   help="the articles they were coded from (default: samples/articles.jsonl)")
    _eval_options(e, "all")
    e = esub.add_parser("gate", help="fixed samples vs the floors pinned in benchmarks/baseline.json (CI)",
                        description="Run fixed samples (ACLED dummy, Bangladesh 2015, golden, UCDP Syria), compare "
                                    "the headline metrics with the floors pinned in the baseline, and exit 1 "
                                    "naming every metric below its floor (see docs/evaluation.md). Data missing: "
                                    "skipped, exit 0.")
    e.add_argument("--baseline", metavar="FILE", help="pinned floors (default: benchmarks/baseline.json)")
    e.add_argument("--update", action="store_true",
                   help="rewrite the baseline from this run (floor = measured - margin); never lowers a floor "
                        "without --allow-lower")
    e.add_argument("--allow-lower", action="store_true", help="with --update: allow lowering floors")
    e.add_argument("--data", metavar="DIR", help="gold data folder (default: ../shared/data beside the repo)")
    e.set_defaults(run=_cmd_eval_gate)


def _cmd_eval_gate(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .evaluate.gate import gate_main

    return gate_main(Path(args.baseline) if args.baseline else None, Path(args.data) if args.data else None,
                     update=args.update, allow_lower=args.allow_lower,
                     err=lambda line: print(line, file=sys.stderr))


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


def cmd_eval(args: argparse.Namespace) -> int:
    import json

    from . import evaluate as ev

    if args.dataset is None:
        args.eval_parser.print_help()
        return EXIT_FAILED
    options = ev.Options(split=args.split, limit=args.limit, sample=args.sample, seed=args.seed,
                         country=args.country, errors=args.errors, top=args.top, batch_size=args.batch_size)
    run = {"progress": _progress}
    if args.dataset == "acled":
        report = ev.evaluate_acled(args.paths, options, **run)
    elif args.dataset == "ucdp":
        report = ev.evaluate_ucdp(args.paths, options, **run)
    elif args.dataset == "articles":
        report = ev.evaluate_articles(args.paths, options, fmt=args.format, **run)
    else:
        report = ev.evaluate_golden(args.expected, args.articles, options, **run)
    sys.stdout.write(json.dumps(report, indent=2, default=str) + "\n" if args.json else ev.render(report))
    return EXIT_OK


def _progress(done: int, total: int) -> None:
    print(f"sitrep eval: {done}/{total} texts", file=sys.stderr)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


if __name__ == "__main__":
    sys.exit(main())
