"""Gazetteer: normalisation, lookup, context resolution, reverse geocoding, supplement.

No spaCy model needed.  The index is built once into the cache dir on first
run (about 20 s) and opened in milliseconds afterwards.
"""
from __future__ import annotations

import pickle
import sqlite3
from pathlib import Path

import pytest
import yaml

from sitrep.gazetteer import GeoContext, Gazetteer, get_gazetteer, normalize
from sitrep.gazetteer import build, store
from sitrep.gazetteer.aliases import ADMIN1_ALIASES, DEMONYMS
from sitrep.gazetteer.grid import distance_km
from sitrep.gazetteer.sources import SUPPLEMENT


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return get_gazetteer()


def near(place, lat: float, lon: float, km: float = 10.0) -> bool:
    return place is not None and distance_km(place.latitude, place.longitude, lat, lon) <= km


# ---------------------------------------------------------------- normalize

@pytest.mark.parametrize("a, b", [
    ("Nubbul", "Nubl"), ("Neirab", "Nayrab"), ("Zahraa", "Zahra"), ("Idleb", "Idlib"),
    ("Halab", "Aleppo"), ("Kharkov", "Kharkiv"), ("Kiev", "Kyiv"), ("al-Nayrab", "Nayrab"),
    ("Az Zahrā’", "al-Zahraa"), ("Deir ez-Zor", "Dayr az Zawr"), ("Sana'a", "Sanaa"),
    ("Ar-Raqqah", "Raqqa"), ("El Fasher", "Al Fashir"), ("Northern Darfur", "North Darfur"),
    ("Zaporizhia", "Zaporizhzhia"), ("Odessa", "Odesa"), ("Diyarbakır", "Diyarbakir"),
    ("Ma‘arrat an Nu‘mān", "Maarat al-Numan"), ("Hasakeh", "Al-Hasakah"),
])
def test_normalize_folds_transliterations(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)


@pytest.mark.parametrize("a, b", [("Homs", "Hama"), ("Nubl", "Kafr Nubl"), ("Aleppo", "Alep Airport")])
def test_normalize_keeps_different_names_apart(a: str, b: str) -> None:
    assert normalize(a) != normalize(b)


def test_normalize_shapes() -> None:
    assert normalize("  AL-Nayrab  Military Airport ") == "nayrab airbase"
    assert normalize("El") == "el"  # a lone article is a name
    assert normalize("El Salvador", strip_articles=False) == "el salvador"


# ---------------------------------------------------------------- lookup / resolve

def test_lookup_returns_city_and_admin1(gaz: Gazetteer) -> None:
    codes = {(p.feature_code, p.country) for p in gaz.lookup("Aleppo")}
    assert ("PPL", "Syria") in codes and ("ADM1", "Syria") in codes
    assert gaz.lookup("Aleppo province")[0].feature_code == "ADM1"
    assert gaz.lookup("no such place anywhere") == []


def test_aleppo_city_versus_governorate(gaz: Gazetteer) -> None:
    city = gaz.resolve("Aleppo")
    area = gaz.resolve("Aleppo Governorate")
    assert city.feature_code == "PPL" and city.admin1 == "Aleppo"
    assert area.feature_code == "ADM1" and area.feature_class == "A" and area.admin1 == "Aleppo"
    # The area lies at its centre (GeoNames-style), away from the city; its seat is the city.
    assert 10 < distance_km(area.latitude, area.longitude, city.latitude, city.longitude) < 60
    assert gaz.seat(area) == city
    assert gaz.seat(city) is None
    assert gaz.resolve("Aleppo", kind="admin1").feature_code == "ADM1"


def test_an_area_is_seated_at_the_main_town_of_its_name(gaz: Gazetteer) -> None:
    # Magway region: its capital Magway, not the larger Pakokku; Borno has no town of its name.
    magway = next(p for p in gaz.lookup("Magway") if p.feature_code == "ADM1")
    assert gaz.seat(magway).name == "Magway"
    borno = next(p for p in gaz.lookup("Borno") if p.feature_code == "ADM1")
    assert gaz.seat(borno).name == "Maiduguri"


def test_georgia(gaz: Gazetteer) -> None:
    assert gaz.resolve("Georgia").iso3 == "GEO"
    assert gaz.resolve("Georgia", GeoContext(countries=["GE"])).feature_code == "PCLI"
    us = gaz.resolve("Georgia", GeoContext(countries={"USA": 3}))
    assert us.iso3 == "USA" and us.feature_code == "ADM1"


def test_tripoli_by_context(gaz: Gazetteer) -> None:
    assert gaz.resolve("Tripoli").iso3 == "LBY"
    assert gaz.resolve("Tripoli", GeoContext(countries=["LB", "LB", "SY"])).iso3 == "LBN"
    assert gaz.resolve("Tripoli", GeoContext(countries=["LBY"])).iso3 == "LBY"


def test_homs_versus_al_khums(gaz: Gazetteer) -> None:
    assert gaz.resolve("Homs").iso3 == "SYR"
    assert gaz.resolve("Homs", GeoContext(countries=["SY"])).iso3 == "SYR"
    khums = gaz.resolve("Homs", GeoContext(countries=["LY"]))
    assert khums.iso3 == "LBY" and khums.name == "Al Khums"


def test_lebanon_country_versus_pennsylvania(gaz: Gazetteer) -> None:
    assert gaz.resolve("Lebanon").feature_code == "PCLI"
    town = gaz.resolve("Lebanon", GeoContext(countries=["US"], admin1=["Pennsylvania"]))
    assert town.iso3 == "USA" and town.admin1 == "Pennsylvania" and town.feature_class == "P"


def test_zahra_needs_syrian_context(gaz: Gazetteer) -> None:
    libyan = [p for p in gaz.lookup("Zahra") if p.iso3 == "LBY"]
    assert libyan, "GeoNames' Az Zahra' is Libyan"
    syrian = gaz.resolve("Zahra", GeoContext(countries=["SY"]))
    assert syrian.iso3 == "SYR" and near(syrian, 36.37, 36.99)
    nubl = gaz.resolve("Nubl")
    assert near(gaz.resolve("Zahra", GeoContext(places=[nubl])), 36.37, 36.99)


def test_co_mentioned_places_pull_candidates(gaz: Gazetteer) -> None:
    beirut = gaz.resolve("Beirut")
    assert gaz.resolve("Tripoli", GeoContext(places=[beirut])).iso3 == "LBN"


def test_stated_admin_area(gaz: Gazetteer) -> None:
    ctx = GeoContext(countries=["SY"], admin1=["Idlib"])
    assert gaz.resolve("Kafr Nubl", ctx).admin1 == "Idleb"


def test_resolve_with_confidence(gaz: Gazetteer) -> None:
    place, conf = gaz.resolve_with_confidence("Tripoli", GeoContext(countries=["LB"]))
    assert place.iso3 == "LBN" and 0.5 <= conf <= 1.0
    assert gaz.resolve_with_confidence("Xqzzyville") == (None, 0.0)


def test_places_have_country_fields(gaz: Gazetteer) -> None:
    for name in ("Aleppo", "Nubl", "Kharkiv", "Syria", "Idlib province", "Khartoum", "Jabalia camp"):
        place = gaz.resolve(name)
        assert place.iso3 and place.country, name
        # A country is no admin area's: it carries none.
        assert (place.admin1 is None) == (place.feature_code == "PCLI"), name


def test_rank_is_sorted_by_score(gaz: Gazetteer) -> None:
    scores = [s for _, s in gaz.rank("Tripoli")]
    assert len(scores) > 2 and scores[1:] == sorted(scores[1:], reverse=True)


# ---------------------------------------------------------------- countries, demonyms

@pytest.mark.parametrize("query, iso3", [
    ("SYR", "SYR"), ("SY", "SYR"), ("Syria", "SYR"), ("UK", "GBR"), ("United States of America", "USA"),
    ("DRC", "COD"), ("Burma", "MMR"), ("Türkiye", "TUR"), ("Palestinian Territories", "PSE"),
    ("El Salvador", "SLV"), ("Ivory Coast", "CIV"),
])
def test_country_by_name(gaz: Gazetteer, query: str, iso3: str) -> None:
    country = gaz.country_by_name(query)
    assert country is not None and country.iso3 == iso3 and country.feature_code == "PCLI"


def test_salvador_is_not_el_salvador(gaz: Gazetteer) -> None:
    assert gaz.resolve("Salvador").iso3 == "BRA"
    assert gaz.country_by_name("Salvador") is None


@pytest.mark.parametrize("word, iso3", [
    ("Syrian", "SYR"), ("Russian", "RUS"), ("Turkish", "TUR"), ("Iranian", "IRN"), ("Ukrainian", "UKR"),
    ("Sudanese", "SDN"), ("Israeli", "ISR"), ("Palestinian", "PSE"), ("Lebanese", "LBN"),
    ("Yemeni", "YEM"), ("Malian", "MLI"), ("Nigerian", "NGA"), ("Somali", "SOM"), ("Congolese", "COD"),
    ("Afghan", "AFG"), ("Burmese", "MMR"), ("Myanmar", "MMR"), ("Ethiopian", "ETH"), ("Haitian", "HTI"),
    ("Mexican", "MEX"), ("Indian", "IND"), ("Pakistani", "PAK"), ("Iraqi", "IRQ"), ("Libyan", "LBY"),
    ("pro-Iranian", "IRN"), ("Syrians", "SYR"), ("South Sudanese", "SSD"), ("ISRAELI", "ISR"),
])
def test_country_from_adjective(gaz: Gazetteer, word: str, iso3: str) -> None:
    country = gaz.country_from_adjective(word)
    assert country is not None and country.iso3 == iso3


def test_every_demonym_has_a_country(gaz: Gazetteer) -> None:
    missing = [w for w in DEMONYMS if gaz.country_from_adjective(w) is None]
    assert missing == []
    assert gaz.country_from_adjective("Kurdish") is None


def test_countries_lie_in_themselves(gaz: Gazetteer) -> None:
    countries = gaz.countries()
    assert len(countries) > 200
    wrong = [c.name for c in countries if gaz.reverse(c.latitude, c.longitude)[1] != c.iso3]
    # Countries sit at GeoNames-style centres (Russia 60N 100E); the nearest rg town of a few
    # (microstates, coastal or thin countries: Kuwait, Mozambique) lies across a border.
    assert len(wrong) <= 10, wrong


# ---------------------------------------------------------------- reverse

@pytest.mark.parametrize("lat, lon, expected", [
    (36.2, 37.16, ("Syria", "SYR", "Aleppo")),
    (50.45, 30.52, ("Ukraine", "UKR", "Kyiv City")),
    (40.71, -74.0, ("United States", "USA", "New York")),
    (-17.8, 178.0, ("Fiji", "FJI", None)),  # next to the antimeridian
])
def test_reverse(gaz: Gazetteer, lat: float, lon: float, expected: tuple) -> None:
    country, iso3, admin1, admin2 = gaz.reverse(lat, lon)
    assert (country, iso3) == expected[:2]
    if expected[2]:
        assert admin1 == expected[2]


def test_reverse_fills_admin2_where_known(gaz: Gazetteer) -> None:
    assert gaz.reverse(40.34, -76.41)[3] == "Lebanon County"


def _supplement() -> list[dict]:
    return yaml.safe_load(SUPPLEMENT.read_text(encoding="utf-8"))["places"]


def test_supplement_entries_are_complete() -> None:
    for entry in _supplement():
        assert {"name", "lat", "lon", "country", "admin1", "feature", "source"} <= set(entry), entry
        assert entry["feature"] in build.FEATURES


def test_supplement_entries_agree_with_reverse_geocoding(gaz: Gazetteer) -> None:
    for entry in _supplement():
        place = gaz.resolve(entry["name"])
        assert place is not None and place.name == entry["name"]
        assert gaz.country_code(place) == entry["country"]
        assert gaz.reverse(entry["lat"], entry["lon"])[1] == place.iso3, entry["name"]
        admin_names = {p.name for p in gaz.lookup(entry["admin1"]) if p.feature_code == "ADM1"}
        # places.yaml spells admin1 the GeoNames way; output uses admin1_names.yaml.
        wanted = build.output_admin1(entry["country"], entry["admin1"])
        assert wanted in admin_names and place.admin1 == wanted, entry["admin1"]


@pytest.mark.parametrize("name, lat, lon, ctx", [
    ("al-Nayrab airport", 36.18, 37.22, "SY"), ("Aleppo International Airport", 36.18, 37.22, None),
    ("Kuweires airbase", 36.19, 37.58, None), ("Menagh airbase", 36.52, 37.04, None),
    ("az-Zahraa", 36.36, 37.01, "SY"), ("Bab al-Hawa crossing", 36.23, 36.69, None),
    ("Bab al-Salam", 36.63, 37.09, None), ("Hmeimim airbase", 35.41, 35.95, None),
    ("Shayrat airbase", 34.49, 36.91, None), ("al-Tanf", 33.51, 38.62, None),
    ("Rukban camp", 33.31, 38.67, None), ("al-Hol camp", 36.38, 41.15, None),
    ("Jabalia camp", 31.54, 34.50, None), ("Nuseirat camp", 31.45, 34.39, None),
    ("Zaporizhzhia nuclear power plant", 47.51, 34.59, None), ("El Fasher airport", 13.61, 25.32, "SD"),
])
def test_supplement_places_resolve(gaz: Gazetteer, name: str, lat: float, lon: float, ctx: str | None) -> None:
    context = GeoContext(countries=[ctx]) if ctx else None
    assert near(gaz.resolve(name, context), lat, lon, km=3)


def test_admin1_aliases_point_at_real_areas(gaz: Gazetteer) -> None:
    for (cc, old), aliases in ADMIN1_ALIASES.items():
        name = build.output_admin1(cc, old)  # the area is named in ACLED's spelling
        areas = [p for p in gaz.lookup(old) if p.feature_code == "ADM1" and p.name == name]
        assert areas, (cc, name)
        for alias in aliases:
            assert any(p.feature_code == "ADM1" and p.name == name for p in gaz.lookup(alias)), alias


# ---------------------------------------------------------------- context object

def test_geocontext_accepts_codes_and_weights() -> None:
    ctx = GeoContext(countries=["SY", "SYR", "lb", "XX"])
    assert ctx.countries == {"SYR": 2.0, "LBN": 1.0}
    assert ctx.share("SYR") == pytest.approx(2 / 3) and ctx.share(None) == 0.0
    assert GeoContext(countries={"UK": 2}).top_country() == "GBR"


# ---------------------------------------------------------------- cache

def test_load_from_cache(gaz: Gazetteer) -> None:
    assert gaz.path is not None and gaz.path.exists()
    again = Gazetteer.load(gaz.path.parent)  # its speed: benchmarks/bench_gazetteer.py
    assert again.resolve("Nubl").iso3 == "SYR"


def test_pickles_as_the_shared_instance(gaz: Gazetteer) -> None:
    assert pickle.loads(pickle.dumps(gaz)) is get_gazetteer()


def _tiny_build(conn: sqlite3.Connection) -> None:
    conn.executescript(build.SCHEMA)
    conn.execute("INSERT INTO meta VALUES ('schema', ?)", (str(build.SCHEMA_VERSION),))
    conn.commit()


def test_cache_written_then_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build, "build_into", _tiny_build)
    conn, path = store.open_database(tmp_path / "cache")
    assert path is not None and path.exists() and path.name.startswith("gazetteer-")
    conn.close()
    monkeypatch.setattr(build, "build_into", lambda conn: pytest.fail("rebuilt"))
    conn, again = store.open_database(tmp_path / "cache")
    assert again == path
    conn.close()


def test_unwritable_cache_falls_back_to_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build, "build_into", _tiny_build)
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    conn, path = store.open_database(blocker / "cache")
    assert path is None
    assert conn.execute("SELECT value FROM meta").fetchone() == (str(build.SCHEMA_VERSION),)
    conn.close()


# ---------------------------------------------------------------- false friends, admin1 spelling

@pytest.mark.parametrize("name", ["Al", "El", "All", "Free", "Council", "Mercy", "Taliban",
                                  "Al Shabaab", "Abu", "JWS", "SNA", "NRF"])
def test_short_names_stopwords_and_acronyms_are_not_places(gaz: Gazetteer, name: str) -> None:
    # "All Assam" -> Ål (Norway), "Taliban" -> a Turkish village, "JWS" -> Jos, "SNA" -> Sanaa
    assert gaz.resolve(name) is None
    assert gaz.resolve(name, GeoContext(countries=["NO", "TR", "NG", "YE"])) is None
    assert not gaz.has_name(name)


def test_country_aliases_survive_the_filters(gaz: Gazetteer) -> None:
    assert gaz.resolve("US").iso3 == "USA" and gaz.resolve("UK").iso3 == "GBR"
    assert gaz.resolve("DRC").iso3 == "COD" and gaz.resolve("UAE").iso3 == "ARE"
    assert gaz.has_name("US") and gaz.has_name("DRC")
    assert gaz.resolve("Free State") is not None  # only the bare word is stopped


def test_admin1_names_file_covers_conflict_countries() -> None:
    table = yaml.safe_load(build.ADMIN1_NAMES_FILE.read_text(encoding="utf-8"))
    for cc in ("SY", "UA", "SD", "SS", "CD", "MM", "YE", "SO", "NG", "ET", "AF", "ML", "BF",
               "IQ", "LY", "CM", "IN", "PK"):
        assert table.get(cc), cc
    assert all(old != new for rows in table.values() for old, new in rows.items())


@pytest.mark.parametrize("query, acled", [
    ("Sagaing", "Sagaing"), ("Sagain", "Sagaing"), ("North Darfur", "North Darfur"),
    ("Northern Darfur", "North Darfur"), ("Nord Kivu", "Nord-Kivu"), ("North Kivu", "Nord-Kivu"),
    ("Ta'izz", "Taizz"), ("Taiz", "Taizz"), ("Kiev Oblast", "Kyiv"), ("Oromiya", "Oromia"),
    ("Banaadir", "Banadir"), ("Dahuk", "Duhok"), ("Erbil", "Erbil"), ("Khowst", "Khost"),
])
def test_admin1_in_acled_spelling(gaz: Gazetteer, query: str, acled: str) -> None:
    area = gaz.resolve(query, kind="admin1")
    assert area.feature_code == "ADM1" and area.name == acled and area.admin1 == acled


def test_towns_and_reverse_use_acled_admin1(gaz: Gazetteer) -> None:
    assert gaz.resolve("Goma").admin1 == "Nord-Kivu"
    assert gaz.resolve("El Fasher").admin1 == "North Darfur"
    assert gaz.resolve("Monywa", GeoContext(countries=["MM"])).admin1 == "Sagaing"
    assert gaz.reverse(22.11, 95.13)[2] == "Sagaing"  # Monywa
    assert gaz.reverse(13.58, 44.02)[2] == "Taizz"


def test_old_drc_provinces_found_by_new_names(gaz: Gazetteer) -> None:
    # ACLED's "Ituri" is inside GeoNames' old "Eastern Province": the country is right.
    area = gaz.resolve("Ituri", kind="admin1")
    assert area.iso3 == "COD" and area.feature_code == "ADM1"


def test_short_admin_names_and_districts(gaz: Gazetteer) -> None:
    anhui = gaz.resolve("Anhui")  # GeoNames/rg: "Anhui Sheng"
    assert anhui.iso3 == "CHN" and anhui.feature_code == "ADM1"
    surrey = gaz.resolve("Surrey", GeoContext(countries=["GB"]))
    assert surrey.iso3 == "GBR" and surrey.feature_code == "ADM2"
    assert gaz.seat(surrey) is not None and gaz.seat(surrey).feature_class == "P"


def test_admin1_in_acled_spelling_keeps_the_english_alias(gaz: Gazetteer) -> None:
    assert gaz.resolve("Bavaria").name == "Bayern"
    assert gaz.reverse(48.14, 11.58)[2] == "Bayern"  # Munich


def test_harvest_reads_only_the_train_split_and_skips_known_places(tmp_path) -> None:
    from sitrep.evaluate.split import split_of
    from sitrep.gazetteer.harvest import harvest

    header = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
              "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
              "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,"
              "tags,timestamp")
    rows, expected = [], set()
    for n in range(40):
        notes = f"On 3 May 2022, protesters gathered in Zqvillage{n} over fuel prices."
        rows.append(f"KEN{n},2022-05-03,2022,1,Demonstrations,Protests,Peaceful protest,Protesters (Kenya),,6,,,0,60,,"
                    f"404,Eastern Africa,Kenya,Nairobi,,,Zqvillage{n},-1.{n:02d},36.8,1,Star,National,\"{notes}\",0,,0")
        if split_of(notes) == "train":
            expected.add(f"Zqvillage{n}")
    rows.append("KEN99,2022-05-04,2022,1,Demonstrations,Protests,Peaceful protest,Protesters (Kenya),,6,,,0,60,,"
                "404,Eastern Africa,Kenya,Nairobi,,,Nairobi,-1.28,36.82,1,Star,National,\"Protest in Nairobi.\",0,,0")
    path = tmp_path / "acled.csv"
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    found = harvest([str(path)])
    assert expected and {r["name"] for r in found} == expected  # Nairobi is in GeoNames already
    assert all(r["country"] == "KE" and r["source"].startswith("ACLED train split") for r in found)


def test_harvested_villages_resolve(gaz: Gazetteer) -> None:
    place = gaz.resolve("Hlaingtharya", GeoContext(countries=["MM"]))
    assert place is not None and place.iso3 == "MMR" and place.source.startswith("ACLED train split")


def test_geonames_points_come_from_train_documents_only(tmp_path) -> None:
    from sitrep.evaluate.split import split_of
    from sitrep.gazetteer.harvest import harvest_geonames_points

    def article(n: int, lat: float) -> str:
        return (f'<article file="{n}"><title>t</title><link>l</link><text>Flights to France resumed.</text>'
                f'<toponyms><toponym><extractedName>France</extractedName><type>Literal</type>'
                f'<nonLocational>No</nonLocational><start>11</start><end>17</end><geonamesID>3017382</geonamesID>'
                f'<latitude>{lat}</latitude><longitude>2.0</longitude></toponym></toponyms></article>')

    train = next(n for n in range(100) if split_of(f"gwn-{n}") == "train")
    test = next(n for n in range(100) if split_of(f"gwn-{n}") == "test")
    path = tmp_path / "gwn.xml"
    path.write_text(f"<articles>{article(test, 99.0)}{article(train, 46.0)}</articles>", encoding="utf-8")
    rows = harvest_geonames_points(str(path))
    assert [(r["kind"], r["country"], r["geonameid"], r["lat"]) for r in rows] == [
        ("country", "FR", "3017382", "46.00000")]


def test_countries_sit_at_geonames_points(gaz: Gazetteer) -> None:
    us = gaz.country_by_name("United States")
    assert (us.latitude, us.longitude) == (39.76, -98.5) and us.geonameid == 6252001


def test_harvested_places_need_context_to_beat_geonames(gaz: Gazetteer) -> None:
    # "Eastleigh" is a Nairobi estate in ACLED's rows and a town in England in GeoNames.
    assert gaz.resolve("Eastleigh").source == "GeoNames"
    kenyan = gaz.resolve("Eastleigh", GeoContext(countries=["KE"]))
    assert kenyan.iso3 == "KEN" and kenyan.source.startswith("ACLED train split")


def test_harvest_can_be_switched_off(monkeypatch) -> None:
    from sitrep.gazetteer import harvest

    assert harvest.read_harvest()
    with_harvest = store.cache_key()
    monkeypatch.setenv(harvest.DISABLE_ENV, "1")
    assert harvest.read_harvest() == []
    assert store.cache_key() != with_harvest  # a separate cache file


@pytest.mark.parametrize("name, ctx, geonameid", [
    ("Limpopo", "ZA", 1085597), ("Wales", "GB", 2634895), ("British Columbia", "CA", 5909050),
    ("Daviess County", "US", 4289518), ("Laguna", "PH", 1708026),
])
def test_admin_areas_carry_geonames_ids(gaz: Gazetteer, name: str, ctx: str, geonameid: int) -> None:
    place = gaz.resolve(name, GeoContext(countries=[ctx]))
    assert place.feature_code in ("ADM1", "ADM2") and place.geonameid == geonameid


def test_admin1_areas_sit_at_their_territory_middle(gaz: Gazetteer) -> None:
    # GeoNames: British Columbia 54.0 N 125.0 W, Texas 31.3 N 99.3 W; their towns crowd
    # along the US border and the east, hundreds of km off.
    assert near(gaz.resolve("British Columbia"), 54.0, -125.0, km=161)
    assert near(gaz.resolve("Texas"), 31.25, -99.25, km=100)


def test_a_district_does_not_borrow_a_city_of_another_name() -> None:
    def town(name: str, population: int) -> build.PlaceRow:
        return build.PlaceRow(1, name, 0.0, 0.0, "AU", None, None, None, "P", "PPL", population,
                              "GeoNames", None, {})
    perth, leederville = town("Perth", 2_000_000), town("Leederville", 30_000)
    assert build._district_population([perth, leederville], {"Cambridge": 2}) == 30_000
    assert build._district_population([perth, leederville], {"Perth": 2}) == 2_030_000


def test_cambridge_alone_is_the_english_city(gaz: Gazetteer) -> None:
    place = gaz.resolve("Cambridge")
    assert place.iso3 == "GBR" and place.geonameid == 2653941


def test_subdivisions_give_admin2_ids_by_code_and_short_name() -> None:
    subs = build.read_subdivisions()
    assert subs.admin1[("ZA", "09")] == (1085597, "Limpopo")
    assert subs.admin2_id("PH", "40", "Province of Laguna") == 1708026
    assert subs.admin2_id("US", "KY", "Daviess County") == 4289518


@pytest.mark.parametrize("name, iso3, lat, lon", [
    ("Darfur", "SDN", 13.5, 24.5), ("Donbas", "UKR", 48.3, 38.6), ("Mindanao", "PHL", 7.6, 124.9),
    ("Sumatra", "IDN", -0.5, 101.5), ("Middle East", None, 29.0, 45.0),
])
def test_regions_are_unions_of_their_parts(gaz: Gazetteer, name: str, iso3: str | None,
                                           lat: float, lon: float) -> None:
    place = gaz.resolve(name)
    assert place.name == name and place.iso3 == iso3 and place.geonameid is None
    assert place.feature_class in ("L", "T") and near(place, lat, lon, km=300)


def test_regions_file_names_real_parts() -> None:
    with open(build.REGIONS_FILE, encoding="utf-8") as fh:
        entries = yaml.safe_load(fh)["regions"]
    assert all(e.get("admin1") or e.get("countries") for e in entries)
    with pytest.raises(ValueError, match="unknown parts"):
        build.region_rows([{"name": "Nowhere", "feature": "L.RGN", "admin1": ["SD: Atlantis"]}], [], {}, {}, 1)
