"""The API and the dashboard over a store of many events: API latency and the map's first paint.

    python benchmarks/bench_api.py [--events 10000] [--db FILE] [--repeat 30] [--loads 5]
    python benchmarks/bench_api.py --postgres [URL]     # the same over PostgreSQL

Builds a SQLite store of --events events (the samples' real events run through the pipeline, then
copied across a year and jittered around their places, as new articles), serves it with
`sitrep serve` on 127.0.0.1, and measures:

- p50/p95 of filtered event queries (type, country, dates, actor, bbox, fatalities, text; 100 a page),
  statistics per day, one event, over HTTP with keep-alive (targets: p95 < 100 ms);
- the whole map as GeoJSON (what the dashboard asks for first);
- the map in headless Chromium, from navigation start: its first paint (the frame after the first
  page of markers, 1,000 of them, was added; target: < 1 s) and when every event is on it.
  Needs /usr/bin/chromium and playwright; skipped without them.

A --db that exists is reused as it is (building 10,000 events takes a while). --postgres without a
URL starts a throwaway cluster as the tests do (SITREP_TEST_POSTGRES, or Debian's server binaries).
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # conftest's throwaway PostgreSQL cluster
FILES = [ROOT / "samples" / "articles.jsonl", ROOT.parent / "shared" / "examples" / "aleppo-offensive.txt"]
CHROMIUM = "/usr/bin/chromium"
EVENTS_PER_ARTICLE = 5
START = dt.date(2024, 1, 1)


def templates() -> list:
    """The real pipeline's results on the bundled articles."""
    from sitrep.ingest import read_articles
    from sitrep.pipeline import Pipeline

    articles = [a for a in read_articles([str(f) for f in FILES if f.exists()], published=None)
                if not isinstance(a, Exception)]
    return [r for r in Pipeline().run(articles) if r.events]


def copy_event(event, i: int, article_id: str, rng: random.Random):
    """Event ``i``: the template moved to another day and a few kilometres to tens of kilometres away."""
    day = START + dt.timedelta(days=(i * 7) % 365)
    place = event.place
    if place is not None:
        moved = dataclasses.replace(place.place, latitude=place.place.latitude + rng.uniform(-1.5, 1.5),
                                    longitude=place.place.longitude + rng.uniform(-1.5, 1.5))
        place = dataclasses.replace(place, place=moved)
    claims = [dataclasses.replace(c, article_id=article_id) for c in event.claims]
    return dataclasses.replace(event, event_id=f"BENCH{i:06d}", article_ids=[article_id], claims=claims,
                               event_date=day, date_start=day, date_end=day, place=place,
                               fatalities=rng.choice([0, 0, 0, 1, 2, 3, 5, 8, 13, 40]))


def build_store(path: Path | str, n: int) -> None:
    """Articles of EVENTS_PER_ARTICLE events each until the store holds ``n`` events (some copies fuse)."""
    from sitrep.model import ArticleResult
    from sitrep.store import open_store

    rng = random.Random(8)
    events = [(r.article, e) for r in templates() for e in r.events]
    store = open_store(path)
    t0 = time.perf_counter()
    i = 0
    while store.count_events() < n:
        template_article = events[i % len(events)][0]
        article_id = f"bench-{i // EVENTS_PER_ARTICLE:05d}"
        article = dataclasses.replace(template_article, id=article_id, url=f"https://example.org/bench/{article_id}",
                                      text=template_article.text + filler(template_article.text, rng))
        batch = [copy_event(events[(i + j) % len(events)][1], i + j, article_id, rng)
                 for j in range(min(EVENTS_PER_ARTICLE, n - store.count_events()))]
        store.save(ArticleResult(article, batch))
        i += EVENTS_PER_ARTICLE
    stored = store.count_events()
    store.close()
    where = "PostgreSQL" if str(path).startswith("postgres") else path
    print(f"store: {stored} events from {i // EVENTS_PER_ARTICLE} articles in {where} "
          f"(built in {time.perf_counter() - t0:.0f} s)")


WORDS = ("convoy ridge river market checkpoint district harvest council bridge clinic school road well "
         "valley station quarry camp depot crossing hill farm mosque church port airfield").split()


def filler(text: str, rng: random.Random) -> str:
    """As many random words as the article has, after it: the store would otherwise keep one copy only
    (a near-duplicate), and the evidence offsets, all before it, stay right."""
    return "\n\n" + " ".join(rng.choice(WORDS) for _ in text.split()) + "."


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: Path | str, port: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen([sys.executable, "-m", "sitrep.cli", "serve", "--db", str(db), "--port", str(port)],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            if get(port, "/health")[0] == 200:
                return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    sys.exit("sitrep serve did not start")


def get(port: int, path: str, conn: http.client.HTTPConnection | None = None) -> tuple[int, bytes]:
    conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path)
    response = conn.getresponse()
    return response.status, response.read()


def queries(port: int) -> dict[str, str]:
    sample = json.loads(get(port, "/events?" + urlencode({"limit": 1, "offset": 777}))[1])["events"][0]
    lat, lon = sample["latitude"] or 0, sample["longitude"] or 0
    page = {"limit": 100}
    return {
        "type": "/events?" + urlencode({**page, "event_type": "Battles"}),
        "country": "/events?" + urlencode({**page, "country": sample["country"]}),
        "dates": "/events?" + urlencode({**page, "since": "2024-03-01", "until": "2024-03-31"}),
        "actor": "/events?" + urlencode({**page, "actor": sample["actor1"]}),
        "bbox": "/events?" + urlencode({**page, "bbox": f"{lon - 1},{lat - 1},{lon + 1},{lat + 1}"}),
        "fatalities": "/events?" + urlencode({**page, "min_fatalities": 10}),
        "text": "/events?" + urlencode({**page, "q": "killed"}),
        "combined": "/events?" + urlencode({**page, "event_type": "Explosions/Remote violence",
                                            "since": "2024-06-01", "until": "2024-09-30", "min_fatalities": 1}),
        "geojson page": "/events?" + urlencode({**page, "format": "geojson", "country": sample["country"]}),
        "stats/day": "/stats?" + urlencode({"by": "day", "event_type": "Battles"}),
        "one event": f"/events/{sample['event_id']}",
    }


def measure_api(port: int, repeat: int) -> list[float]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    everything: list[float] = []
    print(f"\nAPI over HTTP, {repeat} requests each (ms):")
    print(f"  {'query':14} {'p50':>7} {'p95':>7} {'max':>7}  results")
    for name, path in queries(port).items():
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            status, body = get(port, path, conn)
            times.append((time.perf_counter() - t0) * 1000)
            assert status == 200, (path, status, body[:200])
        data = json.loads(body)
        count = data.get("total", len(data.get("rows", [])) if "rows" in data else 1)
        everything += times
        print(f"  {name:14} {pct(times, 50):7.1f} {pct(times, 95):7.1f} {max(times):7.1f}  {count}")
    print(f"  {'all filtered':14} {pct(everything, 50):7.1f} {pct(everything, 95):7.1f} {max(everything):7.1f}")
    return everything


def measure_full_map(port: int) -> None:
    times, size = [], 0
    for _ in range(5):
        t0 = time.perf_counter()
        status, body = get(port, "/events?format=geojson&limit=10000")
        times.append((time.perf_counter() - t0) * 1000)
        size = len(body)
    print(f"\nthe whole map as GeoJSON: median {statistics.median(times):.0f} ms, {size / 1e6:.1f} MB")


def measure_first_paint(port: int, loads: int) -> None:
    if loads < 1:
        print("\nfirst paint: skipped (--loads 0)")
        return
    if not os.path.exists(CHROMIUM):
        print(f"\nfirst paint: skipped (no {CHROMIUM})")
        return
    from playwright.sync_api import sync_playwright

    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"]
    painted, loaded = [], []
    with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        context = p.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, headless=True, args=args,
                                                       viewport={"width": 1400, "height": 900})
        for _ in range(loads):
            page = context.new_page()
            page.goto(f"http://127.0.0.1:{port}/")
            page.wait_for_function("window.sitrepMapLoaded !== undefined", timeout=120_000)
            painted.append(page.evaluate("window.sitrepMapPainted"))
            loaded.append(page.evaluate("window.sitrepMapLoaded"))
            markers = page.evaluate("document.body.dataset.events")
            page.close()
        context.close()
    print(f"\nthe map with {markers} events in Chromium, ms from navigation start ({loads} loads):")
    print(f"  first paint (the first 1,000 markers): median {statistics.median(painted):.0f}, "
          f"max {max(painted):.0f}  [{', '.join(f'{t:.0f}' for t in painted)}]")
    print(f"  all events on the map:                  median {statistics.median(loaded):.0f}, "
          f"max {max(loaded):.0f}  [{', '.join(f'{t:.0f}' for t in loaded)}]")


def pct(values: list[float], p: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--db", type=Path, help="store file (built when missing; default: a temporary file)")
    parser.add_argument("--postgres", nargs="?", const="", metavar="URL",
                        help="measure over PostgreSQL: this database, or a throwaway cluster when no URL is given")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--loads", type=int, default=5)
    args = parser.parse_args()
    if args.postgres is not None:
        on_postgres(args)
        return
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.db"
        if not db.exists():
            build_store(db, args.events)
        measure(db, args)


def on_postgres(args: argparse.Namespace) -> None:
    from conftest import NoPostgres, throwaway_postgres
    from sitrep.store import open_store

    def run(url: str) -> None:
        store = open_store(url)
        empty = store.count_events() == 0
        store.close()
        if empty:
            build_store(url, args.events)
        measure(url, args)

    if args.postgres:
        run(args.postgres)
        return
    try:
        with throwaway_postgres(fsync=True) as url:
            run(url)
    except NoPostgres as exc:
        sys.exit(f"postgresql: {exc}")


def measure(db: Path | str, args: argparse.Namespace) -> None:
    port = free_port()
    server = serve(db, port)
    try:
        measure_api(port, args.repeat)
        measure_full_map(port)
        measure_first_paint(port, args.loads)
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
