"""Re-ingesting, new versions, near-duplicates and schema migration (SQLite and PostgreSQL)."""
from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest
from conftest import unique_text
from factories import claim, toll

from sitrep.errors import StoreError
from sitrep.export import event_record
from sitrep.store import open_store
from sitrep.store.schema import SCHEMA_VERSION

WED = dt.date(2024, 11, 27)


def counts(store) -> tuple[int, int, int]:
    """(articles, events, claims) as the store holds them."""
    articles = list(store.articles())
    claims = sum(len(e["claims"]) for e in store.events())
    return len(articles), store.count_events(), claims


def test_same_text_changes_nothing(store, make_result):
    text = unique_text("story")
    store.save(make_result("a1", [claim(day=WED, fatalities=toll(9))], text=text, url="https://a.example/1"))
    before = counts(store)
    again = store.save(make_result("a1", [claim(day=WED, fatalities=toll(9))], text=text, url="https://a.example/1"))
    assert again.status == "unchanged" and counts(store) == before
    moved = store.save(make_result("copy", [claim(day=WED, fatalities=toll(9))], text=text,
                                   url="https://mirror.example/1"))
    assert (moved.status, moved.duplicate_of) == ("duplicate", "a1")
    assert counts(store) == before
    assert store.has_url("https://mirror.example/1")  # seen, so a watcher does not fetch it again


def test_new_version_replaces_claims_without_new_events(store, make_result):
    url = "https://a.example/story"
    first = store.save(make_result("a1", [claim(day=WED, fatalities=toll(9))], text=unique_text("v1"), url=url))
    second = store.save(make_result("a1b", [claim(day=WED, fatalities=toll(12))], text=unique_text("v2"), url=url))
    assert (first.status, second.status) == ("new", "updated")
    [event] = store.events()
    assert [c["fatalities"]["best"] for c in event["claims"]] == [12]
    assert event["article_ids"] == ["a1b"]
    assert [a["id"] for a in store.articles()] == ["a1b"]
    assert store.article("a1b")["version"] == 2


def test_wire_copy_is_a_linked_near_duplicate(store, make_result):
    body = unique_text("wire", 300)
    original = store.save(make_result("ap", [claim(day=WED, fatalities=toll(20))], text=body,
                                      url="https://ap.example/x", outlet="AP"))
    copy_text = "Local Daily staff report. " + body + " Subscribe to our newsletter for more."
    copy = store.save(make_result("local", [claim(day=WED, fatalities=toll(20))], text=copy_text,
                                  url="https://local.example/y", outlet="Local Daily"))
    assert original.status == "new"
    assert (copy.status, copy.duplicate_of, copy.events_new) == ("duplicate", "ap", 0)
    [event] = store.events()  # counted once
    assert event["article_ids"] == ["ap"] and len(event["claims"]) == 1
    assert [d["id"] for d in store.event(event["event_id"])["duplicates"]] == ["local"]
    stored = store.article("local")
    assert stored["status"] == "duplicate" and stored["duplicate_of"] == "ap" and stored["similarity"] >= 0.7
    other = store.save(make_result("bbc", [claim(day=WED, fatalities=toll(22))], text=unique_text("bbc", 300)))
    assert other.status == "new" and other.duplicate_of is None


def test_a_copy_of_a_copy_points_at_the_original(store, make_result):
    body = unique_text("wire", 300)
    store.save(make_result("ap", [claim(day=WED)], text=body))
    store.save(make_result("c1", [claim(day=WED)], text="Copy one. " + body))
    assert store.save(make_result("c2", [claim(day=WED)], text="Copy two. " + body)).duplicate_of == "ap"


# --- schema versions ---------------------------------------------------------------------------

# The tables sitrep 0.1 wrote (schema version 1), as its store module created them.
V1_SCHEMA = """
CREATE TABLE articles (
    article_id TEXT PRIMARY KEY,
    title TEXT, url TEXT, outlet TEXT, published TEXT, origin TEXT,
    text TEXT NOT NULL,
    reason TEXT
);
CREATE TABLE events (
    event_id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    event_date TEXT, event_type TEXT, sub_event_type TEXT,
    country TEXT, admin1 TEXT, fatalities INTEGER,
    record TEXT NOT NULL
);
CREATE INDEX events_by_place_date ON events (country, event_date);
CREATE INDEX events_by_article ON events (article_id);
PRAGMA user_version = 1;
"""


def write_v1(path, results) -> None:
    db = sqlite3.connect(path)
    db.executescript(V1_SCHEMA)
    for result in results:
        a = result.article
        db.execute("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   (a.id, a.title, a.url, a.outlet, a.published.isoformat(), a.origin, a.text, result.reason))
        for event in result.events:
            r = event_record(event)
            db.execute("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (r["event_id"], a.id, r["event_date"], r["event_type"], r["sub_event_type"], r["country"],
                        r["admin1"], r["fatalities"], json.dumps(r)))
    db.commit()
    db.close()


def test_a_version_1_file_is_migrated(tmp_path, make_result):
    path = tmp_path / "old.db"
    results = [make_result("a1", [claim(day=WED, fatalities=toll(7))], url="https://a.example/1"),
               make_result("a2", [claim(day=WED, source="SANA", fatalities=toll(5))], outlet="Other"),
               make_result("quiet", [])]
    write_v1(path, results)
    with open_store(path) as store:
        [event] = store.events()  # the two reports of one clash are fused on the way
        assert sorted(event["article_ids"]) == ["a1", "a2"] and event["fatalities"] == 5
        assert store.has_url("https://a.example/1")
        assert store.article("quiet")["reason"] == "no event reported"
        assert store.save(results[0]).status == "unchanged"
    db = sqlite3.connect(path)
    assert db.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
    assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    assert not {"v1_events", "v1_articles"} & {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
    db.close()


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.db"
    open_store(path).close()
    db = sqlite3.connect(path)
    db.execute("UPDATE schema_version SET version = 99")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer sitrep"):
        open_store(path)


def test_postgres_url_that_cannot_connect_is_a_clear_error():
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL") as err:
        open_store("postgresql://someone:secret@/nodb?host=/nonexistent-socket-dir&connect_timeout=2")
    assert "secret" not in str(err.value)


def test_a_version_2_store_is_migrated(store_target, make_result):
    """Version 2 lacked the events' wide and cell columns; version 3 adds and fills them."""
    with open_store(store_target) as store:
        store.save(make_result("a1", [claim(day=WED, fatalities=toll(7))]))
        for sql in ("DROP INDEX events_by_admin1_window", "DROP INDEX events_by_cell_window",
                    "ALTER TABLE events DROP COLUMN wide", "ALTER TABLE events DROP COLUMN cell",
                    "CREATE INDEX events_by_window ON events (iso3, date_hi)", "UPDATE schema_version SET version = 2"):
            store.db.execute(sql)
    with open_store(store_target) as store:
        assert store.db.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
        assert store.save(make_result("a2", [claim(day=WED, source="SANA", fatalities=toll(5))])).events_updated == 1
        [event] = store.events()
        assert event["article_ids"] == ["a1", "a2"]


def indexes(store) -> set[str]:
    if store.db.kind == "sqlite":
        sql = "SELECT name FROM sqlite_master WHERE type = 'index'"
    else:
        sql = "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
    return {row[0] for row in store.db.execute(sql)}


def test_a_version_3_store_gains_the_query_indexes(store_target, make_result):
    added = {"events_by_type_date", "events_by_sub_type_date", "events_by_admin1_date", "events_by_fatalities",
             "events_by_longitude"}
    with open_store(store_target) as store:
        store.save(make_result("a1", [claim(day=WED, fatalities=toll(7))]))
        assert added <= indexes(store)
        for name in added:
            store.db.execute(f"DROP INDEX {name}")
        store.db.execute("UPDATE schema_version SET version = 3")
    with open_store(store_target) as store:
        assert added <= indexes(store)
        assert [e["fatalities"] for e in store.events(min_fatalities=7)] == [7]


def test_a_version_4_store_moves_its_search_text(store_target, make_result):
    with open_store(store_target) as store:
        store.save(make_result("a1", [claim(day=WED, fatalities=toll(7))]))
        store.db.execute("UPDATE events SET search = "
                         "(SELECT search FROM event_text t WHERE t.event_id = events.event_id)")
        store.db.execute("DROP TABLE event_text")
        store.db.execute("UPDATE schema_version SET version = 4")
    with open_store(store_target) as store:
        assert len(list(store.events(text="aleppo sohr"))) == 1
        assert store.db.execute("SELECT COUNT(*) FROM events WHERE search IS NOT NULL").fetchone()[0] == 0
