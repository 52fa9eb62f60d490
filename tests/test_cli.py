"""The `sitrep` command as a user runs it: help, bad input, the seed article, the store."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sitrep.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "examples" / "aleppo-offensive.txt"
REPORT = "Gunmen killed five villagers in Zamfara state on Sunday, police said.\n"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command", ["extract", "ingest", "events"])
def test_every_command_has_help(capsys, command):
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "--format" in out and len(out.splitlines()) > 8


def test_top_level_help_lists_commands():
    text = build_parser().format_help()
    for command in ("extract", "ingest", "events"):
        assert command in text


def test_no_command_prints_help_and_fails(capsys):
    code, out, _ = run(capsys)
    assert code == 2 and "usage: sitrep" in out


def test_only_bad_inputs_exit_2_with_a_message_each(capsys, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "feed.jsonl").write_text("{bad json\n")
    (tmp_path / "nothing").mkdir()
    code, _, err = run(capsys, "extract", str(tmp_path / "empty.txt"), str(tmp_path / "binary.txt"),
                       str(tmp_path / "feed.jsonl"), str(tmp_path / "nothing"), str(tmp_path / "missing.txt"))
    assert code == 2
    lines = err.splitlines()
    assert any("empty.txt: empty file" in ln for ln in lines)
    assert any("binary.txt: not a text file" in ln for ln in lines)
    assert any("feed.jsonl:1: not valid JSON" in ln for ln in lines)
    assert any("nothing: no article files" in ln for ln in lines)
    assert any("missing.txt: no such file" in ln for ln in lines)
    assert "Traceback" not in err


def test_oversized_file_names_the_limit_and_the_flag(capsys, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("word " * 300_000)
    code, _, err = run(capsys, "extract", str(big), "--max-size", "1")
    assert code == 2 and "big.txt" in err and "--max-size" in err


@pytest.mark.model
def test_a_bad_article_never_loses_the_others(capsys, tmp_path):
    (tmp_path / "good.txt").write_text(REPORT)
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 owners said M23 rebels shelled Goma on Monday.\n".encode("latin-1"))
    (tmp_path / "french.txt").write_text("Les rebelles du M23 ont pris le contrôle de la ville de Goma lundi, selon des "
                                         "habitants. Les combats ont fait au moins dix morts parmi les civils.")
    (tmp_path / "feed.jsonl").write_text(json.dumps({"id": "x", "text": REPORT}) + "\n{oops\n")
    code, out, err = run(capsys, "extract", str(tmp_path), "--published", "2025-03-10", "--format", "jsonl")
    assert code == 1
    records = [json.loads(line) for line in out.splitlines()]
    assert {r["article_ids"][0] for r in records} >= {"x"}
    assert any(r["location"] == "Goma" for r in records)  # the latin-1 file was read
    assert "french.txt: not English (detected: fr)" in err and "feed.jsonl:2: not valid JSON" in err


@pytest.fixture(scope="module")
def seed_events() -> list[dict]:
    if not SEED.exists():
        pytest.skip("../shared/examples is not beside this clone")
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "sitrep.cli", "extract", str(SEED), "--published", "2024-11-28",
                          "--format", "jsonl"], capture_output=True, text=True, check=True).stdout
    return [json.loads(line) for line in out.splitlines()]


@pytest.mark.model
def test_seed_battle(seed_events):
    battle = next(e for e in seed_events if e["event_type"] == "Battles" and e["fatalities"] == 132)
    assert "Tahrir al" in battle["actor1"] and battle["actor2"] == "Military Forces of Syria"
    assert battle["event_date"] == "2024-11-27" and battle["admin1"] == "Aleppo"
    assert sorted(battle["fatalities_by_party"].values()) == [18, 49, 65]
    assert "SOHR" in battle["source"] and "SANA" in battle["source"]
    sana = [c for c in battle["claims"] if c["source"] == "SANA"]
    assert sana and sana[0]["fatalities"]["best"] == 0 and "did not mention any casualties" in sana[0]["text"]
    assert any(t["areas"] == 10 for t in battle["territorial_change"])


@pytest.mark.model
def test_seed_background_and_other_events(seed_events):
    kinds = {e["sub_event_type"] for e in seed_events}
    assert {"Shelling/artillery/missile attack", "Air/drone strike", "Other"} <= kinds
    strike = next(e for e in seed_events if e["sub_event_type"] == "Air/drone strike")
    assert strike["event_date"] is None and strike["admin1"] == "Idleb"
    assert not any("designated" in ev["text"] for e in seed_events for ev in e["evidence"])
    flight = next(e for e in seed_events if e["displacement"])
    assert flight["displacement"][0]["families"] == 100


@pytest.mark.model
def test_no_publication_date_invents_no_date(capsys):
    if not SEED.exists():
        pytest.skip("../shared/examples is not beside this clone")
    code, out, _ = run(capsys, "extract", str(SEED), "--format", "jsonl")
    dates = {json.loads(line)["event_date"] for line in out.splitlines()}
    assert code == 0 and dates and dates <= {None}
    assert dt.date.today().isoformat() not in dates


@pytest.mark.model
def test_ingest_stores_and_events_lists(capsys, tmp_path):
    (tmp_path / "a.txt").write_text(REPORT)
    db = str(tmp_path / "s.db")
    code, out, _ = run(capsys, "ingest", str(tmp_path / "a.txt"), "--db", db, "--published", "2025-03-10")
    assert code == 0 and "Unidentified Armed Group" in out
    code, out, _ = run(capsys, "events", "--db", db, "--country", "Nigeria", "--format", "json")
    [event] = json.loads(out)
    assert event["event_date"] == "2025-03-09" and event["fatalities"] == 5
    run(capsys, "ingest", str(tmp_path / "a.txt"), "--db", db, "--published", "2025-03-10")  # again: no duplicate
    code, out, _ = run(capsys, "events", "--db", db, "--format", "json")
    assert len(json.loads(out)) == 1
