"""The embedded store: one SQLite file, nothing to start.

Each article is written in one transaction with its events, so an interrupted ingest
leaves every article wholly in or wholly out. Writing an article again replaces its events.
"""
from __future__ import annotations

import datetime as dt
import itertools
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..export.records import event_record
from ..model import ArticleResult
from .base import EventQuery

SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    article_id TEXT PRIMARY KEY,
    title TEXT, url TEXT, outlet TEXT, published TEXT, origin TEXT,
    text TEXT NOT NULL,
    reason TEXT
);
CREATE TABLE IF NOT EXISTS events (
    event_id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    event_date TEXT, event_type TEXT, sub_event_type TEXT,
    country TEXT, admin1 TEXT, fatalities INTEGER,
    record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_by_place_date ON events (country, event_date);
CREATE INDEX IF NOT EXISTS events_by_article ON events (article_id);
"""


class SQLiteStore:
    def __init__(self, path: str | Path):
        self.path = str(path)
        try:
            self.db = sqlite3.connect(self.path)
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.executescript(SCHEMA)
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open as a sitrep store ({exc})") from exc

    def save(self, result: ArticleResult) -> int:
        """Store one article and its events atomically; returns the number of events."""
        a = result.article
        with self.db:  # one transaction: all of the article or none of it
            self.db.execute("DELETE FROM events WHERE article_id = ?", (a.id,))
            self.db.execute(
                "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (a.id, a.title, a.url, a.outlet, a.published.isoformat() if a.published else None,
                 a.origin, a.text, result.reason))
            for event in result.events:
                r = event_record(event)
                self.db.execute(
                    "INSERT OR REPLACE INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (r["event_id"], a.id, r["event_date"], r["event_type"], r["sub_event_type"],
                     r["country"], r["admin1"], r["fatalities"], json.dumps(r, ensure_ascii=False)))
        return len(result.events)

    def events(self, query: EventQuery | None = None, *, country: str | None = None, since: str | None = None,
               until: str | None = None, article_ids: list[str] | None = None) -> Iterator[dict[str, Any]]:
        """Stored event records matching ``query`` (or the keyword filters), oldest first."""
        q = query or EventQuery(country=country, since=_day(since), until=_day(until),
                                article_ids=tuple(article_ids) if article_ids else None)
        where, args = [], []
        for clause, value in (("event_date >= ?", q.since), ("event_date <= ?", q.until),
                              ("event_type = ?", q.event_type), ("sub_event_type = ?", q.sub_event_type),
                              ("admin1 = ?", q.admin1)):
            if value is not None:
                where.append(clause)
                args.append(value.isoformat() if isinstance(value, dt.date) else value)
        if q.article_ids:
            where.append(f"article_id IN ({','.join('?' * len(q.article_ids))})")
            args.extend(q.article_ids)
        sql = "SELECT record FROM events" + (" WHERE " + " AND ".join(where) if where else "")
        found = (json.loads(r) for (r,) in self.db.execute(sql + " ORDER BY event_date, event_id", args))
        stop = None if q.limit is None else q.offset + q.limit
        yield from itertools.islice((r for r in found if _matches(r, q)), q.offset, stop)

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One stored article with its text and the ids of its events."""
        row = self.db.execute("SELECT article_id, title, url, outlet, published, origin, text, reason "
                              "FROM articles WHERE article_id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        keys = ("id", "title", "url", "outlet", "published", "origin", "text", "reason")
        events = [e for (e,) in self.db.execute("SELECT event_id FROM events WHERE article_id = ?", (article_id,))]
        return dict(zip(keys, row)) | {"event_ids": events}

    def close(self) -> None:
        self.db.close()


def _day(value: str | dt.date | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _matches(r: dict[str, Any], q: EventQuery) -> bool:
    """The filters the table's columns cannot answer, checked on the record."""
    if q.country and q.country.casefold() not in {(r.get(k) or "").casefold() for k in ("country", "iso3")}:
        return False
    if q.actor:
        names = [r.get("actor1"), r.get("actor2"), *(r.get("assoc_actor_1") or []), *(r.get("assoc_actor_2") or [])]
        if q.actor.casefold() not in {(n or "").casefold() for n in names}:
            return False
    if q.bbox:
        lon, lat = r.get("longitude"), r.get("latitude")
        if lon is None or lat is None or not (q.bbox[0] <= lon <= q.bbox[2] and q.bbox[1] <= lat <= q.bbox[3]):
            return False
    return q.min_fatalities is None or (r.get("fatalities") or 0) >= q.min_fatalities


def open_store(target: str | Path) -> SQLiteStore:
    """The store at ``target``: a SQLite file path (PostgreSQL URLs come with the team store)."""
    if str(target).startswith(("postgres://", "postgresql://")):
        raise StoreError(f"{target}: PostgreSQL stores are not supported yet; use a SQLite file path")
    return SQLiteStore(target)
