"""Export benchmark: events/s per format for 10,000 stored events.

    .venv/bin/python benchmarks/bench_export.py [--events 10000]

Reads the bundled samples once with the pipeline, copies their articles and events (new ids and
text, a day later each copy) into a temporary SQLite store until it holds --events events, then
times, for each format, reading every event from the store and writing the file (the work
`sitrep export -o` does), and the writer alone on records already in memory. Rates are per CPU second (events read
per CPU second of this process), which a busy machine disturbs less than wall time.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import io
import itertools
import tempfile
import time
from pathlib import Path

from sitrep.export.exporters import BINARY_FORMATS, EXPORT_FORMATS, export
from sitrep.ingest import read_articles
from sitrep.model import ArticleResult
from sitrep.pipeline import Pipeline
from sitrep.store import open_store
from sitrep.store.base import EventQuery

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "articles.jsonl"


def sample_results() -> list[ArticleResult]:
    articles = [a for a in read_articles([SAMPLES]) if not isinstance(a, Exception)]
    return [r for r in Pipeline().run(articles) if r.events]


def fill(store_path: Path, results: list[ArticleResult], n: int) -> int:
    """Copies of the sample articles and their events, each copy a day later, until the store holds n events.

    Each copy gets text of its own (unique filler of the same length; the events keep their evidence
    text), so the store's duplicate detection does not fold the copies into the originals.
    """
    store = open_store(store_path)
    copy = 0
    while store.count_events() < n:
        for result in results:
            article = dataclasses.replace(result.article, id=f"{result.article.id}-{copy}", url=None,
                                          text=_filler(f"{result.article.id}-{copy}", len(result.article.text)))
            events = [dataclasses.replace(_shifted(e, copy), article_ids=[article.id]) for e in result.events]
            store.save(ArticleResult(article, events))
        copy += 1
    stored = store.count_events()
    store.close()
    return stored


def _filler(seed: str, length: int) -> str:
    words = (hashlib.sha1(f"{seed}:{i}".encode()).hexdigest()[:7] for i in itertools.count())
    return " ".join(itertools.islice(words, length // 8 + 1))[:length]


def _shifted(event, copy: int):
    days = dt.timedelta(days=copy)
    move = (lambda d: d + days if d else d)
    return dataclasses.replace(event, event_id=f"{event.event_id}-{copy}", event_date=move(event.event_date),
                               date_start=move(event.date_start), date_end=move(event.date_end))


def time_export(store_path: Path, fmt: str, out_dir: Path, limit: int) -> tuple[float, float, int, int]:
    """Wall and CPU seconds to read the store and write the file, events written, file size."""
    target = out_dir / f"events.{fmt}"
    store = open_store(store_path)
    start, cpu = time.perf_counter(), time.process_time()
    records = store.events(EventQuery(limit=limit))
    if fmt in BINARY_FORMATS:
        result = export(records, fmt, str(target))
    else:
        with target.open("w", encoding="utf-8", newline="") as fh:
            result = export(records, fmt, fh, timestamp=0, articles=store.article)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    store.close()
    return seconds, cpu, result.written, target.stat().st_size


def time_writer(records: list[dict], fmt: str) -> float:
    """CPU seconds of the writer alone, on records in memory."""
    start = time.process_time()
    export(records, fmt, io.BytesIO() if fmt in BINARY_FORMATS else io.StringIO(), timestamp=0,
           articles=lambda _id: None)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    n = parser.parse_args().events
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = Path(tmp)
        db = out_dir / "bench.db"
        start = time.perf_counter()
        stored = fill(db, sample_results(), n)
        print(f"store of {stored} events built in {time.perf_counter() - start:.1f} s; exporting the first {n}")
        store = open_store(db)
        start = time.perf_counter()
        records = list(store.events(EventQuery(limit=n)))
        read = time.perf_counter() - start
        store.close()
        print(f"reading {len(records)} records from the store: {read:.2f} s ({len(records) / read:,.0f} /s)\n")
        print(f"{'format':10} {'wall s':>7} {'cpu s':>6} {'events/s':>9} {'written':>8} {'size MB':>8} "
              f"{'writer cpu s':>12} {'writer /s':>10}")
        for fmt in EXPORT_FORMATS:
            seconds, cpu, written, size = time_export(db, fmt, out_dir, n)
            writer = time_writer(records, fmt)
            print(f"{fmt:10} {seconds:7.2f} {cpu:6.2f} {len(records) / cpu:9,.0f} {written:8} {size / 1e6:8.1f} "
                  f"{writer:12.2f} {len(records) / writer:10,.0f}")


if __name__ == "__main__":
    main()
