"""How the cost of an article grows with its length: the full pipeline against bare spaCy.

    python benchmarks/bench_length.py [--lengths 1 2 4 8 16 32] [--texts 8] [--repeat 3] [--rounds 5]

Texts of 1, 2, 4, ... paragraphs are built by concatenating the paragraphs (lines) of the
bundled sample articles (samples/articles.jsonl), cycling through them; ``--texts`` texts per
length, each starting at a different paragraph. Each length is timed ``--repeat`` times with
``Pipeline().run`` and with ``sitrep.nlp.load_model().pipe``; the best repeat is reported, as
ms per article and µs per character. Then the latency of one article at a time (the eight
samples, ``--rounds`` rounds): p50 and p95. Models are loaded and warmed up before timing.
"""
from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "articles.jsonl"


def load_samples(path: Path = SAMPLES) -> list:
    from sitrep.ingest import read_articles

    return [a for a in read_articles([path]) if not isinstance(a, Exception)]


def paragraphs_of(articles: list) -> list[str]:
    return [p.strip() for a in articles for p in a.text.split("\n") if p.strip()]


def build_texts(articles: list, length: int, count: int) -> list:
    """``count`` articles of ``length`` paragraphs each, cycling through the samples' paragraphs."""
    from sitrep.model import Article

    paras = paragraphs_of(articles)
    published = articles[0].published
    step = max(1, len(paras) // count)
    out = []
    for i in range(count):
        start = i * step
        text = "\n".join(paras[(start + j) % len(paras)] for j in range(length))
        out.append(Article(id=f"len{length}-{i}", text=text, title="", published=published, origin="bench"))
    return out


def best_seconds(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lengths", nargs="+", type=int, default=[1, 2, 4, 8, 16, 32], help="paragraphs per text")
    ap.add_argument("--texts", type=int, default=8, help="texts per length (default: 8)")
    ap.add_argument("--repeat", type=int, default=3, help="timed repeats per length; the best counts (default: 3)")
    ap.add_argument("--rounds", type=int, default=5, help="rounds over the samples for latency (default: 5)")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args()

    from sitrep.nlp import load_model
    from sitrep.pipeline import Pipeline

    samples = load_samples()
    t0 = time.perf_counter()
    pipeline = Pipeline()
    nlp = load_model()
    load_s = time.perf_counter() - t0
    for _ in pipeline.run(samples):  # warm-up: lazy tables, caches
        pass
    list(nlp.pipe(a.text for a in samples))

    rows = []
    for length in args.lengths:
        texts = build_texts(samples, length, args.texts)
        chars = statistics.mean(len(a.text) for a in texts)
        full = best_seconds(lambda: [r.events for r in pipeline.run(texts)], args.repeat)
        bare = best_seconds(lambda: list(nlp.pipe(a.text for a in texts)), args.repeat)
        events = statistics.mean(len(r.events) for r in pipeline.run(texts))
        n = len(texts)
        rows.append({"paragraphs": length, "chars": round(chars), "pipeline_ms": 1000 * full / n,
                     "spacy_ms": 1000 * bare / n, "pipeline_us_per_char": 1e6 * full / n / chars,
                     "spacy_us_per_char": 1e6 * bare / n / chars, "events": events})

    latency: dict[str, list[float]] = {"pipeline": [], "spacy": []}
    for _ in range(args.rounds):
        for a in samples:
            t = time.perf_counter()
            next(pipeline.run([a]))
            latency["pipeline"].append(1000 * (time.perf_counter() - t))
            t = time.perf_counter()
            nlp(a.text)
            latency["spacy"].append(1000 * (time.perf_counter() - t))
    lat = {k: {"p50_ms": percentile(v, 0.5), "p95_ms": percentile(v, 0.95), "n": len(v)} for k, v in latency.items()}

    if args.json:
        print(json.dumps({"load_s": load_s, "lengths": rows, "latency": lat}, indent=2))
        return
    print(f"models loaded in {load_s:.1f} s; {args.texts} texts per length, best of {args.repeat}")
    print(f"{'paras':>5} {'chars':>7} {'pipeline ms/art':>15} {'spaCy ms/art':>12} {'ratio':>5} "
          f"{'pipe us/char':>12} {'spaCy us/char':>13} {'events':>6}")
    for r in rows:
        print(f"{r['paragraphs']:>5} {r['chars']:>7} {r['pipeline_ms']:>15.1f} {r['spacy_ms']:>12.1f} "
              f"{r['pipeline_ms'] / r['spacy_ms']:>5.2f} {r['pipeline_us_per_char']:>12.1f} "
              f"{r['spacy_us_per_char']:>13.1f} {r['events']:>6.1f}")
    first, last = rows[0], rows[-1]
    growth = (last["pipeline_ms"] / first["pipeline_ms"]) / (last["chars"] / first["chars"])
    print(f"{last['paragraphs']}x / {first['paragraphs']}x paragraphs: chars x{last['chars'] / first['chars']:.1f}, "
          f"pipeline time x{last['pipeline_ms'] / first['pipeline_ms']:.1f} (time growth / char growth = "
          f"{growth:.2f}; 1.0 = linear), spaCy time x{last['spacy_ms'] / first['spacy_ms']:.1f}")
    mean_chars = statistics.mean(len(a.text) for a in samples)
    for k, v in lat.items():
        print(f"latency one article at a time ({k}, {len(samples)} samples x {args.rounds}, "
              f"~{mean_chars:.0f} chars): p50 {v['p50_ms']:.1f} ms, p95 {v['p95_ms']:.1f} ms")


if __name__ == "__main__":
    main()
