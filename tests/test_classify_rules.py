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


@pytest.mark.parametrize("text, expected", [
    # force the protest met, not what the crowd did itself or what it complains of
    ("On 4 March 2022, parents protested outside a school in Tarija, saying the ministry had not intervened in "
     "the dispute.", "Peaceful protest"),
    ("On 4 March 2022, residents staged a sit-in on the Akcakale highway; the group later dispersed peacefully.",
     "Peaceful protest"),
    ("On 4 March 2022, students protested in Dhanbad over a pupil who died after being beaten by classmates.",
     "Peaceful protest"),
    ("On 4 March 2022, truckers protested in Waterloo against mandates. Police said they arrested two of the "
     "demonstrators for trespassing.", "Protest with intervention"),
])
def test_intervention_on_the_protest(pipeline, text, expected):
    assert types(pipeline, text)[:1] == [expected]


@pytest.mark.parametrize("text, expected", [
    # sexual violence ranks above Attack: a victim also killed keeps the type (codebook 1.3)
    ("On 4 March 2022, suspected militiamen raped and killed a woman near Yenagoa.", "Sexual violence"),
    # ACLED's gang methodology: a victim active in organised crime is a combatant
    ("On 4 March 2022, two gunmen shot dead a man in Culiacan. The victim was involved in drug trafficking.",
     "Armed clash"),
    # positions won inside a fight are the fight, not a location's control changing
    ("On 4 March 2022, Houthi forces clashed with Giants Brigades and seized several positions near Harib.",
     "Armed clash"),
    # looting beside violence against people is the violence (codebook 1.3)
    ("On 4 March 2022, gunmen shot and wounded three herders and looted 40 camels near Kutum.", "Attack"),
    # two sides firing at each other from afar is an armed clash (codebook 1.3)
    ("On 4 March 2022, Armenian and Azerbaijani forces exchanged mortar fire near Sotk.", "Armed clash"),
])
def test_codebook_hierarchy_and_victims(pipeline, text, expected):
    assert types(pipeline, text)[:1] == [expected]


def test_a_capture_needs_something_taken(pipeline):
    assert not {"Government regains territory", "Non-state actor overtakes territory"} & set(
        types(pipeline, "On 4 March 2022, Russian units regrouped and dug in on the captured frontiers near Izium."))


@pytest.mark.parametrize("text, expected", [
    # a crowd wrecking property is mob violence; an armed group burning a school is property destruction
    ("On 4 March 2022, a crowd of villagers ransacked the district office in Dadeldhura.", "Mob violence"),
    ("On 4 March 2022, militants burned a girls' school in Datta Khel; nobody was hurt in the night attack.",
     "Looting/property destruction"),
    ("On 4 March 2022, gunmen torched two schools in Kurram as officials warned of more attacks.",
     "Looting/property destruction"),
])
def test_property_destruction_by_whom(pipeline, text, expected):
    assert types(pipeline, text)[:1] == [expected]


@pytest.mark.parametrize("text, expected", [
    # weapons named by their system or carrier
    ("On 4 March 2022, Russian forces fired Iskander missiles at Uman, Cherkasy, killing two people.",
     "Shelling/artillery/missile attack"),
    ("On 4 March 2022, the Russian air force fired on Huliaipole, Zaporizhia, wounding three residents.",
     "Air/drone strike"),
    ("On 4 March 2022, Houthi forces attacked with four drones a fuel depot in Jizan.", "Air/drone strike"),
    ("On 4 March 2022, PDF fighters struck a military truck near Kani with remote-controlled explosives.",
     "Remote explosive/landmine/IED"),
    # protests named as what someone is punished or accused for are no protest held
    ("On 4 March 2022, intelligence agents arrested an opposition councillor in Bukavu for organising "
     "demonstrations against the governor.", "Arrests"),
])
def test_weapons_and_grounds(pipeline, text, expected):
    assert types(pipeline, text)[:1] == [expected]


def test_a_street_named_like_a_rocket_is_no_shelling(pipeline):
    assert types(pipeline, "On 4 March 2022, residents of Grad street protested in Belgrade over rents.") == \
        ["Peaceful protest"]


@pytest.mark.parametrize("text", [
    "On 4 March 2022, militants ambushed a police patrol with guns outside Kaya, while army helicopters carried "
    "out airstrikes on the attackers. Casualties unknown.",
])
def test_strike_by_a_side_of_a_ground_fight_is_the_battle(pipeline, text):
    # codebook 1.4: an air strike inside a ground battle between the same actors is one Battles event
    assert types(pipeline, text) == ["Armed clash"]


def test_strike_on_someone_else_stays_its_own_event(pipeline):
    text = ("On 4 March 2022, rebels clashed with army soldiers near Zakho. Elsewhere in the district, "
            "army warplanes bombed a village, killing three civilians.")
    assert "Air/drone strike" in types(pipeline, text)
