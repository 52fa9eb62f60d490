"""Short passages of ordinary news give no event, and say why: private quarrels, criminal
arrests, arms trade, trend figures, a court's work, memorials. Events beside them stay events."""
from __future__ import annotations

import datetime as dt

import pytest

from sitrep.model import Article

pytestmark = pytest.mark.model
PUBLISHED = dt.date(2022, 3, 9)


def run(pipeline, text: str):
    return next(pipeline.run([Article(id="t", text=text, published=PUBLISHED, origin="t")]))


@pytest.mark.parametrize("text, rule", [
    ("A farmer was hacked to death by his nephew over a land dispute in Kisoro district on Sunday.",
     "private-quarrel"),
    ("A woman confessed to killing her husband over money at their home in Mbale on Monday.", "private-quarrel"),
    ("A man handed himself to police and admitted killing his sister over land. Her relatives said he had cut "
     "off her head with a machete.", "private-quarrel"),
    ("Police arrested three suspected drug dealers in a raid on a house in Durban on Tuesday.", "criminal-arrest"),
    ("Two alleged burglars were arrested after a break-in at a pharmacy in Kumasi on Friday.", "criminal-arrest"),
    ("A woman was arrested in Leeds on Tuesday on suspicion of burglary at a jewellery shop.", "criminal-arrest"),
    ("Health officials confirmed on Monday that the death of a farmer in Kampong Cham was due to bird flu.",
     "other-sense"),
    ("The navy has signed a deal for the purchase of six patrol helicopters from an Italian firm.", "trade"),
    ("The ministry said it would spend $2 billion to buy two squadrons of fighter jets next year.", "trade"),
    ("The death toll among civilians in the province rose 20% this year, the minister told parliament on Monday.",
     "trend"),
    ("The judge read out the verdict on Monday and sentenced the former teacher to eight years in prison.",
     "court-work"),
    ("Hundreds of families gathered on Sunday to commemorate the victims of the 2004 school siege.", "memorial"),
    ("The militant group vowed to keep fighting in the north in a video released on Friday.", "threat"),
])
def test_no_event_and_why(pipeline, text, rule):
    result = run(pipeline, text)
    assert result.events == []
    assert result.reason.startswith("no event reported (" + rule + ": ")


@pytest.mark.parametrize("text, expected", [
    # a quarrel between armed groups, or over land with a gang of attackers, is political violence
    ("On 7 March 2022, gunmen killed a village chief over a land dispute in Bokkos.", "Attack"),
    # the arrest of a militant or of protesters is an event
    ("On 7 March 2022, police arrested two rebel commanders in a raid on a house in Beni.", "Arrests"),
    # a weapon used, not bought
    ("On 7 March 2022, fighter jets struck a convoy near Idlib, killing six people.", "Air/drone strike"),
    # a protest over a rise in prices is a protest
    ("On 7 March 2022, retirees protested in Rasht demanding that pensions rise by more than 10%.",
     "Peaceful protest"),
    # a gathering on an anniversary that demands something is a protest
    ("On 7 March 2022, hundreds gathered in Sarajevo to mark the anniversary and demand justice for the victims.",
     "Peaceful protest"),
])
def test_events_stay(pipeline, text, expected):
    assert expected in [e.sub_event_type for e in run(pipeline, text).events]


def test_a_quarrel_beside_a_clash_is_set_aside_alone(pipeline):
    text = ("A trader was killed by his neighbour over a debt in Kasese on Monday.\n\n"
            "Soldiers later shot dead two rebels who attacked the police post in the town.")
    assert [e.sub_event_type for e in run(pipeline, text).events] == ["Armed clash"]
