"""The SQLite store and the output formats, with events built by hand."""
from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json

from factories import article, claim, toll

from sitrep.export import FIELDS, event_record, write_records
from sitrep.fuse import fuse_article
from sitrep.model import ArticleResult
from sitrep.store import open_store

WED = dt.date(2024, 11, 27)


def _records():
    events = fuse_article(article(), [claim(day=WED, fatalities=toll(132, by_party={"HTS": 65, "Syria": 67}))])
    return [event_record(e) for e in events]


def test_record_has_every_design_field():
    [record] = _records()
    assert set(FIELDS) <= set(record)
    assert record["event_date"] == "2024-11-27"
    assert record["admin1"] == "Aleppo" and record["iso3"] == "SYR"
    assert record["interaction"] == 12
    assert record["claims"][0]["source"] == "SOHR"
    assert record["evidence"][0]["start"] == 0


def test_jsonl_round_trips():
    out = io.StringIO()
    assert write_records(_records(), "jsonl", out) == 1
    assert json.loads(out.getvalue())["fatalities_by_party"] == {"HTS": 65, "Syria": 67}


def test_csv_keeps_nested_data_as_json():
    out = io.StringIO()
    write_records(_records(), "csv", out)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert json.loads(row["fatalities_by_party"]) == {"HTS": 65, "Syria": 67}
    assert row["fatalities"] == "132"


def test_table_is_readable():
    out = io.StringIO()
    write_records(_records(), "table", out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("EVENT_DATE")
    assert "2024-11-27" in lines[1] and "Hayat Tahrir al-Sham" in lines[1]
    assert lines[-1] == "1 event"


def test_store_replaces_an_articles_events(tmp_path):
    store = open_store(tmp_path / "s.db")
    a = article()
    first = fuse_article(a, [claim(day=WED), claim("Air/drone strike", start=40)])
    store.save(ArticleResult(a, first))
    assert len(list(store.events())) == 2
    edited = dataclasses.replace(a, text="y" * 200)  # a new version of the article: same id, new text
    store.save(ArticleResult(edited, fuse_article(edited, [claim(day=WED)])))
    assert [r["event_id"] for r in store.events()] == [first[0].event_id]
    assert [r["event_date"] for r in store.events(since="2024-11-01", until="2024-11-30")] == ["2024-11-27"]
    store.close()


def test_store_refuses_a_file_that_is_not_a_database(tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("not a database " * 100)
    try:
        open_store(bad)
    except Exception as exc:  # noqa: BLE001 - asserting the type below
        assert type(exc).__name__ == "StoreError" and "notes.txt" in str(exc)
    else:
        raise AssertionError("expected StoreError")
