"""kill -9 in the middle of an ingest: every article is wholly in or wholly out; a rerun completes it."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from sitrep.store import open_store

TESTS = Path(__file__).parent
ARTICLES, EVENTS_EACH, KILL_IN = 8, 6, 5

# The ingest run in a child process: ARTICLES articles of EVENTS_EACH events (each on its own
# day, so none fuse). With a kill point, the child stops inside article KILL_IN's transaction,
# after some of its rows are written, and says so; the test then kills it with SIGKILL.
CHILD = """
import datetime as dt, sys, time
sys.path.insert(0, {tests!r})
from conftest import build_result
from factories import claim, toll
from sitrep.store import open_store
from sitrep.store.sql import SQLStore

target, kill_in = sys.argv[1], int(sys.argv[2])
written = {{"article": -1, "reports": 0}}
insert = SQLStore._insert_report

def insert_then_maybe_hang(self, report, event_id):
    insert(self, report, event_id)
    written["reports"] += 1
    if written["article"] == kill_in and written["reports"] == 3:
        print("inside", flush=True)
        time.sleep(120)

SQLStore._insert_report = insert_then_maybe_hang
store = open_store(target)
first = dt.date(2024, 1, 1)
for i in range({articles}):
    written["article"], written["reports"] = i, 0
    claims = [claim(start=10 * j, day=first + dt.timedelta(days={each} * i + j), fatalities=toll(j + 1))
              for j in range({each})]
    outcome = store.save(build_result(f"art{{i}}", claims))
    print("saved", i, outcome.status, flush=True)
store.close()
"""


def run_child(target: str, kill_in: int) -> subprocess.Popen:
    code = CHILD.format(tests=str(TESTS), articles=ARTICLES, each=EVENTS_EACH)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS.parent), os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen([sys.executable, "-c", code, target, str(kill_in)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)


def holdings(target: str) -> dict[str, int]:
    """Each stored article and the number of events it supports."""
    with open_store(target) as store:
        return {a["id"]: len(store.article(a["id"])["event_ids"]) for a in store.articles()}


def test_kill_9_mid_ingest_leaves_whole_articles(store_target):
    child = run_child(store_target, KILL_IN)
    lines = []
    for line in child.stdout:
        lines.append(line.strip())
        if line.startswith("inside"):
            child.send_signal(signal.SIGKILL)
            break
    child.wait(timeout=60)
    err = child.stderr.read()
    child.stdout.close()
    child.stderr.close()
    assert lines[-1] == "inside", err
    assert child.returncode == -signal.SIGKILL

    held = holdings(store_target)
    assert held == {f"art{i}": EVENTS_EACH for i in range(KILL_IN)}  # article KILL_IN: none of it
    with open_store(store_target) as store:
        assert store.count_events() == KILL_IN * EVENTS_EACH

    rerun = run_child(store_target, -1)
    out, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err
    statuses = [line.split()[2] for line in out.splitlines()]
    assert statuses == ["unchanged"] * KILL_IN + ["new"] * (ARTICLES - KILL_IN)
    assert holdings(store_target) == {f"art{i}": EVENTS_EACH for i in range(ARTICLES)}
    with open_store(store_target) as store:
        assert store.count_events() == ARTICLES * EVENTS_EACH


# Two ingests at once into one store, each telling of the same events (as two outlets would):
# writers take turns, so each event is stored once with both reports.
WRITER = """
import datetime as dt, sys
sys.path.insert(0, {tests!r})
from conftest import build_result
from factories import claim, toll
from sitrep.store import open_store

target, name = sys.argv[1], sys.argv[2]
store = open_store(target)
first = dt.date(2024, 1, 1)
for i in range({n}):
    one = claim(day=first + dt.timedelta(days=i), source=name, fatalities=toll(i + 1))
    store.save(build_result(f"{{name}}-{{i}}", [one], outlet=name))
store.close()
"""


def test_two_writers_at_once_store_each_event_once(store_target):
    n = 15
    with open_store(store_target):
        pass  # create the tables first, so both writers start on a ready store
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS.parent), os.environ.get("PYTHONPATH", "")])}
    code = WRITER.format(tests=str(TESTS), n=n)
    writers = [subprocess.Popen([sys.executable, "-c", code, store_target, name], stderr=subprocess.PIPE,
                                text=True, env=env) for name in ("alpha", "beta")]
    errors = [w.communicate(timeout=120)[1] for w in writers]
    assert [w.returncode for w in writers] == [0, 0], errors
    with open_store(store_target) as store:
        events = list(store.events())
    assert len(events) == n
    assert all(sorted(e["source"].split("; ")) == ["alpha", "beta"] for e in events)
