"""`sitrep watch`: polls feeds served on 127.0.0.1, remembers items in a real store, backs off.

The watcher's NLP is replaced by ``no_nlp`` (every article "no event reported") except in
the tests marked ``model``: what is under test here is what gets polled, fetched and stored.
``store`` (tests/conftest.py) is a fresh SQLite store, and a PostgreSQL one where it runs.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from localweb import DATA, LocalWeb

from sitrep.errors import BadFeed, FetchFailed, InputError, MalformedRecord
from sitrep.ingest.fetch import Fetcher
from sitrep.ingest.watch import Watcher, parse_interval, read_feed_list, retry_delay
from sitrep.model import Article, ArticleResult
from sitrep.store import open_store
ROOT = Path(__file__).resolve().parents[1]
RSS_TYPE = "application/rss+xml"
FRENCH_PAGE = (DATA / "french.html").read_text(encoding="utf-8")


def no_nlp(articles: Iterable[Article]) -> Iterator[ArticleResult]:
    for article in articles:
        yield ArticleResult(article, [], "no event reported")


@pytest.fixture
def web():
    with LocalWeb() as server:
        server.fixture("/world.rss", "world.rss", content_type=RSS_TYPE, etag='"v1"')
        server.fixture("/world/bunia-attack", "courier-bunia.html")
        server.fixture("/world/goma-fighting", "wire-goma.html")
        yield server


def watcher(web: LocalWeb, store, analyze=no_nlp, **options) -> Watcher:
    return Watcher([web.url("/world.rss")], store, analyze=analyze, every=600,
                   fetcher=Fetcher(min_interval=0, timeout=2), **options)


def add_item(web: LocalWeb, path: str, title: str) -> None:
    """Publish one more item at the top of the feed, with a new ETag."""
    route = web.routes["/world.rss"]
    item = f"<item><title>{title}</title><link>{web.url(path)}</link></item>".encode()
    route.body = route.body.replace(b"<item>", item + b"\n<item>", 1)
    route.etag = '"v2"'


# --- options ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "seconds"), [("10m", 600), ("30s", 30), ("1.5h", 5400), ("45", 45), ("1d", 86400)])
def test_parse_interval(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "0m", "ten minutes", "5w", "-1m"])
def test_bad_interval(text: str) -> None:
    with pytest.raises(ValueError, match="not an interval"):
        parse_interval(text)


def test_feed_list(tmp_path: Path) -> None:
    path = tmp_path / "feeds.txt"
    path.write_text("# conflict monitors\nhttps://a.example/feed.rss\n\n  http://b.example/atom  \n")
    assert read_feed_list(path) == ["https://a.example/feed.rss", "http://b.example/atom"]
    path.write_text("https://a.example/feed.rss\nfeeds/b.rss\n")
    with pytest.raises(MalformedRecord, match=r"feeds.txt:2: not a feed URL: 'feeds/b.rss'"):
        read_feed_list(path)
    path.write_text("# nothing yet\n")
    with pytest.raises(InputError, match="no feed URLs"):
        read_feed_list(path)


def test_retry_delay_doubles_up_to_a_cap() -> None:
    assert [retry_delay(n, 600) for n in (1, 2, 3, 4)] == [60, 120, 240, 480]
    assert retry_delay(30, 600) == 6 * 3600
    assert retry_delay(1, 10) == 10  # never later than a short interval's first retry


# --- polling --------------------------------------------------------------------------------


def test_first_poll_stores_every_item_then_an_unchanged_feed_costs_one_304(web, store) -> None:
    w = watcher(web, store)
    report = w.poll(web.url("/world.rss"))
    assert (report.new_items, report.error, report.interrupted) == (2, None, False)
    assert store.has_url(web.url("/world/bunia-attack")) and store.has_url(web.url("/world/goma-fighting"))
    assert store.feed_state(web.url("/world.rss")).etag == '"v1"'
    assert w.tally.read == 2
    before = len(web.requests)
    again = w.poll(web.url("/world.rss"))
    assert again.not_modified and again.new_items == 0
    assert [p for p, _ in web.requests[before:]] == ["/world.rss"]
    assert web.requests[-1][1]["if-none-match"] == '"v1"'


def test_only_new_items_are_fetched(web, store) -> None:
    w = watcher(web, store)
    w.poll(web.url("/world.rss"))
    web.fixture("/world/sake", "wire-goma.html")
    add_item(web, "/world/sake", "More fighting in Sake")
    before = len(web.requests)
    report = w.poll(web.url("/world.rss"))
    assert report.new_items == 1
    assert [p for p, _ in web.requests[before:]] == ["/world.rss", "/world/sake"]
    assert store.feed_state(web.url("/world.rss")).etag == '"v2"'


def test_last_modified_is_sent_back(web, store) -> None:
    route = web.routes["/world.rss"]
    route.etag, route.modified = None, "Sun, 09 Mar 2025 18:10:00 GMT"
    w = watcher(web, store)
    w.poll(web.url("/world.rss"))
    assert w.poll(web.url("/world.rss")).not_modified
    assert web.requests[-1][1]["if-modified-since"] == "Sun, 09 Mar 2025 18:10:00 GMT"


def test_a_feed_that_is_down_is_retried_with_backoff_then_recovers(web, store) -> None:
    url = web.url("/world.rss")
    good = web.routes["/world.rss"]
    web.route("/world.rss", "busy", status=503)
    clock = [1000.0]
    w = watcher(web, store, clock=lambda: clock[0])
    first = w.poll(url)
    assert isinstance(first.error, FetchFailed) and "HTTP 503" in str(first.error) and first.retry_in == 60
    assert w.seconds_to_next() == 60 and store.feed_state(url).failures == 1
    assert w.poll(url).retry_in == 120 and store.feed_state(url).failures == 2
    web.routes["/world.rss"] = good
    assert w.poll(url).new_items == 2
    assert store.feed_state(url).failures == 0 and w.seconds_to_next() == 600
    assert w.tally.failed == 2


def test_garbage_is_reported_and_retried(web, store) -> None:
    web.route("/world.rss", (DATA / "garbage.xml").read_bytes(), content_type=RSS_TYPE)
    report = watcher(web, store).poll(web.url("/world.rss"))
    assert isinstance(report.error, BadFeed) and report.retry_in == 60
    assert store.feed_state(web.url("/world.rss")).etag is None


def test_stopping_mid_poll_loses_no_item(web, store) -> None:
    stop = threading.Event()

    def stop_after_first(articles: Iterable[Article]) -> Iterator[ArticleResult]:
        for result in no_nlp(articles):
            stop.set()  # Ctrl-C while the first article is in flight
            yield result

    w = watcher(web, store, analyze=stop_after_first)
    report = w.poll(web.url("/world.rss"), stop)
    assert report.interrupted and report.new_items == 2
    assert store.has_url(web.url("/world/bunia-attack"))  # the article in flight was stored
    assert web.hits("/world/goma-fighting") == 0
    assert store.feed_state(web.url("/world.rss")) is None  # no ETag kept: the next poll reads the feed again
    resumed = watcher(web, store).poll(web.url("/world.rss"))
    assert resumed.new_items == 1 and store.has_url(web.url("/world/goma-fighting"))
    assert store.feed_state(web.url("/world.rss")).etag == '"v1"'


def test_an_item_that_failed_is_tried_again_at_the_next_poll(web, store) -> None:
    page = web.routes.pop("/world/goma-fighting")
    errors: list[InputError] = []
    w = watcher(web, store, on_error=errors.append)
    assert w.poll(web.url("/world.rss")).new_items == 2
    assert [type(e) for e in errors] == [FetchFailed] and w.tally.failed == 1
    assert store.feed_state(web.url("/world.rss")).etag is None  # so no 304 hides the item
    web.routes["/world/goma-fighting"] = page
    assert w.poll(web.url("/world.rss")).new_items == 1
    assert web.hits("/world/bunia-attack") == 1 and store.has_url(web.url("/world/goma-fighting"))


def test_a_french_item_is_recorded_as_skipped_and_not_fetched_again(web, store) -> None:
    web.route("/world/goma-fighting", FRENCH_PAGE)
    w = watcher(web, store)
    w.poll(web.url("/world.rss"))
    assert w.tally.read == 1 and dict(w.tally.skipped) == {"not English": 1}
    assert store.has_url(web.url("/world/goma-fighting"))
    add_item(web, "/world/bunia-attack-2", "Another")  # a changed feed, so it is read again
    web.fixture("/world/bunia-attack-2", "wire-goma.html")
    w.poll(web.url("/world.rss"))
    assert web.hits("/world/goma-fighting") == 1


def test_run_polls_on_schedule_until_stopped(web, store) -> None:
    stop = threading.Event()
    polls = []

    def on_poll(report) -> None:
        polls.append(report)
        if len(polls) == 3:
            stop.set()

    w = Watcher([web.url("/world.rss")], store, analyze=no_nlp, every=0.05, fetcher=Fetcher(min_interval=0))
    started = time.monotonic()
    w.run(stop, on_poll)
    assert [p.new_items for p in polls] == [2, 0, 0] and polls[1].not_modified
    assert time.monotonic() - started >= 0.1


# --- the command -------------------------------------------------------------------------------


def feeds_file(tmp_path: Path, web: LocalWeb) -> Path:
    path = tmp_path / "feeds.txt"
    path.write_text(f"# test feeds\n{web.url('/world.rss')}\n")
    return path


@pytest.mark.model
def test_watch_once_command(web, tmp_path: Path, capsys, monkeypatch) -> None:
    from sitrep.cli import main

    monkeypatch.setattr("sitrep.ingest.fetch.MIN_INTERVAL_SECONDS", 0)
    db = str(tmp_path / "w.db")
    feeds = feeds_file(tmp_path, web)
    feeds.write_text(feeds.read_text() + web.url("/down.rss") + "\n")
    web.route("/down.rss", "busy", status=503)
    code = main(["watch", str(feeds), "--once", "--db", db])
    err = capsys.readouterr().err
    assert code == 1, err
    assert f"{web.url('/world.rss')}: 2 new item(s), events: " in err
    assert f"{web.url('/down.rss')}: HTTP 503 Service Unavailable (failed 1 time(s) in a row)" in err
    assert "sitrep: 2 read, 0 skipped, 1 failed; events:" in err
    assert main(["watch", str(feeds_file(tmp_path, web)), "--once", "--db", db]) == 0
    assert "0 read, 0 skipped, 0 failed; events: 0 new, 0 updated" in capsys.readouterr().err


@pytest.mark.model
def test_ctrl_c_stops_cleanly(web, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    db = tmp_path / "w.db"
    command = [sys.executable, "-m", "sitrep.cli", "watch", str(feeds_file(tmp_path, web)), "--every", "1h",
               "--db", str(db)]
    with subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=env) as proc:
        for line in proc.stderr:  # wait for the first poll to finish
            if "new item(s)" in line:
                break
        proc.send_signal(signal.SIGINT)
        rest = proc.stderr.read()
        assert proc.wait(timeout=30) == 130
    assert "2 read, 0 skipped, 0 failed" in rest and "stopped" in rest and "Traceback" not in rest
    store = open_store(db)
    assert store.has_url(web.url("/world/goma-fighting"))
    store.close()
