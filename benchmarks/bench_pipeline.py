"""Throughput, peak memory and per-stage time of the full pipeline against bare spaCy.

    python benchmarks/bench_pipeline.py [--n 200] [--files PATH ...]

Each mode runs in a fresh subprocess, so its peak RSS (ru_maxrss) is its own, and each warms
up on a few articles first (model, gazetteer and registry loading are reported as "load").
The inputs are the bundled samples and the seed article, repeated to --n articles.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FILES = [ROOT / "samples" / "articles.jsonl", ROOT.parent / "shared" / "examples" / "aleppo-offensive.txt"]
WARM_UP = 4


def load_articles(files: list[Path], n: int) -> list:
    from sitrep.ingest import read_articles

    base = [a for a in read_articles(files) if not isinstance(a, Exception)]
    if not base:
        sys.exit("no articles to measure")
    return [base[i % len(base)] for i in range(n)]


def run_spacy(articles: list) -> dict:
    from sitrep.nlp import load_model

    nlp = load_model()
    list(nlp.pipe(a.text for a in articles[:WARM_UP]))
    t0 = time.perf_counter()
    for _ in nlp.pipe((a.text for a in articles), batch_size=16):
        pass
    return {"run_s": time.perf_counter() - t0, "events": 0}


def run_pipeline(articles: list) -> dict:
    from sitrep.pipeline import Pipeline

    pipeline = Pipeline()
    list(pipeline.run(articles[:WARM_UP]))
    t0 = time.perf_counter()
    events = sum(len(r.events) for r in pipeline.run(articles))
    return {"run_s": time.perf_counter() - t0, "events": events}


def run_stages(articles: list) -> dict:
    """The same work stage by stage, to see where the time beyond spaCy goes."""
    from sitrep.extract.claims import extract_claims
    from sitrep.fuse import fuse_article
    from sitrep.model import AnalyzedArticle
    from sitrep.nlp import Analyzer, focus_country, merge_member_phrases, split_sentences
    from sitrep.nlp.places import find_place_mentions

    an = Analyzer()
    list(an.analyze_many(articles[:WARM_UP]))
    stages: dict[str, float] = {}

    def timed(name, fn):
        t0 = time.perf_counter()
        out = fn()
        stages[name] = round(time.perf_counter() - t0, 3)
        return out

    docs = timed("spacy", lambda: list(an.nlp.pipe([a.text for a in articles], batch_size=16)))
    places = timed("places", lambda: [find_place_mentions(d, an.gazetteer) for d in docs])
    actors = timed("actors", lambda: [merge_member_phrases(a.text, an.registry.find(a.text, country=focus_country(p)))
                                      for a, p in zip(articles, places)])
    sents = timed("sentences", lambda: [split_sentences(d) for d in docs])
    analyzed = [AnalyzedArticle(*row) for row in zip(articles, docs, sents, places, actors)]
    claims = timed("extract", lambda: [extract_claims(x, an.registry) for x in analyzed])
    timed("fuse", lambda: [fuse_article(x.article, c) for x, c in zip(analyzed, claims)])
    return {"run_s": sum(stages.values()), "events": 0, "stages": stages}


MODES = {"spacy": run_spacy, "pipeline": run_pipeline, "stages": run_stages}


def child(mode: str, files: list[Path], n: int) -> dict:
    articles = load_articles(files, n)
    t0 = time.perf_counter()
    result = MODES[mode](articles)
    result.update(mode=mode, articles=n, chars=sum(len(a.text) for a in articles),
                  total_s=round(time.perf_counter() - t0, 2),
                  peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1))
    result["articles_per_s"] = round(n / result["run_s"], 1)
    result["run_s"] = round(result["run_s"], 3)
    return result


def measure(mode: str, files: list[Path], n: int) -> dict:
    args = [sys.executable, __file__, "--child", mode, "--n", str(n), "--files", *map(str, files)]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200, help="articles per run (the inputs repeat)")
    ap.add_argument("--files", nargs="+", type=Path, default=[f for f in DEFAULT_FILES if f.exists()])
    ap.add_argument("--child", choices=sorted(MODES), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.files, args.n)))
        return
    results = {mode: measure(mode, args.files, args.n) for mode in ("spacy", "pipeline", "stages")}
    for mode in ("spacy", "pipeline"):
        r = results[mode]
        print(f"{mode:9} {r['articles_per_s']:7.1f} articles/s  run {r['run_s']:6.2f} s  "
              f"peak RSS {r['peak_rss_mb']:7.1f} MB  events {r['events']}")
    spacy_s, full_s = results["spacy"]["run_s"], results["pipeline"]["run_s"]
    print(f"ratio pipeline/spaCy time: {full_s / spacy_s:.2f}; work beyond spaCy: {1 - spacy_s / full_s:.0%} "
          f"of the pipeline's time")
    stages = results["stages"]["stages"]
    total = sum(stages.values())
    print("per stage: " + ", ".join(f"{k} {v:.2f} s ({v / total:.0%})" for k, v in stages.items()))


if __name__ == "__main__":
    main()
