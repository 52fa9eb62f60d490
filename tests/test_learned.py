"""The sub-event model: what it reads, that it loads offline, and how it joins the rules."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from sitrep.extract.learned import MODEL_PATH, ModelError, SubEventModel, act_words, features, get_model, stem
from sitrep.taxonomy import BY_NAME

PUBLISHED = dt.date(2022, 3, 9)


def test_act_words_drop_house_style_and_names():
    words = act_words("Property destruction: On 2 March 2022, rioters torched a bus in Lagos (coded as Ikeja). "
                      "2 fatalities. [size=no report]", common=frozenset({"rioters"}))
    assert words[:4] == ["rioter", "torch", "a", "bus"]
    assert "lago" not in words and "ikeja" not in words  # place names are not the act
    assert "fatalit" not in words and "2022" not in words and "size" not in words


def test_a_capitalised_common_word_is_kept():
    # "Police" opens no sentence here but names no place either: the training notes write it in lower case
    assert "polic" in act_words("On Monday Police fired tear gas.", common=frozenset({"police"}))
    assert "polic" not in act_words("On Monday Police fired tear gas.", common=frozenset())


def test_stems_meet():
    assert stem("shelled") == stem("shelling") == stem("shells")
    assert features(["a", "b", "c"]) == ["a", "b", "c", "a b", "b c"]


def test_the_shipped_model_is_small_and_knows_the_types():
    assert MODEL_PATH.stat().st_size < 20_000_000
    model = get_model()
    assert set(model.labels) <= set(BY_NAME)
    assert len(model.labels) >= 23
    assert model.weights.shape == (len(model.index), len(model.labels))


@pytest.mark.parametrize("text, expected", [
    ("Hundreds of teachers marched through the capital to demand higher pay.", "Peaceful protest"),
    ("Protesters threw stones at police and burned tyres on the main road.", "Violent demonstration"),
    ("Gunmen shot dead a shopkeeper in front of his house.", "Attack"),
    ("Soldiers and militants exchanged fire near the village for two hours.", "Armed clash"),
])
def test_predictions_on_plain_news(text, expected):
    prediction = get_model().predict(text)
    assert prediction is not None and prediction.label == expected
    assert abs(sum(prediction.shares.values()) - 1.0) < 1e-4


def test_no_known_word_gives_no_prediction():
    assert get_model().predict("Zxq Qwv!") is None


def test_a_model_round_trips_through_a_file(tmp_path):
    import json

    weights = np.array([[2.0, -2.0], [-2.0, 2.0]], dtype=np.float32)
    meta = {"vocabulary": ["march", "shell"], "labels": ["Peaceful protest", "Shelling/artillery/missile attack"],
            "common": []}
    path = tmp_path / "m.npz"
    np.savez(path, weights=weights, bias=np.zeros(2, dtype=np.float32),
             meta=np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8))
    model = SubEventModel.load(path)
    assert model.predict("they shelled it").label == "Shelling/artillery/missile attack"
    assert model.predict("they marched").label == "Peaceful protest"


def test_a_broken_model_file_is_named(tmp_path):
    path = tmp_path / "broken.npz"
    path.write_bytes(b"not a model")
    with pytest.raises(ModelError, match="broken.npz"):
        SubEventModel.load(path)


# ------------------------------------------------------------------ with the rules, in the pipeline


def events(pipeline, text):
    return pipeline.extract(text, published=PUBLISHED)


@pytest.mark.model
@pytest.mark.parametrize("text, expected, decided_by", [
    ("Russian warplanes pounded the town of Ariha in Idlib on Tuesday, rescuers said.", "Air/drone strike", "air"),
    ("Ukraine's air force said it intercepted 20 Russian drones over Kyiv overnight.", "Disrupted weapons use",
     "intercept"),
    ("Malian troops withdrew from the town of Ber without a fight on Sunday, residents said.",
     "Non-violent transfer of territory", "transfer"),
    ("On 7 March 2022, students demonstrated in Bogota and vandalized the facade of a bank.",
     "Violent demonstration", "protest+riot"),
    ("On 7 March 2022, police arrested three activists in Minsk and beat them in custody, their lawyers said.",
     "Attack", "arrest+hurt"),
])
def test_defining_rules_decide_and_say_so(pipeline, text, expected, decided_by):
    found = events(pipeline, text)
    assert [(e.sub_event_type, e.decided_by) for e in found][:1] == [(expected, decided_by)]


@pytest.mark.model
def test_a_terse_protest_no_rule_reads_is_named_by_the_model(pipeline):
    found = events(pipeline, "On 3 March 2022, around 200 nurses stood outside the health ministry in Rabat "
                             "over unpaid wages.")
    assert [(e.sub_event_type, e.decided_by) for e in found] == [("Peaceful protest", "model")]
    assert found[0].actor1.name == "Protesters (Morocco)"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "A man was arrested on Tuesday in Leeds after stealing a car and crashing it into a shop, police said.",
    "A 45-year-old man was stabbed to death during a robbery at a petrol station in Manchester on Tuesday.",
    "An earthquake killed 12 people in Herat province on Monday, officials said.",
])
def test_crime_and_disasters_are_no_events(pipeline, text):
    assert events(pipeline, text) == []


@pytest.mark.model
def test_unnamed_killers_are_an_unidentified_armed_group(pipeline):
    found = events(pipeline, "On 7 March 2022, unknown individuals shot and killed a shopkeeper in Celaya, Guanajuato.")
    assert found[0].sub_event_type == "Attack"
    assert found[0].actor1.name == "Unidentified Armed Group (Mexico)"
    assert found[0].actor2.name == "Civilians (Mexico)"


@pytest.mark.model
def test_a_mob_beating_a_thief_is_still_mob_violence(pipeline):
    found = events(pipeline, "On 7 March 2022, residents lynched a suspected thief in Kisumu.")
    assert [e.sub_event_type for e in found] == ["Mob violence"]


@pytest.mark.model
def test_the_rules_alone_can_be_asked_for(pipeline):
    from sitrep.extract.claims import extract_claims
    from sitrep.model import Article

    article = Article(id="t", text="On 3 March 2022, around 200 nurses stood outside the health ministry in Rabat over unpaid wages.",
                      published=PUBLISHED)
    analyzed = next(pipeline.analyzer.analyze_many([article]))
    assert extract_claims(analyzed, pipeline.analyzer.registry, use_model=False) == []
    assert [c.decided_by for c in extract_claims(analyzed, pipeline.analyzer.registry)] == ["model"]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Al-Shabab fighters took control of a sizeable town in Middle Shabelle region on Friday after African Union "
     "forces left the area, residents say.", "Non-violent transfer of territory"),
    ("M23 rebels seized control of the town of Rubaya on Monday after heavy fighting with the army, residents said.",
     "Non-state actor overtakes territory"),
])
def test_a_town_taken_without_a_fight_is_a_transfer(pipeline, text, expected):
    assert [e.sub_event_type for e in events(pipeline, text)][:1] == [expected]


@pytest.mark.model
def test_an_announced_blockade_is_no_event(pipeline):
    assert events(pipeline, "French farm unions warned on Friday that they will blockade Paris from Monday evening.") == []


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    # the grievance is not the demonstrators' violence
    ("On 28 April 2022, members of a party demonstrated in Kartal against an assault on one of their officials "
     "earlier that week.", "Peaceful protest"),
    ("On 5 January 2022, in Hakkari, families who say their children were kidnapped marched in protest.",
     "Peaceful protest"),
    ("On 14 February 2022, hospital staff staged a sit-in in Nowshera city against the new policies.",
     "Peaceful protest"),
    ("On 7 March 2022, protesters assaulted two journalists during a demonstration in Lima.", "Violent demonstration"),
])
def test_protest_violence_is_the_protesters_own(pipeline, text, expected):
    assert [e.sub_event_type for e in events(pipeline, text)][:1] == [expected]


@pytest.mark.model
@pytest.mark.parametrize("text, actor1, actor2", [
    ("On 16 June 2022, Russian forces and Ukrainian forces fought each other near Krasnopillia, Donetsk.",
     "Military Forces of Russia", "Military Forces of Ukraine"),
    ("On 3 June 2022, Taliban forces and NRF fighters clashed in Panjshir.",
     "Military Forces of Afghanistan", "National Resistance Front"),
])
def test_two_sides_of_a_clash(pipeline, text, actor1, actor2):
    found = events(pipeline, text)
    assert (found[0].actor1.name, found[0].actor2.name) == (actor1, actor2)


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    # an execution-style drive-by: ACLED's Brazil coders name "gang and/or police militia"
    ("On 5 March 2022, in Maceio (Alagoas), two gunmen riding a motorcycle shot a man dead in a drive-by attack "
     "in the Benedito Bentes neighborhood.", "Unidentified Gang and/or Police Militia"),
    # a shooting with no such mark stays an unidentified armed group
    ("On 5 March 2022, in Maceio (Alagoas), two gunmen shot a man dead in the Benedito Bentes neighborhood.",
     "Unidentified Armed Group (Brazil)"),
    # Mexico: a bound body with a message is organised crime's; gunmen alone are an armed group
    ("On 5 March 2022, in Celaya, Guanajuato, a man was murdered and his body was found with bound hands next to a "
     "message.", "Unidentified Gang (Mexico)"),
    ("On 5 March 2022, in Celaya, Guanajuato, two armed men shot and killed a man in Colonia Centro.",
     "Unidentified Armed Group (Mexico)"),
])
def test_unknown_killers_take_acleds_local_name(pipeline, text, expected):
    found = events(pipeline, text)
    assert found[0].actor1.name == expected


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    # a gang member killed by a rival is a clash between armed groups in ACLED's coding
    ("On 25 February 2022, in Campeche, two armed men stabbed and wounded a young man. The victim was a drug "
     "dealer.", "Armed clash"),
    # the student is the victim, not the group he was accused of supporting
    ("On 11 January 2022, in Jeldu woreda, Oromiya special police shot dead a university student whom they accused "
     "of backing OLF Shane.", "Attack"),
])
def test_who_the_victim_is(pipeline, text, expected):
    assert [e.sub_event_type for e in events(pipeline, text)][:1] == [expected]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Defusal: On 31 May 2022, troops found an IED close to Ouanobian village and made it safe.",
     "Disrupted weapons use"),
    ("On 2 March 2022, someone set off a smoke grenade at a party meeting in Romans-sur-Isere, starting a small "
     "fire.", None),
    ("On 19 June 2022, Al Shabaab militants tossed a hand grenade at troops manning a checkpoint in Mogadishu. "
     "The troops returned fire.", "Armed clash"),
])
def test_weapons_that_did_not_strike(pipeline, text, expected):
    found = [e.sub_event_type for e in events(pipeline, text)]
    assert "Grenade" not in found and "Remote explosive/landmine/IED" not in found
    if expected:
        assert expected in found


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "On 20 April 2022, in Angico village, military police forces seized about 3,000 cannabis plants.",
    "On 12 May 2022, Russian forces captured the parish priest of Chernihivka, Zaporizhia region.",
])
def test_seizing_things_or_people_is_no_territory(pipeline, text):
    found = [e.sub_event_type for e in events(pipeline, text)]
    assert not {"Government regains territory", "Non-state actor overtakes territory"} & set(found)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Police said a South Side man has been charged with murder over the stabbing death of a tech executive last month.",
    "A bloc of East African states on Monday proposed a summit to discuss sending troops into Sudan.",
    "A rights group said the army and the Moro Islamic Liberation Front have both broken the ceasefire agreement.",
])
def test_courts_plans_and_old_agreements_are_no_events(pipeline, text):
    assert events(pipeline, text) == []


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("One soldier died and two were hurt when a roadside bomb went off near Samarra on Sunday, the army said.",
     "Remote explosive/landmine/IED"),
    ("The Ugandan army said on Monday it had sent extra troops to the north-west of the country.",
     "Change to group/activity"),
    ("On Sunday, soldiers staged a coup in Conakry and said they had dissolved the government.", "Other"),
])
def test_news_wording_of_defined_acts(pipeline, text, expected):
    assert expected in [e.sub_event_type for e in events(pipeline, text)]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("On 20 January 2022, BLF fighters shot at a Pakistan Navy post in Surbandar town, Balochistan.", "Armed clash"),
    ("Around 22 February 2022, several shops were demolished in Sholgara district, Balkh, on the orders of the "
     "Taliban mayor.", "Looting/property destruction"),
    ("On 25 June 2022, JNIM militants forcibly evicted fishermen from several hamlets near Djenne, Mopti.", "Other"),
])
def test_terse_acts_of_the_notes(pipeline, text, expected):
    assert expected in [e.sub_event_type for e in events(pipeline, text)]


@pytest.mark.model
def test_property_burned_by_the_attackers_stays_in_their_attack(pipeline):
    found = events(pipeline, "Fighters of ISWAP killed at least 17 farmers late on Sunday in an attack on a village "
                             "near Dikwa in Borno state, police said. The attackers also set fire to houses and grain "
                             "stores, residents said.")
    assert [e.sub_event_type for e in found] == ["Attack"]


@pytest.mark.model
def test_the_aircraft_that_dropped_bombs_is_the_strike_told_before(pipeline):
    found = events(pipeline, "A Myanmar military jet bombed a village near Kanbalu town in Sagaing region on Monday, "
                             "killing nine civilians, residents said. The aircraft dropped two bombs on the village "
                             "shortly before dawn, destroying a monastery.")
    assert [e.sub_event_type for e in found] == ["Air/drone strike"]


@pytest.mark.model
def test_a_protest_told_in_the_present_is_an_event_unless_it_is_a_habit(pipeline):
    assert [e.sub_event_type for e in events(pipeline, "Doctors protest over pay in Nairobi.")] == ["Peaceful protest"]
    assert events(pipeline, "Doctors often protest over pay in Nairobi.") == []


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("On 10 April 2022, some 500 people marched in Rennes. They smashed the windows of a restaurant and burned "
     "bins.", "Violent demonstration"),
    ("On 10 January 2022, over 600 migrants protested in front of a shut UN office in Tripoli. Libyan police broke "
     "up the crowd with tear gas.", "Protest with intervention"),
])
def test_later_sentences_say_how_a_protest_went(pipeline, text, expected):
    assert [e.sub_event_type for e in events(pipeline, text)][:1] == [expected]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "On 19 March 2020, an attack by Taliban militants on a checkpoint in Lashkargah city, Helmand, left 4 Afghan "
    "security personnel dead.",
    "On 8 March 2020, in Jalalabad city, Nangarhar, 1 policeman died and 7 people were hurt when 2 bombs planted by "
    "Taliban went off.",
])
def test_whose_attack_or_bomb_it_was_acted(pipeline, text):
    found = pipeline.extract(text, published=dt.date(2020, 3, 20))
    assert found[0].actor1 is not None and found[0].actor1.name == "Taliban"
