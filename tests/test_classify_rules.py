"""Classification rules grounded in ACLED's codebook definitions, each with its own sentences."""
from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.model
PUBLISHED = dt.date(2022, 3, 9)


@pytest.fixture(scope="module")
def pipeline():
    from sitrep.pipeline import Pipeline

    return Pipeline()


def types(pipeline, text: str) -> list[str]:
    return [e.sub_event_type for e in pipeline.extract(text, published=PUBLISHED)]


@pytest.mark.parametrize("text, expected", [
    # an ACLED note's label names the kind of strategic development, whatever the verb says
    ("Property destruction: On 4 March 2022, soldiers burned down a barn belonging to a village elder in Kanpetlet.",
     "Looting/property destruction"),
    ("Movement of forces: On 4 March 2022, a column of Malian army vehicles crossed into Gao from the north.",
     "Change to group/activity"),
    ("Other: On 4 March 2022, the junta dissolved the electoral commission of the Kayah region in Loikaw.", "Other"),
    ("Defusal: On 4 March 2022, police found and disarmed a pipe bomb near a bus stop in Kisumu.",
     "Disrupted weapons use"),
])
def test_note_label_names_the_type(pipeline, text, expected):
    assert types(pipeline, text) == [expected]


def test_a_label_must_open_the_note(pipeline):
    text = "On 4 March 2022, rebels shelled the market in Kaya. Other: two houses were hit."
    assert "Other" not in types(pipeline, text)


@pytest.mark.parametrize("text, expected", [
    # a killing the marchers decry is their grievance, not force used on them
    ("On 4 March 2022, some 200 people marched in Mombasa to protest the death of a boda boda rider who was shot "
     "by police officers in January.", "Peaceful protest"),
    ("On 4 March 2022, lawyers demonstrated outside the high court in Lahore against the killing of a colleague "
     "by unknown gunmen.", "Peaceful protest"),
    # lethal force on the protest itself still is excessive force
    ("On 4 March 2022, soldiers fired live rounds at demonstrators in Omdurman, killing four of them.",
     "Excessive force against protesters"),
])
def test_lethal_force_on_the_protest_not_the_grievance(pipeline, text, expected):
    assert types(pipeline, text) == [expected]


@pytest.mark.parametrize("text, expected", [
    # property, cash or goods seized by an armed group: looting, not a place taken
    ("On 4 March 2022, JNIM militants seized motorbikes, food and cash from traders near the village of Boni.",
     "Looting/property destruction"),
    # people captured away from any fighting: abducted by a foreign force, arrested by their own state's
    ("On 4 March 2022, Russian soldiers captured the imam of the mosque in Vasylivka, Zaporizhia region of Ukraine.",
     "Abduction/forced disappearance"),
    # control regained with no word of fighting is a non-violent transfer
    ("On 4 March 2022, Ukrainian forces retook the village of Lukashivka, Chernihiv. There were no reports of "
     "fighting.", "Non-violent transfer of territory"),
    # the second verb of "X clashed with Y and regained the hill" is X's
    ("On 4 March 2022, FARDC soldiers fought CODECO militiamen and regained control of the Walendu hills.",
     "Government regains territory"),
    ("On 4 March 2022, M23 rebels fought the FARDC near Rutshuru and took control of the village of Kalengera.",
     "Non-state actor overtakes territory"),
])
def test_what_a_seizure_took(pipeline, text, expected):
    assert expected in types(pipeline, text)


def test_fighters_captured_in_a_battle_are_part_of_it(pipeline):
    text = ("On 4 March 2022, troops clashed with Boko Haram fighters near Bama; six militants were killed "
            "and two captured.")
    assert types(pipeline, text) == ["Armed clash"]


def test_whether_it_happened_is_not_told(pipeline):
    assert types(pipeline, "On 4 March 2022, officials in Kherson could not say whether fighting took place.") == []


def test_a_crowd_seizing_a_suspect_abducts_nobody(pipeline):
    found = types(pipeline, "On 4 March 2022, villagers in Kisii seized a man they accused of stealing a cow "
                            "and beat him.")
    assert "Abduction/forced disappearance" not in found and "Arrests" not in found


def test_a_labelled_note_with_no_actor_named_is_kept(pipeline):
    text = "Security measures: On 4 March 2022, the governor's office banned all rallies in Van for 15 days."
    assert types(pipeline, text) == ["Change to group/activity"]


@pytest.mark.parametrize("text, expected", [
    # a road closed or a procession is a protest when a demand is told beside it
    ("On 4 March 2022, farmers shut the road between Sidi Bouzid and Gafsa to demand compensation for lost crops.",
     ["Peaceful protest"]),
    ("On 4 March 2022, about 500 people walked in a candlelit procession through Bari to call for an inquiry into "
     "a teacher's death.", ["Peaceful protest"]),
    ("On 4 March 2022, dock workers blocked the access to the container terminal in Le Havre over pensions.",
     ["Peaceful protest"]),
    ("On 4 March 2022, tenants organised a sit in outside the housing ministry in Tunis.", ["Peaceful protest"]),
    # convened by a union, they protested; "they also demanded" tells more of the same protest
    ("On 4 March 2022, bus drivers called by the transport union protested in Seville, demanding new buses.",
     ["Peaceful protest"]),
    ("On 4 March 2022, members of the youth wing staged a demonstration in Guwahati against fuel prices, they also "
     "demanded lower taxes.", ["Peaceful protest"]),
])
def test_protests_told_in_other_words(pipeline, text, expected):
    assert types(pipeline, text) == expected


def test_a_closed_road_alone_is_no_protest(pipeline):
    assert "Peaceful protest" not in types(pipeline, "On 4 March 2022, traffic police shut the main road in Kebili "
                                                     "for repairs.")


@pytest.mark.parametrize("text, violent", [
    # a symbolic burning, a deed of others named as the grievance, or a place's name is no riot
    ("On 4 March 2022, opposition supporters burnt an effigy of the governor during a rally in Kano.", False),
    ("On 4 March 2022, parents protested in Lima to demand justice for a girl whom a neighbour had assaulted.", False),
    ("On 4 March 2022, residents rallied in Quetta after a fire destroyed 40 shops in the old market.", False),
    ("On 4 March 2022, residents of Burnt Pine Hills marched in Orlando against a new toll.", False),
    # what the marchers did, where they went, is theirs
    ("On 4 March 2022, nurses marched to the town hall in Patras, where they clashed with riot police.", True),
    ("On 4 March 2022, students demonstrated and burnt two buses of the college in Biratnagar.", True),
])
def test_what_the_demonstrators_did(text, violent):
    from sitrep.extract.classify import rioting
    from sitrep.nlp import load_model

    doc = load_model()(text)
    assert rioting(doc[:]) is violent


@pytest.mark.parametrize("text, expected", [
    # unorganised people beating a suspected thief is mob violence, not crime nor an armed attack
    ("On 4 March 2022, traders at the Gikomba market caught and beat up a suspected pickpocket in Nairobi.",
     "Mob violence"),
    ("On 4 March 2022, a group of the pupils assaulted their headmaster in Kericho.", "Mob violence"),
    # party activists fighting after a quarrel are political sides
    ("On 4 March 2022, activists of two rival parties fought with sticks in Comilla after an altercation over "
     "posters, injuring six.", "Mob violence"),
    # an abduction with torture or injury is an attack (codebook 1.3)
    ("On 4 March 2022, two farmers were kidnapped, beaten and tortured by gunmen near Kaduna.", "Attack"),
])
def test_who_did_the_violence(pipeline, text, expected):
    assert expected in types(pipeline, text)


def test_a_strike_called_off_is_no_protest(pipeline):
    assert types(pipeline, "On 4 March 2022, the teachers' union called off its planned strike in Abuja "
                           "after talks with the ministry.") == []
