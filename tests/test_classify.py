"""Classification decisions that ACLED's codebook settles, one sentence or passage each."""
from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.model
PUBLISHED = dt.date(2022, 3, 9)


@pytest.fixture(scope="module")
def pipeline():
    from sitrep.pipeline import Pipeline

    return Pipeline()


def types(pipeline, text: str, published: dt.date = PUBLISHED) -> list[str]:
    return [e.sub_event_type for e in pipeline.extract(text, published=published)]


@pytest.mark.parametrize("text, expected", [
    # a month name is not a march
    ("On 5 March 2022, Saudi-led coalition warplanes conducted an air raid on Sirwah, Marib.", "Air/drone strike"),
    # a purpose infinitive happened; what a subject demands does not stop the act
    ("On 7 March 2022, drivers parked trucks on the highway in Guanare to protest against fuel prices.",
     "Peaceful protest"),
    ("On 7 March 2022, protesters demanded justice in Merida.", "Peaceful protest"),
    # a crowd's brawl is mob violence; rioting with demands is a violent demonstration
    ("On 7 March 2022, supporters of two parties clashed with sticks in Kandhkot, injuring 30 people.", "Mob violence"),
    ("On 7 March 2022, residents blocked the road with burning tyres in Castara to demand water.",
     "Violent demonstration"),
    # victims are civilians unless named as armed; off-duty soldiers are civilians
    ("On 7 March 2022, gunmen shot and killed an off-duty soldier in Vila Velha.", "Attack"),
    ("On 7 March 2022, gunmen killed two soldiers at a checkpoint in Maiduguri.", "Armed clash"),
    ("On 7 March 2022, a mine attack by the PDF hit a military convoy near Monywa.", "Remote explosive/landmine/IED"),
])
def test_decision(pipeline, text, expected):
    assert expected in types(pipeline, text)


def test_dispersal_after_a_protest_is_an_intervention(pipeline):
    text = ("On 7 March 2022, demonstrators staged a sit-in in front of the embassy in Dakar. "
            "The police intervened to dislodge the demonstrators.")
    assert types(pipeline, text) == ["Protest with intervention"]


def test_intentions_and_habits_are_not_events(pipeline):
    assert types(pipeline, "The rebels plan to attack Goma next week, a spokesman said.") == []
    assert types(pipeline, "Bandits often kidnap travellers for ransom on the roads of Zamfara.") == []


def test_taliban_by_era(pipeline):
    text = "On 21 March 2020, Taliban militants attacked an army checkpoint in Dawlat Abad, Balkh."
    [event] = pipeline.extract(text, published=dt.date(2020, 3, 21))
    assert event.actor1.name == "Taliban" and event.actor1.inter == 2
