"""Store throughput and query latency, on SQLite and on PostgreSQL.

    python benchmarks/bench_store.py [--events 100000] [--per-article 5] [--stores sqlite postgresql]
                                     [--postgres URL] [--queries 50]

Events are built by hand (no model): articles of --per-article events each, spread over five
countries and a year, one in five re-telling an event stored earlier (another outlet, another
source), so saving exercises fusion across articles as a real ingest does. Timed: ``save`` of
every article, one transaction each (events/s counts the events the articles carry), then
``events()`` (all rows, and the first 100) and ``count_events()`` for one country and a 30-day
window.

PostgreSQL: --postgres URL, else SITREP_TEST_POSTGRES, else a throwaway cluster (fsync on)
started from the Debian binaries as the store tests do.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from sitrep.fuse import fuse_article  # noqa: E402
from sitrep.model import (  # noqa: E402
    Actor,
    Article,
    ArticleResult,
    Claim,
    DateInfo,
    Fatalities,
    Place,
    PlaceMention,
    Span,
)
from sitrep.store import EventQuery, open_store  # noqa: E402

COUNTRIES = [  # name, iso3, centre, admin1 names, state forces, a rebel group
    ("Syria", "SYR", (35.0, 38.5), ["Aleppo", "Idlib", "Homs", "Deir ez-Zor"], "Military Forces of Syria",
     "Hayat Tahrir al-Sham"),
    ("Sudan", "SDN", (14.0, 30.0), ["North Darfur", "Khartoum", "Al Jazirah"], "Military Forces of Sudan",
     "Rapid Support Forces"),
    ("Nigeria", "NGA", (10.0, 8.0), ["Borno", "Zamfara", "Kaduna"], "Military Forces of Nigeria",
     "Islamic State (West Africa)"),
    ("Ukraine", "UKR", (49.0, 34.0), ["Kharkiv", "Donetsk", "Zaporizhia"], "Military Forces of Ukraine",
     "Military Forces of Russia"),
    ("Myanmar", "MMR", (21.0, 96.0), ["Sagaing", "Shan", "Rakhine"], "Military Forces of Myanmar",
     "People's Defense Force"),
]
SUBS = ["Armed clash", "Air/drone strike", "Shelling/artillery/missile attack", "Attack"]
SOURCES = ["local officials", "a monitor", "state media", "witnesses", "police"]
START = dt.date(2024, 1, 1)


def make_event_claim(rng: random.Random, n: int) -> dict:
    """The facts of one made-up event."""
    name, iso3, (lat, lon), admins, state, rebel = rng.choice(COUNTRIES)
    place = Place(f"Place {n}", lat + rng.uniform(-3, 3), lon + rng.uniform(-3, 3), name, iso3,
                  rng.choice(admins), f"District {n % 97}", None, "P", "PPL")
    return {"place": place, "day": START + dt.timedelta(days=rng.randrange(365)), "sub": rng.choice(SUBS),
            "actors": (Actor(rebel, 2, iso3[:2]), Actor(state, 1, iso3[:2])), "toll": rng.randrange(0, 40)}


def claim_of(facts: dict, rng: random.Random, start: int) -> Claim:
    day = facts["day"]
    toll = facts["toll"] + rng.randrange(0, 3)
    text = f"{toll} were killed in {facts['place'].name} on {day:%d %B}."
    return Claim(article_id="", sub_event_type=facts["sub"], evidence=Span(text, start, start + len(text)),
                 source=rng.choice(SOURCES), actor1=facts["actors"][0], actor2=facts["actors"][1],
                 place=PlaceMention(Span(facts["place"].name, start, start + 8), facts["place"]),
                 date=DateInfo(day, day, day, 1, "on that day"),
                 fatalities=Fatalities(toll, toll, toll, str(toll)), confidence=0.6)


def make_results(n_events: int, per_article: int, seed: int = 7) -> list[ArticleResult]:
    rng = random.Random(seed)
    told: list[dict] = []
    results = []
    for i in range(n_events // per_article):
        claims = []
        for j in range(per_article):
            retell = told and rng.random() < 0.2
            facts = rng.choice(told) if retell else make_event_claim(rng, len(told))
            if not retell:
                told.append(facts)
            claims.append(claim_of(facts, rng, 200 * j))
        article = Article(id=f"bench{i}", text=" ".join(f"w{rng.randrange(10**9)}" for _ in range(150)),
                          published=max(c.date.event_date for c in claims) + dt.timedelta(days=1),
                          url=f"https://news.example/{i}", outlet=f"Outlet {i % 40}", origin="bench")
        for c in claims:
            c.article_id = article.id
        results.append(ArticleResult(article, fuse_article(article, claims)))
    return results


def bench(target: str, results: list[ArticleResult], queries: int) -> dict:
    store = open_store(target)
    saved = sum(len(r.events) for r in results)
    t0, cpu0 = time.perf_counter(), time.process_time()
    for r in results:
        store.save(r)
    ingest, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    rng = random.Random(1)
    list_ms, count_ms, page_ms, sizes = [], [], [], []
    for _ in range(queries):
        country = rng.choice(COUNTRIES)[0]
        since = START + dt.timedelta(days=rng.randrange(330))
        q = EventQuery(country=country, since=since, until=since + dt.timedelta(days=29))
        t = time.perf_counter()
        sizes.append(len(list(store.events(q))))
        list_ms.append(1000 * (time.perf_counter() - t))
        t = time.perf_counter()
        store.count_events(q)
        count_ms.append(1000 * (time.perf_counter() - t))
        t = time.perf_counter()
        list(store.events(EventQuery(country=q.country, since=q.since, until=q.until, limit=100)))
        page_ms.append(1000 * (time.perf_counter() - t))
    stored = store.count_events()
    store.close()
    return {"articles": len(results), "events_saved": saved, "events_stored": stored, "seconds": round(ingest, 1),
            "client_cpu_seconds": round(cpu, 1),
            "events_per_s": round(saved / ingest), "articles_per_s": round(len(results) / ingest),
            "query_rows_median": statistics.median(sizes),
            "query_ms_median": round(statistics.median(list_ms), 2),
            "query_ms_p95": round(sorted(list_ms)[int(0.95 * (len(list_ms) - 1))], 2),
            "count_ms_median": round(statistics.median(count_ms), 2),
            "first_100_ms_median": round(statistics.median(page_ms), 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--per-article", type=int, default=5)
    parser.add_argument("--stores", nargs="+", default=["sqlite", "postgresql"], choices=["sqlite", "postgresql"])
    parser.add_argument("--postgres", metavar="URL", help="a PostgreSQL database to use (its tables are added)")
    parser.add_argument("--queries", type=int, default=50)
    args = parser.parse_args()
    t = time.perf_counter()
    results = make_results(args.events, args.per_article)
    print(f"built {len(results)} articles, {sum(len(r.events) for r in results)} events "
          f"in {time.perf_counter() - t:.1f} s (not timed below)", flush=True)
    for kind in args.stores:
        if kind == "sqlite":
            with tempfile.TemporaryDirectory() as tmp:
                report("sqlite", bench(str(Path(tmp) / "bench.db"), results, args.queries))
        else:
            run_postgres(args, results)


def run_postgres(args: argparse.Namespace, results: list[ArticleResult]) -> None:
    if args.postgres:
        report("postgresql", bench(args.postgres, results, args.queries))
        return
    from conftest import NoPostgres, throwaway_postgres

    try:
        with throwaway_postgres(fsync=True) as url:
            report("postgresql", bench(url, results, args.queries))
    except NoPostgres as exc:
        print(f"postgresql: skipped ({exc})")


def report(kind: str, numbers: dict) -> None:
    print(f"{kind}: " + ", ".join(f"{k}={v}" for k, v in numbers.items()), flush=True)


if __name__ == "__main__":
    main()
