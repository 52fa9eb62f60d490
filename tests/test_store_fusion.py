"""Fusion across articles in the store: ten outlets, one event (SQLite and PostgreSQL)."""
from __future__ import annotations

import datetime as dt

import pytest
from factories import AIRPORT, ALEPPO, HTS, IDLIB, MILITIA, SYRIA, claim, mention, toll

from sitrep.model import Actor, DateInfo, Place

WED = dt.date(2024, 11, 27)
THU, FRI = dt.date(2024, 11, 28), dt.date(2024, 11, 29)
# 20 km from Aleppo, in the same district (admin2)
ATAREB = Place("Al-Atarib", 36.1364, 36.9644, "Syria", "SYR", "Aleppo", "Jabal Saman", 10000, "P", "PPL")
ISIS = Actor("Islamic State (Syria)", 2, "SY")
GUNMEN = Actor("Unidentified Armed Group (Syria)", 3, "SY", registered=False)


def save(store, make_result, aid, claims, **kw):
    kw.setdefault("outlet", f"Outlet {aid}")
    return store.save(make_result(aid, claims, **kw))


def test_two_outlets_one_event(store, make_result):
    first = save(store, make_result, "a1", [claim(day=WED, source="SOHR", fatalities=toll(132))])
    second = save(store, make_result, "a2", [claim(day=WED, source="SANA", place=AIRPORT, fatalities=toll(25),
                                                   actor1=SYRIA, actor2=HTS)])
    assert (first.events_new, second.events_new, second.events_updated) == (1, 0, 1)
    [event] = store.events()
    assert event["article_ids"] == ["a1", "a2"]
    assert event["outlet"] == "Outlet a1; Outlet a2" and event["source"] == "SOHR; SANA"
    assert [c["source"] for c in event["claims"]] == ["SOHR", "SANA"]
    assert (event["fatalities"], event["fatalities_low"], event["fatalities_high"]) == (25, 25, 132)
    assert event["conflicting_claims"] is True
    assert event["location"] == "Aleppo"  # the more precise place; both are precision 1, the first wins
    assert "according to SOHR, SANA" in event["notes"]
    stored = store.event(event["event_id"])
    assert [a["id"] for a in stored["articles"]] == ["a1", "a2"]
    assert store.count_events() == 1


def test_updated_toll_from_the_same_source_replaces_the_older(store, make_result):
    save(store, make_result, "late", [claim(day=WED, fatalities=toll(311))], published=FRI)
    save(store, make_result, "early", [claim(day=WED, fatalities=toll(132))], published=THU)
    [event] = store.events()
    assert (event["fatalities"], event["fatalities_low"], event["fatalities_best"], event["fatalities_high"]) \
        == (311, 311, 311, 311)
    assert event["conflicting_claims"] is False
    assert len(event["claims"]) == 2  # the older figure is still listed, just not counted


def test_a_denial_is_flagged_as_conflicting(store, make_result):
    save(store, make_result, "a1", [claim(day=WED, source="SOHR", fatalities=toll(40))])
    save(store, make_result, "a2", [claim(day=WED, source="SANA", fatalities=toll(0))])
    [event] = store.events()
    assert event["conflicting_claims"] is True and event["fatalities_high"] == 40


def test_unsourced_claims_are_each_outlets_own(store, make_result):
    save(store, make_result, "a1", [claim(day=WED, source=None, fatalities=toll(10))], outlet="Wire A")
    save(store, make_result, "a2", [claim(day=WED, source=None, fatalities=toll(12))], outlet="Wire B")
    [event] = store.events()
    assert (event["fatalities"], event["fatalities_high"]) == (10, 12)


def test_different_days_places_or_actors_stay_apart(store, make_result):
    save(store, make_result, "base", [claim(day=WED)])
    save(store, make_result, "other-day", [claim(day=WED - dt.timedelta(days=2))])
    save(store, make_result, "other-place", [claim(day=WED, place=IDLIB)])
    save(store, make_result, "third-party", [claim(day=WED, actor1=ISIS, actor2=MILITIA)])
    save(store, make_result, "other-type", [claim("Air/drone strike", day=WED, actor1=SYRIA, actor2=HTS)])
    assert store.count_events() == 5


def test_same_district_and_overlapping_window_fuse(store, make_result):
    week = DateInfo(None, WED - dt.timedelta(days=6), WED, 2, "last week")
    vague = claim(place=ATAREB, fatalities=toll(12, vague=True))
    vague.date = week
    save(store, make_result, "a1", [vague])
    save(store, make_result, "a2", [claim(day=WED - dt.timedelta(days=2), fatalities=toll(14))])
    [event] = store.events()
    assert event["event_date"] == (WED - dt.timedelta(days=2)).isoformat()  # the more precise date
    assert event["time_precision"] == 1
    assert event["fatalities"] == 14  # SOHR's stated figure beats its vague "a dozen"


def test_generic_actor_joins_a_named_one_but_two_named_do_not(store, make_result):
    save(store, make_result, "a1", [claim("Attack", day=WED, actor1=ISIS, actor2=None, fatalities=toll(3))])
    save(store, make_result, "a2", [claim("Attack", day=WED, actor1=GUNMEN, actor2=None, place=AIRPORT)])
    save(store, make_result, "a3", [claim("Attack", day=WED, actor1=HTS, actor2=None)])
    assert sorted(e["article_ids"] for e in store.events()) == [["a1", "a2"], ["a3"]]


def test_a_cumulative_toll_stays_an_aggregate(store, make_result):
    daily = claim(day=WED, fatalities=toll(20))
    total = claim(fatalities=toll(500))
    total.aggregate = True
    total.date = DateInfo(None, WED - dt.timedelta(days=30), WED, 3, "this month")
    save(store, make_result, "a1", [daily])
    save(store, make_result, "a2", [total])
    events = list(store.events())
    assert sorted((e["aggregate"], e["fatalities"]) for e in events) == [(False, 20), (True, 500)]


def test_no_two_events_of_one_article_fuse_through_another(store, make_result):
    """The article's own fusion kept its two clashes apart; another report cannot join them."""
    save(store, make_result, "a1", [claim(day=WED, fatalities=toll(5)),
                                    claim(start=40, day=WED, actor2=MILITIA, place=AIRPORT, fatalities=toll(3))])
    save(store, make_result, "a2", [claim(day=WED, fatalities=toll(6))])
    events = list(store.events())
    assert len(events) == 2
    assert sorted(len(e["article_ids"]) for e in events) == [1, 2]


def test_a_new_version_replaces_its_claims_and_keeps_the_event(store, make_result):
    save(store, make_result, "v1", [claim(day=WED, fatalities=toll(40))], url="https://x.example/story")
    save(store, make_result, "other", [claim(day=WED, source="SANA", fatalities=toll(30))])
    [before] = store.events()
    outcome = save(store, make_result, "v2", [claim(day=WED, fatalities=toll(45))], url="https://x.example/story")
    assert outcome.status == "updated" and outcome.events_updated == 1 and outcome.events_new == 0
    [after] = store.events()
    assert after["event_id"] == before["event_id"]
    assert sorted(after["article_ids"]) == ["other", "v2"]
    assert sorted(c["fatalities"]["best"] for c in after["claims"]) == [30, 45]
    assert store.article("v1") is None and store.article("v2")["version"] == 2


def test_a_new_version_alone_keeps_its_event_id(store, make_result):
    save(store, make_result, "v1", [claim(day=WED, fatalities=toll(40))], url="https://x.example/s")
    [before] = store.events()
    save(store, make_result, "v2", [claim(start=30, day=WED, fatalities=toll(41))], url="https://x.example/s")
    [after] = store.events()
    assert after["event_id"] == before["event_id"] and after["fatalities"] == 41
    assert after["article_ids"] == ["v2"]


def test_fusion_finds_the_nearest_of_several_events(store, make_result):
    save(store, make_result, "city", [claim(day=WED, place=ALEPPO, actor1=ISIS, actor2=None)])
    save(store, make_result, "village", [claim(day=WED, place=ATAREB, actor1=HTS, actor2=SYRIA)])
    save(store, make_result, "report", [claim(day=WED, place=ATAREB, actor1=SYRIA, actor2=HTS)])
    by_size = sorted(store.events(), key=lambda e: len(e["article_ids"]))
    assert by_size[-1]["article_ids"] == ["village", "report"]


def test_country_level_reports_do_not_fuse(store, make_result):
    syria = Place("Syria", 35.0, 38.0, "Syria", "SYR", None, None, None, "A", "PCLI")
    for aid in ("a1", "a2"):
        one = claim(day=WED, place=syria)
        one.place = mention(syria, precision=3)
        save(store, make_result, aid, [one])
    assert store.count_events() == 2


def test_a_later_uncounted_mention_does_not_erase_a_figure(store, make_result):
    noted = toll(0, note="killed or injured with no number: counted 0")
    save(store, make_result, "early", [claim(day=WED, fatalities=toll(9))], published=THU)
    save(store, make_result, "late", [claim(day=WED, fatalities=noted)], published=FRI)
    [event] = store.events()
    assert event["fatalities"] == 9


@pytest.mark.model
def test_two_outlets_through_the_whole_pipeline(store):
    from sitrep.model import Article
    from sitrep.pipeline import Pipeline

    monday = dt.date(2025, 3, 10)
    articles = [
        Article("police", "Gunmen killed five villagers in Zamfara state on Sunday, police said.",
                published=monday, outlet="Daily A"),
        Article("residents", "Armed men attacked a village in Zamfara state on Sunday, killing six people, "
                             "residents told reporters.", published=monday, outlet="Daily B"),
    ]
    outcomes = [store.save(result) for result in Pipeline().run(articles)]
    assert [(o.events_new, o.events_updated) for o in outcomes] == [(1, 0), (0, 1)]
    [event] = store.events()
    assert event["article_ids"] == ["police", "residents"] and event["event_date"] == "2025-03-09"
    assert (event["fatalities"], event["fatalities_low"], event["fatalities_high"]) == (5, 5, 6)
    assert event["outlet"] == "Daily A; Daily B"
