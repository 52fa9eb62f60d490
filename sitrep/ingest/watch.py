"""Watching feeds: poll each on a schedule, read only new items, remember them in the store.

    watcher = Watcher(read_feed_list("feeds.txt"), store, analyze=Pipeline().run, every=600)
    watcher.run(stop)          # until stop (a threading.Event) is set, e.g. by Ctrl-C

One poll of a feed asks with its last ETag / Last-Modified, so an unchanged feed costs a
304 and nothing else. Items whose URL the store already has are not fetched again. A feed
that is down or sends garbage is reported and retried after 1, 2, 4 ... minutes (never
later than ``MAX_RETRY_SECONDS``). The new ETag is kept only once every new item is stored:
a poll cut short, or an item that failed, means the next poll reads the whole feed again,
so no item is lost to a 304.
"""
from __future__ import annotations

import datetime as dt
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sitrep.errors import InputError, MalformedRecord
from sitrep.ingest.feeds import Feed, FeedItem, item_article, parse_feed
from sitrep.ingest.fetch import Fetcher, is_url
from sitrep.ingest.fields import Overrides
from sitrep.ingest.reader import check_article
from sitrep.ingest.tally import Tally
from sitrep.model import Article, ArticleResult
from sitrep.store.base import FeedState

FIRST_RETRY_SECONDS = 60.0
MAX_RETRY_SECONDS = 6 * 3600.0
_INTERVAL = re.compile(r"(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|hr|d)?", re.I)
_UNIT_SECONDS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hr": 3600, "d": 86400}

Analyze = Callable[[Iterable[Article]], Iterator[ArticleResult]]


def parse_interval(value: str) -> float:
    """Seconds in "10m", "30s", "1.5h", "1d" (a bare number is seconds); ValueError if not."""
    match = _INTERVAL.fullmatch(value.strip())
    if not match or float(match[1]) <= 0:
        raise ValueError(f"not an interval: {value!r} (write e.g. 30s, 10m, 2h)")
    return float(match[1]) * _UNIT_SECONDS[(match[2] or "s").lower()]


def read_feed_list(path: str | Path) -> list[str]:
    """Feed URLs, one a line; blank lines and "# comments" ignored. Raises InputError."""
    urls = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(str(path), f"cannot read the list of feeds ({error})") from None
    for line_no, line in enumerate(lines, start=1):
        entry = line.split("#", 1)[0].strip() if line.lstrip().startswith("#") else line.strip()
        if not entry:
            continue
        if not is_url(entry) or " " in entry:
            raise MalformedRecord(f"{path}:{line_no}", f"not a feed URL: {entry!r} (write one http(s) URL a line)")
        urls.append(entry)
    if not urls:
        raise InputError(str(path), "no feed URLs in the list")
    return urls


def retry_delay(failures: int, every: float) -> float:
    """Seconds before polling a failing feed again: 1, 2, 4 ... minutes, capped."""
    first = min(FIRST_RETRY_SECONDS, every)
    return min(first * 2 ** max(failures - 1, 0), max(MAX_RETRY_SECONDS, every))


@dataclass
class PollReport:
    """What one poll of one feed did."""

    url: str
    new_items: int = 0
    events_new: int = 0
    events_updated: int = 0
    not_modified: bool = False
    error: InputError | None = None  # the feed itself failed
    retry_in: float | None = None  # seconds, when it failed
    failures: int = 0  # failed polls in a row, this one included
    interrupted: bool = False


@dataclass
class Watcher:
    feeds: list[str]
    store: Any  # sitrep.store.base.Store
    analyze: Analyze  # articles -> results, e.g. Pipeline().run
    every: float  # seconds between polls of one feed
    fetcher: Fetcher = field(default_factory=Fetcher)
    overrides: Overrides = field(default_factory=Overrides)
    follow_links: bool = True
    tally: Tally = field(default_factory=lambda: Tally(stored=True))
    on_error: Callable[[InputError], None] = lambda error: None  # an item that failed or was skipped
    on_result: Callable[[ArticleResult, Any], None] = lambda result, outcome: None
    clock: Callable[[], float] = time.monotonic
    _due: dict[str, float] = field(default_factory=dict, init=False, repr=False)  # url -> clock time

    def run(self, stop: threading.Event, on_poll: Callable[[PollReport], None] = lambda r: None) -> None:
        """Poll every feed when it is due, until stop is set (checked between articles)."""
        while self.feeds and not stop.is_set():
            for url in self.due_feeds():
                if stop.is_set():
                    break
                on_poll(self.poll(url, stop))
            stop.wait(self.seconds_to_next())

    def due_feeds(self) -> list[str]:
        now = self.clock()
        return [url for url in self.feeds if self._due.get(url, 0.0) <= now]

    def seconds_to_next(self) -> float:
        now = self.clock()
        return max(0.0, min(self._due.get(url, 0.0) for url in self.feeds) - now)

    def poll(self, url: str, stop: threading.Event | None = None) -> PollReport:
        """Poll one feed now; store its new items. Never raises an InputError."""
        stop = stop or threading.Event()
        state = self.store.feed_state(url) or FeedState(url)
        try:
            page = self.fetcher.get(url, etag=state.etag, modified=state.modified)
            feed = None if page.not_modified else parse_feed(page.content, url)
        except InputError as error:
            return self._failed(state, error)
        if feed is None:
            self._succeeded(state, state.etag, state.modified)
            return PollReport(url, not_modified=True)
        report, complete = self._read_new_items(feed, stop)
        if complete:  # every new item stored: the feed's new validators may be trusted
            self._succeeded(state, page.etag, page.modified)
        elif not report.interrupted:  # an item failed: keep the old validators, so it is read again
            self._succeeded(state, state.etag, state.modified)
        return report

    def _read_new_items(self, feed: Feed, stop: threading.Event) -> tuple[PollReport, bool]:
        new = [item for item in feed.items if not self.store.has_url(item.key)]
        report = PollReport(feed.origin, new_items=len(new))
        failures_before = self.tally.failed
        events_before = (self.tally.events_new, self.tally.events_updated)
        taken: list[FeedItem] = []
        for result in self.analyze(self._articles(feed, new, stop, taken)):
            self._save(result)  # the pipeline finishes the articles already taken, even after stop
        report.events_new = self.tally.events_new - events_before[0]
        report.events_updated = self.tally.events_updated - events_before[1]
        report.interrupted = len(taken) < len(new)
        complete = not report.interrupted and self.tally.failed == failures_before
        return report, complete

    def _articles(self, feed: Feed, items: list[FeedItem], stop: threading.Event,
                  taken: list[FeedItem]) -> Iterator[Article]:
        """The new items' articles, one at a time; stops early (between items) once stop is set."""
        fetcher = self.fetcher if self.follow_links else None
        for index, item in enumerate(items):
            if stop.is_set():
                return
            taken.append(item)
            try:
                article = item_article(item, feed, self.overrides, fetcher, f"{feed.origin}#{index + 1}")
                checked = check_article(article)
            except InputError as error:
                checked = error
            if isinstance(checked, Article):
                yield checked
            else:
                self._skip_or_fail(checked)

    def _skip_or_fail(self, error: InputError) -> None:
        reason = self.tally.add_error(error)
        self.on_error(error)
        article = getattr(error, "article", None)
        if reason and article is not None:  # recorded, so the next poll knows it and why
            self.store.save(ArticleResult(article, [], error.problem))

    def _save(self, result: ArticleResult) -> None:
        outcome = self.store.save(result)
        self.tally.add_result(len(result.events))
        self.tally.add_outcome(outcome)
        self.on_result(result, outcome)

    def _failed(self, state: FeedState, error: InputError) -> PollReport:
        failures = state.failures + 1
        self.store.save_feed_state(replace(state, last_polled=_now(), failures=failures))
        delay = retry_delay(failures, self.every)
        self._due[state.url] = self.clock() + delay
        self.tally.failed += 1
        return PollReport(state.url, error=error, retry_in=delay, failures=failures)

    def _succeeded(self, state: FeedState, etag: str | None, modified: str | None) -> None:
        self.store.save_feed_state(FeedState(state.url, etag, modified, _now(), 0))
        self._due[state.url] = self.clock() + self.every


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)
