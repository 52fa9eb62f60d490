"""The geoparser: every place mention, `sitrep places`, and the GeoWebNews / GeoVirus evaluation."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.cli import main
from sitrep.evaluate import geoparse as gp
from sitrep.geoparse import MENTION_FIELDS, geoparse, mention_record
from sitrep.model import Place, PlaceMention, Span

TEXT = ("Turkish forces shelled Afrin on Sunday, the UK-based Syrian Observatory for Human Rights said. "
        "Officials in Russia and Europe condemned the strikes near Aleppo.")


@pytest.fixture(scope="module")
def mentions() -> list[PlaceMention]:
    return geoparse(TEXT)


def _by_text(mentions: list[PlaceMention], text: str) -> PlaceMention:
    return next(m for m in mentions if m.span.text == text)


def test_offsets_point_into_the_text(mentions):
    assert len(mentions) >= 5
    for m in mentions:
        assert TEXT[m.span.start:m.span.end] == m.span.text


def test_adjectival_use_resolves_to_the_country(mentions):
    turkish = _by_text(mentions, "Turkish")
    assert turkish.role == "adjectival"
    assert turkish.place.feature_code == "PCLI" and turkish.place.geonameid == 298795  # GeoNames' Turkey


def test_seat_of_a_source_is_marked(mentions):
    uk = _by_text(mentions, "UK")
    assert uk.role == "seat" and uk.place.iso3 == "GBR"


def test_countries_and_continents_carry_geonames_ids_and_centres(mentions):
    russia = _by_text(mentions, "Russia").place
    assert russia.geonameid == 2017370
    assert abs(russia.latitude - 60) < 1 and abs(russia.longitude - 100) < 1  # the country, not Moscow
    europe = _by_text(mentions, "Europe").place
    assert europe.feature_code == "CONT" and europe.geonameid == 6255148


def test_towns_are_resolved_in_the_article_country(mentions):
    afrin = _by_text(mentions, "Afrin")
    assert afrin.place.iso3 == "SYR" and afrin.place.feature_code.startswith("PPL") and afrin.role == "location"
    aleppo = _by_text(mentions, "Aleppo")
    assert aleppo.place.iso3 == "SYR" and aleppo.precision == 2  # "near Aleppo"


def test_mention_record_has_every_field(mentions):
    record = mention_record(mentions[0], "a1")
    assert tuple(record) == MENTION_FIELDS
    assert record["article_id"] == "a1" and record["iso3"] == "TUR"


def test_places_command_lists_mentions_as_jsonl(capsys, tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("Clashes in Tripoli, Lebanon\n\nGunmen attacked a checkpoint in Tripoli, Lebanon, on Monday.\n",
                    encoding="utf-8")
    assert main(["places", str(path), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    tripoli = [r for r in rows if r["text"] == "Tripoli"]
    assert tripoli and all(r["iso3"] == "LBN" and r["feature_class"] == "P" for r in tripoli)
    assert all(r["article_id"] == rows[0]["article_id"] for r in rows)


def test_places_command_table_and_csv(capsys, tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("Protesters gathered in Khartoum on Friday.\n", encoding="utf-8")
    assert main(["places", str(path), "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split(",") == list(MENTION_FIELDS) and "Khartoum" in lines[1]
    assert main(["places", str(path)]) == 0
    assert capsys.readouterr().out.rstrip().endswith("1 mention")


# ---------------------------------------------------------------- evaluation

GWN = """<?xml version="1.0" ?>
<articles>
  <article file="7"><title>t</title><link>l</link>
    <text>Paris and the French gave Xyz a medal.</text>
    <toponyms>
      <toponym><extractedName>Paris</extractedName><type>Literal</type><nonLocational>No</nonLocational>
        <start>0</start><end>5</end><geonamesID>2988507</geonamesID><latitude>48.85341</latitude>
        <longitude>2.3488</longitude></toponym>
      <toponym><extractedName>French</extractedName><type>Demonym</type><nonLocational>Yes</nonLocational>
        <start>14</start><end>20</end></toponym>
      <toponym><extractedName>Xyz</extractedName><type>Literal</type><nonLocational>No</nonLocational>
        <start>26</start><end>29</end><geonamesID /><latitude>10.0</latitude><longitude>10.0</longitude></toponym>
    </toponyms>
  </article>
</articles>
"""

GEOVIRUS = """<articles><article><source>https://example.org/story</source>
  <text>Cases rose in Lagos.</text>
  <locations><location><name>Lagos</name><start>14</start><end>19</end><lat>6.45</lat><lon>3.39</lon>
  <page>p</page></location></locations></article></articles>
"""


def _place(name: str, lat: float, lon: float, gid: int | None = None) -> Place:
    return Place(name=name, latitude=lat, longitude=lon, geonameid=gid)


def test_reads_both_formats(tmp_path):
    (tmp_path / "g.xml").write_text(GWN, encoding="utf-8")
    (tmp_path / "v.xml").write_text(GEOVIRUS, encoding="utf-8")
    name, docs = gp.read_gold(tmp_path / "g.xml")
    assert name == "geowebnews" and docs[0].doc_id == "gwn-7"
    assert [t.text for t in docs[0].toponyms] == ["Paris", "Xyz"]  # the demonym has no coordinates
    assert docs[0].toponyms[0].geonameid == 2988507 and docs[0].toponyms[1].geonameid is None
    assert docs[0].neutral == [(14, 20)]
    name, docs = gp.read_gold(tmp_path / "v.xml")
    assert name == "geovirus" and docs[0].doc_id == "https://example.org/story"
    assert docs[0].toponyms[0].lat == 6.45


def test_bad_file_is_a_clear_error(tmp_path):
    path = tmp_path / "bad.xml"
    path.write_text("<articles><article><text>x</text></article></articles>", encoding="utf-8")
    with pytest.raises(gp.EvalError, match="bad.xml"):
        gp.read_gold(path)
    path.write_text("not xml", encoding="utf-8")
    with pytest.raises(gp.EvalError, match="bad.xml"):
        gp.read_gold(path)


def test_scoring_recall_precision_distance_and_ids(tmp_path):
    (tmp_path / "g.xml").write_text(GWN, encoding="utf-8")
    _, docs = gp.read_gold(tmp_path / "g.xml")
    predicted = [
        PlaceMention(Span("Paris", 0, 5), _place("Paris", 48.85, 2.35, 2988507)),
        PlaceMention(Span("French", 14, 20), _place("France", 46, 2), role="adjectival"),
        PlaceMention(Span("medal", 32, 37), _place("Medal", 0, 0)),  # spurious
    ]
    tally = gp.Tally()
    gp.score_doc(docs[0], predicted, tally)
    m = gp.metrics(tally)
    assert m["mention_recall"] == 0.5 and m["mention_precision"] == 0.5  # adjectival left out
    assert m["accuracy_161km"] == 1.0 and m["exact_geonameid"] == 1.0 and m["median_error_km"] < 1
    assert m["accuracy_161km_end_to_end"] == 0.5
    assert m["accuracy_161km_by_feature"] == {"town or spot": "1.000 of 1"}


def test_auc_is_zero_for_perfect_and_one_at_the_antipode():
    assert gp.auc([0.0, 0.0]) == 0.0
    assert gp.auc([gp.MAX_KM, gp.MAX_KM]) == pytest.approx(1.0)
    assert 0 < gp.auc([0.0, 100.0, 1000.0]) < 1


def test_split_is_fixed_by_document_id(tmp_path):
    docs = [gp.GoldDoc(f"gwn-{n}", "", []) for n in range(200)]
    dev = gp.select(docs, "dev")
    test = gp.select(docs, "test")
    assert dev and test and not {d.doc_id for d in dev} & {d.doc_id for d in test}
    assert [d.doc_id for d in gp.select(list(reversed(docs)), "dev")] == [d.doc_id for d in reversed(dev)]


def test_eval_geoparse_command(capsys, tmp_path):
    path = tmp_path / "v.xml"
    path.write_text(GEOVIRUS, encoding="utf-8")
    assert main(["eval", "geoparse", str(path), "--split", "all", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    entry = report["datasets"][0]
    assert entry["dataset"] == "geovirus" and entry["mention_recall"] == 1.0 and entry["accuracy_161km"] == 1.0


def test_continent_adjectives_and_country_acronyms_in_names():
    text = "The US Centers for Disease Control said European officials met. US-backed forces entered Raqqa."
    found = {(m.span.text, m.span.start): m for m in geoparse(text)}
    us = found[("US", 4)]
    assert us.place.iso3 == "USA" and us.role == "adjectival"  # part of an organisation's name
    assert found[("European", 40)].place.feature_code == "CONT"
    raqqa = next(m for m in found.values() if m.span.text == "Raqqa")
    assert raqqa.place.iso3 == "SYR"  # "US-backed" does not pull the article to the United States


def test_a_list_of_provinces_is_not_a_place_and_its_province():
    text = ("Deaths have occurred in the provinces of Anhui, Guangdong, Guangxi, Hainan and Hubei. "
            "British Columbia, Alberta, Saskatchewan, Manitoba, and Ontario have had cases.")
    found = {m.span.text: m.place for m in geoparse(text)}
    for name in ("Anhui", "Guangdong", "Guangxi", "Hainan", "Hubei", "British Columbia", "Alberta",
                 "Saskatchewan"):
        assert found[name].feature_code == "ADM1", name
    assert found["Alberta"].iso3 == "CAN" and found["Guangdong"].iso3 == "CHN"


def test_the_one_state_an_article_names_places_its_counties():
    text = ("Samples were found in the Rice Lake area of Fulton County located in Illinois. "
            "The Illinois Department of Natural Resources tested them.")
    fulton = next(m for m in geoparse(text) if m.span.text == "Fulton County")
    assert fulton.place.admin1 == "Illinois" and fulton.place.feature_code == "ADM2"


def test_a_region_is_found_but_a_town_in_it_is_the_more_precise_place():
    found = {m.span.text: m for m in geoparse("Clashes in Darfur killed ten people in Nyala on Monday.")}
    assert found["Darfur"].place.feature_code == "RGN" and found["Darfur"].precision == 3
    assert found["Nyala"].place.iso3 == "SDN" and found["Nyala"].precision == 1


@pytest.mark.parametrize("text, place, iso3", [
    ("By Matthew Daly, The Associated Press. WASHINGTON (AP) - The bill failed again.", "Washington", "USA"),
    ("The Canadian Press.\n\nTORONTO — The family of a woman said.", "Toronto", "CAN"),
    ("ALBUQUERQUE, N.M. (AP) - Documents show an official said.", "Albuquerque", "USA"),
])
def test_datelines_in_capitals_are_places(text, place, iso3):
    first = geoparse(text)
    assert any(m.place.name == place and m.place.iso3 == iso3 and m.span.text.isupper() for m in first)


def test_capitals_that_name_no_place_are_not_datelines():
    assert geoparse("BREAKING NEWS: The committee met. UPDATE (AP) - NATO said nothing.") == []


def test_a_city_of_the_story_country_counts_without_a_cue():
    text = ("Syrian government forces pressed on in Syria. Douma is surrounded by Syrian troops, "
            "the Syrian army said.")
    douma = next(m for m in geoparse(text) if m.span.text == "Douma")
    assert douma.place.iso3 == "SYR" and douma.place.population >= 100_000


def test_a_hawaii_and_guam_list_is_not_guam_in_louisiana():
    found = {m.span.text: m.place for m in geoparse("Teams are heading to Hawaii and Guam, Louisiana, Nevada.")}
    assert found["Guam"].iso3 == "GUM" and found["Louisiana"].feature_code == "ADM1"
