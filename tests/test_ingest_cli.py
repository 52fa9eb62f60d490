"""`sitrep ingest` and `extract` on the new inputs: pages, feeds, URLs; the summary and progress line."""
from __future__ import annotations

import io
import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from localweb import DATA, LocalWeb

from sitrep.cli import main
from sitrep.cli.progress import Progress
from sitrep.ingest.tally import Tally
from sitrep.store import open_store
from sitrep.store.base import SaveOutcome


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# --- summary and progress ----------------------------------------------------------------


def test_summary_without_a_store() -> None:
    tally = Tally(read=3, failed=1, skipped=Counter({"not English": 2, "robots.txt disallows": 1}), events_found=7)
    assert tally.summary() == "3 read, 3 skipped (not English: 2, robots.txt disallows: 1), 1 failed; events: 7 found"


def test_summary_with_a_store_counts_what_it_did() -> None:
    tally = Tally(stored=True)
    for outcome in (SaveOutcome("a", "new", 3, 1), SaveOutcome("b", "unchanged"), SaveOutcome("c", "duplicate")):
        tally.add_result(0)
        tally.add_outcome(outcome)
    assert tally.summary() == "3 read (1 unchanged, 1 duplicate), 0 skipped, 0 failed; events: 3 new, 1 updated"


def test_progress_draws_only_on_a_terminal() -> None:
    tally = Tally(read=12, events_found=30, failed=1)
    screen = Terminal()
    progress = Progress(screen)
    progress.update(tally, force=True)
    assert screen.getvalue().startswith("\r") and "12 read" in screen.getvalue()
    assert "articles/s" in screen.getvalue() and "30 events" in screen.getvalue()
    progress.message("sitrep: a.txt: empty file")
    assert screen.getvalue().endswith("\r\x1b[Ksitrep: a.txt: empty file\n")  # the line cleared first
    log = io.StringIO()
    Progress(log).update(tally, force=True)
    assert log.getvalue() == ""
    quiet = Terminal()
    Progress(quiet, enabled=False).update(tally, force=True)
    assert quiet.getvalue() == ""


def test_progress_is_a_bar_when_the_total_is_known() -> None:
    screen = Terminal()
    progress = Progress(screen, total=40)
    tally = Tally(read=9, failed=1, events_found=4)
    tally.started -= 10  # ten seconds in: 0.9 articles/s
    progress.update(tally, force=True)
    line = screen.getvalue()
    assert "[######------------------] 10/40" in line and "0.9 articles/s" in line
    assert "ETA 0:33" in line and "4 events" in line and "1 failed" in line


def test_inputs_are_counted_for_the_bar_without_parsing(tmp_path: Path) -> None:
    from sitrep.ingest import count_articles

    (tmp_path / "a.txt").write_text("One report.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n')
    (tmp_path / "sub" / "c.csv").write_text("text\none\ntwo\nthree\n")
    assert count_articles([tmp_path]) == 1 + 2 + 3
    assert count_articles([tmp_path / "a.txt", tmp_path / "missing.txt"]) == 2  # the missing one fails as one input
    (tmp_path / "d.rss").write_text("<rss/>")
    assert count_articles([tmp_path]) is None  # a feed's items are unknown until read
    assert count_articles(["https://example.org/feed"]) is None


def test_quiet_extract_prints_no_summary(capsys, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    code, _, err = run(capsys, "extract", str(tmp_path / "empty.txt"), "--quiet")
    assert code == 2 and err == f"sitrep: {tmp_path / 'empty.txt'}: empty file\n"


def test_summary_of_a_run_with_only_bad_inputs(capsys, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    shutil.copy(DATA / "french.html", tmp_path)
    code, _, err = run(capsys, "extract", str(tmp_path))
    assert code == 2
    assert f"sitrep: {tmp_path / 'french.html'}: not English (detected: fr) (skipped)" in err
    assert err.endswith("sitrep: 0 read, 1 skipped (not English: 1), 1 failed; events: 0 found\n")


# --- the whole pipeline on pages and feeds -----------------------------------------------------


@pytest.mark.model
def test_ingest_folder_of_pages_records_the_skipped_article(capsys, tmp_path: Path) -> None:
    for name in ("courier-bunia.html", "wire-goma.html", "french.html"):
        shutil.copy(DATA / name, tmp_path)
    db = str(tmp_path / "s.db")
    code, out, err = run(capsys, "ingest", str(tmp_path), "--db", db, "--format", "jsonl")
    assert code == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert any(r["location"] == "Bunia" or r["admin1"] == "Ituri" for r in records)
    assert "The Lakeside Courier" in {r["outlet"] for r in records}
    assert "2 read, 1 skipped (not English: 1), 0 failed; events:" in err
    store = open_store(db)
    french = [a for a in store.articles() if a["reason"] == "not English (detected: fr)"]
    assert len(french) == 1 and french[0]["status"] == "no events"
    store.close()


@pytest.mark.model
def test_extract_a_feed_url(capsys, monkeypatch) -> None:
    monkeypatch.setattr("sitrep.ingest.fetch.MIN_INTERVAL_SECONDS", 0)
    with LocalWeb() as web:
        web.fixture("/world.rss", "world.rss", content_type="application/rss+xml")
        web.fixture("/world/bunia-attack", "courier-bunia.html")
        web.fixture("/world/goma-fighting", "wire-goma.html")
        code, out, err = run(capsys, "extract", web.url("/world.rss"), "--format", "jsonl")
    assert code == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert {r["event_date"] for r in records} >= {"2025-03-09"}
    assert "2 read, 0 skipped, 0 failed; events:" in err


@pytest.mark.model
def test_a_stopped_batch_finishes_the_articles_it_took(tmp_path: Path) -> None:
    import argparse

    from sitrep.cli.common import Batch

    for i in range(40):
        (tmp_path / f"{i:02d}.txt").write_text(f"Gunmen killed {i + 2} villagers in Zamfara state on Sunday, police said.\n")
    args = argparse.Namespace(paths=[str(tmp_path)], published=None, outlet=None, max_size=5.0, quiet=True)
    batch = Batch(args, io.StringIO(), stored=True)
    store = open_store(tmp_path / "s.db")
    results = []
    for result in batch.results():
        batch.stop.set()  # Ctrl-C as the first result arrives
        store.save(result)
        results.append(result)
    assert 0 < len(results) < 40  # no new input was read once stopped ...
    assert {a["id"] for a in store.articles()} == {r.article.id for r in results}  # ... and all taken were stored
    store.close()
