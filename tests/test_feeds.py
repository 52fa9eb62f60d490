"""RSS and Atom feeds, from files and from a local server: items, linked pages, bad feeds."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from localweb import DATA, LocalWeb, items

from sitrep.errors import BadFeed, EmptyInput, FetchFailed
from sitrep.ingest.feeds import FULL_TEXT_CHARS, looks_like_feed, parse_feed
from sitrep.ingest.fetch import Fetcher
from sitrep.model import Article

RSS_TYPE = "application/rss+xml"




def serve_world(web: LocalWeb) -> None:
    web.fixture("/world.rss", "world.rss", content_type=RSS_TYPE)
    web.fixture("/world/bunia-attack", "courier-bunia.html")
    web.fixture("/world/goma-fighting", "wire-goma.html")


def test_rss_file_without_fetching_reads_the_summaries(tmp_path: Path) -> None:
    path = tmp_path / "world.rss"
    path.write_text((DATA / "world.rss").read_text().replace("BASE", "https://courier.example"))
    found = items(path, follow_links=False)
    assert all(isinstance(a, Article) for a in found) and len(found) == 2
    first = found[0]
    assert first.text == "Nine civilians were killed in an attack on a camp near Bunia."
    assert first.title == "Militia attack kills nine near Bunia"
    assert first.published == dt.date(2025, 3, 9)  # the outlet's own day, from the RFC 822 date
    assert first.outlet == "The Lakeside Courier"
    assert first.url == "https://courier.example/world/bunia-attack"


def test_atom_entry_with_whole_text_is_read_without_fetching() -> None:
    # Following links is on, yet nothing is fetched: the first entry carries its text and the
    # second has no link (its id is a urn); a fetch of monitor.example would fail this test.
    first, second = items(DATA / "monitor.atom")
    assert isinstance(first, Article) and isinstance(second, Article)
    assert len(first.text) >= FULL_TEXT_CHARS
    assert first.text.startswith("A drone struck the central market of Hilltown on Monday evening")
    assert "\nWitnesses said" in first.text  # one paragraph a line
    assert (first.published, first.outlet, first.url) == (
        dt.date(2025, 3, 10), "Hill Country Monitor", "https://monitor.example/reports/101")
    assert second.text.startswith("The authorities lifted the night curfew") and second.url == "urn:example:hcm:102"
    assert second.origin == f"{DATA / 'monitor.atom'}#2"


def test_feed_url_fetches_each_linked_page(web: LocalWeb, fetcher: Fetcher) -> None:
    serve_world(web)
    bunia, goma = items(web.url("/world.rss"), fetcher=fetcher)
    assert isinstance(bunia, Article) and isinstance(goma, Article)
    assert bunia.text.startswith("Fighters of the CODECO militia") and bunia.outlet == "The Lakeside Courier"
    assert bunia.origin == bunia.url == web.url("/world/bunia-attack")  # the feed's link, not the canonical
    # The Goma page has no metadata: its title and outlet come from the feed item.
    assert goma.title == "Fighting near Goma" and goma.outlet == "The Lakeside Courier"
    assert goma.published == dt.date(2025, 3, 9) and goma.url == web.url("/world/goma-fighting")
    assert [p for p, _ in web.requests] == ["/robots.txt", "/world.rss", "/world/bunia-attack",
                                            "/world/goma-fighting"]


def test_an_item_whose_page_fails_does_not_stop_the_others(web: LocalWeb, fetcher: Fetcher) -> None:
    serve_world(web)
    del web.routes["/world/bunia-attack"]
    failed, goma = items(web.url("/world.rss"), fetcher=fetcher)
    assert isinstance(failed, FetchFailed) and str(failed) == f"{web.url('/world/bunia-attack')}: HTTP 404 Not Found"
    assert isinstance(goma, Article)


def test_feed_url_is_told_from_a_page_by_its_bytes(web: LocalWeb, fetcher: Fetcher) -> None:
    web.fixture("/feed", "monitor.atom", content_type="text/plain")  # a careless server
    assert [type(i) for i in items(web.url("/feed"), fetcher=fetcher)] == [Article, Article]


@pytest.mark.parametrize(("content", "content_type", "expected"), [
    (b"<?xml version='1.0'?><rss/>", "", True),
    (b"<feed xmlns='http://www.w3.org/2005/Atom'>", "", True),
    (b"<!DOCTYPE html><html><body>", "", False),
    (b"<html>", "application/rss+xml", True),
    (b"<?xml version='1.0'?><rss/>", "text/html; charset=utf-8", False),
])
def test_looks_like_feed(content: bytes, content_type: str, expected: bool) -> None:
    assert looks_like_feed(content, content_type) is expected


def test_garbage_is_no_feed() -> None:
    [item] = items(DATA / "garbage.xml")
    assert isinstance(item, BadFeed) and str(item).startswith(f"{DATA / 'garbage.xml'}: not an RSS or Atom feed")


def test_feed_url_returning_garbage(web: LocalWeb, fetcher: Fetcher) -> None:
    web.route("/feed.rss", (DATA / "garbage.xml").read_bytes(), content_type=RSS_TYPE)
    [item] = items(web.url("/feed.rss"), fetcher=fetcher)
    assert isinstance(item, BadFeed) and web.url("/feed.rss") in str(item)


def test_feed_without_items(tmp_path: Path) -> None:
    path = tmp_path / "empty.rss"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>')
    [item] = items(path)
    assert isinstance(item, EmptyInput) and str(item) == f"{path}: the feed has no items"


def test_item_without_text_or_link(tmp_path: Path) -> None:
    path = tmp_path / "a.rss"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
                    '<item><guid isPermaLink="false">x1</guid><title>Only a title</title></item></channel></rss>')
    [item] = items(path)
    assert isinstance(item, EmptyInput) and str(item) == f"{path}#1: the item has no text and no link to fetch"


def test_parse_feed_keys_items_by_link_else_id() -> None:
    feed = parse_feed((DATA / "monitor.atom").read_bytes(), "monitor.atom")
    assert feed.title == "Hill Country Monitor"
    assert [i.key for i in feed.items] == ["https://monitor.example/reports/101", "urn:example:hcm:102"]
