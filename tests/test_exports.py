"""`sitrep export`: ACLED CSV, UCDP GED CSV, GeoJSON, Parquet and JSONL, read back by real readers."""
from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import math
import sys
from collections import Counter
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from factories import CIVILIANS, HTS, IDLIB, SYRIA, Actor, article, claim, toll

from sitrep.cli import main
from sitrep.evaluate.acled import read_acled
from sitrep.evaluate.ucdp import read_ucdp
from sitrep.export import FIELDS, event_record
from sitrep.export.acled import ACLED_COLUMNS, acled_row
from sitrep.export.countries import country
from sitrep.export.exporters import export
from sitrep.export.ucdp import NON_STATE, ONE_SIDED, STATE_BASED, UCDP_COLUMNS, priogrid, sides, ucdp_row
from sitrep.fuse import fuse_article
from sitrep.model import ArticleResult
from sitrep.store import open_store
from sitrep.store.base import EventQuery

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
WED = dt.date(2024, 11, 27)
# The header of acledR's 31-column files (ACLED codebook, Table 1).
ACLED_HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,"
    "inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,"
    "location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp")
MILITIA = Actor("Unidentified Armed Group (Syria)", 3, "SY")


def battle() -> dict:
    [event] = fuse_article(article(), [claim(day=WED, fatalities=toll(
        132, by_party={"Hayat Tahrir al-Sham": 65, "Military Forces of Syria": 67}))])
    return event_record(event)


def variant(**fields) -> dict:
    record = battle()
    record.update(fields)
    return record


def massacre() -> dict:
    return variant(event_id="SRVAC", event_type="Violence against civilians", sub_event_type="Attack",
                   actor1=MILITIA.name, inter1=3, actor2=CIVILIANS.name, inter2=7, interaction=37,
                   civilian_targeting=True, fatalities=9, fatalities_low=9, fatalities_best=11, fatalities_high=14,
                   fatalities_by_party={}, civilian_fatalities=None, event_date="2024-11-25",
                   date_start="2024-11-25", date_end="2024-11-25", location="Idlib", admin1="Idlib",
                   latitude=IDLIB.latitude, longitude=IDLIB.longitude)


def protest() -> dict:
    return variant(event_id="SRPROT", disorder_type="Demonstrations", event_type="Protests",
                   sub_event_type="Peaceful protest", actor1="Protesters (Syria)", inter1=6, actor2=None, inter2=None,
                   interaction=60, fatalities=0, fatalities_low=None, fatalities_best=None, fatalities_high=None,
                   fatalities_by_party={}, latitude=None, longitude=None, location=None, admin1=None, admin2=None,
                   event_date="2024-11-26", date_start="2024-11-26", date_end="2024-11-26")


# ---------------------------------------------------------------- ACLED CSV

def test_acled_columns_are_acleds_31_in_order():
    assert ",".join(ACLED_COLUMNS) == ACLED_HEADER and len(ACLED_COLUMNS) == 31
    dummy = DATA / "acledR_dummy" / "acled_old_dummy.csv"
    if dummy.exists():
        assert dummy.read_text(encoding="utf-8").splitlines()[0] == ACLED_HEADER


def test_acled_row_fills_acleds_conventions():
    row = acled_row(battle(), timestamp=1732700000)
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2024-11-27", "2024", 1)
    assert (row["iso"], row["region"], row["country"]) == (760, "Middle East", "Syria")
    assert row["disorder_type"] == "Political violence" and row["civilian_targeting"] == ""
    assert (row["inter1"], row["inter2"], row["interaction"]) == (2, 1, 12)
    assert (row["latitude"], row["longitude"]) == ("36.2012", "37.1612")
    assert row["source"] == "SOHR; Test Wire"
    assert (row["fatalities"], row["timestamp"]) == (132, 1732700000)
    assert row["admin3"] == row["tags"] == row["source_scale"] == ""


@pytest.mark.parametrize(("iso3", "name", "iso", "acled_name", "region"), [
    ("COD", "Democratic Republic of the Congo", 180, "Democratic Republic of Congo", "Middle Africa"),
    ("AFG", "Afghanistan", 4, "Afghanistan", "Caucasus and Central Asia"),
    ("SDN", "Sudan", 729, "Sudan", "Northern Africa"),
    ("SWZ", "Eswatini", 748, "eSwatini", "Southern Africa"),
    (None, "Palestinian Territory", 275, "Palestine", "Middle East"),
    ("XKX", "Kosovo", 0, "Kosovo", "Europe"),
])
def test_acled_country_region_and_iso_number(iso3, name, iso, acled_name, region):
    row = acled_row(variant(iso3=iso3, country=name), timestamp=0)
    assert (row["iso"], row["country"], row["region"]) == (iso, acled_name, region)


def test_acled_country_table_agrees_with_the_acled_files():
    """Every (iso, country, region) in the modern ACLED exports is what we write."""
    seen = Counter()
    for path in sorted(DATA.glob("acled*/*.csv")):
        with path.open(encoding="utf-8", errors="replace", newline="") as fh:
            for row in csv.DictReader(fh):
                if row.get("region") and row.get("iso"):
                    seen[(int(float(row["iso"])), row["country"], row["region"])] += 1
    if not seen:
        pytest.skip("../shared/data is not here")
    by_number = {c.iso: c for c in map(lambda k: country(None, k[1]), seen) if c}
    for iso, name, region in seen:
        assert (by_number[iso].acled_name, by_number[iso].region) == (name, region)


def test_acled_civilian_targeting_and_two_disorder_types():
    assert acled_row(massacre(), timestamp=0)["civilian_targeting"] == "Civilians targeted"
    force = variant(event_type="Protests", sub_event_type="Excessive force against protesters")
    assert acled_row(force, timestamp=0)["disorder_type"] == "Political violence; Demonstrations"


def test_acled_blank_fatalities_are_zero_and_missing_place_is_blank():
    row = acled_row(protest() | {"fatalities": None}, timestamp=0)
    assert row["fatalities"] == 0 and row["latitude"] == "" and row["location"] == ""


def test_acled_leaves_out_aggregate_totals():
    out = io.StringIO()
    result = export([battle(), variant(event_id="SRTOTAL", aggregate=True, fatalities=311)], "acled-csv", out,
                    timestamp=0)
    assert result.written == 1 and sum(result.left_out.values()) == 1
    assert [r["event_id_cnty"] for r in csv.DictReader(io.StringIO(out.getvalue()))] == [battle()["event_id"]]


def test_acled_csv_is_read_back_by_sitreps_acled_reader(tmp_path):
    records = [battle(), massacre(), protest()]
    path = tmp_path / "events.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        assert export(records, "acled-csv", fh, timestamp=1732700000).written == 3
    load = read_acled([path])
    assert load.schemas == {str(path): "modern"} and not load.skipped
    golds = {c.golds[0].id: c.golds[0] for c in load.cases}
    gold = golds[records[0]["event_id"]]
    assert gold.event_type == "Battles" and gold.sub_event_type == "Armed clash"
    assert (gold.actor1, gold.actor2, gold.inter1) == (("Hayat Tahrir al-Sham",), ("Military Forces of Syria",), 2)
    assert (gold.country, gold.admin1, gold.location) == ("Syria", ("Aleppo",), "Aleppo")
    assert (gold.latitude, gold.longitude, gold.fatalities) == (36.2012, 37.1612, 132)
    assert gold.event_date == WED and golds["SRPROT"].actor2 == ()
    assert golds["SRVAC"].fatalities == 9  # ACLED's conservative count, not the best estimate


# ---------------------------------------------------------------- UCDP GED CSV

def test_ucdp_columns_are_geds_in_order():
    assert len(UCDP_COLUMNS) == 49 and UCDP_COLUMNS[:3] == ("id", "relid", "year")
    sample = DATA / "ucdp_ged_sample_uncertainUCDP" / "ucdpged_sample_1000.csv"
    if sample.exists():
        assert sample.read_text(encoding="utf-8").splitlines()[0] == ",".join(UCDP_COLUMNS)


@pytest.mark.parametrize(("a", "b", "kind", "side_a", "side_b"), [
    (HTS, SYRIA, STATE_BASED, "Military Forces of Syria", "Hayat Tahrir al-Sham"),  # the state is side A
    (HTS, MILITIA, NON_STATE, HTS.name, MILITIA.name),
    (CIVILIANS, MILITIA, ONE_SIDED, MILITIA.name, CIVILIANS.name),
    (SYRIA, None, STATE_BASED, SYRIA.name, None),
    (Actor("Rioters (Syria)", 5), None, None, "Rioters (Syria)", None),
])
def test_ucdp_type_of_violence_from_the_actors(a, b, kind, side_a, side_b):
    record = variant(actor1=a.name, inter1=a.inter, actor2=b.name if b else None, inter2=b.inter if b else None)
    assert sides(record) == (kind, side_a, side_b)


def test_ucdp_deaths_by_side_from_the_per_party_toll():
    row = ucdp_row(battle())
    assert (row["side_a"], row["side_b"]) == ("Government of Syria", "Hayat Tahrir al-Sham")
    assert (row["deaths_a"], row["deaths_b"], row["deaths_civilians"], row["deaths_unknown"]) == (67, 65, 0, 0)
    assert (row["low"], row["best"], row["high"]) == (132, 132, 132)
    assert row["dyad_name"] == "Government of Syria - Hayat Tahrir al-Sham"


def test_ucdp_one_sided_victims_are_civilian_deaths_and_estimates_stay_ordered():
    row = ucdp_row(massacre())
    assert (row["type_of_violence"], row["side_b"]) == (ONE_SIDED, "Civilians (Syria)")
    assert (row["deaths_civilians"], row["deaths_unknown"]) == (11, 0)
    assert row["low"] <= row["best"] <= row["high"]


@pytest.mark.parametrize("record", [
    battle(), massacre(), protest(),
    battle() | {"civilian_fatalities": 4, "fatalities_by_party": {"Hayat Tahrir al-Sham": 65, "civilians": 9}},
    battle() | {"fatalities_best": 100, "fatalities_high": 120},  # a breakdown of 132 beside a total of 100
])
def test_ucdp_deaths_add_up_to_best(record):
    row = ucdp_row(record)
    parts = row["deaths_a"] + row["deaths_b"] + row["deaths_civilians"] + row["deaths_unknown"]
    assert parts == row["best"] and row["low"] <= row["best"] <= row["high"]


def test_ucdp_place_and_date_columns():
    row = ucdp_row(battle() | {"date_start": "2024-11-25", "date_end": "2024-11-27", "time_precision": 2})
    assert row["geom_wkt"] == "POINT (37.1612 36.2012)" and row["where_prec"] == 1
    assert (row["date_start"], row["date_end"], row["date_prec"]) == ("2024-11-25", "2024-11-27", 2)
    assert (row["country"], row["region"], row["country_id"], row["dyad_new_id"]) == ("Syria", "Middle East", "", "")
    assert ucdp_row(battle() | {"geo_precision": 3})["where_prec"] == 4


@pytest.mark.parametrize(("start", "end", "time_precision", "date_prec"), [
    ("2024-11-27", "2024-11-27", 1, 1), ("2024-11-22", "2024-11-27", 2, 2), ("2024-11-21", "2024-11-27", 2, 3),
    ("2024-11-20", "2024-11-27", 3, 4), ("2024-11-01", "2024-11-30", 3, 4), ("2024-09-01", "2024-11-30", 3, 5),
    ("2024-11-27", "2024-11-27", 2, 3),
])
def test_ucdp_date_precision_from_the_window(start, end, time_precision, date_prec):
    record = battle() | {"date_start": start, "date_end": end, "time_precision": time_precision}
    assert ucdp_row(record)["date_prec"] == date_prec


def test_priogrid_cell_matches_geds():
    # GED row 214797 (Teir Maaleh, Homs): 34.802462, 36.707602 -> cell 179714
    assert priogrid(34.802462, 36.707602) == 179714
    assert priogrid(-90, -180) == 1 and priogrid(90, 180) == 259200


def test_ucdp_csv_is_read_back_by_sitreps_ged_reader(tmp_path):
    titles = {"a1": {"title": "Rebels and army clash; 132 dead", "outlet": "Test Wire", "published": "2024-11-28"}}
    path = tmp_path / "ged.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        result = export([battle(), protest()], "ucdp-csv", fh, articles=titles.get)
    assert result.written == 1 and result.left_out == Counter({"not organised violence (UCDP GED has none)": 1})
    [case] = read_ucdp([path]).cases
    assert case.text == "Rebels and army clash, 132 dead"
    gold = case.golds[0]
    assert "Military Forces of Syria" in gold.extra["side_a"] and gold.extra["side_b"] == ("Hayat Tahrir al-Sham",)
    assert (gold.extra["deaths_a"], gold.extra["deaths_b"], gold.fatalities) == (67, 65, 132)
    assert (gold.date_start, gold.latitude, gold.country) == (WED, 36.2012, "Syria")
    row = next(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert row["source_article"] == '"Test Wire,2024-11-28,Rebels and army clash, 132 dead"'
    assert (row["source_office"], row["source_original"], row["number_of_sources"]) == ("Test Wire", "SOHR", "1")


# ---------------------------------------------------------------- GeoJSON

def rfc7946_problems(doc: dict) -> list[str]:
    """What in ``doc`` breaks RFC 7946 for a FeatureCollection of Points (empty when valid)."""
    problems = []
    if doc.get("type") != "FeatureCollection" or not isinstance(doc.get("features"), list):
        return ["not a FeatureCollection with a features array (§3.3)"]
    if "crs" in doc:
        problems.append("a crs member (§4 removed it)")
    for i, f in enumerate(doc["features"]):
        if f.get("type") != "Feature" or "geometry" not in f or "properties" not in f:
            problems.append(f"feature {i}: needs type Feature, geometry and properties (§3.2)")
            continue
        if "id" in f and not isinstance(f["id"], (str, int, float)):
            problems.append(f"feature {i}: id is neither a string nor a number (§3.2)")
        if f["properties"] is not None and not isinstance(f["properties"], dict):
            problems.append(f"feature {i}: properties is not an object or null (§3.2)")
        g = f["geometry"]
        if g is None:
            continue
        pos = g.get("coordinates")
        if g.get("type") != "Point" or not isinstance(pos, list) or len(pos) not in (2, 3):
            problems.append(f"feature {i}: not a Point with one position (§3.1.2)")
            continue
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in pos):
            problems.append(f"feature {i}: position is not numbers (§3.1.1)")
        elif not (-180 <= pos[0] <= 180 and -90 <= pos[1] <= 90):
            problems.append(f"feature {i}: position is not longitude, latitude in WGS 84 (§4)")
    return problems


def _strict_json(text: str) -> dict:
    def refuse(name):
        raise ValueError(f"{name} is not JSON (RFC 8259)")
    return json.loads(text, parse_constant=refuse)


def test_geojson_is_valid_rfc7946_with_lon_lat_order():
    out = io.StringIO()
    result = export([battle(), massacre(), protest()], "geojson", out)
    doc = _strict_json(out.getvalue())
    assert rfc7946_problems(doc) == []
    assert result.written == 2 and result.left_out == Counter({"no coordinates": 1})
    first = doc["features"][0]
    assert first["geometry"]["coordinates"] == [37.1612, 36.2012]  # longitude first
    assert first["id"] == first["properties"]["event_id"]
    assert set(FIELDS) <= set(first["properties"]) and first["properties"]["claims"][0]["source"] == "SOHR"


def test_geojson_check_catches_what_the_rfc_forbids():
    bad = {"type": "FeatureCollection", "crs": {}, "features": [
        {"type": "Feature", "id": [1], "properties": {}, "geometry": {"type": "Point", "coordinates": [36.2, 137.1]}}]}
    assert len(rfc7946_problems(bad)) == 3


def test_geojson_with_no_events_is_an_empty_collection():
    out = io.StringIO()
    export([], "geojson", out)
    assert _strict_json(out.getvalue()) == {"type": "FeatureCollection", "features": []}


# ---------------------------------------------------------------- Parquet

def test_parquet_is_typed_and_read_back_by_pyarrow_and_duckdb(tmp_path):
    path = tmp_path / "events.parquet"
    records = [battle(), massacre(), protest() | {"event_date": None, "fatalities_by_party": None}]
    assert export(records, "parquet", str(path)).written == 3
    table = pq.read_table(path)
    types = {f.name: f.type for f in table.schema}
    assert list(table.column_names[:len(FIELDS)]) == list(FIELDS)
    assert types["event_date"] == pa.date32() and types["fatalities"] == pa.int32()
    assert types["latitude"] == pa.float64() and types["civilian_targeting"] == pa.bool_()
    assert types["assoc_actor_1"] == pa.list_(pa.string())
    rows = table.to_pylist()
    assert rows[0]["event_date"] == WED and rows[2]["event_date"] is None
    assert json.loads(rows[0]["fatalities_by_party"]) == {"Hayat Tahrir al-Sham": 65, "Military Forces of Syria": 67}
    got = duckdb.sql(f"SELECT event_id, event_date, fatalities, claims->>'$[0].source' AS said_by "
                     f"FROM '{path}' WHERE event_date >= DATE '2024-11-26' ORDER BY event_id").fetchall()
    assert got == [(records[0]["event_id"], WED, 132, "SOHR")]


def test_parquet_keeps_keys_beyond_the_record_as_json(tmp_path):
    path = tmp_path / "extra.parquet"
    export([battle() | {"duplicates": ["a2", "a3"]}], "parquet", str(path))
    assert json.loads(pq.read_table(path).to_pylist()[0]["duplicates"]) == ["a2", "a3"]


# ---------------------------------------------------------------- the store query and the command

@pytest.fixture
def filled_store(store_target):
    """A store (SQLite, then PostgreSQL) with a battle in Aleppo (27 Nov), an airstrike in Idlib (25 Nov)
    and an undated arrest; its path or URL."""
    a = dataclasses.replace(article(), title="Rebels and army clash in Aleppo")
    events = fuse_article(a, [
        claim(day=WED, fatalities=toll(132, by_party={"Hayat Tahrir al-Sham": 65})),
        claim("Air/drone strike", start=40, actor1=SYRIA, actor2=None, day=dt.date(2024, 11, 25), place=IDLIB),
        claim("Arrests", start=80, actor1=SYRIA, actor2=CIVILIANS, place=None),
    ])
    store = open_store(store_target)
    store.save(ArticleResult(a, events))
    store.close()
    return store_target


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("query", "expected"), [
    (EventQuery(), {"Air/drone strike", "Armed clash", "Arrests"}),
    (EventQuery(country="SYR", since=dt.date(2024, 11, 26)), {"Armed clash"}),
    (EventQuery(admin1="Idlib"), {"Air/drone strike"}),
    (EventQuery(event_type="Battles"), {"Armed clash"}),
    (EventQuery(actor="hayat tahrir al-sham"), {"Armed clash"}),
    (EventQuery(bbox=(36.0, 35.5, 37.0, 36.0)), {"Air/drone strike"}),
    (EventQuery(since=dt.date(2024, 11, 1), limit=1, offset=1), {"Armed clash"}),
])
def test_store_answers_an_event_query(filled_store, query, expected):
    store = open_store(filled_store)
    assert {r["sub_event_type"] for r in store.events(query)} == expected
    store.close()


def test_export_command_writes_a_file_with_the_filters(capsys, filled_store, tmp_path):
    out = tmp_path / "syria.csv"
    code, stdout, err = run(capsys, "export", "--db", str(filled_store), "--format", "acled-csv", "-o", str(out),
                            "--country", "Syria", "--type", "air/drone strike")
    assert code == 0 and stdout == ""
    assert "exported 1 event as acled-csv to" in err
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [(r["sub_event_type"], r["admin1"]) for r in rows] == [("Air/drone strike", "Idlib")]


def test_export_command_ucdp_sources_come_from_the_stored_articles(capsys, filled_store):
    code, out, err = run(capsys, "export", "--db", str(filled_store), "--format", "ucdp-csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["type_of_violence"] for r in rows] == ["1", "1"]  # the arrest is no GED event
    assert {(r["source_office"], r["source_date"], r["source_headline"]) for r in rows} == {
        ("Test Wire", "2024-11-28", "Rebels and army clash in Aleppo")}
    assert "1 left out: not organised violence" in err


def test_export_command_to_stdout_reports_what_it_left_out(capsys, filled_store):
    code, out, err = run(capsys, "export", "--db", str(filled_store), "--format", "geojson")
    assert code == 0 and len(json.loads(out)["features"]) == 2
    assert err.strip().endswith("2 events as geojson; 1 left out: no coordinates")


def test_export_command_timestamp_is_reproducible(capsys, filled_store, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1732700000")
    _, out, _ = run(capsys, "export", "--db", str(filled_store), "--format", "acled-csv", "--bbox", "37,36,38,37")
    assert [r["timestamp"] for r in csv.DictReader(io.StringIO(out))] == ["1732700000"]


def test_export_command_parquet_file(capsys, filled_store, tmp_path):
    out = tmp_path / "all.parquet"
    assert run(capsys, "export", "--db", str(filled_store), "--format", "parquet", "-o", str(out))[0] == 0
    assert pq.read_table(out).num_rows == 3


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_export_command_refuses_parquet_to_a_terminal(capsys, filled_store, monkeypatch):
    monkeypatch.setattr(sys, "stdout", _Terminal())
    code = main(["export", "--db", str(filled_store), "--format", "parquet"])
    assert code == 2 and "binary format" in capsys.readouterr().err and sys.stdout.getvalue() == ""


def test_export_command_refuses_a_missing_store_without_creating_it(capsys, tmp_path):
    missing = tmp_path / "nothing.db"
    code, out, err = run(capsys, "export", "--db", str(missing), "--format", "jsonl")
    assert code == 2 and "nothing.db: no such store" in err and not missing.exists()


def test_export_command_refuses_an_unknown_format_or_type(capsys, filled_store):
    with pytest.raises(SystemExit) as exit_:
        main(["export", "--db", str(filled_store), "--format", "xlsx"])
    assert exit_.value.code == 2 and "invalid choice: 'xlsx'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["export", "--db", str(filled_store), "--format", "jsonl", "--type", "Skirmish"])
    assert "unknown event type 'Skirmish'" in capsys.readouterr().err


def test_export_command_leaves_no_half_file_when_it_cannot_write(capsys, filled_store, tmp_path):
    target = tmp_path / "no-such-dir" / "out.csv"
    code, _, err = run(capsys, "export", "--db", str(filled_store), "--format", "acled-csv", "-o", str(target))
    assert code == 2 and "cannot write" in err and not target.parent.exists()


def test_export_has_help_naming_every_format(capsys):
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    out = capsys.readouterr().out
    for fmt in ("acled-csv", "ucdp-csv", "geojson", "parquet", "jsonl", "--bbox", "--actor"):
        assert fmt in out


def test_export_command_parquet_to_redirected_stdout(capsysbinary, filled_store, tmp_path):
    assert main(["export", "--db", str(filled_store), "--format", "parquet"]) == 0
    data = capsysbinary.readouterr().out
    assert data[:4] == b"PAR1" and pq.read_table(pa.BufferReader(data)).num_rows == 3
