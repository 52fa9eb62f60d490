"""The store over SQL: the same code for SQLite and PostgreSQL (see ``db.py``).

Saving an article is one transaction: the article, its reports (the events ``fuse_article``
made of it), their claims, and the fused events they join or start. An interrupted ingest
leaves each article wholly in or wholly out; rerunning it stores the rest.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from collections import Counter
from collections.abc import Iterator
from typing import Any, Literal

from ..errors import StoreError
from ..export.records import event_record
from ..fuse.across import NEAR_KM, REGION, Report, best_match, compatible, fuse_reports
from ..model import Actor, Article, ArticleResult
from ..taxonomy import PROTESTS, RIOTS
from . import dedup
from .base import EventQuery, FeedState, SaveOutcome
from .query import make_query, page, where
from .schema import (
    SCHEMA_VERSION,
    TABLES,
    add_v3_columns,
    content_hash,
    drop_v1,
    move_search_text,
    statements,
    v1_rows,
    version_of,
)

MAX_CANDIDATES = 50
CELL_DEGREES = 0.2  # the grid of the first cut around a place; ``compatible`` measures kilometres
WIDE_DAYS = 31  # events whose window is longer are "wide" and looked up apart
READ_BATCH = 500
STAT_GROUPS = ("event_type", "sub_event_type", "actor1", "country")
ORDER = " ORDER BY (event_date IS NULL), event_date, event_id"


class SQLStore:
    """The Store contract of ``base.py`` over one database connection."""

    def __init__(self, db: Any):
        self.db = db
        self._migrate()

    # --- schema -------------------------------------------------------------------------------

    def _migrate(self) -> None:
        if version_of(self.db) == SCHEMA_VERSION:
            return
        with self.db.transaction():
            version = version_of(self.db)  # again, now that we hold the write lock
            if version > SCHEMA_VERSION:
                raise StoreError(f"{self.db.path}: made by a newer sitrep (schema version {version}); upgrade sitrep")
            if version == SCHEMA_VERSION:
                return
            old = v1_rows(self.db) if version == 1 else None
            unfilled = add_v3_columns(self.db) if version == 2 else []
            for statement in statements(TABLES):
                self.db.execute(statement)
            if old is not None:
                self._import_v1(*old)
                drop_v1(self.db)
            if version in (2, 3, 4):
                move_search_text(self.db)
            for event_id, lo, hi, lat, lon in unfilled:
                self.db.execute("UPDATE events SET wide = ?, cell = ? WHERE event_id = ?",
                                (int(_wide(lo, hi)), None if lat is None else cell(lat, lon), event_id))
            self.db.execute("DELETE FROM schema_version")
            self.db.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))

    def _import_v1(self, articles: list[tuple], events: list[tuple[str, dict]]) -> None:
        by_article: dict[str, list[dict]] = {}
        for article_id, record in events:
            by_article.setdefault(article_id, []).append(record)
        for aid, title, url, outlet, published, origin, text, reason in articles:
            a = Article(id=aid, text=text, title=title or "", published=_date(published), url=url,
                        outlet=outlet, origin=origin or "")
            self._insert_article(a, content_hash(text), 1, reason, None, dedup.signature(text))
            reports = [Report(r["event_id"], aid, r, _v1_actor(r, 1), _v1_actor(r, 2), a.published)
                       for r in by_article.get(aid, [])]
            self._add_reports(reports, {})

    # --- saving -------------------------------------------------------------------------------

    def save(self, result: ArticleResult) -> SaveOutcome:
        """Store one article with its claims and events atomically, fusing with stored events."""
        digest = content_hash(result.article.text)
        with self.db.transaction():
            return self._save(result, digest)

    def _save(self, result: ArticleResult, digest: str) -> SaveOutcome:
        a = result.article
        same = self.db.execute("SELECT article_id, duplicate_of FROM articles WHERE content_hash = ? "
                               "ORDER BY saved_seq LIMIT 1", (digest,)).fetchone()
        if same is not None:
            return self._seen_text(a, same[0], same[1])
        previous = self._previous_version(a)
        orphans: dict[str, list[Report]] = {}
        version = 1
        if previous is not None:
            orphans = self._remove_article(previous[0])
            version = previous[1] + 1
        sig = dedup.signature(a.text)
        duplicate = self._near_duplicate(sig)
        self._insert_article(a, digest, version, result.reason, duplicate, sig)
        if previous is not None:
            self.db.execute("UPDATE articles SET duplicate_of = ? WHERE duplicate_of = ?", (a.id, previous[0]))
        if duplicate is not None:
            self._drop_events(orphans)
            return SaveOutcome(a.id, "duplicate", duplicate_of=duplicate[0])
        reports = [Report.of(e, a, event_record(e)) for e in result.events]
        new, updated = self._add_reports(reports, orphans)
        return SaveOutcome(a.id, "updated" if previous is not None else "new", new, updated)

    def _seen_text(self, a: Article, stored_id: str, duplicate_of: str | None) -> SaveOutcome:
        """The same text again: nothing changes but the memory of a new URL."""
        if a.url:
            self._remember_url(a.url, stored_id)
        if a.id == stored_id:
            return SaveOutcome(a.id, "unchanged")
        return SaveOutcome(a.id, "duplicate", duplicate_of=duplicate_of or stored_id)

    def _remember_url(self, url: str, article_id: str) -> None:
        self.db.execute("INSERT INTO article_urls (url, article_id) VALUES (?, ?) "
                        "ON CONFLICT (url) DO UPDATE SET article_id = excluded.article_id", (url, article_id))

    def _previous_version(self, a: Article) -> tuple[str, int] | None:
        """The stored article this one is a new version of: the same URL or the same id."""
        row = self.db.execute(
            "SELECT article_id, version FROM articles WHERE article_id = ? OR article_id IN "
            "(SELECT article_id FROM article_urls WHERE url = ?) ORDER BY saved_seq DESC LIMIT 1",
            (a.id, a.url or "")).fetchone()
        return (row[0], int(row[1])) if row else None

    def _remove_article(self, article_id: str) -> dict[str, list[Report]]:
        """Take an old version out; returns its events left with no report (to reuse their ids)."""
        touched = [r[0] for r in self.db.execute(
            "SELECT DISTINCT event_id FROM reports WHERE article_id = ?", (article_id,))]
        old = {eid: [m for m in self._members(eid) if m.article_id == article_id] for eid in touched}
        self.db.execute("DELETE FROM articles WHERE article_id = ?", (article_id,))
        orphans = {}
        for eid in touched:
            if self._members(eid):
                self._refresh(eid)
            else:
                orphans[eid] = old[eid]
        return orphans

    def _insert_article(self, a: Article, digest: str, version: int, reason: str | None,
                        duplicate: tuple[str, float] | None, sig: Any) -> None:
        seq = self._next("saved_seq", "articles")
        self.db.execute(
            "INSERT INTO articles (article_id, url, content_hash, version, title, outlet, published, origin, "
            "text, reason, duplicate_of, similarity, signature, saved_seq) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (a.id, a.url, digest, version, a.title, a.outlet, _iso(a.published), a.origin, a.text, reason,
             duplicate[0] if duplicate else None, duplicate[1] if duplicate else None, dedup.encode(sig), seq))
        if a.url:
            self._remember_url(a.url, a.id)
        if duplicate is None:  # copies point at the first; only it is found by its bands
            self.db.executemany("INSERT INTO article_bands (band, hash, article_id) VALUES (?, ?, ?)",
                                [(b, h, a.id) for b, h in dedup.bands(sig)])

    def _near_duplicate(self, sig: Any) -> tuple[str, float] | None:
        """(the article this one copies, similarity), if any stored article is a near-duplicate."""
        mine = dict(dedup.bands(sig))
        hashes = list(mine.values())
        rows = self.db.execute(f"SELECT band, hash, article_id FROM article_bands WHERE hash IN "
                               f"({', '.join('?' * len(hashes))})", hashes).fetchall()
        hits = Counter(aid for band, h, aid in rows if mine.get(band) == h)
        best: tuple[str, float] | None = None
        for aid, _ in hits.most_common(20):
            row = self.db.execute("SELECT signature FROM articles WHERE article_id = ?", (aid,)).fetchone()
            score = dedup.similarity(sig, dedup.decode(row[0]))
            if score >= dedup.NEAR_DUPLICATE and (best is None or score > best[1]):
                best = (aid, round(score, 3))
        return best

    def _next(self, column: str, table: str) -> int:
        row = self.db.execute(f"SELECT MAX({column}) FROM {table}").fetchone()
        return int(row[0] or 0) + 1

    # --- fusing reports into events ----------------------------------------------------------------

    def _add_reports(self, reports: list[Report], orphans: dict[str, list[Report]]) -> tuple[int, int]:
        """Each report joins the stored event it tells of, or starts one; returns (new, updated)."""
        touched: dict[str, bool] = {}
        for report in reports:
            report.seq = self._next("seq", "reports")
            event_id, is_new = self._assign(report, orphans)
            self._insert_report(report, event_id)
            touched.setdefault(event_id, is_new)
        for event_id in touched:
            self._refresh(event_id)
        self._drop_events(orphans)
        new = sum(touched.values())
        return new, len(touched) - new

    def _assign(self, report: Report, orphans: dict[str, list[Report]]) -> tuple[str, bool]:
        for event_id, old in list(orphans.items()):  # a new version keeps its events' ids
            if event_id == report.event_id or compatible(report, old, same_article=True):
                del orphans[event_id]
                return event_id, False
        found = best_match(report, self._candidates(report))
        if found is not None:
            return found, False
        event_id = report.event_id
        if event_id in orphans or self._exists(event_id):
            key = f"{event_id}|{report.article_id}|{report.seq}"
            event_id = "SR" + hashlib.sha1(key.encode()).hexdigest()[:12].upper()
        return event_id, True

    def _exists(self, event_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM events WHERE event_id = ?", (event_id,)).fetchone() is not None

    def _candidates(self, report: Report) -> list[tuple[str, list[Report]]]:
        """Stored events that may tell of the same event: a first cut in SQL, on two indexes:
        the same admin1, or the grid cells around the place; windows that may overlap."""
        r, window = report.record, report.window()
        if r.get("latitude") is None or window is None or not r.get("iso3"):
            return []
        kinds = [report.event_type] + ([RIOTS] if report.event_type == PROTESTS else
                                       [PROTESTS] if report.event_type == RIOTS else [])
        lo, hi = window[0].isoformat(), window[1].isoformat()
        earliest = (window[0] - dt.timedelta(days=WIDE_DAYS)).isoformat()
        common = (f"((wide = 0 AND date_lo BETWEEN ? AND ?) OR (wide = 1 AND date_lo <= ?)) AND date_hi >= ? "
                  f"AND aggregate = ? AND event_type IN ({', '.join('?' * len(kinds))})")
        args = [earliest, hi, hi, lo, int(bool(r.get("aggregate"))), *kinds]
        lat, lon = r["latitude"], r["longitude"]
        cells, box = around(lat, lon), near_box(lat, lon)
        found = [row[0] for row in self.db.execute(  # the country is checked by ``compatible``
            f"SELECT event_id FROM events WHERE cell IN ({', '.join('?' * len(cells))}) "
            f"AND latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ? AND {common} LIMIT {MAX_CANDIDATES}",
            [*cells, *box, *args])]
        if r.get("admin1"):  # the same district, or a region around the place (or the place in a region)
            regional = r.get("geo_precision") == REGION
            same = "" if regional else "AND (admin2 = ? OR geo_precision = ?) "
            found += [row[0] for row in self.db.execute(
                f"SELECT event_id FROM events WHERE iso3 = ? AND admin1 = ? {same}AND {common} LIMIT {MAX_CANDIDATES}",
                [r["iso3"], r["admin1"], *([] if regional else [r.get("admin2") or "", REGION]), *args])]
        return [(eid, self._members(eid)) for eid in dict.fromkeys(found)]

    def _members(self, event_id: str) -> list[Report]:
        rows = self.db.execute("SELECT report_id, article_id, record, actors, published, seq FROM reports "
                               "WHERE event_id = ? ORDER BY seq", (event_id,)).fetchall()
        return [Report.from_row(rid, aid, json.loads(rec), json.loads(act), pub, int(seq))
                for rid, aid, rec, act, pub, seq in rows]

    def _insert_report(self, report: Report, event_id: str) -> None:
        self.db.execute(
            "INSERT INTO reports (report_id, article_id, event_id, seq, published, actors, record) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (report.event_id, report.article_id, event_id, report.seq, _iso(report.published),
             json.dumps(report.actors_json(), ensure_ascii=False), json.dumps(report.record, ensure_ascii=False)))
        self.db.executemany(
            "INSERT INTO claims (claim_id, report_id, article_id, event_id, source, sub_event_type, span_start, "
            "span_end, text, fatalities, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(f"{report.event_id}:{i}", report.event_id, c.get("article_id") or report.article_id, event_id,
              c.get("source"), c.get("sub_event_type"), c.get("start"), c.get("end"), c.get("text"),
              (c.get("fatalities") or {}).get("low"), json.dumps(c, ensure_ascii=False))
             for i, c in enumerate(report.record["claims"])])

    def _refresh(self, event_id: str) -> None:
        """Write the event fused from its reports again (or remove it when none is left)."""
        members = self._members(event_id)
        self.db.execute("DELETE FROM events WHERE event_id = ?", (event_id,))
        if not members:
            return
        record = fuse_reports(members)
        record["event_id"] = event_id
        windows = [w for w in (m.window() for m in members) if w is not None]
        lo = min(w[0] for w in windows).isoformat() if windows else None
        hi = max(w[1] for w in windows).isoformat() if windows else None
        self.db.execute(
            "INSERT INTO events (event_id, event_date, date_lo, date_hi, event_type, sub_event_type, actor1, actor2, "
            "country, iso3, admin1, admin2, latitude, longitude, geo_precision, fatalities, aggregate, wide, cell, "
            "search, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (event_id, record["event_date"], lo, hi, record["event_type"], record["sub_event_type"],
             record["actor1"], record["actor2"], record["country"], record["iso3"], record["admin1"],
             record["admin2"], record["latitude"], record["longitude"], record["geo_precision"],
             record["fatalities"], int(bool(record["aggregate"])), int(_wide(lo, hi)),
             None if record["latitude"] is None else cell(record["latitude"], record["longitude"]), None,
             json.dumps(record, ensure_ascii=False)))
        self.db.execute("INSERT INTO event_text (event_id, search) VALUES (?, ?)", (event_id, _search_text(record)))
        self.db.executemany("INSERT INTO event_actors (event_id, name, lname, role) VALUES (?, ?, ?, ?)",
                            [(event_id, name, name.lower(), role) for role, name in _actor_roles(record)])

    def _drop_events(self, orphans: dict[str, list[Report]]) -> None:
        for event_id in orphans:
            self.db.execute("DELETE FROM events WHERE event_id = ?", (event_id,))
        orphans.clear()

    # --- reading ------------------------------------------------------------------------------

    def events(self, query: EventQuery | None = None, **filters: Any) -> Iterator[dict[str, Any]]:
        """Event records matching the query (or keyword filters), oldest first, then by event_id."""
        q = make_query(query, filters)
        clause, args = where(q)
        # Sort and page the keys alone, then read the records: sorting whole records is slow.
        ids = [row[0] for row in self.db.execute("SELECT event_id FROM events" + clause + ORDER + page(q), args)]
        for start in range(0, len(ids), READ_BATCH):
            chunk = ids[start:start + READ_BATCH]
            records = dict(self.db.execute(f"SELECT event_id, record FROM events WHERE event_id IN "
                                           f"({', '.join('?' * len(chunk))})", chunk).fetchall())
            for event_id in chunk:
                if event_id in records:  # not removed by a writer in between
                    yield json.loads(records[event_id])

    def count_events(self, query: EventQuery | None = None, **filters: Any) -> int:
        q = make_query(query, filters)
        clause, args = where(q)
        return int(self.db.execute("SELECT COUNT(*) FROM events" + clause, args).fetchone()[0])

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event record with its claims, the articles they come from and their copies."""
        row = self.db.execute("SELECT record FROM events WHERE event_id = ?", (event_id,)).fetchone()
        if row is None:
            return None
        record = json.loads(row[0])
        ids = record["article_ids"] or [""]
        marks = ", ".join("?" * len(ids))
        record["articles"] = [self._article_summary(r) for r in self.db.execute(
            f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE article_id IN ({marks}) ORDER BY saved_seq", ids)]
        record["duplicates"] = [self._article_summary(r) for r in self.db.execute(
            f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE duplicate_of IN ({marks}) ORDER BY saved_seq", ids)]
        return record

    def articles(self, *, limit: int | None = None, offset: int = 0) -> Iterator[dict[str, Any]]:
        """Stored articles, newest first (by publication, then by when they were saved), without text."""
        sql = (f"SELECT {ARTICLE_COLUMNS} FROM articles "
               "ORDER BY (published IS NULL), published DESC, saved_seq DESC"
               + page(EventQuery(limit=limit, offset=offset)))
        for row in self.db.execute(sql).fetchall():
            yield self._article_summary(row)

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article with its text, its URLs and the ids of the events it supports."""
        row = self.db.execute(f"SELECT {ARTICLE_COLUMNS}, text, origin, content_hash, similarity "
                              f"FROM articles WHERE article_id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        out = self._article_summary(row[:len(ARTICLE_FIELDS)])
        out.update(zip(("text", "origin", "content_hash", "similarity"), row[len(ARTICLE_FIELDS):]))
        out["urls"] = [r[0] for r in self.db.execute(
            "SELECT url FROM article_urls WHERE article_id = ? ORDER BY url", (article_id,))]
        out["event_ids"] = [r[0] for r in self.db.execute(
            "SELECT event_id FROM reports WHERE article_id = ? ORDER BY seq", (article_id,))]
        out["event_ids"] = list(dict.fromkeys(out["event_ids"]))
        return out

    @staticmethod
    def _article_summary(row: tuple) -> dict[str, Any]:
        out = dict(zip(ARTICLE_FIELDS, row))
        out["status"] = "duplicate" if out["duplicate_of"] else "no events" if out["reason"] else "events"
        return out

    def actors(self) -> Iterator[dict[str, Any]]:
        """Actors with their number of events and fatalities, most events first."""
        rows = self.db.execute(
            "SELECT name, COUNT(*), SUM(fatalities) FROM (SELECT DISTINCT a.name AS name, e.event_id AS event_id, "
            "e.fatalities AS fatalities FROM event_actors a JOIN events e ON e.event_id = a.event_id) t "
            "GROUP BY name ORDER BY COUNT(*) DESC, name").fetchall()
        for name, n, fatalities in rows:
            yield {"actor": name, "events": int(n), "fatalities": int(fatalities or 0)}

    def stats(self, query: EventQuery | None = None, *, by: Literal["day", "week"] = "day",
              group: Literal["event_type", "sub_event_type", "actor1", "country"] = "event_type",
              ) -> list[dict[str, Any]]:
        """Rows of {period, group, events, fatalities} for a timeline (dated events only)."""
        if group not in STAT_GROUPS or by not in ("day", "week"):
            raise StoreError(f"stats: group must be one of {', '.join(STAT_GROUPS)} and by day or week "
                             f"(got group={group!r}, by={by!r})")
        q = make_query(query, {"limit": None, "offset": 0})
        clause, args = where(q)
        clause = (clause + " AND" if clause else " WHERE") + " event_date IS NOT NULL"
        rows = self.db.execute(f"SELECT event_date, {group}, COUNT(*), SUM(fatalities) FROM events{clause} "
                               f"GROUP BY event_date, {group}", args).fetchall()
        totals: dict[tuple[str, str | None], list[int]] = {}
        for day, name, n, fatalities in rows:
            period = day if by == "day" else _monday(day)
            total = totals.setdefault((period, name), [0, 0])
            total[0] += int(n)
            total[1] += int(fatalities or 0)
        return [{"period": p, "group": g, "events": n, "fatalities": f}
                for (p, g), (n, f) in sorted(totals.items(), key=lambda kv: (kv[0][0], kv[0][1] or ""))]

    def has_url(self, url: str) -> bool:
        """Whether an article was seen at this URL (the watcher's memory of seen items)."""
        return self.db.execute("SELECT 1 FROM article_urls WHERE url = ?", (url,)).fetchone() is not None

    def feed_state(self, url: str) -> FeedState | None:
        row = self.db.execute("SELECT url, etag, modified, last_polled, failures FROM feeds WHERE url = ?",
                              (url,)).fetchone()
        if row is None:
            return None
        polled = dt.datetime.fromisoformat(row[3]) if row[3] else None
        return FeedState(row[0], row[1], row[2], polled, int(row[4]))

    def save_feed_state(self, state: FeedState) -> None:
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO feeds (url, etag, modified, last_polled, failures) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, modified = excluded.modified, "
                "last_polled = excluded.last_polled, failures = excluded.failures",
                (state.url, state.etag, state.modified,
                 state.last_polled.isoformat() if state.last_polled else None, state.failures))

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SQLStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


ARTICLE_FIELDS = ("id", "title", "url", "outlet", "published", "reason", "duplicate_of", "version")
ARTICLE_COLUMNS = "article_id, title, url, outlet, published, reason, duplicate_of, version"


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text[:10]) if text else None


def _monday(day: str) -> str:
    d = dt.date.fromisoformat(day)
    return (d - dt.timedelta(days=d.weekday())).isoformat()


def cell(lat: float, lon: float) -> int:
    """The grid cell of a point (CELL_DEGREES on a side), as one number."""
    return (math.floor(lat / CELL_DEGREES) + 500) * 2000 + math.floor(lon / CELL_DEGREES) + 1000


def around(lat: float, lon: float) -> list[int]:
    """The cells holding every point within NEAR_KM of this one (more cells east and west
    where meridians close in)."""
    wide = math.ceil(NEAR_KM / (111.3 * CELL_DEGREES * max(0.05, math.cos(math.radians(lat)))))
    return [cell(lat + dy * CELL_DEGREES, lon + dx * CELL_DEGREES) for dy in (-1, 0, 1)
            for dx in range(-wide, wide + 1)]


def near_box(lat: float, lon: float) -> tuple[float, float, float, float]:
    """min_lat, max_lat, min_lon, max_lon around a point: NEAR_KM each way, a little more."""
    dlat = NEAR_KM / 110.0
    dlon = NEAR_KM / (110.0 * max(0.05, math.cos(math.radians(lat))))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


def _wide(lo: str | None, hi: str | None) -> bool:
    return bool(lo and hi) and (dt.date.fromisoformat(hi) - dt.date.fromisoformat(lo)).days > WIDE_DAYS


def _v1_actor(record: dict[str, Any], n: int) -> Actor | None:
    name = record.get(f"actor{n}")
    return Actor(name, record.get(f"inter{n}") or 0) if name else None


def _actor_roles(record: dict[str, Any]) -> list[tuple[str, str]]:
    roles = [("actor1", record.get("actor1")), ("actor2", record.get("actor2"))]
    roles += [(f"assoc_actor_{n}", a) for n in (1, 2) for a in record.get(f"assoc_actor_{n}") or []]
    return [(role, name) for role, name in roles if name]


def _search_text(record: dict[str, Any]) -> str:
    parts = [record.get("notes") or ""] + [e["text"] for e in record.get("evidence") or []]
    return " ".join(parts).lower()
