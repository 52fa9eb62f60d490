"""`sitrep events` over a store filled by hand (SQLite file or PostgreSQL URL)."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from factories import CIVILIANS, IDLIB, SYRIA, claim, toll

from sitrep.cli import main
from sitrep.store import open_store

WED = dt.date(2024, 11, 27)


@pytest.fixture
def filled(store_target, make_result):
    with open_store(store_target) as store:
        store.save(make_result("a1", [claim(day=WED, fatalities=toll(132))], outlet="Wire A"))
        store.save(make_result("a2", [claim(day=WED, source="SANA", fatalities=toll(25))], outlet="Wire B"))
        store.save(make_result("a3", [claim("Air/drone strike", actor1=SYRIA, actor2=CIVILIANS, place=IDLIB,
                                            day=WED - dt.timedelta(days=7), fatalities=toll(5))]))
    return store_target


def events(capsys, *args: str) -> list[dict]:
    code = main(["events", *args, "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def test_events_lists_one_event_per_real_event(capsys, filled):
    listed = events(capsys, "--db", filled)
    assert [e["article_ids"] for e in listed] == [["a3"], ["a1", "a2"]]
    assert listed[1]["outlet"] == "Wire A; Wire B"


@pytest.mark.parametrize(("args", "expected"), [
    (["--country", "Syria", "--since", "2024-11-25"], [["a1", "a2"]]),
    (["--country", "syr", "--until", "2024-11-25"], [["a3"]]),
    (["--admin1", "Idlib"], [["a3"]]),
    (["--type", "battles"], [["a1", "a2"]]),
    (["--type", "Air/drone strike"], [["a3"]]),
    (["--actor", "tahrir"], [["a1", "a2"]]),
    (["--bbox", "36.5,35.5,36.8,36.1"], [["a3"]]),
    (["--min-fatalities", "20"], [["a1", "a2"]]),
    (["--text", "sana"], [["a1", "a2"]]),
    (["--limit", "1"], [["a3"]]),
])
def test_events_filters(capsys, filled, args, expected):
    assert [e["article_ids"] for e in events(capsys, "--db", filled, *args)] == expected


def test_events_table_counts(capsys, filled):
    assert main(["events", "--db", filled, "--country", "Syria"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "2 events"


@pytest.mark.parametrize(("args", "message"), [
    (["--bbox", "1,2,3"], "not a box"),
    (["--bbox", "38,35,36,37"], "not a box"),
    (["--type", "skirmish"], "not an ACLED event type"),
    (["--since", "yesterday"], "not a date"),
])
def test_bad_options_are_named(capsys, args, message):
    with pytest.raises(SystemExit) as exit_:
        main(["events", *args])
    assert exit_.value.code == 2 and message in capsys.readouterr().err


def test_a_file_that_is_not_a_store_is_an_error(capsys, tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("not a database " * 100)
    assert main(["events", "--db", str(bad)]) == 2
    assert "notes.txt: cannot open as a sitrep store" in capsys.readouterr().err
