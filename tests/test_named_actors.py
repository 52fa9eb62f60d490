"""Actors the registry does not list, named from the text in ACLED's style, and the naming
rules around them (sitrep/extract/actors.py, claims.py). Group names here are invented."""
from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract.actors import ActorRegistry, get_registry, same_actor

PUBLISHED = dt.date(2022, 5, 4)


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return get_registry()


def found(registry: ActorRegistry, text: str, country: str) -> list[tuple[str, str, int]]:
    return [(m.span.text, m.actor.name, m.actor.inter) for m in registry.find(text, country)]


# ---------------------------------------------------------------- named groups from the text


def test_a_name_with_its_abbreviation_becomes_abbreviation_colon_name(registry):
    text = ("Fighters of the Thanlwin Valley Revolution Front (TVRF) raided an outpost. "
            "Two TVRF members were hurt.")
    got = found(registry, text, "MM")
    assert [name for _, name, _ in got] == ["TVRF: Thanlwin Valley Revolution Front"] * 2
    assert got[0][2] == 3  # small local groups are political militias in ACLED


def test_an_abbreviation_before_the_name_also_names_the_group(registry):
    text = "Local forces (KLRU: Kyun Lay Resistance Union, and others) laid mines on the road."
    names = [name for _, name, _ in found(registry, text, "MM")]
    assert "KLRU: Kyun Lay Resistance Union" in names
    assert not any(name.startswith("Unidentified") for name in names)  # the brackets name them


def test_a_capitalised_armed_group_name_without_abbreviation(registry):
    text = "The Ngwe Taung Guerrilla Force ambushed a convoy near the river."
    assert found(registry, text, "MM") == [("Ngwe Taung Guerrilla Force", "Ngwe Taung Guerrilla Force", 3)]


def test_fighters_named_after_an_unknown_abbreviation(registry):
    got = found(registry, "Three ZLM militants were wounded in the exchange.", "PH")
    assert got == [("ZLM militants", "ZLM", 2)]


@pytest.mark.parametrize("text, country", [
    ("Members of the Special Forces and the Air Force were deployed.", "MM"),  # generic units
    ("The Ukrainian Volunteer Corps moved north.", "UA"),  # a country and generic words only
    ("Workers of the Kyauk Metal Workers Union marched downtown.", "MM"),  # no armed word
    ("A choir of the Golden Light Group sang at the event.", "MM"),
    ("Troops moved to Al Bayda (coded to Nati (Al Hazm Front)).", "YE"),  # a front line, not a group
    ("Soldiers of the 33rd Light Infantry Division arrived.", "MM"),
])
def test_words_that_name_no_group_of_its_own(registry, text, country):
    assert not any(inter == 3 and not name.endswith(")") and not name.startswith("Military")
                   for _, name, inter in found(registry, text, country)), found(registry, text, country)


def test_a_registered_actor_keeps_its_name(registry):
    got = found(registry, "The Kachin Independence Army (KIA) shelled a base.", "MM")
    assert {name for _, name, _ in got} == {"KIO/KIA: Kachin Independence Organization/Kachin Independence Army"}


def test_a_generic_word_inside_a_name_yields_to_the_name(registry):
    # "army" alone would be the state's forces; here it ends a group's name
    got = found(registry, "The Shwe Kyin Federal Army fired on a police post.", "MM")
    assert got[0][1] == "Shwe Kyin Federal Army"


def test_unknown_gunmen_named_in_brackets_are_the_named_group(registry):
    text = "Unknown gunmen (suspected Al Shabaab militants) fired at a minibus."
    assert [name for _, name, _ in found(registry, text, "SO")] == ["Al Shabaab"]


# ---------------------------------------------------------------- comparing names


@pytest.mark.parametrize("a, b, same", [
    ("TVRF: Thanlwin Valley Revolution Front", "Thanlwin Valley Revolution Front", True),
    ("TVRF: Thanlwin Valley Revolution Front", "TVRF", True),
    ("TVRF: Thanlwin Valley Revolution Front", "Thanlwin Valley Army", False),
    ("Protesters (Chile)", "Civilians (Chile)", False),
])
def test_abbreviation_and_full_name_are_one_group(a, b, same):
    assert same_actor(a, b) is same


# ---------------------------------------------------------------- the event's country


def test_a_generic_actor_takes_its_events_country(registry):
    [typed] = registry.find("Protesters gathered.", "KE")  # typed by the article's country
    assert registry.localize(typed.actor, "Uganda", "Kenya").name == "Protesters (Uganda)"
    [named] = registry.find("Kenyan protesters gathered.", "UG")  # the text names Kenya
    assert registry.localize(named.actor, "Uganda", "Uganda").name == "Protesters (Kenya)"
    state = registry.find("Police dispersed them.", "KE")[0].actor
    assert registry.localize(state, "Uganda", "Kenya") is state  # state forces keep their state


# ---------------------------------------------------------------- who acted, when the parse misses it


pipeline_test = pytest.mark.model


@pipeline_test
def test_the_named_armed_group_acted_rather_than_an_unknown_one(pipeline):
    text = ("On 2 May 2022, in Monywa township (Sagaing region), members of the Chindwin Tiger Force kept "
            "a farmer and his son hostage in a barn. The son was tortured.")
    names = [e.actor1.name for e in pipeline.extract(text, published=PUBLISHED) if e.actor1 is not None]
    assert names and all(name == "Chindwin Tiger Force" for name in names)


@pipeline_test
def test_a_bomber_from_a_named_group_is_that_groups(pipeline):
    text = ("On 2 May 2022, late at night, a bomber from Hiran Brigade militants detonated himself, targeting "
            "traders at a market in Beledweyne (Hiraan). Four people were killed.")
    events = pipeline.extract(text, published=PUBLISHED)
    assert events and all(e.actor1 is not None and e.actor1.name == "Hiran Brigade" for e in events)


@pipeline_test
def test_the_victims_are_not_taken_for_the_doer(pipeline):
    text = "On 2 May 2022, an off-duty soldier was shot dead in Kaduna by unknown men on a motorbike."
    [event] = pipeline.extract(text, published=PUBLISHED)
    assert event.actor1 is None or not event.actor1.name.startswith("Military Forces")


@pipeline_test
def test_a_battle_names_the_other_side_told_in_the_next_sentence(pipeline):
    text = ("On 2 May 2022, Taliban forces stormed positions in Paryan district, Panjshir. "
            "Nine NRF fighters were killed in the fighting.")
    sides = {(e.actor1.name if e.actor1 else None, e.actor2.name if e.actor2 else None)
             for e in pipeline.extract(text, published=PUBLISHED) if e.sub_event_type == "Armed clash"}
    assert sides and all(None not in pair and "Unidentified" not in " ".join(pair) for pair in sides), sides


# ---------------------------------------------------------------- Boko Haram by era and faction


def test_a_bare_boko_haram_is_either_faction_and_jas_names_one(registry):
    either = "Islamic State (West Africa) and/or Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"
    jas = "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"
    assert [n for _, n, _ in found(registry, "Suspected Boko Haram fighters burnt a school.", "CM")] == [either]
    assert [n for _, n, _ in found(registry, "Boko Haram (JAS) fighters burnt a school.", "CM")] == [jas]


def test_boko_haram_before_the_split_has_its_name_of_the_time(registry):
    from sitrep.extract.eras import apply_eras

    mentions = registry.find("Boko Haram fighters burnt a school.", "NG")
    assert apply_eras(mentions, dt.date(2016, 3, 1))[0].actor.name == "Boko Haram - Wilayat Gharb Ifriqiyyah"
    assert apply_eras(mentions, dt.date(2022, 3, 1))[0].actor.name.startswith("Islamic State (West Africa) and/or")


def test_a_militia_named_after_a_state_of_another_country(registry):
    # the places may put the report in the Republic of Niger; "Niger militiamen" are Nigeria's
    got = found(registry, "Looting: Niger militiamen drove away goats from a farm near Mashegu.", "NE")
    assert got[0][1] == "Niger Communal Militia (Nigeria)"


# ---------------------------------------------------------------- conventions on the claims


@pipeline_test
def test_crowds_that_fight_a_battle_are_a_militia(pipeline):
    text = ("On 3 May 2022, two tribal groups clashed with rifles over grazing land near Nasiriyah, "
            "Dhi Qar province. One man was killed.")
    clashes = [e for e in pipeline.extract(text, published=PUBLISHED) if e.sub_event_type == "Armed clash"]
    assert clashes
    for event in clashes:
        assert event.actor1.name == "Unidentified Tribal Militia (Iraq)"
        assert event.actor2 is not None and event.actor2.name == "Unidentified Tribal Militia (Iraq)"


@pipeline_test
def test_the_displaced_are_civilians_of_the_country_they_fled(pipeline):
    text = ("Displacement: On 3 May 2022, some 12,000 people, most of them refugees, crossed into Moldova "
            "from Ukraine at the Palanca checkpoint.")
    [event] = pipeline.extract(text, published=PUBLISHED)
    assert event.sub_event_type == "Other"
    assert (event.actor1.name, event.actor2) == ("Civilians (Ukraine)", None)


@pipeline_test
def test_an_armed_group_that_drives_people_out_acted_on_civilians(pipeline):
    text = "Displacement: On 3 May 2022, JNIM militants forced herders out of three hamlets near Tenenkou (Mopti)."
    [event] = pipeline.extract(text, published=PUBLISHED)
    assert event.actor1.name == "JNIM: Group for Support of Islam and Muslims"
    assert event.actor2 is not None and event.actor2.name.startswith("Civilians")


@pipeline_test
@pytest.mark.parametrize("text, expected", [
    ("On 3 May 2022, some 150 Georgians waved flags outside the Russian consulate in Limassol to protest the war.",
     "Protesters (Georgia)"),
    ("On 3 May 2022, about thirty Ghanaian students marched in Lome to demand their scholarships.", "Protesters (Ghana)"),
    # two nationalities, or one only in what they oppose: the crowd is the country's where it marched
    ("On 3 May 2022, Latvian and Georgian activists rallied in Riga against the war.", "Protesters (Latvia)"),
    ("On 3 May 2022, farmers marched in Limassol against the Russian sanctions.", "Protesters (Cyprus)"),
])
def test_a_crowd_named_by_its_nationality(pipeline, text, expected):
    names = [e.actor1.name for e in pipeline.extract(text, published=PUBLISHED)]
    assert names == [expected]


# ---------------------------------------------------------------- theatres' main actors added


@pytest.mark.parametrize("text, country, expected", [
    ("CPC rebels attacked a gendarmerie post near Bossangoa.", "CF", "CPC: Coalition of Patriots for Change"),
    ("YJA STAR fighters ambushed a patrol in Sirnak.", "TR", "PKK-YJA STAR: Kurdistan Workers Party-YJA STAR"),
    ("YBS fighters clashed with Iraqi troops in Sinjar.", "IQ", "YBS: Sinjar Resistance Units"),
    ("The Polisario Front fired shells near Mahbes.", "MA", "Polisario Front"),
    ("Huachicoleros fired on soldiers guarding a pipeline.", "MX", "Huachicoleros (Mexico)"),
    ("Armed drug suspects shot a policeman in Cebu.", "PH", "Armed Drug Suspects (Philippines)"),
    ("FARC dissidents burned a truck in Cauca.", "CO", "FARC Dissident: Revolutionary Armed Forces of Colombia Dissident Faction"),
])
def test_main_actors_of_more_theatres(registry, text, country, expected):
    assert found(registry, text, country)[0][1] == expected


def test_a_front_of_farc_dissidents_is_read_as_the_dissidents(registry):
    got = found(registry, "FARC dissidents of the Segundo Marquetalia Front ambushed soldiers.", "CO")
    assert [name for _, name, _ in got][:1] == ["FARC Dissident: Revolutionary Armed Forces of Colombia Dissident Faction"]
    assert len(got) == 2  # the soldiers; the front is no group of its own
    gold = "FARC Dissident - 36th Front: Revolutionary Armed Forces of Colombia Dissident Faction (36th Front)"
    assert same_actor(gold, got[0][1], "Colombia")


# ---------------------------------------------------------------- the doer named nearby, rule by rule


def doer(pipeline, text: str, sub_event_type: str):
    """What ``_armed_named`` names as the doer of an act told in the text's first sentence."""
    from sitrep.extract.claims import _armed_named, _Context
    from sitrep.model import Article, Claim, DateInfo

    analyzed = pipeline.analyzer.analyze(Article(id="t", text=text, title="", published=PUBLISHED))
    first = analyzed.sentences[0]
    ctx = _Context(analyzed, pipeline.analyzer.registry, analyzed.country, DateInfo(), None, False)
    claim = Claim("t", sub_event_type, first.span, paragraph=first.paragraph)
    actor = _armed_named(ctx, claim)
    return actor.name if actor is not None else None


@pipeline_test
@pytest.mark.parametrize("text, sub_event_type, expected", [
    # told in a later sentence that blames it, but not in background told after the act
    ("On 2 May 2022, near Namtu town (Shan State), a mine blew up a car. TNLA fighters are suspected to be behind it.",
     "Remote explosive/landmine/IED", "TNLA: Ta'ang National Liberation Army"),
    ("On 2 May 2022, near Namtu town (Shan State), a mine blew up a car. The TNLA held the area in March.",
     "Remote explosive/landmine/IED", None),
    # state forces near a bomb are its target; a prisoner's death is his jailers'
    ("On 2 May 2022, in Lashio (Shan State), a bomb went off at a gate guarded by soldiers.",
     "Remote explosive/landmine/IED", None),
    ("On 2 May 2022, in Monywa (Sagaing region), a student held by soldiers since April died in custody.",
     "Attack", "Military Forces of Myanmar"),
    # a speaker is not the doer
    ("On 2 May 2022, in Lashio (Shan State), a bomb hurt two traders, the KIA said.", "Remote explosive/landmine/IED", None),
])
def test_who_is_named_as_the_doer(pipeline, text, sub_event_type, expected):
    assert doer(pipeline, text, sub_event_type) == expected


def test_the_police_after_a_named_police_force_is_that_force(registry):
    text = "Military police exchanged fire with gunmen in Belem. The police later found two rifles."
    got = found(registry, text, "BR")
    assert [name for span, name, _ in got if "olice" in span] == ["Military Forces of Brazil"] * 2
    # with no named force before it, "the police" are the country's police
    assert found(registry, "The police later found two rifles.", "BR")[0][1] == "Police Forces of Brazil"


def test_a_victim_told_to_be_a_dealer_is_the_gang_not_the_shooters(registry):
    shooters = registry.canonical("Unidentified Armed Group (Mexico)", "MX")
    text = "Two armed men shot at a man in Celaya. The victim was a drug dealer in the area."
    assert registry.by_convention(shooters, "MX", text).name == "Unidentified Armed Group (Mexico)"
    assert registry.gang_victim("MX", text).name == "Unidentified Gang (Mexico)"
    # a killing with a gang's marks still makes the shooters a gang
    marked = "Two armed men shot a man in a drive-by in Celaya."
    assert registry.by_convention(shooters, "MX", marked).name == "Unidentified Gang (Mexico)"
    assert registry.gang_victim("MX", marked) is None and registry.gang_victim("KE", text) is None
