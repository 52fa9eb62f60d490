"""Dates resolved against the publication date (ACLED codebook 1.8)."""
from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract.dates import find_date_expressions, is_historical, resolve_date
from sitrep.model import DateInfo

THU = dt.date(2024, 11, 28)  # a Thursday
D = dt.date


@pytest.mark.parametrize(
    ("sentence", "published", "expected", "precision"),
    [
        ("On Wednesday, HTS launched an operation.", THU, D(2024, 11, 27), 1),
        ("On Wednesday, HTS launched an operation.", D(2024, 11, 27), D(2024, 11, 27), 1),
        ("On Thursday, shelling resumed.", THU, THU, 1),
        ("Wednesday night clashes left the town dark.", THU, D(2024, 11, 27), 1),
        ("The strike came late on Tuesday.", THU, D(2024, 11, 26), 1),
        ("Last Thursday the town fell.", THU, D(2024, 11, 21), 1),
        ("Fighting broke out on Friday.", THU, D(2024, 11, 22), 1),
        ("Yesterday, gunmen attacked a checkpoint.", THU, D(2024, 11, 27), 1),
        ("Overnight, drones struck the base.", THU, D(2024, 11, 27), 1),
        ("Last night the army shelled the town.", THU, D(2024, 11, 27), 1),
        ("Earlier today police dispersed protesters.", THU, THU, 1),
        ("This morning a car bomb exploded.", THU, THU, 1),
        ("Two days ago rebels seized the airport.", THU, D(2024, 11, 26), 1),
        ("The village was burned 3 days earlier.", THU, D(2024, 11, 25), 1),
        ("Troops entered the town on 12 March 2022.", THU, D(2022, 3, 12), 1),
        ("Troops entered the town on March 12, 2022.", THU, D(2022, 3, 12), 1),
        ("The report is dated 2024-11-27.", THU, D(2024, 11, 27), 1),
        ("Troops entered the town on 12 March.", D(2022, 1, 5), D(2021, 3, 12), 1),
        ("Troops entered the town on 3 January.", D(2022, 1, 5), D(2022, 1, 3), 1),
        ("The raid happened on the 5th.", THU, D(2024, 11, 5), 1),
        ("Clashes erupted last week.", THU, D(2024, 11, 21), 2),
        ("Clashes erupted earlier this week.", THU, D(2024, 11, 26), 2),
        ("Protests took place last weekend.", THU, D(2024, 11, 23), 2),
        ("Clashes erupted last month.", THU, D(2024, 10, 15), 3),
        ("Clashes erupted in March.", THU, D(2024, 3, 15), 3),
        ("Clashes erupted in early March.", THU, D(2024, 3, 1), 3),
        ("Clashes erupted in late March 2023.", THU, D(2023, 3, 31), 3),
    ],
)
def test_resolve_date(sentence: str, published: dt.date, expected: dt.date, precision: int) -> None:
    info = resolve_date(sentence, published)
    assert info.event_date == expected
    assert info.time_precision == precision
    assert info.text and info.text.lower() in sentence.lower()


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        ("Clashes erupted last week.", D(2024, 11, 18), D(2024, 11, 24)),  # Mon..Sun before
        ("Clashes erupted earlier this week.", D(2024, 11, 25), D(2024, 11, 27)),
        ("Protests took place last weekend.", D(2024, 11, 23), D(2024, 11, 24)),
        ("Clashes erupted last month.", D(2024, 10, 1), D(2024, 10, 31)),
        ("Clashes erupted this month.", D(2024, 11, 1), THU),
        ("Clashes erupted earlier this month.", D(2024, 11, 1), D(2024, 11, 27)),
    ],
)
def test_windows(sentence: str, start: dt.date, end: dt.date) -> None:
    info = resolve_date(sentence, THU)
    assert (info.date_start, info.date_end) == (start, end)
    assert start <= info.event_date <= end


def test_last_week_published_on_monday() -> None:
    info = resolve_date("Clashes erupted last week.", D(2024, 12, 2))
    assert (info.date_start, info.date_end, info.event_date) == (D(2024, 11, 25), D(2024, 12, 1), D(2024, 11, 28))


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        ("The offensive follows a recent escalation in airstrikes.", D(2024, 10, 29), D(2024, 11, 27)),
        ("Attacks have grown recently.", D(2024, 10, 29), D(2024, 11, 27)),
        ("Attacks have grown in recent weeks.", D(2024, 10, 29), D(2024, 11, 27)),
        ("Attacks have grown in recent days.", D(2024, 11, 21), D(2024, 11, 27)),
    ],
)
def test_recent_is_a_window_without_date(sentence: str, start: dt.date, end: dt.date) -> None:
    info = resolve_date(sentence, THU)
    assert info.event_date is None and info.time_precision is None
    assert (info.date_start, info.date_end) == (start, end)


@pytest.mark.parametrize(
    "sentence",
    ["On Wednesday, HTS launched an operation.", "Yesterday gunmen attacked.", "Clashes erupted last week.",
     "Clashes erupted last month.", "Troops entered the town on 12 March.", "Two days ago rebels struck."],
)
def test_no_publication_date_gives_no_relative_date(sentence: str) -> None:
    info = resolve_date(sentence, None)
    assert info.event_date is None
    assert info.text  # the expression is still reported


def test_absolute_date_without_publication_date() -> None:
    assert resolve_date("Troops entered the town on 12 March 2022.", None).event_date == D(2022, 3, 12)


def test_explicit_date_beats_weekday() -> None:
    info = resolve_date("On Monday, 25 November 2024, the army advanced.", THU)
    assert info.event_date == D(2024, 11, 25) and info.text == "25 November 2024"


def test_paragraph_date_is_inherited() -> None:
    inherited = DateInfo(D(2024, 11, 27), D(2024, 11, 27), D(2024, 11, 27), 1, "On Wednesday")
    assert resolve_date("The casualties included 65 HTS fighters.", THU, paragraph_date=inherited) is inherited
    assert resolve_date("The casualties included 65 HTS fighters.", THU) == DateInfo()
    own = resolve_date("Yesterday 5 died.", THU, paragraph_date=inherited)
    assert own.event_date == D(2024, 11, 27) and own.text == "Yesterday"


def test_month_names_are_case_sensitive() -> None:
    assert find_date_expressions("Rebels may march on the city.", THU) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Since Russia’s involvement in the Syrian war in 2015, the Kremlin has backed Assad’s regime.",
        "HTS, a group designated as a “terrorist organization” by the United States, has long been a target.",
        "However, in recent years, HTS has distanced itself from al-Qaeda.",
        "The group has fought the army for decades.",
        "The movement was founded in 2017 in Idlib.",
        "Protests began in 2011.",
        "The militia has controlled the area since 2015.",
        "Last year the group lost the town.",
        # codebook 1.8: a period vaguer than a month is not recorded
        "Rights groups say the militia has detained scores of teachers in recent months.",
        "Over the past few months the rebels have seized dozens of trucks.",
    ],
)
def test_historical(sentence: str) -> None:
    assert is_historical(sentence, THU)
    assert resolve_date(sentence, THU).event_date is None


@pytest.mark.parametrize(
    "sentence",
    [
        "On Wednesday, HTS launched an operation that resulted in the deaths of 132 fighters.",
        "On Wednesday, HTS launched its biggest attack since 2015.",
        "The offensive follows a recent escalation in airstrikes.",
        "The army retook the town in 2024.",
        "It has become the most dominant rebel force in northwestern Syria.",
    ],
)
def test_not_historical(sentence: str) -> None:
    assert not is_historical(sentence, THU)


def test_historical_without_publication_date() -> None:
    assert is_historical("The militia has controlled the area since 2015.", None)
    assert is_historical("Protests began in 2011.", None)
    assert not is_historical("On Wednesday, HTS launched an operation.", None)


def test_find_date_expressions_offsets() -> None:
    text = "On Wednesday, after clashes since 2015, and again yesterday."
    found = find_date_expressions(text, THU)
    assert [text[s:e] for s, e, _ in found] == ["On Wednesday", "since 2015", "yesterday"]
    assert found[0][2].event_date == D(2024, 11, 27)


