"""Session 5's actor rules: state forces named after their country, the registry's new main
actors, civil authorities, migrants of no stated nationality, landmarks that are no party,
and the roles read from note labels, one-sided moves and crowds (actors.py, roles.py,
claims.py). The sentences are invented."""
from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract.actors import ActorRegistry, civil_authority, get_registry
from sitrep.extract.roles import CIVILIANS_HURT

PUBLISHED = dt.date(2023, 9, 14)


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return get_registry()


def names(registry: ActorRegistry, text: str, country: str) -> list[tuple[str, str]]:
    return [(m.span.text, m.actor.name) for m in registry.find(text, country)]


# ---------------------------------------------------------------- the registry


@pytest.mark.parametrize("text, country, expected", [
    ("The armed forces of Chad moved north.", "TD", ("The armed forces of Chad", "Military Forces of Chad")),
    ("Later the military forces of Russia fired rockets.", "UA", ("the military forces of Russia",
                                                                  "Military Forces of Russia")),
    ("Myanmar military jets bombed the camp.", "MM", ("Myanmar military", "Military Forces of Myanmar")),
    ("Kenya police officers fired tear gas.", "KE", ("Kenya police officers", "Police Forces of Kenya")),
    ("Turkish gunboats fired at the vessel.", "GR", ("Turkish gunboats", "Military Forces of Turkey")),
    ("Russian air defence systems downed two drones.", "UA", ("Russian air defence systems",
                                                             "Military Forces of Russia")),
    ("An Israeli convoy entered the town.", "LB", ("Israeli convoy", "Military Forces of Israel")),
])
def test_state_forces_named_after_their_country(registry, text, country, expected):
    assert expected in names(registry, text, country)


def test_a_country_named_in_the_phrase_beats_the_articles_country(registry):
    # the article is about Ukraine, but "of Russia" names whose forces they are
    [(_, name)] = names(registry, "The military forces of Russia shelled the town.", "UA")
    assert name == "Military Forces of Russia"


@pytest.mark.parametrize("text, country, expected", [
    ("SSPDF soldiers attacked a NAS base in Yei.", "SS",
     ["Military Forces of South Sudan", "NAS: National Salvation Front"]),
    ("RR and CRPF men cordoned off the village.", "IN", ["Military Forces of India", "Police Forces of India"]),
    ("BGF troops torched three houses.", "MM", ["Military Forces of Myanmar"]),
    ("Pro-IRG forces shelled Houthi positions.", "YE",
     ["Military Forces of Yemen", "Military Forces of Yemen Supreme Political Council"]),
    ("Southern Resistance fighters repelled the attack.", "YE", ["Southern Resistance"]),
    ("Koglweogo militiamen detained two herders.", "BF", ["Koglweogo Militia", "Civilians (Burkina Faso)"]),
    ("Zaire militiamen raided a camp near Djugu.", "CD", ["FPAC: Ituri Self-Defense Popular Front (Zaire)"]),
    ("Sudan Shield Forces fighters entered the town.", "SD", ["Sudan Shield Forces"]),
    ("The Children of Fire claimed the arson of two vans.", "TR", ["Children of Fire"]),
])
def test_main_actors_added_to_the_registry(registry, text, country, expected):
    assert [name for _, name in names(registry, text, country)] == expected


def test_new_allies_fight_for_their_side(registry):
    assert registry.canonical("Sudan Shield Forces", "SD").side == "Military Forces of Sudan"
    assert registry.canonical("Southern Resistance", "YE").side == "Military Forces of Yemen"
    # ACLED's unit names read as the army itself
    assert registry.canonical("Military Forces of Myanmar (2021-) Border Guard Force", "MM").name == \
        "Military Forces of Myanmar"


@pytest.mark.parametrize("text, abbr", [
    ("In Kin Pun village, the KPRF attacked a military convoy with mines.", "KPRF"),
    ("The TYDA ambushed two trucks. Later the TYDA also burned a bridge.", "TYDA"),
])
def test_an_unknown_abbreviation_that_attacks_is_an_armed_group(registry, text, abbr):
    got = [(m.span.text, m.actor.name, m.actor.inter) for m in registry.find(text, "MM")]
    assert (abbr, abbr, 3) in got


@pytest.mark.parametrize("text", [
    "The UN attacked the decision in a statement.",
    "The NGO planted trees along the road.",
])
def test_abbreviations_of_bodies_that_do_not_fight(registry, text):
    assert all(m.actor.inter != 3 for m in registry.find(text, "MM"))


def test_is_in_capitals_is_the_islamic_state_but_not_in_a_shouted_headline(registry):
    assert names(registry, "Later IS claimed the bombing.", "AF") == [("IS", "Islamic State (Afghanistan)")]
    assert names(registry, "WHY THE ROAD IS CLOSED", "AF") == []
    assert names(registry, "The road is closed.", "AF") == []


def test_migrants_of_no_stated_nationality_are_international(registry):
    assert names(registry, "Guards detained 40 migrants at the border.", "TR")[-1] == \
        ("migrants", "Civilians (International)")
    # a nationality names their country
    assert names(registry, "Guards detained 40 Afghan migrants.", "TR")[-1] == \
        ("Afghan migrants", "Civilians (Afghanistan)")


@pytest.mark.parametrize("text", [
    "Maoists torched two trucks at Bela village under Rampur police station limits.",
    "Soldiers detained a man near the Kyauk Pyin police station.",
    "Two bodies were found close to an army camp in the district.",
])
def test_a_station_that_places_the_event_is_no_party(registry, text):
    assert not any(name.startswith("Police Forces") for _, name in names(registry, text, "IN"))
    assert [name for span, name in names(registry, text, "IN") if span.lower() in ("police", "army")] == []


def test_an_attacked_police_station_still_names_the_police(registry):
    got = names(registry, "Gunmen attacked a police station in the town.", "NG")
    assert ("police", "Police Forces of Nigeria") in got


def test_the_government_is_found_only_where_no_other_actor_is_named(registry):
    got = names(registry, "The government declared a curfew in Lamu. Protesters marched to the "
                          "government offices. Police arrested two men, authorities said.", "KE")
    assert got == [("The government", "Government of Kenya"), ("Protesters", "Protesters (Kenya)"),
                   ("Police", "Police Forces of Kenya")]
    assert civil_authority(registry.find("The Polish government expelled them.", "PL")[0].actor)
    assert registry.find("The Polish government expelled them.", "PL")[0].actor.name == "Government of Poland"


@pytest.mark.parametrize("text", [
    "He was shot dead at Kafur in Dandume Local Government Area of Katsina State.",
    "Shells fell on government-held areas of the city.",
    "Gunmen burned a government building in the town.",
    "Students marched to demand to the authorities more security.",  # addressed, not acting
    "Activists gathered at the square, accusing authorities of neglect.",
])
def test_government_as_a_place_or_a_thing_is_no_party(registry, text):
    assert not any(civil_authority(m.actor) for m in registry.find(text, "NG"))


@pytest.mark.parametrize("text, hurt", [
    ("Shelling hit the district, killing 1 child.", True),
    ("Two civilians got wounded in the blast.", True),
    ("The drone struck a car, wounding a 15-year-old girl.", True),
    ("The strike killed at least 5 people.", True),
    ("The shelling killed two soldiers.", False),
    ("Houses were damaged.", False),
])
def test_civilians_hurt_either_way_round(text, hurt):
    assert bool(CIVILIANS_HURT.search(text)) is hurt


# ---------------------------------------------------------------- roles in the pipeline


pipeline_test = pytest.mark.model


def first_event(pipeline, text):
    events = pipeline.extract(text, published=PUBLISHED)
    assert events, text
    return events[0]


def name(actor):
    return actor.name if actor is not None else None


@pipeline_test
@pytest.mark.parametrize("text, actor1", [
    ("Non-violent activity: On 3 September 2023, presumed JNIM militants ran a checkpoint near the "
     "village of Tanwalbougou (Fada N'Gourma, Gourma).", "JNIM: Group for Support of Islam and Muslims"),
    ("Movement of forces: On 3 September 2023, a Turkish forces convoy arrived in Tal Tamr district "
     "(Al Hasakeh).", "Military Forces of Turkey"),
])
def test_a_long_note_label_reads_roles_around_the_verb_after_it(pipeline, text, actor1):
    event = first_event(pipeline, text)
    assert (name(event.actor1), name(event.actor2)) == (actor1, None)


@pipeline_test
def test_a_force_movement_names_no_one_acted_on(pipeline):
    text = ("Movement of forces: On 3 September 2023, Turkish army forces launched a ground operation "
            "against PKK militants in Semdinli district (Hakkari).")
    event = first_event(pipeline, text)
    assert event.sub_event_type == "Change to group/activity"
    assert (name(event.actor1), name(event.actor2)) == ("Military Forces of Turkey", None)


@pipeline_test
def test_a_defection_keeps_the_group_joined(pipeline):
    text = ("Change to armed group: On 3 September 2023, in Demoso township (Kayah state), two police "
            "officers defected to the Karenni Nationalities Defense Force with their weapons.")
    event = first_event(pipeline, text)
    assert event.sub_event_type == "Change to group/activity"
    assert event.actor2 is not None


@pipeline_test
def test_settlers_in_a_mob_are_the_countrys_rioters_with_the_group_associated(pipeline):
    text = ("On 3 September 2023, a group of Israeli settlers beat two Palestinian farmers in Qaryut "
            "village (Nablus, West Bank).")
    event = first_event(pipeline, text)
    assert event.event_type == "Riots"
    assert name(event.actor1) == "Rioters (Israel)"
    assert "Settlers (Israel)" in [a.name for a in event.assoc_actor_1]


@pipeline_test
def test_a_governments_ban_is_the_governments(pipeline):
    text = ("Security measures: On 3 September 2023, the government of Kenya declared a 30-day "
            "dusk-to-dawn curfew in Lamu county.")
    event = first_event(pipeline, text)
    assert name(event.actor1) == "Government of Kenya"


@pipeline_test
def test_arrests_by_the_authorities_are_the_polices(pipeline):
    text = "On 3 September 2023, authorities arrested 12 men in Mombasa (Mombasa) over the killings."
    event = first_event(pipeline, text)
    assert event.sub_event_type == "Arrests"
    assert name(event.actor1) == "Police Forces of Kenya"


@pipeline_test
def test_a_protest_against_the_government_names_no_government(pipeline):
    text = "On 3 September 2023, hundreds of people protested against the government in Nairobi (Nairobi)."
    event = first_event(pipeline, text)
    assert (name(event.actor1), name(event.actor2)) == ("Protesters (Kenya)", None)


@pipeline_test
def test_a_strike_that_killed_a_child_hit_civilians(pipeline):
    text = "On 3 September 2023, Russian forces shelled Kupiansk (Kharkiv), killing a child."
    event = first_event(pipeline, text)
    assert name(event.actor1) == "Military Forces of Russia"
    assert name(event.actor2) == "Civilians (Ukraine)"


@pipeline_test
def test_a_mine_that_maimed_a_boy_hit_civilians(pipeline):
    text = ("On 3 September 2023, a landmine planted by Houthi forces exploded in Hays (Al Hudaydah), "
            "maiming a boy who was herding goats.")
    event = first_event(pipeline, text)
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert name(event.actor2) == "Civilians (Yemen)"


@pipeline_test
def test_the_group_a_victim_is_accused_of_supporting_is_no_party(pipeline):
    text = ("On 3 September 2023, in Pale township (Sagaing region), soldiers burned down four houses "
            "of villagers accused of supporting the PDF.")
    event = first_event(pipeline, text)
    assert name(event.actor1) == "Military Forces of Myanmar"
    assert name(event.actor2) == "Civilians (Myanmar)"


@pipeline_test
def test_an_ally_named_with_the_doer_is_associated_not_acted_on(pipeline):
    text = ("Property destruction: On 3 September 2023, in Kani township (Sagaing region), the Myanmar military "
            "and Pyu Saw Htee members burned down 40 houses in Ywa Thit village.")
    event = first_event(pipeline, text)
    assert name(event.actor1) == "Military Forces of Myanmar"
    assert "Pyu Saw Htee" in [a.name for a in event.assoc_actor_1]
    assert name(event.actor2) == "Civilians (Myanmar)"


@pipeline_test
def test_a_soldier_of_the_military_is_the_military(pipeline):
    text = ("On 3 September 2023, in Thanlyin township (Yangon region), a woman was raped by a sergeant "
            "of the military.")
    event = first_event(pipeline, text)
    assert name(event.actor1) == "Military Forces of Myanmar"
