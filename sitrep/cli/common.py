"""What the commands share: exit codes, option types and the batch runner."""
from __future__ import annotations

import argparse
import datetime as dt
import itertools
import sys
import threading
import time
from collections.abc import Iterator
from typing import TextIO

from ..errors import InputError
from ..ingest.tally import Tally
from ..model import Article, ArticleResult
from ..store.base import SaveOutcome
from .progress import Progress

EXIT_OK, EXIT_SOME_FAILED, EXIT_FAILED = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C


def parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {value!r} (write YYYY-MM-DD)") from None


def input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="article files, folders of them (read recursively), or http(s) URLs of pages or feeds. "
                        "Files: .txt/.md (a headline-like first line is the title), .jsonl/.json/.csv records "
                        "(id, title, text, published, url, outlet), .html/.htm pages, .rss/.atom/.xml feeds")
    p.add_argument("--published", type=parse_date, metavar="YYYY-MM-DD",
                   help="publication date; relative dates ('on Wednesday') resolve against it. "
                        "Overrides the inputs' own dates")
    p.add_argument("--outlet", metavar="NAME", help="who published the articles (overrides the inputs' own)")
    p.add_argument("--max-size", type=float, default=5.0, metavar="MB",
                   help="largest article file or fetched page to read, in megabytes (default: 5)")
    p.add_argument("--no-fetch", action="store_true",
                   help="read feed items from the feed's own text; fetch no linked pages")
    p.add_argument("--quiet", action="store_true",
                   help="no progress display and no summary (ingest: no events printed either); "
                        "errors still go to stderr")


class Batch:
    """Runs the pipeline over the inputs, reporting bad ones on stderr as it goes.

    ``stored``: the results go to a store, so also yield a result without events for each
    skipped article (not English), for the store to record it and why, and sum up events as
    the store counts them (new, updated). ``tally`` counts everything for the summary.
    """

    def __init__(self, args: argparse.Namespace, err: TextIO | None = None, *, stored: bool = False):
        self.args = args
        self.err = err or sys.stderr
        self.stored = stored
        self.tally = Tally(stored=stored)
        self.progress = Progress(self.err, enabled=not getattr(args, "quiet", False))
        if self.progress.enabled:  # counting reads the inputs' lines once: only worth it for a bar
            from ..ingest import count_articles

            self.progress.total = count_articles(args.paths)
        self.stop = threading.Event()  # set by a first Ctrl-C: read no more, finish what is taken
        self._skipped: dict[int, ArticleResult] = {}
        self._queue: list[ArticleResult] = []

    @property
    def read(self) -> int:
        return self.tally.read

    @property
    def failed(self) -> int:
        return self.tally.failed

    def articles(self) -> Iterator[Article]:
        from ..ingest import read_articles

        max_bytes = int(self.args.max_size * 1_000_000)
        for item in read_articles(self.args.paths, published=self.args.published, outlet=self.args.outlet,
                                  max_bytes=max_bytes, follow_links=not getattr(self.args, "no_fetch", False)):
            if self.stop.is_set():
                return
            if isinstance(item, InputError):
                self.report(item)
                continue
            yield item

    def report(self, error: InputError) -> None:
        """Count and print a bad or skipped input; queue a skipped article to be recorded."""
        reason = self.tally.add_error(error)
        self.progress.message(f"sitrep: {error}" + (" (skipped)" if reason else ""))
        article = getattr(error, "article", None)
        if reason and self.stored and article is not None:
            result = ArticleResult(article, [], error.problem)
            self._skipped[id(result)] = result
            self._queue.append(result)

    def results(self) -> Iterator[ArticleResult]:
        from ..pipeline import Pipeline

        articles = self.articles()
        first = next(articles, None)
        yield from self._drain()
        if first is None:
            return  # nothing readable: do not load the model for nothing
        pipeline = Pipeline()
        self.tally.started = time.monotonic()  # articles/s of the pipeline, not of loading the model
        for result in pipeline.run(itertools.chain([first], articles)):
            yield from self._drain()
            self.tally.add_result(len(result.events))
            self.progress.update(self.tally)
            yield result
        yield from self._drain()

    def saved(self, result: ArticleResult, outcome: SaveOutcome) -> None:
        """Count what the store did with a result (a skipped article's record counts no events)."""
        if self._skipped.pop(id(result), None) is None:
            self.tally.add_outcome(outcome)
            self.progress.update(self.tally)

    def finish(self, where: str = "") -> None:
        """Clear the progress display and print the summary (unless --quiet)."""
        self.progress.clear()
        if not getattr(self.args, "quiet", False):
            print(f"sitrep: {self.tally.summary()}{where}", file=self.err)

    def exit_code(self) -> int:
        if self.failed and not self.read:
            return EXIT_FAILED
        return EXIT_SOME_FAILED if self.failed else EXIT_OK

    def _drain(self) -> Iterator[ArticleResult]:
        while self._queue:
            yield self._queue.pop(0)


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
