"""What the commands share: exit codes, option types and the batch runner."""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterator
from typing import TextIO

from ..errors import InputError
from ..model import Article, ArticleResult

EXIT_OK, EXIT_SOME_FAILED, EXIT_FAILED = 0, 1, 2


def parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {value!r} (write YYYY-MM-DD)") from None


def input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="article files (.txt, .md: a headline-like first line is the title; .jsonl: one "
                        "article per line with id, title, text, published, url, outlet) or folders of them")
    p.add_argument("--published", type=parse_date, metavar="YYYY-MM-DD",
                   help="publication date; relative dates ('on Wednesday') resolve against it. "
                        "Overrides the files' own dates")
    p.add_argument("--outlet", metavar="NAME", help="who published the articles (overrides the files' own)")
    p.add_argument("--max-size", type=float, default=5.0, metavar="MB",
                   help="largest article file to read, in megabytes (default: 5)")


class Batch:
    """Runs the pipeline over the inputs, reporting bad ones on stderr as it goes."""

    def __init__(self, args: argparse.Namespace, err: TextIO | None = None):
        self.args = args
        self.err = err or sys.stderr
        self.failed = 0
        self.read = 0

    def articles(self) -> Iterator[Article]:
        from ..ingest import read_articles

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
        from ..pipeline import Pipeline

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


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
