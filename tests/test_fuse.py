"""Fusion of claims into events, with claims built by hand (no model)."""
from __future__ import annotations

import datetime as dt

from factories import AIRPORT, ALEPPO, CIVILIANS, HTS, IDLIB, MILITIA, SYRIA, article, claim, toll

from sitrep.fuse import fuse_article
from sitrep.model import Place

WED = dt.date(2024, 11, 27)


def test_lead_and_later_paragraph_merge_into_one_event():
    claims = [
        claim("Armed clash", start=0, fatalities=toll(12, vague=True)),
        claim("Non-state actor overtakes territory", start=50),
        claim("Armed clash", start=100, day=WED, fatalities=toll(132, by_party={"HTS": 65, "x": 18, "y": 49}),
              place=None, paragraph=1),
    ]
    [event] = fuse_article(article(), claims)
    assert event.sub_event_type == "Non-state actor overtakes territory"  # hierarchy: capture beats clash
    assert event.event_type == "Battles"
    assert event.event_date == WED
    assert event.fatalities == 132  # a stated number from SOHR replaces SOHR's vague "dozens"
    assert sorted(event.fatalities_by_party.values()) == [18, 49, 65]
    assert len(event.claims) == 3


def test_battle_actors_in_either_order_merge():
    events = fuse_article(article(), [claim(start=0), claim(start=40, actor1=SYRIA, actor2=HTS)])
    assert len(events) == 1


def test_third_party_makes_a_separate_battle():
    events = fuse_article(article(), [claim(start=0), claim(start=40, actor2=MILITIA, place=AIRPORT)])
    assert [e.actor2 for e in events] == [SYRIA, MILITIA]


def test_different_types_stay_apart():
    events = fuse_article(article(), [
        claim(start=0),
        claim("Air/drone strike", start=60, actor1=SYRIA, actor2=CIVILIANS, place=IDLIB),
    ])
    assert [e.sub_event_type for e in events] == ["Armed clash", "Air/drone strike"]
    assert events[1].civilian_targeting is False  # set by extraction, not invented by fusion


def test_conflicting_dates_do_not_merge():
    events = fuse_article(article(), [claim(start=0, day=WED), claim(start=40, day=WED - dt.timedelta(days=3))])
    assert len(events) == 2


def test_lowest_credible_toll_across_sources():
    events = fuse_article(article(), [
        claim(start=0, source="SOHR", fatalities=toll(40)),
        claim(start=40, source="SANA", fatalities=toll(25)),
    ])
    [event] = events
    assert (event.fatalities, event.fatalities_low, event.fatalities_high) == (25, 25, 40)
    assert event.conflicting is True
    assert event.sources == ["SOHR", "SANA"]


def test_killed_or_injured_counts_zero_and_does_not_lower_a_figure():
    noted = toll(0, note="killed or injured: counted 0")
    [event] = fuse_article(article(), [claim(start=0, fatalities=toll(7)), claim(start=40, fatalities=noted)])
    assert event.fatalities == 7


def test_stray_trigger_without_actor_or_toll_is_dropped():
    assert fuse_article(article(), [claim(actor1=None, actor2=None)]) == []


def test_event_id_is_stable():
    first = fuse_article(article(), [claim()])[0].event_id
    assert first == fuse_article(article(), [claim()])[0].event_id
    assert first.startswith("SR")


def test_notes_summarize_the_event():
    [event] = fuse_article(article(), [claim(day=WED, fatalities=toll(5))])
    assert event.notes.startswith("On 27 November 2024, Hayat Tahrir al-Sham")
    assert "5 reported fatalities" in event.notes and "SOHR" in event.notes


SYRIA_COUNTRY = Place("Syria", 35.0, 38.0, "Syria", "SYR", None, None, 163843, "A", "PCLI")


def _strike_and_account(**account) -> list:
    strike = claim("Air/drone strike", start=0, actor1=SYRIA, actor2=CIVILIANS, source="witnesses", day=WED,
                   place=IDLIB, fatalities=toll(9))
    version = dict(start=80, actor1=SYRIA, actor2=HTS, source="SANA", day=WED, place=SYRIA_COUNTRY)
    return fuse_article(article(), [strike, claim("Armed clash", **{**version, **account})])


def test_the_doers_own_version_is_a_claim_on_the_same_event():
    # "The army said it had struck a camp of HTS": no place of its own, same day, same doer
    [event] = _strike_and_account()
    assert event.sub_event_type == "Air/drone strike"  # the rival version never decides the type
    assert event.actor2 == CIVILIANS
    assert event.sources == ["witnesses", "SANA"]
    assert len(event.claims) == 2


def test_a_version_with_its_own_place_or_source_or_doer_is_another_event():
    assert len(_strike_and_account(place=ALEPPO)) == 2
    assert len(_strike_and_account(source="witnesses")) == 2
    assert len(_strike_and_account(actor1=MILITIA)) == 2
    assert len(_strike_and_account(day=WED - dt.timedelta(days=2))) == 2
