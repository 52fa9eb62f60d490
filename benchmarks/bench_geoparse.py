"""Geoparser benchmark: mentions per second, and its cost on top of spaCy.

    .venv/bin/python benchmarks/bench_geoparse.py [GWN.xml] [--rounds N] [--warm N] [--docs N]

The texts are GeoWebNews' articles (../shared/data/geoparsing/GWN.xml), or the sample
articles. The first ``--warm`` texts warm the gazetteer's caches (a running pipeline has
seen news before); the rest are cut into ``--rounds`` chunks. Each round runs spaCy over
its chunk (timed: the tagging, parse and NER the pipeline pays anyway), then the place finder
over the same Docs (timed separately), so the share is the geoparser's own work: candidate
scan, gazetteer lookups and the two resolution passes. The two timings of a round are taken
back to back, so load from other processes hits both alike; the spread over rounds is printed
with the share over all rounds.
"""
from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from sitrep.gazetteer import get_gazetteer
from sitrep.nlp import load_model
from sitrep.nlp.places import find_place_mentions

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "geoparsing" / "GWN.xml"


def texts(path: Path, n: int | None = None) -> list[str]:
    if path.exists():
        from sitrep.evaluate.geoparse import read_gold

        return [d.text for d in read_gold(path)[1][:n]]
    with open(ROOT / "samples" / "articles.jsonl", encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()][:n]


def one_round(nlp, gaz, chunk: list[str]) -> tuple[float, float, int]:
    """(spaCy seconds, geoparser seconds, mentions) for one chunk of texts."""
    start = time.perf_counter()
    docs = list(nlp.pipe(chunk, batch_size=16))
    spacy_s = time.perf_counter() - start
    start = time.perf_counter()
    mentions = sum(len(find_place_mentions(doc, gaz)) for doc in docs)
    return spacy_s, time.perf_counter() - start, mentions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT))
    parser.add_argument("--docs", type=int, default=None, help="use only the first N texts")
    parser.add_argument("--warm", type=int, default=20, help="texts that only warm the caches")
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args()
    corpus = texts(Path(args.path), args.docs)
    warm, timed = corpus[:args.warm], corpus[args.warm:]
    if args.rounds < 1 or len(timed) < args.rounds:
        parser.error(f"{len(timed)} texts after warm-up cannot make {args.rounds} rounds")
    nlp, gaz = load_model(), get_gazetteer()
    for doc in nlp.pipe(warm or ["Warm-up in Aleppo."]):
        find_place_mentions(doc, gaz)
    size = len(timed) // args.rounds
    chunks = [timed[r * size:(r + 1) * size] for r in range(args.rounds - 1)] + [timed[(args.rounds - 1) * size:]]
    rows = [one_round(nlp, gaz, chunk) for chunk in chunks]
    spacy_s, geo_s, mentions = (sum(col) for col in zip(*rows))
    shares = [100 * g / s for s, g, _ in rows]
    chars = sum(len(t) for t in timed)
    print(f"texts              {len(timed)} timed ({chars / 1000:.0f}k characters), {len(warm)} warm-up")
    for n, ((s, g, m), share) in enumerate(zip(rows, shares), 1):
        print(f"round {n}            spaCy {s:.2f} s, geoparser {g:.2f} s ({m} mentions): {share:.1f}%")
    print(f"spaCy              {spacy_s:.2f} s")
    print(f"geoparser          {geo_s:.2f} s  ({mentions} mentions, {mentions / geo_s:.0f} mentions/s)")
    print(f"added to spaCy     {100 * geo_s / spacy_s:.1f}% over all rounds; by round median "
          f"{statistics.median(shares):.1f}%, min {min(shares):.1f}%, max {max(shares):.1f}%  (target < 15%)")


if __name__ == "__main__":
    main()
