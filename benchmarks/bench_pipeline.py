"""Throughput and peak memory of the full pipeline against bare spaCy on the same texts.

    python benchmarks/bench_pipeline.py [--n 200] [--files PATH ...]

Each measurement runs in a fresh subprocess, so peak RSS (ru_maxrss) belongs to it alone.
Model, gazetteer and registry loading are timed separately from the per-article work.
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


def load_articles(files: list[Path], n: int) -> list:
    from sitrep.ingest import read_articles

    base = [a for a in read_articles(files) if not isinstance(a, Exception)]
    if not base:
        sys.exit("no articles to measure")
    return [base[i % len(base)] for i in range(n)]


def run_one(mode: str, files: list[Path], n: int) -> dict:
    articles = load_articles(files, n)
    t0 = time.perf_counter()
    if mode == "spacy":
        from sitrep.nlp import load_model

        nlp = load_model()
        loaded = time.perf_counter()
        for _ in nlp.pipe((a.text for a in articles), batch_size=16):
            pass
        events = 0
    else:
        from sitrep.pipeline import Pipeline

        pipeline = Pipeline()
        loaded = time.perf_counter()
        events = sum(len(r.events) for r in pipeline.run(articles))
    done = time.perf_counter()
    return {
        "mode": mode, "articles": n, "events": events,
        "load_s": round(loaded - t0, 2), "run_s": round(done - loaded, 3),
        "articles_per_s": round(n / (done - loaded), 1),
        "chars": sum(len(a.text) for a in articles),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def measure(mode: str, files: list[Path], n: int) -> dict:
    args = [sys.executable, __file__, "--child", mode, "--n", str(n), "--files", *map(str, files)]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200, help="articles per run (the inputs repeat)")
    ap.add_argument("--files", nargs="+", type=Path, default=[f for f in DEFAULT_FILES if f.exists()])
    ap.add_argument("--child", choices=("spacy", "pipeline"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(run_one(args.child, args.files, args.n)))
        return
    spacy_run = measure("spacy", args.files, args.n)
    full = measure("pipeline", args.files, args.n)
    for r in (spacy_run, full):
        print(f"{r['mode']:9} {r['articles_per_s']:7.1f} articles/s  run {r['run_s']:6.2f} s  "
              f"load {r['load_s']:5.2f} s  peak RSS {r['peak_rss_mb']:7.1f} MB  events {r['events']}")
    beyond = 1 - spacy_run["run_s"] / full["run_s"]
    print(f"ratio pipeline/spaCy time: {full['run_s'] / spacy_run['run_s']:.2f}; "
          f"work beyond spaCy: {beyond:.0%} of the pipeline's per-article time")


if __name__ == "__main__":
    main()
