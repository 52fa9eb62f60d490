"""Counts and death tolls, ACLED-style (codebook 1.9), on the seed article and textbook cases."""
from __future__ import annotations

import pytest

from sitrep.extract.fatalities import (
    CASUALTIES, KILLED_OR_INJURED, NONE_REPORTED, check_breakdown, find_breakdown,
    find_fatalities, to_fatalities,
)
from sitrep.extract.numbers import find_quantities, parse_quantity, words_value
from sitrep.model import Fatalities

# ---------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("text", "low", "best", "high", "vague", "kind"),
    [
        ("132", 132, 132, 132, False, "exact"),
        ("1,200", 1200, 1200, 1200, False, "exact"),
        ("2.5 million", 2_500_000, 2_500_000, 2_500_000, False, "exact"),
        ("sixty-five", 65, 65, 65, False, "exact"),
        ("twenty one", 21, 21, 21, False, "exact"),
        ("a hundred", 100, 100, 100, False, "exact"),
        ("three hundred and forty", 340, 340, 340, False, "exact"),
        ("two thousand five hundred", 2500, 2500, 2500, False, "exact"),
        ("a dozen", 12, 12, 12, False, "approx"),
        ("half a dozen", 6, 6, 6, False, "approx"),
        ("dozens", 12, 12, None, True, "vague"),
        ("scores", 20, 20, None, True, "vague"),
        ("hundreds", 100, 100, None, True, "vague"),
        ("thousands", 1000, 1000, None, True, "vague"),
        ("tens of", 10, 10, None, True, "vague"),
        ("tens of thousands", 10_000, 10_000, None, True, "vague"),
        ("several hundred", 100, 100, None, True, "vague"),
        ("several", 3, 3, None, True, "unspecified"),
        ("a number of", 3, 3, None, True, "unspecified"),
        ("some", 3, 3, None, True, "unspecified"),
        ("a few", 3, 3, None, True, "unspecified"),
        ("many", 3, 3, None, True, "unspecified"),
        ("multiple", 3, 3, None, True, "unspecified"),
        ("at least 10", 10, 10, None, False, "at_least"),
        ("more than 60", 60, 60, None, False, "at_least"),
        ("over 100", 100, 100, None, False, "at_least"),
        ("up to 20", 20, 20, 20, False, "up_to"),
        ("some 200", 200, 200, 200, False, "approx"),
        ("nearly 10", 10, 10, 10, False, "approx"),
        ("8-14", 8, 11, 14, False, "range"),
        ("8 to 14", 8, 11, 14, False, "range"),
        ("between 27 and 28", 27, 27, 28, False, "range"),
        ("two or three", 2, 2, 3, False, "range"),
        ("scores to hundreds", 20, 20, 100, True, "range"),
    ],
)
def test_parse_quantity(text: str, low: int, best: int, high: int | None, vague: bool, kind: str) -> None:
    q = parse_quantity(text)
    assert q is not None
    assert (q.low, q.best, q.high, q.vague, q.kind) == (low, best, high, vague, kind)


@pytest.mark.parametrize("text", ["", "soldiers", "2.5", "132 fighters", "the first"])
def test_parse_quantity_none(text: str) -> None:
    assert parse_quantity(text) is None


def test_words_value_stops_at_invalid_sequence() -> None:
    assert words_value("one two") == (1, 3)
    assert words_value("three hundred and forty soldiers") == (340, 23)
    assert words_value("soldiers") is None


def test_find_quantities_skips_dates_times_and_compounds() -> None:
    text = "On 2024-11-27 at 10:30 a 10-year-old boy and a three-day siege; the toll went from 8 to 14."
    assert [(text[s:e], q.low) for s, e, q in find_quantities(text)] == [("8", 8), ("14", 14)]


def test_find_quantities_offsets() -> None:
    text = "HTS captured at least 10 areas and dozens of soldiers died."
    found = find_quantities(text)
    assert [text[s:e] for s, e, _ in found] == ["at least 10", "dozens"]


# ---------------------------------------------------------------- the seed article

SOHR_DOZENS = ("The Syrian Observatory for Human Rights (SOHR), a UK-based monitoring group, stated that "
               "dozens of Syrian soldiers and rebel fighters have died in clashes, with HTS and its allies "
               "capturing at least 10 areas previously controlled by Syrian President Bashar al-Assad’s forces.")
DEATHS_132 = ("On Wednesday, HTS launched an operation that resulted in the deaths of 132 fighters and "
              "soldiers, according to SOHR.")
BREAKDOWN = "The casualties included 65 HTS fighters, 18 members of allied rebel groups, and 49 Syrian soldiers."
CROSSFIRE = ("SOHR also reported that civilians, including children, have been killed or injured in the "
             "crossfire, with Syrian forces launching “hundreds of shells and missiles” on both civilian and "
             "military targets during the fighting.")
FLED = ("Witnesses have reported that hundreds of families in Aleppo, which remains a stronghold for "
        "anti-Assad forces, have fled to areas along the Turkish border for safety.")


def test_seed_dozens_died() -> None:
    f = find_fatalities(SOHR_DOZENS)
    assert f is not None
    assert (f.low, f.best, f.vague) == (12, 12, True)
    assert f.victims == "Syrian soldiers and rebel fighters"
    assert SOHR_DOZENS[f.start:f.end] == f.text == "dozens of Syrian soldiers and rebel fighters have died"
    # "dozens" is a fixed convention, not scaled by intensity
    assert find_fatalities(SOHR_DOZENS, high_intensity=True).low == 12


def test_seed_deaths_of_132() -> None:
    f = find_fatalities(DEATHS_132)
    assert f is not None
    assert (f.low, f.best, f.high, f.vague) == (132, 132, 132, False)
    assert f.victims == "fighters and soldiers"
    assert DEATHS_132[f.start:f.end] == "deaths of 132 fighters and soldiers"
    assert find_breakdown(DEATHS_132) == []


def test_seed_breakdown() -> None:
    parts = find_breakdown(BREAKDOWN)
    assert [(g, n) for g, n, _, _ in parts] == [
        ("HTS fighters", 65), ("members of allied rebel groups", 18), ("Syrian soldiers", 49)]
    assert [BREAKDOWN[s:e] for _, _, s, e in parts] == [
        "65 HTS fighters", "18 members of allied rebel groups", "49 Syrian soldiers"]
    assert check_breakdown(132, [n for _, n, _, _ in parts])
    assert not check_breakdown(130, [n for _, n, _, _ in parts])


def test_seed_crossfire_killed_or_injured() -> None:
    f = find_fatalities(CROSSFIRE)
    assert f is not None
    assert (f.low, f.best, f.high) == (0, 0, 0)
    assert f.note == KILLED_OR_INJURED
    assert f.civilians and f.children
    assert f.victims == "civilians"


def test_seed_fled_is_no_toll() -> None:
    assert find_fatalities(FLED) is None
    assert find_breakdown(FLED) == []


def test_casualties_alone_counts_zero() -> None:
    f = find_fatalities(BREAKDOWN)
    assert f is not None and f.best == 0 and f.note == CASUALTIES
    f = find_fatalities("The military did not mention any casualties.")
    assert f is not None and f.best == 0


# ---------------------------------------------------------------- patterns


@pytest.mark.parametrize(
    ("sentence", "best", "phrase"),
    [
        ("Five people were killed in the attack.", 5, "Five people were killed"),
        ("14 killed in Aleppo shelling", 14, "14 killed"),
        ("The blast left 7 dead.", 7, "7 dead"),
        ("The bombing left at least 14 people dead.", 14, "at least 14 people dead"),
        ("The airstrike killed 9 people.", 9, "killed 9 people"),
        ("Gunmen stormed the village, killing 23.", 23, "killing 23"),
        ("Eleven people were killed in clashes.", 11, "Eleven people were killed"),
        ("Two soldiers died of their wounds.", 2, "Two soldiers died"),
        ("The death toll rose to 45.", 45, "death toll rose to 45"),
        ("The strike raised the death toll to 18.", 18, "death toll to 18"),
        ("12 bodies were found near the river.", 12, "12 bodies"),
        ("The ministry reported 7 fatalities.", 7, "7 fatalities"),
        ("The fire claimed the lives of 30 people.", 30, "claimed the lives of 30 people"),
        ("Three men were shot dead.", 3, "Three men were shot dead"),
        ("The massacre of 40 villagers shocked the country.", 40, "massacre of 40 villagers"),
        ("Sixty-five fighters lost their lives.", 65, "Sixty-five fighters lost their lives"),
        ("Between 27 and 28 people were killed.", 27, "Between 27 and 28 people were killed"),
        ("Scores of militants were killed.", 20, "Scores of militants were killed"),
        ("Israeli forces killed three Palestinians.", 3, "killed three Palestinians"),
        ("In 2015, 300 people were killed.", 300, "300 people were killed"),
        ("The attack killed 5 people on 12 March 2022.", 5, "killed 5 people"),
    ],
)
def test_death_patterns(sentence: str, best: int, phrase: str) -> None:
    f = find_fatalities(sentence)
    assert f is not None
    assert f.best == best
    assert f.text == phrase == sentence[f.start:f.end]


def test_range_low_best_high() -> None:
    f = find_fatalities("8-14 civilians were killed.")
    assert (f.low, f.best, f.high) == (8, 11, 14)


def test_at_least_leaves_high_open() -> None:
    f = find_fatalities("At least 20 people were killed.")
    assert (f.low, f.best, f.high) == (20, 20, None)
    assert to_fatalities(f, {}).high == 20


@pytest.mark.parametrize(
    ("sentence", "best"),
    [
        ("More than 60 Sudanese and 25 Saudi soldiers were killed.", 85),
        ("The raid killed 12 soldiers and 3 civilians.", 15),
        ("Seven soldiers and 12 civilians were killed.", 19),
    ],
)
def test_coordinated_counts_add_up(sentence: str, best: int) -> None:
    assert find_fatalities(sentence).best == best


# ---------------------------------------------------------------- injuries and casualties


@pytest.mark.parametrize(
    "sentence",
    ["Ten people were injured.", "Dozens were wounded in the blast.", "The strike wounded 14 civilians.",
     "Hundreds of families have fled.", "HTS fighters advanced nearly 10 kilometers (6 miles).",
     "HTS captured at least 10 areas.", "The army fired hundreds of shells."],
)
def test_no_deaths(sentence: str) -> None:
    assert find_fatalities(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "best"),
    [
        ("Gunmen killed 12 villagers and wounded 8 others.", 12),
        ("The attack killed 5 and wounded 10.", 5),
        ("Three people died and 10 were injured.", 3),
        ("Ten people were injured and two were killed.", 2),
    ],
)
def test_injuries_are_not_deaths(sentence: str, best: int) -> None:
    assert find_fatalities(sentence).best == best


@pytest.mark.parametrize(
    "sentence",
    ["Four PKK militants were killed or injured.", "The airstrike killed or injured several people.",
     "Civilians have been killed or wounded."],
)
def test_killed_or_injured_counts_zero(sentence: str) -> None:
    f = find_fatalities(sentence)
    assert f is not None and f.best == 0 and f.note == KILLED_OR_INJURED


def test_killing_and_injuring_dozens_is_half() -> None:
    f = find_fatalities("Houthi shelling hit the market, killing and injuring dozens.")
    assert (f.low, f.best, f.vague) == (6, 6, True)
    assert "half of 12" in f.note


def test_killed_and_wounded_unspecified_is_not_halved() -> None:
    f = find_fatalities("Several soldiers were killed and wounded.")
    assert f.best == 3


@pytest.mark.parametrize(
    "sentence", ["No one was killed in the attack.", "There were no fatalities.", "There were no deaths."])
def test_none_killed(sentence: str) -> None:
    f = find_fatalities(sentence)
    assert f is not None and f.best == 0 and f.note == NONE_REPORTED
    assert f.text.lower().startswith("no")


def test_the_shooters_are_not_the_dead() -> None:
    f = find_fatalities("On 5 March 2022, two gunmen shot a man dead outside his house.")
    assert f.best == 1 and f.victims == "man"


def test_referring_nouns_are_not_counts() -> None:
    f = find_fatalities("Two men were shot dead and their bodies were left beside a road.")
    assert f.best == 2
    assert find_fatalities("The dead were buried on Friday.") is None


# ---------------------------------------------------------------- no number, civilians


@pytest.mark.parametrize(
    ("sentence", "low", "high_intensity_low", "vague"),
    [
        ("Civilians were killed in the shelling.", 3, 10, True),
        ("Several soldiers were killed.", 3, 10, True),
        ("Syrian forces killed civilians in Idlib.", 3, 10, True),
        ("There were fatalities on both sides.", 3, 10, True),
        ("A civilian was killed.", 1, 1, False),
        ("A soldier died of his wounds.", 1, 1, False),
        ("One person died.", 1, 1, False),
        ("Gunmen killed a farmer in Kaduna.", 1, 1, False),
        ("Two soldiers were killed.", 2, 2, False),
        ("A civilian and his son were killed by gunmen.", 2, 2, False),
        ("Militants shot dead the head of the forestry office.", 1, 1, False),
        ("A conscript in the Egyptian security forces was killed by gunmen.", 1, 1, False),
        ("The fire killed an 80-year-old civilian.", 1, 1, False),
        ("Three VDP volunteers and a village councillor were killed.", 4, 4, False),
    ],
)
def test_no_number(sentence: str, low: int, high_intensity_low: int, vague: bool) -> None:
    f = find_fatalities(sentence)
    assert f is not None and f.low == low and f.vague == vague
    assert find_fatalities(sentence, high_intensity=True).low == high_intensity_low


@pytest.mark.parametrize(
    ("sentence", "count", "children"),
    [
        ("At least 20 people were killed, including 5 civilians.", 5, False),
        ("Seven soldiers and 12 civilians were killed.", 12, False),
        ("Twelve civilians were among the dead.", 12, False),
        ("The strike killed 9 people, including 4 children.", 4, True),
        ("Gunmen killed 12 villagers.", 12, False),
        ("Civilians, including children, have been killed.", 3, True),
    ],
)
def test_civilians(sentence: str, count: int, children: bool) -> None:
    f = find_fatalities(sentence)
    assert f.civilians and f.civilian_count == count and f.children == children


def test_soldiers_are_not_civilians() -> None:
    f = find_fatalities("Two soldiers were killed.")
    assert not f.civilians and f.civilian_count is None


# ---------------------------------------------------------------- breakdowns and conversion


@pytest.mark.parametrize(
    ("sentence", "parts"),
    [
        ("The dead were 40 soldiers, among them 12 officers and 3 conscripts.",
         [("officers", 12), ("conscripts", 3)]),
        ("132 died (65 HTS, 18 rebels and 49 soldiers).", [("HTS", 65), ("rebels", 18), ("soldiers", 49)]),
        ("Among them were 12 soldiers and 3 civilians.", [("soldiers", 12), ("civilians", 3)]),
    ],
)
def test_breakdown(sentence: str, parts: list[tuple[str, int]]) -> None:
    assert [(g, n) for g, n, _, _ in find_breakdown(sentence)] == parts


@pytest.mark.parametrize(
    "sentence",
    ["Five people were killed.", "The attack killed 5 soldiers and wounded 10 civilians.",
     "HTS advanced 10 kilometers and took 3 villages."],
)
def test_no_breakdown(sentence: str) -> None:
    assert find_breakdown(sentence) == []


def test_check_breakdown_needs_two_parts() -> None:
    assert not check_breakdown(5, [5])
    assert check_breakdown(15, [12, 3])


def test_to_fatalities() -> None:
    f = find_fatalities("At least 20 people were killed, including 5 civilians.")
    out = to_fatalities(f, {"Military Forces of Syria": 20})
    assert out == Fatalities(low=20, best=20, high=20, text="At least 20 people were killed", vague=False,
                             by_party={"Military Forces of Syria": 20}, civilians=5, children=False, note=None)
