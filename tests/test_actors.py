"""The actor registry and the actor-mention finder (sitrep/extract/actors.py)."""
from __future__ import annotations

import collections
import csv
from pathlib import Path

import pytest

from sitrep.extract.actors import ActorRegistry, RegistryError, get_registry, same_actor, strip_years
from sitrep.model import Actor

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "examples" / "aleppo-offensive.txt"
ACLED_2022 = SHARED / "data" / "acledR_dummy" / "acled_old_deletion_dummy.csv"

SYRIA = "Military Forces of Syria"
RUSSIA = "Military Forces of Russia"
HTS = "HTS: Hayat Tahrir al Sham"


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return get_registry()


def names(registry: ActorRegistry, text: str, country: str | None = None) -> list[tuple[str, str]]:
    return [(m.span.text, m.actor.name) for m in registry.find(text, country)]


def actor_at(registry: ActorRegistry, text: str, phrase: str, country: str | None) -> list[str]:
    """Names of the actors mentioned inside ``phrase``'s first occurrence in ``text``."""
    start = text.index(phrase)
    end = start + len(phrase)
    return [m.actor.name for m in registry.find(text, country) if start <= m.span.start < end]


# ---------------------------------------------------------------- the seed article


@pytest.fixture(scope="module")
def seed() -> str:
    if not SEED.exists():
        pytest.skip("seed article not available")
    return SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize("phrase, expected", [
    ("Hay’at Tahrir al-Sham (HTS) fighters", {HTS}),
    ("Syrian President Bashar al-Assad’s forces", {SYRIA}),
    ("The Syrian military", {SYRIA}),
    ("the Syrian army", {SYRIA}),
    ("Syrian forces launching", {SYRIA}),
    ("pro-Iranian forces", {"Militia (Pro-Iran)"}),
    ("Hezbollah", {"Hezbollah"}),
    ("Russian and Syrian forces", {RUSSIA, SYRIA}),
    ("Syrian government and Russian forces", {SYRIA, RUSSIA}),
    ("18 members of allied rebel groups", {"Opposition Rebels (Syria)"}),
])
def test_seed_phrases(registry: ActorRegistry, seed: str, phrase: str, expected: set[str]) -> None:
    assert set(actor_at(registry, seed, phrase, "SY")) == expected


def test_seed_hts_first_mention_is_the_full_name(registry: ActorRegistry, seed: str) -> None:
    first = registry.find(seed, "SY")[0]
    assert (first.span.text, first.span.start, first.actor.name) == ("Hay’at Tahrir al-Sham", 0, HTS)


def test_seed_russian_and_syrian_forces_are_two_mentions(registry: ActorRegistry, seed: str) -> None:
    start = seed.index("Russian and Syrian forces")
    found = [(m.span.text, m.actor.name, m.actor.inter) for m in registry.find(seed, "SY")
             if start <= m.span.start < start + 25]
    assert found == [("Russian", RUSSIA, 8), ("Syrian forces", SYRIA, 1)]


def test_pro_iranian_and_hezbollah_fight_for_the_syrian_government(registry: ActorRegistry,
                                                                   seed: str) -> None:
    sides = {m.actor.name: m.actor.side for m in registry.find(seed, "SY")}
    assert sides["Militia (Pro-Iran)"] == SYRIA
    assert sides["Hezbollah"] == SYRIA


# ---------------------------------------------------------------- matching rules


@pytest.mark.parametrize("text", [
    "Hay’at Tahrir al-Sham", "Hay'at Tahrir al-Sham", "Hayʼat Tahrir al-Sham", "Hayat Tahrir al-Sham",
    "Hayat Tahrir al Sham", "HAY’AT TAHRIR AL-SHAM", "HTS",
])
def test_hts_spellings(registry: ActorRegistry, text: str) -> None:
    assert names(registry, text) == [(text, HTS)]


@pytest.mark.parametrize("text", [
    "Human rights groups said", "the hts were", "Hts", "Hamasaki", "shtsy", "idf", "Fama market",
])
def test_no_false_hits(registry: ActorRegistry, text: str) -> None:
    assert names(registry, text, "SY") == []


def test_capital_abbreviations_match_in_capitals(registry: ActorRegistry) -> None:
    found = names(registry, "IDF troops, SDF fighters, PKK militants and FAMa", None)
    assert [n for _, n in found] == ["Military Forces of Israel", "QSD: Syrian Democratic Forces",
                                     "PKK: Kurdistan Workers Party", "Military Forces of Mali"]


def test_spans_index_the_text_with_offset(registry: ActorRegistry) -> None:
    text = "Clashes between Ukrainian troops and Russian forces."
    for m in registry.find(text, "UA", offset=100):
        assert text[m.span.start - 100:m.span.end - 100] == m.span.text


def test_longest_match_wins(registry: ActorRegistry) -> None:
    assert names(registry, "the Syrian Democratic Forces and the Syrian National Army", "SY") == [
        ("Syrian Democratic Forces", "QSD: Syrian Democratic Forces"),
        ("Syrian National Army", "JWS: Syrian National Army"),
    ]


def test_member_nouns_join_a_named_actor(registry: ActorRegistry) -> None:
    assert names(registry, "M23 rebels attacked FARDC soldiers", "CD") == [
        ("M23 rebels", "M23: March 23 Movement"),
        ("FARDC soldiers", "Military Forces of the Democratic Republic of Congo"),
    ]


def test_pro_prefix_is_not_the_state(registry: ActorRegistry) -> None:
    assert names(registry, "pro-Russian forces shelled the town", "UA") == [
        ("pro-Russian forces", "NAF: United Armed Forces of Novorossiya")]


# ---------------------------------------------------------------- countries and types


@pytest.mark.parametrize("country", ["NG", "Nigeria", "NGA", "ng"])
def test_gunmen_in_nigeria(registry: ActorRegistry, country: str) -> None:
    [m] = registry.find("Gunmen stormed the village at night.", country)
    assert m.actor == Actor("Unidentified Armed Group (Nigeria)", 3, "NG", None, registered=False)


def test_protesters_in_kenya(registry: ActorRegistry) -> None:
    [m] = registry.find("Police fired tear gas at protesters in Nairobi.", "Kenya")[1:]
    assert (m.actor.name, m.actor.inter, m.actor.country) == ("Protesters (Kenya)", 6, "KE")


def test_generic_without_country_then_localized(registry: ActorRegistry) -> None:
    [m] = registry.find("Gunmen stormed the village.")
    assert (m.actor.name, m.actor.country) == ("Unidentified Armed Group (Unknown)", None)
    local = registry.actor_for_country(m.actor, "Nigeria")
    assert (local.name, local.inter, local.country) == ("Unidentified Armed Group (Nigeria)", 3, "NG")


@pytest.mark.parametrize("text, country, expected", [
    ("Russian forces shelled Kharkiv", "UA", (RUSSIA, 8)),
    ("Ukrainian troops held the line", "UA", ("Military Forces of Ukraine", 1)),
    ("Russian forces shelled Belgorod", "RU", (RUSSIA, 1)),
    ("Kenyan troops in Somalia", "SO", ("Military Forces of Kenya", 8)),
    ("Israeli soldiers raided Jenin", "PS", ("Military Forces of Israel", 8)),
    ("soldiers raided Jenin", "PS", ("Military Forces of Israel", 8)),
    ("soldiers raided the village", "SY", (SYRIA, 1)),
    ("the RSF attacked El Fasher", "SD", ("RSF: Rapid Support Forces", 2)),
    ("the paramilitary Rapid Support Forces", "SD", ("RSF: Rapid Support Forces", 2)),
    ("Houthi rebels fired drones", "YE", ("Military Forces of Yemen Supreme Political Council", 1)),
    ("the Saudi-led coalition struck Sanaa", "YE", ("Operation Restoring Hope", 8)),
    ("the Tatmadaw shelled the town", "MM", ("Military Forces of Myanmar", 1)),
    ("ISIS fighters attacked", "SY", ("Islamic State (Syria)", 2)),
    ("ISIS fighters attacked", "IQ", ("Islamic State (Iraq)", 2)),
    ("SNA forces entered the town", "SO", ("Military Forces of Somalia", 1)),
    ("SNA forces entered the town", "SY", ("JWS: Syrian National Army", 2)),
    ("Maoists ambushed a patrol", "IN", ("CPI (Maoist): Communist Party of India (Maoist)", 2)),
    ("bandits abducted farmers", "NG", ("Unidentified Armed Group (Nigeria)", 3)),
    ("soldiers opened fire", "Ghana", ("Military Forces of Ghana", 1)),
])
def test_actor_typed_by_country(registry: ActorRegistry, text: str, country: str,
                                expected: tuple[str, int]) -> None:
    first = registry.find(text, country)[0].actor
    assert (first.name, first.inter) == expected


def test_context_aliases_need_the_country(registry: ActorRegistry) -> None:
    assert names(registry, "SNA forces entered the town") == []
    assert names(registry, "RSF said on Friday") == []  # Reporters Without Borders


def test_actor_for_country_types_state_forces_abroad(registry: ActorRegistry) -> None:
    russia = registry.by_name(RUSSIA)
    assert russia is not None
    assert registry.actor_for_country(russia, "Syria").inter == 8
    assert registry.actor_for_country(russia, "RU").inter == 1


# ---------------------------------------------------------------- names: canonical and same_actor


@pytest.mark.parametrize("a, b", [
    ("Military Forces of Syria (2000-2024)", "Syrian army"),
    ("Military Forces of Syria (2000-)", "the Syrian army"),
    ("Military Forces of Russia (2000-) Air Force", "Russian forces"),
    ("HTS: Hayat Tahrir al Sham", "Hay’at Tahrir al-Sham"),
    ("Militia (Pro-Iran)", "Pro-Iranian Militias (Syria)"),
    ("Military Forces of Democratic Republic of Congo (2001-)", "FARDC"),
    ("Military Forces of Yemen (2016-) Supreme Political Council", "Houthis"),
    ("Protesters (Kenya)", "Protesters (Kenya)"),
    ("STC: Southern Transitional Council (Security Belt Forces)", "Southern Transitional Council"),
])
def test_same_actor(a: str, b: str) -> None:
    assert same_actor(a, b)


@pytest.mark.parametrize("a, b", [
    ("Military Forces of Syria (2000-2024)", "Military Forces of Russia (2000-)"),
    ("Military Forces of Yemen (2016-) Supreme Political Council", "Military Forces of Yemen (2012-)"),
    ("Protesters (Kenya)", "Protesters (Uganda)"),
    ("Islamic State (Syria)", "Islamic State (Iraq)"),
])
def test_not_same_actor(a: str, b: str) -> None:
    assert not same_actor(a, b)


def test_strip_years() -> None:
    assert strip_years("Military Forces of Syria (2000-2024)") == SYRIA
    assert strip_years("Military Forces of Russia (2000-) Air Force") == "Military Forces of Russia Air Force"


@pytest.mark.parametrize("name, expected", [
    ("Civilians (Democratic Republic of Congo)", ("Civilians (Democratic Republic of Congo)", 7, "CD")),
    ("Unidentified Armed Group (Syria)", ("Unidentified Armed Group (Syria)", 3, "SY")),
    ("Niger Communal Militia (Nigeria)", ("Niger Communal Militia (Nigeria)", 4, "NG")),
    ("Police Forces of India (2014-) Central Reserve Police Force", ("Police Forces of India", 1, "IN")),
    ("Unidentified Military Forces", ("Unidentified Military Forces", 8, None)),
])
def test_canonical_acled_names(registry: ActorRegistry, name: str, expected: tuple) -> None:
    actor = registry.canonical(name)
    assert actor is not None and (actor.name, actor.inter, actor.country) == expected


def test_top_acled_actors_resolve(registry: ActorRegistry) -> None:
    if not ACLED_2022.exists():
        pytest.skip("ACLED sample not available")
    counts: collections.Counter[str] = collections.Counter()
    with ACLED_2022.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            counts.update(a for a in (row["actor1"], row["actor2"]) if a)
    top = [name for name, _ in counts.most_common(150)]
    missing = [name for name in top if registry.canonical(name) is None]
    assert missing == []


# ---------------------------------------------------------------- the registry file


def test_registry_sides_name_known_actors(registry: ActorRegistry) -> None:
    for entry in registry.entries.values():
        sides = entry.side.values() if isinstance(entry.side, dict) else [entry.side]
        for side in filter(None, sides):
            assert registry.by_name(side) is not None, (entry.name, side)


def test_registry_types_are_acled_codes(registry: ActorRegistry) -> None:
    assert all(1 <= a.inter <= 8 for a in registry.actors)
    assert len(registry.actors) >= 150


@pytest.mark.parametrize("content, problem", [
    ("actors: [{name: X, inter: 9}]", "inter must be an ACLED actor type"),
    ("actors: [{name: X, inter: 1, typo: 2}]", "unknown fields"),
    ("actors: [{name: X, inter: 1}, {name: X, inter: 2}]", "listed twice"),
    ("nothing: here", "not an actor registry"),
    ("actors: [", "cannot read"),
])
def test_bad_registry_files(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "actors.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RegistryError, match=problem):
        ActorRegistry.load(path)


def test_taliban_before_and_after_the_fall_of_kabul():
    import datetime as dt

    from sitrep.extract.eras import apply_eras
    from sitrep.extract.actors import get_registry

    text = "Taliban militants attacked a checkpoint."
    found = get_registry().find(text, country="AF")
    before = apply_eras(found, dt.date(2020, 3, 21))
    after = apply_eras(found, dt.date(2022, 3, 21))
    assert (before[0].actor.name, before[0].actor.inter) == ("Taliban", 2)
    assert after[0].actor.name == "Military Forces of Afghanistan" and after[0].actor.inter == 1
    assert apply_eras(found, None) == found


# ---------------------------------------------------------------- ACLED's local naming


@pytest.mark.parametrize("text, country, expected", [
    ("Zamfara militiamen attacked civilians", "NG", "Zamfara Communal Militia (Nigeria)"),
    ("members of a Kaduna militia attacked a patrol", "NG", "Kaduna Communal Militia (Nigeria)"),
    ("Niger militiamen rustled cattle", "NG", "Niger Communal Militia (Nigeria)"),
    ("Amhara ethnic militias shot two herders", "ET", "Amhara Ethnic Militia (Ethiopia)"),
    ("Al Lahaq tribesmen clashed in Ahwar", "YE", "Al Lahaq Tribal Militia (Yemen)"),
])
def test_militias_named_after_their_place_or_people(registry: ActorRegistry, text: str, country: str,
                                                    expected: str) -> None:
    assert [n for _, n in names(registry, text, country)][:1] == [expected]


@pytest.mark.parametrize("text, country, expected", [
    ("Fulani militia attacked the village", "NG", "Fulani Ethnic Militia (Nigeria)"),  # registered
    ("Sunni tribesmen clashed", "IQ", "Unidentified Tribal Militia (Iraq)"),  # a faith, not a tribe
    ("Somali clan militia fought", "SO", "Unidentified Clan Militia (Somalia)"),  # a demonym
    ("Benue militiamen attacked", None, "Unidentified Armed Group (Unknown)"),  # no country, no name
])
def test_labels_that_do_not_name_a_militia(registry: ActorRegistry, text: str, country: str | None,
                                           expected: str) -> None:
    assert names(registry, text, country)[-1][1] == expected


@pytest.mark.parametrize("text, country, expected", [
    ("a man was killed in a drive-by shooting", "MX", "Unidentified Gang (Mexico)"),
    ("his body was found with his hands tied", "Honduras", "Unidentified Gang (Honduras)"),
    ("armed men shot a man in a bar", "MX", "Unidentified Armed Group (Mexico)"),
    ("a man was killed in a drive-by shooting", "BR", "Unidentified Gang and/or Police Militia"),
    ("armed men shot a man in a bar", "BR", "Unidentified Armed Group (Brazil)"),
    ("a man was killed in a drive-by shooting", "CO", "Unidentified Armed Group (Colombia)"),
])
def test_unknown_perpetrators_by_local_convention(registry: ActorRegistry, text: str, country: str,
                                                  expected: str) -> None:
    group = registry.by_name("Unidentified Armed Group ({})".format(registry.countries.name(
        registry.countries.code(country))), country)
    assert registry.by_convention(group, country, text).name == expected


def test_convention_leaves_named_actors_alone(registry: ActorRegistry) -> None:
    cjng = registry.canonical("CJNG", "MX")
    assert registry.by_convention(cjng, "MX", "a drive-by shooting") is cjng


def test_localize_fills_an_unknown_country_only(registry: ActorRegistry) -> None:
    [unknown] = registry.find("Protesters gathered.")
    assert registry.localize(unknown.actor, "Netherlands").name == "Protesters (Netherlands)"
    [kenyan] = registry.find("Protesters gathered.", "KE")
    assert registry.localize(kenyan.actor, "Netherlands") is kenyan.actor
    assert registry.localize(unknown.actor, None) is unknown.actor


def test_donbas_separatists_and_government_positions(registry: ActorRegistry) -> None:
    text = "Ukrainian forces shelled DPR positions while the NAF fired at governmental positions."
    found = {n for _, n in names(registry, text, "UA")}
    assert found == {"Military Forces of Ukraine", "NAF: United Armed Forces of Novorossiya"}


# ---------------------------------------------------------------- coverage of the main theatres

# Per theatre: (ISO2 of the home country, ACLED name, ACLED actor type). The issue asks the
# registry to know each of these countries' state forces, police and main armed groups.
MAIN_ACTORS = {
    "Syria": [("SY", "Military Forces of Syria", 1), ("SY", "Police Forces of Syria", 1),
              ("SY", HTS, 2), ("SY", "JWS: Syrian National Army", 2),
              ("SY", "QSD: Syrian Democratic Forces", 2), ("SY", "Islamic State (Syria)", 2)],
    "Ukraine/Russia": [("UA", "Military Forces of Ukraine", 1), ("UA", "Police Forces of Ukraine", 1),
                       ("RU", RUSSIA, 1), ("RU", "Police Forces of Russia", 1),
                       ("UA", "NAF: United Armed Forces of Novorossiya", 2), ("RU", "Wagner Group", 8)],
    "Sudan": [("SD", "Military Forces of Sudan", 1), ("SD", "Police Forces of Sudan", 1),
              ("SD", "RSF: Rapid Support Forces", 2), ("SD", "SPLM-N: Sudan People's Liberation Movement (North)", 2),
              ("SD", "SLM/A-AW: Sudan Liberation Movement/Army - Abdul Wahid", 2),
              ("SD", "JEM: Justice and Equality Movement", 2)],
    "Israel/Palestine/Lebanon": [("IL", "Military Forces of Israel", 1), ("IL", "Police Forces of Israel", 1),
                                 ("PS", "Hamas Movement", 3), ("PS", "PIJ: Palestinian Islamic Jihad", 3),
                                 ("PS", "Police Forces of Palestine", 1), ("LB", "Hezbollah", 3),
                                 ("LB", "Military Forces of Lebanon", 1), ("IL", "Settlers (Israel)", 3)],
    "Yemen": [("YE", "Military Forces of Yemen", 1), ("YE", "Military Forces of Yemen Supreme Political Council", 1),
              ("YE", "Police Forces of Yemen", 1), ("YE", "STC: Southern Transitional Council", 2),
              ("YE", "AQAP: Al Qaeda in the Arabian Peninsula", 2), ("YE", "Operation Restoring Hope", 8)],
    "Myanmar": [("MM", "Military Forces of Myanmar", 1), ("MM", "Police Forces of Myanmar", 1),
                ("MM", "PDF: People's Defense Force", 3), ("MM", "AA: Arakan Army", 2),
                ("MM", "KIO/KIA: Kachin Independence Organization/Kachin Independence Army", 2),
                ("MM", "MNDAA: Myanmar National Democratic Alliance Army", 2)],
    "Mali/Burkina Faso/Niger": [("ML", "Military Forces of Mali", 1), ("BF", "Military Forces of Burkina Faso", 1),
                                ("NE", "Military Forces of Niger", 1),
                                ("ML", "JNIM: Group for Support of Islam and Muslims", 2),
                                ("ML", "Islamic State (Sahel)", 2), ("BF", "VDP: Volunteer for Defense of Homeland", 4)],
    "DR Congo": [("CD", "Military Forces of the Democratic Republic of Congo", 1),
                 ("CD", "Police Forces of the Democratic Republic of Congo", 1), ("CD", "M23: March 23 Movement", 2),
                 ("CD", "ADF: Allied Democratic Forces", 2), ("CD", "CODECO: Cooperative for Development of Congo", 3),
                 ("CD", "Mayi Mayi Militia", 3)],
    "Somalia": [("SO", "Military Forces of Somalia", 1), ("SO", "Police Forces of Somalia", 1),
                ("SO", "Al Shabaab", 2), ("SO", "Islamic State (Somalia)", 2)],
    "Nigeria": [("NG", "Military Forces of Nigeria", 1), ("NG", "Police Forces of Nigeria", 1),
                ("NG", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", 2),
                ("NG", "Islamic State (West Africa)", 2), ("NG", "IPOB: Indigenous Peoples of Biafra", 2),
                ("NG", "Fulani Ethnic Militia (Nigeria)", 4)],
    "Ethiopia": [("ET", "Military Forces of Ethiopia", 1), ("ET", "Police Forces of Ethiopia", 1),
                 ("ET", "Fano Militia", 3), ("ET", "TPLF: Tigray People's Liberation Front", 3),
                 ("ET", "OLF: Oromo Liberation Front (Shane Splinter Faction)", 2)],
    "Afghanistan": [("AF", "Military Forces of Afghanistan", 1), ("AF", "Police Forces of Afghanistan", 1),
                    ("AF", "National Resistance Front", 2), ("AF", "Islamic State (Afghanistan)", 2)],
    "Haiti": [("HT", "Police Forces of Haiti", 1), ("HT", "Viv Ansanm", 3), ("HT", "400 Mawozo Gang", 3),
              ("HT", "G9 Family and Allies", 3)],
    "Mexico": [("MX", "Military Forces of Mexico", 1), ("MX", "Police Forces of Mexico", 1),
               ("MX", "CJNG: Jalisco New Generation Cartel", 3), ("MX", "Sinaloa Cartel", 3), ("MX", "Gulf Cartel", 3)],
    "India": [("IN", "Military Forces of India", 1), ("IN", "Police Forces of India", 1),
              ("IN", "CPI (Maoist): Communist Party of India (Maoist)", 2), ("IN", "Kashmir Rebels (India)", 2),
              ("IN", "Kuki Ethnic Militia (India)", 4), ("IN", "Meitei Ethnic Militia (India)", 4)],
}


@pytest.mark.parametrize("theatre", sorted(MAIN_ACTORS))
def test_registry_knows_each_theatres_main_actors(registry: ActorRegistry, theatre: str) -> None:
    for iso, name, inter in MAIN_ACTORS[theatre]:
        actor = registry.by_name(name, iso)
        assert actor is not None and actor.registered, f"{theatre}: {name} is not registered"
        assert (actor.country, actor.inter) == (iso, inter), f"{theatre}: {name}"


@pytest.mark.parametrize("text, country, expected", [
    ("Hayat Tahrir al-Sham fighters shelled", "SY", HTS),
    ("the SDF said", "SY", "QSD: Syrian Democratic Forces"),
    ("the Houthis fired a missile", "YE", "Military Forces of Yemen Supreme Political Council"),
    ("paramilitary RSF fighters stormed", "SD", "RSF: Rapid Support Forces"),
    ("SLA-AW fighters attacked", "SD", "SLM/A-AW: Sudan Liberation Movement/Army - Abdul Wahid"),
    ("IDF troops raided Jenin", "PS", "Military Forces of Israel"),
    ("Tatmadaw troops burned houses", "MM", "Military Forces of Myanmar"),
    ("FAMa and Wagner troops", "ML", "Military Forces of Mali"),
    ("FARDC soldiers repelled", "CD", "Military Forces of the Democratic Republic of Congo"),
    ("M23 rebels seized", "CD", "M23: March 23 Movement"),
    ("al-Shabaab militants attacked", "SO", "Al Shabaab"),
    ("ISWAP fighters", "NG", "Islamic State (West Africa)"),
    ("Fano militiamen clashed", "ET", "Fano Militia"),
    ("NRF fighters ambushed", "AF", "National Resistance Front"),
    ("Viv Ansanm gangs attacked", "HT", "Viv Ansanm"),
    ("CJNG gunmen", "MX", "CJNG: Jalisco New Generation Cartel"),
    ("Naxals ambushed a CRPF patrol", "IN", "CPI (Maoist): Communist Party of India (Maoist)"),
])
def test_main_actors_found_by_their_usual_names(registry: ActorRegistry, text: str, country: str,
                                                expected: str) -> None:
    assert names(registry, text, country)[0][1] == expected


@pytest.mark.parametrize("text, country, expected", [
    ("JNIM abducted a Togolese priest near Fada", "BF", "Civilians (Togo)"),
    ("gendarmes detained 27 Afghan migrants", "TR", "Civilians (Afghanistan)"),
    ("Senegalese protesters marched in Bamako", "ML", "Protesters (Senegal)"),
    ("Palestinian rioters threw stones", "PS", "Rioters (Palestine)"),
    ("migrants were detained", "TR", "Civilians (International)"),  # no demonym: foreigners, as ACLED codes them
])
def test_victims_and_crowds_typed_by_nationality(registry: ActorRegistry, text: str, country: str,
                                                 expected: str) -> None:
    assert expected in [n for _, n in names(registry, text, country)]


def test_battle_opponents_where_acled_names_both_sides(registry: ActorRegistry) -> None:
    ukraine = registry.by_name("Military Forces of Ukraine", "UA")
    assert registry.opponent(registry.by_name(RUSSIA, "UA"), "Ukraine") == ukraine
    assert registry.opponent(ukraine, "UA").name == RUSSIA
    assert registry.opponent(registry.by_name(SYRIA, "SY"), "SY") is None  # no default opponent there
    assert registry.opponent(registry.by_name(HTS, "UA"), "UA") is None  # not one of the two sides
