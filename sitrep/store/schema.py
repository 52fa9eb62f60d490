"""The store's tables, the same on SQLite and PostgreSQL, and the migrations between versions.

Version 1 (sitrep 0.1) kept articles and their events only. Version 2 added what follows but
events' ``wide`` and ``cell`` columns, which version 3 adds to find candidate events by index;
version 4 adds indexes for the API's filters (type, admin1, fatalities, longitude); version 5
moves the words searched by the text filter to a narrow table of their own. Version 5 keeps:
- articles: the text, its content hash, URL, version, and the article it duplicates, if any;
- article_urls: every URL an article was seen at (a wire copy at a second address);
- article_bands: MinHash LSH bands, to find near-duplicates with an index;
- reports: each article's own events (what ``fuse_article`` made), with what fusion needs;
- claims: each sourced statement, linked to its report and to the event it supports;
- events: the fused events (one per real event), with the columns queries filter on;
- event_text: the lower-cased notes and evidence of an event, for the text filter;
- event_actors: every actor of an event, for the actor filter and the actor list;
- feeds: what each watched feed last told us.
"""
from __future__ import annotations

import hashlib
import json
from typing import Any

SCHEMA_VERSION = 5

TABLES = """
CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    article_id TEXT PRIMARY KEY,
    url TEXT, content_hash TEXT NOT NULL, version BIGINT NOT NULL DEFAULT 1,
    title TEXT, outlet TEXT, published TEXT, origin TEXT,
    text TEXT NOT NULL, reason TEXT,
    duplicate_of TEXT, similarity DOUBLE PRECISION, signature TEXT,
    saved_seq BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_by_url ON articles (url);
CREATE INDEX IF NOT EXISTS articles_by_hash ON articles (content_hash);
CREATE INDEX IF NOT EXISTS articles_by_published ON articles (published);
CREATE INDEX IF NOT EXISTS articles_by_seq ON articles (saved_seq);
CREATE TABLE IF NOT EXISTS article_urls (
    url TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS article_urls_by_article ON article_urls (article_id);
CREATE TABLE IF NOT EXISTS article_bands (
    band BIGINT NOT NULL, hash BIGINT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS article_bands_by_hash ON article_bands (hash);
CREATE INDEX IF NOT EXISTS article_bands_by_article ON article_bands (article_id);
CREATE TABLE IF NOT EXISTS events (
    event_id TEXT PRIMARY KEY,
    event_date TEXT, date_lo TEXT, date_hi TEXT,
    event_type TEXT, sub_event_type TEXT, actor1 TEXT, actor2 TEXT,
    country TEXT, iso3 TEXT, admin1 TEXT, admin2 TEXT,
    latitude DOUBLE PRECISION, longitude DOUBLE PRECISION, geo_precision BIGINT,
    fatalities BIGINT, aggregate BIGINT NOT NULL DEFAULT 0, wide BIGINT NOT NULL DEFAULT 0, cell BIGINT,
    search TEXT, record TEXT NOT NULL  -- search: unused since version 5 (see event_text)
);
CREATE INDEX IF NOT EXISTS events_by_country_date ON events (country, event_date);
CREATE INDEX IF NOT EXISTS events_by_iso3_date ON events (iso3, event_date);
CREATE INDEX IF NOT EXISTS events_by_date ON events (event_date);
CREATE INDEX IF NOT EXISTS events_by_type_date ON events (event_type, event_date);
CREATE INDEX IF NOT EXISTS events_by_sub_type_date ON events (sub_event_type, event_date);
CREATE INDEX IF NOT EXISTS events_by_admin1_date ON events (lower(admin1), event_date);
CREATE INDEX IF NOT EXISTS events_by_fatalities ON events (fatalities);
CREATE INDEX IF NOT EXISTS events_by_longitude ON events (longitude, latitude);
CREATE INDEX IF NOT EXISTS events_by_admin1_window ON events (iso3, admin1, wide, date_lo);
CREATE INDEX IF NOT EXISTS events_by_cell_window ON events (cell, wide, date_lo);
CREATE TABLE IF NOT EXISTS reports (
    report_id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    published TEXT,
    actors TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS reports_by_event ON reports (event_id);
CREATE INDEX IF NOT EXISTS reports_by_article ON reports (article_id);
CREATE INDEX IF NOT EXISTS reports_by_seq ON reports (seq);
CREATE TABLE IF NOT EXISTS claims (
    claim_id TEXT PRIMARY KEY,
    report_id TEXT NOT NULL REFERENCES reports (report_id) ON DELETE CASCADE,
    article_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    source TEXT, sub_event_type TEXT,
    span_start BIGINT, span_end BIGINT, text TEXT,
    fatalities BIGINT,
    record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS claims_by_event ON claims (event_id);
CREATE INDEX IF NOT EXISTS claims_by_report ON claims (report_id);
CREATE TABLE IF NOT EXISTS event_text (
    event_id TEXT PRIMARY KEY REFERENCES events (event_id) ON DELETE CASCADE,
    search TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS event_actors (
    event_id TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
    name TEXT NOT NULL, lname TEXT NOT NULL, role TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS event_actors_by_event ON event_actors (event_id);
CREATE INDEX IF NOT EXISTS event_actors_by_name ON event_actors (lname);
CREATE TABLE IF NOT EXISTS feeds (
    url TEXT PRIMARY KEY,
    etag TEXT, modified TEXT, last_polled TEXT, failures BIGINT NOT NULL DEFAULT 0
);
"""


def statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def content_hash(text: str) -> str:
    """The same text (up to spacing) gives the same hash."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def version_of(db: Any) -> int:
    """0 for an empty database, 1 for a store made by sitrep 0.1, else the recorded version."""
    tables = db.tables()
    if "schema_version" in tables:
        row = db.execute("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0] or 0)
    if "events" in tables and "article_id" in db.columns("events"):
        return 1
    return 0


V1_RENAMES = (("events", "v1_events"), ("articles", "v1_articles"))


def v1_rows(db: Any) -> tuple[list[tuple], list[tuple[str, dict]]]:
    """Version 1's articles and (article_id, event record) pairs, its tables renamed out of the way."""
    for old, new in V1_RENAMES:
        db.execute(f"ALTER TABLE {old} RENAME TO {new}")
    for index in ("events_by_place_date", "events_by_article"):
        db.execute(f"DROP INDEX IF EXISTS {index}")
    articles = db.execute("SELECT article_id, title, url, outlet, published, origin, text, reason "
                          "FROM v1_articles ORDER BY rowid").fetchall()
    events = [(a, json.loads(r)) for a, r in
              db.execute("SELECT article_id, record FROM v1_events ORDER BY rowid").fetchall()]
    return articles, events


V2_ADDED = (("wide", "BIGINT NOT NULL DEFAULT 0"), ("cell", "BIGINT"))


def add_v3_columns(db: Any) -> list[tuple]:
    """Version 2 -> 3: the columns candidate lookup needs; returns the rows to fill them from."""
    have = db.columns("events")
    for name, kind in V2_ADDED:
        if name not in have:
            db.execute(f"ALTER TABLE events ADD COLUMN {name} {kind}")
    db.execute("DROP INDEX IF EXISTS events_by_window")
    return db.execute("SELECT event_id, date_lo, date_hi, latitude, longitude FROM events").fetchall()


def move_search_text(db: Any) -> None:
    """Version 4 -> 5: the text filter's words move from events.search to event_text."""
    db.execute("INSERT INTO event_text (event_id, search) SELECT event_id, search FROM events "
               "WHERE search IS NOT NULL")
    db.execute("UPDATE events SET search = NULL")


def drop_v1(db: Any) -> None:
    for _, new in V1_RENAMES:
        db.execute(f"DROP TABLE {new}")
