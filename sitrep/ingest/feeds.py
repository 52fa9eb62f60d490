"""RSS and Atom feeds, parsed with feedparser: one Article per item.

An item whose own content is a whole article (``content:encoded`` or Atom ``content`` of
``FULL_TEXT_CHARS`` or more) is read as it is. Otherwise, as with most news feeds that carry
a line of summary, the linked page is fetched and its main text read (see ``webpage``), the
item's title, date and outlet filling whatever the page does not say. Without a fetcher
(``--no-fetch``) the item's summary is the article. An item's article keeps the feed's link
(else its id) as ``url``: that is what the watcher remembers it by.
"""
from __future__ import annotations

import datetime as dt
import email.utils
from collections.abc import Iterator
from dataclasses import dataclass, replace

import feedparser

from sitrep.errors import BadFeed, EmptyInput, InputError
from sitrep.ingest.fetch import Fetcher, is_url
from sitrep.ingest.fields import Overrides, article_id, parse_date
from sitrep.ingest.webpage import Known, html_article, html_to_text
from sitrep.model import Article

FEED_SUFFIXES = (".rss", ".atom", ".xml")
FULL_TEXT_CHARS = 600  # an item's own text this long is the article, not a teaser
FEED_CONTENT_TYPES = ("rss", "atom", "/xml", "+xml")


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed, its HTML reduced to text."""

    key: str  # the link, else the guid: what the watcher remembers
    link: str | None
    title: str
    published: dt.date | None
    content: str  # the item's full text when it carries one, else ""
    summary: str


@dataclass(frozen=True)
class Feed:
    origin: str
    title: str
    items: list[FeedItem]


def looks_like_feed(content: bytes, content_type: str = "") -> bool:
    """Whether fetched bytes are a feed rather than a web page (by header, else by sniffing)."""
    kind = content_type.split(";")[0].strip().lower()
    if kind in ("text/html", "application/xhtml+xml"):
        return False
    if any(mark in kind for mark in FEED_CONTENT_TYPES):
        return True
    head = content[:1000].lstrip().lower()
    return head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")) and b"<html" not in head


def parse_feed(data: bytes, origin: str) -> Feed:
    """The feed's items; raises BadFeed when the bytes are no RSS or Atom."""
    parsed = feedparser.parse(data)  # bytes, never a str: feedparser fetches strings that look like URLs
    if not parsed.get("version") and not parsed.entries:
        cause = parsed.get("bozo_exception")
        detail = f" ({_first_line(cause)})" if cause else ""
        raise BadFeed(origin, f"not an RSS or Atom feed{detail}")
    title = (parsed.feed.get("title") or "").strip()
    items = [item for entry in parsed.entries if (item := _item(entry)) is not None]
    return Feed(origin, title, items)


def feed_articles(feed: Feed, overrides: Overrides, fetcher: Fetcher | None) -> Iterator[Article | InputError]:
    """An Article (or the InputError saying why not) per item, in the feed's order."""
    if not feed.items:
        yield EmptyInput(feed.origin, "the feed has no items")
    for index, item in enumerate(feed.items):
        try:
            yield item_article(item, feed, overrides, fetcher, f"{feed.origin}#{index + 1}")
        except InputError as error:
            yield error


def item_article(item: FeedItem, feed: Feed, overrides: Overrides, fetcher: Fetcher | None,
                 origin: str) -> Article:
    """The article of one item: its own text when whole, else the linked page's."""
    if len(item.content) >= FULL_TEXT_CHARS or (fetcher is None or item.link is None):
        return _own_text_article(item, feed, overrides, origin)
    page = fetcher.get(item.link)
    known = Known(title=item.title, published=item.published, outlet=feed.title or None, url=item.link)
    article = html_article(page.content, item.link, overrides, url=page.url, known=known)
    return replace(article, url=item.key)  # the feed's link, which the watcher remembers


def _own_text_article(item: FeedItem, feed: Feed, overrides: Overrides, origin: str) -> Article:
    text = item.content or item.summary
    if not text:
        raise EmptyInput(origin, "the item has no text and no link to fetch")
    article = Article(
        id=article_id(text), text=text, title=item.title,
        published=None if overrides.published else item.published,
        url=item.key, outlet=feed.title or None, origin=item.link or origin)
    return overrides.apply(article)


def _item(entry: feedparser.FeedParserDict) -> FeedItem | None:
    link = (entry.get("link") or "").strip()
    link = link if is_url(link) else None  # feedparser may copy a "urn:" id here
    key = link or (entry.get("id") or "").strip()
    if not key:
        return None  # nothing to remember it by, nothing to fetch
    contents = [html_to_text(c.get("value", "")) for c in entry.get("content", [])]
    return FeedItem(
        key=key, link=link, title=html_to_text(entry.get("title", "")),
        published=_entry_date(entry), content=max(contents, key=len, default=""),
        summary=html_to_text(entry.get("summary", "")))


def _entry_date(entry: feedparser.FeedParserDict) -> dt.date | None:
    """The item's date as the outlet wrote it (its own calendar day, not UTC's)."""
    for field in ("published", "updated", "dc_date"):
        value = (entry.get(field) or "").strip()
        if not value:
            continue
        date = parse_date(value)
        if date is None:
            try:  # RFC 822, as RSS 2.0 writes dates: "Sun, 09 Mar 2025 14:20:00 +0100"
                date = email.utils.parsedate_to_datetime(value).date()
            except (TypeError, ValueError, IndexError):
                continue
        return date
    return None


def _first_line(cause: object) -> str:
    return str(cause).strip().splitlines()[0] if str(cause).strip() else type(cause).__name__
