"""Streets, buildings and venues placed at their town; names the city lists must not swallow."""
from __future__ import annotations

import pytest

from sitrep.gazetteer.normalize import normalize
from sitrep.geoparse import geoparse
from sitrep.model import PlaceMention


def _find(mentions: list[PlaceMention], text: str) -> PlaceMention | None:
    return next((m for m in mentions if m.span.text == text), None)


def test_a_street_is_placed_at_the_town_named_after_it():
    text = "Firefighters closed Magnolia Avenue in Tulsa after a gas leak on Monday."
    street = _find(geoparse(text), "Magnolia Avenue")
    assert street is not None
    assert street.role == "facility" and street.precision == 2
    assert street.place.geonameid is None  # GeoNames does not list the street
    assert street.place.country == "United States" and "Tulsa" in street.place.source
    assert text[street.span.start:street.span.end] == "Magnolia Avenue"


def test_a_towns_possessive_is_cut_off_the_venue_and_places_it():
    mentions = geoparse("Thousands queued outside Lisbon's Estrela Vermelha Stadium for the final.")
    venue = _find(mentions, "Estrela Vermelha Stadium")
    assert venue is not None and venue.place.iso3 == "PRT"
    assert _find(mentions, "Lisbon").role == "location"


def test_an_organisation_word_needs_the_towns_possessive():
    # "Medical Center" alone is as often who speaks as where: no mention without its town.
    said = geoparse("The Hillcrest Medical Center said in Dallas that two patients recovered.")
    assert _find(said, "Hillcrest Medical Center") is None
    owned = geoparse("Patients were moved to Dallas's Hillcrest Medical Center overnight.")
    assert _find(owned, "Hillcrest Medical Center") is not None


def test_no_town_named_means_no_facility_mention():
    assert not [m for m in geoparse("Crowds filled Harbour Street on Saturday.") if m.role == "facility"]


def test_a_facility_does_not_move_the_event_location_role():
    mentions = geoparse("Police sealed off Elm Road in Leeds after the blast.")
    assert [m.span.text for m in mentions if m.role == "location"] == ["Leeds"]


def test_a_mountain_range_is_not_a_town_of_its_name():
    mentions = geoparse("Hikers were stranded in the Ural Mountains, officials in Moscow said.")
    assert all(m.place.feature_code != "PPL" or m.span.text != "Ural" for m in mentions)
    assert _find(mentions, "Moscow") is not None


def test_a_country_still_names_its_valley():
    jordan = _find(geoparse("Farmers in the Jordan Valley lost their crops to the frost."), "Jordan")
    assert jordan is not None and jordan.place.feature_code == "PCLI"


@pytest.mark.parametrize("name, code, geonameid", [("England", "ADM1", 6269131), ("Wales", "ADM1", 2634895)])
def test_uk_nations_are_geonames_own_admin1_areas(name, code, geonameid):
    m = _find(geoparse(f"Flu cases rose sharply across {name} this winter."), name)
    assert m is not None and m.place.feature_code == code and m.place.geonameid == geonameid


def test_the_former_name_zaire_reads_as_the_congo_in_a_congo_story():
    m = _find(geoparse("The outbreak in Zaire spread to Kinshasa within weeks."), "Zaire")
    assert m is not None and m.place.iso3 == "COD" and m.place.feature_code == "PCLI"


def test_name_folding_still_drops_doubled_letters():
    assert normalize("Nubbul") == normalize("Nubl")
    assert normalize("Halabb") == normalize("Halab")


def test_the_evaluation_counts_facilities_apart():
    from sitrep.evaluate import geoparse as gp
    from sitrep.model import Place, Span

    text = "Rallies on Elm Parade and in Perth drew crowds."
    gold = gp.GoldDoc("d1", text, [gp.GoldToponym("Elm Parade", 11, 21, -31.95, 115.86, 999),
                                   gp.GoldToponym("Perth", 29, 34, -31.95, 115.86, 2063523)])
    perth = Place("Perth", -31.95, 115.86, geonameid=2063523, feature_class="P", feature_code="PPL")
    street = Place("Elm Parade", -31.95, 115.86, feature_class="S")
    predicted = [PlaceMention(Span("Elm Parade", 11, 21), street, precision=2, role="facility"),
                 PlaceMention(Span("Perth", 29, 34), perth)]
    tally = gp.Tally()
    gp.score_doc(gold, predicted, tally)
    m = gp.metrics(tally)
    assert m["mention_recall"] == 1.0
    assert m["exact_geonameid"] == 0.5  # the street has no id of its own
    assert m["exact_geonameid_without_facilities"] == 1.0
    assert m["accuracy_161km_by_feature"] == {"town or spot": "1.000 of 1", "facility": "1.000 of 1"}


def test_a_big_city_listed_before_a_city_state_is_not_qualified_by_it():
    # "X, Hamburg" reads like a town and its state; Copenhagen is in no German state.
    mentions = geoparse("Shows in Copenhagen, Hamburg, Tallinn and Mannheim were cancelled.")
    copenhagen = _find(mentions, "Copenhagen")
    assert copenhagen is not None and copenhagen.place.iso3 == "DNK"


@pytest.mark.parametrize("sentence, word, iso3", [
    ("The Philippine coast guard towed the ferry back to port.", "Philippine", "PHL"),
    ("A Serb delegation walked out of the talks.", "Serb", "SRB"),
    ("Two Costa Rican fishermen were rescued at sea.", "Costa Rican", "CRI"),
])
def test_more_state_adjectives_resolve_to_their_country(sentence, word, iso3):
    m = _find(geoparse(sentence), word)
    assert m is not None and m.role == "adjectival" and m.place.iso3 == iso3
