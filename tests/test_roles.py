"""Who acted on whom: roles from the dependency parse (sitrep/extract/roles.py)."""
from __future__ import annotations

import pytest

from sitrep.extract.actors import get_registry
from sitrep.extract.roles import assign_roles

pytestmark = pytest.mark.model

SYRIA, RUSSIA, HTS = "Military Forces of Syria", "Military Forces of Russia", "HTS: Hayat Tahrir al Sham"


@pytest.fixture(scope="module")
def nlp():
    from sitrep.nlp import load_model

    return load_model()


def roles_of(nlp, text: str, trigger: str, country: str):
    """actor1, its associates and actor2 (names) for the first token ``trigger`` in ``text``."""
    doc = nlp(text)
    head = next(t for t in doc if t.text == trigger)
    mentions = get_registry().find(text, country)
    roles = assign_roles(doc, head, mentions)
    name = lambda a: a.name if a is not None else None  # noqa: E731
    return name(roles.actor1), [a.name for a in roles.assoc_actor_1], name(roles.actor2)


@pytest.mark.parametrize("text, trigger, country, actor1, actor2", [
    # active voice: the subject acts on the object
    ("Russian forces shelled Ukrainian positions near Bakhmut.", "shelled", "UA",
     RUSSIA, "Military Forces of Ukraine"),
    ("Al-Shabaab militants attacked Somali soldiers in Lower Shabelle.", "attacked", "SO",
     "Al Shabaab", "Military Forces of Somalia"),
    # passive voice: "were killed by" names the agent, the subject suffered
    ("Three soldiers were killed by Boko Haram militants near Bama.", "killed", "NG",
     "Islamic State (West Africa) and/or Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
     "Military Forces of Nigeria"),
    ("Two Syrian soldiers were wounded by HTS sniper fire.", "wounded", "SY", HTS, SYRIA),
    # "clashed with": the subject and the one it fought
    ("HTS fighters clashed with Syrian troops near Saraqib.", "clashed", "SY", HTS, SYRIA),
    ("Clashes between M23 rebels and the Congolese army broke out in Rutshuru.", "Clashes", "CD",
     "M23: March 23 Movement", "Military Forces of the Democratic Republic of Congo"),
    # "targeting": the target follows it; "by" names who struck
    ("A drone strike by the Turkish army targeting SDF fighters hit Qamishli.", "strike", "SY",
     "Military Forces of Turkey", "QSD: Syrian Democratic Forces"),
    # a possessive owns the act
    ("Russia's air force strike on HTS positions killed six.", "strike", "SY", RUSSIA, HTS),
    # a label before a colon names the act of its sentence's verb
    ("Looting: presumed JNIM militants seized cattle near Djenne.", "Looting", "ML",
     "JNIM: Group for Support of Islam and Muslims", None),
])
def test_who_acted_on_whom(nlp, text, trigger, country, actor1, actor2):
    got1, _, got2 = roles_of(nlp, text, trigger, country)
    assert (got1, got2) == (actor1, actor2)


def test_allies_join_the_side_they_fight_for(nlp):
    text = "Syrian troops and Hezbollah fighters clashed with HTS near Idlib."
    actor1, assoc, actor2 = roles_of(nlp, text, "clashed", "SY")
    assert (actor1, assoc, actor2) == (SYRIA, ["Hezbollah"], HTS)


def test_hts_and_its_allies(nlp):
    """"HTS and allied factions": the allies (Opposition Rebels fighting on HTS's side here) are
    HTS's associates, not its opponent."""
    text = "HTS and allied rebel groups clashed with Syrian government forces near Saraqib."
    actor1, assoc, actor2 = roles_of(nlp, text, "clashed", "SY")
    assert actor1 == HTS and actor2 == SYRIA
    assert SYRIA not in assoc


@pytest.mark.parametrize("text, trigger, country, side", [
    ("A shoot-out between unknown shooters took place in Cidade de Deus.", "shoot", "BR",
     "Unidentified Armed Group (Brazil)"),
    ("Two unknown tribal militias clashed near Qalat Sukkar.", "clashed", "IQ", "Unidentified Tribal Militia (Iraq)"),
])
def test_an_unnamed_group_fighting_its_own_kind_is_on_both_sides(nlp, text, trigger, country, side):
    actor1, _, actor2 = roles_of(nlp, text, trigger, country)
    assert (actor1, actor2) == (side, side)


def test_a_named_group_is_not_its_own_opponent(nlp):
    actor1, _, actor2 = roles_of(nlp, "HTS fighters clashed near Saraqib, between Idlib and Aleppo.", "clashed", "SY")
    assert (actor1, actor2) == (HTS, None)


@pytest.mark.parametrize("text, actor2", [
    # damage to civilian objects alone leaves a strike one-sided (ACLED names no victim)
    ("On 20 June 2022, Russian forces shelled residential areas in Berestove, Donetsk. Casualties unknown.", None),
    # civilians killed or hurt are its Actor 2
    ("On 26 June 2022, Russian forces shelled residential areas in Kharkiv. 3 civilians were injured.",
     "Civilians (Ukraine)"),
    # a counter-demonstration is the protest's other side
    ("On 31 January 2022, several hundred people protested against coronavirus rules in Potsdam. Others held a "
     "counter-demonstration nearby.", "Protesters (Germany)"),
    # looting always names whose property it was
    ("On 6 June 2022, soldiers set fire to several homes in Kyun Hpyar village (Kani township, Sagaing region).",
     "Civilians (Myanmar)"),
])
def test_civilians_as_actor2(pipeline, text, actor2):
    import datetime as dt

    event = pipeline.extract(text, published=dt.date(2022, 7, 1))[0]
    assert (event.actor2.name if event.actor2 else None) == actor2


@pytest.mark.parametrize("text, actor1, actor2", [
    # forces fighting under a named joint operation are coded as the operation
    ("On 28 May 2022, Turkish forces and JWS, operating under OPS, shelled SDF positions near Ain Issa in Raqqa "
     "countryside.",
     "Operation Peace Spring", "QSD: Syrian Democratic Forces"),
    # without the operation named, Turkey's forces stay themselves
    ("On 25 May 2022, Turkish forces shelled SDF positions near Ain Issa in Raqqa countryside.",
     "Military Forces of Turkey", "QSD: Syrian Democratic Forces"),
    # the group the detained are accused of belonging to is no party to the arrest
    ("On 25 January 2022, in Hasakeh, SDF forces arrested 3 men accused of belonging to IS.",
     "QSD: Syrian Democratic Forces", "Civilians (Syria)"),
])
def test_operations_and_accused_ties(pipeline, text, actor1, actor2):
    import datetime as dt

    event = pipeline.extract(text, published=dt.date(2022, 7, 1))[0]
    assert (event.actor1.name, event.actor2.name if event.actor2 else None) == (actor1, actor2)


@pytest.mark.parametrize("text, country, name", [
    ("a suspected Abu Sayyaf militant", "PH", "ASG: Abu Sayyaf"),
    ("APCLS fighters fought", "CD", "APCLS: Alliance of Patriots for a Free and Sovereign Congo"),
    ("a Turkish drone struck", "SY", "Military Forces of Turkey"),
    ("clashes between IS and the SDF", "SY", "Islamic State (Syria)"),
    ("BLF militants fired", "PK", "BLF: Baloch Liberation Front"),
    ("the local People's Defense Force laid a mine", "MM", "Unidentified Anti-Coup Armed Group"),
    ("Kani People's Defense Force attacked", "MM", "PDF: People's Defense Force"),
    ("unknown cattle raiders attacked a cattle camp", "SS", "Unidentified Communal Militia (South Sudan)"),
])
def test_registry_names(text, country, name):
    assert get_registry().find(text, country=country)[0].actor.name == name


def test_members_of_a_named_group_act_as_the_group(pipeline):
    import datetime as dt

    text = ("On 2 May 2022, a man from the Cristo Rei neighborhood of Varzea Grande (Mato Grosso) was kidnapped "
            "by four members of the Red Command.")
    event = pipeline.extract(text, published=dt.date(2022, 7, 1))[0]
    assert (event.actor1.name, event.actor2.name) == ("CV: Red Command", "Civilians (Brazil)")


def test_state_forces_named_alone_in_an_arrest_made_it(pipeline):
    import datetime as dt

    text = ("On 8 March 2022, in Oaxaca de Juarez, Oaxaca, state police together with agents of the National "
            "Institute of Migration detained 60 migrants from Honduras and Cuba.")
    event = pipeline.extract(text, published=dt.date(2022, 7, 1))[0]
    assert event.sub_event_type == "Arrests" and event.actor1.name == "Police Forces of Mexico"


def test_the_assailants_are_the_group_named_before(pipeline):
    import datetime as dt

    text = ("On 16 February 2022, Kaduna militiamen raided Idon town (Kajuru, Kaduna), wounding four residents "
            "and abducting 22 more. The assailants fired shots at random and smashed windows and doors.")
    events = pipeline.extract(text, published=dt.date(2022, 7, 1))
    assert {e.actor1.name for e in events} == {"Kaduna Communal Militia (Nigeria)"}
