"""Geoparser benchmark: mentions per second, and its cost on top of spaCy.

    .venv/bin/python benchmarks/bench_geoparse.py [GWN.xml] [--docs N]

Runs spaCy over the texts once (timed: the NER/parse the pipeline pays anyway), then the
place finder over the same Docs (timed separately), so the share is the geoparser's own
work: candidate scan, gazetteer lookups and the two resolution passes. The texts are
GeoWebNews' articles (../shared/data/geoparsing/GWN.xml), or the sample articles.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from sitrep.gazetteer import get_gazetteer
from sitrep.nlp import load_model
from sitrep.nlp.places import find_place_mentions

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "geoparsing" / "GWN.xml"


def texts(path: Path, n: int) -> list[str]:
    if path.exists():
        from sitrep.evaluate.geoparse import read_gold

        return [d.text for d in read_gold(path)[1][:n]]
    with open(ROOT / "samples" / "articles.jsonl", encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()][:n]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT))
    parser.add_argument("--docs", type=int, default=60)
    args = parser.parse_args()
    corpus = texts(Path(args.path), args.docs)
    nlp, gaz = load_model(), get_gazetteer()
    find_place_mentions(nlp("Warm-up in Aleppo."), gaz)
    start = time.perf_counter()
    docs = list(nlp.pipe(corpus, batch_size=16))
    spacy_s = time.perf_counter() - start
    start = time.perf_counter()
    mentions = sum(len(find_place_mentions(doc, gaz)) for doc in docs)
    geo_s = time.perf_counter() - start
    chars = sum(len(t) for t in corpus)
    print(f"texts              {len(corpus)} ({chars / 1000:.0f}k characters)")
    print(f"spaCy              {spacy_s:.2f} s")
    print(f"geoparser          {geo_s:.2f} s  ({mentions} mentions, {mentions / geo_s:.0f} mentions/s)")
    print(f"added to spaCy     {100 * geo_s / spacy_s:.1f}%  (target < 15%)")


if __name__ == "__main__":
    main()
