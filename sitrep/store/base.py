"""What every store offers: the contract the CLI, the API and the feed watcher rely on.

SQLite (the default) and PostgreSQL implement the same methods with the same results.
Event records are the dicts of ``sitrep.export.records.event_record`` (DESIGN.md's fields).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal, Protocol


@dataclass(frozen=True)
class EventQuery:
    """Filters for stored events; every field left as None matches everything."""

    country: str | None = None          # name as the gazetteer gives it, or ISO3
    admin1: str | None = None
    since: dt.date | None = None        # event_date on or after
    until: dt.date | None = None        # event_date on or before
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None            # matches actor1, actor2 or an associated actor (case-insensitive)
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    min_fatalities: int | None = None
    text: str | None = None             # words in the notes or the evidence
    article_ids: tuple[str, ...] | None = None
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True)
class SaveOutcome:
    """What saving one article did to the store."""

    article_id: str
    status: Literal["new", "updated", "unchanged", "duplicate"]
    events_new: int = 0
    events_updated: int = 0
    duplicate_of: str | None = None     # the article this one repeats (same URL/text, or near-duplicate)


@dataclass(frozen=True)
class FeedState:
    """What a watched feed last told us, for conditional requests and backoff."""

    url: str
    etag: str | None = None
    modified: str | None = None         # the Last-Modified header as sent
    last_polled: dt.datetime | None = None
    failures: int = 0


class Store(Protocol):
    def save(self, result: Any) -> SaveOutcome:
        """Store one ArticleResult (article, claims, events) atomically, fusing with stored events."""

    def events(self, query: EventQuery | None = None) -> Iterator[dict[str, Any]]:
        """Event records matching the query, oldest first (then by event_id)."""

    def count_events(self, query: EventQuery | None = None) -> int: ...

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event record with its claims and the articles they come from."""

    def articles(self, *, limit: int | None = None, offset: int = 0) -> Iterator[dict[str, Any]]:
        """Stored articles (id, title, url, outlet, published, status), newest first, without text."""

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article with its text and the ids of its events."""

    def actors(self) -> Iterator[dict[str, Any]]:
        """Actors with their number of events and fatalities, most events first."""

    def stats(self, query: EventQuery | None = None, *, by: Literal["day", "week"] = "day",
              group: Literal["event_type", "sub_event_type", "actor1", "country"] = "event_type",
              ) -> list[dict[str, Any]]:
        """Rows of {period, group, events, fatalities} for a timeline."""

    def has_url(self, url: str) -> bool:
        """Whether an article with this URL is stored (the watcher's memory of seen items)."""

    def feed_state(self, url: str) -> FeedState | None: ...

    def save_feed_state(self, state: FeedState) -> None: ...

    def close(self) -> None: ...
