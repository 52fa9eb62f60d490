"""The dashboard in a real headless Chromium: `sitrep serve` over a seeded store, no network beyond it.

Needs Debian's chromium (/usr/bin/chromium; `.ci/run` installs it) and the playwright package; skips
with the reason when either is missing.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from urllib.parse import urlencode
from pathlib import Path

import pytest

pytestmark = pytest.mark.model
CHROMIUM = os.environ.get("SITREP_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ROOT = Path(__file__).resolve().parent.parent
WAIT_MS = 20_000


def skip_or_fail(reason: str) -> None:
    """Locally a missing browser skips; in CI (.ci/run installs it) it is a failure."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason}: CI must run the dashboard tests")
    pytest.skip(reason)


def copy_of(result):
    """The report again, under another outlet and URL with a line added: a near-duplicate."""
    import dataclasses

    article = dataclasses.replace(result.article, id="copy-wire-1", url="https://example.org/copy", outlet="Copy Wire",
                                  text=result.article.text + "\n\nThis report first appeared on another wire.")
    return dataclasses.replace(result, article=article)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"sitrep serve exited with {server.returncode}: {server.stderr.read()}")
        try:
            with urllib.request.urlopen(url + "health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"sitrep serve did not answer at {url} within {seconds} s")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        skip_or_fail(f"no chromium at {CHROMIUM} (apt-get install chromium; .ci/run installs it)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        skip_or_fail("playwright is not installed (pip install -e '.[test]')")
    from test_api import pipeline_results, seed_store, store_has_contract

    if not store_has_contract():
        pytest.skip("the store contract of sitrep/store/base.py is not implemented yet")
    folder = tmp_path_factory.mktemp("dashboard")
    results = pipeline_results()
    db = seed_store(folder / "seeded.db", results + [copy_of(results[0])])
    config = folder / "sitrep.toml"
    config.write_text("[api]\nmax_page_size = 10\n", encoding="utf-8")  # the map loads page after page
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("SITREP_API_TOKEN", None)
    server = subprocess.Popen([sys.executable, "-m", "sitrep.cli", "serve", "--db", str(db), "--port", str(port),
                               "--config", str(config)],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_until_up(url, server)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)
        server.stderr.close()


@pytest.fixture(scope="module")
def browser_context(server, tmp_path_factory):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM, headless=True, args=ARGS,
            viewport={"width": 1400, "height": 900})
        yield context
        context.close()


@pytest.fixture
def page(browser_context, server):
    page = browser_context.new_page()
    page.set_default_timeout(WAIT_MS)
    page.requests = []
    page.errors = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(server)
    page.wait_for_selector("body[data-state=ready]")
    page.wait_for_function("document.querySelectorAll('#f-type option').length === 7")  # all + 6 types
    yield page
    page.close()


def api(server: str, path: str) -> dict:
    import json
    with urllib.request.urlopen(server + path, timeout=10) as response:
        return json.load(response)


def everything(server: str) -> list[dict]:
    events, total = [], 1
    while len(events) < total:
        body = api(server, f"events?limit=10&offset={len(events)}")
        events += body["events"]
        total = body["total"]
    return events


def shown(page) -> int:
    return int(page.get_attribute("body", "data-events"))


def test_map_shows_every_event_from_local_files_only(page, server):
    total = api(server, "events?limit=1")["total"]
    assert shown(page) == total > 0
    assert page.locator(".event-cluster, path.event-marker").count() > 0
    page.wait_for_function("document.querySelectorAll('.leaflet-overlay-pane path').length > 100")  # outlines
    assert page.locator("#event-list li").count() == total
    page.wait_for_selector("#timeline rect")
    assert page.locator("#f-country option").count() > 5
    outside = [u for u in page.requests if not u.startswith(server) and not u.startswith("data:")]
    assert outside == [], "the dashboard must not reach beyond its own server"
    assert page.errors == []


def test_filter_by_type(page, server):
    battles = api(server, "events?event_type=Battles&limit=1")["total"]
    assert 0 < battles < shown(page)
    page.select_option("#f-type", "Battles")
    page.wait_for_function(f"document.body.dataset.state === 'ready' && document.body.dataset.events === '{battles}'")
    assert page.locator("#event-list li").count() == battles
    markers = page.locator("path.event-marker")
    for i in range(markers.count()):
        assert markers.nth(i).get_attribute("fill") == "#d62728"  # Battles' colour
    assert f"{battles} events" in page.inner_text("#status")


def test_open_an_event_and_see_its_evidence(page, server):
    events = everything(server)
    target = max(events, key=lambda e: e["fatalities"] or 0)
    page.click(f"#event-list li[data-id='{target['event_id']}']")
    page.wait_for_selector("#articles mark.evidence")
    assert target["notes"] in page.inner_text("#event .notes")
    marks = [m.inner_text() for m in page.locator("#articles mark.evidence").all()]
    assert any(span["text"].strip() in " ".join(marks) for span in target["evidence"])
    sentence = page.locator("td[data-start]").first
    sentence.click()
    assert page.locator("mark.evidence.focus").count() == 1
    fields = page.inner_text("table.fields")
    assert target["event_type"] in fields and str(target["fatalities"]) in fields


def test_conflicting_figures_are_highlighted(page, server):
    events = everything(server)
    conflicting = [e for e in events if len({c["fatalities"]["best"] for c in e["claims"] if c["fatalities"]}) > 1]
    if not conflicting:
        pytest.skip("no event in the samples has sources that disagree on the toll")
    page.click(f"#event-list li[data-id='{conflicting[0]['event_id']}']")
    page.wait_for_selector("#event td.conflict")
    cells = page.locator("#event td.conflict").all_inner_texts()
    figures = {str(c["fatalities"]["best"]) for c in conflicting[0]["claims"] if c["fatalities"]}
    assert figures <= set(cells)


def test_timeline_drag_filters_the_map(page, server):
    before = shown(page)
    box = page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 2, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.3, y, steps=5)
    page.mouse.up()
    page.wait_for_function(f"document.body.dataset.state === 'ready' && document.body.dataset.events !== '{before}'")
    since, until = page.input_value("#f-since"), page.input_value("#f-until")
    assert since and until and since <= until
    expected = api(server, f"events?since={since}&until={until}&limit=1")["total"]
    assert shown(page) == expected < before
    page.click("#t-clear")
    page.wait_for_function(f"document.body.dataset.state === 'ready' && document.body.dataset.events === '{before}'")


def test_filter_by_country_and_actor(page, server):
    sudan = api(server, "events?country=Sudan&limit=1")["total"]
    page.select_option("#f-country", "Sudan")
    page.wait_for_function(f"document.body.dataset.state === 'ready' && document.body.dataset.events === '{sudan}'")
    actor = api(server, "events?country=Sudan&limit=1")["events"][0]["actor1"]
    both = api(server, "events?" + urlencode({"country": "Sudan", "actor": actor, "limit": 1}))["total"]
    page.fill("#f-actor", actor)
    page.press("#f-actor", "Enter")
    page.wait_for_function(f"document.body.dataset.state === 'ready' && document.body.dataset.events === '{both}'")
    assert 0 < both <= sudan
    page.click("#f-reset")
    page.wait_for_function("document.body.dataset.state === 'ready' && document.getElementById('f-country').value === ''")


def test_copies_of_a_report_are_named(page, server):
    copied = api(server, "articles/copy-wire-1")
    original = copied["duplicate_of"]
    event_id = api(server, f"articles/{original}")["event_ids"][0]
    page.click(f"#event-list li[data-id='{event_id}']")
    page.wait_for_selector("#articles mark.evidence")
    assert "The same report also appeared as: Copy Wire" in page.inner_text("#event")
