"""The Store contract (sitrep/store/base.py), on SQLite and on PostgreSQL, with events built by hand."""
from __future__ import annotations

import datetime as dt

import pytest
from factories import ALEPPO, CIVILIANS, HTS, IDLIB, SYRIA, claim, toll

from sitrep.errors import StoreError
from sitrep.model import Actor, Place
from sitrep.store import EventQuery, FeedState, SaveOutcome

WED = dt.date(2024, 11, 27)
BOKO = Actor("Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", 2, "NG")
MILITIA = Actor("Civilian JTF", 4, "NG")
MAIDUGURI = Place("Maiduguri", 11.8464, 13.1603, "Nigeria", "NGA", "Borno", "Maiduguri", 1112449, "P", "PPLA")


@pytest.fixture
def world(store, make_result):
    """Three articles: a battle in Aleppo, a strike on Idlib, an attack in Borno."""
    outcomes = [
        store.save(make_result("a1", [claim(day=WED, fatalities=toll(132))], url="https://a.example/1",
                               outlet="Wire A", published=dt.date(2024, 11, 28))),
        store.save(make_result("a2", [claim("Air/drone strike", actor1=SYRIA, actor2=CIVILIANS, place=IDLIB,
                                            day=WED - dt.timedelta(days=7), fatalities=toll(5), source="SANA")],
                               url="https://b.example/2", outlet="Wire B", published=dt.date(2024, 11, 21))),
        store.save(make_result("a3", [claim("Attack", actor1=BOKO, actor2=MILITIA, place=MAIDUGURI,
                                            day=dt.date(2024, 12, 2), fatalities=toll(9), source="police")],
                               url="https://c.example/3", outlet="Wire C", published=dt.date(2024, 12, 3))),
    ]
    return outcomes


def ids(records) -> list[str]:
    return [r["article_ids"][0] for r in records]


def test_save_reports_what_it_did(world, store, make_result):
    assert [o.status for o in world] == ["new", "new", "new"]
    assert all(isinstance(o, SaveOutcome) and o.events_new == 1 and o.events_updated == 0 for o in world)
    again = store.save(make_result("a1", [claim(day=WED, fatalities=toll(132))], url="https://a.example/1",
                                   outlet="Wire A", published=dt.date(2024, 11, 28)))
    assert again == SaveOutcome("a1", "unchanged")
    assert store.count_events() == 3


def test_events_oldest_first(world, store):
    assert ids(store.events()) == ["a2", "a1", "a3"]
    assert ids(store.events(EventQuery())) == ["a2", "a1", "a3"]


@pytest.mark.parametrize(("query", "expected"), [
    (EventQuery(country="Syria"), ["a2", "a1"]),
    (EventQuery(country="NGA"), ["a3"]),
    (EventQuery(country="nga"), ["a3"]),
    (EventQuery(admin1="aleppo"), ["a1"]),
    (EventQuery(since=WED), ["a1", "a3"]),
    (EventQuery(until=WED), ["a2", "a1"]),
    (EventQuery(since=WED, until=WED), ["a1"]),
    (EventQuery(event_type="Explosions/Remote violence"), ["a2"]),
    (EventQuery(sub_event_type="Attack"), ["a3"]),
    (EventQuery(actor="hayat tahrir"), ["a1"]),
    (EventQuery(actor="Military Forces of Syria"), ["a2", "a1"]),
    (EventQuery(actor="nobody at all"), []),
    (EventQuery(bbox=(36.0, 35.0, 38.0, 37.0)), ["a2", "a1"]),
    (EventQuery(bbox=(13.0, 11.0, 14.0, 12.0)), ["a3"]),
    (EventQuery(min_fatalities=9), ["a1", "a3"]),
    (EventQuery(text="aleppo"), ["a1"]),
    (EventQuery(text="SANA idlib"), ["a2"]),
    (EventQuery(article_ids=("a3", "a1")), ["a1", "a3"]),
    (EventQuery(article_ids=()), []),
    (EventQuery(limit=2), ["a2", "a1"]),
    (EventQuery(limit=2, offset=2), ["a3"]),
    (EventQuery(offset=1), ["a1", "a3"]),
    (EventQuery(country="Syria", since=WED, min_fatalities=100), ["a1"]),
])
def test_event_filters(world, store, query, expected):
    assert ids(store.events(query)) == expected
    unpaged = EventQuery(**{**query.__dict__, "limit": None, "offset": 0})
    assert store.count_events(unpaged) == len(list(store.events(unpaged)))


def test_keyword_filters_still_work(world, store):
    """The old call shape: ``events(country=..., since="YYYY-MM-DD", article_ids=[...])``."""
    assert ids(store.events(country="Syria", since="2024-11-25", until="2024-11-30")) == ["a1"]
    assert ids(store.events(article_ids=["a2"])) == ["a2"]
    assert store.count_events(country="Nigeria") == 1


def test_bad_filters_are_clear_errors(world, store):
    with pytest.raises(StoreError, match="since: not a date"):
        list(store.events(since="last week"))
    with pytest.raises(StoreError, match="bbox"):
        list(store.events(EventQuery(bbox=(38.0, 35.0, 36.0, 37.0))))
    with pytest.raises(StoreError, match="negative"):
        list(store.events(EventQuery(limit=-1)))
    with pytest.raises(TypeError, match="colour"):
        list(store.events(colour="red"))


def test_event_has_its_claims_and_articles(world, store):
    first = next(store.events(country="Nigeria"))
    event = store.event(first["event_id"])
    assert event["fatalities"] == 9
    assert [c["source"] for c in event["claims"]] == ["police"]
    assert [(a["id"], a["url"], a["outlet"]) for a in event["articles"]] == [("a3", "https://c.example/3", "Wire C")]
    assert store.event("SRNOSUCHEVENT") is None


def test_articles_newest_first_without_text(world, store):
    listed = list(store.articles())
    assert [a["id"] for a in listed] == ["a3", "a1", "a2"]
    assert "text" not in listed[0]
    assert listed[0]["status"] == "events" and listed[0]["published"] == "2024-12-03"
    assert [a["id"] for a in store.articles(limit=1, offset=1)] == ["a1"]


def test_article_has_text_and_event_ids(world, store):
    one = store.article("a1")
    assert one["text"].split()[0] and one["url"] == "https://a.example/1" and one["version"] == 1
    assert one["event_ids"] == [r["event_id"] for r in store.events(article_ids=["a1"])]
    assert store.article("zzz") is None


def test_article_without_events_keeps_its_reason(store, make_result):
    store.save(make_result("quiet", []))
    [listed] = list(store.articles())
    assert listed["status"] == "no events" and listed["reason"] == "no event reported"
    assert store.article("quiet")["event_ids"] == []


def test_actors_by_number_of_events(world, store):
    actors = {a["actor"]: a for a in store.actors()}
    assert actors["Military Forces of Syria"] == {"actor": "Military Forces of Syria", "events": 2, "fatalities": 137}
    assert actors["Hayat Tahrir al-Sham"]["events"] == 1
    assert next(store.actors())["actor"] == "Military Forces of Syria"


def test_stats_by_day_and_week(world, store):
    by_day = store.stats()
    assert {"period": "2024-11-27", "group": "Battles", "events": 1, "fatalities": 132} in by_day
    assert [r["period"] for r in by_day] == sorted(r["period"] for r in by_day)
    by_week = store.stats(EventQuery(country="Syria"), by="week", group="country")
    assert by_week == [{"period": "2024-11-18", "group": "Syria", "events": 1, "fatalities": 5},
                       {"period": "2024-11-25", "group": "Syria", "events": 1, "fatalities": 132}]
    with pytest.raises(StoreError, match="group"):
        store.stats(group="colour")


def test_has_url(world, store):
    assert store.has_url("https://a.example/1")
    assert not store.has_url("https://a.example/404")


def test_feed_state_round_trips(store):
    assert store.feed_state("https://feed.example/rss") is None
    state = FeedState("https://feed.example/rss", etag='"abc"', modified="Wed, 27 Nov 2024 10:00:00 GMT",
                      last_polled=dt.datetime(2024, 11, 27, 10, 5, tzinfo=dt.timezone.utc), failures=0)
    store.save_feed_state(state)
    assert store.feed_state(state.url) == state
    later = FeedState(state.url, etag=None, modified=None, last_polled=None, failures=3)
    store.save_feed_state(later)
    assert store.feed_state(state.url) == later


def test_store_reopens_with_its_data(store_target, make_result):
    from sitrep.store import open_store

    with open_store(store_target) as s:
        s.save(make_result("a1", [claim(day=WED, fatalities=toll(7))]))
    with open_store(store_target) as s:
        assert [r["fatalities"] for r in s.events()] == [7]


def test_undated_events_come_last(store, make_result):
    store.save(make_result("dated", [claim(day=WED, place=ALEPPO, actor2=None, fatalities=toll(2))]))
    store.save(make_result("undated", [claim("Air/drone strike", actor1=SYRIA, actor2=HTS, place=None,
                                             fatalities=toll(3))]))
    assert ids(store.events()) == ["dated", "undated"]


def test_every_method_of_the_contract_is_there(store):
    import inspect

    from sitrep.store import Store

    for name, method in inspect.getmembers(Store, inspect.isfunction):
        if name.startswith("_"):
            continue
        mine = getattr(store, name)
        wanted = [p for p in inspect.signature(method).parameters if p != "self"]
        assert list(inspect.signature(mine).parameters)[:len(wanted)] == wanted, name
